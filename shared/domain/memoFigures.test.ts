import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newQuoteFields, type QuoteFields } from './acceleration';
import { defaultAccountFields, type AccountFields, type Bucket } from './account';
import { defaultOptionFields, frozenFiguresSchema, type MemoExitFields, type MemoOptionFields } from './memo';
import { changesSince, freezeFigures, optionFigures, type MemoContext } from './memoFigures';
import { asMinor } from './money';
import { addQuarters, asQuarter, quarterIndex, type Quarter } from './quarter';
import { DEFAULT_ROADMAP_SETTINGS, IMPORTANCES, ITEM_STATUSES, type Importance, type RoadmapItemFields } from './roadmap';
import type { RoadmapData } from './roadmapView';

const m = asMinor;
const q = asQuarter;

/*
 * The roadmap every case below reads (EUR; 1 SEK = €0.087; weights nice 25 %, important 50 %, critical 100 %):
 *
 *   item    title           quarter  effort  strategy  requested by
 *   sso     SSO via SAML    2027-Q4   6 EM    on        Alpha critical; Beta nice-to-have and important
 *   audit   Audit log       2027-Q2   4 EM    on        Beta important
 *   theme   Dark theme      2027-Q2   3 EM    off       Gamma critical
 *   api     Public API      2027-Q3   8 EM    on        Alpha nice-to-have
 *
 * Capacity: 2027-Q2 10 EM, 2027-Q3 12 EM, every other quarter 12 EM (the default).
 * Accounts: Alpha €600,000.00 (bucket 1), Beta €400,000.00 (bucket 2), Gamma 1,000,000.00 SEK (bucket 4).
 *
 * ARR-weighted demand (an account counts once, at the highest importance it gave, as in itemDemand):
 *   sso   = Alpha 60,000,000 × 100 % + Beta 40,000,000 × 50 % (not 25 % + 50 %) = 60,000,000 + 20,000,000 = 80,000,000
 *   audit = Beta 40,000,000 × 50 % = 20,000,000
 *   theme = Gamma 100,000,000 öre × 0.087 = 8,700,000 cents × 100 % = 8,700,000
 *   api   = Alpha 60,000,000 × 25 % = 15,000,000
 *
 * The quote "Hire early" pulls SSO from 2027-Q4 to 2027-Q2 (hire mode, 2 engineers at €12,000.00 a month):
 *   staffing = 1,200,000 × 6 months × 2 = 14,400,000; PM/QA 10 % = 1,440,000 → 15,840,000;
 *   contingency 10 % = 1,584,000 → cost 17,424,000 (€174,240.00); price = cost ÷ (1 − 20 %) = 21,780,000 (€217,800.00).
 */
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
const request = (id: string, itemId: string, accountId: string, importance: Importance) => ({
  id,
  itemId,
  accountId,
  importance,
  note: '',
  retreatId: null,
});
const demandAccount = (id: string, name: string, arr: number, currency: string, bucket: Bucket) =>
  [id, { id, name, arr: m(arr), currency, bucket }] as const;
const hireEarly = (f: Partial<QuoteFields> = {}): QuoteFields & { id: string } => ({
  id: 'qs',
  ...newQuoteFields({
    itemId: 'sso',
    name: 'Hire early',
    fromQuarter: q('2027-Q4'),
    targetQuarter: q('2027-Q2'),
    effortEm: 6,
    currency: 'EUR',
    hoursPerMonth: 160,
    staffing: 'hire',
    funderIds: ['A', 'B'],
    minorPerMajor: 100,
  }),
  status: 'sent',
  ...f,
});

