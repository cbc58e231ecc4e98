import { doorProblem, isRuleTable } from '../domain/tables';
import { decodeStamp, isStamp, type Stamp } from './hlc';

/**
 * The row-level checks of an incoming sync file, in one pass over the parsed body.
 * Field values are open JSON (a newer Waypoint's fields must pass through), so
 * beyond the row's sync meta the rules are about safety: no prototype keys, bounded
 * nesting, no stamp from the future, no impossible dates, one id in one table.
 */
export type RowProblem =
  | { readonly kind: 'shape' }
  | { readonly kind: 'unsafeKey'; readonly key: string }
  | { readonly kind: 'tooDeep' }
  | { readonly kind: 'idCollision'; readonly id: string; readonly table: string; readonly other: string }
  | { readonly kind: 'futureStamp'; readonly ms: number }
  | { readonly kind: 'badDate'; readonly table: string; readonly field: string; readonly value: string }
  | { readonly kind: 'badRow'; readonly table: string; readonly index: number; readonly reason: string }
  /** A row of a known table whose field breaks that table's rule (shared/domain/tables.ts). */
  | {
      readonly kind: 'badField';
      readonly table: string;
      readonly id: string;
      readonly label: string;
      readonly field: string;
      readonly reason: 'missing' | 'invalid';
    };

/** Keys that reach an object's prototype when assigned: never accepted anywhere in a file. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_VALUE_DEPTH = 32;
const MAX_FIELDS = 500;
const MAX_ID_LENGTH = 200;
const MAX_STRING = 1_000_000;
const META = new Set(['id', 'stamps', 'updatedAt']);
/** ISO dates (and date-times) by their year: 2026-05-01, 30000-01-01, +030000-01-01. */
const DATE_LIKE = /^([+-]?\d{4,6})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:$|T)/;
/** A stamp with more time digits than the format has: beyond the year 5188. */
const FUTURE_STAMP = /^[0-9a-z]{10,}-[0-9a-z]{4}-[0-9a-f]{16}$/;
const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 32) return true;
  return false;
}

function unsafeKeyIn(o: object): string | null {
  for (const k of Object.keys(o)) if (UNSAFE_KEYS.has(k)) return k;
  return null;
}

function badDate(s: string): boolean {
  // Most text does not start like a year: no pattern run for it.
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45)) return false;
  const m = DATE_LIKE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  return year < MIN_YEAR || year > MAX_YEAR;
}

/** Walks one field value without recursion (a 10,000-deep value must not blow the stack). */
function checkValue(value: unknown, table: string, field: string): RowProblem | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) return { kind: 'badRow', table, index: -1, reason: `field ${field} is too long` };
      if (badDate(v)) return { kind: 'badDate', table, field, value: v };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_VALUE_DEPTH) return { kind: 'tooDeep' };
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, depth + 1]);
      continue;
    }
    const k = unsafeKeyIn(v);
    if (k !== null) return { kind: 'unsafeKey', key: k };
    for (const x of Object.values(v as Record<string, unknown>)) stack.push([x, depth + 1]);
  }
  return null;
}

function checkRow(row: unknown, table: string, index: number, latestAllowedMs: number): RowProblem | null {
  const bad = (reason: string): RowProblem => ({ kind: 'badRow', table, index, reason });
  if (!isPlainObject(row)) {
    // An unsafe key is reported as such even where it would otherwise just be a malformed row.
    if (typeof row === 'object' && row !== null) {
      const k = unsafeKeyIn(row);
      if (k !== null) return { kind: 'unsafeKey', key: k };
    }
    return bad('not an object');
  }
  const keys = Object.keys(row);
  for (const k of keys) if (UNSAFE_KEYS.has(k)) return { kind: 'unsafeKey', key: k };
  if (keys.length > MAX_FIELDS) return bad('too many fields');
  const { id, stamps, updatedAt, deleted } = row;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH || hasControlChar(id)) return bad('no valid id');
  if (!isPlainObject(stamps)) {
    if (typeof stamps === 'object' && stamps !== null) {
      const k = unsafeKeyIn(stamps);
      if (k !== null) return { kind: 'unsafeKey', key: k };
    }
    return bad('no stamps');
  }
  // Its keys once: no [key, value] pair is made per field (100,000 rows of 30 fields in an import).
  const stampKeys = Object.keys(stamps);
  for (const k of stampKeys) if (UNSAFE_KEYS.has(k)) return { kind: 'unsafeKey', key: k };
  if (typeof deleted !== 'boolean') return bad('no deleted flag');
  // A stamp in the year 30000 has more digits than the format allows: say what it is.
  if (typeof updatedAt === 'string' && FUTURE_STAMP.test(updatedAt)) return { kind: 'futureStamp', ms: 8.64e15 };
  if (typeof updatedAt !== 'string' || !isStamp(updatedAt)) return bad('no valid updatedAt');
  let largest = '';
  // The fields of one write share its stamp: a stamp already checked in this row is not checked again.
  let checked: string | null = null;
  for (const field of stampKeys) {
    const s = stamps[field];
    if (META.has(field)) return bad(`a stamp for ${field}`);
    if (typeof s === 'string' && s === checked) continue;
    if (typeof s !== 'string' || !isStamp(s)) {
      if (typeof s === 'string' && FUTURE_STAMP.test(s)) return { kind: 'futureStamp', ms: 8.64e15 };
      return bad(`an invalid stamp for ${field}`);
    }
    if (s > largest) largest = s;
    checked = s;
  }
  if (largest !== updatedAt) return bad('updatedAt is not its latest stamp');
  const ms = decodeStamp(updatedAt as Stamp).ms;
  if (ms > latestAllowedMs) return { kind: 'futureStamp', ms };
  if (!Object.prototype.hasOwnProperty.call(stamps, 'deleted')) return bad('no stamp for deleted');
  for (const field of keys) {
    if (META.has(field)) continue;
    if (!Object.prototype.hasOwnProperty.call(stamps, field)) return bad(`no stamp for ${field}`);
    const value = row[field];
    // Most fields are plain values: checked here, without the walk's stack.
    if (typeof value !== 'object' || value === null) {
      if (typeof value !== 'string') continue;
      if (value.length > MAX_STRING) return bad(`field ${field} is too long`);
      if (badDate(value)) return { kind: 'badDate', table, field, value };
      continue;
    }
    const problem = checkValue(value, table, field);
    if (problem) return problem.kind === 'badRow' ? { ...problem, index } : problem;
  }
  if (isRuleTable(table)) {
    const p = doorProblem(table, row);
    if (p) return { kind: 'badField', table, id, label: rowLabel(row), field: p.field, reason: p.reason };
  }
  return null;
}

