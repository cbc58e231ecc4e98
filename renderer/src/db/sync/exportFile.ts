import type { Table } from 'dexie';
import { encodeSyncFile, type SyncFileKind } from '@shared/sync/codec';
import { ZERO_STAMP, type Stamp } from '@shared/sync/hlc';
import { joinKnowledge, meetKnowledge, sinceForPeer, type AnyRow, type Knowledge } from '@shared/sync/merge';
import type { ForeignRow } from '../database';
import { SYNCED_TABLES } from '../schema';
import type { Workspace } from '../workspace';
import { readDevicesSeen, readKnowledge, readOwnWrites, writeClockHighWater } from './state';

export type ExportScope =
  | { readonly kind: 'everything' }
  /** What any of these peers may lack (a sync folder serves every device that reads it). */
  | { readonly kind: 'changes'; readonly peers: readonly string[] }
  | { readonly kind: 'account'; readonly accountId: string }
  | { readonly kind: 'backup' };

export interface ExportOptions {
  readonly scope: ExportScope;
  readonly appVersion: string;
  readonly deviceName: string;
  readonly passphrase?: string | null;
  readonly now?: Date;
}

export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly rows: number;
  /** Accounts in the file that are not deleted (a backup's list shows them; counting them again read every account). */
  readonly accounts: number;
  readonly kind: SyncFileKind;
  readonly since: Stamp;
  readonly accountName: string | null;
}

type Rows = Record<string, AnyRow[]>;

/** This database's knowledge as a file states it: its own writes up to the clock's last stamp. */
export async function currentKnowledge(ws: Workspace): Promise<Knowledge> {
  const k = await readKnowledge(ws.db);
  return joinKnowledge(k, { [ws.clock.device]: ws.clock.last() });
}

/** The stamp a "changes for this peer" file starts after (the peer's latest file says what it has). */
export async function sinceFor(ws: Workspace, peer: string): Promise<Stamp> {
  const record = await ws.db.peers.get(peer);
  if (!record) return ZERO_STAMP;
  const knowledge = record.knowledge as Knowledge;
  const devices = new Set([...Object.keys(await readKnowledge(ws.db)), ...(await readDevicesSeen(ws.db))]);
  // Our own device only while the peer may lack one of our own writes (a device that only reads has none).
  const self = ws.clock.device;
  const own = await readOwnWrites(ws.db, ws.clock.last());
  const seen = Object.prototype.hasOwnProperty.call(knowledge, self) ? knowledge[self]! : ZERO_STAMP;
  if (own !== ZERO_STAMP && seen < own) devices.add(self);
  else devices.delete(self);
  if (devices.size === 0) return own === ZERO_STAMP ? ws.clock.last() : seen;
  return sinceForPeer(knowledge, devices);
}

/** The stamp a file serving all these peers starts after: what the least informed of them lacks. */
export async function sinceForAll(ws: Workspace, peers: readonly string[]): Promise<Stamp> {
  let min: Stamp | null = null;
  for (const p of peers) {
    const s = await sinceFor(ws, p);
    if (min === null || s < min) min = s;
  }
  return min ?? ZERO_STAMP;
}

/**
 * Whether some peer may lack a write in this row: a field stamp of a device beyond what that
 * peer's knowledge says it has. The single `since` stamp narrows the read; this narrows the file
 * (a peer that never heard of one device still needs only that device's rows).
 */
function neededBy(peers: readonly Knowledge[]): ((row: AnyRow) => boolean) | null {
  if (peers.length === 0) return null;
  return (row) => {
    for (const s of Object.values(row.stamps)) {
      const device = s.slice(-16);
      for (const k of peers) {
        const seen = Object.prototype.hasOwnProperty.call(k, device) ? k[device] : undefined;
        if (seen === undefined || seen < s) return true;
      }
    }
    return false;
  };
}

async function changedSince(ws: Workspace, since: Stamp, keep: ((row: AnyRow) => boolean) | null): Promise<Rows> {
  const out: Rows = {};
  for (const name of SYNCED_TABLES) {
    const table = ws.db.table<AnyRow, string>(name);
    let rows = since === ZERO_STAMP ? await table.toArray() : await table.where('updatedAt').above(since).toArray();
    if (keep) rows = rows.filter(keep);
    if (rows.length > 0) out[name] = rows;
  }
  const foreign: ForeignRow[] =
    since === ZERO_STAMP ? await ws.db.foreign.toArray() : await ws.db.foreign.where('updatedAt').above(since).toArray();
  for (const f of foreign) if (!keep || keep(f.row)) (out[f.table] ??= []).push(f.row);
  return out;
}