function roadmap(over: Partial<RoadmapData> = {}): RoadmapData {
  return {
    items: [
      item('sso', 'SSO via SAML', '2027-Q4', 6),
      item('audit', 'Audit log', '2027-Q2', 4),
      item('theme', 'Dark theme', '2027-Q2', 3, { onStrategy: false }),
      item('api', 'Public API', '2027-Q3', 8),
    ],
    requests: [
      request('r1', 'sso', 'A', 'critical'),
      request('r2', 'sso', 'B', 'niceToHave'),
      request('r3', 'sso', 'B', 'important'),
      request('r4', 'audit', 'B', 'important'),
      request('r5', 'theme', 'C', 'critical'),
      request('r6', 'api', 'A', 'niceToHave'),
    ],
    quotes: [hireEarly()],
    capacity: new Map([
      [q('2027-Q2'), 10],
      [q('2027-Q3'), 12],
    ]),
    settings: { ...DEFAULT_ROADMAP_SETTINGS, currency: 'EUR', rates: { SEK: 87_000 } },
    accounts: new Map([
      demandAccount('A', 'Alpha', 60_000_000, 'EUR', 1),
      demandAccount('B', 'Beta', 40_000_000, 'EUR', 2),
      demandAccount('C', 'Gamma', 100_000_000, 'SEK', 4),
    ]),
    ...over,
  };
}

/** The accounts a fair exit can let go: Delta Mills, the bucket-4 account (ARR €80,000, cost to serve 2,000 h × €100). */
const exitAccount = (id: string, f: Partial<AccountFields>) => [id, { ...defaultAccountFields(f), id, bucket: f.bucket ?? null }] as const;
const EXIT_ACCOUNTS = new Map([
  exitAccount('D', { name: 'Delta Mills', currency: 'EUR', arr: m(8_000_000), supportHours: 2000, supportRate: m(10_000), bucket: 4 }),
  exitAccount('S', { name: 'Svea Verk', currency: 'SEK', arr: m(100_000_000), supportHours: 1000, supportRate: m(150_000), bucket: 4 }),
  exitAccount('G', { name: 'Glen Ltd', currency: 'GBP', arr: m(5_000_000), bucket: 4 }),
]);
const fairExit = (accountId: string, f: Partial<MemoExitFields> = {}): MemoExitFields & { id: string } => ({
  id: `m1:${accountId}`,
  memoId: 'm1',
  accountId,
  currency: 'EUR',
  withdrawProposal: true,
  proposal: '2027 renewal',
  refund: m(2_000_000),
  refundTerms: 'pro rata',
  exportHours: 40,
  migrationHours: 80,
  hourlyRate: m(15_000),
  partner: 'Acme Integrators',
  noticeDays: 90,
  exitDate: null,
  ...f,
});

function ctx(over: Partial<MemoContext> = {}): MemoContext {
  return { roadmap: roadmap(), accounts: EXIT_ACCOUNTS, exits: [fairExit('D')], health: new Map([['A', 82]]), ...over };
}

/** An option of memo m1; a named option's id is its name (so the frozen figures read plainly). */
let nextId = 0;
const option = (quarter: string, f: Partial<MemoOptionFields> = {}): MemoOptionFields & { id: string } => {
  const id = f.name ?? `o${++nextId}`;
  return { id, ...defaultOptionFields('m1', q(quarter), { name: id, ...f }) };
};
const figures = (o: MemoOptionFields & { id: string }, c: MemoContext = ctx()) => ({ ...optionFigures(o, c), name: o.name });

