import type { Table } from 'dexie';

/** Rows a chunked read asks IndexedDB for at a time: a few tens of milliseconds to deliver. */
export const READ_CHUNK = 5_000;

/**
 * Every row of a table, read in primary-key order a chunk at a time, each chunk handed to `each`
 * as it arrives. One getAll of 100,000 rows is delivered (deserialised) in one main-thread task
 * of a second or more; chunks keep every task short, so the window keeps responding. Works inside
 * live queries (each chunk is a read of its own key range) and transactions.
 */
export async function readChunked<R, K extends string | number, I, O>(
  table: Table<R, K, I>,
  each: (rows: R[]) => O[],
  chunk: number = READ_CHUNK,
): Promise<O[]> {
  const out: O[] = [];
  let after: K | null = null;
  for (;;) {
    const rows: R[] = after === null ? await table.limit(chunk).toArray() : await table.where(':id').above(after).limit(chunk).toArray();
    if (rows.length === 0) break;
    for (const o of each(rows)) out.push(o);
    if (rows.length < chunk) break;
    after = (
      table.schema.primKey.keyPath === null
        ? null
        : (rows[rows.length - 1] as Record<string, unknown>)[table.schema.primKey.keyPath as string]
    ) as K | null;
    if (after === null) break;
  }
  return out;
}
