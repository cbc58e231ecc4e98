import { describe, expect, it } from 'vitest';
import { MENU_COMMAND_CHANNEL, QUIT_REQUESTED_CHANNEL, type Bridge, type MenuCommand } from '@shared/bridge';
import { createBridge, type IpcRendererLike } from './bridge';

type RendererListener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(reply: unknown = undefined) {
  const invoked: Array<{ channel: string; args: unknown[] }> = [];
  const listeners = new Map<string, RendererListener[]>();
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      invoked.push({ channel, args });
      return Promise.resolve(reply);
    },
    on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
    removeListener: (channel, listener) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((l) => l !== listener),
      ),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, ...args);
  };
  return { ipc, invoked, listeners, emit };
}

describe('preload bridge', () => {
  it('exposes exactly the Bridge members, as an electron bridge', () => {
    const bridge: Bridge = createBridge(fakeIpc().ipc);
    expect(bridge.kind).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual([
      'appInfo',
      'kind',
      'onMenuCommand',
      'onQuitRequested',
      'openExternal',
      'printPdf',
      'saveFile',
      'setLanguage',
      'setThemeSource',
      'syncFolder',
    ]);
  });

  it('maps each call onto its invoke channel', async () => {
    const { ipc, invoked } = fakeIpc(true);
    const bridge = createBridge(ipc);
    await bridge.appInfo();
    await bridge.openExternal('https://example.com/');
    await bridge.setThemeSource('dark');
    const request = Object.assign(
      { suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: ['csv'] }] },
      { sneaky: 'extra field' },
    );
    await bridge.saveFile(request);
    expect(invoked).toEqual([
      { channel: 'app:info', args: [] },
      { channel: 'shell:openExternal', args: ['https://example.com/'] },
      { channel: 'theme:setSource', args: ['dark'] },
      { channel: 'files:saveAs', args: [{ suggestedName: 'a.csv', data: 'x', filters: [{ name: 'CSV', extensions: ['csv'] }] }] },
    ]);
  });

  it('delivers valid menu commands without the IPC event, ignores junk, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: MenuCommand[]) => received.push(args));

    emit(MENU_COMMAND_CHANNEL, 'edit:undo');
    emit(MENU_COMMAND_CHANNEL, 'rm -rf');
    emit(MENU_COMMAND_CHANNEL, { command: 'edit:redo' });
    emit(MENU_COMMAND_CHANNEL, 'view:toggleTheme');
    expect(received).toEqual([['edit:undo'], ['view:toggleTheme']]);

    unsubscribe();
    expect(listeners.get(MENU_COMMAND_CHANNEL)).toEqual([]);
    emit(MENU_COMMAND_CHANNEL, 'edit:redo');
    expect(received).toHaveLength(2);
  });
});

describe('preload bridge: sync folder', () => {
  const NAME = 'waypoint-0123456789abcdef.wpsync';

  it('maps each syncFolder call onto its invoke channel', async () => {
    const { ipc, invoked } = fakeIpc(null);
    const bridge = createBridge(ipc);
    await bridge.syncFolder.current();
    await bridge.syncFolder.choose();
    await bridge.syncFolder.forget();
    await bridge.syncFolder.list();
    await bridge.syncFolder.read(NAME);
    await bridge.syncFolder.readHead(NAME);
    await bridge.syncFolder.write(NAME, new Uint8Array([1, 2, 3]));
    expect(invoked).toEqual([
      { channel: 'syncFolder:current', args: [] },
      { channel: 'syncFolder:choose', args: [] },
      { channel: 'syncFolder:forget', args: [] },
      { channel: 'syncFolder:list', args: [] },
      { channel: 'syncFolder:read', args: [NAME] },
      { channel: 'syncFolder:readHead', args: [NAME] },
      { channel: 'syncFolder:write', args: [NAME, new Uint8Array([1, 2, 3])] },
    ]);
  });

  it('passes the main process what it answers', async () => {
    const entries = [{ name: NAME, size: 12 }];
    await expect(createBridge(fakeIpc(entries).ipc).syncFolder.list()).resolves.toBe(entries);
  });

  it('writes a copy of exactly the bytes of a view, not its whole buffer', async () => {
    const { ipc, invoked } = fakeIpc();
    const whole = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const view = whole.subarray(3, 6);
    await createBridge(ipc).syncFolder.write(NAME, view);
    const sent = invoked[0]?.args[1];
    if (!(sent instanceof Uint8Array)) throw new Error('no bytes were sent');
    expect(sent).not.toBe(view);
    expect([...sent]).toEqual([3, 4, 5]);
    expect(sent.byteOffset).toBe(0);
    expect(sent.buffer.byteLength).toBe(3);
    whole.fill(0); // the page changing its buffer afterwards does not reach what was sent
    expect([...sent]).toEqual([3, 4, 5]);
  });
});

describe('preload bridge: quit requests', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const deferred = () => {
    let resolve = (): void => undefined;
    const promise = new Promise<void>((res) => {
      resolve = res;
    });
    return { promise, resolve: () => resolve() };
  };
  const readyCalls = (invoked: Array<{ channel: string; args: unknown[] }>) => invoked.filter((c) => c.channel === 'app:quitReady');

  it('runs every listener and answers app:quitReady once, after all of them finished', async () => {
    const { ipc, invoked, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const a = deferred();
    const b = deferred();
    const started: string[] = [];
    bridge.onQuitRequested(() => {
      started.push('a');
      return a.promise;
    });
    bridge.onQuitRequested(() => {
      started.push('b');
      return b.promise;
    });

    emit(QUIT_REQUESTED_CHANNEL);
    expect(started).toEqual(['a', 'b']);
    a.resolve();
    await settle();
    expect(invoked).toEqual([]); // b still syncing
    b.resolve();
    await settle();
    expect(invoked).toEqual([{ channel: 'app:quitReady', args: [] }]);
  });

  it('answers at once when no listener is registered', async () => {
    const { ipc, invoked, emit } = fakeIpc();
    createBridge(ipc);
    emit(QUIT_REQUESTED_CHANNEL);
    await settle();
    expect(invoked).toEqual([{ channel: 'app:quitReady', args: [] }]);
  });

  it('still answers once when a listener rejects', async () => {
    const { ipc, invoked, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    let otherRan = false;
    bridge.onQuitRequested(() => Promise.reject(new Error('the sync folder is offline')));
    bridge.onQuitRequested(async () => {
      otherRan = true;
    });
    emit(QUIT_REQUESTED_CHANNEL);
    await settle();
    expect(otherRan).toBe(true);
    expect(readyCalls(invoked)).toHaveLength(1);
  });

  it('does not run an unsubscribed listener', async () => {
    const { ipc, invoked, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    const ran: string[] = [];
    const unsubscribe = bridge.onQuitRequested(async () => {
      ran.push('gone');
    });
    bridge.onQuitRequested(async () => {
      ran.push('kept');
    });
    unsubscribe();
    unsubscribe(); // twice is harmless
    emit(QUIT_REQUESTED_CHANNEL);
    await settle();
    expect(ran).toEqual(['kept']);
    expect(readyCalls(invoked)).toHaveLength(1);
  });

  it('answers each request of the main process', async () => {
    const { ipc, invoked, emit } = fakeIpc();
    const bridge = createBridge(ipc);
    let runs = 0;
    bridge.onQuitRequested(async () => {
      runs += 1;
    });
    emit(QUIT_REQUESTED_CHANNEL);
    await settle();
    emit(QUIT_REQUESTED_CHANNEL);
    await settle();
    expect(runs).toBe(2);
    expect(readyCalls(invoked)).toHaveLength(2);
  });
});