describe('optionFigures: what slips', () => {
  it('keeps the plan: nothing moves, nothing is gained or slips', () => {
    const f = optionFigures(option('2027-Q4', { itemId: 'sso', effortEm: 6 }), ctx());
    expect(f.move).toBe('keep');
    expect(f.item).toEqual({ id: 'sso', title: 'SSO via SAML', plannedQuarter: '2027-Q4' });
    expect(f.slips).toEqual([]);
    expect(f.unresolved).toEqual([]);
    expect([f.gained, f.slipping, f.revenueAtStake]).toEqual([0, 0, 0]);
    expect(f.customers).toEqual([]);
  });

  it('pulls an item earlier: the lowest-priority item of the full quarter slips, as on the capacity timeline', () => {
    // 2027-Q2: audit 4 + theme 3 + sso 6 = 13 EM > 10 → the off-strategy Dark theme (3 EM) moves to 2027-Q3: 10 ≤ 10.
    // 2027-Q3: api 8 + theme 3 = 11 ≤ 12: nothing more moves.
    const f = optionFigures(option('2027-Q2', { itemId: 'sso', effortEm: 6 }), ctx());
    expect(f.move).toBe('earlier');
    expect(f.slips).toEqual([{ id: 'theme', title: 'Dark theme', from: '2027-Q2', to: '2027-Q3' }]);
    expect(f.unresolved).toEqual([]);
  });

  it('cascades when the pulled item is bigger: what slips into a full quarter pushes the next one on', () => {
    // sso at 8 EM into 2027-Q2: 4 + 3 + 8 = 15 > 10 → theme (off strategy) to Q3: 12 > 10 → audit (4) to Q3: 8 ≤ 10.
    // 2027-Q3: api 8 + theme 3 + audit 4 = 15 > 12 → theme (off strategy first) on to 2027-Q4: 12 ≤ 12.
    // 2027-Q4: theme 3 (sso has left) ≤ 12.
    const f = optionFigures(option('2027-Q2', { itemId: 'sso', effortEm: 8 }), ctx());
    expect(f.slips).toEqual([
      { id: 'theme', title: 'Dark theme', from: '2027-Q2', to: '2027-Q4' },
      { id: 'audit', title: 'Audit log', from: '2027-Q2', to: '2027-Q3' },
    ]);
    // slipping = theme 8,700,000 + audit 20,000,000 = 28,700,000
    expect(f.slipping).toBe(28_700_000);
  });

  it('moves an item later: its own demand is slipping, and what no longer fits its new quarter slips too', () => {
    // sso to 2028-Q1: 6 ≤ 12, nothing else moves; slipping = sso's own 80,000,000
    const later = optionFigures(option('2028-Q1', { itemId: 'sso', effortEm: 6 }), ctx());
    expect(later.move).toBe('later');
    expect(later.slips).toEqual([]);
    expect([later.gained, later.slipping]).toEqual([0, 80_000_000]);
    // audit (at 5 EM) to 2027-Q3: api 8 + 5 = 13 > 12 → api to 2027-Q4: sso 6 + api 8 = 14 > 12 → the one with
    // less demand (api 15,000,000 < sso 80,000,000) moves on to 2028-Q1. slipping = audit 20,000,000 + api 15,000,000
    const crowded = optionFigures(option('2027-Q3', { itemId: 'audit', effortEm: 5 }), ctx());
    expect(crowded.slips).toEqual([{ id: 'api', title: 'Public API', from: '2027-Q3', to: '2028-Q1' }]);
    expect(crowded.slipping).toBe(35_000_000);
  });

  it('places new work in its quarter with its effort, and slips what no longer fits', () => {
    // "Rebuild billing", 5 EM in 2027-Q3: api 8 + 5 = 13 > 12 → api (the only movable item) to 2027-Q4;
    // 2027-Q4: sso 6 + api 8 = 14 > 12 → api (15,000,000 < 80,000,000) on to 2028-Q1.
    const f = optionFigures(option('2027-Q3', { name: 'Rebuild billing', effortEm: 5 }), ctx());
    expect(f.move).toBe('new');
    expect(f.item).toBeNull();
    expect(f.slips).toEqual([{ id: 'api', title: 'Public API', from: '2027-Q3', to: '2028-Q1' }]);
    expect([f.gained, f.slipping]).toEqual([0, 15_000_000]);
    expect(f.customers).toEqual([{ accountId: 'A', name: 'Alpha', bucket: 1, health: 82, relation: 'waits', items: ['Public API'] }]);
  });

  it('takes no engineering with effort 0: nothing is placed and nothing slips, even in a full quarter', () => {
    const none = optionFigures(option('2027-Q2', { effortEm: 0 }), ctx());
    expect(none.move).toBe('none');
    expect(none.slips).toEqual([]);
    // An item kept where it is at 0 EM frees its quarter: still nothing slips.
    const zero = optionFigures(option('2027-Q2', { itemId: 'audit', effortEm: 0 }), ctx());
    expect(zero.move).toBe('keep');
    expect(zero.slips).toEqual([]);
    expect(zero.effortEm).toBe(0);
  });

  it('keeps an item with more effort: the quarter may end up over capacity with nothing movable', () => {
    // sso at 14 EM in 2027-Q4 (capacity 12), alone there and never moved itself: over by 14 − 12 = 2 EM
    const f = optionFigures(option('2027-Q4', { itemId: 'sso', effortEm: 14 }), ctx());
    expect(f.move).toBe('keep');
    expect(f.slips).toEqual([]);
    expect(f.unresolved).toEqual([{ quarter: '2027-Q4', overEm: 2 }]);
  });

  it('says when the option names an item that no longer exists, and computes nothing for it', () => {
    const f = optionFigures(option('2027-Q2', { itemId: 'gone', effortEm: 5 }), ctx());
    expect(f.itemMissing).toBe(true);
    expect(f.item).toBeNull();
    expect(f.move).toBe('none');
    expect(f.slips).toEqual([]);
    expect([f.gained, f.slipping, f.revenueAtStake]).toEqual([0, 0, 0]);
    expect(f.customers).toEqual([]);
  });
});

