import Dexie, { type Table } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RANGE_FROM_IDS, RANGE_SLACK, readExisting } from './readExisting';

interface Row {
  id: string;
  n: number;
}

const open: Dexie[] = [];
let seq = 0;
async function tableWith(ids: readonly string[]): Promise<Table<Row, string>> {
  const db = new Dexie(`read-existing-${seq++}`);
  db.version(1).stores({ rows: 'id' });
  open.push(db);
  const t = db.table<Row, string>('rows');
  await t.bulkPut(ids.map((id, n) => ({ id, n })));
  return t;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const key = (i: number) => `r-${String(i).padStart(5, '0')}`;

describe('readExisting: the stored rows of a batch of ids, as bulkGet gives them', () => {
  it('reads a batch in key order as one range, and past RANGE_SLACK rows per id reads the rest key by key', async () => {
    const t = await tableWith(Array.from({ length: 2_000 }, (_, i) => key(i)));
    // Every fifth stored row: the range holds about five rows per id asked for, more than the slack.
    const sparse = Array.from({ length: 100 }, (_, i) => key(i * 5));
    expect(5).toBeGreaterThan(RANGE_SLACK);
    const state = { ranges: true };
    expect(await readExisting(t, sparse, state)).toEqual(await t.bulkGet(sparse));
    // The table's later batches are read key by key: its rows lie among many the file does not hold.
    expect(state.ranges).toBe(false);
    const later = Array.from({ length: 100 }, (_, i) => key(1_000 + i));
    const keyByKey = vi.spyOn(t, 'bulkGet');
    expect(await readExisting(t, later, state)).toEqual(await t.bulkGet(later));
    expect(keyByKey).toHaveBeenCalledTimes(2);
    keyByKey.mockRestore();
    // Dense, with ids that are not stored among them, and an id past the last stored row.
    const dense = [...Array.from({ length: 90 }, (_, i) => key(300 + i)), 'r-00390x', key(1_999), 'z-none'];
    const got = await readExisting(t, dense);
    expect(got).toEqual(await t.bulkGet(dense));
    expect(got.filter((r) => r === undefined)).toHaveLength(2);
    // A batch of a file of everything: one range read, no key-by-key read at all.
    const run = Array.from({ length: 500 }, (_, i) => key(1_000 + i));
    const byKey = vi.spyOn(t, 'bulkGet');
    const whole = await readExisting(t, run);
    expect(byKey).not.toHaveBeenCalled();
    byKey.mockRestore();
    expect(whole).toEqual(await t.bulkGet(run));
  });

  it('reads small or unordered batches key by key, with the same answer', async () => {
    const t = await tableWith(Array.from({ length: 300 }, (_, i) => key(i)));
    const few = [key(3), key(1), 'nope'];
    expect(await readExisting(t, few)).toEqual(await t.bulkGet(few));
    const shuffled = Array.from({ length: RANGE_FROM_IDS + 10 }, (_, i) => key((i * 37) % 300));
    expect(await readExisting(t, shuffled)).toEqual(await t.bulkGet(shuffled));
  });

  it('gives what bulkGet gives for any stored rows and any batch (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 3_000 }), { maxLength: 800 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 3_000 }), { minLength: 0, maxLength: 200 }),
        fc.boolean(),
        async (stored, asked, sorted) => {
          const t = await tableWith(stored.map(key));
          const ids = (sorted ? [...asked].sort((a, b) => a - b) : asked).map(key);
          expect(await readExisting(t, ids)).toEqual(await t.bulkGet(ids));
        },
      ),
      { numRuns: 40 },
    );
  });
});
