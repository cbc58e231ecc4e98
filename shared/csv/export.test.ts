import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../domain/dates';
import { asMinor } from '../domain/money';
import { asQuarter } from '../domain/quarter';
import { encodeStamp } from '../sync/hlc';
import { convertRows } from './convert';
import {
  ACCOUNT_HEADERS,
  accountsTable,
  exportCounts,
  exportCsv,
  firstWritten,
  PEOPLE_HEADERS,
  peopleTable,
  plainAmount,
  plansTable,
  requestsTable,
  type ExportAccount,
  type ExportAction,
  type ExportLine,
  type ExportObjective,
  type ExportPerson,
  type ExportPlan,
  type ExportSource,
} from './export';
import { autoMap } from './fields';
import { planImport } from './plan';
import { readSheet } from './sheet';

// ---------- Builders ----------

const account = (id: string, over: Partial<ExportAccount> = {}): ExportAccount => ({
  id,
  name: id,
  website: '',
  industry: '',
  region: '',
  currency: 'EUR',
  owner: '',
  arr: asMinor(0),
  potentialArr: asMinor(0),
  annualRevenue: asMinor(0),
  contractStart: null,
  renewalDate: null,
  tags: [],
  notes: '',
  sourceKey: '',
  ...over,
});

const person = (id: string, accountId: string, over: Partial<ExportPerson> = {}): ExportPerson => ({
  id,
  accountId,
  name: id,
  title: '',
  department: '',
  email: '',
  phone: '',
  ourOwner: '',
  notes: '',
  placeholder: false,
  sourceKey: '',
  ...over,
});

const reportsTo = (id: string, accountId: string, from: string, to: string, kind: ExportLine['kind'] = 'reportsTo'): ExportLine => ({
  id,
  accountId,
  from,
  to,
  kind,
});

const plan = (id: string, accountId: string, title: string): ExportPlan => ({
  id,
  accountId,
  title,
  periodStart: asIsoDate('2026-01-01'),
  periodEnd: asIsoDate('2026-12-31'),
  summary: '',
});
const objective = (id: string, planId: string, title: string, sort: number): ExportObjective => ({ id, planId, title, sort });
const action = (id: string, planId: string, objectiveId: string, title: string, sort: number): ExportAction => ({
  id,
  planId,
  objectiveId,
  title,
  owner: 'Mette',
  dueDate: asIsoDate('2026-03-31'),
  status: 'open',
  sort,
});

const EMPTY_SOURCE: ExportSource = {
  accounts: [],
  people: [],
  lines: [],
  plans: [],
  objectives: [],
  actions: [],
  items: [],
  requests: [],
  retreats: [],
};

const column = (table: readonly (readonly string[])[], header: string): string[] => {
  const at = table[0]!.indexOf(header);
  return table.slice(1).map((r) => r[at]!);
};

// ---------- Values ----------

describe('plainAmount', () => {
  it('writes minor units as plain digits with a dot and the currency’s decimals', () => {
    expect(plainAmount(asMinor(12_345_678), 'EUR')).toBe('123456.78');
    expect(plainAmount(asMinor(5), 'EUR')).toBe('0.05');
    expect(plainAmount(asMinor(0), 'EUR')).toBe('0.00');
    expect(plainAmount(asMinor(5000), 'JPY')).toBe('5000');
    expect(plainAmount(asMinor(1_500_250), 'KWD')).toBe('1500.250');
    expect(plainAmount(asMinor(100_000_000_000_000), 'DKK')).toBe('1000000000000.00');
  });
});

describe('firstWritten', () => {
  it('is the local date of the earliest stamp, empty without stamps', () => {
    const device = '0123456789abcdef';
    const early = new Date(2025, 4, 17, 10, 30).getTime();
    const late = new Date(2026, 0, 2, 9, 0).getTime();
    expect(
      firstWritten({ note: encodeStamp({ ms: late, counter: 0, device }), itemId: encodeStamp({ ms: early, counter: 3, device }) }),
    ).toBe('2025-05-17');
    expect(firstWritten(undefined)).toBe('');
    expect(firstWritten({})).toBe('');
  });
});

// ---------- Tables ----------

