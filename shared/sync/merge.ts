import { type Stamp, compareStamps, decodeStamp, ZERO_STAMP } from './hlc';
import type { Row } from './row';

/** Any synced row, known table or not: fields are plain JSON values with a stamp each. */
export type AnyRow = Row<Record<string, unknown>>;

/**
 * What a database has seen of each device: "every write of device D up to stamp S".
 * Source idea: PRODUCT §6 — a conflict is two edits to one field made without
 * knowing of each other; knowledge is how a merge tells that from a plain overwrite.
 * It is only ever under-estimated (that reports a conflict too many, never loses one).
 */
export type Knowledge = Readonly<Record<string, Stamp>>;

/** The value that lost a merge, kept so the user can review it and take it back. */
export interface LostValue {
  readonly table: string;
  readonly id: string;
  /** The field, or 'deleted' when a row was deleted on one side and edited on the other. */
  readonly field: string;
  readonly value: unknown;
  readonly stamp: Stamp;
  /** The stamp of the value that won (and is now current). */
  readonly winnerStamp: Stamp;
}

export interface MergeContext {
  readonly table: string;
  /** This database's device id: it has seen every write of its own. */
  readonly localDevice: string;
  readonly localKnowledge: Knowledge;
  /** What the device that made the incoming rows had seen when it made them. */
  readonly remoteKnowledge: Knowledge;
}

/** What a merge did to the local row; 'tombstone' is a deletion of a row this side never had (stored, not shown). */
export type MergeOutcome = 'unchanged' | 'added' | 'updated' | 'deleted' | 'restored' | 'tombstone';

export interface MergeResult {
  readonly row: AnyRow;
  readonly outcome: MergeOutcome;
  readonly lost: readonly LostValue[];
}

const META = new Set(['id', 'stamps', 'updatedAt']);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Whether knowledge `k` includes the write stamped `s` (stamps of one device only grow). */
export function knows(k: Knowledge, s: Stamp, self?: string): boolean {
  const device = decodeStamp(s).device;
  if (device === self) return true;
  const seen = hasOwn(k, device) ? k[device] : undefined;
  return seen !== undefined && seen >= s;
}

/** JSON text with sorted keys: the deterministic order for two values under one stamp. */
export function canonical(value: unknown): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return canonical(a) === canonical(b);
}

/** True when the remote field value beats the local one: later stamp, or on equal stamps the larger canonical value. */
function remoteWins(ls: Stamp | undefined, lv: unknown, rs: Stamp, rv: unknown): boolean {
  if (ls === undefined) return true;
  const c = compareStamps(rs, ls);
  if (c !== 0) return c > 0;
  // One stamp, two values: only a damaged or hand-edited file gets here. Any fixed order keeps the merge a join.
  return canonical(rv) > canonical(lv);
}

/**
 * Merges one incoming row into the local one, field by field: the later stamp wins
 * (ARCHITECTURE rule 6), equal stamps break by value. This is a join (commutative,
 * associative, idempotent), so devices converge whatever the order of exchanges.
 * A value that loses to an edit made without knowledge of it is returned in `lost`.
 */
