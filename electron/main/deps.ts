import type {
  AboutPanelOptionsOptions,
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  Rectangle,
  SaveDialogOptions,
  OpenDialogOptions,
  PrintToPDFOptions,
} from 'electron';

/**
 * The slices of Electron the main process uses, as plain structural types.
 * index.ts passes the real modules (the compiler checks they fit); unit tests pass
 * fakes, so no test ever loads the Electron binary.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface WebContentsLike {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
  send(channel: string, ...args: unknown[]): void;
  executeJavaScript(code: string): Promise<unknown>;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
}

export interface WindowLike {
  readonly webContents: WebContentsLike;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  setBackgroundColor(color: string): void;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  close(): void;
}

export interface BrowserWindowClass {
  new (options: BrowserWindowConstructorOptions): WindowLike;
  getAllWindows(): WindowLike[];
  getFocusedWindow(): WindowLike | null;
}

export interface AppLike {
  readonly isPackaged: boolean;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  whenReady(): Promise<void>;
  getPath(name: 'userData' | 'documents'): string;
  getAppPath(): string;
  getVersion(): string;
  setAboutPanelOptions(options: AboutPanelOptionsOptions): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

export interface IpcInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

export interface DialogLike {
  /** index.ts parents the dialog to the focused window, so callers need not know windows. */
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface NativeThemeLike {
  readonly shouldUseDarkColors: boolean;
  themeSource: 'system' | 'light' | 'dark';
  on(event: 'updated', listener: () => void): unknown;
}

export interface DisplayLike {
  readonly workArea: Rectangle;
}

export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
}

export interface MainDeps {
  readonly app: AppLike;
  readonly BrowserWindow: BrowserWindowClass;
  readonly protocol: ProtocolLike;
  readonly session: { readonly defaultSession: SessionLike };
  /** Menu.buildFromTemplate + Menu.setApplicationMenu in one step (the built Menu is opaque to us). */
  readonly setApplicationMenu: (template: MenuItemConstructorOptions[]) => void;
  readonly shell: ShellLike;
  readonly dialog: DialogLike;
  readonly ipcMain: IpcMainLike;
  readonly nativeTheme: NativeThemeLike;
  readonly screen: ScreenLike;
  readonly platform: NodeJS.Platform;
}
