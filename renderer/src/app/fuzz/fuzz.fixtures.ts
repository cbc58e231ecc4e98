import fc from 'fast-check';
import { SETTINGS_RULES, TABLE_RULES, type RuleTable } from '@shared/domain/tables';
import type { AnyRow } from '@shared/sync/merge';
import { createRow } from '@shared/sync/row';
import { WaypointDB } from '../../db/database';
import { openWorkspace } from '../../db/workspace';
import { BackupDB } from '../../db/sync/backups';
import { APP_VERSION, handFile, stampAt, type Device } from '../../db/sync/testing';

/**
 * Hostile sync files for the fuzz test (fuzz.test.ts): a small coherent workspace with rows of
 * every known table, then random damage — what a faulty, newer or hand-edited app could send.
 */
export const TABLES = Object.keys(TABLE_RULES) as RuleTable[];
/** The sending device (its stamps are a minute old, so no file is from the future), and another one. */
export const REMOTE = 'f00dfeedf00dfeed';
const LOCAL = '0123456789abcdef';
type Fields = Record<string, unknown>;

/**
 * Every table's rows, each referring to the others (ids are readable, so counterexamples are too).
 * A table added later gets a row of its rules' fallbacks until it is given a real one here.
 */
export function world(): Record<RuleTable, Fields[]> {
  const known = knownWorld();
  return Object.fromEntries(TABLES.map((t) => [t, known[t] ?? [{ id: `${t}-1`, ...fallbacks(t) }]])) as Record<RuleTable, Fields[]>;
}

