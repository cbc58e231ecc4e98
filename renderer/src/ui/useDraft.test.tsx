// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDraft } from './useDraft';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PAUSE = 700;

/** Whole numbers only, like an ARR or a seat count field. */
const parseCount = (s: string): { ok: true; value: number } | { ok: false; error: string } =>
  /^\d+$/.test(s.trim()) ? { ok: true, value: Number(s.trim()) } : { ok: false, error: 'Enter a whole number' };

/** The smallest real consumer of the hook: one labelled control and its message. */
function Field(props: { saved: string; commit: (value: number) => void; multiline?: boolean }) {
  const d = useDraft({ saved: props.saved, parse: parseCount, commit: props.commit });
  const common = {
    'aria-label': 'Seats',
    value: d.draft,
    onBlur: d.onBlur,
    onKeyDown: d.onKeyDown,
  };
  return (
    <div>
      {props.multiline ? (
        <textarea {...common} onChange={(e) => d.onChange(e.target.value)} />
      ) : (
        <input {...common} onChange={(e) => d.onChange(e.target.value)} />
      )}
      {d.error ? <p role="alert">{d.error}</p> : null}
    </div>
  );
}

let root: Root | null = null;
let host: HTMLElement;

function render(props: Parameters<typeof Field>[0]): void {
  const r = root;
  if (!r) throw new Error('no root');
  act(() => r.render(<Field {...props} />));
}

function control(): HTMLInputElement | HTMLTextAreaElement {
  const el = host.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
  if (!el) throw new Error('no control rendered');
  return el;
}

const shown = () => control().value;
const message = () => host.querySelector('[role="alert"]')?.textContent ?? null;

/** Types the whole value as the user would leave it after a keystroke (React listens to `input`). */
function type(value: string): void {
  const el = control();
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function press(key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  act(() => {
    control().dispatchEvent(ev);
  });
  return ev;
}

const focus = () => act(() => control().focus());
const blur = () => act(() => control().blur());
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host.remove();
  vi.useRealTimers();
});

