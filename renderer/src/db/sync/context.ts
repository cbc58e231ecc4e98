import { BackupDB, backupDbName, type BackupContext } from './backups';
import { readDeviceName } from './state';
import type { Workspace } from '../workspace';

const stores = new Map<string, BackupDB>();

/** One backup database per workspace database, opened once. */
export function backupStoreFor(ws: Workspace): BackupDB {
  let store = stores.get(ws.db.name);
  if (!store) {
    store = new BackupDB(backupDbName(ws.db.name));
    stores.set(ws.db.name, store);
  }
  return store;
}

/** The name other devices see for this one, until the user names it. */
export const defaultDeviceName = (device: string): string => {
  const platform = typeof navigator !== 'undefined' ? navigator.platform.replace(/\s.*$/, '') || 'Device' : 'Device';
  return `${platform} ${device.slice(0, 4)}`;
};

/** What exporting, importing and backing up need: the workspace, its backups, this app's version and this device's name. */
export async function syncContextOf(ws: Workspace): Promise<BackupContext> {
  return {
    ws,
    store: backupStoreFor(ws),
    appVersion: __APP_VERSION__,
    deviceName: await readDeviceName(ws.db, defaultDeviceName(ws.clock.device)),
  };
}