describe('accountsTable', () => {
  it('has the import’s own headers and one row per account by name, values as the import reads them', () => {
    const table = accountsTable([
      account('b', {
        name: 'Nordlys A/S',
        currency: 'DKK',
        arr: asMinor(240_000_000),
        potentialArr: asMinor(4_100_000_000),
        annualRevenue: asMinor(0),
        contractStart: asIsoDate('2024-03-01'),
        renewalDate: asIsoDate('2026-09-30'),
        tags: ['strategic', 'port-ops'],
        website: 'https://nordlys.dk',
        owner: 'Mette Lund',
        sourceKey: 'salesforce:0015g00000AbCdE',
      }),
      account('a', { name: 'Acme', currency: 'JPY', arr: asMinor(1_200_000), annualRevenue: asMinor(900_000_000) }),
    ]);
    expect(table[0]).toEqual([...ACCOUNT_HEADERS]);
    expect(table.slice(1).map((r) => r[1])).toEqual(['Acme', 'Nordlys A/S']);
    expect(table[2]).toEqual([
      'b',
      'Nordlys A/S',
      'https://nordlys.dk',
      '',
      '',
      'DKK',
      'Mette Lund',
      '2400000.00',
      '41000000.00',
      '',
      '2024-03-01',
      '2026-09-30',
      'strategic; port-ops',
      '',
      'salesforce:0015g00000AbCdE',
    ]);
    expect(column(table, 'Annual Revenue')[0]).toBe('900000000');
  });
});

describe('peopleTable', () => {
  const accounts = [account('acc-1', { name: 'Nordlys' }), account('acc-2', { name: 'Acme' })];

  it('gives each person the account’s id and name and the manager’s id and name from the reports-to line (`from` reports to `to`)', () => {
    const table = peopleTable(
      [
        person('p-boss', 'acc-1', { name: 'Ida Boss', title: 'CEO' }),
        person('p-cfo', 'acc-1', { name: 'Carl Cfo', email: 'carl@nordlys.dk' }),
        person('p-alone', 'acc-2', { name: 'Anna Alone' }),
      ],
      accounts,
      [reportsTo('l1', 'acc-1', 'p-cfo', 'p-boss'), reportsTo('l2', 'acc-1', 'p-boss', 'p-cfo', 'dotted')],
    );
    expect(table[0]).toEqual([...PEOPLE_HEADERS]);
    // By account name (Acme first), then by name.
    expect(column(table, 'Full name')).toEqual(['Anna Alone', 'Carl Cfo', 'Ida Boss']);
    expect(column(table, 'Account ID')).toEqual(['acc-2', 'acc-1', 'acc-1']);
    expect(column(table, 'Account Name')).toEqual(['Acme', 'Nordlys', 'Nordlys']);
    // A person without a manager (and the dotted line is no manager): empty manager columns.
    expect(column(table, 'Manager ID')).toEqual(['', 'p-boss', '']);
    expect(column(table, 'Manager')).toEqual(['', 'Ida Boss', '']);
  });

  it('leaves out placeholders and people of accounts not in the export; a line to a placeholder is no manager', () => {
    const table = peopleTable(
      [
        person('p-real', 'acc-1', { name: 'Real Person' }),
        person('p-cfo', 'acc-1', { name: 'CFO — unknown', placeholder: true }),
        person('p-gone', 'acc-deleted', { name: 'In a deleted account' }),
      ],
      accounts,
      [reportsTo('l1', 'acc-1', 'p-real', 'p-cfo')],
    );
    expect(column(table, 'Full name')).toEqual(['Real Person']);
    expect(column(table, 'Manager ID')).toEqual(['']);
  });
});

