import type { Table } from 'dexie';

/** Below this many ids a batch is read key by key: one range read saves little there. */
export const RANGE_FROM_IDS = 64;
/** A range read takes at most this many rows per id asked for; past it the rest is read key by key. */
export const RANGE_SLACK = 2;

const ascending = (ids: readonly string[]): boolean => {
  for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) return false;
  return true;
};

/** Whether a table's batches are still read by range (one per table and import). */
export interface RangeState {
  ranges: boolean;
}

/**
 * The rows stored under `ids` (undefined where none), as bulkGet gives them. A file of everything
 * holds each table in key order, so a batch of its ids is one key range: read with one request
 * instead of one per id (issue 18: the reads were most of a 100,000-row import into a full
 * workspace). The range read stops at RANGE_SLACK rows per id, so a range full of rows the file
 * does not hold costs no more than that; the ids past where it stopped, and the table's later
 * batches (`state`), are read key by key.
 */
export async function readExisting<R extends { id: string }>(
  table: Table<R, string>,
  ids: readonly string[],
  state: RangeState = { ranges: true },
): Promise<Array<R | undefined>> {
  if (!state.ranges || ids.length < RANGE_FROM_IDS || !ascending(ids)) return table.bulkGet([...ids]);
  const limit = ids.length * RANGE_SLACK;
  const rows = await table
    .where(':id')
    .between(ids[0]!, ids[ids.length - 1]!, true, true)
    .limit(limit)
    .toArray();
  const byId = new Map<string, R>();
  for (const r of rows) byId.set(r.id, r);
  if (rows.length === limit) {
    // Stopped early: what lies past the last row it read is read key by key, and so is the rest of
    // this table (its rows are spread among many the file does not hold: ranges would read those).
    state.ranges = false;
    const reached = rows[rows.length - 1]!.id;
    const rest = ids.filter((id) => id > reached);
    const more = await table.bulkGet(rest);
    rest.forEach((id, i) => {
      const r = more[i];
      if (r !== undefined) byId.set(id, r);
    });
  }
  return ids.map((id) => byId.get(id));
}
