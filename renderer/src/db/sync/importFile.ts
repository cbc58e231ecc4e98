import type { Table, Transaction } from 'dexie';
import type { OpenedSyncFile } from '@shared/sync/codec';
import { problemError } from '@shared/sync/errors';
import { RowChecker } from '@shared/sync/validate';
import type { Stamp } from '@shared/sync/hlc';
import {
  boundKnowledge,
  fileCompletesKnowledge,
  joinKnowledge,
  knowledgeCovers,
  mergeRow,
  addCarried,
  type AnyRow,
  type Knowledge,
  type LostValue,
  type MergeOutcome,
} from '@shared/sync/merge';
import type { ConflictRow, ForeignRow, PeerRow, ReviewRow } from '../database';
import { createRow } from '@shared/sync/row';
import { readRow } from '@shared/domain/tables';
import { stampDevice, type ReviewFields } from '@shared/sync/review';
import { SYNC_STATE_TABLES, SYNCED_TABLES, type SyncedTable } from '../schema';
import { OWN_WRITES_KEY, type Workspace } from '../workspace';
import { readExisting } from './readExisting';
import { readDevicesSeen, readKnowledge, writeDevicesSeen, writeKnowledge } from './state';

export interface TableCounts {
  added: number;
  updated: number;
  deleted: number;
}

/** What an import did, for the result summary: per table and in total. */
export interface ImportResult {
  readonly added: number;
  readonly updated: number;
  readonly deleted: number;
  readonly conflicts: number;
  readonly unchanged: number;
  readonly byTable: Readonly<Record<string, TableCounts>>;
  /** Tables this version does not know: kept and passed on. */
  readonly keptUnknownTables: readonly string[];
  readonly from: { readonly device: string; readonly name: string };
  /** False for partial files (one account): they add rows but no knowledge of the sender's device. */
  readonly complete: boolean;
}

const KNOWN = new Set<string>(SYNCED_TABLES);
/** Rows merged between two reads: a few milliseconds of work on the main thread. */
const MERGE_CHUNK = 2_000;
export const foreignKey = (table: string, id: string): string => `${table}\u0000${id}`;

/** Conflict ids name the losing write, so importing the same file again records it once. */
export const conflictId = (l: LostValue): string => `${l.table}/${l.id}/${l.field}/${l.stamp}`;

/** What an import checks each batch against and dates what it records with. */
export interface ImportOptions {
  readonly now: Date;
  /** Stamps later than this (epoch ms) are refused (decodeChecked.ts: latestAllowed). */
  readonly latestAllowedMs: number;
}

/** A row whose merge may have lost a value: its losses are worked out once all the file's stamps are known. */
interface MaybeLost {
  readonly table: string;
  readonly local: AnyRow;
  readonly remote: AnyRow;
}

/**
 * Merges an opened sync file into the database in ONE read-write transaction: a refused row or a
 * failure at any record rolls everything back. Each batch of rows is parsed and checked here, just
 * before it is merged, while the database writes the batch before (issue 18). The caller makes the
 * backup first (and removes it if the file is refused).
 */
