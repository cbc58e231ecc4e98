import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reportingLoopExport, salesforceDataLoaderExport } from '@shared/csv/fixtures';
import { salesforceId18 } from '@shared/csv/ids';
import { applyImport, readExisting } from '../../db/csvImport';
import { updateAccount } from '../../db/accounts';
import { freshWorkspaces } from '../../db/testing';
import { replayIntent, type Workspace } from '../../db/workspace';
import { CsvSession, locate } from './engine';
import { ITEMS_PER_PART, joinPlan, PLAN_LISTS, splitPlan, type PlanList } from './protocol';

const fresh = freshWorkspaces();
const none = { accounts: new Map(), people: new Map() };

/** The whole import as the screens run it: read both files, take the matched mapping, plan, write. */
async function importFiles(ws: Workspace, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>) {
  const session = new CsvSession();
  const summaries = [];
  for (const [i, f] of files.entries()) {
    const s = await session.read(`f${i}`, f.name, f.bytes, {});
    if (!s) throw new Error('read stopped');
    summaries.push(s);
  }
  const mappings = summaries.map((s) => ({
    fileId: s.fileId,
    mapping: { ...s.mapping, defaultCurrency: s.mapping.defaultCurrency || 'EUR' },
  }));
  const result = session.plan(mappings, await readExisting(ws.db), none);
  const { applied, intent } = await applyImport(ws, result.plan, result.positions);
  return { summaries, result, applied, intent };
}

const live = async (ws: Workspace) => ({
  accounts: (await ws.db.accounts.toArray()).filter((a) => !a.deleted),
  people: (await ws.db.people.toArray()).filter((p) => !p.deleted),
  lines: (await ws.db.lines.toArray()).filter((l) => !l.deleted),
});

