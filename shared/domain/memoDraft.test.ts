import { describe, expect, it } from 'vitest';
import { newQuoteFields, type QuoteFields, type QuoteStatus } from './acceleration';
import { asIsoDate } from './dates';
import { memoExitSchema, memoOptionSchema } from './memo';
import { draftFromAccount, draftFromItem, quoteForItem } from './memoDraft';
import { optionFigures } from './memoFigures';
import { asMinor } from './money';
import { asQuarter } from './quarter';
import { DEFAULT_ROADMAP_SETTINGS, type RoadmapItemFields } from './roadmap';
import { slipsFor, type RoadmapData } from './roadmapView';

const m = asMinor;
const q = asQuarter;
const d = asIsoDate;

const item = (id: string, title: string, quarter: string, effortEm: number, f: Partial<RoadmapItemFields> = {}) => ({
  id,
  title,
  theme: '',
  plannedQuarter: q(quarter),
  effortEm,
  onStrategy: true,
  status: 'planned' as const,
  notes: '',
  acceleratedFrom: null,
  ...f,
});
const quote = (id: string, status: QuoteStatus, f: Partial<QuoteFields> & { updatedAt?: string } = {}) => ({
  id,
  ...newQuoteFields({
    itemId: 'sso',
    name: `Quote ${id}`,
    fromQuarter: q('2027-Q4'),
    targetQuarter: q('2027-Q2'),
    effortEm: 8,
    currency: 'EUR',
    hoursPerMonth: 160,
    staffing: 'hire',
    funderIds: ['A'],
    minorPerMajor: 100,
  }),
  status,
  ...f,
});

/*
 * SSO (2027-Q4, 6 EM) is the item drafted from; 2027-Q2 holds the Audit log (4 EM) and the off-strategy
 * Dark theme (3 EM) against 10 EM of capacity; 2027-Q3 holds the Public API (8 EM) against 12.
 */
function roadmap(over: Partial<RoadmapData> = {}): RoadmapData {
  return {
    items: [
      item('sso', 'SSO via SAML', '2027-Q4', 6),
      item('audit', 'Audit log', '2027-Q2', 4),
      item('theme', 'Dark theme', '2027-Q2', 3, { onStrategy: false }),
      item('api', 'Public API', '2027-Q3', 8),
    ],
    requests: [],
    quotes: [],
    capacity: new Map([
      [q('2027-Q2'), 10],
      [q('2027-Q3'), 12],
    ]),
    settings: DEFAULT_ROADMAP_SETTINGS,
    accounts: new Map([['A', { id: 'A', name: 'Alpha', arr: m(60_000_000), currency: 'EUR', bucket: 1 as const }]]),
    ...over,
  };
}

describe('quoteForItem', () => {
  const quotes = [
    quote('d-old', 'draft', { updatedAt: '2027-01-01' }),
    quote('d-new', 'draft', { updatedAt: '2027-03-01' }),
    quote('s-old', 'sent', { updatedAt: '2027-01-05' }),
    quote('s-new', 'sent', { updatedAt: '2027-02-05' }),
    quote('acc', 'accepted', { updatedAt: '2026-12-01' }),
    quote('dec', 'declined', { updatedAt: '2027-04-01' }),
    quote('other', 'accepted', { itemId: 'audit', updatedAt: '2027-05-01' }),
  ];
  const without = (...ids: string[]) => quotes.filter((x) => !ids.includes(x.id));

  it('prefers the accepted quote, then the newest sent, then the newest draft', () => {
    expect(quoteForItem(quotes, 'sso')?.id).toBe('acc');
    expect(quoteForItem(without('acc'), 'sso')?.id).toBe('s-new');
    expect(quoteForItem(without('acc', 's-old', 's-new'), 'sso')?.id).toBe('d-new');
  });

  it('never drafts from a declined quote or another item’s', () => {
    expect(quoteForItem([quote('dec', 'declined')], 'sso')).toBeNull();
    expect(quoteForItem([quote('other', 'accepted', { itemId: 'audit' })], 'sso')).toBeNull();
    expect(quoteForItem([], 'sso')).toBeNull();
  });

  it('puts a quote without a save time after the dated ones of its status', () => {
    expect(quoteForItem([quote('undated', 'sent'), quote('dated', 'sent', { updatedAt: '2027-01-01' })], 'sso')?.id).toBe('dated');
  });
});