describe('optionFigures: revenue at stake and customers', () => {
  it('adds the demand gained, the demand slipping and the quote’s price', () => {
    // gained = sso 80,000,000 (Beta counted once, at important); slipping = theme 8,700,000;
    // quote price 21,780,000 → at stake 80,000,000 + 8,700,000 + 21,780,000 = 110,480,000 (€1,104,800.00)
    const f = optionFigures(option('2027-Q2', { itemId: 'sso', effortEm: 6, quoteId: 'qs', otherCost: m(500_000) }), ctx());
    expect(f.gained).toBe(80_000_000);
    expect(f.slipping).toBe(8_700_000);
    expect(f.quote).toEqual({ id: 'qs', name: 'Hire early', status: 'sent', price: 21_780_000, cost: 17_424_000 });
    expect(f.revenueAtStake).toBe(110_480_000);
    // cost = quote cost 17,424,000 + other 500,000 = 17,924,000 (no fair exit)
    expect(f.cost).toEqual({ quote: 17_424_000, exit: null, other: 500_000, total: 17_924_000 });
    expect(f.missingRates).toEqual([]);
  });

  it('names the customers who gain and those who wait, with bucket and health, the ones who wait first', () => {
    const f = optionFigures(option('2027-Q2', { itemId: 'sso', effortEm: 6 }), ctx());
    expect(f.customers).toEqual([
      { accountId: 'C', name: 'Gamma', bucket: 4, health: null, relation: 'waits', items: ['Dark theme'] },
      { accountId: 'A', name: 'Alpha', bucket: 1, health: 82, relation: 'gains', items: ['SSO via SAML'] },
      { accountId: 'B', name: 'Beta', bucket: 2, health: null, relation: 'gains', items: ['SSO via SAML'] },
    ]);
  });

  it('lists an account that gains one item and waits for another once, as waiting, with both items', () => {
    // sso at 8 EM: Beta gains SSO and waits for the Audit log
    const f = optionFigures(option('2027-Q2', { itemId: 'sso', effortEm: 8 }), ctx());
    expect(f.customers.map((c) => [c.name, c.relation, c.items])).toEqual([
      ['Beta', 'waits', ['SSO via SAML', 'Audit log']],
      ['Gamma', 'waits', ['Dark theme']],
      ['Alpha', 'gains', ['SSO via SAML']],
    ]);
  });

  it('counts a quote’s price even when the option moves nothing, and says when the quote is gone', () => {
    const priced = optionFigures(option('2027-Q2', { quoteId: 'qs' }), ctx());
    expect(priced.revenueAtStake).toBe(21_780_000);
    const gone = optionFigures(option('2027-Q2', { quoteId: 'nope' }), ctx());
    expect(gone.quote).toBeNull();
    expect(gone.quoteMissing).toBe(true);
    expect(gone.revenueAtStake).toBe(0);
  });

  it('converts a quote in another currency at the set rate', () => {
    // The same quote in SEK: price 21,780,000 öre × 0.087 = 1,894,860 cents; cost 17,424,000 × 0.087 = 1,515,888
    const d = roadmap({ quotes: [hireEarly({ currency: 'SEK' })] });
    const f = optionFigures(option('2027-Q2', { quoteId: 'qs' }), ctx({ roadmap: d }));
    expect(f.quote?.price).toBe(1_894_860);
    expect(f.quote?.cost).toBe(1_515_888);
    expect(f.missingRates).toEqual([]);
  });

  it('leaves out amounts without an exchange rate and names their currencies in missingRates', () => {
    // Nord (500,000.00 NOK, no rate) asks for the Dark theme: its ARR is not counted, theme stays 8,700,000;
    // the quote is in USD (no rate): no price, no cost.
    const d = roadmap({
      quotes: [hireEarly({ currency: 'USD' })],
      requests: [...roadmap().requests, request('r7', 'theme', 'N', 'important')],
      accounts: new Map([...roadmap().accounts, demandAccount('N', 'Nord', 50_000_000, 'NOK', 3)]),
    });
    const f = optionFigures(option('2027-Q2', { itemId: 'sso', effortEm: 6, quoteId: 'qs', otherCost: m(100) }), ctx({ roadmap: d }));
    expect(f.slipping).toBe(8_700_000);
    expect(f.quote).toMatchObject({ price: null, cost: null });
    // at stake = 80,000,000 + 8,700,000 (no price); cost = 0 + 100 (no quote cost)
    expect(f.revenueAtStake).toBe(88_700_000);
    expect(f.cost).toEqual({ quote: null, exit: null, other: 100, total: 100 });
    expect(f.missingRates).toEqual(['NOK', 'USD']);
  });
  // Was a bug (fixed): the item's own missing rates are named for every move, also 'keep', where neither gained nor
  // slipping counts the item's demand — so a keep option says amounts were left out when none were.
  it('names no missing rate for a kept item whose requester has no rate, since none of its figures counts that demand', () => {
    const d = roadmap({
      requests: [...roadmap().requests, request('r7', 'sso', 'N', 'important')],
      accounts: new Map([...roadmap().accounts, demandAccount('N', 'Nord', 50_000_000, 'NOK', 3)]),
    });
    const f = optionFigures(option('2027-Q4', { itemId: 'sso', effortEm: 6 }), ctx({ roadmap: d }));
    expect([f.gained, f.slipping]).toEqual([0, 0]);
    expect(f.missingRates).toEqual([]);
  });
});

