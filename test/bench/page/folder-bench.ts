// Runs inside Chromium: a team's sync folder over a 100,000-row workspace, through the app's own
// folder sync (db/sync/folder.ts) and sync files. Two devices are real workspaces with all 100,000
// rows: M, whose syncs are measured, and E, which makes the edit. The other devices of the folder
// are up-to-date peers: each one's file is what an up-to-date device writes when nothing is new
// (a changes file with no rows, and knowledge of every write), made with the app's encoder. The
// folder itself is in memory (the shell's file reads are not part of what is measured here).
import { encodeSyncFile } from '@shared/sync/codec';
import { joinKnowledge, type Knowledge } from '@shared/sync/merge';
import { encodeStamp, newDeviceId } from '@shared/sync/hlc';
import { SYNC_HEAD_MAX_BYTES } from '@shared/bridge';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace, type Workspace } from '../../../renderer/src/db/workspace';
import { updateAccount } from '../../../renderer/src/db/accounts';
import { BackupDB, createBackup, type BackupContext } from '../../../renderer/src/db/sync/backups';
import { currentKnowledge } from '../../../renderer/src/db/sync/exportFile';
import { folderFileName, syncWithFolder, type FolderPort, type FolderSyncResult } from '../../../renderer/src/db/sync/folder';
import { importSyncFile } from '../../../renderer/src/db/sync/importFile';
import { decodeChecked, latestAllowed, openChecked } from '../../../renderer/src/db/sync/decodeChecked';
import { drop, seed } from './sync-bench';

/** Bytes a port handed out, by kind of read. */
interface Reads {
  heads: number;
  headBytes: number;
  bodies: number;
  bodyBytes: number;
}

class Folder {
  readonly files = new Map<string, Uint8Array>();
  port(reads: Reads): FolderPort {
    return {
      list: async () => [...this.files].map(([name, data]) => ({ name, size: data.length })),
      readHead: async (name) => {
        const data = this.files.get(name)!;
        let lines = 0;
        const end = data.findIndex((b) => b === 10 && ++lines === 2);
        const head = data.slice(0, end < 0 ? Math.min(data.length, SYNC_HEAD_MAX_BYTES) : end + 1);
        reads.heads++;
        reads.headBytes += head.length;
        return head;
      },
      read: async (name) => {
        const data = this.files.get(name)!.slice();
        reads.bodies++;
        reads.bodyBytes += data.length;
        return data;
      },
      write: async (name, data) => {
        this.files.set(name, data.slice());
      },
    };
  }
}

interface Device {
  readonly ctx: BackupContext;
  readonly name: string;
}

async function device(name: string, dbName: string): Promise<Device> {
  const ws: Workspace = await openWorkspace(new WaypointDB(dbName));
  return { ctx: { ws, store: new BackupDB(`${dbName}-backups`), appVersion: 'bench', deviceName: name }, name };
}

/** A sync of one device, timed, with what it read. */
async function timedSync(d: Device, folder: Folder, now: Date): Promise<{ ms: number; reads: Reads; result: FolderSyncResult }> {
  const reads: Reads = { heads: 0, headBytes: 0, bodies: 0, bodyBytes: 0 };
  const t0 = performance.now();
  const result = await syncWithFolder(d.ctx, folder.port(reads), now);
  return { ms: performance.now() - t0, reads, result };
}

/** What an up-to-date peer writes when it has nothing new: no rows, knowledge of every write. */
function quietPeerFile(device: string, others: Knowledge, now: Date): Promise<Uint8Array> {
  const own = encodeStamp({ ms: now.getTime(), counter: 0, device });
  const knowledge = { ...others, [device]: own };
  return encodeSyncFile({
    appVersion: 'bench',
    source: { device, name: `Peer ${device.slice(0, 4)}` },
    createdAt: now.toISOString(),
    contents: { kind: 'changes', since: own, account: null, assumed: others },
    knowledge,
    tables: {},
  });
}

export interface FolderRound {
  devices: number;
  rows: number;
  /** (a) a sync with nothing new: all peers' headers looked at, nothing merged, nothing written. */
  quietMs: number;
  quietHeadBytes: number;
  quietBodiesRead: number;
  /** (b) one edit on E: E's sync that sends it, E's file, and M's sync that receives it. */
  editSendMs: number;
  editFileRows: number;
  editFileBytes: number;
  editReceiveMs: number;
  editReceiveBodyBytes: number;
  editReceiveRowsMerged: number;
  editReceiveBackedUp: boolean;
  /** (c) one device away for ten days: how many of the two real devices' files carry its gap, and their rows. */
  staleFilesCarryingGap: number;
  staleServerRows: number;
  staleOtherRows: number;
  staleServeMs: number;
}