describe('draftFromItem', () => {
  const today = d('2027-01-15'); // 2027-Q1

  it('offers “keep the plan” and “pull it forward” from the item’s quote, with the quote’s target and effort', () => {
    const draft = draftFromItem(roadmap({ quotes: [quote('qs', 'sent')] }), 'sso', today);
    expect(draft).toMatchObject({
      itemId: 'sso',
      title: 'SSO via SAML',
      plannedQuarter: '2027-Q4',
      keep: { quarter: '2027-Q4', itemId: 'sso', effortEm: 6, quoteId: null, exitAccountId: null, otherCost: 0 },
      pull: { quarter: '2027-Q2', itemId: 'sso', effortEm: 8, quoteId: 'qs', exitAccountId: null, otherCost: 0 },
      quote: { id: 'qs', name: 'Quote qs' },
    });
  });

  it('pulls one quarter earlier with the item’s own effort when there is no quote (a declined one does not count)', () => {
    const draft = draftFromItem(roadmap({ quotes: [quote('dec', 'declined')] }), 'sso', today);
    // 2027-Q4 − 1 = 2027-Q3, not before 2027-Q1
    expect(draft?.pull).toMatchObject({ quarter: '2027-Q3', effortEm: 6, quoteId: null });
    expect(draft?.quote).toBeNull();
  });

  it('does not pull before the current quarter: an item planned now stays in this quarter', () => {
    // Audit log is planned in 2027-Q2; on 2027-05-01 (2027-Q2) one quarter earlier would be the past
    const draft = draftFromItem(roadmap(), 'audit', d('2027-05-01'));
    expect(draft?.pull.quarter).toBe('2027-Q2');
    expect(draft?.keep.quarter).toBe('2027-Q2');
  });

  it('gives nothing for an item that does not exist', () => {
    expect(draftFromItem(roadmap(), 'gone', today)).toBeNull();
  });

  it('drafts options whose slips are the quote page’s, from the same functions', () => {
    const d0 = roadmap({ quotes: [quote('qs', 'sent')] });
    const draft = draftFromItem(d0, 'sso', today);
    if (!draft) throw new Error('no draft');
    const pull = { id: 'o2', memoId: 'm1', name: 'Pull SSO into Q2', sort: 1, ...draft.pull };
    const keep = { id: 'o1', memoId: 'm1', name: 'Keep the plan', sort: 0, ...draft.keep };
    expect(memoOptionSchema.safeParse(pull).success).toBe(true);
    expect(memoOptionSchema.safeParse(keep).success).toBe(true);
    // SSO at 8 EM into 2027-Q2: 4 + 3 + 8 = 15 > 10 → Dark theme then Audit log to Q3; Q3: 8 + 3 + 4 = 15 > 12 →
    // Dark theme (off strategy) on to Q4.
    const f = optionFigures(pull, { roadmap: d0, accounts: new Map(), exits: [] });
    expect(f.slips.map((s) => ({ id: s.id, from: s.from, to: s.to }))).toEqual([
      { id: 'theme', from: '2027-Q2', to: '2027-Q4' },
      { id: 'audit', from: '2027-Q2', to: '2027-Q3' },
    ]);
    expect(f.slips.map((s) => ({ id: s.id, from: s.from, to: s.to }))).toEqual(slipsFor(d0, d0.quotes[0]!).slips);
    expect(optionFigures(keep, { roadmap: d0, accounts: new Map(), exits: [] }).slips).toEqual([]);
  });
});

describe('draftFromAccount', () => {
  const account = { id: 'D', currency: 'EUR', renewalDate: d('2026-06-30'), engineeringRate: m(14_000), supportRate: m(9_000) };
  const today = d('2026-03-01'); // 2026-Q1

  it('keeps the account, or lets it go at the renewal date with the open proposals withdrawn', () => {
    const draft = draftFromAccount(account, ['2027 renewal', 'Analytics add-on'], today);
    expect(draft.keep).toMatchObject({ quarter: '2026-Q1', effortEm: 0, itemId: null, exitAccountId: null });
    // 2026-03-01 → 2026-06-30 = 121 days; the exit lands in 2026-Q2
    expect(draft.exit).toMatchObject({ quarter: '2026-Q2', effortEm: 0, itemId: null, exitAccountId: 'D' });
    expect(draft.fairExit).toEqual({
      accountId: 'D',
      currency: 'EUR',
      withdrawProposal: true,
      proposal: '2027 renewal, Analytics add-on',
      refund: 0,
      refundTerms: '',
      exportHours: 0,
      migrationHours: 0,
      hourlyRate: 14_000,
      partner: '',
      noticeDays: 121,
      exitDate: '2026-06-30',
    });
    expect(memoExitSchema.safeParse({ ...draft.fairExit, memoId: 'm1' }).success).toBe(true);
  });

  it('falls back to support’s rate, 90 days’ notice and nothing to withdraw', () => {
    const draft = draftFromAccount({ ...account, renewalDate: null, engineeringRate: m(0) }, [], today);
    // 2026-03-01 + 90 days = 2026-05-30 (2026-Q2)
    expect(draft.fairExit).toMatchObject({
      hourlyRate: 9_000,
      noticeDays: 90,
      exitDate: '2026-05-30',
      withdrawProposal: false,
      proposal: '',
    });
    expect(draft.exit.quarter).toBe('2026-Q2');
  });

  it('cuts a long list of proposals to what the exit may hold', () => {
    const many = Array.from({ length: 200 }, (_, i) => `Proposal number ${i}`);
    const draft = draftFromAccount(account, many, today);
    expect(draft.fairExit.proposal).toHaveLength(1000);
    expect(memoExitSchema.safeParse({ ...draft.fairExit, memoId: 'm1' }).success).toBe(true);
  });
});