export function mergeRow(local: AnyRow | undefined, remote: AnyRow, ctx: MergeContext): MergeResult {
  if (local === undefined) {
    return { row: copyRow(remote), outcome: remote.deleted ? 'tombstone' : 'added', lost: [] };
  }
  const fields: Record<string, unknown> = {};
  const stamps: Record<string, Stamp> = {};
  const lost: LostValue[] = [];
  let changed = false;
  let updatedAt = ZERO_STAMP;
  const keys = new Set([...Object.keys(local.stamps), ...Object.keys(remote.stamps)]);
  const lf = local as Record<string, unknown>;
  const rf = remote as Record<string, unknown>;
  for (const key of keys) {
    if (META.has(key)) continue;
    const ls = hasOwn(local.stamps, key) ? local.stamps[key] : undefined;
    const rs = hasOwn(remote.stamps, key) ? remote.stamps[key] : undefined;
    const lv = lf[key];
    const rv = rf[key];
    let winS: Stamp;
    if (rs !== undefined && remoteWins(ls, lv, rs, rv)) {
      winS = rs;
      if (rv !== undefined) fields[key] = rv;
      if (ls !== rs || !same(lv, rv)) changed = true;
      if (ls !== undefined && ls !== rs && !same(lv, rv) && !knows(ctx.remoteKnowledge, ls)) {
        lost.push({ table: ctx.table, id: local.id, field: key, value: lv, stamp: ls, winnerStamp: rs });
      }
    } else {
      winS = ls!;
      if (lv !== undefined) fields[key] = lv;
      if (rs !== undefined && rs !== ls && !same(lv, rv) && !knows(ctx.localKnowledge, rs, ctx.localDevice)) {
        lost.push({ table: ctx.table, id: local.id, field: key, value: rv, stamp: rs, winnerStamp: ls! });
      }
    }
    stamps[key] = winS;
    if (winS > updatedAt) updatedAt = winS;
  }
  const deleted = fields.deleted === true;
  const row = { ...fields, id: local.id, deleted, stamps, updatedAt } as AnyRow;
  // At most one review entry for the deletion: the tombstone field itself may already have lost above.
  if (deleted && !lost.some((l) => l.field === 'deleted')) lost.push(...editsLostToDelete(local, remote, row, ctx));
  if (!changed) return { row: local, outcome: 'unchanged', lost };
  const outcome: MergeOutcome = deleted && !local.deleted ? 'deleted' : !deleted && local.deleted ? 'restored' : 'updated';
  return { row, outcome, lost };
}

/**
 * A row deleted on one side while the other edited it: the edit is still in the row,
 * but hidden, so the deletion itself is offered for review ("keep it" restores the row).
 */
function editsLostToDelete(local: AnyRow, remote: AnyRow, merged: AnyRow, ctx: MergeContext): LostValue[] {
  const d = merged.stamps.deleted;
  if (d === undefined) return [];
  const deleterIsRemote = remote.stamps.deleted === d && remote.deleted;
  const editor = deleterIsRemote ? local : remote;
  if (editor.deleted) return [];
  const deleterKnows = (s: Stamp): boolean =>
    deleterIsRemote ? knows(ctx.remoteKnowledge, s) : knows(ctx.localKnowledge, s, ctx.localDevice);
  let latestUnseen: Stamp | null = null;
  for (const [key, s] of Object.entries(editor.stamps)) {
    if (key === 'deleted' || deleterKnows(s)) continue;
    if (latestUnseen === null || s > latestUnseen) latestUnseen = s;
  }
  if (latestUnseen === null) return [];
  return [{ table: ctx.table, id: merged.id, field: 'deleted', value: false, stamp: latestUnseen, winnerStamp: d }];
}

/** A fresh copy with its own stamp map (rows from createRows share frozen maps). */
function copyRow(r: AnyRow): AnyRow {
  return { ...r, stamps: { ...r.stamps } };
}

/** Knowledge after learning everything another device knew: the larger stamp per device. */
export function joinKnowledge(a: Knowledge, b: Knowledge): Knowledge {
  const out: Record<string, Stamp> = { ...a };
  for (const [device, s] of Object.entries(b)) {
    const cur = hasOwn(out, device) ? out[device] : undefined;
    if (cur === undefined || s > cur) out[device] = s;
  }
  return out;
}

/**
 * What a file may claim to know (issue 12: a file can only claim what it proves): per device,
 * the claim cut down to `bound` — the latest stamp of that device the receiver can vouch for
 * (stamps the file carries, what the receiver already knew, its own clock). A device the bound
 * does not name is dropped. Cutting a claim down only ever under-estimates knowledge: the
 * receiver sends a peer a little more, or reports a conflict too many; it never loses an edit.
 */
