/**
 * Test helpers for the sync tests (not imported by app code): stamps by hand,
 * sync files built byte by byte around any body, and an in-memory simulation of
 * devices that edit and exchange files the way renderer/src/db/sync does.
 * Pure TypeScript (shared/ rules): the codec's own platform does gzip and SHA-256.
 */
import { createClock, encodeStamp, maxStamp, type Clock, type Stamp, ZERO_STAMP } from './hlc';
import {
  canonical,
  fileCompletesKnowledge,
  joinKnowledge,
  mergeRow,
  sinceForPeer,
  type AnyRow,
  type Knowledge,
  type LostValue,
  type MergeOutcome,
} from './merge';
import { createRow, patchRow } from './row';
import { webPlatform } from './platform';
import { encodeSyncFile, readSyncHeader, type SyncFileInput } from './codec';

export const DEV_A = '00000000000000aa';
export const DEV_B = '00000000000000bb';
export const DEV_C = '00000000000000cc';
/** 2026-01-01T00:00:00Z: a realistic wall time for stamps. */
export const T0 = Date.UTC(2026, 0, 1);

export const stamp = (ms: number, device: string = DEV_A, counter = 0): Stamp => encodeStamp({ ms, counter, device });

/** A row as the codec and merge see it, built by hand (no checks: tests build bad rows too). */
export function rawRow(id: string, fields: Record<string, unknown>, stamps: Record<string, Stamp>, deleted = false): AnyRow {
  let updatedAt = ZERO_STAMP;
  for (const s of Object.values(stamps)) updatedAt = maxStamp(updatedAt, s);
  return { ...fields, id, deleted, stamps, updatedAt } as AnyRow;
}

// ---------------------------------------------------------------------------
// Sync files by hand: the codec's layout, with any header and any body text.
// ---------------------------------------------------------------------------

const MAGIC = 'WAYPOINT-SYNC\n';
export const CHECKSUM_ZEROS = `sha256:${'0'.repeat(64)}`;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
  for (let i = 0, at = 0; i < parts.length; at += parts[i]!.length, i++) out.set(parts[i]!, at);
  return out;
}

const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The header encodeSyncFile writes for sampleInput() (so it follows the schema as it evolves), with
 * these per-table counts, any field overridden, and the checksum back to zeros for craftFile.
 */
export async function headerFor(tables: Record<string, number>, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const { header } = await readSyncHeader(await encodeSyncFile({ ...sampleInput(), tables: {} }));
  const rows = Object.values(tables).reduce((n, x) => n + x, 0);
  return { ...header, contents: { ...header.contents, rows, tables }, ...overrides, checksum: CHECKSUM_ZEROS };
}

/**
 * A file with the codec's layout around any body: `WAYPOINT-SYNC\n` + header + `\n` + gzip(body), its
 * checksum the codec's (SHA-256 of the file with the checksum as 64 zeros). A header given as text must hold
 * `"sha256:000…0"` (keys such as "__proto__" survive only in text).
 */
export async function craftFile(body: string | Uint8Array, header: Record<string, unknown> | string): Promise<Uint8Array> {
  const p = webPlatform();
  const text = typeof header === 'string' ? header : JSON.stringify(header);
  if (!text.includes(`"${CHECKSUM_ZEROS}"`)) throw new Error('craftFile: the header needs the zero checksum');
  // Bytes are the body as written (not gzipped by us): for broken or hand-compressed bodies.
  const gz = typeof body === 'string' ? await p.gzip(p.encode(body)) : body;
  const draft = concat(p.encode(MAGIC), p.encode(text), p.encode('\n'), gz);
  const sum = hex(await p.subtle.digest('SHA-256', draft));
  return concat(p.encode(MAGIC), p.encode(text.replace(`"${CHECKSUM_ZEROS}"`, `"sha256:${sum}"`)), p.encode('\n'), gz);
}

/** What encodeSyncFile needs for a small full file: two tables and a third; codec tests are about the file, not the table rules (tables.ts), so they use tables no rule names. */
export function sampleInput(passphrase: string | null = null): SyncFileInput {
  const s1 = stamp(T0 + 1000);
  const s2 = stamp(T0 + 2000, DEV_B);
  const account = rawRow('acc-1', { name: 'Acme', arr: 120_000, tags: ['eu', 'key'] }, { name: s1, arr: s1, tags: s1, deleted: s1 });
  const plan = rawRow(
    'plan-1',
    { accountId: 'acc-1', title: 'FY27', due: '2026-06-30' },
    { accountId: s1, title: s2, due: s1, deleted: s1 },
  );
  const future = rawRow('fut-1', { colour: 'teal' }, { colour: s2, deleted: s2 });
  const tables = { deals: [account], tasks: [plan], futureTable: [future] };
  const contents = { kind: 'everything' as const, since: ZERO_STAMP, account: null };
  return {
    appVersion: '0.1.0',
    source: { device: DEV_A, name: 'Laptop' },
    createdAt: '2026-01-02T03:04:05.000Z',
    contents,
    knowledge: { [DEV_A]: s1, [DEV_B]: s2 },
    tables,
    passphrase,
  };
}

