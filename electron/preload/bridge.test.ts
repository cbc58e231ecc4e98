import { describe, expect, it } from 'vitest';
import { MENU_COMMAND_CHANNEL, type Bridge, type MenuCommand } from '@shared/bridge';
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
    removeListener: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
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
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'kind', 'onMenuCommand', 'onQuitRequested', 'openExternal', 'saveFile', 'setThemeSource', 'syncFolder']);
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
