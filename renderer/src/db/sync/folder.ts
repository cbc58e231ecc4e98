import { peekSyncHeader, SyncFileError, type SyncFileErrorCode } from '@shared/sync/codec';
import { planServing } from '@shared/sync/folderPlan';
import type { Knowledge } from '@shared/sync/merge';
import { createBackup, discardBackup, rotateBackups, type BackupContext } from './backups';
import { currentKnowledge, sinceForAll } from './exportFile';
import { exportOffThread } from './exportOffThread';
import { FOLDER_LAST_WRITE } from './state';
import type { ImportResult } from './importFile';
import { importOffThread } from './importOffThread';

/** One file in the sync folder as the shell lists it. */
export interface FolderEntry {
  readonly name: string;
  readonly size: number;
}

/** The folder, through the Bridge (`syncFolder:*`), confined to the chosen folder by the main process. */
export interface FolderPort {
  list(): Promise<readonly FolderEntry[]>;
  read(name: string): Promise<Uint8Array>;
  /** The file's start, through the end of its header line: enough to tell a file already merged. */
  readHead(name: string): Promise<Uint8Array>;
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
  /** Peers whose files were only looked at (their header): already merged, or refused before. */
  readonly unchanged?: number;
  /** Peers that are far behind and that this device's file serves (see shared/sync/folderPlan). */
  readonly serving?: number;
}

const LAST_RESULT = 'sync.folder.lastResult';
/**
 * Folder files this version refused, by name: a print of the file (its header's checksum, or of its
 * first bytes when it has no readable header, and its size) and why. A refused file is not read
 * again at every start until it changes (or Waypoint is updated: a newer version may read it).
 */
const REFUSED = 'sync.folder.refused';
interface RefusedMemo {
  readonly appVersion: string;
  readonly files: Readonly<Record<string, { readonly print: string; readonly code: SyncFileErrorCode | 'unreadable' }>>;
}

/**
 * Before merging what arrives, a backup is made unless one was made within this time: small
 * edits arriving every few minutes do not each cost a copy of the whole workspace, and a value
 * a merge replaces is kept in the conflict list anyway. A file carrying BIG_IMPORT_ROWS rows or
 * more always gets a fresh backup first.
 */
export const FOLDER_BACKUP_EVERY_MS = 60 * 60 * 1000;
export const BIG_IMPORT_ROWS = 1_000;

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readRefused(ctx: BackupContext): Promise<RefusedMemo['files']> {
  const v = (await ctx.ws.db.meta.get(REFUSED))?.value as RefusedMemo | undefined;
  return v && typeof v === 'object' && v.appVersion === ctx.appVersion && typeof v.files === 'object' && v.files !== null ? v.files : {};
}

async function recentBackup(ctx: BackupContext, now: Date): Promise<boolean> {
  const newest = await ctx.store.backups.orderBy('createdAt').last();
  if (!newest) return false;
  const age = now.getTime() - Date.parse(newest.createdAt);
  return age >= 0 && age < FOLDER_BACKUP_EVERY_MS;
}

/**
 * One "Sync now": look at the start of every other device's file; read and merge only those
 * not merged yet (same checksum as the one merged: skipped without reading the rest, refused
 * ones skipped until they change, unreadable ones retried next time), then write ours with
 * what the peers it serves may lack.
 */
