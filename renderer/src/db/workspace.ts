import type { Table, Transaction } from 'dexie';
import { createClock, isStamp, newDeviceId, ZERO_STAMP, type Clock, type Stamp } from '@shared/sync/hlc';
import { createRow, createRows, patchRow, type Row } from '@shared/sync/row';
import { writeProblems } from '@shared/domain/tables';
import { RefusedError } from './refused';
import { WaypointDB } from './database';
import { watchConnection, type ConnectionEvents } from './opening';
import { SYNCED_TABLES, type SyncedTable } from './schema';

/** One field-level change of one row: enough to undo it and to redo it. */
export interface Change {
  readonly table: SyncedTable;
  readonly id: string;
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

/** What one user intent wrote: the unit of undo/redo. */
export interface Intent {
  readonly label: string;
  readonly changes: readonly Change[];
}

export interface Workspace {
  readonly db: WaypointDB;
  readonly clock: Clock;
}

type AnyRow = Row<Record<string, unknown>>;

/** Rows per bulk write in insertMany. */
const INSERT_CHUNK = 1000;

/**
 * Writes within one user intent. Repositories are the only callers: they set the
 * stamps, UI code never does (ARCHITECTURE rule 6).
 */
export class Writer {
  readonly changes: Change[] = [];
  private stamp: Stamp | null = null;

  constructor(
    private readonly ws: Workspace,
    private readonly tx: Transaction,
  ) {}

  /** One stamp per intent: every field this intent changes carries the same stamp. */
  private now(): Stamp {
    this.stamp ??= this.ws.clock.now();
    return this.stamp;
  }

  /** The stamp this intent wrote with, or null when it wrote nothing. */
  get issued(): Stamp | null {
    return this.stamp;
  }

  /**
   * A table bound to this intent's transaction. Reads and writes go through the
   * transaction object, not Dexie's ambient zone, so nested async helpers cannot
   * escape it (an escaped write would commit on its own, outside the intent).
   */
  table<R = AnyRow>(name: SyncedTable): Table<R, string> {
    return this.tx.table(name);
  }

  async insert<T extends object>(table: SyncedTable, fields: T, id: string = crypto.randomUUID()): Promise<Row<T>> {
    refuseInvalid(table, id, fields, true);
    const row = createRow(id, fields, this.now());
    await this.table(table).add(row as unknown as AnyRow);
    this.changes.push({ table, id, before: { deleted: true }, after: { ...(fields as Record<string, unknown>), deleted: false } });
    return row;
  }

  /** Many new rows in one bulk write (sample workspace, imports, benchmarks); `ids` when the caller chose them (a CSV plan). */
  async insertMany<T extends object>(table: SyncedTable, list: readonly T[], ids?: readonly string[]): Promise<Array<Row<T>>> {
    if (ids && ids.length !== list.length) throw new Error(`insertMany: ${ids.length} ids for ${list.length} rows`);
    const stamp = this.now();
    const store = this.table(table);
    const rows: Array<Row<T>> = [];
    const written: Array<Promise<unknown>> = [];
    // A chunk at a time: IndexedDB writes one chunk while the next is checked and built, instead of
    // waiting for all of them. A refusal throws before its chunk is written, and the intent rolls
    // back what was (the writes already sent then fail with it: caught here, the refusal is what counts).
    for (let at = 0; at < list.length; at += INSERT_CHUNK) {
      const part = list.slice(at, at + INSERT_CHUNK);
      for (const fields of part) refuseInvalid(table, '', fields, true);
      const made = createRows(part, ids ? ids.slice(at, at + INSERT_CHUNK) : part.map(() => crypto.randomUUID()), stamp);
      // Rows with ids of our own making (random UUIDs) cannot meet a stored row: put, which IndexedDB does
      // ~10 % faster than add. Ids from the caller keep add, so that one already stored refuses the intent.
      const write = ids ? store.bulkAdd(made as unknown as AnyRow[]) : store.bulkPut(made as unknown as AnyRow[]);
      write.catch(() => undefined);
      written.push(write);
      rows.push(...made);
    }
    await Promise.all(written);
    for (const row of rows) this.changes.push({ table, id: row.id, before: { deleted: true }, after: { deleted: false } });
    return rows;
  }

  /** Applies a patch; stamps exactly the fields whose value changed. Returns null for a missing row or no change. */
  async update<T extends object>(table: SyncedTable, id: string, patch: Partial<T & { deleted: boolean }>): Promise<Row<T> | null> {
    const current = await this.table(table).get(id);
    if (!current) return null;
    refuseInvalid(table, id, patch, false);
    const result = patchRow(current, patch as Partial<Record<string, unknown>>, this.now());
    if (!result) return null;
    await this.table(table).put(result.row);
    this.changes.push({ table, id, before: result.before, after: result.after });
    return result.row as unknown as Row<T>;
  }

