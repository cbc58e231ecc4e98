import { afterEach } from 'vitest';
import { decodeSyncFile, encodeSyncFile, type DecodedSyncFile, type SyncFileKind } from '@shared/sync/codec';
import { encodeStamp, ZERO_STAMP, type Stamp } from '@shared/sync/hlc';
import type { AnyRow, Knowledge } from '@shared/sync/merge';
import { createRow } from '@shared/sync/row';
import { defaultMemoFields, defaultOptionFields, type MemoOptionFields } from '@shared/domain/memo';
import { asMinor } from '@shared/domain/money';
import { createMemo, setView } from '../memos';
import { SYNCED_TABLES } from '../schema';
import { freshWorkspaces } from '../testing';
import type { Workspace } from '../workspace';
import { BackupDB, type BackupContext } from './backups';
import { exportSyncFile, type ExportScope } from './exportFile';
import { SYNC_HEAD_MAX_BYTES } from '@shared/bridge';
import type { FolderEntry, FolderPort } from './folder';

/** Test helpers for the sync unit tests (excluded from the renderer build like ../testing.ts). */
export const APP_VERSION = '0.1.0';

/** A wall clock the test moves by hand; it starts an hour before the real time (imports refuse stamps > 24 h ahead). */
export interface TestClock {
  (): number;
  /** Moves the clock on (one second by default) and returns the new time. */
  tick(ms?: number): number;
  date(): Date;
}

export function testClock(start: number = Date.now() - 3_600_000): TestClock {
  let t = start;
  const wall = (() => t) as TestClock;
  wall.tick = (ms = 1000) => (t += ms);
  wall.date = () => new Date(t);
  return wall;
}

/** A workspace with its backup store: what the import, backup and folder functions take. */
export interface Device extends BackupContext {
  readonly device: string;
}

/** Fresh devices (workspace + backup store), all deleted after each test. */
export function freshDevices(): (name: string, wall?: () => number) => Promise<Device> {
  const open = freshWorkspaces();
  const stores: BackupDB[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.delete();
  });
  return async (name, wall) => {
    const ws = await open(wall);
    const store = new BackupDB(`b-${crypto.randomUUID()}`);
    stores.push(store);
    return { ws, store, appVersion: APP_VERSION, deviceName: name, device: ws.clock.device };
  };
}

export async function exportBytes(d: Device, scope: ExportScope, opts: { passphrase?: string; now?: Date } = {}): Promise<Uint8Array> {
  const file = await exportSyncFile(d.ws, {
    scope,
    appVersion: APP_VERSION,
    deviceName: d.deviceName,
    passphrase: opts.passphrase ?? null,
    ...(opts.now ? { now: opts.now } : {}),
  });
  return file.bytes;
}

export const everything = (d: Device, now?: Date): Promise<Uint8Array> => exportBytes(d, { kind: 'everything' }, now ? { now } : {});
export const changesFor = (d: Device, peers: readonly Device[], now?: Date): Promise<Uint8Array> =>
  exportBytes(d, { kind: 'changes', peers: peers.map((p) => p.device) }, now ? { now } : {});

/** Decodes a file as this device wrote it (no future-stamp limit). */
export const decode = (bytes: Uint8Array, passphrase: string | null = null): Promise<DecodedSyncFile> =>
  decodeSyncFile(bytes, { passphrase, latestAllowedMs: Number.MAX_SAFE_INTEGER });

/** Sorted ids of one table of a decoded file. */
export const idsIn = (file: DecodedSyncFile, table: string): string[] => (file.tables[table] ?? []).map((r) => r.id).sort();

/** Plain data with object keys sorted: equal dumps mean equal contents, whatever order fields were written in. */
export function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sorted(o[k]);
  return out;
}

/** Every synced table (by id) and the kept rows of unknown tables: what two converged devices share. */
export async function dumpSynced(ws: Workspace): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of SYNCED_TABLES) out[t] = sorted(await ws.db.table(t).orderBy('id').toArray());
  out.foreign = sorted(await ws.db.foreign.orderBy('key').toArray());
  return out;
}

/** Every table of the workspace database as stored (meta, peers, conflicts too): for "nothing was written". */
export async function dumpAll(ws: Workspace): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of ws.db.tables) out[t.name] = await t.toArray();
  return out;
}

/** A random device id (16 hex digits). */
export const newDevice = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

export const stampAt = (ms: number, device: string, counter = 0): Stamp => encodeStamp({ ms, counter, device });

/** A row as another device would have written it (every field stamped with one stamp). */
export const rowOf = (id: string, fields: Record<string, unknown>, stamp: Stamp): AnyRow => createRow(id, fields, stamp) as AnyRow;