describe('plansTable', () => {
  const accounts = [account('acc-1', { name: 'Nordlys' })];

  it('is one row per action with the plan and objective columns; a plan or an objective without actions still appears once', () => {
    const table = plansTable(
      [plan('plan-a', 'acc-1', 'FY26'), plan('plan-empty', 'acc-1', 'Draft'), plan('plan-orphan', 'acc-gone', 'Lost')],
      [objective('o2', 'plan-a', 'Expand', 2), objective('o1', 'plan-a', 'Retain', 1), objective('o3', 'plan-a', 'Later', 3)],
      [
        action('x2', 'plan-a', 'o1', 'QBR', 2),
        action('x1', 'plan-a', 'o1', 'Kick-off', 1),
        action('x3', 'plan-a', 'o2', 'Pilot', 1),
        action('x4', 'plan-a', '', 'Loose end', 1),
      ],
      accounts,
    );
    const cells = table.slice(1).map((r) => [r[3], r[8], r[10]]);
    expect(cells).toEqual([
      ['Draft', '', ''],
      ['FY26', 'Retain', 'Kick-off'],
      ['FY26', 'Retain', 'QBR'],
      ['FY26', 'Expand', 'Pilot'],
      ['FY26', 'Later', ''],
      ['FY26', '', 'Loose end'],
    ]);
    const row = table.find((r) => r[9] === 'x1')!;
    expect(row).toEqual([
      'plan-a',
      'acc-1',
      'Nordlys',
      'FY26',
      '2026-01-01',
      '2026-12-31',
      '',
      'o1',
      'Retain',
      'x1',
      'Kick-off',
      'Mette',
      '2026-03-31',
      'open',
    ]);
  });
});

describe('requestsTable', () => {
  it('names the account, the item and the retreat; a request of a missing item or account is left out', () => {
    const device = '0123456789abcdef';
    const table = requestsTable(
      [
        {
          id: 'r1',
          itemId: 'i1',
          accountId: 'acc-1',
          importance: 'critical',
          note: 'Needed for the audit',
          retreatId: 't1',
          stamps: { itemId: encodeStamp({ ms: new Date(2026, 1, 3, 12).getTime(), counter: 0, device }) },
        },
        { id: 'r2', itemId: 'i-gone', accountId: 'acc-1', importance: 'important', note: '', retreatId: null },
      ],
      [{ id: 'i1', title: 'SSO', theme: 'Security', plannedQuarter: asQuarter('2026-Q3'), status: 'planned' }],
      [account('acc-1', { name: 'Nordlys' })],
      [{ id: 't1', title: 'Spring retreat' }],
    );
    expect(table.slice(1)).toEqual([
      [
        'r1',
        'acc-1',
        'Nordlys',
        'i1',
        'SSO',
        'Security',
        '2026-Q3',
        'planned',
        'critical',
        '2026-02-03',
        'Needed for the audit',
        't1',
        'Spring retreat',
      ],
    ]);
  });
});

describe('exportCounts', () => {
  it('counts what the tables hold', () => {
    const source: ExportSource = {
      ...EMPTY_SOURCE,
      accounts: [account('acc-1')],
      people: [person('p1', 'acc-1'), person('p2', 'acc-1', { placeholder: true }), person('p3', 'acc-gone')],
      plans: [plan('plan-a', 'acc-1', 'FY26'), plan('plan-b', 'acc-gone', 'Lost')],
      actions: [action('x1', 'plan-a', '', 'A', 1), action('x2', 'plan-b', '', 'B', 1)],
    };
    expect(exportCounts(source)).toEqual({ accounts: 1, people: 1, plans: 1, actions: 1, requests: 0 });
    expect(exportCsv(source, ['people', 'plans']).map((f) => [f.name, f.rows])).toEqual([
      ['people.csv', 1],
      ['plans.csv', 1],
    ]);
  });
});

// ---------- The files ----------