export async function importSyncFile(ws: Workspace, file: OpenedSyncFile, options: ImportOptions): Promise<ImportResult> {
  const { header, body } = file;
  const { now } = options;
  const localDevice = ws.clock.device;
  const checker = new RowChecker(options.latestAllowedMs);
  /** Every device a stamp names, with its latest stamp: what the file proves it carries, batch by batch. */
  const carried: Record<string, Stamp> = {};
  const tables = [...SYNCED_TABLES, ...SYNC_STATE_TABLES];

  const result = await ws.db.transaction('rw', tables, async (tx: Transaction) => {
    const localKnowledge = await readKnowledge(tx);
    const ownClock = { [localDevice]: ws.clock.last() };
    // The header is the sender's word; it is believed only as far as the file and this device can vouch for it.
    // Until the last batch is read, the file's own stamps are not all known: merged with this lower
    // bound, a row can only seem to lose more than it does, so rows that seem to lose anything are
    // merged again at the end with the whole bound (the merged row itself never depends on it).
    const earlyKnowledge: Knowledge = boundKnowledge(header.knowledge, joinKnowledge(localKnowledge, ownClock));
    const totals = { added: 0, updated: 0, deleted: 0, unchanged: 0 };
    const byTable: Record<string, TableCounts> = {};
    const maybeLost: MaybeLost[] = [];
    const unknown: string[] = [];
    const incomingReviews: AnyRow[] = [];

    const count = (table: string, outcome: MergeOutcome): void => {
      const c = (byTable[table] ??= { added: 0, updated: 0, deleted: 0 });
      if (outcome === 'added') {
        c.added++;
        totals.added++;
      } else if (outcome === 'updated' || outcome === 'restored') {
        c.updated++;
        totals.updated++;
      } else if (outcome === 'deleted') {
        c.deleted++;
        totals.deleted++;
      } else totals.unchanged++;
    };
    /** Rows [at, at + MERGE_CHUNK) of table `index`, parsed and checked; their stamps join `carried`. */
    const batch = (index: number, name: string, at: number, size: number): AnyRow[] => {
      const rows = body.rows(index, at, Math.min(at + MERGE_CHUNK, size));
      const problem = checker.check(name, rows, at);
      if (problem) throw problemError(problem);
      const checked = rows as AnyRow[];
      addCarried(carried, checked);
      if (name === 'reviews') incomingReviews.push(...checked);
      return checked;
    };

    for (const [index, { name: table, rows: size }] of body.tables.entries()) {
      if (size === 0) continue;
      const ctx = { table, localDevice, localKnowledge, remoteKnowledge: earlyKnowledge };
      if (KNOWN.has(table)) {
        const t: Table<AnyRow, string> = tx.table(table as SyncedTable);
        // A table with nothing in it yet (a new device's first sync) has nothing to read back.
        const empty = (await t.count()) === 0;
        const ranges = { ranges: true };
        const writes: Promise<unknown>[] = [];
        // In chunks: each chunk's read hands the event loop back, so the window keeps painting
        // through a 100,000-row merge (the transaction stays open: it always has a request pending).
        // Writes are not awaited one by one: the database writes a chunk while the next is parsed,
        // checked and merged (a read queued behind a write sees it; IndexedDB runs a transaction's
        // requests in order).
        for (let at = 0; at < size; at += MERGE_CHUNK) {
          const chunk = batch(index, table, at, size);
          const existing = empty
            ? new Array<undefined>(chunk.length)
            : await readExisting(
                t,
                chunk.map((r) => r.id),
                ranges,
              );
          const puts: AnyRow[] = [];
          chunk.forEach((remote, i) => {
            const mine = existing[i];
            const m = mergeRow(mine, remote, ctx);
            count(table, m.outcome);
            if (m.outcome !== 'unchanged') puts.push(m.row);
            // Two devices settling one review differently: the later settlement stands, nothing to review about a review.
            if (mine !== undefined && m.lost.length > 0 && table !== 'reviews') maybeLost.push({ table, local: mine, remote });
          });
          const previous = writes.at(-1);
          if (puts.length > 0) writes.push(t.bulkPut(puts));
          // Without reads, waiting for the chunk before is what hands the event loop back.
          if (empty && previous) await previous;
        }
        await Promise.all(writes);
      } else {
        unknown.push(table);
        const t: Table<ForeignRow, string> = tx.table('foreign');
        for (let at = 0; at < size; at += MERGE_CHUNK) {
          const chunk = batch(index, table, at, size);
          const existing = await t.bulkGet(chunk.map((r) => foreignKey(table, r.id)));
          const puts: ForeignRow[] = [];
          chunk.forEach((remote, i) => {
            const m = mergeRow(existing[i]?.row, remote, ctx);
            count(table, m.outcome);
            if (m.outcome !== 'unchanged') puts.push({ key: foreignKey(table, remote.id), table, updatedAt: m.row.updatedAt, row: m.row });
          });
          if (puts.length > 0) await t.bulkPut(puts);
        }
      }
    }

    // What is left of the body after its last row (its frame, nothing after it) is checked before anything is kept.
    body.finish();
    const remoteKnowledge: Knowledge = boundKnowledge(header.knowledge, joinKnowledge(joinKnowledge(carried, localKnowledge), ownClock));
    const lost: Array<LostValue & { here: boolean }> = [];
    for (const { table, local, remote } of maybeLost)
      for (const l of mergeRow(local, remote, { table, localDevice, localKnowledge, remoteKnowledge }).lost)
        lost.push({ ...l, here: Object.values(local.stamps).includes(l.stamp) });
    const devices = new Set([...(await readDevicesSeen(tx)), ...Object.keys(carried)]);
    const createdAt = now.toISOString();
    const conflicts: ConflictRow[] = lost.map((l) => ({
      id: conflictId(l),
      table: l.table,
      rowId: l.id,
      field: l.field,
      value: l.value,
      stamp: l.stamp,
      winnerStamp: l.winnerStamp,
      peerName: header.source.name,
      lostHere: l.here,
      createdAt,
    }));
    // A conflict already on record (same losing write), open or settled, is not recorded again.
    const known = conflicts.length > 0 ? await tx.table<ConflictRow, string>('conflicts').bulkGet(conflicts.map((c) => c.id)) : [];
    const fresh = conflicts.filter((_, i) => known[i] === undefined);
    if (fresh.length > 0) await tx.table('conflicts').bulkPut(fresh);
    // Each fresh conflict also becomes a synced review, so the device whose value won sees it too.
    await recordReviews(tx, ws, fresh);
    const mirrored = await mirrorReviews(tx, localDevice, header.source, incomingReviews);

    const complete =
      header.contents.kind !== 'account' &&
      fileCompletesKnowledge(localKnowledge, localDevice, remoteKnowledge, header.contents.since) &&
      knowledgeCovers(localKnowledge, localDevice, header.contents.assumed);
    if (complete) {
      const { [localDevice]: _ownWrites, ...theirs } = remoteKnowledge;
      await writeKnowledge(tx, joinKnowledge(localKnowledge, theirs));
    }
    devices.delete(localDevice);
    await writeDevicesSeen(tx, [...devices]);
    const previous = (await tx.table('peers').get(header.source.device)) as PeerRow | undefined;
    // An older file of the same peer (imported late) must not roll back what we know it has.
    if (header.source.device !== localDevice && (previous === undefined || previous.lastFileCreatedAt <= header.createdAt)) {
      const peer: PeerRow = {
        device: header.source.device,
        name: header.source.name,
        knowledge: { ...remoteKnowledge },
        lastImportAt: createdAt,
        lastFileCreatedAt: header.createdAt,
        lastFileChecksum: header.checksum,
        // "Send everything next time" holds until our next file has gone out (see folder.ts).
        ...(previous?.sendAll === true ? { sendAll: true } : {}),
      };
      await tx.table('peers').put(peer);
    }
    return { ...totals, conflicts: fresh.length + mirrored, byTable, keptUnknownTables: unknown, from: { ...header.source }, complete };
  });
  // Outside the transaction: the clock only ever moves forward, so a rolled-back import leaves it harmlessly ahead.
  let maxStamp: Stamp | null = null;
  for (const s of Object.values(carried)) if (maxStamp === null || s > maxStamp) maxStamp = s;
  if (maxStamp !== null) ws.clock.observe(maxStamp);
  return result;
}

