import type { SyncFolderBridge } from '@shared/bridge';
import type { FolderPort } from '../../db/sync/folder';

/** The Bridge's sync folder as the folder-sync routine wants it. */
export const folderPort = (b: SyncFolderBridge): FolderPort => ({
  list: () => b.list(),
  read: (name) => b.read(name),
  readHead: (name) => b.readHead(name),
  write: (name, data) => b.write(name, data),
});
