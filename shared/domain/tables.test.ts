import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultAccountFields } from './account';
import { defaultPersonFields } from './stakeholders';
import { doorProblem, readRow, readRows, TABLE_RULES, writeProblems, type RuleTable } from './tables';

const meta = { id: 'r1', stamps: {}, updatedAt: 's', deleted: false };
const account = () => ({ ...defaultAccountFields({ name: 'Acme' }), ...meta }) as Record<string, unknown>;
const person = () => ({ ...defaultPersonFields('acc'), name: 'Ada', ...meta }) as Record<string, unknown>;

/** A whole valid row of every table: built from each rule's fallback, then the fields that need more. */
function validRow(table: RuleTable): Record<string, unknown> {
  const row: Record<string, unknown> = { ...meta };
  for (const [field, rule] of Object.entries(TABLE_RULES[table])) row[field] = rule.fallback;
  const fix: Partial<Record<RuleTable, Record<string, unknown>>> = {
    accounts: { name: 'Acme' },
    plans: { accountId: 'a', title: 'FY27' },
    objectives: { planId: 'p' },
    actions: { planId: 'p', objectiveId: 'o' },
    risks: { planId: 'p' },
    people: { accountId: 'a' },
    lines: { accountId: 'a', from: 'x', to: 'y' },
    contacts: { accountId: 'a', personId: 'x' },
    roadmapItems: { title: 'SSO' },
    requests: { itemId: 'i', accountId: 'a' },
    quotes: { itemId: 'i', name: 'Hire early', funders: [{ accountId: 'a', shareBp: 10_000 }] },
    members: { accountId: 'a' },
    offers: {
      accountId: 'a',
      name: 'Renewal',
      options: [
        { label: 'A', discountBp: 0, seat: true },
        { label: 'B', discountBp: 1000, seat: false },
      ],
    },
    retreats: { title: 'Spring retreat' },
    sessions: { retreatId: 'r', title: 'Planning' },
    attendees: { retreatId: 'r', accountId: 'a' },
    reviews: { table: 'accounts', rowId: 'a', field: 'owner', value: 'Anna', createdAt: '2026-12-02T10:00:00.000Z' },
    segments: { name: 'Nordic logistics' },
    memos: { title: 'Pull SSO into 2027-Q1?' },
    memoOptions: { memoId: 'm', name: 'Pull it in' },
    memoViews: { memoId: 'm' },
    memoExits: { memoId: 'm', accountId: 'a' },
  };
  return { ...row, ...fix[table] };
}

const TABLES = Object.keys(TABLE_RULES) as RuleTable[];

describe('the door (incoming rows)', () => {
  it.each(TABLES)('accepts a whole valid %s row, and the row reads back as itself', (table) => {
    const row = validRow(table);
    expect(doorProblem(table, row)).toBeNull();
    expect(writeProblems(table, 'r1', row, true)).toEqual([]);
    expect(readRow(table, row)).toBe(row);
  });

  it('refuses an account without potentialArr or tags, and one with a number for a name', () => {
    const { potentialArr: _p, ...noPotential } = account();
    expect(doorProblem('accounts', noPotential)).toEqual({ field: 'potentialArr', reason: 'missing' });
    const { tags: _t, ...noTags } = account();
    expect(doorProblem('accounts', noTags)).toEqual({ field: 'tags', reason: 'missing' });
    expect(doorProblem('accounts', { ...account(), name: 42 })).toEqual({ field: 'name', reason: 'invalid' });
    expect(doorProblem('accounts', { ...account(), arr: -1 })).toEqual({ field: 'arr', reason: 'invalid' });
    expect(doorProblem('accounts', { ...account(), renewalDate: '2027-02-30' })).toEqual({ field: 'renewalDate', reason: 'invalid' });
  });

  it('keeps forward compatibility: unknown fields and unknown values of known choices pass', () => {
    expect(doorProblem('accounts', { ...account(), loyaltyTier: 'gold' })).toBeNull();
    expect(doorProblem('people', { ...person(), stance: 'frenemy' })).toBeNull();
    expect(doorProblem('lines', { ...validRow('lines'), kind: 'mentors' })).toBeNull();
    expect(doorProblem('accounts', { ...account(), bucket: 5 })).toBeNull();
    expect(doorProblem('retreats', { ...validRow('retreats'), lines: [{ kind: 'security', label: 'Guards', amount: 100 }] })).toBeNull();
  });

  it('does not take just anything as an unknown choice: markup, a number for a word, long text', () => {
    expect(doorProblem('people', { ...person(), stance: '<b>x</b>' })).toEqual({ field: 'stance', reason: 'invalid' });
    expect(doorProblem('people', { ...person(), stance: 3 })).toEqual({ field: 'stance', reason: 'invalid' });
    expect(doorProblem('lines', { ...validRow('lines'), kind: 'x'.repeat(41) })).toEqual({ field: 'kind', reason: 'invalid' });
    expect(doorProblem('accounts', { ...account(), bucket: 'four' })).toEqual({ field: 'bucket', reason: 'invalid' });
  });

  it('checks settings rows by what they hold: partial, and any id a newer version adds passes', () => {
    expect(doorProblem('settings', { ...meta, id: 'roadmap', currency: 'EUR' })).toBeNull();
    expect(doorProblem('settings', { ...meta, id: 'roadmap', currency: 'euro' })).toEqual({ field: 'currency', reason: 'invalid' });
    expect(doorProblem('settings', { ...meta, id: 'club', seatCap: 0 })).toEqual({ field: 'seatCap', reason: 'invalid' });
    expect(doorProblem('settings', { ...meta, id: 'csvMappings', anything: { deep: [1, 2] } })).toBeNull();
  });
});

