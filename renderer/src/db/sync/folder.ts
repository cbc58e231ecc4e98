import { SyncFileError, type SyncFileErrorCode } from '@shared/sync/codec';
import { createBackup, type BackupContext } from './backups';
import { exportSyncFile, sinceForAll } from './exportFile';
import { FOLDER_LAST_WRITE } from './state';
import { importSyncFile, type ImportResult } from './importFile';
import { decodeForImport } from './service';

/** One file in the sync folder as the shell lists it. */
export interface FolderEntry {
  readonly name: string;
  readonly size: number;
}

/** The folder, through the Bridge (`syncFolder:*`), confined to the chosen folder by the main process. */
export interface FolderPort {
  list(): Promise<readonly FolderEntry[]>;
  read(name: string): Promise<Uint8Array>;
  /** Writes atomically (a temporary name, then a rename): readers never see half a file of ours. */
  write(name: string, data: Uint8Array): Promise<void>;
}

/** Each device writes only its own file, so no two devices ever write the same one. */
export const FOLDER_FILE = /^waypoint-([0-9a-f]{16})\.wpsync$/;
export const folderFileName = (device: string): string => `waypoint-${device}.wpsync`;

export interface FolderSyncResult {
  readonly at: string;
  readonly imported: ReadonlyArray<{ readonly name: string; readonly result: ImportResult }>;
  /** Files of other devices that could not be read this time (half-copied, newer version, locked with a passphrase). */
  readonly skipped: ReadonlyArray<{ readonly name: string; readonly code: SyncFileErrorCode | 'unreadable' }>;
  /** Files that are not Waypoint's (desktop.ini, .DS_Store, conflicted copies): ignored. */
  readonly ignored: number;
  readonly wrote: boolean;
}

const LAST_RESULT = 'sync.folder.lastResult';
/**
 * Folder files this version refused, by name: the SHA-256 of the bytes and why. A refused file is
 * not parsed again at every start until it changes (or Waypoint is updated: a newer version may read it).
 */
const REFUSED = 'sync.folder.refused';
interface RefusedMemo {
  readonly appVersion: string;
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly code: SyncFileErrorCode | 'unreadable' }>>;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readRefused(ctx: BackupContext): Promise<RefusedMemo['files']> {
  const v = (await ctx.ws.db.meta.get(REFUSED))?.value as RefusedMemo | undefined;
  return v && typeof v === 'object' && v.appVersion === ctx.appVersion && typeof v.files === 'object' && v.files !== null ? v.files : {};
}

/**
 * One "Sync now": read every other device's file (already-merged ones are skipped,
 * unreadable ones retried next time), then write ours with what any of them may lack.
 */
export async function syncWithFolder(ctx: BackupContext, port: FolderPort, now: Date = new Date()): Promise<FolderSyncResult> {
  const { ws } = ctx;
  const own = folderFileName(ws.clock.device);
  const entries = await port.list();
  const imported: Array<{ name: string; result: ImportResult }> = [];
  const skipped: Array<{ name: string; code: SyncFileErrorCode | 'unreadable' }> = [];
  const devices: string[] = [];
  let ignored = 0;
  let backedUp = false;
  const wasRefused = await readRefused(ctx);
  const refused: Record<string, { sha256: string; code: SyncFileErrorCode | 'unreadable' }> = {};
  for (const entry of entries) {
    const m = FOLDER_FILE.exec(entry.name);
    if (!m || entry.name === own) {
      if (entry.name !== own) ignored++;
      continue;
    }
    const device = m[1]!;
    devices.push(device);
    let print: string | null = null;
    try {
      if (entry.size === 0) throw new SyncFileError('empty');
      const bytes = await port.read(entry.name);
      print = await sha256(bytes);
      const before = Object.hasOwn(wasRefused, entry.name) ? wasRefused[entry.name] : undefined;
      if (before && before.sha256 === print) {
        refused[entry.name] = before;
        skipped.push({ name: entry.name, code: before.code });
        continue;
      }
      const decoded = await decodeForImport(bytes, null, now);
      // A file named for one device but made by another (copied by hand): not merged under a false name.
      if (decoded.header.source.device !== device) throw new SyncFileError('damaged');
      const peer = await ws.db.peers.get(device);
      if (peer && peer.lastFileCreatedAt === decoded.header.createdAt) continue;
      // A file with no rows only updates what we know of its device: nothing to back up for.
      if (!backedUp && decoded.header.contents.rows > 0) {
        await createBackup(ctx, 'import', now);
        backedUp = true;
      }
      imported.push({ name: entry.name, result: await importSyncFile(ws, decoded, now) });
    } catch (err) {
      const code = err instanceof SyncFileError ? err.code : 'unreadable';
      skipped.push({ name: entry.name, code });
      if (print !== null && err instanceof SyncFileError) refused[entry.name] = { sha256: print, code };
    }
  }
  await ws.db.meta.put({ key: REFUSED, value: { appVersion: ctx.appVersion, files: refused } satisfies RefusedMemo });
  // Written again only when something changed since our last write (or a new device appeared).
  // Our file also changes when what the peers lack changes (a new device, a restore on either side).
  const since = await sinceForAll(ws, devices);
  const stateNow = JSON.stringify([ws.clock.last(), since, [...devices].sort()]);
  const last = (await ws.db.meta.get(FOLDER_LAST_WRITE))?.value;
  const ownListed = entries.some((e) => e.name === own && e.size > 0);
  let wrote = false;
  if (!ownListed || last !== stateNow) {
    const file = await exportSyncFile(ws, {
      scope: { kind: 'changes', peers: devices },
      appVersion: ctx.appVersion,
      deviceName: ctx.deviceName,
      now,
    });
    await port.write(own, file.bytes);
    await ws.db.meta.put({ key: FOLDER_LAST_WRITE, value: stateNow });
    wrote = true;
  }
  const result: FolderSyncResult = { at: now.toISOString(), imported, skipped, ignored, wrote };
  await ws.db.meta.put({ key: LAST_RESULT, value: result });
  return result;
}

export async function lastFolderSync(ctx: Pick<BackupContext, 'ws'>): Promise<FolderSyncResult | null> {
  const v = (await ctx.ws.db.meta.get(LAST_RESULT))?.value;
  return typeof v === 'object' && v !== null && 'at' in v ? (v as FolderSyncResult) : null;
}
