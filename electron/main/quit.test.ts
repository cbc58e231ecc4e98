import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUIT_REQUESTED_CHANNEL } from '@shared/bridge';
import { createQuitCoordinator, QUIT_WAIT_MS, type QuitTimers } from './quit';
import { FakeWindow } from './testing/windows';

afterEach(() => {
  vi.useRealTimers();
});

/** Timers that fire only when the test says so. */
function fakeTimers() {
  let nextId = 1;
  const pending = new Map<number, { fn: () => void; ms: number }>();
  const timers: QuitTimers & { pending: typeof pending; fireAll(): void } = {
    pending,
    set: (fn, ms) => {
      const id = nextId++;
      pending.set(id, { fn, ms });
      return id;
    },
    clear: (handle) => {
      pending.delete(handle as number);
    },
    fireAll: () => {
      for (const [id, timer] of [...pending]) {
        pending.delete(id);
        timer.fn();
      }
    },
  };
  return timers;
}

function quitEvent() {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

function setup(waitMs = 500) {
  const app = {
    quitCalls: 0,
    quit: () => {
      app.quitCalls += 1;
    },
  };
  const timers = fakeTimers();
  const quit = createQuitCoordinator(app, waitMs, timers);
  const window = new FakeWindow({});
  quit.watchWindow(window);
  const requests = (w: FakeWindow = window) => w.webContents.sent.filter((m) => m.channel === QUIT_REQUESTED_CHANNEL).length;
  return { app, timers, quit, window, requests };
}

describe('quitting the app', () => {
  it('holds the quit, asks the renderer once, and quits once it is ready', () => {
    const { app, timers, quit, window, requests } = setup();
    const first = quitEvent();
    quit.beforeQuit(window, first);
    expect(first.prevented).toBe(true);
    expect(window.webContents.sent).toEqual([{ channel: QUIT_REQUESTED_CHANNEL, args: [] }]);
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([500]);

    // Pressing quit again while the renderer syncs: still held, but no second request or timer.
    const second = quitEvent();
    quit.beforeQuit(window, second);
    expect(second.prevented).toBe(true);
    expect(requests()).toBe(1);
    expect(timers.pending.size).toBe(1);
    expect(app.quitCalls).toBe(0);

    quit.ready();
    expect(app.quitCalls).toBe(1);
    expect(timers.pending.size).toBe(0); // the time limit is cancelled
    quit.ready();
    expect(app.quitCalls).toBe(1);

    // app.quit() fires before-quit again and then closes the window: both go through now.
    const third = quitEvent();
    quit.beforeQuit(window, third);
    expect(third.prevented).toBe(false);
    window.close();
    expect(window.destroyed).toBe(true);
    expect(requests()).toBe(1);
  });

  it('quits anyway when the renderer never answers within the time limit', () => {
    const { app, timers, quit, window } = setup();
    quit.beforeQuit(window, quitEvent());
    expect(app.quitCalls).toBe(0);
    timers.fireAll();
    expect(app.quitCalls).toBe(1);
    quit.ready(); // a late answer changes nothing
    expect(app.quitCalls).toBe(1);
    const after = quitEvent();
    quit.beforeQuit(window, after);
    expect(after.prevented).toBe(false);
  });

  it('waits QUIT_WAIT_MS by default, on real timers', () => {
    vi.useFakeTimers();
    expect(QUIT_WAIT_MS).toBe(10_000);
    const app = { quitCalls: 0, quit: () => (app.quitCalls += 1) };
    const quit = createQuitCoordinator(app);
    const window = new FakeWindow({});
    quit.watchWindow(window);
    quit.beforeQuit(window, quitEvent());
    vi.advanceTimersByTime(QUIT_WAIT_MS - 1);
    expect(app.quitCalls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(app.quitCalls).toBe(1);
  });

  it('clears the real timer when the renderer answers in time', () => {
    vi.useFakeTimers();
    const app = { quitCalls: 0, quit: () => (app.quitCalls += 1) };
    const quit = createQuitCoordinator(app, 1000);
    const window = new FakeWindow({});
    quit.watchWindow(window);
    quit.beforeQuit(window, quitEvent());
    expect(vi.getTimerCount()).toBe(1);
    quit.ready();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(app.quitCalls).toBe(1);
  });

  it('does not hold the quit when there is no window, or only a destroyed one', () => {
    const { app, timers, quit, window } = setup();
    const none = quitEvent();
    quit.beforeQuit(null, none);
    expect(none.prevented).toBe(false);
    window.destroyed = true;
    const gone = quitEvent();
    quit.beforeQuit(window, gone);
    expect(gone.prevented).toBe(false);
    expect(window.webContents.sent).toEqual([]);
    expect(timers.pending.size).toBe(0);
    expect(app.quitCalls).toBe(0);
  });

  it('ignores an answer nobody asked for: the next quit still waits for the sync', () => {
    const { app, quit, window, requests } = setup();
    quit.ready();
    expect(app.quitCalls).toBe(0);
    const event = quitEvent();
    quit.beforeQuit(window, event);
    expect(event.prevented).toBe(true);
    expect(requests()).toBe(1);
  });
});

describe('closing the window', () => {
  it('holds the close, asks the renderer once, and really closes once it is ready', () => {
    const { app, timers, quit, window, requests } = setup();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(requests()).toBe(1);
    window.close(); // the user clicks the close button again while it syncs
    expect(window.destroyed).toBe(false);
    expect(requests()).toBe(1);
    expect(timers.pending.size).toBe(1);

    quit.ready();
    expect(window.destroyed).toBe(true);
    expect(window.calls).toEqual(['close', 'close', 'close']);
    expect(timers.pending.size).toBe(0);
    expect(app.quitCalls).toBe(0);
  });

  it('closes anyway when the renderer never answers', () => {
    const { timers, window } = setup();
    window.close();
    expect(window.destroyed).toBe(false);
    timers.fireAll();
    expect(window.destroyed).toBe(true);
  });

  it('holds a quit that arrives while the close waits, without asking again', () => {
    const { quit, window, requests } = setup();
    window.close();
    const event = quitEvent();
    quit.beforeQuit(window, event);
    expect(event.prevented).toBe(true);
    expect(requests()).toBe(1);
  });

  it('starts over for a new window after a completed close', () => {
    const { app, timers, quit, window, requests } = setup();
    window.close();
    quit.ready();
    expect(window.destroyed).toBe(true);

    // macOS: the app stays, the dock icon opens a new window.
    const next = new FakeWindow({});
    quit.watchWindow(next);
    next.close();
    expect(next.destroyed).toBe(false);
    expect(requests(next)).toBe(1);
    expect(requests(window)).toBe(1);
    quit.ready();
    expect(next.destroyed).toBe(true);

    // And once more for a quit in a third session.
    const third = new FakeWindow({});
    quit.watchWindow(third);
    const event = quitEvent();
    quit.beforeQuit(third, event);
    expect(event.prevented).toBe(true);
    expect(requests(third)).toBe(1);
    timers.fireAll();
    expect(app.quitCalls).toBe(1);
  });
});
