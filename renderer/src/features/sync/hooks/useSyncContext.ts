import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../../db/context';
import type { BackupContext } from '../../../db/sync/backups';
import { readDeviceName } from '../../../db/sync/state';
import { backupStoreFor, defaultDeviceName, syncContextOf } from '../../../db/sync/context';

export { backupStoreFor, defaultDeviceName, syncContextOf };

/** Everything the sync screens need to export, import and back up, with this device's current name. */
export function useSyncContext(): BackupContext {
  const ws = useWorkspace();
  const fallback = defaultDeviceName(ws.clock.device);
  const deviceName = useLiveQuery(() => readDeviceName(ws.db, fallback), [ws], fallback);
  return useMemo(() => ({ ws, store: backupStoreFor(ws), appVersion: __APP_VERSION__, deviceName }), [ws, deviceName]);
}