function knownWorld(): Record<string, Fields[]> {
  const person = (id: string, name: string, o: Fields) => ({
    id,
    accountId: 'acc-1',
    name,
    title: 'CFO',
    department: 'Finance',
    orgLevel: 'cLevel',
    buyingRole: 'economicBuyer',
    stance: 'champion',
    influence: 5,
    interest: 4,
    political: 'innerCircle',
    ourOwner: 'Anna',
    relationshipLevel: 'trustedAdvisor',
    nextStep: '',
    notes: '',
    placeholder: false,
    x: 0,
    y: 0,
    ...o,
  });
  const [lost, won] = [stampAt(Date.now() - 7_200_000, LOCAL), stampAt(Date.now() - 3_600_000, REMOTE)];
  const account = (id: string, name: string) => ({
    id,
    ...fallbacks('accounts'),
    name,
    arr: 120_000_00,
    potentialArr: 400_000_00,
    bucket: 2,
    renewalDate: '2026-09-30',
    tags: ['key'],
  });
  return {
    accounts: [account('acc-1', 'Nordwind'), account('acc-2', 'Südwind')],
    plans: [{ id: 'plan-1', accountId: 'acc-1', title: 'FY27', periodStart: '2026-01-01', periodEnd: '2026-12-31', summary: 'Grow' }],
    objectives: [{ id: 'obj-1', planId: 'plan-1', title: 'Land the CFO', sort: 1 }],
    actions: [
      {
        id: 'act-1',
        planId: 'plan-1',
        objectiveId: 'obj-1',
        title: 'Workshop',
        owner: 'Anna',
        dueDate: '2025-01-01',
        status: 'open',
        sort: 1,
      },
    ],
    risks: [
      { id: 'risk-1', planId: 'plan-1', title: 'Budget freeze', likelihood: 'high', impact: 'medium', mitigation: 'Phase it', sort: 1 },
    ],
    people: [
      person('per-1', 'Ada', {}),
      person('per-2', 'Grace', { orgLevel: 'vp', stance: 'skeptic', buyingRole: 'user', x: 240, y: 160 }),
    ],
    lines: [
      { id: 'line-1', accountId: 'acc-1', from: 'per-2', to: 'per-1', kind: 'reportsTo' },
      { id: 'line-2', accountId: 'acc-1', from: 'per-1', to: 'per-2', kind: 'influences' },
    ],
    contacts: [{ id: 'con-1', accountId: 'acc-1', personId: 'per-1', date: '2025-05-01', channel: 'call', attendee: 'Anna', notes: '' }],
    roadmapItems: [
      {
        id: 'item-1',
        title: 'SSO',
        theme: 'Security',
        plannedQuarter: '2027-Q3',
        effortEm: 6,
        onStrategy: true,
        status: 'planned',
        notes: '',
        acceleratedFrom: null,
      },
      // Planned where SSO would be pulled in: pulling SSO into 2027-Q1 (capacity 12) makes it slip.
      {
        id: 'item-2',
        title: 'Reporting',
        theme: 'Analytics',
        plannedQuarter: '2027-Q1',
        effortEm: 8,
        onStrategy: false,
        status: 'planned',
        notes: '',
        acceleratedFrom: null,
      },
    ],
    requests: [
      { id: 'req-1', itemId: 'item-1', accountId: 'acc-1', importance: 'critical', note: '', retreatId: null },
      { id: 'req-2', itemId: 'item-2', accountId: 'acc-2', importance: 'important', note: '', retreatId: null },
    ],
    quotes: [
      {
        id: 'quote-1',
        ...fallbacks('quotes'),
        itemId: 'item-1',
        name: 'Hire early',
        status: 'sent',
        fromQuarter: '2027-Q3',
        targetQuarter: '2027-Q1',
        monthlyCost: 900_000,
        split: 'arr',
        funders: [
          { accountId: 'acc-1', shareBp: 6_000 },
          { accountId: 'acc-2', shareBp: 4_000 },
        ],
      },
    ],
    capacity: [{ id: '2027-Q1', quarter: '2027-Q1', engineerMonths: 12 }],
    settings: [
      { id: 'roadmap', currency: 'EUR', rates: { USD: 920_000 }, defaultCapacityEm: 20, maxFundingShareBp: 5_000 },
      {
        id: 'club',
        name: 'Platinum club',
        seatCap: 1,
        currency: 'EUR',
        benefits: [{ name: 'Retreat', description: '', yearlyCost: 500_000 }],
        retreatsPerYear: 2,
      },
    ],
    members: [
      {
        id: 'mem-1',
        accountId: 'acc-1',
        status: 'member',
        since: '2025-01-01',
        ourSponsor: 'Anna',
        theirSponsorId: 'per-1',
        theirSponsorName: 'Ada',
      },
      { id: 'mem-2', accountId: 'acc-2', status: 'candidate', since: null, ourSponsor: '', theirSponsorId: null, theirSponsorName: '' },
    ],
    offers: [
      {
        id: 'off-1',
        ...fallbacks('offers'),
        accountId: 'acc-1',
        name: 'Renewal',
        listPrice: 5_000_000,
        termYears: 3,
        askedDiscountBp: 1_500,
        clubCostPerYear: 400_000,
      },
    ],
    retreats: [
      {
        id: 'ret-1',
        ...fallbacks('retreats'),
        title: 'Spring retreat',
        startDate: '2026-05-04',
        endDate: '2026-05-05',
        budget: 2_000_000,
        lines: [{ kind: 'venue', label: 'Hall', amount: 800_000 }],
        ourAttendees: ['Anna'],
      },
    ],
    sessions: [
      {
        id: 'ses-1',
        retreatId: 'ret-1',
        date: '2026-05-04',
        start: '09:00',
        end: '10:30',
        title: 'Planning',
        owner: 'Anna',
        kind: 'planning',
      },
    ],
    attendees: [{ id: 'att-1', retreatId: 'ret-1', accountId: 'acc-1', personId: 'per-1', name: 'Ada', role: 'CFO' }],
    reviews: [
      {
        id: `accounts/acc-1/owner/${lost}`,
        table: 'accounts',
        rowId: 'acc-1',
        field: 'owner',
        value: 'Bert',
        stamp: lost,
        winnerStamp: won,
        createdAt: new Date().toISOString(),
        resolution: 'open',
      },
    ],
    segments: [
      {
        id: 'seg-1',
        ...fallbacks('segments'),
        name: 'Nordic logistics',
        industry: 'Logistics',
        region: 'Nordics',
        targetCustomers: 120,
        avgSpend: 8_000_000,
        winRateBp: 2_500,
      },
    ],
    // A decided memo superseded by one in review: options that pull the item in (with the quote),
    // add new work and let an account go, move the item later or keep it; views and a fair exit.
    memos: [
      {
        id: 'memo-1',
        ...fallbacks('memos'),
        title: 'Pull SSO into 2027-Q1?',
        question: 'If we pull SSO into 2027-Q1, what slips?',
        drivers: 'Renewals\nCapacity',
        status: 'superseded',
        driver: 'Pat',
        approver: 'Dana',
        contributors: ['Fay', 'Eli'],
        informed: ['Sales'],
        itemId: 'item-1',
        accountId: 'acc-1',
        recommendedOptionId: 'opt-1',
        recommendation: 'Pull it in: the quote pays for it.',
        chosenOptionId: 'opt-1',
        chosenBecause: 'Nordwind funds it.',
        consequences: 'Reporting slips a quarter.',
        decidedBy: 'Dana',
        decidedOn: '2026-03-02',
        decidedFigures: {
          currency: 'EUR',
          options: [
            {
              id: 'opt-1',
              name: 'Pull it in',
              effortEm: 6,
              quarter: '2027-Q1',
              slips: [{ title: 'Reporting', from: '2027-Q1', to: '2027-Q2' }],
              gained: 12_000_000,
              slipping: -1,
              quotePrice: 5_400_000,
              cost: 5_400_000,
              customers: 2,
            },
            { ...fallbackOption('opt-2'), name: 'Let Südwind go' },
          ],
          exit: { currency: 'EUR', cost: 3_800_000, savingPerYear: null },
        },
        supersededBy: 'memo-2',
      },
      {
        id: 'memo-2',
        ...fallbacks('memos'),
        title: 'Move SSO later?',
        status: 'inReview',
        dueDate: '2026-04-01',
        itemId: 'item-1',
        recommendedOptionId: 'opt-4',
        supersedes: 'memo-1',
      },
    ],
    memoOptions: [
      {
        id: 'opt-1',
        ...fallbacks('memoOptions'),
        memoId: 'memo-1',
        name: 'Pull it in',
        what: 'Hire early, ship SSO in 2027-Q1.',
        effortEm: 6,
        quarter: '2027-Q1',
        itemId: 'item-1',
        quoteId: 'quote-1',
        good: ['Good, because Nordwind renews'],
        bad: ['Bad, because reporting slips'],
        sort: 0,
      },
      {
        id: 'opt-2',
        ...fallbacks('memoOptions'),
        memoId: 'memo-1',
        name: 'Let Südwind go',
        effortEm: 2.5,
        quarter: '2027-Q1',
        otherCost: 150_000,
        exitAccountId: 'acc-2',
        sort: 1,
      },
      {
        id: 'opt-3',
        ...fallbacks('memoOptions'),
        memoId: 'memo-2',
        name: 'Later',
        effortEm: 6,
        quarter: '2027-Q4',
        itemId: 'item-1',
        sort: 0,
      },
      { id: 'opt-4', ...fallbacks('memoOptions'), memoId: 'memo-2', name: 'Keep the plan', quarter: '2027-Q3', itemId: 'item-1', sort: 1 },
    ],
    memoViews: [
      { id: 'memo-1:finance', memoId: 'memo-1', role: 'finance', stance: 'for', who: 'Fay', reason: 'The quote pays.' },
      { id: 'memo-1:sales', memoId: 'memo-1', role: 'sales', stance: 'against', who: 'Sam', reason: 'Südwind is a reference.' },
      { id: 'memo-2:support', memoId: 'memo-2', role: 'support', stance: 'notHeard', who: '', reason: '' },
    ],
    memoExits: [
      {
        id: 'memo-1:acc-2',
        memoId: 'memo-1',
        accountId: 'acc-2',
        currency: 'EUR',
        withdrawProposal: true,
        proposal: 'the 2027 renewal offer',
        refund: 2_000_000,
        refundTerms: 'pro rata',
        exportHours: 40,
        migrationHours: 80.25,
        hourlyRate: 15_000,
        partner: 'Acme Integrators',
        noticeDays: 90,
        exitDate: '2026-06-30',
      },
    ],
  };
}

