import type { Transaction } from 'dexie';

/**
 * Schema versions, oldest first. Versions are only ever added, never edited
 * (ARCHITECTURE rule 5); each upgrade has a test that opens a database of the
 * previous version (schema.test.ts runs every consecutive pair).
 *
 * Every synced table is indexed on `updatedAt` so "changed since stamp S" is one
 * range query. Booleans cannot be indexed in IndexedDB, so tombstones are filtered
 * in memory.
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      accounts: 'id, updatedAt, name',
      meta: 'key',
    },
  },
  {
    // v2: account plans (plans → objectives → actions, risks) and the spiral lap number.
    version: 2,
    stores: {
      plans: 'id, updatedAt, accountId',
      objectives: 'id, updatedAt, planId',
      actions: 'id, updatedAt, planId, objectiveId',
      risks: 'id, updatedAt, planId',
    },
    upgrade: async (tx) => {
      await tx
        .table('accounts')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.spiralLap === undefined) {
            row.spiralLap = 1;
            const stamps = row.stamps as Record<string, string>;
            // The new field takes the row's oldest possible stamp so any real edit wins a merge.
            stamps.spiralLap = '000000000-0000-0000000000000000';
          }
        });
    },
  },
  {
    // v3: stakeholder maps — people (cards with positions), lines between them, contact log.
    version: 3,
    stores: {
      people: 'id, updatedAt, accountId',
      lines: 'id, updatedAt, accountId',
      contacts: 'id, updatedAt, accountId, personId',
    },
  },
  {
    // v4: roadmap — items, account requests, acceleration quotes, per-quarter capacity and the
    // workspace's roadmap settings (capacity and settings rows use natural ids: the quarter, 'roadmap').
    version: 4,
    stores: {
      roadmapItems: 'id, updatedAt, plannedQuarter',
      requests: 'id, updatedAt, itemId, accountId',
      quotes: 'id, updatedAt, itemId',
      capacity: 'id, updatedAt',
      settings: 'id, updatedAt',
    },
  },
  {
    // v5: platinum club — roster, offers per account, retreats with sessions and attendees
    // (the program itself is the `settings` row 'club').
    version: 5,
    stores: {
      members: 'id, updatedAt, accountId',
      offers: 'id, updatedAt, accountId',
      retreats: 'id, updatedAt',
      sessions: 'id, updatedAt, retreatId',
      attendees: 'id, updatedAt, retreatId, accountId',
    },
  },
  {
    // v6: sync — rows of tables this version does not know (kept and passed on), the conflict
    // list (values that lost a merge, for review), and what each peer device has seen. All three
    // are device-local bookkeeping, not synced tables.
    version: 6,
    stores: {
      foreign: 'key, updatedAt, table',
      conflicts: 'id, createdAt, [table+rowId]',
      peers: 'device',
    },
  },
  {
    // v7: conflicts reach both devices — the review of a value that lost a merge is a synced row
    // (`reviews`, id = the losing write), so the device whose value won sees it too, and settling
    // it on one device settles it on all. The local `conflicts` list mirrors it.
    version: 7,
    stores: {
      reviews: 'id, updatedAt',
    },
  },
  {
    // v8: CSV import — this device's import history (local, like backups: what was imported when,
    // from which file, with the counts). Accounts and people gain website, annual revenue, e-mail,
    // phone and a CRM source key; they are not indexed (the import matches in memory) and rows
    // without them read as empty (shared/domain/tables.ts `addedIn`).
    version: 8,
    stores: {
      imports: 'id, at',
    },
  },
  {
    // v9: the portfolio — market segments (a rule, the market's size, spend and win rate). The
    // workspace settings ('workspace': reporting currency, rates, ICP weights) are a `settings` row.
    version: 9,
    stores: {
      segments: 'id, updatedAt',
    },
  },
  {
    // v10: trade-off memos — the memo, its options, the executives' views (id `<memo>:<role>`) and
    // fair exits (id `<memo>:<account>`), all synced; indexed by memo, and memos by item and account.
    version: 10,
    stores: {
      memos: 'id, updatedAt, itemId, accountId',
      memoOptions: 'id, updatedAt, memoId',
      memoViews: 'id, updatedAt, memoId',
      memoExits: 'id, updatedAt, memoId, accountId',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Tables that hold user data and sync; `meta`, `foreign`, `conflicts`, `peers` and `imports` are device-local. */
export const SYNCED_TABLES = [
  'accounts',
  'plans',
  'objectives',
  'actions',
  'risks',
  'people',
  'lines',
  'contacts',
  'roadmapItems',
  'requests',
  'quotes',
  'capacity',
  'settings',
  'members',
  'offers',
  'retreats',
  'sessions',
  'attendees',
  'reviews',
  'segments',
  'memos',
  'memoOptions',
  'memoViews',
  'memoExits',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
/** Device-local tables an import or a restore writes besides the synced ones. */
export const SYNC_STATE_TABLES = ['meta', 'foreign', 'conflicts', 'peers'] as const;
