import { z } from 'zod';
import { SyncFileError, problemError } from './errors';
import type { AnyRow } from './merge';
import { checkFrame, RowChecker } from './validate';

/**
 * A sync file's body once its frame is known to be sound: its tables in file order and a way to
 * read their rows a batch at a time. The rows it gives are parsed but NOT checked: a reader runs
 * them through a RowChecker first (readChecked does). A large body is inflated and parsed batch by
 * batch (streamedBody.ts), so an import does that and checks each batch just before it merges it,
 * while the database writes the batch before (issue 18: a 100,000-row import within 1.2x of raw
 * IndexedDB).
 */
export interface SyncBody {
  readonly tables: ReadonlyArray<{ readonly name: string; readonly rows: number }>;
  /** Rows [from, to) of the table at `index`. Throws SyncFileError('damaged') for rows that do not parse. */
  rows(index: number, from: number, to: number): unknown[];
  /** After the last rows are read: checks what is left of the body (a reader must call it before it keeps anything). */
  finish(): void;
}

/** What a body's frame must be: "tables" and nothing else, table names a database may hold. */
const frameSchema = z.strictObject({
  tables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.array(z.unknown()).max(5_000_000)),
});

/** The body's frame, checked as a whole parsed body's is: its rows' arrays by name. */
export function checkedFrame(raw: unknown): Record<string, unknown[]> {
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

/** Rows already in memory (a file decoded whole, or rows a test made) as a body. */
export function tablesBody(tables: Readonly<Record<string, readonly unknown[]>>): SyncBody {
  const names = Object.keys(tables);
  return {
    tables: names.map((name) => ({ name, rows: tables[name]!.length })),
    rows: (index, from, to) => tables[names[index]!]!.slice(from, to),
    finish: () => undefined,
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
  body.finish();
  return out;
}