/** A frozen option with nothing in it (what an option of no effort and no cost is recorded as). */
function fallbackOption(id: string): Fields {
  return { id, name: '', effortEm: 0, quarter: '2027-Q1', slips: [], gained: 0, slipping: 0, quotePrice: 0, cost: 0, customers: 0 };
}

function fallbacks(table: RuleTable): Fields {
  const out: Fields = {};
  for (const [field, rule] of Object.entries(TABLE_RULES[table])) out[field] = structuredClone(rule.fallback);
  return out;
}

/** Damage the door must refuse (or that is refused in the file's checks before it). */
export const SEVERE = ['drop', 'wrongType', 'nanString', 'huge', 'badDate', 'emptyText'] as const;
/** Damage a file from a faulty or newer app may carry and still be accepted: the screens must survive it. */
export const MILD = [
  'unknownChoice',
  'knownChoice',
  'hostileText',
  'protoValue',
  'missingRef',
  'selfRef',
  'extraField',
  'tombstone',
  'edgeNumber',
  'swapDates',
  'protoId',
  'mergeBreak',
  'nested',
] as const;
export type How = (typeof SEVERE)[number] | (typeof MILD)[number];

export interface Damage {
  readonly table: RuleTable;
  readonly row: number;
  readonly field: number;
  readonly how: How;
  readonly pick: number;
}