/** Peer ids that sort after M's and E's (most likely): the real devices are then the ones that serve a stale peer. */
const lateId = (): string => `ff${newDeviceId((n) => crypto.getRandomValues(new Uint8Array(n))).slice(2)}`;

export async function folderRound(deviceCount: number, round: number): Promise<FolderRound> {
  const names = [`bench-folder-m-${round}`, `bench-folder-e-${round}`];
  for (const n of names) {
    await drop(n);
    await drop(`${n}-backups`);
  }
  const rows = await seed(names[0]!);
  const m = await device('M', names[0]!);
  const e = await device('E', names[1]!);
  const folder = new Folder();
  let clock = Date.now();
  const tick = (ms = 1000) => new Date((clock += ms));
  try {
    // M's first file (everything: no peer known yet) is how E gets the workspace.
    await timedSync(m, folder, tick());
    const first = await openChecked(folder.files.get(folderFileName(m.ctx.ws.clock.device))!, null, latestAllowed(new Date()));
    await importSyncFile(e.ctx.ws, first, { now: new Date(), latestAllowedMs: latestAllowed(new Date()) });
    // E has worked before: an edit of its own in the past (a device's very first write goes out
    // with a file that rereads the rows from the start, once: see README).
    const account = (await e.ctx.ws.db.accounts.orderBy('id').first())!;
    await updateAccount(e.ctx.ws, account.id, { owner: 'First edit on E' });
    await timedSync(e, folder, tick());
    await timedSync(m, folder, tick());
    // Peers of the folder: up to date with M and E.
    const knowledge = joinKnowledge(await currentKnowledge(m.ctx.ws), await currentKnowledge(e.ctx.ws));
    const peers = Array.from({ length: deviceCount - 2 }, lateId);
    for (const p of peers) folder.files.set(folderFileName(p), await quietPeerFile(p, knowledge, tick(0)));
    // Rounds until the folder is quiet (M and E have each merged everyone's file and said so).
    for (let i = 0; i < 3; i++) {
      await timedSync(e, folder, tick());
      await timedSync(m, folder, tick());
    }

    // The daily backup, as the app makes it at start: merges within the hour after it need none of their own.
    await createBackup(m.ctx, 'daily', tick());

    // (a) Nothing new anywhere.
    const quiet = await timedSync(m, folder, tick());
    if (quiet.result.wrote || quiet.result.imported.length > 0) throw new Error('the folder was not quiet');

    // (b) One edit on E reaches M.
    await updateAccount(e.ctx.ws, account.id, { owner: 'Edited on E' });
    const send = await timedSync(e, folder, tick(60_000));
    const eFile = folder.files.get(folderFileName(e.ctx.ws.clock.device))!;
    const eHeader = (await decodeChecked(eFile, null, latestAllowed(new Date()))).header;
    const receive = await timedSync(m, folder, tick());
    const merged = receive.result.imported.reduce((n, i) => n + i.result.added + i.result.updated + i.result.deleted, 0);
    if ((await m.ctx.ws.db.accounts.get(account.id))?.owner !== 'Edited on E') throw new Error('the edit did not arrive');
    const backupsAfterEdit = await m.ctx.store.backups.count();

    // (c) A device back from ten days away, having missed every write of E and M since it left.
    const away = lateId();
    const tenDaysAgo = new Date(clock - 10 * 24 * 60 * 60 * 1000);
    folder.files.set(folderFileName(away), await quietPeerFile(away, {}, tenDaysAgo));
    const staleM = await timedSync(m, folder, tick());
    const staleE = await timedSync(e, folder, tick());
    const rowsOf = async (d: Device) =>
      (await decodeChecked(folder.files.get(folderFileName(d.ctx.ws.clock.device))!, null, latestAllowed(new Date()))).header.contents.rows;
    const mRows = await rowsOf(m);
    const eRows = await rowsOf(e);
    const carrying = [mRows, eRows].filter((r) => r > 1000).length;
    const server = staleM.result.serving ? staleM : staleE;
    return {
      devices: deviceCount,
      rows,
      quietMs: quiet.ms,
      quietHeadBytes: quiet.reads.headBytes,
      quietBodiesRead: quiet.reads.bodies,
      editSendMs: send.ms,
      editFileRows: eHeader.contents.rows,
      editFileBytes: eFile.length,
      editReceiveMs: receive.ms,
      editReceiveBodyBytes: receive.reads.bodyBytes,
      editReceiveRowsMerged: merged,
      editReceiveBackedUp: backupsAfterEdit > 0,
      staleFilesCarryingGap: carrying,
      staleServerRows: Math.max(mRows, eRows),
      staleOtherRows: Math.min(mRows, eRows),
      staleServeMs: server.ms,
    };
  } finally {
    for (const d of [m, e]) {
      d.ctx.ws.db.close();
      d.ctx.store.close();
    }
    for (const n of names) {
      await drop(n);
      await drop(`${n}-backups`);
    }
  }
}