const isUnshown = (c: number): boolean =>
  c < 0x20 ||
  (c >= 0x7f && c <= 0x9f) ||
  c === 0x61c ||
  c === 0x200e ||
  c === 0x200f ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069);

/** Text without control characters, bidi controls and lone surrogates: safe inside a sentence of ours. */
export function shownText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) out += s.slice(i, i + 2);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      continue;
    }
    if ((c >= 0xdc00 && c <= 0xdfff) || isUnshown(c)) continue;
    out += s[i];
  }
  return out;
}

/** What the user calls a record: its name or title when it has a readable one. */
function rowLabel(row: Record<string, unknown>): string {
  for (const key of ['name', 'title']) {
    const v = row[key];
    if (typeof v !== 'string') continue;
    // The name is echoed in the refusal sentence: nothing in it may reorder or hide that sentence.
    const shown = shownText(v).trim();
    if (shown !== '') return Array.from(shown).slice(0, 60).join('');
  }
  return '';
}

/** The first problem in a parsed body's frame ({ tables: { name: [rows] } }), the rows themselves aside. */
export function checkFrame(body: unknown): RowProblem | null {
  if (!isPlainObject(body)) {
    if (typeof body === 'object' && body !== null) {
      const k = unsafeKeyIn(body);
      if (k !== null) return { kind: 'unsafeKey', key: k };
    }
    return { kind: 'shape' };
  }
  const topUnsafe = unsafeKeyIn(body);
  if (topUnsafe !== null) return { kind: 'unsafeKey', key: topUnsafe };
  const tables = body.tables;
  if (!isPlainObject(tables)) {
    if (typeof tables === 'object' && tables !== null) {
      const k = unsafeKeyIn(tables);
      if (k !== null) return { kind: 'unsafeKey', key: k };
    }
    return { kind: 'shape' };
  }
  const tableUnsafe = unsafeKeyIn(tables);
  if (tableUnsafe !== null) return { kind: 'unsafeKey', key: tableUnsafe };
  for (const rows of Object.values(tables)) if (!Array.isArray(rows)) return { kind: 'shape' };
  return null;
}

/** The first problem in a parsed sync-file body, or null when every row may be merged (checkFrame, then RowChecker over every table). */
export function checkRows(body: unknown, latestAllowedMs: number): RowProblem | null {
  const frame = checkFrame(body);
  if (frame) return frame;
  const checker = new RowChecker(latestAllowedMs);
  for (const [table, rows] of Object.entries((body as { tables: Record<string, unknown[]> }).tables)) {
    const problem = checker.check(table, rows, 0);
    if (problem) return problem;
  }
  return null;
}

/**
 * The row checks of one file, a batch of rows at a time (an import checks each batch just before
 * it merges it, in file order): remembers which table each id was seen in, so an id used in two
 * tables is found whichever batch brings the second.
 */
export class RowChecker {
  private readonly owner = new Map<string, string>();
  constructor(private readonly latestAllowedMs: number) {}

  /** The first problem among `rows` of `table`, the first of them being row `firstIndex` of that table. */
  check(table: string, rows: readonly unknown[], firstIndex: number): RowProblem | null {
    for (let i = 0; i < rows.length; i++) {
      const problem = checkRow(rows[i], table, firstIndex + i, this.latestAllowedMs);
      if (problem) return problem;
      const id = (rows[i] as { id: string }).id;
      const other = this.owner.get(id);
      if (other !== undefined) return { kind: 'idCollision', id, table, other };
      this.owner.set(id, table);
    }
    return null;
  }
}
