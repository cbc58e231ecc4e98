import type { ShellLike } from '../deps';
import { openExternalSafely } from '../security';
import type { Handle } from './handle';

export function registerShellIpc(handle: Handle, shell: ShellLike): void {
  // safeExternalUrl inside openExternalSafely is the only gate to shell.openExternal.
  handle('shell:openExternal', (url) => openExternalSafely(shell, url));
}