describe('optionFigures: a fair exit', () => {
  it('carries the exit’s cost into the option and names the account as leaving', () => {
    // refund €20,000 + (40 + 80) h × €150 = €38,000 once; Delta destroys €120,000 a year → pays back in 3.8 months
    const f = optionFigures(option('2027-Q2', { exitAccountId: 'D', otherCost: m(50_000) }), ctx());
    expect(f.exit).toMatchObject({ accountName: 'Delta Mills', cost: 3_800_000, savingPerYear: 12_000_000, paybackMonths: 3.8 });
    // cost = exit 3,800,000 + other 50,000 = 3,850,000
    expect(f.cost).toEqual({ quote: null, exit: 3_800_000, other: 50_000, total: 3_850_000 });
    expect(f.customers).toEqual([{ accountId: 'D', name: 'Delta Mills', bucket: 4, health: null, relation: 'leaves', items: [] }]);
    expect(f.revenueAtStake).toBe(0);
  });

  it('converts an exit in another currency, and names one it cannot convert', () => {
    // Svea Verk (SEK): refund 50,000.00 SEK + 10 h × 1,000.00 SEK = 5,000,000 + 1,000,000 = 6,000,000 öre → × 0.087 = 522,000 cents
    const sek = fairExit('S', { currency: 'SEK', refund: m(5_000_000), exportHours: 10, migrationHours: 0, hourlyRate: m(100_000) });
    const s = optionFigures(option('2027-Q2', { exitAccountId: 'S' }), ctx({ exits: [sek] }));
    expect(s.exit?.cost).toBe(6_000_000);
    expect(s.exit?.currency).toBe('SEK');
    expect(s.cost.exit).toBe(522_000);
    // Glen Ltd (GBP, no rate): the exit's own figures stand, the memo's cost leaves it out and says why
    const gbp = fairExit('G', { currency: 'GBP', refund: m(100_000), exportHours: 0, migrationHours: 0 });
    const g = optionFigures(option('2027-Q2', { exitAccountId: 'G', otherCost: m(7) }), ctx({ exits: [gbp] }));
    expect(g.exit?.cost).toBe(100_000);
    expect(g.cost).toEqual({ quote: null, exit: null, other: 7, total: 7 });
    expect(g.missingRates).toEqual(['GBP']);
  });

  it('uses only this memo’s exit for the account', () => {
    const other = { ...fairExit('D'), id: 'm2:D', memoId: 'm2' };
    const f = optionFigures(option('2027-Q2', { exitAccountId: 'D' }), ctx({ exits: [other] }));
    expect(f.exit).toBeNull();
    expect(f.cost.exit).toBeNull();
  });
});

