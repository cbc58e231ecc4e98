import { afterEach, describe, expect, it } from 'vitest';
import { defaultAccountFields } from '@shared/domain/account';
import { asMinor } from '@shared/domain/money';
import { readRow } from '@shared/domain/tables';
import { compareStamps, encodeStamp, isStamp, ZERO_STAMP, type Stamp } from '@shared/sync/hlc';
import { largestStamp } from '@shared/sync/row';
import { WaypointDB } from './database';
import { CURRENT_VERSION, SCHEMA_VERSIONS, SYNCED_TABLES } from './schema';

type RawRow = Record<string, unknown>;
type Snapshot = Map<string, RawRow[]>;

const dbs: WaypointDB[] = [];
function open(name: string, upTo: number): WaypointDB {
  const db = new WaypointDB(name, {}, upTo);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const DEV = '0123456789abcdef';
const S1 = encodeStamp({ ms: 1_700_000_000_000, counter: 0, device: DEV });
const S2 = encodeStamp({ ms: 1_700_000_500_000, counter: 3, device: 'fedcba9876543210' });

/** Fields that a version introduced: a record written at an older version lacks them. */
const FIELDS_ADDED_IN: Readonly<Record<string, Readonly<Record<number, readonly string[]>>>> = {
  accounts: { 2: ['spiralLap'], 8: ['website', 'annualRevenue', 'sourceKey'] },
};

/** The tables and their index specs declared at version n (a null store removes a table). */
function tablesAt(n: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > n) break;
    for (const [table, spec] of Object.entries(v.stores)) {
      if (spec === null) out.delete(table);
      else out.set(table, spec);
    }
  }
  return out;
}

const indexNames = (spec: string): string[] =>
  spec
    .split(',')
    .map((s) => s.trim().replace(/^(\+\+|&|\*)/, ''))
    .filter((s) => s !== '' && !s.startsWith('['));

/** Synced rows carry id, a stamp per field, updatedAt = the largest stamp, and a tombstone. */
function syncedRow(id: string, fields: RawRow, stamp: Stamp, deleted = false, laterField?: string): RawRow {
  const stamps: Record<string, Stamp> = {};
  for (const key of [...Object.keys(fields), 'deleted']) stamps[key] = stamp;
  if (laterField) stamps[laterField] = S2;
  return { ...fields, id, deleted, stamps, updatedAt: largestStamp(stamps) };
}

function withoutLaterFields(table: string, n: number, fields: RawRow): RawRow {
  const later = new Set(Object.entries(FIELDS_ADDED_IN[table] ?? {}).flatMap(([v, keys]) => (Number(v) > n ? keys : [])));
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !later.has(k))) as RawRow;
}

/** Representative records for one table as written by version n. */
function representativeRows(table: string, spec: string, n: number): RawRow[] {
  if (table === 'meta') return [{ key: 'deviceId', value: DEV }];
  if (table === 'accounts') {
    const a = defaultAccountFields({
      name: 'Nordhavn',
      currency: 'DKK',
      arr: asMinor(240_000_000),
      potentialArr: asMinor(4_100_000_000),
      tags: ['port', 'strategic'],
      icp: { industryFit: 5 },
      supportHours: 5.5,
    });
    const b = defaultAccountFields({ name: 'Gone Ltd', bucket: 4, bucketEvidence: 'awkward use' });
    return [
      syncedRow('acc-1', withoutLaterFields(table, n, { ...a }), S1),
      syncedRow('acc-2', withoutLaterFields(table, n, { ...b }), S1, true, 'name'),
    ];
  }
  // Any other table: a value for every indexed field plus a plain one, live and tombstoned.
  const fields: RawRow = { title: `${table} row` };
  for (const idx of indexNames(spec)) if (idx !== 'id' && idx !== 'updatedAt') fields[idx] = `${idx}-1`;
  // Tables keyed by something other than `id` (foreign: key, peers: device) need a second key of their own.
  const primary = indexNames(spec)[0];
  const second: RawRow = { ...fields, title: 'old', ...(primary && primary !== 'id' ? { [primary]: `${primary}-2` } : {}) };
  return [syncedRow(`${table}-1`, fields, S1), syncedRow(`${table}-2`, second, S1, true, 'title')];
}