describe('exportCsv', () => {
  const source: ExportSource = {
    ...EMPTY_SOURCE,
    accounts: [
      account('acc-1', { name: '=HYPERLINK("http://evil.example","Click")', currency: 'EUR', arr: asMinor(100_000) }),
      account('acc-2', { name: '@SUM(A1:A9)' }),
      account('acc-3', { name: 'Smith, Jones & "Partners"', notes: 'Line one\nLine two' }),
    ],
  };

  it('escapes formulas, quotes what needs quotes, and writes CRLF rows', () => {
    const [file] = exportCsv(source, ['accounts']);
    expect(file!.name).toBe('accounts.csv');
    expect(file!.text.startsWith('\ufeff')).toBe(false);
    expect(file!.text.startsWith('Waypoint ID,Account Name,Website,')).toBe(true);
    expect(file!.text).toContain(`acc-1,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(file!.text).toContain(`acc-2,'@SUM(A1:A9),`);
    expect(file!.text).toContain(`acc-3,"Smith, Jones & ""Partners""",`);
    expect(file!.text).toContain('"Line one\nLine two"');
    expect(file!.text.split('\r\n')).toHaveLength(5);
  });

  it('starts with a byte-order mark when asked, and writes semicolons when asked', () => {
    const [file] = exportCsv(source, ['accounts'], { bom: true, delimiter: ';' });
    expect(file!.text.charCodeAt(0)).toBe(0xfeff);
    expect(file!.text.slice(1).startsWith('Waypoint ID;Account Name;Website;')).toBe(true);
    const sheet = readSheet(file!.text);
    expect(sheet.bom).toBe(true);
    expect(sheet.delimiter).toBe(';');
    expect(sheet.data).toHaveLength(3);
  });

  it('reads back through the import with the matched mapping: the same names, the formula escapes taken off', () => {
    for (const opts of [{}, { bom: true, delimiter: ';' as const }]) {
      const [file] = exportCsv(source, ['accounts'], opts);
      const sheet = readSheet(file!.text);
      const mapping = autoMap(
        sheet.headers,
        sheet.data.map((r) => r.cells),
      );
      const records = convertRows(sheet, mapping);
      expect(records.problems).toEqual([]);
      expect(records.accounts.map((a) => [a.sourceKey, a.fields.name])).toEqual([
        ['other:acc-2', '@SUM(A1:A9)'],
        ['other:acc-1', '=HYPERLINK("http://evil.example","Click")'],
        ['other:acc-3', 'Smith, Jones & "Partners"'],
      ]);
      expect(records.accounts.find((a) => a.sourceKey === 'other:acc-3')?.fields.notes).toBe('Line one\nLine two');
    }
  });
});

describe('the headers map back to the same fields without help', () => {
  const accounts = [
    account('5b0c7c52-6a43-4c1e-9a3e-0f5f0c3b9a11', {
      name: 'Nordlys',
      website: 'nordlys.dk',
      industry: 'Energy',
      region: 'Nordics',
      owner: 'Mette',
      arr: asMinor(100),
      potentialArr: asMinor(200),
      annualRevenue: asMinor(300),
      contractStart: asIsoDate('2024-01-01'),
      renewalDate: asIsoDate('2026-01-01'),
      tags: ['a'],
      notes: 'n',
      sourceKey: 'salesforce:0015g00000AbCdE',
    }),
  ];
  const people = [
    person('0d7e0a3c-1b6f-4f57-8d7e-2a1f7b5c9e22', accounts[0]!.id, {
      name: 'Ida',
      title: 'CEO',
      department: 'Board',
      email: 'ida@nordlys.dk',
      phone: '+45 1234 5678',
      ourOwner: 'Mette',
      notes: 'n',
    }),
  ];

  it('accounts.csv: every column to its account field, the source key to none, read as another system’s ids', () => {
    const table = accountsTable(accounts);
    const mapping = autoMap(table[0]!, table.slice(1));
    expect(mapping.source).toBe('other');
    expect(Object.fromEntries(table[0]!.map((h, i) => [h, mapping.columns[i]]))).toEqual({
      'Waypoint ID': 'account.sourceId',
      'Account Name': 'account.name',
      Website: 'account.website',
      Industry: 'account.industry',
      Region: 'account.region',
      Currency: 'account.currency',
      Owner: 'account.owner',
      ARR: 'account.arr',
      'Potential ARR': 'account.potentialArr',
      'Annual Revenue': 'account.annualRevenue',
      'Contract start': 'account.contractStart',
      'Renewal date': 'account.renewalDate',
      Tags: 'account.tags',
      Notes: 'account.notes',
      'Source key': null,
    });
  });

  it('people.csv: every column to its contact field, the account and the manager by id and by name', () => {
    const table = peopleTable(people, accounts, []);
    const mapping = autoMap(table[0]!, table.slice(1));
    expect(mapping.source).toBe('other');
    expect(Object.fromEntries(table[0]!.map((h, i) => [h, mapping.columns[i]]))).toEqual({
      'Waypoint ID': 'person.sourceId',
      'Full name': 'person.fullName',
      Title: 'person.title',
      Department: 'person.department',
      Email: 'person.email',
      Phone: 'person.phone',
      'Account ID': 'person.accountSourceId',
      'Account Name': 'person.accountName',
      'Manager ID': 'person.reportsToSourceId',
      Manager: 'person.reportsToName',
      'Our owner': 'person.ourOwner',
      Notes: 'person.notes',
      'Source key': null,
    });
    // The phone number starts with "+", so it is written escaped and read back without the apostrophe.
    const text = exportCsv({ ...EMPTY_SOURCE, accounts, people }, ['people'])[0]!.text;
    expect(text).toContain("'+45 1234 5678");
    const sheet = readSheet(text);
    const records = convertRows(
      sheet,
      autoMap(
        sheet.headers,
        sheet.data.map((r) => r.cells),
      ),
    );
    expect(records.people[0]?.fields.phone).toBe('+45 1234 5678');
  });
});

describe('round trip through the import, in memory', () => {
  it('a fresh workspace gets the same accounts, people and reports-to lines; the source workspace gets no change', () => {
    const source: ExportSource = {
      ...EMPTY_SOURCE,
      accounts: [
        account('acc-ru', { name: 'ООО «Северный ветер»', currency: 'RUB', arr: asMinor(123_456_789), tags: ['новый', 'energy'] }),
        account('acc-cn', { name: '阿里巴巴有限公司', currency: 'CNY', renewalDate: asIsoDate('2027-02-28') }),
        account('acc-dk', { name: '=Ærø Økologi å/S', currency: 'DKK', website: 'https://aeroe.dk', region: 'Nordics' }),
      ],
      people: [
        person('p-1', 'acc-ru', { name: 'Пётр Иванов', title: 'Генеральный директор', email: 'petr@veter.ru' }),
        person('p-2', 'acc-ru', { name: 'Анна Смирнова', title: 'CFO' }),
        person('p-3', 'acc-cn', { name: '王小明', title: '总经理' }),
        person('p-4', 'acc-dk', { name: '=Søren Ærø', email: 'soren@aeroe.dk' }),
        person('p-5', 'acc-dk', { name: 'Åse Øberg' }),
      ],
      lines: [reportsTo('l1', 'acc-ru', 'p-2', 'p-1'), reportsTo('l2', 'acc-dk', 'p-5', 'p-4')],
    };
    const files = exportCsv(source, ['accounts', 'people']);
    const read = (i: number) => {
      const sheet = readSheet(files[i]!.text);
      return convertRows(
        sheet,
        autoMap(
          sheet.headers,
          sheet.data.map((r) => r.cells),
        ),
      );
    };
    const accounts = read(0);
    const people = read(1);
    // People lines numbered after the accounts' (as CsvSession does with two files).
    const shifted = people.people.map((p) => ({ ...p, line: p.line + 1000 }));
    const records = { accounts: accounts.accounts, people: shifted, problems: [], empty: 0 };
    let n = 0;
    const plan = planImport(records, { accounts: [], people: [], lines: [] }, { newId: () => `new-${++n}` });
    expect(plan.refused).toEqual([]);
    expect(plan.accounts.create.map((c) => c.fields.name).sort()).toEqual(source.accounts.map((a) => a.name).sort());
    expect(plan.people.create.map((c) => c.fields.name).sort()).toEqual(source.people.map((p) => p.name).sort());
    expect(plan.lines.create).toHaveLength(2);

    // Back into the workspace the file came from (typed there: no source keys): everything unchanged.
    const existing = {
      accounts: source.accounts.map((a) => ({ ...a, sourceKey: null })),
      people: source.people.map((p) => ({ ...p, sourceKey: null, x: 0, y: 0 })),
      lines: source.lines,
    };
    const back = planImport(records, existing, { newId: () => `new-${++n}` });
    expect(back.refused).toEqual([]);
    expect(back.counts.accounts).toMatchObject({ create: 0, update: 0, unchanged: 3 });
    expect(back.counts.people).toMatchObject({ create: 0, update: 0, unchanged: 5 });
    expect(back.counts.lines).toEqual({ create: 0, unchanged: 2, refused: 0 });
  });
});