/** The body text of a file holding these tables (what encodeSyncFile gzips). */
export const bodyText = (tables: Record<string, readonly unknown[]>): string => JSON.stringify({ tables });

/** Whether Object.prototype was touched: its own keys now, to compare before and after. */
export const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

// ---------------------------------------------------------------------------
// The simulation: devices with their own clocks, rows, knowledge and conflicts.
// ---------------------------------------------------------------------------

export const TABLES = ['accounts', 'plans'] as const;

/** Every write ever made, with what its device had held of the row at that moment. */
export interface Write {
  readonly table: string;
  readonly id: string;
  readonly field: string;
  readonly stamp: Stamp;
  readonly value: unknown;
  readonly device: string;
  /** Field → every stamp this device had held for it up to the write (including the one it replaced). */
  readonly seen: ReadonlyMap<string, ReadonlySet<Stamp>>;
}

export interface SimFile {
  readonly source: string;
  readonly kind: 'everything' | 'changes';
  readonly since: Stamp;
  readonly knowledge: Knowledge;
  readonly tables: Readonly<Record<string, readonly AnyRow[]>>;
  /** Export order: the simulation's createdAt. */
  readonly seq: number;
}

export interface SimDevice {
  readonly id: string;
  readonly clock: Clock;
  /** This device's wall clock = world time + skew (a skew change can move it backwards). */
  skew: number;
  readonly rows: Map<string, Map<string, AnyRow>>;
  knowledge: Knowledge;
  /** Conflict list by the app's conflict id (table/id/field/stamp): importing twice records once. */
  readonly conflicts: Map<string, LostValue>;
  /** Peer → the knowledge of its latest file (what "changes" files for it start after). */
  readonly peers: Map<string, { knowledge: Knowledge; seq: number }>;
  readonly devicesSeen: Set<string>;
  /** table/id/field → every stamp this device has held there. */
  readonly held: Map<string, Set<Stamp>>;
}

export interface World {
  now: number;
  seq: number;
  nextId: number;
  readonly devices: SimDevice[];
  readonly writes: Write[];
  readonly files: SimFile[];
}

const key3 = (table: string, id: string, field: string): string => `${table}/${id}/${field}`;

export function createWorld(deviceIds: readonly string[], start = T0): World {
  const world: World = { now: start, seq: 0, nextId: 0, devices: [], writes: [], files: [] };
  for (const id of deviceIds) {
    const dev: SimDevice = {
      id,
      clock: createClock(id, () => world.now + dev.skew),
      skew: 0,
      rows: new Map(TABLES.map((t) => [t, new Map()])),
      knowledge: {},
      conflicts: new Map(),
      peers: new Map(),
      devicesSeen: new Set(),
      held: new Map(),
    };
    world.devices.push(dev);
  }
  return world;
}

function table(dev: SimDevice, name: string): Map<string, AnyRow> {
  let t = dev.rows.get(name);
  if (!t) dev.rows.set(name, (t = new Map()));
  return t;
}

function hold(dev: SimDevice, tableName: string, row: AnyRow): void {
  for (const [field, s] of Object.entries(row.stamps)) {
    const k = key3(tableName, row.id, field);
    let set = dev.held.get(k);
    if (!set) dev.held.set(k, (set = new Set()));
    set.add(s);
  }
}

function record(world: World, dev: SimDevice, tableName: string, row: AnyRow, after: Record<string, unknown>, s: Stamp): void {
  const seen = new Map<string, ReadonlySet<Stamp>>();
  for (const field of Object.keys(row.stamps)) seen.set(field, new Set(dev.held.get(key3(tableName, row.id, field)) ?? []));
  for (const [field, value] of Object.entries(after)) {
    world.writes.push({ table: tableName, id: row.id, field, stamp: s, value, device: dev.id, seen });
  }
}

/** A new row on one device (a fresh id: ids are UUIDs in the app). */
export function simCreate(world: World, dev: SimDevice, tableName: string, fields: Record<string, unknown>): string {
  const id = `row-${world.nextId++}`;
  const s = dev.clock.now();
  const row = createRow(id, fields, s) as AnyRow;
  record(world, dev, tableName, row, { ...fields, deleted: false }, s);
  table(dev, tableName).set(id, row);
  hold(dev, tableName, row);
  return id;
}