export interface HandFile {
  readonly device: string;
  readonly name?: string;
  readonly kind?: SyncFileKind;
  readonly since?: Stamp;
  readonly account?: { id: string; name: string } | null;
  readonly knowledge: Knowledge;
  readonly tables: Readonly<Record<string, readonly AnyRow[]>>;
  readonly createdAt?: Date;
  readonly appVersion?: string;
}

/** A sync file built by hand (e.g. from a newer Waypoint with tables this one does not know). */
export function handFile(f: HandFile): Promise<Uint8Array> {
  return encodeSyncFile({
    appVersion: f.appVersion ?? APP_VERSION,
    source: { device: f.device, name: f.name ?? 'Other' },
    createdAt: (f.createdAt ?? new Date()).toISOString(),
    contents: { kind: f.kind ?? 'everything', since: f.since ?? ZERO_STAMP, account: f.account ?? null },
    knowledge: f.knowledge,
    tables: f.tables,
  });
}

/** A file's header JSON rewritten (the checksum is left as it was, so only checks before it pass). */
export function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const magic = 'WAYPOINT-SYNC\n'.length;
  const nl = bytes.indexOf(10, magic);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic, nl))) as Record<string, unknown>;
  edit(header);
  const text = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(magic + text.length + (bytes.length - nl));
  out.set(bytes.subarray(0, magic));
  out.set(text, magic);
  out.set(bytes.subarray(nl), magic + text.length);
  return out;
}

/** The same bytes with one byte flipped. */
export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 0x01;
  return out;
}

/** A sync folder in memory, shared by devices; each device gets its own port that records its writes. */
export class MemoryFolder {
  readonly files = new Map<string, Uint8Array>();

  port(): FolderPort & { readonly writes: string[]; readonly reads: string[]; readonly heads: string[] } {
    const writes: string[] = [];
    const reads: string[] = [];
    const heads: string[] = [];
    return {
      writes,
      reads,
      heads,
      readHead: async (name) => {
        heads.push(name);
        const data = this.files.get(name);
        if (!data) throw new Error(`ENOENT ${name}`);
        // As the shell does: through the second newline (the magic line, then the header line).
        let lines = 0;
        const end = data.findIndex((b) => b === 10 && ++lines === 2);
        return data.slice(0, end < 0 ? Math.min(data.length, SYNC_HEAD_MAX_BYTES) : end + 1);
      },
      list: async (): Promise<FolderEntry[]> => [...this.files].map(([name, data]) => ({ name, size: data.length })),
      read: async (name) => {
        reads.push(name);
        const data = this.files.get(name);
        if (!data) throw new Error(`ENOENT ${name}`);
        return data.slice();
      },
      write: async (name, data) => {
        writes.push(name);
        this.files.set(name, data.slice());
      },
    };
  }
}

/**
 * A trade-off memo over a workspace's first account and roadmap item — two options, one
 * executive's view, a fair exit — written through the repository. The sample workspace has no
 * memos, so a test that wants rows in every synced table adds one with this.
 */
export async function addMemo(ws: Workspace): Promise<void> {
  const account = await ws.db.accounts.filter((a) => !a.deleted).first();
  const item = await ws.db.roadmapItems.filter((i) => !i.deleted).first();
  if (!account || !item) throw new Error('addMemo needs an account and a roadmap item');
  const option = (name: string, f: Partial<MemoOptionFields>): Omit<MemoOptionFields, 'memoId'> => {
    const { memoId: _m, ...rest } = defaultOptionFields('unset', item.plannedQuarter, { name, ...f });
    return rest;
  };
  const { memo } = await createMemo(ws, {
    memo: defaultMemoFields({
      title: `Keep ${account.name}?`,
      question: `If we keep ${item.title} where it is, who waits?`,
      itemId: item.id,
    }),
    options: [
      option('Keep the plan', { itemId: item.id, effortEm: item.effortEm }),
      option(`Let ${account.name} go`, { exitAccountId: account.id, otherCost: asMinor(50_000) }),
    ],
    exit: {
      accountId: account.id,
      currency: account.currency,
      withdrawProposal: true,
      proposal: 'the renewal offer',
      refund: asMinor(0),
      refundTerms: '',
      exportHours: 8,
      migrationHours: 16.5,
      hourlyRate: account.engineeringRate,
      partner: 'A partner',
      noticeDays: 90,
      exitDate: null,
    },
  });
  await setView(ws, memo.id, 'finance', { stance: 'for', who: 'Fay', reason: 'It pays back within a year.' });
}
