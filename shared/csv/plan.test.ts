import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../domain/dates';
import { asMinor } from '../domain/money';
import { salesforceId18, sourceKeyOf } from './ids';
import { accountPatch, companyKey, personKey, planImport, websiteDomain, type PlanOptions } from './plan';
import type {
  AccountRecord,
  ExistingAccount,
  ExistingLine,
  ExistingPerson,
  ExistingWorkspace,
  ImportedAccountFields,
  ImportedPersonFields,
  ImportPlan,
  ImportRecords,
  PersonRecord,
  RecordRef,
} from './types';

// ---------- Builders ----------

const EMPTY: ExistingWorkspace = { accounts: [], people: [], lines: [] };

function blankAccount(id: string): ExistingAccount {
  return {
    id,
    sourceKey: null,
    name: '',
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
  };
}

function blankPerson(id: string, accountId: string): ExistingPerson {
  return { id, accountId, sourceKey: null, name: '', title: '', department: '', email: '', phone: '', ourOwner: '', notes: '', x: 0, y: 0 };
}

const account = (id: string, over: Partial<ExistingAccount> = {}): ExistingAccount => ({ ...blankAccount(id), ...over });
const person = (id: string, accountId: string, over: Partial<ExistingPerson> = {}): ExistingPerson => ({
  ...blankPerson(id, accountId),
  ...over,
});
const line = (id: string, accountId: string, from: string, to: string, kind: ExistingLine['kind'] = 'reportsTo'): ExistingLine => ({
  id,
  accountId,
  from,
  to,
  kind,
});

const accountRecord = (line: number, sourceKey: string | null, fields: Partial<ImportedAccountFields>): AccountRecord => ({
  line,
  sourceKey,
  fields,
});
const contact = (
  line: number,
  sourceKey: string | null,
  accountRef: RecordRef,
  fields: Partial<ImportedPersonFields>,
  reportsTo: RecordRef | null = null,
): PersonRecord => ({ line, sourceKey, account: accountRef, fields, reportsTo });

const records = (over: Partial<ImportRecords>): ImportRecords => ({ accounts: [], people: [], problems: [], empty: 0, ...over });