/** ≥ 100k characters of markup, control characters, a lone surrogate and bidi overrides. */
export const HUGE = '"/><script>alert(1)</script>\u0000\u001b\uD800\u202E{{x}}&amp;'.repeat(2_500);
const WRONG: unknown[] = [42, -1, 3.5, 'text', '', [], ['a', 1], {}, { a: { b: 1 } }, null, true, false];
const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 12 ', '-0'];
const BAD_DATES = ['2027-02-30', '0999-12-31', '3000-01-01', '+030000-01-01', '2026-13-01', '2026-05-01T25:00:00Z'];
export const UNKNOWN_CHOICES: unknown[] = [
  'frenemy',
  'mentors',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'isPrototypeOf',
  5,
  99,
  0,
];
export const HOSTILE_TEXT = [
  '"/><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '\u0000\u0007\u001b[31m',
  '\uD800',
  'x\uDFFF',
  '\u202Egnp.exe',
  ']]><![CDATA[',
  '{{count}} $& $1 %s',
  '&amp;&#0;',
  'Ω≈ç√ 🫠 𝕏',
  '\r\n\t',
  'CON',
  '../../etc/passwd',
];
const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const EXTRA_NAMES = ['loyaltyTier', 'futureField', 'toString', 'valueOf', 'hasOwnProperty', 'x_y', 'deletedAt'];
const EXTRA_VALUES: unknown[] = [
  HUGE,
  { deep: { er: [1, 'two', { x: null }] } },
  [1, 'two', null],
  12.5,
  true,
  null,
  '"/><script>alert(1)</script>',
  '',
];
const EDGE = [0, -0, 1, -1, Number.MAX_SAFE_INTEGER, 1e15, -1e15, 1e6, 0.1, 5e-324, 2 ** 31];
const REF_FIELDS = [
  'rowId',
  'accountId',
  'planId',
  'objectiveId',
  'personId',
  'from',
  'to',
  'itemId',
  'retreatId',
  'theirSponsorId',
  'memoId',
  'quoteId',
  'exitAccountId',
  'recommendedOptionId',
  'chosenOptionId',
  'supersedes',
  'supersededBy',
];

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** The fields of a row whose value is one of a known list. */
export const choiceFields = (table: RuleTable, rowId: string): string[] => Object.keys(choicesOf(table, rowId));
/** The fields the table's rule knows for a row. */
export const ruleFields = (table: RuleTable, rowId: string): string[] =>
  Object.keys(table === 'settings' ? (SETTINGS_RULES[rowId] ?? {}) : TABLE_RULES[table]);

function choicesOf(table: RuleTable, rowId: string): Record<string, readonly unknown[]> {
  const rules = table === 'settings' ? (SETTINGS_RULES[rowId] ?? {}) : TABLE_RULES[table];
  const out: Record<string, readonly unknown[]> = {};
  for (const [f, rule] of Object.entries(rules)) if (rule.choices) out[f] = rule.choices;
  return out;
}

/** The fields of `row` that pass `keep`, or all its fields when none does (so every damage lands somewhere). */
function fieldsWhere(row: Fields, keep: (f: string, v: unknown) => boolean): string[] {
  const all = Object.keys(row).filter((f) => f !== 'id');
  const some = all.filter((f) => keep(f, row[f]));
  return some.length > 0 ? some : all;
}

/** Applies one damage to one row of the world (in place). Returns true when the row becomes a tombstone. */
export function applyDamage(rows: Record<RuleTable, Fields[]>, d: Damage): boolean {
  const list = rows[d.table];
  const row = at(list, d.row);
  const any = fieldsWhere(row, () => true);
  // Values are copied: damage applied later must never reach a shared constant.
  const set = (fields: string[], v: unknown) => (row[at(fields, d.field)] = structuredClone(v));
  switch (d.how) {
    case 'drop':
      Reflect.deleteProperty(row, at(any, d.field));
      break;
    case 'wrongType':
      set(any, at(WRONG, d.pick));
      break;
    case 'nanString':
      set(any, at(NAN_LIKE, d.pick));
      break;
    case 'huge':
      set(any, HUGE);
      break;
    case 'badDate':
      set(any, at(BAD_DATES, d.pick));
      break;
    case 'emptyText':
      set(
        fieldsWhere(row, (_f, v) => typeof v === 'string'),
        d.pick % 2 ? '' : '   ',
      );
      break;
    case 'unknownChoice': {
      const choices = Object.keys(choicesOf(d.table, String(row.id)));
      const budget = Array.isArray(row.lines) ? row.lines[0] : null;
      if (choices.length === 0 && isObject(budget)) budget.kind = at(UNKNOWN_CHOICES, d.pick);
      else set(choices.length > 0 ? choices : any, at(UNKNOWN_CHOICES, d.pick));
      break;
    }
    case 'knownChoice': {
      const choices = choicesOf(d.table, String(row.id));
      const f = Object.keys(choices);
      if (f.length > 0) {
        const name = at(f, d.field);
        row[name] = at(choices[name]!, d.pick);
      }
      break;
    }
    case 'hostileText':
      set(
        fieldsWhere(row, (f, v) => typeof v === 'string' && !REF_FIELDS.includes(f)),
        at(HOSTILE_TEXT, d.pick),
      );
      break;
    case 'protoValue':
      set(any, at(PROTO, d.pick));
      break;
    case 'missingRef':
    case 'selfRef': {
      const refs = fieldsWhere(row, (f) => REF_FIELDS.includes(f));
      const value = d.how === 'selfRef' ? row.id : d.pick % 3 === 0 ? at(PROTO, d.pick) : `missing-${d.pick}`;
      if (d.table === 'lines' && d.how === 'selfRef') row.to = row.from;
      else if (d.table === 'quotes' && Array.isArray(row.funders) && isObject(row.funders[0])) row.funders[0].accountId = value;
      else set(refs, value);
      break;
    }
    case 'extraField':
      row[at(EXTRA_NAMES, d.pick)] = structuredClone(at(EXTRA_VALUES, d.field));
      break;
    case 'tombstone':
      break;
    case 'edgeNumber':
      set(
        fieldsWhere(row, (_f, v) => typeof v === 'number'),
        at(EDGE, d.pick),
      );
      break;
    case 'swapDates': {
      const dated = fieldsWhere(row, (_f, v) => typeof v === 'string' && /^\d{2}:\d{2}$|^\d{4}-\d{2}-\d{2}$/.test(v));
      const [a, b] = [at(dated, d.field), at(dated, d.field + 1)];
      [row[a], row[b]] = [row[b], row[a]];
      break;
    }
    case 'protoId':
      row.id = at(PROTO, d.pick);
      break;
    case 'mergeBreak':
      breakRule(rows, d.pick);
      break;
    case 'nested': {
      // Inside a list of records (funders, options, budget lines, benefits, a memo's frozen options
      // and their slips): more of them, edge numbers, hostile text.
      const lists = recordLists(row);
      const list = at(lists.length > 0 ? lists : [null], d.field);
      if (!Array.isArray(list) || !isObject(list[0])) break;
      const first = list[0];
      if (d.pick % 3 === 0) for (let i = 0; i < 9; i++) list.push({ ...first });
      for (const [k, v] of Object.entries(first)) {
        if (typeof v === 'number' && d.pick % 3 !== 2) first[k] = at(EDGE, d.pick);
        else if (typeof v === 'string' && d.pick % 3 === 2) first[k] = at(HOSTILE_TEXT, d.field);
      }
      break;
    }
  }
  return d.how === 'tombstone';
}

/**
 * The lists of records in a row, outermost first: its own fields' (funders, budget lines), and
 * those inside a record (a memo's frozen figures: their options, the first option's slips).
 */
function recordLists(row: Fields): Fields[][] {
  const out: Fields[][] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth < 0) return;
    if (Array.isArray(v) && isObject(v[0])) {
      out.push(v as Fields[]);
      visit(v[0], depth - 1);
    } else if (isObject(v)) for (const inner of Object.values(v)) visit(inner, depth - 1);
  };
  for (const [f, v] of Object.entries(row)) if (f !== 'id') visit(v, 3);
  return out;
}

