import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Rectangle } from 'electron';
import { writeFileAtomicSync } from './atomic-write';
import type { WindowLike } from './deps';

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 880, height: 600 } as const;

/** The file is ours, but a user or a crash can still leave anything in it: validate before use. */
const windowStateSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  isMaximized: z.boolean().default(false),
});

export type WindowState = z.infer<typeof windowStateSchema>;

/** Position is optional: without it Electron centres the window on the primary display. */
export interface WindowPlacement {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly isMaximized: boolean;
}

export function windowStatePath(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

/** Returns the saved state, or null when the file is missing, not JSON or not a valid state. */
export function readWindowState(file: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomicSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Places the saved window on the display it overlaps most, shrunk to fit that
 * display's work area and moved fully inside it. A window saved on a monitor that
 * is no longer attached overlaps nothing and falls back to the default size,
 * centred by Electron on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[], primary: Rectangle): WindowPlacement {
  const fallback = (isMaximized: boolean): WindowPlacement => ({
    width: Math.min(DEFAULT_SIZE.width, primary.width),
    height: Math.min(DEFAULT_SIZE.height, primary.height),
    isMaximized,
  });
  if (saved === null) return fallback(false);

  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(saved, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === null) return fallback(saved.isMaximized);

  const width = Math.min(saved.width, best.width);
  const height = Math.min(saved.height, best.height);
  return {
    x: clamp(saved.x, best.x, best.x + best.width - width),
    y: clamp(saved.y, best.y, best.y + best.height - height),
    width,
    height,
    isMaximized: saved.isMaximized,
  };
}

/**
 * Saves the window's normal (un-maximized) bounds when it closes, so restoring a
 * maximized window later returns to a sensible size. A failed write must never
 * stop the window from closing.
 */
export function trackWindowState(window: WindowLike, file: string): void {
  window.on('close', () => {
    try {
      const { x, y, width, height } = window.getNormalBounds();
      const round = Math.round;
      writeWindowState(file, { x: round(x), y: round(y), width: round(width), height: round(height), isMaximized: window.isMaximized() });
    } catch (error) {
      console.warn(`Waypoint could not save the window position: ${String(error)}`);
    }
  });
}