describe('rules across a row (what must stay computable)', () => {
  it('refuses an offer whose price over the term cannot be computed exactly, and reads a stored one as nothing offered', () => {
    const offer = { ...validRow('offers'), listPrice: 1e15, termYears: 10 };
    expect(doorProblem('offers', offer)).toEqual({ field: 'listPrice', reason: 'invalid' });
    expect(writeProblems('offers', 'r1', offer, true)).toEqual(['listPrice']);
    expect(readRow('offers', offer)).toMatchObject({ listPrice: 0, clubCostPerYear: 0, termYears: 10 });
    expect(doorProblem('offers', { ...offer, termYears: 9 })).toBeNull();
  });

  it('refuses retreat budget lines that add up past an exact total', () => {
    const line = { kind: 'venue', label: 'Hall', amount: 1e15 };
    expect(doorProblem('retreats', { ...validRow('retreats'), lines: [line] })).toBeNull();
    expect(doorProblem('retreats', { ...validRow('retreats'), lines: [line, { ...line, amount: 1 }] })).toEqual({
      field: 'lines',
      reason: 'invalid',
    });
    expect(readRow('retreats', { ...validRow('retreats'), lines: [line, line] })).toMatchObject({ lines: [] });
  });
});

describe('writes (what a repository may store)', () => {
  it('refuses values this version does not know and missing fields of a new row', () => {
    expect(writeProblems('people', 'p', { stance: 'frenemy' }, false)).toEqual(['stance']);
    expect(writeProblems('accounts', 'a', { name: 'Acme' }, true)).toContain('potentialArr');
    expect(writeProblems('accounts', 'a', { name: 'Acme', deleted: true }, false)).toEqual([]);
    expect(writeProblems('people', 'p', { x: Number.NaN }, false)).toEqual(['x']);
  });
});

