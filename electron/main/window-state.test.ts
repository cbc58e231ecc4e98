import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeWindow } from './testing/fakes';
import { DEFAULT_SIZE, placeWindow, readWindowState, trackWindowState, windowStatePath, writeWindowState } from './window-state';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'waypoint-state-'));
  file = windowStatePath(dir);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('readWindowState', () => {
  it('returns null for a missing, non-JSON or invalid file', () => {
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, '{not json');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 'wide', height: 700 }));
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 0.5, y: 0, width: 1000, height: 700 }));
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify([1, 2, 3]));
    expect(readWindowState(file)).toBeNull();
  });

  it('round-trips what writeWindowState wrote, atomically', () => {
    const state = { x: 40, y: 30, width: 1200, height: 800, isMaximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('creates the user-data folder if needed', () => {
    const nested = windowStatePath(path.join(dir, 'new', 'folder'));
    writeWindowState(nested, { x: 0, y: 0, width: 900, height: 700, isMaximized: false });
    expect(existsSync(nested)).toBe(true);
  });
});

describe('placeWindow', () => {
  it('uses the default size, centred by Electron, when nothing was saved', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ ...DEFAULT_SIZE, isMaximized: false });
  });

  it('keeps a window that fits where it was, on a secondary display too', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, isMaximized: false };
    expect(placeWindow(saved, [laptop, monitorRight], laptop)).toEqual(saved);
  });

  it('falls back to the primary display when the saved display is gone', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 900, isMaximized: true };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ ...DEFAULT_SIZE, isMaximized: true });
  });

  it('moves a partly off-screen window fully inside its display', () => {
    const saved = { x: -300, y: 700, width: 1000, height: 600, isMaximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 0, y: 260, width: 1000, height: 600, isMaximized: false });
  });

  it('shrinks a window larger than the display', () => {
    const saved = { x: 10, y: 10, width: 3000, height: 2000, isMaximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1440, height: 860, isMaximized: false });
  });

  it('never makes the default bigger than a small primary display', () => {
    const small = { x: 0, y: 0, width: 1024, height: 700 };
    expect(placeWindow(null, [small], small)).toEqual({ width: 1024, height: 700, isMaximized: false });
  });
});

describe('trackWindowState', () => {
  it('saves the normal bounds and maximized flag when the window closes', () => {
    const window = new FakeWindow({ x: 12, y: 34, width: 1111, height: 777 });
    window.maximized = true;
    trackWindowState(window, file);
    window.emit('close');
    expect(readWindowState(file)).toEqual({ x: 12, y: 34, width: 1111, height: 777, isMaximized: true });
  });

  it('lets the window close even when the state cannot be written', () => {
    const blocker = path.join(dir, 'blocker');
    writeFileSync(blocker, 'a file where a folder should be');
    const window = new FakeWindow({ width: 1000, height: 700 });
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      trackWindowState(window, windowStatePath(path.join(blocker, 'sub')));
      expect(() => window.emit('close')).not.toThrow();
    } finally {
      console.warn = warn;
    }
    expect(warnings).toHaveLength(1);
  });
});