describe('freezeFigures and changesSince', () => {
  const keep = option('2027-Q4', { name: 'Keep the plan', itemId: 'sso', effortEm: 6 });
  const pull = option('2027-Q2', { name: 'Pull SSO into Q2', itemId: 'sso', effortEm: 6, quoteId: 'qs' });
  const letGo = option('2027-Q2', { name: 'Let Delta go', exitAccountId: 'D' });
  const live = (c: MemoContext = ctx()) => [keep, pull, letGo].map((o) => figures(o, c));

  it('records each option’s figures and the fair exit’s cost and saving', () => {
    const frozen = freezeFigures('EUR', live());
    expect(frozen).toEqual({
      currency: 'EUR',
      options: [
        {
          id: 'Keep the plan',
          name: 'Keep the plan',
          effortEm: 6,
          quarter: '2027-Q4',
          slips: [],
          gained: 0,
          slipping: 0,
          quotePrice: 0,
          cost: 0,
          customers: 0,
        },
        {
          id: 'Pull SSO into Q2',
          name: 'Pull SSO into Q2',
          effortEm: 6,
          quarter: '2027-Q2',
          slips: [{ title: 'Dark theme', from: '2027-Q2', to: '2027-Q3' }],
          gained: 80_000_000,
          slipping: 8_700_000,
          quotePrice: 21_780_000,
          cost: 17_424_000,
          customers: 3,
        },
        {
          id: 'Let Delta go',
          name: 'Let Delta go',
          effortEm: 0,
          quarter: '2027-Q2',
          slips: [],
          gained: 0,
          slipping: 0,
          quotePrice: 0,
          cost: 3_800_000,
          customers: 1,
        },
      ],
      exit: { currency: 'EUR', cost: 3_800_000, savingPerYear: 12_000_000 },
    });
    expect(frozenFiguresSchema.safeParse(frozen).success).toBe(true);
  });

  it('records no saving when the exit account has no cost to serve', () => {
    const bare = new Map([exitAccount('D', { name: 'Delta Mills', currency: 'EUR', arr: m(8_000_000), bucket: 4 })]);
    expect(freezeFigures('EUR', live(ctx({ accounts: bare }))).exit).toEqual({ currency: 'EUR', cost: 3_800_000, savingPerYear: null });
  });

  it('shows nothing changed while the figures are the ones decided on', () => {
    expect(changesSince(freezeFigures('EUR', live()), live(), 'EUR')).toEqual([]);
  });

  it('shows a quote repriced after the decision, with then and now', () => {
    const frozen = freezeFigures('EUR', live());
    // €15,000.00 a month instead of €12,000.00: staffing 1,500,000 × 6 × 2 = 18,000,000; PM/QA 10 % → 19,800,000;
    // contingency 10 % → cost 21,780,000; price = 21,780,000 ÷ 0.8 = 27,225,000
    const repriced = ctx({ roadmap: roadmap({ quotes: [hireEarly({ monthlyCost: m(1_500_000) })] }) });
    expect(changesSince(frozen, live(repriced), 'EUR')).toEqual([
      { optionId: 'Pull SSO into Q2', optionName: 'Pull SSO into Q2', figure: 'quotePrice', then: 21_780_000, now: 27_225_000 },
      { optionId: 'Pull SSO into Q2', optionName: 'Pull SSO into Q2', figure: 'cost', then: 17_424_000, now: 21_780_000 },
    ]);
  });

  it('shows what no longer slips when capacity grows, and the customers it no longer touches', () => {
    const frozen = freezeFigures('EUR', live());
    // 2027-Q2 at 13 EM: audit 4 + theme 3 + sso 6 = 13 ≤ 13, nothing slips; Gamma no longer waits (3 → 2 customers)
    const roomier = ctx({ roadmap: roadmap({ capacity: new Map([[q('2027-Q2'), 13]]) }) });
    expect(changesSince(frozen, live(roomier), 'EUR')).toEqual([
      { optionId: 'Pull SSO into Q2', optionName: 'Pull SSO into Q2', figure: 'slipping', then: 8_700_000, now: 0 },
      { optionId: 'Pull SSO into Q2', optionName: 'Pull SSO into Q2', figure: 'customers', then: 3, now: 2 },
      { optionId: 'Pull SSO into Q2', optionName: 'Pull SSO into Q2', figure: 'slips', then: 'Dark theme 2027-Q2–2027-Q3', now: '' },
    ]);
  });

  it('shows an option whose row is gone as removed, and a changed reporting currency as one change', () => {
    const frozen = freezeFigures('EUR', live());
    expect(changesSince(frozen, live().slice(0, 2), 'EUR')).toEqual([
      { optionId: 'Let Delta go', optionName: 'Let Delta go', figure: 'removed', then: 'Let Delta go', now: '' },
    ]);
    expect(changesSince(frozen, live(), 'SEK')).toEqual([{ optionId: '', optionName: '', figure: 'currency', then: 'EUR', now: 'SEK' }]);
  });

  it('shows a fair exit’s cost that changed through the option carrying it', () => {
    const frozen = freezeFigures('EUR', live());
    // refund €30,000 instead of €20,000: cost 3,000,000 + 1,800,000 = 4,800,000
    const dearer = ctx({ exits: [fairExit('D', { refund: m(3_000_000) })] });
    expect(changesSince(frozen, live(dearer), 'EUR')).toEqual([
      { optionId: 'Let Delta go', optionName: 'Let Delta go', figure: 'cost', then: 3_800_000, now: 4_800_000 },
    ]);
  });

  // Was a bug (fixed): changesSince never compared frozen.exit, so a changed saving a year — the account's cost to
  // serve edited after the decision — goes unreported although the memo recorded "saves €120,000 a year".
  it('shows a fair exit’s saving a year that changed since the decision', () => {
    const frozen = freezeFigures('EUR', live());
    // Delta's cost to serve drops to 1,000 h × €100 = €100,000: profit −€20,000, saving €20,000 instead of €120,000
    const cheaper = new Map([
      exitAccount('D', { name: 'Delta Mills', currency: 'EUR', arr: m(8_000_000), supportHours: 1000, supportRate: m(10_000), bucket: 4 }),
    ]);
    expect(changesSince(frozen, live(ctx({ accounts: cheaper })), 'EUR')).not.toEqual([]);
  });
});

