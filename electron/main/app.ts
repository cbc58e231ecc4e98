import path from 'node:path';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '@shared/bridge';
import type { MainDeps, WindowLike } from './deps';
import { registerIpc } from './ipc/index';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol, type FileReader, readFileOrNull } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { createQuitCoordinator } from './quit';
import { createMainWindow, revealWindow } from './window';

export interface MainHandle {
  /** False when another Waypoint already runs: this process then just quits. */
  readonly isPrimary: boolean;
  /** Settles once the app is ready and the first window exists. */
  readonly ready: Promise<void>;
  mainWindow(): WindowLike | null;
}

export interface MainOptions {
  /** Reads files for app://; tests may swap it, the app uses the file system (asar-aware in Electron). */
  readonly readFile?: FileReader;
  /** How long quitting waits for the renderer's sync on quit. */
  readonly quitWaitMs?: number;
}

/**
 * Wires the whole main process from injected Electron objects. index.ts is the
 * only caller that passes the real ones.
 */
export function createMain(deps: MainDeps, options: MainOptions = {}): MainHandle {
  const { app } = deps;

  // Must happen before 'ready'; gives app:// a stable secure origin for IndexedDB.
  deps.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME_PRIVILEGES.scheme, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } },
  ]);

  // Two instances would write the same IndexedDB and window state: the second one
  // hands over to the first (which comes to the front) and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { isPrimary: false, ready: Promise.resolve(), mainWindow: () => null };
  }

  // getAppPath() is the project folder in development and app.asar when packaged.
  const appRoot = app.getAppPath();
  const paths = {
    preload: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    renderer: path.join(appRoot, 'dist'),
  };

  let mainWindow: WindowLike | null = null;
  let isReady = false;
  const liveWindow = (): WindowLike | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  const quit = createQuitCoordinator(app, options.quitWaitMs);
  const openWindow = (): void => {
    mainWindow = createMainWindow(deps, { preload: paths.preload, userData: app.getPath('userData') });
    quit.watchWindow(mainWindow);
  };
  app.on('before-quit', (event) => quit.beforeQuit(liveWindow(), event));

  const sendCommand = (command: MenuCommand): void => {
    const target = deps.BrowserWindow.getFocusedWindow() ?? liveWindow();
    if (target !== null && !target.isDestroyed()) target.webContents.send(MENU_COMMAND_CHANNEL, command);
  };

  app.on('second-instance', () => {
    const window = liveWindow();
    if (window !== null) revealWindow(window);
    // macOS keeps running with every window closed: launching again should show one.
    else if (isReady) openWindow();
  });

  // Every web contents, including any created later, gets the same guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps.shell));

  app.on('window-all-closed', () => {
    if (deps.platform !== 'darwin') app.quit();
  });

  const ready = app.whenReady().then(() => {
    denyAllPermissions(deps.session.defaultSession);
    registerAppProtocol(deps.protocol, paths.renderer, options.readFile ?? readFileOrNull);
    const setMenu = (language?: string) =>
      deps.setApplicationMenu(buildMenuTemplate({ isPackaged: app.isPackaged, platform: deps.platform, sendCommand, language }));
    registerIpc(deps, { quitReady: quit.ready, setLanguage: setMenu });
    app.setAboutPanelOptions({ applicationName: 'Waypoint', applicationVersion: app.getVersion() });
    setMenu();
    isReady = true;
    openWindow();
    // macOS keeps the app alive without windows; clicking the dock icon reopens one.
    app.on('activate', () => {
      if (deps.BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  return { isPrimary: true, ready, mainWindow: liveWindow };
}
