import type { MainDeps } from '../deps';
import { registerAppIpc } from './app';
import { registerFilesIpc } from './files';
import { createHandle } from './handle';
import { registerShellIpc } from './shell';
import { registerThemeIpc } from './theme';

/** Registers every invoke channel of shared/bridge.ts, one file per channel group. */
export function registerIpc(deps: MainDeps): void {
  const handle = createHandle(deps.ipcMain);
  registerAppIpc(handle, deps.app, deps.platform);
  registerShellIpc(handle, deps.shell);
  registerThemeIpc(handle, deps.nativeTheme, deps.BrowserWindow);
  registerFilesIpc(handle, { dialog: deps.dialog, app: deps.app });
}
