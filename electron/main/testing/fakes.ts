/*
 * In-memory stand-ins for the Electron objects in MainDeps, for unit tests only
 * (never imported by index.ts, so never bundled). They record what the main
 * process asked of them and let a test fire the events Electron would.
 */
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  Rectangle,
  SaveDialogOptions,
} from 'electron';
import type { IpcInvokeEventLike, MainDeps } from '../deps';
import { FakeEmitter, FakeWindow } from './windows';

export { FakeEmitter, FakeWebContents, FakeWindow, navigationEvent } from './windows';

export interface FakeElectronOptions {
  readonly lock?: boolean;
  readonly appPath?: string;
  readonly userData?: string;
  readonly documents?: string;
  readonly platform?: NodeJS.Platform;
  readonly isPackaged?: boolean;
  readonly dark?: boolean;
  readonly displays?: readonly Rectangle[];
  readonly saveDialogResult?: { canceled: boolean; filePath?: string };
  readonly openDialogResult?: { canceled: boolean; filePaths: string[] };
}

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: options.isPackaged ?? false,
    quitCalls: 0,
    aboutOptions: [] as unknown[],
    requestSingleInstanceLock: () => options.lock ?? true,
    quit: () => {
      app.quitCalls += 1;
    },
    whenReady: () => Promise.resolve(),
    getPath: (name: 'userData' | 'documents') =>
      name === 'userData' ? (options.userData ?? '/fake/userData') : (options.documents ?? '/fake/documents'),
    getAppPath: () => options.appPath ?? '/fake/app',
    getVersion: () => '1.2.3',
    setAboutPanelOptions: (about: unknown) => {
      app.aboutOptions.push(about);
    },
  });

  const windows: FakeWindow[] = [];
  let focused: FakeWindow | null = null;
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: BrowserWindowConstructorOptions) {
      super(windowOptions);
      windows.push(this);
      // Like Electron: every new web contents is announced on the app.
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): FakeWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    static getFocusedWindow(): FakeWindow | null {
      return focused;
    }
  }

  const protocol = {
    privileged: [] as CustomScheme[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged: (schemes: CustomScheme[]) => {
      protocol.privileged.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocol.handlers.set(scheme, handler);
    },
  };

  const session = {
    requestHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    checkHandler: null as null | ((contents: unknown, permission: string) => boolean),
    setPermissionRequestHandler: (h: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void) => {
      session.requestHandler = h;
    },
    setPermissionCheckHandler: (h: (contents: unknown, permission: string) => boolean) => {
      session.checkHandler = h;
    },
  };

  type IpcListener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;
  const ipcMain = {
    handlers: new Map<string, IpcListener>(),
    handle: (channel: string, listener: IpcListener) => {
      ipcMain.handlers.set(channel, listener);
    },
    /** Calls a handler as a frame showing `senderUrl` would (null: the frame is gone). */
    invoke: async (channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> => {
      const listener = ipcMain.handlers.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      return listener({ senderFrame: senderUrl === null ? null : { url: senderUrl } }, ...args);
    },
  };

  const shell = {
    opened: [] as string[],
    openExternal: (url: string) => {
      shell.opened.push(url);
      return Promise.resolve();
    },
  };

  const dialog = {
    requests: [] as SaveDialogOptions[],
    showSaveDialog: (dialogOptions: SaveDialogOptions) => {
      dialog.requests.push(dialogOptions);
      return Promise.resolve(options.saveDialogResult ?? { canceled: true, filePath: '' });
    },
    openRequests: [] as OpenDialogOptions[],
    showOpenDialog: (dialogOptions: OpenDialogOptions) => {
      dialog.openRequests.push(dialogOptions);
      return Promise.resolve(options.openDialogResult ?? { canceled: true, filePaths: [] });
    },
  };

  const nativeTheme = Object.assign(new FakeEmitter(), {
    shouldUseDarkColors: options.dark ?? false,
    themeSource: 'system' as 'system' | 'light' | 'dark',
  });

  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];
  const screen = {
    getAllDisplays: () => displays.map((workArea) => ({ workArea })),
    getPrimaryDisplay: () => ({ workArea: displays[0] ?? { x: 0, y: 0, width: 1920, height: 1040 } }),
  };

  const menus: MenuItemConstructorOptions[][] = [];

  const deps: MainDeps = {
    app,
    BrowserWindow,
    protocol,
    session: { defaultSession: session },
    setApplicationMenu: (template) => {
      menus.push(template);
    },
    shell,
    dialog,
    ipcMain,
    nativeTheme,
    screen,
    platform: options.platform ?? 'linux',
  };

  return {
    deps,
    app,
    windows,
    setFocused: (window: FakeWindow | null) => {
      focused = window;
    },
    protocol,
    session,
    ipcMain,
    shell,
    dialog,
    nativeTheme,
    menus,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Finds a menu item anywhere in a template. */
export function findMenuItem(
  template: readonly MenuItemConstructorOptions[],
  match: (item: MenuItemConstructorOptions) => boolean,
): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (match(item)) return item;
    if (Array.isArray(item.submenu)) {
      const found = findMenuItem(item.submenu, match);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
