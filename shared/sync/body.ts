import { z } from 'zod';
import { SyncFileError, problemError } from './errors';
import type { AnyRow } from './merge';
import type { SyncPlatform } from './platform';
import type { BodyLayout } from './scan';
import { checkFrame, RowChecker } from './validate';

/**
 * A sync file's body once its frame is known to be sound: its tables in file order and a way to
 * read their rows a batch at a time. The rows it gives are parsed but NOT checked: a reader runs
 * them through a RowChecker first (readChecked does). A large body is parsed batch by batch, so
 * an import parses and checks each batch just before it merges it, while the database writes the
 * batch before (issue 18: a 100,000-row import within 1.2x of raw IndexedDB).
 */
export interface SyncBody {
  readonly tables: ReadonlyArray<{ readonly name: string; readonly rows: number }>;
  /** Rows [from, to) of the table at `index`. Throws SyncFileError('damaged') for rows that do not parse. */
  rows(index: number, from: number, to: number): unknown[];
}

/** What a body's frame must be: "tables" and nothing else, table names a database may hold. */
const frameSchema = z.strictObject({
  tables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.array(z.unknown()).max(5_000_000)),
});

/** The frame without its rows is at most this long in a body this version writes (names and brackets). */
const MAX_SKELETON_BYTES = 64 * 1024;

function checkedFrame(raw: unknown): Record<string, unknown[]> {
  const problem = checkFrame(raw);
  if (problem) throw problemError(problem);
  const parsed = frameSchema.safeParse(raw);
  if (!parsed.success) throw new SyncFileError('damaged');
  return parsed.data.tables;
}

/** A body parsed whole (small bodies, and any body not laid out as this version writes it). */
export function parsedBody(raw: unknown): SyncBody {
  return tablesBody(checkedFrame(raw));
}

/**
 * A body read through the layout its scan found: the frame (the body with every table's rows
 * cut out, a few hundred bytes) is parsed and checked now, the rows when they are asked for.
 * Null when the body is not laid out as `{"tables":{"name":[rows],...}}` with each name once:
 * the caller then parses it whole, and the same checks say what is wrong with it.
 */
export function laidOutBody(bytes: Uint8Array, layout: BodyLayout, p: SyncPlatform): SyncBody | null {
  const { arrays, starts, ends, counts } = layout;
  if (layout.odd || starts.length !== ends.length || arrays.length !== counts.length * 2) return null;
  const pieces: Uint8Array[] = [];
  let size = 0;
  let from = 0;
  for (let i = 0; i < arrays.length; i += 2) {
    pieces.push(bytes.subarray(from, arrays[i]! + 1));
    size += arrays[i]! + 1 - from;
    from = arrays[i + 1]!;
  }
  pieces.push(bytes.subarray(from));
  size += bytes.length - from;
  if (size > MAX_SKELETON_BYTES) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(pieces.map((x) => p.decode(x)).join(''));
  } catch {
    throw new SyncFileError('damaged');
  }
  const tables = checkedFrame(raw);
  const names = Object.keys(tables);
  // A name given twice keeps only its last array in JSON.parse: such a body is read whole, as JSON reads it.
  if (names.length !== counts.length || names.some((n) => tables[n]!.length !== 0)) return null;
  const firstRow: number[] = [];
  let at = 0;
  for (const c of counts) {
    firstRow.push(at);
    at += c;
  }
  return {
    tables: names.map((name, i) => ({ name, rows: counts[i]! })),
    rows: (index, from, to) => {
      const first = firstRow[index]!;
      const end = Math.min(to, counts[index]!);
      if (from >= end) return [];
      let rows: unknown;
      try {
        rows = JSON.parse(`[${p.decode(bytes.subarray(starts[first + from]!, ends[first + end - 1]!))}]`);
      } catch {
        throw new SyncFileError('damaged');
      }
      // The scan and JSON must agree on where rows start and end, or the file is not what it seems.
      if (!Array.isArray(rows) || rows.length !== end - from) throw new SyncFileError('damaged');
      return rows;
    },
  };
}

/** Rows already in memory (a file decoded whole, or rows a test made) as a body. */
export function tablesBody(tables: Readonly<Record<string, readonly unknown[]>>): SyncBody {
  const names = Object.keys(tables);
  return {
    tables: names.map((name) => ({ name, rows: tables[name]!.length })),
    rows: (index, from, to) => tables[names[index]!]!.slice(from, to),
  };
}

/** Every row of a body, checked: the tables as a file decoded whole holds them. Throws the first problem. */
export function readChecked(body: SyncBody, latestAllowedMs: number): Record<string, AnyRow[]> {
  const checker = new RowChecker(latestAllowedMs);
  const out: Record<string, AnyRow[]> = {};
  body.tables.forEach((t, i) => {
    const rows = body.rows(i, 0, t.rows);
    const problem = checker.check(t.name, rows, 0);
    if (problem) throw problemError(problem);
    out[t.name] = rows as AnyRow[];
  });
  return out;
}