/**
 * What two devices editing offline can merge into (issue 12): a reporting loop and two managers,
 * seats over the cap, one account twice on the roster, two accepted quotes, shares that are not 100 %;
 * a memo decided on an option another memo holds, memos superseding each other, an option moved
 * to another memo (leaving one option), two views of one role, two fair exits, one in another currency.
 */
function breakRule(rows: Record<RuleTable, Fields[]>, pick: number): void {
  const [line, member, quote] = [rows.lines[1], rows.members[1], rows.quotes[0]];
  const [memo1, memo2, option1, option4, exit] = [
    rows.memos[0],
    rows.memos[1],
    rows.memoOptions[0],
    rows.memoOptions[3],
    rows.memoExits[0],
  ];
  switch (pick % 9) {
    case 0:
      if (line) line.kind = 'reportsTo';
      rows.lines.push({ id: 'line-3', accountId: 'acc-1', from: 'per-2', to: 'per-2', kind: 'reportsTo' });
      break;
    case 1:
      if (member) member.status = 'invited';
      break;
    case 2:
      rows.members.push({ ...rows.members[0], id: 'mem-3', status: 'invited' });
      break;
    case 3:
      if (quote) quote.status = 'accepted';
      rows.quotes.push({
        ...quote,
        id: 'quote-2',
        name: 'Contractors',
        status: 'accepted',
        funders: [{ accountId: 'acc-2', shareBp: 10_000 }],
      });
      break;
    case 4:
      if (quote)
        Object.assign(quote, {
          split: 'custom',
          funders: [
            { accountId: 'acc-1', shareBp: 6_000 },
            { accountId: 'missing-1', shareBp: 1_000 },
          ],
        });
      break;
    case 5:
      if (memo1) Object.assign(memo1, { status: 'decided', chosenOptionId: 'opt-3', recommendedOptionId: 'opt-4' });
      break;
    case 6:
      if (memo1) memo1.supersedes = 'memo-2';
      if (memo2) Object.assign(memo2, { status: 'superseded', supersededBy: 'memo-1' });
      break;
    case 7:
      if (option4) option4.memoId = 'memo-1';
      break;
    case 8:
      rows.memoViews.push({ ...rows.memoViews[0], id: 'memo-1:finance-2', stance: 'against', who: 'Finn' });
      if (exit) rows.memoExits.push({ ...exit, id: 'memo-1:acc-1', accountId: 'acc-1', currency: 'USD' });
      if (option1) option1.exitAccountId = 'acc-1';
      break;
  }
}