async function writeRepresentative(db: WaypointDB, n: number): Promise<Snapshot> {
  const written: Snapshot = new Map();
  for (const [table, spec] of tablesAt(n)) {
    const rows = representativeRows(table, spec, n);
    await db.table(table).bulkAdd(rows);
    written.set(table, rows);
  }
  return written;
}

/** What each upgrade must have done, checked after opening version `to` over data of `to − 1`. */
const UPGRADE_EFFECTS: Readonly<Record<number, (db: WaypointDB, before: Snapshot) => Promise<void>>> = {
  2: async (db, before) => {
    for (const t of ['plans', 'objectives', 'actions', 'risks']) expect(await db.table(t).count()).toBe(0);
    const accounts = await db.table<RawRow & { stamps: Record<string, Stamp>; updatedAt: Stamp }, string>('accounts').toArray();
    expect(accounts).toHaveLength(before.get('accounts')?.length ?? -1);
    for (const a of accounts) {
      expect(a.spiralLap).toBe(1);
      const stamp = a.stamps.spiralLap;
      expect(stamp !== undefined && isStamp(stamp)).toBe(true);
      // The new field's stamp loses to any real edit, and updatedAt is unchanged (still the largest stamp).
      expect(stamp).toBe(ZERO_STAMP);
      expect(a.updatedAt).toBe(largestStamp(a.stamps));
    }
  },
  3: async (db, before) => {
    // v3 only adds the stakeholder-map tables: they start empty, everything else is untouched.
    for (const t of ['people', 'lines', 'contacts']) expect(await db.table(t).count()).toBe(0);
    expect(await db.table('accounts').count()).toBe(before.get('accounts')?.length ?? -1);
  },
  4: async (db, before) => {
    // v4 only adds the roadmap tables: they start empty, everything else is untouched.
    for (const t of ['roadmapItems', 'requests', 'quotes', 'capacity', 'settings']) expect(await db.table(t).count()).toBe(0);
    expect(await db.table('accounts').count()).toBe(before.get('accounts')?.length ?? -1);
    expect(await db.table('people').count()).toBe(before.get('people')?.length ?? -1);
  },
  5: async (db, before) => {
    // v5 only adds the club tables: they start empty, everything else is untouched.
    for (const t of ['members', 'offers', 'retreats', 'sessions', 'attendees']) expect(await db.table(t).count()).toBe(0);
    expect(await db.table('roadmapItems').count()).toBe(before.get('roadmapItems')?.length ?? -1);
    expect(await db.table('settings').count()).toBe(before.get('settings')?.length ?? -1);
  },
  6: async (db, before) => {
    // v6 only adds sync bookkeeping (unknown tables' rows, conflicts, peers): empty, the rest untouched.
    for (const t of ['foreign', 'conflicts', 'peers']) expect(await db.table(t).count()).toBe(0);
    expect(await db.table('accounts').count()).toBe(before.get('accounts')?.length ?? -1);
    expect(await db.table('members').count()).toBe(before.get('members')?.length ?? -1);
  },
  7: async (db, before) => {
    // v7 only adds the synced conflict reviews: empty, the rest (the local conflict list too) untouched.
    expect(await db.table('reviews').count()).toBe(0);
    expect(await db.table('conflicts').count()).toBe(before.get('conflicts')?.length ?? -1);
    expect(await db.table('accounts').count()).toBe(before.get('accounts')?.length ?? -1);
  },
  8: async (db, before) => {
    // v8 only adds the local import history; accounts written before it lack the CSV fields and read as empty.
    expect(await db.table('imports').count()).toBe(0);
    const accounts = await db.table<RawRow, string>('accounts').toArray();
    expect(accounts).toHaveLength(before.get('accounts')?.length ?? -1);
    for (const a of accounts) {
      expect('website' in a).toBe(false);
      expect(readRow('accounts', a)).toMatchObject({ website: '', annualRevenue: 0, sourceKey: '' });
    }
  },
  9: async (db, before) => {
    // v9 only adds the synced segments: empty; the settings rows (where the workspace row will live) untouched.
    expect(await db.table('segments').count()).toBe(0);
    expect(await db.table('settings').count()).toBe(before.get('settings')?.length ?? -1);
    expect(await db.table('accounts').count()).toBe(before.get('accounts')?.length ?? -1);
  },
  10: async (db, before) => {
    // v10 only adds the synced memo tables: empty; what memos link to (roadmap items, accounts) and
    // the kept rows of tables this version did not know are untouched.
    for (const t of ['memos', 'memoOptions', 'memoViews', 'memoExits']) expect(await db.table(t).count()).toBe(0);
    for (const t of ['accounts', 'roadmapItems', 'foreign']) expect(await db.table(t).count(), t).toBe(before.get(t)?.length ?? -1);
    // Each table indexed as its lookups need: a memo's options, views and exits; the memos of an item or an account.
    const indexes = (t: string) => db.table(t).schema.indexes.map((i) => i.name);
    expect(indexes('memos')).toEqual(expect.arrayContaining(['itemId', 'accountId']));
    for (const t of ['memoOptions', 'memoViews', 'memoExits']) expect(indexes(t), t).toContain('memoId');
    expect(indexes('memoExits')).toContain('accountId');
  },
};