/** A user edit on one device (patchRow with the device's clock); false when nothing changed. */
export function simPatch(world: World, dev: SimDevice, tableName: string, id: string, patch: Record<string, unknown>): boolean {
  const row = table(dev, tableName).get(id);
  if (!row) return false;
  const s = dev.clock.now();
  const r = patchRow(row, patch, s);
  if (!r) return false;
  // What the device held before this write is what the writer had seen.
  record(world, dev, tableName, row, r.after as Record<string, unknown>, s);
  table(dev, tableName).set(id, r.row as AnyRow);
  hold(dev, tableName, r.row as AnyRow);
  return true;
}

/** The devices a database has heard of (own, knowledge, stamps it imported), as exportFile.sinceFor uses. */
export function devicesOf(dev: SimDevice): Set<string> {
  return new Set([dev.id, ...Object.keys(dev.knowledge), ...dev.devicesSeen]);
}

/** exportSyncFile: everything, or the rows a peer may lack, with knowledge = ours + our clock. */
export function simExport(world: World, dev: SimDevice, kind: 'everything' | 'changes', peer?: string): SimFile {
  const since =
    kind === 'changes' ? sinceForPeer(peer === undefined ? undefined : dev.peers.get(peer)?.knowledge, devicesOf(dev)) : ZERO_STAMP;
  const tables: Record<string, AnyRow[]> = {};
  for (const [name, rows] of dev.rows) {
    const list = [...rows.values()]
      .filter((r) => since === ZERO_STAMP || r.updatedAt > since)
      .map((r) => JSON.parse(JSON.stringify(r)) as AnyRow);
    if (list.length > 0) tables[name] = list;
  }
  const file: SimFile = {
    source: dev.id,
    kind,
    since,
    knowledge: joinKnowledge(dev.knowledge, { [dev.id]: dev.clock.last() }),
    tables,
    seq: ++world.seq,
  };
  world.files.push(file);
  return file;
}

/** importSyncFile without Dexie: merge every row, record conflicts, maybe learn the sender's knowledge. */
export function simImport(dev: SimDevice, file: SimFile): { outcomes: MergeOutcome[]; lost: LostValue[]; complete: boolean } {
  const localKnowledge = dev.knowledge;
  const outcomes: MergeOutcome[] = [];
  const lost: LostValue[] = [];
  let latest: Stamp | null = null;
  for (const [name, rows] of Object.entries(file.tables)) {
    const ctx = { table: name, localDevice: dev.id, localKnowledge, remoteKnowledge: file.knowledge };
    for (const remote of rows) {
      if (latest === null || remote.updatedAt > latest) latest = remote.updatedAt;
      for (const s of Object.values(remote.stamps)) dev.devicesSeen.add(s.slice(-16));
      const m = mergeRow(table(dev, name).get(remote.id), remote, ctx);
      outcomes.push(m.outcome);
      lost.push(...m.lost);
      if (m.outcome !== 'unchanged') table(dev, name).set(remote.id, m.row);
      hold(dev, name, m.row);
    }
  }
  for (const l of lost) dev.conflicts.set(`${l.table}/${l.id}/${l.field}/${l.stamp}`, l);
  const complete = fileCompletesKnowledge(localKnowledge, dev.id, file.knowledge, file.since);
  if (complete) {
    const { [dev.id]: _own, ...theirs } = file.knowledge;
    dev.knowledge = joinKnowledge(localKnowledge, theirs);
  }
  dev.devicesSeen.delete(dev.id);
  const prev = dev.peers.get(file.source);
  if (file.source !== dev.id && (prev === undefined || prev.seq <= file.seq))
    dev.peers.set(file.source, { knowledge: { ...file.knowledge }, seq: file.seq });
  if (latest !== null) dev.clock.observe(latest);
  return { outcomes, lost, complete };
}

/** A copy of a device's database (rows, knowledge, conflicts, peers) to try imports on; its clock only observes. */
export function cloneDevice(world: World, dev: SimDevice): SimDevice {
  const copy: SimDevice = {
    ...dev,
    clock: createClock(dev.id, () => world.now + dev.skew),
    rows: new Map([...dev.rows].map(([t, rows]) => [t, new Map(rows)])),
    conflicts: new Map(dev.conflicts),
    peers: new Map(dev.peers),
    devicesSeen: new Set(dev.devicesSeen),
    held: new Map([...dev.held].map(([k, v]) => [k, new Set(v)])),
  };
  copy.clock.observe(dev.clock.last());
  return copy;
}

