// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCommandAvailable, registerCommand, runCommand, useCommand, useCommands } from '../stores/commands';
import { useKeyboard } from './useKeyboard';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the command registry (stores/commands)', () => {
  beforeEach(() => useCommands.setState({ handlers: new Map() }));

  it('runs the latest screen that handles a command, and the one before once it leaves', () => {
    const calls: string[] = [];
    const offPage = registerCommand('app:find', () => calls.push('page'));
    const offDialog = registerCommand('app:find', () => calls.push('dialog'));
    expect(runCommand('app:find')).toBe(true);
    offDialog();
    expect(runCommand('app:find')).toBe(true);
    offPage();
    expect(runCommand('app:find')).toBe(false);
    expect(isCommandAvailable('app:find')).toBe(false);
    expect(calls).toEqual(['dialog', 'page']);
  });
});

let root: Root | null = null;
let host: HTMLElement;
function Screen({ onFilter, onUndo, onPalette }: { onFilter: () => void; onUndo: () => void; onPalette: () => void }) {
  useKeyboard();
  useCommand('accounts:filter', onFilter);
  useCommand('edit:undo', onUndo);
  useCommand('app:commandPalette', onPalette);
  return createElement(
    'div',
    null,
    createElement('input', { 'aria-label': 'name' }),
    createElement('input', { type: 'checkbox', 'aria-label': 'done' }),
    createElement('div', { role: 'dialog' }, createElement('button', null, 'in a dialog')),
  );
}

const key = (target: Element, k: string, mods: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods });
  target.dispatchEvent(e);
  return e;
};

describe('useKeyboard: one handler, one "is the user typing?" rule', () => {
  const spies = { onFilter: vi.fn(), onUndo: vi.fn(), onPalette: vi.fn() };
  beforeEach(() => {
    useCommands.setState({ handlers: new Map() });
    for (const s of Object.values(spies)) s.mockClear();
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    act(() => root!.render(createElement(Screen, spies)));
  });
  afterEach(() => {
    act(() => root?.unmount());
    host.remove();
  });

  it('runs a single-key command outside a field, and lets the key type inside one', () => {
    const input = host.querySelector('input[aria-label="name"]')!;
    const checkbox = host.querySelector('input[type="checkbox"]')!;
    expect(key(document.body, '/').defaultPrevented).toBe(true);
    expect(key(input, '/').defaultPrevented).toBe(false);
    expect(key(checkbox, '/').defaultPrevented).toBe(true);
    expect(spies.onFilter).toHaveBeenCalledTimes(2);
  });

  it('keeps Ctrl+Z for the field while typing, and runs Ctrl+K from anywhere', () => {
    const input = host.querySelector('input[aria-label="name"]')!;
    expect(key(input, 'z', { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(spies.onUndo).not.toHaveBeenCalled();
    key(document.body, 'z', { ctrlKey: true });
    expect(spies.onUndo).toHaveBeenCalledTimes(1);
    expect(key(input, 'k', { metaKey: true }).defaultPrevented).toBe(true);
    expect(spies.onPalette).toHaveBeenCalledTimes(1);
  });

  it('leaves a page command alone while a dialog has focus, and a key no screen handles unmarked', () => {
    key(host.querySelector('[role="dialog"] button')!, '/');
    expect(spies.onFilter).not.toHaveBeenCalled();
    expect(key(document.body, 'c').defaultPrevented).toBe(false);
  });

  it('stops handling when the screen leaves', () => {
    act(() => root?.unmount());
    root = null;
    key(document.body, '/');
    expect(spies.onFilter).not.toHaveBeenCalled();
  });
});
