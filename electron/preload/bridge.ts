import {
  MENU_COMMAND_CHANNEL,
  QUIT_REQUESTED_CHANNEL,
  menuCommandSchema,
  type Bridge,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResults,
  type MenuCommand,
  type PrintPdfRequest,
} from '@shared/bridge';

/** The part of Electron's ipcRenderer the bridge needs (tests pass a fake). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds the one object the page sees as `window.waypoint`. Each member is a small
 * function over one channel: the page never gets ipcRenderer, an IPC event or a
 * way to name a channel itself. The main process validates every argument again.
 */
export function createBridge(ipc: IpcRendererLike) {
  // The cast trusts the main process, whose handle() is typed to InvokeResults.
  const invoke = <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResults[C]> =>
    ipc.invoke(channel, ...args) as Promise<InvokeResults[C]>;

  // The shell always gets its answer, with or without work registered: quitting never hangs on the page.
  const quitListeners = new Set<() => Promise<void>>();
  ipc.on(QUIT_REQUESTED_CHANNEL, () => {
    // async wrappers: a listener that throws before returning its promise must not stop the answer.
    void Promise.allSettled([...quitListeners].map(async (l) => l()))
      .then(() => invoke('app:quitReady'))
      .catch(() => undefined);
  });

  return {
    kind: 'electron',
    appInfo: () => invoke('app:info'),
    openExternal: (url) => invoke('shell:openExternal', url),
    setThemeSource: (source) => invoke('theme:setSource', source),
    setLanguage: (language) => invoke('app:setLanguage', language),
    // Rebuilt field by field so nothing the page attached rides along to the main process.
    saveFile: (request) =>
      invoke('files:saveAs', {
        suggestedName: request.suggestedName,
        data: request.data,
        filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      }),
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      const onMessage = (_event: unknown, command: unknown): void => {
        const parsed = menuCommandSchema.safeParse(command);
        if (parsed.success) listener(parsed.data);
      };
      ipc.on(MENU_COMMAND_CHANNEL, onMessage);
      return () => {
        ipc.removeListener(MENU_COMMAND_CHANNEL, onMessage);
      };
    },
    onQuitRequested: (listener: () => Promise<void>) => {
      quitListeners.add(listener);
      return () => {
        quitListeners.delete(listener);
      };
    },
    printPdf: (request: PrintPdfRequest) =>
      invoke('pdf:print', { hash: request.hash, paper: request.paper, suggestedName: request.suggestedName }),
    syncFolder: {
      current: () => invoke('syncFolder:current'),
      choose: () => invoke('syncFolder:choose'),
      forget: () => invoke('syncFolder:forget'),
      list: () => invoke('syncFolder:list'),
      read: (name: string) => invoke('syncFolder:read', name),
      readHead: (name: string) => invoke('syncFolder:readHead', name),
      // A fresh copy: only the bytes cross, never a view onto the page's larger buffer.
      write: (name: string, data: Uint8Array) => invoke('syncFolder:write', name, new Uint8Array(data)),
    },
  } satisfies Bridge;
}