/** The knowledge of each peer from its latest file; null when any peer never sent one (it gets everything). */
async function peerKnowledges(ws: Workspace, peers: readonly string[]): Promise<Knowledge[] | null> {
  const out: Knowledge[] = [];
  for (const p of peers) {
    const record = await ws.db.peers.get(p);
    if (!record) return null;
    out.push(record.knowledge as Knowledge);
  }
  return out;
}

/** One account for a colleague: the account with its plans, people, lines, contact log, offers, roster entry, requests and quotes. */
async function accountSlice(ws: Workspace, accountId: string): Promise<{ rows: Rows; name: string }> {
  const db = ws.db;
  const account = await db.accounts.get(accountId);
  if (!account) throw new Error(`no account ${accountId}`);
  const byAccount = <R extends AnyRow>(t: Table<R, string>) => t.where('accountId').equals(accountId).toArray();
  const plans = await byAccount(db.plans as unknown as Table<AnyRow, string>);
  const planIds = plans.map((p) => p.id);
  const byPlan = (t: Table<AnyRow, string>) => t.where('planId').anyOf(planIds).toArray();
  const requests = await byAccount(db.requests as unknown as Table<AnyRow, string>);
  const quotes = (await db.quotes.toArray()).filter((q) => q.funders.some((f) => f.accountId === accountId));
  const itemIds = [...new Set([...requests.map((r) => String(r.itemId)), ...quotes.map((q) => q.itemId)])];
  const items = (await db.roadmapItems.bulkGet(itemIds)).filter((r) => r !== undefined);
  const all: Rows = {
    accounts: [account as unknown as AnyRow],
    plans,
    objectives: await byPlan(db.objectives as unknown as Table<AnyRow, string>),
    actions: await byPlan(db.actions as unknown as Table<AnyRow, string>),
    risks: await byPlan(db.risks as unknown as Table<AnyRow, string>),
    people: await byAccount(db.people as unknown as Table<AnyRow, string>),
    lines: await byAccount(db.lines as unknown as Table<AnyRow, string>),
    contacts: await byAccount(db.contacts as unknown as Table<AnyRow, string>),
    requests,
    quotes: quotes as unknown as AnyRow[],
    roadmapItems: items as unknown as AnyRow[],
    members: await byAccount(db.members as unknown as Table<AnyRow, string>),
    offers: await byAccount(db.offers as unknown as Table<AnyRow, string>),
  };
  const rows = Object.fromEntries(Object.entries(all).filter(([, list]) => list.length > 0));
  return { rows, name: account.name };
}

/** Builds a sync file (or a backup) from one consistent read of the database. */
export async function exportSyncFile(ws: Workspace, opts: ExportOptions): Promise<ExportedFile> {
  const { scope } = opts;
  const read = async () => {
    if (scope.kind === 'account') {
      const slice = await accountSlice(ws, scope.accountId);
      return {
        rows: slice.rows,
        since: ZERO_STAMP,
        assumed: {},
        accountName: slice.name,
        account: { id: scope.accountId, name: slice.name },
      };
    }
    const since = scope.kind === 'changes' ? await sinceForAll(ws, scope.peers) : ZERO_STAMP;
    const knowledges = scope.kind === 'changes' ? await peerKnowledges(ws, scope.peers) : null;
    const assumed = knowledges ? meetKnowledge(knowledges) : {};
    return {
      rows: await changedSince(ws, since, knowledges ? neededBy(knowledges) : null),
      since,
      assumed,
      accountName: null,
      account: null,
    };
  };
  // One read-only transaction: a file never mixes rows from before and after a concurrent edit.
  const { rows, since, assumed, accountName, account, knowledge } = await ws.db.transaction(
    'r',
    [...SYNCED_TABLES, 'foreign', 'peers', 'meta'],
    async () => ({
      ...(await read()),
      knowledge: await currentKnowledge(ws),
    }),
  );
  const kind: SyncFileKind = scope.kind;
  const bytes = await encodeSyncFile({
    appVersion: opts.appVersion,
    source: { device: ws.clock.device, name: opts.deviceName },
    createdAt: (opts.now ?? new Date()).toISOString(),
    contents: { kind, since, account, assumed },
    knowledge,
    tables: rows,
    passphrase: opts.passphrase ?? null,
  });
  // Only files that leave the device: a backup stays here and must write nothing to the database.
  if (kind !== 'backup') await writeClockHighWater(ws.db, ws.clock.last());
  let count = 0;
  for (const list of Object.values(rows)) count += list.length;
  let accounts = 0;
  for (const a of rows.accounts ?? []) if (!a.deleted) accounts++;
  return { bytes, rows: count, accounts, kind, since, accountName };
}
