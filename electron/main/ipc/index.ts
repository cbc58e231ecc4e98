import type { MainDeps } from '../deps';
import { registerAppIpc } from './app';
import { registerFilesIpc } from './files';
import { createHandle } from './handle';
import { registerShellIpc } from './shell';
import { registerSyncFolderIpc } from './syncFolder';
import { registerPdfIpc } from './pdf';
import { registerThemeIpc } from './theme';

/** Registers every invoke channel of shared/bridge.ts, one file per channel group. */
export interface IpcHooks {
  /** The renderer finished its work before quitting (the sync on quit). */
  readonly quitReady?: () => void;
  /** The renderer's language changed: the native menu is rebuilt in it. */
  readonly setLanguage?: (language: string) => void;
}

export function registerIpc(deps: MainDeps, hooks: IpcHooks = {}): void {
  const handle = createHandle(deps.ipcMain);
  registerAppIpc(handle, deps.app, deps.platform);
  registerShellIpc(handle, deps.shell);
  registerThemeIpc(handle, deps.nativeTheme, deps.BrowserWindow);
  registerFilesIpc(handle, { dialog: deps.dialog, app: deps.app });
  registerSyncFolderIpc(handle, { dialog: deps.dialog, app: deps.app });
  registerPdfIpc(handle, { BrowserWindow: deps.BrowserWindow, dialog: deps.dialog, app: deps.app });
  handle('app:setLanguage', (language) => {
    hooks.setLanguage?.(language);
    return undefined;
  });
  handle('app:quitReady', () => {
    hooks.quitReady?.();
    return undefined;
  });
}