describe('properties over random roadmaps', () => {
  const QUARTERS = Array.from({ length: 8 }, (_, k) => addQuarters(q('2027-Q1'), k));
  const quarterArb = fc.integer({ min: 0, max: QUARTERS.length - 1 }).map((k) => QUARTERS[k] as Quarter);
  const accountIds = ['A', 'B', 'C', 'N'];
  const randomCase = fc.record({
    items: fc.array(
      fc.record({
        quarter: quarterArb,
        tenths: fc.integer({ min: 1, max: 120 }),
        status: fc.constantFrom(...ITEM_STATUSES),
        onStrategy: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    capacity: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 8, maxLength: 8 }),
    requests: fc.array(
      fc.record({ item: fc.nat(), account: fc.constantFrom(...accountIds), importance: fc.constantFrom(...IMPORTANCES) }),
      { maxLength: 12 },
    ),
    options: fc.array(
      fc.record({
        item: fc.integer({ min: -2, max: 10 }),
        quarter: quarterArb,
        tenths: fc.integer({ min: 0, max: 150 }),
        quote: fc.boolean(),
        exit: fc.boolean(),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  });

  type Case = typeof randomCase extends fc.Arbitrary<infer T> ? T : never;
  function build(c: Case) {
    const items = c.items.map((i, k) =>
      item(`i${k}`, `Item ${k}`, i.quarter, i.tenths / 10, { status: i.status, onStrategy: i.onStrategy }),
    );
    const d = roadmap({
      items,
      requests: items.length === 0 ? [] : c.requests.map((r, k) => request(`r${k}`, `i${r.item % items.length}`, r.account, r.importance)),
      quotes: items.length === 0 ? [] : [hireEarly({ itemId: 'i0', fromQuarter: items[0]!.plannedQuarter })],
      capacity: new Map(QUARTERS.map((qq, k) => [qq, (c.capacity[k] ?? 0) / 10])),
      accounts: new Map([...roadmap().accounts, demandAccount('N', 'Nord', 50_000_000, 'NOK', 3)]),
    });
    const options = c.options.map((o, k) =>
      option(o.quarter, {
        name: `Option ${k}`,
        itemId: o.item === -1 ? null : o.item === -2 ? 'gone' : `i${o.item}`,
        effortEm: o.tenths / 10,
        quoteId: o.quote ? 'qs' : null,
        exitAccountId: o.exit ? 'D' : null,
      }),
    );
    return { d, options };
  }

  it('finds nothing changed right after freezing, and freezes figures the memo schema accepts', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const { d, options } = build(c);
        const live = options.map((o) => figures(o, ctx({ roadmap: d })));
        const frozen = freezeFigures('EUR', live);
        expect(frozenFiguresSchema.safeParse(frozen).success).toBe(true);
        expect(changesSince(frozen, live, 'EUR')).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('slips only other items, always later, and adds revenue at stake from its parts', () => {
    fc.assert(
      fc.property(randomCase, (c) => {
        const { d, options } = build(c);
        for (const o of options) {
          const f = optionFigures(o, ctx({ roadmap: d }));
          for (const s of f.slips) {
            expect(s.id).not.toBe(o.itemId);
            expect(quarterIndex(s.to)).toBeGreaterThan(quarterIndex(s.from));
          }
          expect(f.revenueAtStake).toBe(f.gained + f.slipping + (f.quote?.price ?? 0));
          expect(f.cost.total).toBe((f.cost.quote ?? 0) + (f.cost.exit ?? 0) + f.cost.other);
          expect(f.gained).toBeGreaterThanOrEqual(0);
          expect(f.slipping).toBeGreaterThanOrEqual(0);
          if (f.move === 'keep' && f.item && o.effortEm === d.items.find((i) => i.id === f.item?.id)?.effortEm) expect(f.slips).toEqual([]);
          if (f.move !== 'earlier') expect(f.gained).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