export const damageArb = (kinds: readonly How[]): fc.Arbitrary<Damage> =>
  fc.record({ table: fc.constantFrom(...TABLES), row: fc.nat(3), field: fc.nat(40), how: fc.constantFrom(...kinds), pick: fc.nat(30) });

/** Rows as the sending device wrote them: every field and the tombstone stamped, updatedAt the largest, JSON as in a file. */
export function stampedTables(
  rows: Readonly<Record<string, readonly Fields[]>>,
  tombstones: ReadonlySet<string> = new Set(),
): Record<string, AnyRow[]> {
  const ms = Date.now() - 60_000;
  let counter = 0;
  const out: Record<string, AnyRow[]> = {};
  for (const [table, list] of Object.entries(rows)) {
    out[table] = list.map((fields) => {
      const { id, ...rest } = fields;
      const row = createRow(String(id), rest, stampAt(ms, REMOTE, counter++)) as Fields;
      if (tombstones.has(`${table}/${String(id)}`)) row.deleted = true;
      return JSON.parse(JSON.stringify(row)) as AnyRow;
    });
  }
  return out;
}

/** A checksum-valid file of the world with the damage applied, plus any extra (unknown) tables. */
export async function hostileFile(
  damages: readonly Damage[],
  extra: Readonly<Record<string, readonly Fields[]>> = {},
  rows: Record<RuleTable, Fields[]> = world(),
): Promise<{ bytes: Uint8Array; tables: Record<string, AnyRow[]> }> {
  const tombstones = new Set<string>();
  for (const d of damages) {
    const row = at(rows[d.table], d.row);
    if (applyDamage(rows, d)) tombstones.add(`${d.table}/${String(row.id)}`);
  }
  const tables = stampedTables({ ...rows, ...extra }, tombstones);
  return { bytes: await handFile({ device: REMOTE, name: 'Fuzzer', knowledge: {}, tables }), tables };
}

