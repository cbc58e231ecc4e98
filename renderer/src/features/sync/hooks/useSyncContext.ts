import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../../db/context';
import { BackupDB, backupDbName, type BackupContext } from '../../../db/sync/backups';
import { readDeviceName } from '../../../db/sync/state';
import type { Workspace } from '../../../db/workspace';

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

export async function syncContextOf(ws: Workspace): Promise<BackupContext> {
  return {
    ws,
    store: backupStoreFor(ws),
    appVersion: __APP_VERSION__,
    deviceName: await readDeviceName(ws.db, defaultDeviceName(ws.clock.device)),
  };
}

/** Everything the sync screens need to export, import and back up, with this device's current name. */
export function useSyncContext(): BackupContext {
  const ws = useWorkspace();
  const fallback = defaultDeviceName(ws.clock.device);
  const deviceName = useLiveQuery(() => readDeviceName(ws.db, fallback), [ws], fallback);
  return useMemo(() => ({ ws, store: backupStoreFor(ws), appVersion: __APP_VERSION__, deviceName }), [ws, deviceName]);
}