describe('reading a stored row for the screens', () => {
  it('fills what is missing or broken with the fallback and leaves valid fields alone', () => {
    const stored: Record<string, unknown> = { ...account(), name: 7, potentialArr: 'lots' };
    Reflect.deleteProperty(stored, 'tags');
    const shown = readRow('accounts', stored);
    expect(shown).toMatchObject({ name: '', tags: [], potentialArr: 0, currency: 'EUR', id: 'r1' });
    expect(stored).not.toHaveProperty('tags');
  });

  it('shows an unknown stance as neutral but keeps an unknown line kind (drawn neutrally)', () => {
    expect(readRow('people', { ...person(), stance: 'frenemy' })).toMatchObject({ stance: 'neutral' });
    expect(readRow('lines', { ...validRow('lines'), kind: 'mentors' })).toMatchObject({ kind: 'mentors' });
    expect(readRow('lines', { ...validRow('lines'), kind: { evil: true } })).toMatchObject({ kind: 'influences' });
    // A number is no line kind, not even an unknown one (found by the property below).
    expect(readRow('lines', { ...validRow('lines'), kind: 0 })).toMatchObject({ kind: 'influences' });
    expect(doorProblem('lines', { ...validRow('lines'), kind: 0 })).toEqual({ field: 'kind', reason: 'invalid' });
  });

  it('clamps positions and counts a newer budget kind as "other"', () => {
    expect(readRow('people', { ...person(), x: 1e300, y: Number.POSITIVE_INFINITY })).toMatchObject({ x: 1e6, y: 0 });
    const r = readRow('retreats', { ...validRow('retreats'), lines: [{ kind: 'security', label: 'Guards', amount: 100 }] });
    expect(r).toMatchObject({ lines: [{ kind: 'other', label: 'Guards', amount: 100 }] });
  });

  it('keeps the list itself when no row needed fixing (memoised views keep working)', () => {
    const list = [person(), person()];
    expect(readRows('people', list)).toBe(list);
    const broken = [person(), { ...person(), name: null }];
    const out = readRows('people', broken);
    expect(out).not.toBe(broken);
    expect(out[0]).toBe(broken[0]);
  });

  it('always gives a row whose fields pass the write rules, whatever was stored (property)', () => {
    const junk = fc.oneof(fc.anything(), fc.string(), fc.double(), fc.constantFrom('frenemy', 'mentors', '', null, undefined));
    fc.assert(
      fc.property(fc.constantFrom(...TABLES), fc.array(fc.tuple(fc.nat(40), junk, fc.boolean()), { maxLength: 8 }), (table, edits) => {
        const stored = validRow(table);
        const fields = Object.keys(TABLE_RULES[table]);
        for (const [i, value, drop] of edits) {
          const f = fields[i % Math.max(1, fields.length)];
          if (f === undefined) continue;
          if (drop) Reflect.deleteProperty(stored, f);
          else stored[f] = value;
        }
        const shown = readRow(table, stored);
        // The one thing kept as stored: a line kind a newer version added (drawn neutrally).
        const kept =
          table === 'lines' &&
          typeof shown.kind === 'string' &&
          !['reportsTo', 'dotted', 'influences', 'conflict', 'alliance'].includes(shown.kind)
            ? ['kind']
            : [];
        // Required text with no sensible default (an account's name) reads empty: shown as such, never a crash.
        const rules = TABLE_RULES[table] as Record<string, { check: (v: unknown) => boolean; fallback: unknown }>;
        const emptyRequired = (f: string) =>
          JSON.stringify(shown[f]) === JSON.stringify(rules[f]!.fallback) && !rules[f]!.check(rules[f]!.fallback);
        expect(writeProblems(table, 'r1', shown, true).filter((f) => !kept.includes(f) && !emptyRequired(f))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fields added in a later version (CSV import: website, annual revenue, CRM keys, e-mail, phone)', () => {
  const accountOfV7 = () => {
    const { website: _w, annualRevenue: _r, sourceKey: _k, ...rest } = defaultAccountFields({ name: 'Older device AS' });
    return { id: 'a1', ...rest };
  };
  const personOfV7 = () => {
    const { email: _e, phone: _p, sourceKey: _k, ...rest } = defaultPersonFields('a1', { name: 'Ada' });
    return { id: 'p1', ...rest };
  };

  it('lets a row from an older device without them in, and reads them as empty', () => {
    expect(doorProblem('accounts', accountOfV7())).toBeNull();
    expect(doorProblem('people', personOfV7())).toBeNull();
    expect(readRow('accounts', accountOfV7())).toMatchObject({ website: '', annualRevenue: 0, sourceKey: '' });
    expect(readRow('people', personOfV7())).toMatchObject({ email: '', phone: '', sourceKey: '' });
    expect(writeProblems('people', 'p1', personOfV7(), true)).toEqual([]);
  });

  it('still checks them when they are there', () => {
    expect(doorProblem('accounts', { ...accountOfV7(), annualRevenue: -5 })).toEqual({ field: 'annualRevenue', reason: 'invalid' });
    expect(doorProblem('people', { ...personOfV7(), email: 42 })).toEqual({ field: 'email', reason: 'invalid' });
    expect(writeProblems('accounts', 'a1', { sourceKey: 'x'.repeat(500) }, false)).toEqual(['sourceKey']);
  });

  it('keeps every older field required: a row without its name is still refused', () => {
    const { name: _n, ...noName } = accountOfV7();
    expect(doorProblem('accounts', noName)).toEqual({ field: 'name', reason: 'missing' });
  });
});