const pairs = SCHEMA_VERSIONS.slice(1).map((v, i) => [SCHEMA_VERSIONS[i]?.version ?? 0, v.version] as const);

describe('schema versions', () => {
  it('are numbered 1, 2, 3 … and the current version is the last', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('every upgrade has its effects written down in this test', () => {
    for (const [, to] of pairs) expect(typeof UPGRADE_EFFECTS[to]).toBe('function');
  });

  it('index every synced table on updatedAt (changed-since queries)', () => {
    const current = tablesAt(CURRENT_VERSION);
    for (const t of SYNCED_TABLES) expect(indexNames(current.get(t) ?? '')).toEqual(expect.arrayContaining(['id', 'updatedAt']));
  });

  it('a fresh database at the current version has every table', async () => {
    const db = open(`t-${crypto.randomUUID()}`, Number.POSITIVE_INFINITY);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([...SYNCED_TABLES, 'meta', 'foreign', 'conflicts', 'peers', 'imports'].sort());
  });
});

describe.each(pairs)('upgrade v%i → v%i', (from, to) => {
  it('keeps every record intact and applies the upgrade', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const old = open(name, from);
    await old.open();
    expect(old.verno).toBe(from);
    const before = await writeRepresentative(old, from);
    old.close();

    const db = open(name, to);
    await db.open();
    expect(db.verno).toBe(to);
    for (const [table, rows] of before) {
      const after = await db.table<RawRow, string>(table).toArray();
      expect(after).toHaveLength(rows.length);
      for (const row of rows) {
        const key = table === 'meta' ? row.key : row.id;
        const stored = after.find((r) => (table === 'meta' ? r.key : r.id) === key);
        expect(stored).toMatchObject(row);
      }
    }
    // Old rows stay reachable through the changed-since index.
    for (const table of SYNCED_TABLES) {
      if (!before.has(table)) continue;
      const changed = await db.table(table).where('updatedAt').above(ZERO_STAMP).count();
      expect(changed).toBe(before.get(table)?.length);
    }
    await UPGRADE_EFFECTS[to]?.(db, before);
  });
});

describe('upgrade from the oldest version straight to the current one', () => {
  it('applies every upgrade in turn', async () => {
    const first = SCHEMA_VERSIONS[0]?.version ?? 1;
    const name = `t-${crypto.randomUUID()}`;
    const old = open(name, first);
    await old.open();
    const before = await writeRepresentative(old, first);
    old.close();
    const db = open(name, CURRENT_VERSION);
    await db.open();
    for (const [table, rows] of before) expect(await db.table(table).count()).toBe(rows.length);
    const acc = await db.table<RawRow & { updatedAt: Stamp }, string>('accounts').get('acc-2');
    expect(acc).toMatchObject({ name: 'Gone Ltd', deleted: true, spiralLap: 1 });
    expect(compareStamps(S1, acc?.updatedAt ?? ZERO_STAMP)).toBe(-1);
  });
});