/** Canonical JSON of a device's rows (tables and rows sorted): equal text = identical databases. */
export function dbText(dev: SimDevice): string {
  const out: Record<string, unknown> = {};
  for (const [name, rows] of dev.rows) if (rows.size > 0) out[name] = [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return canonical(out);
}

/** Every device sends a file of `kind` to every other, `passes` times over (the final sync of a history). */
export function roundRobin(world: World, kind: 'everything' | 'changes', passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    for (const from of world.devices) {
      for (const to of world.devices) if (from !== to) simImport(to, simExport(world, from, kind, to.id));
    }
  }
}

// ---------------------------------------------------------------------------
// Histories: a list of operations played on a world (the property tests generate them).
// ---------------------------------------------------------------------------

/** Device numbers are taken modulo the number of devices. */
export type Op =
  | { readonly k: 'tick'; readonly ms: number }
  | { readonly k: 'skew'; readonly d: number; readonly skew: number }
  | { readonly k: 'create'; readonly d: number; readonly t: number; readonly fields: Record<string, unknown> }
  | { readonly k: 'patch'; readonly d: number; readonly pick: number; readonly patch: Record<string, unknown> }
  | { readonly k: 'toggleDeleted'; readonly d: number; readonly pick: number }
  /** A file from `from`, made for `forPeer` (default: the importer), imported by `to`. */
  | { readonly k: 'send'; readonly from: number; readonly to: number; readonly forPeer: number | undefined; readonly full: boolean }
  /** An old file imported (again) late, as a sync folder can. */
  | { readonly k: 'replay'; readonly d: number; readonly pick: number };

export interface History {
  readonly n: number;
  /** Every device first writes a row and all sync once, so "changes" files start after a real stamp. */
  readonly warm: boolean;
  readonly ops: readonly Op[];
  /** Each write is sent to every other device at once: no edit is ever made without knowing all others. */
  readonly broadcast?: boolean;
}

function rowsOf(dev: SimDevice): Array<[string, AnyRow]> {
  const out: Array<[string, AnyRow]> = [];
  for (const [t, rows] of dev.rows) for (const r of rows.values()) out.push([t, r]);
  return out;
}

/** Plays a history on devices A, B (and C); `afterImport` runs after every import of the history itself. */
export function play({ n, warm, ops, broadcast = false }: History, afterImport: (world: World) => void = () => undefined): World {
  const world = createWorld([DEV_A, DEV_B, DEV_C].slice(0, n));
  const dev = (i: number): SimDevice => world.devices[i % n]!;
  if (warm) {
    for (const d of world.devices) simCreate(world, d, 'accounts', { name: d.id, size: 0 });
    roundRobin(world, 'everything', 1);
  }
  for (const op of ops) {
    switch (op.k) {
      case 'tick':
        world.now += op.ms;
        break;
      case 'skew':
        dev(op.d).skew = op.skew;
        break;
      case 'create':
        simCreate(world, dev(op.d), TABLES[op.t % TABLES.length]!, op.fields);
        break;
      case 'patch':
      case 'toggleDeleted': {
        const rows = rowsOf(dev(op.d));
        if (rows.length === 0) break;
        const [t, row] = rows[op.pick % rows.length]!;
        // The app edits only rows it shows: a deleted row can only be restored.
        if (op.k === 'patch' && row.deleted) break;
        simPatch(world, dev(op.d), t, row.id, op.k === 'patch' ? op.patch : { deleted: !row.deleted });
        break;
      }
      case 'send':
        simImport(dev(op.to), simExport(world, dev(op.from), op.full ? 'everything' : 'changes', dev(op.forPeer ?? op.to).id));
        afterImport(world);
        break;
      case 'replay':
        if (world.files.length === 0) break;
        simImport(dev(op.d), world.files[op.pick % world.files.length]!);
        afterImport(world);
        break;
    }
    if (broadcast && (op.k === 'create' || op.k === 'patch' || op.k === 'toggleDeleted')) {
      for (const to of world.devices) if (to !== dev(op.d)) simImport(to, simExport(world, dev(op.d), 'everything'));
    }
  }
  return world;
}

/**
 * Knowledge that claims more than the database holds: "D up to S" while some write of D at
 * or before S is not in the row (its field's stamp there is older, or the row is missing).
 */
export function knowledgeOverClaims(world: World): string[] {
  const out: string[] = [];
  for (const d of world.devices) {
    for (const w of world.writes) {
      const claimed = d.knowledge[w.device];
      if (w.device === d.id || claimed === undefined || claimed < w.stamp) continue;
      const held = d.rows.get(w.table)?.get(w.id)?.stamps[w.field];
      if (held === undefined || held < w.stamp)
        out.push(
          `${d.id} claims ${w.device} up to ${claimed} but has ${w.table}/${w.id}/${w.field} at ${held ?? 'nothing'}, not ${w.stamp}`,
        );
    }
  }
  return out;
}
