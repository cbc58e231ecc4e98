// Runs inside Chromium on the app's origin: the same repository code the app uses.
import { defaultAccountFields, invalidAccountFields, type AccountFields } from '@shared/domain/account';
import { addDays, toIsoDate } from '@shared/domain/dates';
import { CARD_HEIGHT, CARD_WIDTH, GRID, orgChartLayout, type Position } from '@shared/domain/orgLayout';
import type { ContactFields, LineFields, PersonFields } from '@shared/domain/stakeholders';
import { createRows } from '@shared/sync/row';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace, runIntent } from '../../../renderer/src/db/workspace';
import { createAccounts } from '../../../renderer/src/db/accounts';
import { syntheticAccounts, syntheticMap, type SyntheticPerson } from '../synthetic';
import { syncRound } from './sync-bench';
import { seedLongPlan } from './plan-bench';
import { csvRound } from './csv-bench';
import { folderRound } from './folder-bench';

function rawPut(name: string, rows: readonly object[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('accounts', { keyPath: 'id' });
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('name', 'name');
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t0 = performance.now();
      const tx = db.transaction('accounts', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('accounts');
      for (const r of rows) store.put(r);
      tx.oncomplete = () => {
        const ms = performance.now() - t0;
        db.close();
        resolve(ms);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function drop(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** One round: 10,000 accounts through the repository, then the same rows through raw IndexedDB put. */
async function insertRound(i: number, count: number): Promise<{ repoMs: number; rawMs: number; prepareMs: number }> {
  const fields = syntheticAccounts(count, i);
  const repoName = `bench-repo-${i}`;
  const rawName = `bench-raw-${i}`;
  await drop(repoName);
  await drop(rawName);
  const ws = await openWorkspace(new WaypointDB(repoName));
  const t0 = performance.now();
  const { accounts } = await createAccounts(ws, fields);
  const repoMs = performance.now() - t0;
  // The repository's own JavaScript (defaults, field checks, ids, stamps) on the same input, without IndexedDB.
  const tp = performance.now();
  const prepared = fields.map((f) => defaultAccountFields(f)).filter((f) => invalidAccountFields(f).length === 0);
  createRows(
    prepared,
    prepared.map(() => crypto.randomUUID()),
    accounts[0]!.updatedAt,
  );
  const prepareMs = performance.now() - tp;
  ws.db.close();
  // The raw side writes exactly the rows the repository wrote (same ids, stamps, sizes).
  const rawMs = await rawPut(rawName, accounts);
  await drop(repoName);
  await drop(rawName);
  return { repoMs, rawMs, prepareMs };
}

async function seedApp(count: number): Promise<void> {
  const ws = await openWorkspace(new WaypointDB());
  await createAccounts(ws, syntheticAccounts(count, 99));
  ws.db.close();
}

export type MapLayout = 'grid' | 'org';

/**
 * A compact grid: people in depth-first org order (a manager, then their team), filled row by
 * row with the canvas's aspect, so that after fitView the whole map is on screen (the worst
 * case for drawing) and most lines stay short.
 */
function gridLayout(people: readonly SyntheticPerson[]): Position[] {
  const reports = people.map((): number[] => []);
  people.forEach((p, i) => {
    if (p.manager !== null) reports[p.manager]!.push(i);
  });
  const order: number[] = [];
  const stack = people.flatMap((p, i) => (p.manager === null ? [i] : [])).reverse();
  while (stack.length > 0) {
    const i = stack.pop()!;
    order.push(i);
    for (let k = reports[i]!.length - 1; k >= 0; k--) stack.push(reports[i]![k]!);
  }
  const cellW = CARD_WIDTH + 2 * GRID;
  const cellH = CARD_HEIGHT + 3 * GRID;
  const cols = Math.max(1, Math.ceil(Math.sqrt((people.length * 2.2 * cellH) / cellW)));
  const out: Position[] = people.map(() => ({ x: 0, y: 0 }));
  order.forEach((i, k) => {
    out[i] = { x: (k % cols) * cellW, y: Math.floor(k / cols) * cellH };
  });
  return out;
}

/** The app's own "Lay out org chart" (dagre): realistic, but 1,000 people make a chart ~180,000 px wide. */
function orgLayout(people: readonly SyntheticPerson[]): Position[] {
  const reports = people.flatMap((p, i) =>
    p.manager === null ? [] : [{ from: String(i), to: String(p.manager), kind: 'reportsTo' as const }],
  );
  const at = orgChartLayout(
    people.map((_, i) => ({ id: String(i), x: 0, y: 0 })),
    reports,
  );
  return people.map((_, i) => at.get(String(i)) ?? { x: 0, y: 0 });
}

/**
 * Seeds one account with a stakeholder map of `count` people (an org tree, ~1.5 lines a
 * person, contacts) in one intent, through the app's own Writer; returns the account id.
 */
async function seedMap(accountName: string, count: number, layout: MapLayout = 'grid'): Promise<string> {
  const map = syntheticMap(count, count);
  const at = layout === 'org' ? orgLayout(map.people) : gridLayout(map.people);
  const today = toIsoDate(new Date());
  const ws = await openWorkspace(new WaypointDB());
  try {
    const { result } = await runIntent(ws, 'benchSeedMap', async (w) => {
      const [account] = await w.insertMany<AccountFields>('accounts', [
        defaultAccountFields({ name: accountName, industry: 'Logistics', region: 'Nordics', owner: 'Mette Lund', sizeClass: 'elephant' }),
      ]);
      const accountId = account!.id;
      const people = await w.insertMany<PersonFields>(
        'people',
        map.people.map((p, i) => ({ ...p.fields, accountId, x: at[i]!.x, y: at[i]!.y })),
      );
      await w.insertMany<LineFields>(
        'lines',
        map.lines.map((l) => ({ accountId, from: people[l.from]!.id, to: people[l.to]!.id, kind: l.kind })),
      );
      await w.insertMany<ContactFields>(
        'contacts',
        map.contacts.map((c) => ({
          accountId,
          personId: people[c.person]!.id,
          date: addDays(today, -c.daysAgo),
          channel: c.channel,
          attendee: c.attendee,
          notes: c.notes,
        })),
      );
      return accountId;
    });
    return result;
  } finally {
    ws.db.close();
  }
}

/**
 * The long-task bench's workspace: `accounts` accounts, and `people` people spread 100 to an
 * account, plus one account with a `mapPeople`-person map (through seedMap). Returns the ids of
 * the map's account and of the first plain account.
 */
async function seedLarge(accounts: number, people: number, mapPeople: number): Promise<{ mapAccount: string; account: string }> {
  const mapAccount = await seedMap('Meridian Shipping Map', mapPeople, 'grid');
  const ws = await openWorkspace(new WaypointDB());
  try {
    const { accounts: rows } = await createAccounts(ws, syntheticAccounts(accounts - 1, 5));
    const perAccount = 100;
    const remaining = people - mapPeople;
    for (let at = 0; at < remaining; at += 10_000) {
      await runIntent(ws, 'benchSeedPeople', async (w) => {
        const batch: PersonFields[] = [];
        for (let i = at; i < Math.min(remaining, at + 10_000); i++) {
          const p = syntheticMap(1, i + 1).people[0]!;
          const accountId = rows[Math.floor(i / perAccount) % rows.length]!.id;
          batch.push({ ...p.fields, accountId, x: (i % 10) * 240, y: Math.floor((i % perAccount) / 10) * 120 });
        }
        await w.insertMany<PersonFields>('people', batch);
      });
    }
    return { mapAccount, account: rows[0]!.id };
  } finally {
    ws.db.close();
  }
}

/** What the map toolbar's "Lay out org chart" costs on the main thread for `count` people (ms). */
function orgLayoutMs(count: number): number {
  const map = syntheticMap(count, count);
  const t0 = performance.now();
  orgLayout(map.people);
  return performance.now() - t0;
}

declare global {
  interface Window {
    waypointBench: {
      insertRound: typeof insertRound;
      seedApp: typeof seedApp;
      seedMap: typeof seedMap;
      orgLayoutMs: typeof orgLayoutMs;
      seedLarge: typeof seedLarge;
      syncRound: typeof syncRound;
      csvRound: typeof csvRound;
      folderRound: typeof folderRound;
      seedLongPlan: typeof seedLongPlan;
      ready: boolean;
    };
  }
}
window.waypointBench = {
  insertRound,
  seedApp,
  seedMap,
  orgLayoutMs,
  seedLarge,
  syncRound,
  csvRound,
  folderRound,
  seedLongPlan,
  ready: true,
};
