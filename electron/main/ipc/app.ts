import type { AppLike } from '../deps';
import type { Handle } from './handle';

export function registerAppIpc(handle: Handle, app: Pick<AppLike, 'getVersion'>, platform: NodeJS.Platform): void {
  handle('app:info', () => ({ version: app.getVersion(), platform, shell: 'electron' }));
}