export function boundKnowledge(claimed: Knowledge, bound: Knowledge): Knowledge {
  const out: Record<string, Stamp> = {};
  for (const [device, s] of Object.entries(claimed)) {
    const limit = hasOwn(bound, device) ? bound[device] : undefined;
    if (limit === undefined) continue;
    out[device] = s < limit ? s : limit;
  }
  return out;
}

/** The latest stamp per device among rows' field stamps: what a file proves it carries. */
export function stampsCarried(tables: Readonly<Record<string, readonly AnyRow[]>>): Knowledge {
  const out: Record<string, Stamp> = {};
  for (const rows of Object.values(tables)) addCarried(out, rows);
  return out;
}

/** stampsCarried a batch at a time: joins the rows' stamps into `out`. */
export function addCarried(out: Record<string, Stamp>, rows: readonly AnyRow[]): void {
  // The fields of one write share its stamp, and a batch is mostly a few writes: each stamp is looked at once in a row.
  let previous = '';
  for (const r of rows) {
    const stamps = r.stamps;
    // Checked rows: plain objects, their keys all their own (no array of values made per row).
    for (const field in stamps) {
      const s = stamps[field]!;
      if (s === previous) continue;
      previous = s;
      const device = s.slice(-16);
      const cur = hasOwn(out, device) ? out[device] : undefined;
      if (cur === undefined || s > cur) out[device] = s;
    }
  }
}

/**
 * The stamp a "changes since" file for a peer starts after: every row with a newer
 * updatedAt may hold a write the peer has not seen. The smallest stamp the peer
 * knows of any device we have heard of (a device it never heard of: from the start).
 */
export function sinceForPeer(peerKnowledge: Knowledge | undefined, devices: Iterable<string>): Stamp {
  if (peerKnowledge === undefined) return ZERO_STAMP;
  let min: Stamp | null = null;
  for (const d of devices) {
    const s = hasOwn(peerKnowledge, d) ? peerKnowledge[d]! : ZERO_STAMP;
    if (min === null || s < min) min = s;
  }
  return min ?? ZERO_STAMP;
}

/**
 * Whether a file of rows changed after `since`, made with `remote` knowledge, lets the
 * receiver claim that knowledge: only when the receiver already had every write the
 * file left out (each device's writes up to `since`, or up to what the sender knew).
 */
export function fileCompletesKnowledge(local: Knowledge, localDevice: string, remote: Knowledge, since: Stamp): boolean {
  for (const [device, s] of Object.entries(remote)) {
    if (device === localDevice) continue;
    const needed = s < since ? s : since;
    if (needed === ZERO_STAMP) continue;
    const seen = hasOwn(local, device) ? local[device] : undefined;
    if (seen === undefined || seen < needed) return false;
  }
  return true;
}

/** Whether `local` has everything `assumed` says (its own device aside): a file that left rows out on that assumption is then complete. */
export function knowledgeCovers(local: Knowledge, localDevice: string, assumed: Knowledge): boolean {
  for (const [device, s] of Object.entries(assumed)) {
    if (device === localDevice) continue;
    const seen = hasOwn(local, device) ? local[device] : undefined;
    if (seen === undefined || seen < s) return false;
  }
  return true;
}

/** Per device, the smallest stamp all these knowledges have (a device missing from one is left out). */
export function meetKnowledge(list: readonly Knowledge[]): Knowledge {
  if (list.length === 0) return {};
  const out: Record<string, Stamp> = {};
  for (const [device, s] of Object.entries(list[0]!)) {
    let min: Stamp | null = s;
    for (const k of list.slice(1)) {
      const v = hasOwn(k, device) ? k[device] : undefined;
      if (v === undefined) {
        min = null;
        break;
      }
      if (v < min) min = v;
    }
    if (min !== null) out[device] = min;
  }
  return out;
}