/** A fresh device (workspace + backup store) that is deleted by `close`, so a run leaves nothing behind. */
export async function openDevice(): Promise<Device & { close(): Promise<void> }> {
  const db = new WaypointDB(`fuzz-${crypto.randomUUID()}`);
  const ws = await openWorkspace(db);
  const store = new BackupDB(`fuzz-b-${crypto.randomUUID()}`);
  const close = async () => {
    db.close();
    await db.delete();
    await store.delete();
  };
  return { ws, store, appVersion: APP_VERSION, deviceName: 'Fuzz', device: ws.clock.device, close };
}

/**
 * useLiveQuery for rendering to a string: each query is run once, outside React, and the
 * render is repeated with the answers until no hook asks for more (the screens' own hooks and
 * loaders run, not a copy of them). Keyed by the query's source and its plain dependencies.
 */
const answers = new Map<string, unknown>();
const asked = new Map<string, () => unknown>();
export function liveQueryOnce<T>(querier: () => Promise<T> | T, deps: readonly unknown[] = [], fallback?: T): T | undefined {
  const key = `${querier.toString()}\u0000${JSON.stringify(deps.map((d) => (typeof d === 'object' && d !== null ? '#' : d)))}`;
  if (answers.has(key)) return answers.get(key) as T;
  asked.set(key, querier);
  return fallback;
}

/** Renders until every live query has its answer; returns the last render's result. */
export async function settle<T>(render: () => T): Promise<T> {
  answers.clear();
  for (let pass = 0; pass < 10; pass++) {
    asked.clear();
    const out = render();
    if (asked.size === 0) return out;
    for (const [key, q] of asked) answers.set(key, await q());
  }
  throw new Error('the live queries did not settle in 10 renders');
}