function counter(prefix = 'new'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

const noIds: PlanOptions['newId'] = () => {
  throw new Error('no new id expected');
};

/** What the writer would do with a plan (for "import again" tests). */
function apply(ws: ExistingWorkspace, plan: ImportPlan): ExistingWorkspace {
  const accounts = new Map(ws.accounts.map((a) => [a.id, a]));
  for (const c of plan.accounts.create) accounts.set(c.id, { ...blankAccount(c.id), ...c.fields, sourceKey: c.sourceKey });
  for (const u of plan.accounts.update) {
    const cur = accounts.get(u.id)!;
    accounts.set(u.id, { ...cur, ...u.patch, sourceKey: u.setSourceKey ?? cur.sourceKey });
  }
  const people = new Map(ws.people.map((p) => [p.id, p]));
  for (const c of plan.people.create) people.set(c.id, { ...blankPerson(c.id, c.accountId), ...c.fields, sourceKey: c.sourceKey });
  for (const u of plan.people.update) {
    const cur = people.get(u.id)!;
    people.set(u.id, { ...cur, ...u.patch, sourceKey: u.setSourceKey ?? cur.sourceKey });
  }
  return { accounts: [...accounts.values()], people: [...people.values()], lines: [...ws.lines, ...plan.lines.create] };
}

/** The key of a Salesforce id (the tests only use valid ones). */
function sf(id: string): string {
  const key = sourceKeyOf('salesforce', id);
  if (key === null) throw new Error(`not a Salesforce id: ${id}`);
  return key;
}
const reasonKeys = (plan: ImportPlan) => plan.refused.map((p) => [p.line, p.kind, p.reason.key]);

// A small Salesforce-style export: two accounts, an org chart in each.
const ACME = '0015g00000AcmeA';
const BETA = '0015g00000BetaB';
const firstImport = records({
  accounts: [
    accountRecord(2, sf(ACME), {
      name: 'Acme',
      website: 'acme.com',
      industry: 'Retail',
      arr: asMinor(12_000_000),
      tags: ['Customer'],
      notes: 'From CRM',
    }),
    accountRecord(3, sf(BETA), { name: 'Beta AB', industry: 'Banking', renewalDate: asIsoDate('2025-06-30') }),
  ],
  people: [
    contact(2, sf('0035g00000Ceo01'), { sourceKey: sf(ACME) }, { name: 'Ada Boss', email: 'ada@acme.com', title: 'CEO' }),
    contact(
      3,
      sf('0035g00000Cto01'),
      { sourceKey: sf(ACME) },
      { name: 'Cy Tech', email: 'cy@acme.com', title: 'CTO' },
      { sourceKey: sf('0035g00000Ceo01') },
    ),
    contact(4, sf('0035g00000Dev01'), { sourceKey: sf(ACME) }, { name: 'Di Dev', title: 'Engineer' }, { sourceKey: sf('0035g00000Cto01') }),
    contact(5, sf('0035g00000Cfo02'), { name: 'Beta' }, { name: 'Eve Money', title: 'CFO' }),
    contact(6, sf('0035g00000Acc02'), { name: 'Beta AB' }, { name: 'Fay Count', title: 'Accountant' }, { name: 'eve money' }),
  ],
});

// ---------- Normalising ----------

describe('companyKey, websiteDomain, personKey', () => {
  it('leave out case, accents, punctuation and legal suffixes', () => {
    const same = (names: string[]) => expect(new Set(names.map(companyKey)).size).toBe(1);
    same(['Acme', 'ACME, Inc.', 'Acme Inc', 'acme ltd.', 'Acme GmbH & Co. KG', 'Acme A/S', 'Acme AB', 'Acme K.K.', 'Acme Pty Ltd']);
    same(['Ørsted A/S', 'Orsted', 'ØRSTED']);
    same(['Société Générale S.A.', 'Societe Generale']);
    same(['阿里巴巴有限公司', '阿里巴巴']);
    same(['トヨタ株式会社', 'トヨタ']);
    expect(companyKey('Johnson & Johnson')).toBe(companyKey('Johnson and Johnson'));
    expect(companyKey('Acme')).not.toBe(companyKey('Acme Group'));
    expect(companyKey('Inc')).toBe('inc');
  });

  it('reduce a website to its domain', () => {
    for (const w of [
      'acme.com',
      'https://www.acme.com/about?x=1',
      'HTTP://Acme.com:8080/',
      'www2.acme.com',
      '//acme.com',
      'info@acme.com',
    ]) {
      expect(websiteDomain(w)).toBe('acme.com');
    }
    expect(websiteDomain('shop.acme.co.uk')).toBe('shop.acme.co.uk');
    expect(websiteDomain('n/a')).toBe('');
    expect(websiteDomain('')).toBe('');
  });

  it('reduce a person’s name regardless of word order and accents', () => {
    expect(personKey('Smith, John')).toBe(personKey('john  SMITH'));
    expect(personKey('José Müller')).toBe(personKey('jose muller'));
  });
});

// ---------- Accounts ----------

describe('planImport: accounts', () => {
  it('creates everything into an empty workspace, with ids in record order, and is deterministic', () => {
    const plan = planImport(firstImport, EMPTY, { newId: counter() });
    expect(plan.counts.accounts).toEqual({ create: 2, update: 0, unchanged: 0, skipped: 0, refused: 0, ambiguous: 0 });
    expect(plan.counts.people).toEqual({ create: 5, update: 0, unchanged: 0, skipped: 0, refused: 0, ambiguous: 0 });
    expect(plan.counts.lines).toEqual({ create: 3, unchanged: 0, refused: 0 });
    expect(plan.accounts.create.map((c) => [c.line, c.id])).toEqual([
      [2, 'new-1'],
      [3, 'new-2'],
    ]);
    expect(plan.people.create.map((c) => [c.line, c.id, c.accountId])).toEqual([
      [2, 'new-3', 'new-1'],
      [3, 'new-4', 'new-1'],
      [4, 'new-5', 'new-1'],
      [5, 'new-6', 'new-2'],
      [6, 'new-7', 'new-2'],
    ]);
    expect(plan.lines.create.map((l) => [l.line, l.from, l.to, l.accountId, l.id])).toEqual([
      [3, 'new-4', 'new-3', 'new-1', 'new-8'],
      [4, 'new-5', 'new-4', 'new-1', 'new-9'],
      [6, 'new-7', 'new-6', 'new-2', 'new-10'],
    ]);
    expect(planImport(firstImport, EMPTY, { newId: counter() })).toEqual(plan);
  });

  it('changes nothing when the same records are imported again', () => {
    const ws = apply(EMPTY, planImport(firstImport, EMPTY, { newId: counter() }));
    const again = planImport(firstImport, ws, { newId: noIds });
    expect(again.counts.accounts).toEqual({ create: 0, update: 0, unchanged: 2, skipped: 0, refused: 0, ambiguous: 0 });
    expect(again.counts.people).toEqual({ create: 0, update: 0, unchanged: 5, skipped: 0, refused: 0, ambiguous: 0 });
    expect(again.counts.lines).toEqual({ create: 0, unchanged: 3, refused: 0 });
    expect(again.refused).toEqual([]);
  });

  it('merges an updated export: only the changed fields, never what exists only in Waypoint', () => {
    const base = apply(EMPTY, planImport(firstImport, EMPTY, { newId: counter() }));
    // In Waypoint since: notes typed on Beta, a tag and a region on Acme.
    const ws: ExistingWorkspace = {
      ...base,
      accounts: base.accounts.map((a) =>
        a.name === 'Acme'
          ? { ...a, tags: ['Customer', 'Strategic'], region: 'Nordics', notes: 'Typed in Waypoint' }
          : { ...a, notes: 'Our notes' },
      ),
    };
    const updated = records({
      accounts: [
        // ARR and industry changed; notes in the CRM changed too; a blank website cell; the same tag in other case.
        accountRecord(2, sf(ACME), {
          name: 'Acme',
          website: '',
          industry: 'E-commerce',
          arr: asMinor(15_000_000),
          tags: ['customer'],
          notes: 'New CRM text',
        }),
        accountRecord(3, sf(BETA), {
          name: 'Beta AB',
          industry: 'Banking',
          renewalDate: asIsoDate('2026-06-30'),
          tags: ['Prospect'],
          notes: 'CRM text',
        }),
      ],
    });
    const plan = planImport(updated, ws, { newId: noIds });
    expect(plan.accounts.update).toEqual([
      { line: 2, id: 'new-1', name: 'Acme', patch: { industry: 'E-commerce', arr: 15_000_000 }, setSourceKey: null },
      { line: 3, id: 'new-2', name: 'Beta AB', patch: { renewalDate: '2026-06-30', tags: ['Prospect'] }, setSourceKey: null },
    ]);
    expect(plan.counts.accounts.update).toBe(2);
  });

  it('fills empty notes from the CRM but never overwrites notes', () => {
    const cur = account('a', { name: 'Acme', notes: '' });
    expect(accountPatch({ notes: 'From CRM' }, cur)).toEqual({ notes: 'From CRM' });
    expect(accountPatch({ notes: 'From CRM' }, { ...cur, notes: 'Mine' })).toEqual({});
    expect(accountPatch({ arr: asMinor(100), contractStart: null, name: '  ' }, { ...cur, arr: asMinor(100) })).toEqual({});
  });

  it('matches Salesforce 15- and 18-character ids of the same record', () => {
    const id15 = '0015g00000AcmeA';
    const ws: ExistingWorkspace = { ...EMPTY, accounts: [account('acme', { name: 'Acme', sourceKey: sf(id15), industry: 'Retail' })] };
    const plan = planImport(records({ accounts: [accountRecord(2, sf(salesforceId18(id15)), { name: 'Acme', industry: 'Retail' })] }), ws, {
      newId: noIds,
    });
    expect(sf(salesforceId18(id15))).toBe(sf(id15));
    expect(plan.accounts.unchanged).toEqual([{ line: 2, id: 'acme' }]);
  });

  it('matches by normalised name and website domain without ids, and remembers the id it was given', () => {
    const ws: ExistingWorkspace = {
      ...EMPTY,
      accounts: [
        account('acme', { name: 'ACME, Inc.', website: 'https://www.acme.com/about' }),
        account('orsted', { name: 'Orsted' }),
        account('ali', { name: '阿里巴巴' }),
      ],
    };
    const plan = planImport(
      records({
        accounts: [
          accountRecord(2, sf('0015g00000AcmeA'), { name: 'Acme GmbH', website: 'acme.com' }),
          accountRecord(3, null, { name: 'Ørsted A/S', industry: 'Energy' }),
          accountRecord(4, null, { name: '阿里巴巴有限公司' }),
          accountRecord(5, null, { name: 'Zeta Oy' }),
        ],
      }),
      ws,
      { newId: counter() },
    );
    expect(plan.accounts.update).toEqual([
      { line: 2, id: 'acme', name: 'ACME, Inc.', patch: { name: 'Acme GmbH', website: 'acme.com' }, setSourceKey: sf('0015g00000AcmeA') },
      { line: 3, id: 'orsted', name: 'Orsted', patch: { name: 'Ørsted A/S', industry: 'Energy' }, setSourceKey: null },
      { line: 4, id: 'ali', name: '阿里巴巴', patch: { name: '阿里巴巴有限公司' }, setSourceKey: null },
    ]);
    expect(plan.accounts.create.map((c) => c.fields.name)).toEqual(['Zeta Oy']);
  });

  it('lets the domain tell two accounts of one name apart, and lists the rest as ambiguous for the user', () => {
    const ws: ExistingWorkspace = {
      ...EMPTY,
      accounts: [
        account('de', { name: 'Acme', website: 'acme.de' }),
        account('com', { name: 'Acme Inc', website: 'acme.com' }),
        account('fb', { name: 'Facebook', website: 'facebook.com' }),
      ],
    };
    const recs = records({
      accounts: [
        accountRecord(2, null, { name: 'Acme', website: 'www.acme.com', industry: 'Retail' }),
        accountRecord(3, null, { name: 'ACME Ltd' }),
        accountRecord(4, null, { name: 'Meta Platforms', website: 'https://facebook.com' }),
      ],
    });
    const plan = planImport(recs, ws, { newId: counter() });
    expect(plan.accounts.update.map((u) => [u.line, u.id])).toEqual([[2, 'com']]);
    // Line 3 has no site to tell it from line 2: the same company twice in one file.
    expect(reasonKeys(plan)).toEqual([[3, 'account', 'csv.reason.duplicateRow']]);
    // Line 4: the same site under another name is listed, not merged.
    expect(plan.ambiguous).toEqual([{ line: 4, kind: 'account', name: 'Meta Platforms', candidates: [{ id: 'fb', name: 'Facebook' }] }]);
    expect(plan.counts.accounts).toMatchObject({ update: 1, create: 0, ambiguous: 1, refused: 1 });

    const two = records({ accounts: [accountRecord(7, null, { name: 'acme' })] });
    const open = planImport(two, ws, { newId: counter() });
    expect(open.ambiguous[0]?.candidates.map((c) => c.id)).toEqual(['de', 'com']);
    const chosen = planImport(two, ws, { newId: counter(), decisions: new Map([[7, 'com']]) });
    expect(chosen.accounts.update.map((u) => u.id)).toEqual(['com']);
    expect(chosen.ambiguous).toEqual([]);
    const fresh = planImport(two, ws, { newId: counter(), decisions: new Map([[7, 'new']]) });
    expect(fresh.accounts.create.map((c) => c.id)).toEqual(['new-1']);
    const skipped = planImport(two, ws, { newId: noIds, decisions: new Map([[7, 'skip']]) });
    expect(skipped.accounts.skipped).toEqual([7]);
    expect(skipped.counts.accounts).toMatchObject({ skipped: 1, ambiguous: 0, create: 0 });
    // An id that is no candidate decides nothing.
    expect(planImport(two, ws, { newId: counter(), decisions: new Map([[7, 'fb']]) }).ambiguous).toHaveLength(1);
  });

  it('refuses the later of two rows with one id, and a row that is the same company as an earlier one', () => {
    const plan = planImport(
      records({
        accounts: [
          accountRecord(2, sf(ACME), { name: 'Acme' }),
          accountRecord(3, sf(ACME), { name: 'Acme again' }),
          accountRecord(4, null, { name: 'Gamma' }),
          accountRecord(5, null, { name: 'GAMMA Inc.' }),
          accountRecord(6, null, { name: '' }),
        ],
      }),
      EMPTY,
      { newId: counter() },
    );
    expect(plan.accounts.create.map((c) => c.line)).toEqual([2, 4]);
    expect(plan.refused).toEqual([
      {
        line: 3,
        kind: 'account',
        target: 'account.sourceId',
        reason: { key: 'csv.reason.duplicateSourceKey', params: { first: 2, id: ACME } },
      },
      { line: 5, kind: 'account', reason: { key: 'csv.reason.duplicateRow', params: { first: 4 } } },
      { line: 6, kind: 'account', target: 'account.name', reason: { key: 'csv.reason.accountNameMissing' } },
    ]);
    expect(plan.counts.accounts.refused).toBe(3);
  });

  it('never matches an account that carries another id of the same source', () => {
    const ws: ExistingWorkspace = { ...EMPTY, accounts: [account('a1', { name: 'Acme', sourceKey: sf('0015g00000AcmeA') })] };
    const plan = planImport(records({ accounts: [accountRecord(2, sf('0015g00000AcmeZ'), { name: 'Acme' })] }), ws, { newId: counter() });
    expect(plan.accounts.create).toHaveLength(1);
  });

  it('passes the problems of reading values through, sorted by line with its own', () => {
    const plan = planImport(
      records({
        accounts: [
          accountRecord(3, null, { name: 'Fine' }),
          accountRecord(5, null, { name: 'Bad date' }),
          accountRecord(6, sf(ACME), { name: 'X' }),
          accountRecord(7, sf(ACME), { name: 'X' }),
        ],
        problems: [
          { line: 9, kind: 'account', target: 'account.arr', reason: { key: 'csv.reason.money' } },
          { line: 5, kind: 'account', target: 'account.renewalDate', reason: { key: 'csv.reason.date' } },
        ],
      }),
      EMPTY,
      { newId: counter() },
    );
    expect(reasonKeys(plan)).toEqual([
      [5, 'account', 'csv.reason.date'],
      [7, 'account', 'csv.reason.duplicateSourceKey'],
      [9, 'account', 'csv.reason.money'],
    ]);
    expect(plan.accounts.create.map((c) => c.line)).toEqual([3, 6]);
    expect(plan.counts.accounts.refused).toBe(3);
  });
});

// ---------- People ----------

describe('planImport: people', () => {
  it('refuses a contact whose account is not in the file or in Waypoint, with its line', () => {
    const plan = planImport(
      records({
        accounts: [accountRecord(2, sf(ACME), { name: 'Acme' })],
        people: [
          contact(2, null, { sourceKey: sf(ACME) }, { name: 'Ada' }),
          contact(3, null, { sourceKey: sf('0015g00000Gone0'), name: 'Gone Corp' }, { name: 'Bo' }),
          contact(4, null, { name: 'Nowhere Ltd' }, { name: 'Cy' }),
        ],
      }),
      EMPTY,
      { newId: counter() },
    );
    expect(plan.people.create.map((p) => p.line)).toEqual([2]);
    expect(plan.refused).toEqual([
      {
        line: 3,
        kind: 'person',
        target: 'person.accountSourceId',
        reason: { key: 'csv.reason.accountMissing', params: { account: 'Gone Corp' } },
      },
      {
        line: 4,
        kind: 'person',
        target: 'person.accountName',
        reason: { key: 'csv.reason.accountMissing', params: { account: 'Nowhere Ltd' } },
      },
    ]);
    expect(plan.counts.people.refused).toBe(2);
  });

  it('says when a contact waits for its account’s ambiguity or follows it out', () => {
    const ws: ExistingWorkspace = { ...EMPTY, accounts: [account('a', { name: 'Acme' }), account('b', { name: 'Acme AB' })] };
    const plan = planImport(
      records({
        accounts: [accountRecord(2, null, { name: 'ACME' }), accountRecord(3, null, { name: 'Skipme' })],
        people: [contact(2, null, { name: 'Acme' }, { name: 'Ada' }), contact(3, null, { name: 'Skipme' }, { name: 'Bo' })],
      }),
      ws,
      { newId: counter(), decisions: new Map([[3, 'skip']]), personDecisions: new Map() },
    );
    expect(reasonKeys(plan)).toEqual([
      [2, 'person', 'csv.reason.accountUndecided'],
      [3, 'person', 'csv.reason.accountNotImported'],
    ]);
  });

  it('matches people by id, else e-mail without case, else name within the account', () => {
    const ws: ExistingWorkspace = {
      accounts: [account('acme', { name: 'Acme' }), account('beta', { name: 'Beta' })],
      people: [
        person('p1', 'acme', { name: 'Ada Boss', sourceKey: sf('0035g00000Ceo01'), title: 'CEO' }),
        person('p2', 'acme', { name: 'Cy Tech', email: 'Cy@Acme.com', title: 'CTO', notes: 'Met at the fair' }),
        person('p3', 'acme', { name: 'Di Dev' }),
        person('p4', 'beta', { name: 'Eve Money' }),
      ],
      lines: [],
    };
    const plan = planImport(
      records({
        people: [
          contact(2, sf('0035g00000Ceo01'), { name: 'Acme' }, { name: 'Ada Boss', title: 'Chief Executive' }),
          contact(3, null, { name: 'Acme' }, { name: 'Cyril Tech', email: 'cy@acme.com', title: 'CTO', notes: 'From CRM' }),
          contact(4, null, { name: 'Acme' }, { name: 'dev, di' }),
          // The same name in another account is another person.
          contact(5, null, { name: 'Acme' }, { name: 'Eve Money' }),
        ],
      }),
      ws,
      { newId: counter() },
    );
    expect(plan.people.update).toEqual([
      { line: 2, id: 'p1', accountId: 'acme', name: 'Ada Boss', patch: { title: 'Chief Executive' }, setSourceKey: null },
      { line: 3, id: 'p2', accountId: 'acme', name: 'Cy Tech', patch: { name: 'Cyril Tech' }, setSourceKey: null },
      { line: 4, id: 'p3', accountId: 'acme', name: 'Di Dev', patch: { name: 'dev, di' }, setSourceKey: null },
    ]);
    expect(plan.people.create.map((p) => [p.line, p.accountId])).toEqual([[5, 'acme']]);
  });

  it('treats an e-mail address as one person: the same address under another account is refused, not moved', () => {
    const ws: ExistingWorkspace = {
      accounts: [account('acme', { name: 'Acme' }), account('beta', { name: 'Beta' })],
      people: [person('p1', 'acme', { name: 'Ada', email: 'ada@acme.com', sourceKey: sf('0035g00000Ada01') })],
      lines: [],
    };
    const plan = planImport(
      records({
        people: [
          contact(4, null, { name: 'Beta' }, { name: 'Ada', email: 'ADA@acme.com' }),
          contact(5, sf('0035g00000Ada01'), { name: 'Beta' }, { name: 'Ada' }),
        ],
      }),
      ws,
      { newId: counter() },
    );
    expect(plan.refused.map((p) => [p.line, p.reason])).toEqual([
      [4, { key: 'csv.reason.personInOtherAccount', params: { name: 'Ada', account: 'Acme' } }],
      [5, { key: 'csv.reason.personInOtherAccount', params: { name: 'Ada', account: 'Acme' } }],
    ]);
  });

  it('lists two people of one name for the user and follows the decision', () => {
    const ws: ExistingWorkspace = {
      accounts: [account('acme', { name: 'Acme' })],
      people: [person('j1', 'acme', { name: 'Jo Smith', title: 'CFO' }), person('j2', 'acme', { name: 'Jo Smith', title: 'Buyer' })],
      lines: [],
    };
    const recs = records({ people: [contact(8, null, { name: 'Acme' }, { name: 'Jo Smith', title: 'VP Finance' })] });
    const open = planImport(recs, ws, { newId: counter() });
    expect(open.ambiguous).toEqual([
      {
        line: 8,
        kind: 'person',
        name: 'Jo Smith',
        candidates: [
          { id: 'j1', name: 'Jo Smith', accountName: 'Acme' },
          { id: 'j2', name: 'Jo Smith', accountName: 'Acme' },
        ],
      },
    ]);
    expect(open.counts.people.ambiguous).toBe(1);
    const chosen = planImport(recs, ws, { newId: counter(), decisions: new Map([[8, 'j1']]) });
    expect(chosen.people.update.map((u) => [u.id, u.patch])).toEqual([['j1', { title: 'VP Finance' }]]);
  });
});

// ---------- Lines ----------

describe('planImport: reports-to lines', () => {
  const acme = accountRecord(2, sf(ACME), { name: 'Acme' });
  const at = { sourceKey: sf(ACME) };
  const key = (n: string) => sf(`0035g00000Pers${n}`);

  it('refuses the line that closes a reporting loop, per row, and imports the rest', () => {
    const plan = planImport(
      records({
        accounts: [acme],
        people: [
          contact(2, key('A'), at, { name: 'A' }, { sourceKey: key('B') }),
          contact(3, key('B'), at, { name: 'B' }, { sourceKey: key('C') }),
          contact(4, key('C'), at, { name: 'C' }, { sourceKey: key('A') }),
          contact(5, key('D'), at, { name: 'D' }, { name: 'c' }),
        ],
      }),
      EMPTY,
      { newId: counter() },
    );
    expect(plan.counts.people.create).toBe(4);
    expect(plan.lines.create.map((l) => [l.line, l.from, l.to])).toEqual([
      [2, 'new-2', 'new-3'],
      [3, 'new-3', 'new-4'],
      [5, 'new-5', 'new-4'],
    ]);
    expect(plan.refused).toEqual([
      {
        line: 4,
        kind: 'line',
        target: 'person.reportsToSourceId',
        reason: { key: 'csv.reason.lineCycle', params: { person: 'C', manager: 'A' } },
      },
    ]);
    expect(plan.counts.lines).toEqual({ create: 3, unchanged: 0, refused: 1 });
  });

  it('checks against the lines in Waypoint: a second manager, a loop, a dotted line, oneself; an identical line is unchanged', () => {
    const ws: ExistingWorkspace = {
      accounts: [account('acme', { name: 'Acme', sourceKey: sf(ACME) })],
      people: [
        person('p', 'acme', { name: 'Pat', sourceKey: key('P') }),
        person('m1', 'acme', { name: 'Max One', sourceKey: key('M') }),
        person('m2', 'acme', { name: 'Mo Two', sourceKey: key('N') }),
        person('x', 'acme', { name: 'Xi', sourceKey: key('X') }),
        person('y', 'acme', { name: 'Yu', sourceKey: key('Y') }),
        person('s', 'acme', { name: 'Sam', sourceKey: key('S') }),
      ],
      lines: [line('l1', 'acme', 'p', 'm1'), line('l2', 'acme', 'x', 'y'), line('l3', 'acme', 's', 'm2', 'dotted')],
    };
    const plan = planImport(
      records({
        people: [
          contact(2, key('P'), at, { name: 'Pat' }, { sourceKey: key('N') }),
          contact(3, key('Y'), at, { name: 'Yu' }, { name: 'Xi' }),
          contact(4, key('S'), at, { name: 'Sam' }, { sourceKey: key('N') }),
          contact(5, key('M'), at, { name: 'Max One' }, { sourceKey: key('M') }),
          contact(6, key('X'), at, { name: 'Xi' }, { sourceKey: key('Y') }),
          contact(7, key('N'), at, { name: 'Mo Two' }, { sourceKey: key('M') }),
        ],
      }),
      ws,
      { newId: counter() },
    );
    expect(reasonKeys(plan)).toEqual([
      [2, 'line', 'csv.reason.lineSecondManager'],
      [3, 'line', 'csv.reason.lineCycle'],
      [4, 'line', 'csv.reason.lineDotted'],
      [5, 'line', 'csv.reason.lineSelf'],
    ]);
    expect(plan.refused[0]?.reason.params).toEqual({ person: 'Pat', manager: 'Mo Two', current: 'Max One' });
    expect(plan.lines.unchanged).toEqual([{ line: 6, id: 'l2' }]);
    expect(plan.lines.create.map((l) => [l.line, l.from, l.to])).toEqual([[7, 'm2', 'm1']]);
    expect(plan.counts.people.unchanged).toBe(6);
  });

  it('imports the person when the manager is missing, in another account, or ambiguous — only the line is refused', () => {
    const ws: ExistingWorkspace = {
      accounts: [account('acme', { name: 'Acme', sourceKey: sf(ACME) }), account('beta', { name: 'Beta' })],
      people: [
        person('b1', 'beta', { name: 'Boss Beta', sourceKey: key('B') }),
        person('t1', 'acme', { name: 'Twin' }),
        person('t2', 'acme', { name: 'Twin' }),
      ],
      lines: [],
    };
    const plan = planImport(
      records({
        people: [
          contact(2, null, at, { name: 'Ann' }, { name: 'Nobody Here' }),
          contact(3, null, at, { name: 'Ben' }, { sourceKey: key('B') }),
          contact(4, null, at, { name: 'Cid' }, { name: 'twin' }),
        ],
      }),
      ws,
      { newId: counter() },
    );
    expect(plan.counts.people.create).toBe(3);
    expect(plan.refused.map((p) => [p.line, p.kind, p.reason])).toEqual([
      [2, 'line', { key: 'csv.reason.managerMissing', params: { manager: 'Nobody Here', person: 'Ann' } }],
      [3, 'line', { key: 'csv.reason.managerOtherAccount', params: { person: 'Ben', manager: 'Boss Beta', account: 'Beta' } }],
      [4, 'line', { key: 'csv.reason.managerAmbiguous', params: { manager: 'twin', count: 2, person: 'Cid' } }],
    ]);
  });
});

// ---------- Scale ----------

describe('planImport at scale', () => {
  function bigExport(accounts: number, perAccount: number): ImportRecords {
    const acc: AccountRecord[] = [];
    const ppl: PersonRecord[] = [];
    for (let a = 0; a < accounts; a++) {
      const accKey = `salesforce:001A${a}`;
      acc.push(accountRecord(a + 2, accKey, { name: `Company ${a}`, website: `c${a}.example`, arr: asMinor(a * 100) }));
      for (let p = 0; p < perAccount; p++) {
        const n = a * perAccount + p;
        const manager = p === 0 ? null : { sourceKey: `salesforce:003P${a * perAccount + Math.floor((p - 1) / 2)}` };
        ppl.push(
          contact(n + 2, `salesforce:003P${n}`, { sourceKey: accKey }, { name: `Person ${n}`, email: `p${n}@c${a}.example` }, manager),
        );
      }
    }
    return records({ accounts: acc, people: ppl });
  }

  it('plans 10,000 accounts and 60,000 people with their org charts in well under a few seconds, and again as unchanged', () => {
    const recs = bigExport(10_000, 6);
    let t = performance.now();
    const plan = planImport(recs, EMPTY, { newId: counter() });
    const first = performance.now() - t;
    expect(plan.counts.accounts.create).toBe(10_000);
    expect(plan.counts.people.create).toBe(60_000);
    expect(plan.counts.lines.create).toBe(50_000);
    const ws = apply(EMPTY, plan);
    t = performance.now();
    const again = planImport(recs, ws, { newId: noIds });
    const second = performance.now() - t;
    expect(again.counts.people.unchanged).toBe(60_000);
    expect(again.counts.lines.unchanged).toBe(50_000);
    // A guard against quadratic work, not a benchmark.
    // Guards against quadratic work (minutes), not timing tests: ~1 s alone, several on a loaded machine.
    expect(first).toBeLessThan(30_000);
    expect(second).toBeLessThan(30_000);
  }, 60_000);

  it('checks a 60,000-deep reporting chain for loops without walking it for every line', () => {
    const ppl: PersonRecord[] = [];
    for (let n = 0; n < 60_000; n++) {
      ppl.push(
        contact(
          n + 2,
          `other:${n}`,
          { name: 'Deep' },
          { name: `P${n}` },
          n === 0 ? { sourceKey: 'other:59999' } : { sourceKey: `other:${n - 1}` },
        ),
      );
    }
    const t = performance.now();
    const plan = planImport(records({ accounts: [accountRecord(2, null, { name: 'Deep' })], people: ppl }), EMPTY, { newId: counter() });
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(plan.counts.lines).toEqual({ create: 59_999, unchanged: 0, refused: 1 });
    expect(plan.refused.map((p) => p.reason.key)).toEqual(['csv.reason.lineCycle']);
  }, 60_000);
});

describe("planImport of Waypoint's own export (ids as `other:<id>`)", () => {
  const A = '5b0c7c52-6a43-4c1e-9a3e-0f5f0c3b9a11';
  const P1 = '0d7e0a3c-1b6f-4f57-8d7e-2a1f7b5c9e21';
  const P2 = '0d7e0a3c-1b6f-4f57-8d7e-2a1f7b5c9e22';
  const file = records({
    accounts: [accountRecord(2, `other:${A}`, { name: 'Nordlys Renamed In The Sheet', currency: 'EUR' })],
    people: [
      contact(10, `other:${P1}`, { sourceKey: `other:${A}`, name: 'Nordlys' }, { name: 'Ida Boss' }),
      contact(
        11,
        `other:${P2}`,
        { sourceKey: `other:${A}`, name: 'Nordlys' },
        { name: 'Carl' },
        { sourceKey: `other:${P1}`, name: 'Ida Boss' },
      ),
    ],
  });

  it('in the workspace it came from, finds each record by its own id and gives it no source key', () => {
    const ws: ExistingWorkspace = {
      accounts: [account(A, { name: 'Nordlys', currency: 'EUR' })],
      people: [person(P1, A, { name: 'Ida Boss' }), person(P2, A, { name: 'Carl' })],
      lines: [line('l1', A, P2, P1)],
    };
    const plan = planImport(file, ws, { newId: counter() });
    expect(plan.refused).toEqual([]);
    // Matched by id although the name changed: the rename is the only change, no source key is set.
    expect(plan.accounts.update).toEqual([
      { line: 2, id: A, name: 'Nordlys', patch: { name: 'Nordlys Renamed In The Sheet' }, setSourceKey: null },
    ]);
    expect(plan.people.unchanged.map((u) => u.id)).toEqual([P1, P2]);
    expect(plan.lines.unchanged).toEqual([{ line: 11, id: 'l1' }]);
  });

  it('people alone find their account and manager in Waypoint by id', () => {
    const ws: ExistingWorkspace = {
      accounts: [account(A, { name: 'Another name entirely' })],
      people: [person(P1, A, { name: 'Ida Boss' })],
      lines: [],
    };
    const plan = planImport(records({ people: [file.people[1]!] }), ws, { newId: counter() });
    expect(plan.refused).toEqual([]);
    expect(plan.people.create.map((c) => c.accountId)).toEqual([A]);
    expect(plan.lines.create.map((l) => [l.to, l.accountId])).toEqual([[P1, A]]);
  });

  it('in another workspace, creates the records with the ids as source keys, then matches them by those keys', () => {
    const first = planImport(file, EMPTY, { newId: counter() });
    expect(first.accounts.create.map((c) => c.sourceKey)).toEqual([`other:${A}`]);
    expect(first.people.create.map((c) => c.sourceKey)).toEqual([`other:${P1}`, `other:${P2}`]);
    expect(first.lines.create).toHaveLength(1);
    const ws: ExistingWorkspace = {
      accounts: [account('new-1', { sourceKey: `other:${A}`, name: 'Nordlys Renamed In The Sheet', currency: 'EUR' })],
      people: [
        person('new-2', 'new-1', { sourceKey: `other:${P1}`, name: 'Ida Boss' }),
        person('new-3', 'new-1', { sourceKey: `other:${P2}`, name: 'Carl' }),
      ],
      lines: [line('new-4', 'new-1', 'new-3', 'new-2')],
    };
    const again = planImport(file, ws, { newId: counter() });
    expect(again.counts.accounts).toMatchObject({ create: 0, update: 0, unchanged: 1 });
    expect(again.counts.people).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect(again.counts.lines).toEqual({ create: 0, unchanged: 1, refused: 0 });
  });

  it('an id of another source is never taken for a Waypoint id', () => {
    const ws: ExistingWorkspace = { accounts: [account(A, { name: 'Nordlys' })], people: [], lines: [] };
    const plan = planImport(records({ accounts: [accountRecord(2, `hubspot:${A}`, { name: 'Someone else' })] }), ws, { newId: counter() });
    expect(plan.accounts.create).toHaveLength(1);
  });
});
