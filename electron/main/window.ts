import type { WebPreferences } from 'electron';
import { APP_ORIGIN } from '@shared/bridge';
import type { MainDeps, NativeThemeLike, WindowLike } from './deps';
import { MIN_SIZE, placeWindow, readWindowState, trackWindowState, windowStatePath } from './window-state';

/*
 * Background colours painted before the renderer's first frame, so a dark-mode
 * user never sees a white flash. Keep them in step with the renderer's page background.
 */
// Same as the renderer's --bg tokens, so no flash before the first paint.
export const BACKGROUND = { light: '#F7F7F8', dark: '#131418' } as const;

export function backgroundColor(theme: NativeThemeLike): string {
  return theme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

/**
 * The renderer is a web page with no Node powers: it reaches the shell only
 * through the preload's typed bridge (contextIsolation + sandbox), and may not
 * embed other pages or run Node in frames or workers.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export const START_URL = `${APP_ORIGIN}/index.html`;

export interface WindowPaths {
  readonly preload: string;
  readonly userData: string;
}

export function createMainWindow(deps: MainDeps, paths: WindowPaths): WindowLike {
  const { screen, nativeTheme, BrowserWindow } = deps;
  const stateFile = windowStatePath(paths.userData);
  const placement = placeWindow(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );

  const window = new BrowserWindow({
    ...(placement.x === undefined ? {} : { x: placement.x }),
    ...(placement.y === undefined ? {} : { y: placement.y }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Waypoint',
    // Shown on ready-to-show: no blank window while the bundle parses.
    show: false,
    backgroundColor: backgroundColor(nativeTheme),
    webPreferences: secureWebPreferences(paths.preload),
  });

  if (placement.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  trackWindowState(window, stateFile);

  window.loadURL(START_URL).catch((error: unknown) => {
    // Typically dist/ was not built; the window stays on its background colour.
    console.error(`Waypoint could not load its interface (${String(error)}). Run "npm run build" first.`);
  });
  return window;
}

/** Brings an existing window to the front, e.g. when the user launches Waypoint again. */
export function revealWindow(window: WindowLike): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
