import { QUIT_REQUESTED_CHANNEL } from '@shared/bridge';
import type { AppLike, PreventableEvent, WindowLike } from './deps';

/** How long quitting waits for the renderer's last sync before it goes ahead anyway. */
export const QUIT_WAIT_MS = 10_000;

export interface QuitTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: QuitTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The sync on quit (PRODUCT §6): quitting the app or closing its window first asks the
 * renderer to finish (it syncs the folder and answers `app:quitReady`), then goes on.
 * A renderer that never answers holds the quit up for at most QUIT_WAIT_MS.
 */
export function createQuitCoordinator(app: Pick<AppLike, 'quit'>, waitMs: number = QUIT_WAIT_MS, timers: QuitTimers = realTimers) {
  let phase: 'running' | 'waiting' | 'done' = 'running';
  let resume: (() => void) | null = null;
  let timer: unknown = null;

  const ready = (): void => {
    if (phase !== 'waiting') return;
    phase = 'done';
    timers.clear(timer);
    const next = resume;
    resume = null;
    next?.();
  };

  const hold = (window: WindowLike, event: PreventableEvent, then: () => void): void => {
    if (phase === 'done' || window.isDestroyed()) return;
    event.preventDefault();
    if (phase === 'waiting') return;
    phase = 'waiting';
    resume = then;
    window.webContents.send(QUIT_REQUESTED_CHANNEL);
    timer = timers.set(ready, waitMs);
  };

  return {
    /** A new window starts a new session: its close (or the next quit) syncs again. */
    watchWindow(window: WindowLike): void {
      phase = 'running';
      window.on('close', (event) => hold(window, event, () => window.close()));
    },
    beforeQuit(window: WindowLike | null, event: PreventableEvent): void {
      if (phase === 'waiting') {
        // Quit pressed while a window close waits (macOS): when the renderer answers, quit, not just close.
        event.preventDefault();
        resume = () => app.quit();
        return;
      }
      if (window !== null) hold(window, event, () => app.quit());
    },
    ready,
  };
}