describe('useDraft', () => {
  it('shows the saved value, and an invalid draft shows its message, stays on screen and is never committed', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    expect(shown()).toBe('8');
    expect(message()).toBeNull();

    focus();
    type('8x');
    expect(message()).toBe('Enter a whole number');
    wait(PAUSE * 3);
    blur();
    press('Enter');
    expect(commit).not.toHaveBeenCalled();
    expect(shown()).toBe('8x');
    expect(message()).toBe('Enter a whole number');

    // Fixing it clears the message and commits the fixed value.
    type('9');
    expect(message()).toBeNull();
    wait(PAUSE);
    expect(commit.mock.calls).toEqual([[9]]);
  });

  it('commits a valid value once, after the pause, not on every keystroke', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('1');
    wait(PAUSE - 100);
    type('12');
    wait(PAUSE - 100);
    type('120');
    expect(commit).not.toHaveBeenCalled();
    wait(PAUSE - 1);
    expect(commit).not.toHaveBeenCalled();
    wait(1);
    expect(commit.mock.calls).toEqual([[120]]);
    // Nothing left pending: a blur of the same value does not write it again.
    wait(PAUSE * 3);
    blur();
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('a pause that ends on an invalid keystroke commits nothing, even if a valid value was typed before it', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('12');
    wait(PAUSE - 100);
    type('12a');
    wait(PAUSE * 2);
    expect(commit).not.toHaveBeenCalled();
  });

  it('blur commits at once, without waiting for the pause, and only once', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('15');
    blur();
    expect(commit.mock.calls).toEqual([[15]]);
    wait(PAUSE * 2);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('Enter commits at once and leaves the field, and only once', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('21');
    const ev = press('Enter');
    expect(commit.mock.calls).toEqual([[21]]);
    expect(ev.defaultPrevented).toBe(true);
    expect(document.activeElement).not.toBe(control());
    wait(PAUSE * 2);
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('a blur or Enter without a change commits nothing', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    blur();
    focus();
    press('Enter');
    // Typed back to the saved value before the pause.
    type('80');
    type('8');
    wait(PAUSE);
    expect(commit).not.toHaveBeenCalled();
  });

  it('in a textarea Enter is a new line and Ctrl/Cmd+Enter commits', () => {
    const commit = vi.fn();
    render({ saved: '8', commit, multiline: true });
    focus();
    type('30');
    const plain = press('Enter');
    expect(plain.defaultPrevented).toBe(false);
    expect(commit).not.toHaveBeenCalled();
    press('Enter', { ctrlKey: true });
    expect(commit.mock.calls).toEqual([[30]]);
    type('31');
    press('Enter', { metaKey: true });
    expect(commit.mock.calls).toEqual([[30], [31]]);
  });

  it('Escape returns to the saved value, drops the pending commit and clears the message', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('99');
    press('Escape');
    expect(shown()).toBe('8');
    wait(PAUSE * 2);
    expect(commit).not.toHaveBeenCalled();

    type('9z');
    expect(message()).toBe('Enter a whole number');
    press('Escape');
    expect(shown()).toBe('8');
    expect(message()).toBeNull();
    blur();
    expect(commit).not.toHaveBeenCalled();
  });

  it('Escape does not bubble (a dialog around the field stays open)', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    const outer = vi.fn();
    document.body.addEventListener('keydown', outer);
    focus();
    type('99');
    press('Escape');
    expect(outer).not.toHaveBeenCalled();
    press('Tab');
    expect(outer).toHaveBeenCalledTimes(1);
    document.body.removeEventListener('keydown', outer);
  });

  it('follows a change from outside (undo, another window) while the user is not editing', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    render({ saved: '12', commit });
    expect(shown()).toBe('12');

    // After an edit is done (blur), it follows again.
    focus();
    type('20');
    blur();
    render({ saved: '20', commit });
    render({ saved: '7', commit });
    expect(shown()).toBe('7');
    expect(commit.mock.calls).toEqual([[20]]);
  });

  it('does not overwrite what the user is typing when the saved value changes meanwhile', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('42');
    render({ saved: '12', commit });
    expect(shown()).toBe('42');
    wait(PAUSE);
    // The typed value is committed over the outside one, not dropped.
    expect(commit.mock.calls).toEqual([[42]]);
    expect(shown()).toBe('42');
  });

  it('a commit the repository refuses (saved stays as it was) keeps the typed text while the user is in the field', () => {
    // commit() shows the refusal as a toast and writes nothing, so the saved value never changes.
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('250');
    wait(PAUSE);
    expect(commit.mock.calls).toEqual([[250]]);
    render({ saved: '8', commit });
    expect(shown()).toBe('250');
    expect(message()).toBeNull();

    // The user can go on from what they typed.
    type('25');
    wait(PAUSE);
    expect(commit.mock.calls).toEqual([[250], [25]]);
    expect(shown()).toBe('25');
  });

  it('after a refused commit, Enter tries again and leaving the field keeps what was typed', async () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('250');
    wait(PAUSE);
    await act(async () => undefined);
    render({ saved: '8', commit });
    press('Enter');
    expect(commit.mock.calls).toEqual([[250], [250]]);
    expect(shown()).toBe('250');
    blur();
    await act(async () => undefined);
    expect(shown()).toBe('250');
    // Escape is the way back to the saved value.
    focus();
    press('Escape');
    expect(shown()).toBe('8');
  });

  it('Enter shows the committed value until the database answers (no flash of the old value)', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('21');
    press('Enter');
    expect(commit.mock.calls).toEqual([[21]]);
    expect(shown()).toBe('21');
    render({ saved: '21', commit });
    expect(shown()).toBe('21');
    // And it follows the database again afterwards (undo).
    render({ saved: '8', commit });
    expect(shown()).toBe('8');
  });

  it('leaving the screen before the pause ends commits what was typed', () => {
    const commit = vi.fn();
    render({ saved: '8', commit });
    focus();
    type('12');
    act(() => root?.unmount());
    root = null;
    expect(commit.mock.calls).toEqual([[12]]);
  });
});
