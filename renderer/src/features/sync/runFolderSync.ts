import { getBridge } from '../../platform';
import { syncWithFolder, type FolderSyncResult } from '../../db/sync/folder';
import type { Workspace } from '../../db/workspace';
import { folderPort } from './folderPort';
import { syncContextOf } from './hooks/useSyncContext';
import { useSyncStatus } from './hooks/useSyncStatus';
import { syncErrorMessage } from './syncMessages';

let running: Promise<FolderSyncResult | null> | null = null;

/**
 * One sync with the folder, if the shell has one set. Calls while a sync runs share it
 * (the start, "Sync now" and quit never run two at once).
 */
export function runFolderSync(ws: Workspace): Promise<FolderSyncResult | null> {
  const folder = getBridge().syncFolder;
  if (folder === null) return Promise.resolve(null);
  if (running) return running;
  const status = useSyncStatus.getState();
  status.started();
  running = (async () => {
    try {
      if ((await folder.current()) === null) {
        useSyncStatus.getState().finished(null, null);
        return null;
      }
      const result = await syncWithFolder(await syncContextOf(ws), folderPort(folder));
      useSyncStatus.getState().finished(result, null);
      return result;
    } catch (err) {
      useSyncStatus.getState().finished(null, syncErrorMessage(err));
      return null;
    } finally {
      running = null;
    }
  })();
  return running;
}