describe('CSV import, end to end over a real workspace', () => {
  it('imports a Salesforce Data Loader export: accounts, contacts, reports-to lines and map positions', async () => {
    const ws = await fresh();
    const sf = salesforceDataLoaderExport({ accounts: 8, contactsPerAccount: 5, seed: 7 });
    const { summaries, result } = await importFiles(ws, [
      { name: 'Account.csv', bytes: sf.accountsCsv },
      { name: 'Contact.csv', bytes: sf.contactsCsv },
    ]);
    expect(summaries.map((s) => s.kind)).toEqual(['accounts', 'contacts']);
    expect(result.plan.counts.accounts).toMatchObject({ create: 8, refused: 0 });
    expect(result.plan.counts.people).toMatchObject({ create: 40, refused: 0 });
    const rows = await live(ws);
    expect(rows.accounts.map((a) => a.name).sort()).toEqual(sf.model.accounts.map((a) => a.name).sort());
    expect(rows.people).toHaveLength(40);
    const managers = sf.model.contacts.filter((c) => c.manager !== null).length;
    expect(rows.lines.filter((l) => l.kind === 'reportsTo')).toHaveLength(managers);
    // Every person in the account of their file row, with a place on the map and a manager above them.
    const byId = new Map(rows.people.map((p) => [p.id, p]));
    for (const l of rows.lines) {
      expect(byId.get(l.from)?.accountId).toBe(l.accountId);
      expect(byId.get(l.to)!.y).toBeLessThan(byId.get(l.from)!.y);
    }
    expect(rows.accounts.every((a) => a.sourceKey.startsWith('salesforce:'))).toBe(true);
    expect(rows.people.every((p) => p.email.includes('@'))).toBe(true);
  });

  it('is idempotent: the same files again change nothing; Undo takes the whole import back', async () => {
    const ws = await fresh();
    const sf = salesforceDataLoaderExport({ accounts: 5, contactsPerAccount: 4, seed: 3 });
    const files = [
      { name: 'Account.csv', bytes: sf.accountsCsv },
      { name: 'Contact.csv', bytes: sf.contactsCsv },
    ];
    const first = await importFiles(ws, files);
    const again = await importFiles(ws, files);
    expect(again.result.plan.counts.accounts).toMatchObject({ create: 0, update: 0, unchanged: 5 });
    expect(again.result.plan.counts.people).toMatchObject({ create: 0, update: 0, unchanged: 20 });
    expect(again.intent.changes).toEqual([]);

    await replayIntent(ws, first.intent, 'undo');
    const rows = await live(ws);
    expect(rows).toEqual({ accounts: [], people: [], lines: [] });
  });

  it('an updated export changes only what changed, and 15-character ids match their 18-character form', async () => {
    const ws = await fresh();
    const sf = salesforceDataLoaderExport({ accounts: 3, contactsPerAccount: 2, seed: 11 });
    await importFiles(ws, [{ name: 'Account.csv', bytes: sf.accountsCsv }]);
    const first = sf.model.accounts[0]!;
    const mine = (await live(ws)).accounts.find((a) => a.name === first.name)!;
    await updateAccount(ws, mine.id, { notes: 'Typed in Waypoint', bucket: 2 });

    const id15 = first.id.slice(0, 15);
    expect(salesforceId18(id15)).toBe(first.id);
    const csv = `Id,Name,Industry\n${id15},${first.name},Aerospace\n`;
    const { result } = await importFiles(ws, [{ name: 'changed.csv', bytes: new TextEncoder().encode(csv) }]);
    expect(result.plan.counts.accounts).toMatchObject({ create: 0, update: 1 });
    expect(result.plan.accounts.update[0]?.patch).toEqual({ industry: 'Aerospace' });
    const after = (await live(ws)).accounts.find((a) => a.id === mine.id);
    expect(after).toMatchObject({ industry: 'Aerospace', notes: 'Typed in Waypoint', bucket: 2, name: first.name });
    expect((await live(ws)).accounts).toHaveLength(3);
  });

  it('a reporting loop in the CRM data leaves out the line that would close it, the rest imports', async () => {
    const ws = await fresh();
    const loop = reportingLoopExport(5);
    const { result } = await importFiles(ws, [
      { name: 'Account.csv', bytes: loop.accountsCsv },
      { name: 'Contact.csv', bytes: loop.contactsCsv },
    ]);
    expect(result.plan.counts.people.create).toBe(4);
    const refused = result.plan.refused.filter((r) => r.kind === 'line');
    expect(refused.map((r) => r.reason.key)).toEqual(['csv.reason.lineCycle']);
    // The refused row is named by its own file and line.
    expect(locate(result.ranges, refused[0]!.line).fileId).toBe('f1');
    expect(locate(result.ranges, refused[0]!.line).line).toBeGreaterThan(1);
    expect((await live(ws)).lines).toHaveLength(2);
  });

  it('a failure at any row leaves the database as it was (one transaction)', async () => {
    const ws = await fresh();
    const sf = salesforceDataLoaderExport({ accounts: 4, contactsPerAccount: 3, seed: 8 });
    const session = new CsvSession();
    const a = await session.read('a', 'Account.csv', sf.accountsCsv, {});
    const c = await session.read('c', 'Contact.csv', sf.contactsCsv, {});
    if (!a || !c) throw new Error('read stopped');
    const { plan, positions } = session.plan(
      [
        { fileId: 'a', mapping: { ...a.mapping, defaultCurrency: 'EUR' } },
        { fileId: 'c', mapping: c.mapping },
      ],
      await readExisting(ws.db),
      none,
    );
    // The last contact breaks the people table's rules (as a bug or a hostile plan would): the Writer refuses it.
    const people = plan.people.create.map((p, i, all) =>
      i === all.length - 1 ? { ...p, fields: { ...p.fields, name: 'x'.repeat(5_000) } } : p,
    );
    await expect(applyImport(ws, { ...plan, people: { ...plan.people, create: people } }, positions)).rejects.toThrow();
    expect(await live(ws)).toEqual({ accounts: [], people: [], lines: [] });
  });
});

describe('the plan between the worker and the screen', () => {
  it('goes in parts of at most 2,000 items and comes back whole', async () => {
    const ws = await fresh();
    const sf = salesforceDataLoaderExport({ accounts: 500, contactsPerAccount: 6, seed: 2 });
    const session = new CsvSession();
    const a = await session.read('a', 'Account.csv', sf.accountsCsv, {});
    const c = await session.read('c', 'Contact.csv', sf.contactsCsv, {});
    if (!a || !c) throw new Error('read stopped');
    const result = session.plan(
      [
        { fileId: 'a', mapping: { ...a.mapping, defaultCurrency: 'EUR' } },
        { fileId: 'c', mapping: c.mapping },
      ],
      await readExisting(ws.db),
      none,
    );
    const { rest, lists } = splitPlan(result.plan, result.positions);
    const received: Partial<Record<PlanList, unknown[]>> = {};
    let messages = 0;
    for (const list of PLAN_LISTS)
      for (let at = 0; at < lists[list].length; at += ITEMS_PER_PART) {
        const part = structuredClone(lists[list].slice(at, at + ITEMS_PER_PART));
        expect(part.length).toBeLessThanOrEqual(2_000);
        (received[list] ??= []).push(...part);
        messages++;
      }
    expect(messages).toBeGreaterThanOrEqual(3);
    const back = joinPlan(structuredClone(rest), received);
    expect(back.plan).toEqual(result.plan);
    expect(back.positions).toEqual(result.positions);
  });
});