  /** Deletes are tombstones (a stamped `deleted: true`), never hard deletes. */
  remove(table: SyncedTable, id: string): Promise<Row<object> | null> {
    return this.update(table, id, { deleted: true });
  }
}

/**
 * The last line of defence of the table rules (shared/domain/tables.ts): no repository can store
 * a row that another device's import would refuse. Repositories check their own rules first
 * with kinder sentences; reaching this is a bug, so the sentence names the fields.
 */
function refuseInvalid(table: SyncedTable, id: string, fields: object, whole: boolean): void {
  const bad = writeProblems(table, id, fields as Record<string, unknown>, whole);
  if (bad.length > 0) throw new RefusedError('errors.invalidFields', { table, fields: bad.join(', ') });
}

/**
 * Runs one user intent as one read-write transaction over the synced tables and
 * returns what it changed (for undo). Nothing is half-written: any throw rolls back.
 */
export async function runIntent<R>(ws: Workspace, label: string, work: (w: Writer) => Promise<R>): Promise<{ result: R; intent: Intent }> {
  let writer: Writer | null = null;
  const result = await ws.db.transaction('rw', [...SYNCED_TABLES, 'meta'], async (tx) => {
    const w = new Writer(ws, tx);
    writer = w;
    const out = await work(w);
    // In the same transaction as the rows: what the latest of our own writes is (see OWN_WRITES_KEY).
    if (w.issued !== null) await tx.table('meta').put({ key: OWN_WRITES_KEY, value: w.issued });
    return out;
  });
  return { result, intent: { label, changes: (writer as Writer | null)?.changes ?? [] } };
}

/**
 * Replays an intent backwards (undo) or forwards (redo) as a new intent: the old
 * values are written again with new stamps, so other devices see the undo too.
 */
export async function replayIntent(ws: Workspace, intent: Intent, direction: 'undo' | 'redo'): Promise<Intent> {
  const ordered = direction === 'undo' ? [...intent.changes].reverse() : intent.changes;
  const { intent: replayed } = await runIntent(ws, intent.label, async (w) => {
    for (const c of ordered) await w.update(c.table, c.id, (direction === 'undo' ? c.before : c.after) as Record<string, unknown>);
  });
  return replayed;
}

const DEVICE_KEY = 'deviceId';
/**
 * The latest stamp this device has let out (in a file) or gone back from (a restore). Rows alone
 * cannot say it after a restore, and a new edit stamped below it would be left out of the next
 * "changes since" file for a peer that has seen it.
 */
export const CLOCK_HIGH_WATER_KEY = 'clock.highWater';
/**
 * The stamp of this device's latest own write. The clock also moves when others' writes are
 * merged, so it cannot say this: a peer that has seen up to here lacks none of our writes, and a
 * file for it need not reread the rows from the start (a device that only reads never has to).
 */
export const OWN_WRITES_KEY = 'sync.ownWrites';

/**
 * Opens the database, loads (or creates) this device's id and starts the clock after every stamp
 * stored. `events` hears of another window holding an older connection (the open waits for it)
 * and of a newer window upgrading the database (this connection is then closed for good).
 */
export async function openWorkspace(
  db: WaypointDB = new WaypointDB(),
  wall: () => number = Date.now,
  events: ConnectionEvents = {},
): Promise<Workspace> {
  watchConnection(db, events);
  await db.open();
  // One read-only transaction reads what the start needs at once (the device id, the clock's
  // marks, each table's latest stamp): 25 tables one after the other were 25 round trips.
  const stamped = [...SYNCED_TABLES, 'foreign'] as const;
  const [marks, latest] = await db.transaction('r', [db.meta, ...stamped.map((name) => db.table(name))], () =>
    Promise.all([
      db.meta.bulkGet([DEVICE_KEY, CLOCK_HIGH_WATER_KEY, OWN_WRITES_KEY]),
      Promise.all(stamped.map((name) => db.table<{ updatedAt: Stamp }, string>(name).orderBy('updatedAt').last())),
    ]),
  );
  const [storedDevice, highWater, own] = marks.map((m) => m?.value);
  const { device, created } =
    typeof storedDevice === 'string'
      ? { device: storedDevice, created: false }
      : await db.transaction('rw', db.meta, async () => {
          // Another window may have made it since the read above.
          const existing = await db.meta.get(DEVICE_KEY);
          if (typeof existing?.value === 'string') return { device: existing.value, created: false };
          const id = newDeviceId((n) => crypto.getRandomValues(new Uint8Array(n)));
          await db.meta.put({ key: DEVICE_KEY, value: id });
          return { device: id, created: true };
        });
  const clock = createClock(device, wall);
  // A wall clock set back must never stamp an edit earlier than what is already stored.
  for (const row of latest) if (row && isStamp(row.updatedAt)) clock.observe(row.updatedAt);
  if (typeof highWater === 'string' && isStamp(highWater)) clock.observe(highWater);
  // A new database has no writes of its own yet; one from before this was kept may have any up to the clock.
  if (typeof own !== 'string' || !isStamp(own)) await db.meta.put({ key: OWN_WRITES_KEY, value: created ? ZERO_STAMP : clock.last() });
  return { db, clock };
}