export async function syncWithFolder(ctx: BackupContext, port: FolderPort, now: Date = new Date()): Promise<FolderSyncResult> {
  const { ws } = ctx;
  const own = folderFileName(ws.clock.device);
  const entries = await port.list();
  const imported: Array<{ name: string; result: ImportResult }> = [];
  const skipped: Array<{ name: string; code: SyncFileErrorCode | 'unreadable' }> = [];
  const devices: string[] = [];
  const madeAt = new Map<string, number>();
  let ignored = 0;
  let unchanged = 0;
  let backedUp = false;
  /** The backup made for the file being merged: removed if that file is refused. */
  let backupFor: string | null = null;
  const wasRefused = await readRefused(ctx);
  const refused: Record<string, { print: string; code: SyncFileErrorCode | 'unreadable' }> = {};
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
      const head = await port.readHead(entry.name);
      let checksum: string;
      try {
        const peeked = peekSyncHeader(head).header;
        checksum = peeked.checksum;
        madeAt.set(device, Date.parse(peeked.createdAt));
        print = `${checksum}:${entry.size}`;
        // A file named for one device but made by another (copied by hand): not merged under a false name.
        if (peeked.source.device !== device) throw new SyncFileError('damaged');
      } catch (err) {
        print ??= `head:${await sha256(head)}:${entry.size}`;
        throw err;
      }
      const before = Object.hasOwn(wasRefused, entry.name) ? wasRefused[entry.name] : undefined;
      if (before && before.print === print) {
        refused[entry.name] = before;
        skipped.push({ name: entry.name, code: before.code });
        unchanged++;
        continue;
      }
      const peer = await ws.db.peers.get(device);
      // The checksum covers the whole file: the same checksum is the file already merged (or a damaged copy of it).
      if (peer?.lastFileChecksum === checksum) {
        unchanged++;
        continue;
      }
      const result = await importOffThread(ws, await port.read(entry.name), {
        passphrase: null,
        now,
        beforeMerge: async (header) => {
          if (header.source.device !== device) throw new SyncFileError('damaged');
          if (peer && peer.lastFileCreatedAt === header.createdAt) {
            // Merged before this device remembered checksums: remember it now.
            await ws.db.peers.update(device, { lastFileChecksum: header.checksum });
            return false;
          }
          // A file with no rows only updates what we know of its device: nothing to back up for.
          const rows = header.contents.rows;
          if (!backedUp && rows > 0 && (rows >= BIG_IMPORT_ROWS || !(await recentBackup(ctx, now)))) {
            backupFor = (await createBackup(ctx, 'import', now, { rotate: false })).id;
            backedUp = true;
          }
          return true;
        },
      });
      if (result !== null) imported.push({ name: entry.name, result });
      // Housekeeping: a rotation that fails now is done by the next one, and the file was merged.
      if (backupFor !== null) await rotateBackups(ctx.store, 'import').catch(() => undefined);
      backupFor = null;
    } catch (err) {
      if (backupFor !== null && err instanceof SyncFileError) {
        // The file's rows were refused after its backup was made: nothing changed, the next file backs up again.
        await discardBackup(ctx.store, backupFor);
        backedUp = false;
      } else if (backupFor !== null) await rotateBackups(ctx.store, 'import');
      backupFor = null;
      const code = err instanceof SyncFileError ? err.code : 'unreadable';
      skipped.push({ name: entry.name, code });
      if (print !== null && err instanceof SyncFileError) refused[entry.name] = { print, code };
    }
  }
  await ws.db.meta.put({ key: REFUSED, value: { appVersion: ctx.appVersion, files: refused } satisfies RefusedMemo });
  // Whom our file serves: every peer that is up to date but for recent writes; far-behind ones by one device only.
  const ours = await currentKnowledge(ws);
  let records = await ws.db.peers.bulkGet(devices);
  // "Send everything next time": a file merged from such a peer since does not undo the request.
  const sendAll = records.flatMap((r) => (r?.sendAll === true ? [r.device] : []));
  if (sendAll.some((d) => Object.keys(records[devices.indexOf(d)]?.knowledge ?? {}).length > 0)) {
    await ws.db.peers.where('device').anyOf(sendAll).modify({ knowledge: {} });
    records = await ws.db.peers.bulkGet(devices);
  }
  const plan = planServing(
    ws.clock.device,
    devices.map((device, i) => ({
      device,
      knowledge: (records[i]?.knowledge as Knowledge | undefined) ?? null,
      sendAll: records[i]?.sendAll === true,
      fileCreatedMs: madeAt.get(device) ?? null,
    })),
    ours,
    now.getTime(),
  );
  // Written again only when something changed since our last write (or a new device appeared).
  // Our file also changes when what the peers it serves lack changes (their knowledge: a peer that
  // caught up, a new device, a restore on either side).
  const since = await sinceForAll(ws, plan.served);
  const servedKnowledge = plan.served.map((d) => records[devices.indexOf(d)]?.knowledge ?? null);
  const stateNow = JSON.stringify([ws.clock.last(), since, [...devices].sort(), plan.served, servedKnowledge]);
  const last = (await ws.db.meta.get(FOLDER_LAST_WRITE))?.value;
  const ownListed = entries.some((e) => e.name === own && e.size > 0);
  let wrote = false;
  if (!ownListed || last !== stateNow) {
    const file = await exportOffThread(ws, {
      scope: { kind: 'changes', peers: plan.served },
      appVersion: ctx.appVersion,
      deviceName: ctx.deviceName,
      now,
    });
    await port.write(own, file.bytes);
    await ws.db.meta.put({ key: FOLDER_LAST_WRITE, value: stateNow });
    if (sendAll.length > 0)
      await ws.db.peers
        .where('device')
        .anyOf(sendAll)
        .modify((p) => {
          delete p.sendAll;
        });
    wrote = true;
  }
  const result: FolderSyncResult = {
    at: now.toISOString(),
    imported,
    skipped,
    ignored,
    wrote,
    unchanged,
    serving: plan.servesBehind ? plan.behind.length : 0,
  };
  await ws.db.meta.put({ key: LAST_RESULT, value: result });
  return result;
}

export async function lastFolderSync(ctx: Pick<BackupContext, 'ws'>): Promise<FolderSyncResult | null> {
  const v = (await ctx.ws.db.meta.get(LAST_RESULT))?.value;
  return typeof v === 'object' && v !== null && 'at' in v ? (v as FolderSyncResult) : null;
}
