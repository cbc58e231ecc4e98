import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { asIsoDate } from '@shared/domain/dates';
import { asMinor } from '@shared/domain/money';
import { asQuarter } from '@shared/domain/quarter';
import type { CsvExportOptions } from '@shared/csv/export';
import { applyImport, readExisting } from '../../db/csvImport';
import { createAccount } from '../../db/accounts';
import { createLine, createPerson } from '../../db/people';
import { addAction, addObjective, createPlan } from '../../db/plans';
import { addRequest, createItem } from '../../db/roadmap';
import { loadSampleWorkspace } from '../../db/sample';
import { freshWorkspaces } from '../../db/testing';
import type { Workspace } from '../../db/workspace';
import { WorkspaceContext } from '../../db/context';
import { initI18n } from '../../i18n';
import { CsvExportSection } from './components/CsvExportSection';
import { CsvSession } from './engine';
import { exportCsvFiles, saveCsvFiles, type CsvExportBytes } from './exportCsv';

const fresh = freshWorkspaces();
const none = { accounts: new Map(), people: new Map() };

/** The whole import as the screens run it: read every file, take the matched mapping as it is, plan, write. */
async function importFiles(ws: Workspace, files: readonly CsvExportBytes[]) {
  const session = new CsvSession();
  const mappings = [];
  for (const [i, f] of files.entries()) {
    const s = await session.read(`f${i}`, f.name, f.bytes, {});
    if (!s) throw new Error('read stopped');
    mappings.push({ fileId: s.fileId, mapping: s.mapping, kind: s.kind });
  }
  const result = session.plan(mappings, await readExisting(ws.db), none);
  const { applied, intent } = await applyImport(ws, result.plan, result.positions);
  return { kinds: mappings.map((m) => m.kind), plan: result.plan, applied, intent };
}

const live = async (ws: Workspace) => ({
  accounts: (await ws.db.accounts.toArray()).filter((a) => !a.deleted),
  people: (await ws.db.people.toArray()).filter((p) => !p.deleted),
  lines: (await ws.db.lines.toArray()).filter((l) => !l.deleted),
});