/** Synced reviews for conflicts seen here; a review another device already recorded is left as it is. */
async function recordReviews(tx: Transaction, ws: Workspace, fresh: readonly ConflictRow[]): Promise<void> {
  if (fresh.length === 0) return;
  const t = tx.table<ReviewRow, string>('reviews');
  const existing = await t.bulkGet(fresh.map((c) => c.id));
  const stamp = ws.clock.now();
  const rows = fresh
    .filter((_, i) => existing[i] === undefined)
    .map((c) =>
      createRow<ReviewFields>(
        c.id,
        {
          table: c.table,
          rowId: c.rowId,
          field: c.field,
          value: c.value,
          stamp: c.stamp as Stamp,
          winnerStamp: c.winnerStamp as Stamp,
          createdAt: c.createdAt,
          resolution: 'open',
        },
        stamp,
      ),
    );
  if (rows.length > 0) {
    await t.bulkPut(rows);
    await tx.table('meta').put({ key: OWN_WRITES_KEY, value: stamp });
  }
}

/**
 * Reviews that came in with the file, as this device's conflict list shows them: a new one is
 * listed (it is what the other device lost, or what we lost as seen there), a settled one is
 * settled here too. Returns how many were newly listed as open.
 */
async function mirrorReviews(
  tx: Transaction,
  localDevice: string,
  source: { device: string; name: string },
  incoming: readonly AnyRow[],
): Promise<number> {
  if (incoming.length === 0) return 0;
  const ids = incoming.map((r) => r.id);
  const stored = await tx.table<ReviewRow, string>('reviews').bulkGet(ids);
  const local = await tx.table<ConflictRow, string>('conflicts').bulkGet(ids);
  const peers = new Map(((await tx.table('peers').toArray()) as PeerRow[]).map((p) => [p.device, p.name]));
  peers.set(source.device, source.name);
  const puts: ConflictRow[] = [];
  let opened = 0;
  stored.forEach((raw, i) => {
    if (!raw || raw.deleted) return;
    const r = readRow('reviews', raw);
    const mine = local[i];
    const settled = r.resolution === 'kept' || r.resolution === 'taken' ? r.resolution : undefined;
    if (mine === undefined) {
      const maker = stampDevice(r.stamp);
      puts.push({
        id: r.id,
        table: r.table,
        rowId: r.rowId,
        field: r.field,
        value: r.value,
        stamp: r.stamp,
        winnerStamp: r.winnerStamp,
        peerName: peers.get(maker) ?? source.name,
        lostHere: maker === localDevice,
        createdAt: r.createdAt,
        ...(settled ? { resolved: settled } : {}),
      });
      if (!settled) opened++;
    } else if (settled && mine.resolved === undefined) puts.push({ ...mine, resolved: settled });
  });
  if (puts.length > 0) await tx.table('conflicts').bulkPut(puts);
  return opened;
}