/** What a round trip must keep, with ids replaced by names (the other workspace has its own ids). */
async function picture(ws: Workspace) {
  const rows = await live(ws);
  const accountName = new Map(rows.accounts.map((a) => [a.id, a.name]));
  const personName = new Map(rows.people.map((p) => [p.id, p.name]));
  // Placeholders ("CFO — unknown") are roles on a map, not people: the export leaves them and their lines out.
  const real = new Set(rows.people.filter((p) => !p.placeholder).map((p) => p.id));
  return {
    accounts: rows.accounts
      .map((a) => ({
        name: a.name,
        currency: a.currency,
        arr: a.arr,
        potentialArr: a.potentialArr,
        annualRevenue: a.annualRevenue,
        industry: a.industry,
        region: a.region,
        owner: a.owner,
        contractStart: a.contractStart,
        renewalDate: a.renewalDate,
        tags: a.tags,
        website: a.website,
        notes: a.notes,
      }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    people: rows.people
      .filter((p) => !p.placeholder)
      .map((p) => ({
        name: p.name,
        title: p.title,
        department: p.department,
        email: p.email,
        phone: p.phone,
        ourOwner: p.ourOwner,
        account: accountName.get(p.accountId),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : (a.account ?? '') < (b.account ?? '') ? -1 : 1)),
    reportsTo: rows.lines
      .filter((l) => l.kind === 'reportsTo' && real.has(l.from) && real.has(l.to))
      .map((l) => `${accountName.get(l.accountId)}: ${personName.get(l.from)} → ${personName.get(l.to)}`)
      .sort(),
  };
}

async function buildWorkspace(): Promise<Workspace> {
  const ws = await fresh();
  const { account: ru } = await createAccount(ws, {
    name: 'ООО «Северный ветер»',
    currency: 'RUB',
    arr: asMinor(123_456_789),
    potentialArr: asMinor(900_000_000),
    annualRevenue: asMinor(5_000_000_000_00),
    industry: 'Энергетика',
    region: 'Россия',
    owner: 'Мария Кузнецова',
    contractStart: asIsoDate('2024-02-29'),
    renewalDate: asIsoDate('2026-12-31'),
    tags: ['новый', 'energy'],
    website: 'https://veter.ru',
    notes: 'Две строки,\n"в кавычках"; с точкой с запятой',
  });
  const { account: cn } = await createAccount(ws, {
    name: '阿里巴巴有限公司',
    currency: 'CNY',
    arr: asMinor(8_800_000),
    industry: '电子商务',
    region: '中国',
    owner: '李娜',
    renewalDate: asIsoDate('2027-02-28'),
    tags: ['战略'],
    website: 'alibaba.cn',
  });
  const { account: dk } = await createAccount(ws, {
    name: '=Ærø Økologi ApS',
    currency: 'DKK',
    arr: asMinor(240_000_000),
    industry: 'Fødevarer',
    region: 'Nordics',
    owner: 'Mette Lund',
    tags: ['strategic', 'øko'],
    website: 'https://aeroe.dk',
  });
  const { account: jp } = await createAccount(ws, {
    name: '@Kyoto Kikai',
    currency: 'JPY',
    arr: asMinor(12_000_000),
    sourceKey: 'salesforce:0015g00000AbCdE',
  });

  const person = async (accountId: string, fields: Parameters<typeof createPerson>[2]) =>
    (await createPerson(ws, accountId, fields)).person;
  const petr = await person(ru.id, {
    name: 'Пётр Иванов',
    title: 'Генеральный директор',
    email: 'petr@veter.ru',
    phone: '+7 495 123-45-67',
  });
  const anna = await person(ru.id, { name: 'Анна Смирнова', title: 'Финансовый директор', department: 'Финансы', ourOwner: 'Мария' });
  const ivan = await person(ru.id, { name: 'Иван Петров', title: 'ИТ', email: 'ivan@veter.ru' });
  const wang = await person(cn.id, { name: '王小明', title: '总经理', email: 'wang@alibaba.cn' });
  const li = await person(cn.id, { name: '李华', title: '采购经理' });
  const soren = await person(dk.id, { name: '=Søren Ærø', title: 'Adm. direktør', email: 'soren@aeroe.dk' });
  const aase = await person(dk.id, { name: 'Åse Øberg', title: '-Indkøb', phone: '-' });
  const cfo = await person(dk.id, { name: 'CFO — unknown', placeholder: true });
  await person(jp.id, { name: 'Sato Hiroshi', title: '@部長' });
  // A second person of the same name in another account is another person.
  await person(dk.id, { name: 'Ivan Petrov' });
  await person(ru.id, { name: 'Ivan Petrov' });

  await createLine(ws, ru.id, anna.id, petr.id, 'reportsTo');
  await createLine(ws, ru.id, ivan.id, anna.id, 'reportsTo');
  await createLine(ws, ru.id, ivan.id, petr.id, 'dotted');
  await createLine(ws, cn.id, li.id, wang.id, 'reportsTo');
  await createLine(ws, dk.id, aase.id, soren.id, 'reportsTo');
  await createLine(ws, dk.id, soren.id, cfo.id, 'reportsTo');
  return ws;
}

const expectNoChange = (run: Awaited<ReturnType<typeof importFiles>>, accounts: number, people: number, lines: number) => {
  expect(run.plan.refused).toEqual([]);
  expect(run.plan.ambiguous).toEqual([]);
  expect(run.plan.counts.accounts).toMatchObject({ create: 0, update: 0, unchanged: accounts });
  expect(run.plan.counts.people).toMatchObject({ create: 0, update: 0, unchanged: people });
  expect(run.plan.counts.lines).toEqual({ create: 0, unchanged: lines, refused: 0 });
  expect(run.intent.changes).toEqual([]);
};

describe('CSV export round-trips into Waypoint’s own import', () => {
  for (const opts of [{}, { bom: true, delimiter: ';' }] satisfies CsvExportOptions[]) {
    const label = opts.delimiter === ';' ? 'with a BOM and semicolons' : 'as plain UTF-8 with commas';
    it(`accounts and people ${label}: the same records in a fresh workspace, and nothing changes on the second import or in the original`, async () => {
      const original = await buildWorkspace();
      const files = await exportCsvFiles(original, ['accounts', 'people'], opts);
      expect(files.map((f) => [f.name, f.rows])).toEqual([
        ['accounts.csv', 4],
        ['people.csv', 10],
      ]);
      expect(files.every((f) => (f.bytes[0] === 0xef && f.bytes[1] === 0xbb && f.bytes[2] === 0xbf) === (opts.bom === true))).toBe(true);

      const copy = await fresh();
      const first = await importFiles(copy, files);
      expect(first.kinds).toEqual(['accounts', 'contacts']);
      expect(first.plan.refused).toEqual([]);
      expect(first.plan.counts.accounts.create).toBe(4);
      expect(first.plan.counts.people.create).toBe(10);
      expect(first.plan.counts.lines.create).toBe(4);
      const want = await picture(original);
      expect(await picture(copy)).toEqual(want);
      expect(want.accounts.map((a) => a.name)).toContain('=Ærø Økologi ApS');
      expect(want.people.map((p) => p.name)).toContain('=Søren Ærø');
      // The CRM key is not carried over as an id: the copy knows each record by the Waypoint id it came with.
      const copied = await live(copy);
      const originalIds = new Set((await live(original)).accounts.map((a) => `other:${a.id}`));
      expect(copied.accounts.every((a) => originalIds.has(a.sourceKey))).toBe(true);

      const counts = async (ws: Workspace) => {
        const rows = await live(ws);
        return { accounts: rows.accounts.length, people: rows.people.length, lines: rows.lines.length };
      };
      const before = await counts(copy);
      expectNoChange(await importFiles(copy, files), 4, 10, 4);
      expect(await counts(copy)).toEqual(before);

      const originalBefore = await counts(original);
      const originalPicture = await picture(original);
      expectNoChange(await importFiles(original, files), 4, 10, 4);
      expect(await counts(original)).toEqual(originalBefore);
      expect(await picture(original)).toEqual(originalPicture);
      // Nothing of the original was given a source key by reading its own file back.
      expect((await live(original)).accounts.map((a) => a.sourceKey).sort()).toEqual(['', '', '', 'salesforce:0015g00000AbCdE']);
      expect((await live(original)).people.every((p) => p.sourceKey === '')).toBe(true);
    });
  }

  it('the sample workspace round-trips too', async () => {
    const original = await fresh();
    await loadSampleWorkspace(original, asIsoDate('2026-03-01'));
    const files = await exportCsvFiles(original, ['accounts', 'people']);
    const copy = await fresh();
    const first = await importFiles(copy, files);
    expect(first.plan.refused).toEqual([]);
    expect(await picture(copy)).toEqual(await picture(original));
    const again = await importFiles(original, files);
    expect(again.plan.refused).toEqual([]);
    expect(again.intent.changes).toEqual([]);
  });

  it('exports plans with their actions and roadmap requests, and saves one file per table', async () => {
    const ws = await fresh();
    const { account } = await createAccount(ws, { name: 'Nordlys', currency: 'EUR' });
    const { plan } = await createPlan(ws, account.id, { title: 'FY26' });
    const { objective } = await addObjective(ws, plan.id, 'Retain');
    await addAction(ws, plan.id, objective.id, { title: '=Kick-off', owner: 'Mette', dueDate: asIsoDate('2026-04-01') });
    await createPlan(ws, account.id, { title: 'Draft' });
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: asQuarter('2026-Q3') });
    await addRequest(ws, { itemId: item.id, accountId: account.id, importance: 'critical', note: 'Audit' });

    const files = await exportCsvFiles(ws, ['plans', 'requests', 'accounts']);
    expect(files.map((f) => [f.name, f.rows])).toEqual([
      ['accounts.csv', 1],
      ['plans.csv', 2],
      ['requests.csv', 1],
    ]);
    const text = (name: string) => new TextDecoder().decode(files.find((f) => f.name === name)!.bytes);
    expect(text('plans.csv')).toContain(',Retain,');
    expect(text('plans.csv')).toContain(",'=Kick-off,Mette,2026-04-01,open");
    expect(text('requests.csv')).toContain(`,Nordlys,${item.id},SSO,,2026-Q3,planned,critical,`);

    const asked: string[] = [];
    const saved = await saveCsvFiles(
      files,
      async (req) => {
        asked.push(req.suggestedName);
        // The user cancels the second dialog.
        return req.suggestedName === 'plans.csv' ? { saved: false } : { saved: true, name: `/tmp/${req.suggestedName}` };
      },
      'CSV',
    );
    expect(asked).toEqual(['accounts.csv', 'plans.csv', 'requests.csv']);
    expect(saved).toEqual([
      { table: 'accounts', name: '/tmp/accounts.csv', rows: 1 },
      { table: 'requests', name: '/tmp/requests.csv', rows: 1 },
    ]);
  });
});

describe('CsvExportSection', () => {
  beforeAll(() => initI18n('en'));

  it('shows the four tables, the two Excel options and the button, every word translated', async () => {
    const ws = await fresh();
    const html = renderToStaticMarkup(createElement(WorkspaceContext.Provider, { value: ws }, createElement(CsvExportSection)));
    expect(html).toContain('Export CSV');
    for (const file of ['accounts.csv', 'people.csv', 'plans.csv', 'requests.csv']) expect(html).toContain(file);
    expect(html.match(/type="checkbox"/g)).toHaveLength(6);
    expect(html).toContain('Add a byte-order mark for Excel');
    expect(html).toContain('Semicolons (Excel in Europe)');
    expect(html).not.toMatch(/csv\.export\./);
  });
});
