import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addedCapacity,
  evaluateQuote,
  funderWeights,
  monthsPulledForward,
  priceQuote,
  quoteSchema,
  quoteFits,
  quoteShares,
  sharesTotalBp,
  splitTotal,
  type CalcLine,
  type OtherQuote,
  type QuoteContext,
  type QuoteFields,
  type QuoteFunderFacts,
  type StaffingMode,
} from './acceleration';
import { asBp, asMinor, type Minor } from './money';
import { addQuarters, asQuarter, quarterFromIndex } from './quarter';

const m = asMinor;
const q = asQuarter;

/** "Hire early" for SSO: 2027-Q4 → 2027-Q2, 2 engineers at €12,000.00 a month, equal split between Alpha and Beta. */
const quote = (patch: Partial<QuoteFields> = {}): QuoteFields => ({
  itemId: 'item-sso',
  name: 'Hire early',
  status: 'draft',
  currency: 'EUR',
  fromQuarter: q('2027-Q4'),
  effortEm: 6,
  targetQuarter: q('2027-Q2'),
  staffing: 'hire',
  monthlyCost: m(1_200_000),
  engineers: 2,
  hourlyRate: m(9_500),
  hoursPerMonth: 160,
  rampUpBp: asBp(1500),
  pmQaBp: asBp(1000),
  contingencyBp: asBp(1500),
  marginBp: asBp(2000),
  split: 'equal',
  funders: [
    { accountId: 'A', shareBp: 0 },
    { accountId: 'B', shareBp: 0 },
  ],
  waived: false,
  terms: '',
  ...patch,
});

const facts = (id: string, name: string, bucket: number, arr: number | null): [string, QuoteFunderFacts] => [id, { id, name, bucket, arr: arr === null ? null : m(arr) }];
const FUNDERS = new Map<string, QuoteFunderFacts>([
  facts('A', 'Alpha', 1, 100_000_000), // ARR €1,000,000.00
  facts('B', 'Beta', 2, 60_000_000), //   ARR €600,000.00
  facts('C', 'Gamma', 3, 40_000_000), //  ARR €400,000.00
  facts('D', 'Delta', 4, 20_000_000),
  facts('E', 'Echo', 4, 10_000_000),
  facts('N', 'Nordic', 1, null), // ARR in a currency without a rate
  facts('Z', 'Zero', 2, 0),
]);

const context = (patch: Partial<QuoteContext> = {}): QuoteContext => ({
  item: { title: 'SSO via SAML', onStrategy: true, plannedQuarter: q('2027-Q4') },
  funders: FUNDERS,
  others: [],
  targetLoadEm: 0,
  targetCapacityEm: 40,
  maxFundingShareBp: 3000,
  ...patch,
});

const other = (patch: Omit<Partial<OtherQuote>, 'shares'> & { shares: Record<string, number> }): OtherQuote => ({
  id: 'o',
  itemTitle: 'Audit log',
  status: 'accepted',
  targetQuarter: q('2027-Q2'),
  effortEm: 2,
  price: m(1_000_000),
  ...patch,
  shares: new Map(Object.entries(patch.shares)),
});

const amounts = (lines: readonly CalcLine[]) => Object.fromEntries(lines.map((l) => [l.key, l.amount]));
const keys = (lines: readonly CalcLine[]) => lines.map((l) => l.key);
const partsOf = (split: ReturnType<typeof splitTotal>) => split?.parts.map((p) => [p.accountId, p.amount, p.absorbsRemainder]);

describe('monthsPulledForward', () => {
  it('counts 3 months per quarter moved earlier, 0 when not earlier', () => {
    expect(monthsPulledForward(q('2027-Q4'), q('2027-Q2'))).toBe(6);
    expect(monthsPulledForward(q('2027-Q1'), q('2026-Q4'))).toBe(3);
    expect(monthsPulledForward(q('2028-Q1'), q('2026-Q4'))).toBe(15);
    expect(monthsPulledForward(q('2027-Q4'), q('2027-Q4'))).toBe(0);
    expect(monthsPulledForward(q('2027-Q2'), q('2027-Q4'))).toBe(0);
  });
});

describe('addedCapacity', () => {
  it('is engineers × 3 when hiring, the whole effort with contractors', () => {
    expect(addedCapacity({ staffing: 'hire', engineers: 2, effortEm: 4.5 })).toBe(6);
    expect(addedCapacity({ staffing: 'contractors', engineers: 2, effortEm: 4.5 })).toBe(4.5);
  });
});

describe('priceQuote / evaluateQuote, hand-computed', () => {
  it('(a) hire early, 2 quarters, split equally between two funders', () => {
    const ev = evaluateQuote(quote(), context());
    // months      = (2027-Q4 − 2027-Q2) = 2 quarters × 3            = 6
    // staffing    = €12,000.00 × 6 months × 2 engineers = 1 200 000 × 6 × 2 = 14 400 000
    // PM/QA       = 14 400 000 × 10 %                                 =  1 440 000
    // subtotal    = 14 400 000 + 1 440 000                            = 15 840 000
    // contingency = 15 840 000 × 15 %                                 =  2 376 000
    // cost        = 15 840 000 + 2 376 000                            = 18 216 000 (€182,160.00)
    // price       = 18 216 000 ÷ (1 − 20 %) = 18 216 000 × 10 000 ÷ 8 000 = 22 770 000 (€227,700.00)
    // margin      = 22 770 000 − 18 216 000                           =  4 554 000
    // split       = 22 770 000 ÷ 2 = 11 385 000 each, nothing left over
    expect(keys(ev.price.lines)).toEqual(['staffing', 'pmQa', 'subtotal', 'contingency', 'cost', 'margin', 'price']);
    expect(amounts(ev.price.lines)).toEqual({
      staffing: 14_400_000,
      pmQa: 1_440_000,
      subtotal: 15_840_000,
      contingency: 2_376_000,
      cost: 18_216_000,
      margin: 4_554_000,
      price: 22_770_000,
    });
    expect(ev.price.lines[0]!.params).toEqual({ mode: 'hire', monthlyCost: 1_200_000, months: 6, engineers: 2 });
    expect(ev.price.lines.find((l) => l.key === 'contingency')!.params).toEqual({ bp: 1500, base: 15_840_000 });
    expect(ev.price.cost).toBe(18_216_000);
    expect(ev.price.price).toBe(22_770_000);
    expect(ev.price.margin).toBe(4_554_000);
    expect(ev.price.months).toBe(6);
    expect(ev.price.hours).toBe(0);
    expect(ev.split).toEqual({
      parts: [
        { accountId: 'A', amount: 11_385_000, share: 0.5, absorbsRemainder: false },
        { accountId: 'B', amount: 11_385_000, share: 0.5, absorbsRemainder: false },
      ],
      remainder: 0,
    });
    expect(ev.guardrails).toEqual([]);
    expect(ev.blocked).toBe(false);
    expect(ev.addedCapacityEm).toBe(6);
  });

  it('(b) three funders by ARR share; the largest absorbs the remainder', () => {
    const ev = evaluateQuote(
      quote({
        fromQuarter: q('2027-Q3'),
        targetQuarter: q('2027-Q2'),
        effortEm: 3,
        monthlyCost: m(1_111_111),
        engineers: 1,
        contingencyBp: asBp(1000),
        marginBp: asBp(3000),
        split: 'arr',
        funders: [
          { accountId: 'A', shareBp: 0 },
          { accountId: 'B', shareBp: 0 },
          { accountId: 'C', shareBp: 0 },
        ],
      }),
      context(),
    );
    // months      = 1 quarter × 3                                      = 3
    // staffing    = 1 111 111 × 3 months × 1 engineer                  = 3 333 333
    // PM/QA       = 3 333 333 × 10 % = 333 333.3 → 333 333
    // subtotal    = 3 333 333 + 333 333                                = 3 666 666
    // contingency = 3 666 666 × 10 % = 366 666.6 → 366 667
    // cost        = 3 666 666 + 366 667                                = 4 033 333
    // price       = 4 033 333 × 10 000 ÷ 7 000 = 5 761 904.28… → 5 761 904
    // margin      = 5 761 904 − 4 033 333                              = 1 728 571
    // weights: ARR 100 000 000 / 60 000 000 / 40 000 000, Σ 200 000 000 → shares 0.5 / 0.3 / 0.2
    //   Alpha ⌊5 761 904 × 0.5⌋ = 2 880 952
    //   Beta  ⌊5 761 904 × 0.3⌋ = ⌊1 728 571.2⌋ = 1 728 571
    //   Gamma ⌊5 761 904 × 0.2⌋ = ⌊1 152 380.8⌋ = 1 152 380
    //   Σ = 5 761 903, remainder 1 → Alpha (largest weight) = 2 880 953
    expect(amounts(ev.price.lines)).toEqual({
      staffing: 3_333_333,
      pmQa: 333_333,
      subtotal: 3_666_666,
      contingency: 366_667,
      cost: 4_033_333,
      margin: 1_728_571,
      price: 5_761_904,
    });
    expect([ev.price.cost, ev.price.price, ev.price.margin]).toEqual([4_033_333, 5_761_904, 1_728_571]);
    expect(ev.split).toEqual({
      parts: [
        { accountId: 'A', amount: 2_880_953, share: 0.5, absorbsRemainder: true },
        { accountId: 'B', amount: 1_728_571, share: 0.3, absorbsRemainder: false },
        { accountId: 'C', amount: 1_152_380, share: 0.2, absorbsRemainder: false },
      ],
      remainder: 1,
    });
    expect(2_880_953 + 1_728_571 + 1_152_380).toBe(5_761_904);
    expect(ev.guardrails).toEqual([]);
  });

  it('(c) contractors with ramp-up overhead, 4.5 EM × 160 h', () => {
    const ev = evaluateQuote(
      quote({
        name: 'Contractors',
        staffing: 'contractors',
        fromQuarter: q('2027-Q4'),
        targetQuarter: q('2027-Q3'),
        effortEm: 4.5,
        hourlyRate: m(9_500),
        hoursPerMonth: 160,
        rampUpBp: asBp(1500),
        pmQaBp: asBp(1000),
        contingencyBp: asBp(1000),
        marginBp: asBp(2500),
      }),
      context(),
    );
    // hours       = 4.5 EM × 160 h                                     = 720 h
    // staffing    = €95.00 × 720 h = 9 500 × 720                       = 6 840 000
    // ramp-up     = 6 840 000 × 15 %                                   = 1 026 000
    // PM/QA       = (6 840 000 + 1 026 000) × 10 % = 7 866 000 × 10 %  =   786 600
    // subtotal    = 7 866 000 + 786 600                                = 8 652 600
    // contingency = 8 652 600 × 10 %                                   =   865 260
    // cost        = 8 652 600 + 865 260                                = 9 517 860 (€95,178.60)
    // price       = 9 517 860 × 10 000 ÷ 7 500                         = 12 690 480 (€126,904.80)
    // margin      = 12 690 480 − 9 517 860                             = 3 172 620
    // split       = 12 690 480 ÷ 2 = 6 345 240 each
    expect(keys(ev.price.lines)).toEqual(['staffing', 'rampUp', 'pmQa', 'subtotal', 'contingency', 'cost', 'margin', 'price']);
    expect(amounts(ev.price.lines)).toEqual({
      staffing: 6_840_000,
      rampUp: 1_026_000,
      pmQa: 786_600,
      subtotal: 8_652_600,
      contingency: 865_260,
      cost: 9_517_860,
      margin: 3_172_620,
      price: 12_690_480,
    });
    expect(ev.price.lines[0]!.params).toEqual({ mode: 'contractors', hourlyRate: 9_500, hours: 720, effortEm: 4.5, hoursPerMonth: 160 });
    expect(ev.price.lines[1]!.params).toEqual({ bp: 1500, base: 6_840_000 });
    expect(ev.price.lines[2]!.params).toEqual({ bp: 1000, base: 7_866_000 });
    expect([ev.price.cost, ev.price.price, ev.price.margin, ev.price.hours, ev.price.months]).toEqual([9_517_860, 12_690_480, 3_172_620, 720, 3]);
    expect(partsOf(ev.split)).toEqual([
      ['A', 6_345_240, false],
      ['B', 6_345_240, false],
    ]);
    expect(ev.addedCapacityEm).toBe(4.5);
    expect(ev.guardrails).toEqual([]);
  });

  it('(d) rounds half a minor unit away from zero, in percentOf and in the margin division', () => {
    const ev = evaluateQuote(
      quote({
        fromQuarter: q('2027-Q3'),
        targetQuarter: q('2027-Q2'),
        effortEm: 3,
        monthlyCost: m(1_000_005),
        engineers: 1,
        pmQaBp: asBp(1000),
        contingencyBp: asBp(500),
        marginBp: asBp(2000),
      }),
      context(),
    );
    // staffing    = 1 000 005 × 3 months × 1 engineer                  = 3 000 015
    // PM/QA       = 3 000 015 × 10 % = 300 001.5 → 300 002   (exactly half: away from zero, not to even)
    // subtotal    = 3 000 015 + 300 002                                = 3 300 017
    // contingency = 3 300 017 × 5 % = 165 000.85 → 165 001
    // cost        = 3 300 017 + 165 001                                = 3 465 018
    // price       = 3 465 018 × 10 000 ÷ 8 000 = 4 331 272.5 → 4 331 273   (exactly half again)
    // margin      = 4 331 273 − 3 465 018                              =   866 255
    // split equal = 4 331 273 ÷ 2 = 2 165 636.5 → ⌊⌋ 2 165 636 each, remainder 1
    //               → equal weights: the first listed (Alpha) carries it = 2 165 637
    expect(amounts(ev.price.lines)).toEqual({
      staffing: 3_000_015,
      pmQa: 300_002,
      subtotal: 3_300_017,
      contingency: 165_001,
      cost: 3_465_018,
      margin: 866_255,
      price: 4_331_273,
    });
    expect([ev.price.cost, ev.price.price, ev.price.margin]).toEqual([3_465_018, 4_331_273, 866_255]);
    expect(ev.split).toEqual({
      parts: [
        { accountId: 'A', amount: 2_165_637, share: 0.5, absorbsRemainder: true },
        { accountId: 'B', amount: 2_165_636, share: 0.5, absorbsRemainder: false },
      ],
      remainder: 1,
    });
  });

  it('(e) custom shares 50/30/20 %, and the same price split equally across 3 funders', () => {
    const base = quote({
      staffing: 'contractors',
      fromQuarter: q('2028-Q1'),
      targetQuarter: q('2027-Q3'),
      effortEm: 1.5,
      hourlyRate: m(12_345),
      hoursPerMonth: 150,
      rampUpBp: asBp(1000),
      pmQaBp: asBp(1000),
      contingencyBp: asBp(1000),
      marginBp: asBp(1500),
      split: 'custom',
      funders: [
        { accountId: 'A', shareBp: 5000 },
        { accountId: 'B', shareBp: 3000 },
        { accountId: 'C', shareBp: 2000 },
      ],
    });
    const custom = evaluateQuote(base, context());
    // hours       = 1.5 EM × 150 h                                     = 225 h
    // staffing    = €123.45 × 225 h = 12 345 × 225                     = 2 777 625
    // ramp-up     = 2 777 625 × 10 % = 277 762.5 → 277 763
    // PM/QA       = (2 777 625 + 277 763) × 10 % = 3 055 388 × 10 % = 305 538.8 → 305 539
    // subtotal    = 3 055 388 + 305 539                                = 3 360 927
    // contingency = 3 360 927 × 10 % = 336 092.7 → 336 093
    // cost        = 3 360 927 + 336 093                                = 3 697 020
    // price       = 3 697 020 × 10 000 ÷ 8 500 = 4 349 435.29… → 4 349 435
    // margin      = 4 349 435 − 3 697 020                              =   652 415
    expect(amounts(custom.price.lines)).toEqual({
      staffing: 2_777_625,
      rampUp: 277_763,
      pmQa: 305_539,
      subtotal: 3_360_927,
      contingency: 336_093,
      cost: 3_697_020,
      margin: 652_415,
      price: 4_349_435,
    });
    expect([custom.price.cost, custom.price.price, custom.price.margin, custom.price.hours, custom.price.months]).toEqual([3_697_020, 4_349_435, 652_415, 225, 6]);
    // custom 5 000 / 3 000 / 2 000 bp (Σ 10 000):
    //   Alpha ⌊4 349 435 × 5 000 ÷ 10 000⌋ = ⌊2 174 717.5⌋ = 2 174 717
    //   Beta  ⌊4 349 435 × 3 000 ÷ 10 000⌋ = ⌊1 304 830.5⌋ = 1 304 830
    //   Gamma  4 349 435 × 2 000 ÷ 10 000  =    869 887
    //   Σ = 4 349 434, remainder 1 → Alpha (5 000 bp, the largest) = 2 174 718
    expect(custom.split).toEqual({
      parts: [
        { accountId: 'A', amount: 2_174_718, share: 0.5, absorbsRemainder: true },
        { accountId: 'B', amount: 1_304_830, share: 0.3, absorbsRemainder: false },
        { accountId: 'C', amount: 869_887, share: 0.2, absorbsRemainder: false },
      ],
      remainder: 1,
    });
    // equal thirds: ⌊4 349 435 ÷ 3⌋ = ⌊1 449 811.67⌋ = 1 449 811 each, Σ 4 349 433, remainder 2
    //   → equal weights: the first listed (Alpha) carries both: 1 449 813
    const equal = evaluateQuote({ ...base, split: 'equal' }, context());
    expect(equal.price.price).toBe(4_349_435);
    expect(equal.split).toEqual({
      parts: [
        { accountId: 'A', amount: 1_449_813, share: 1 / 3, absorbsRemainder: true },
        { accountId: 'B', amount: 1_449_811, share: 1 / 3, absorbsRemainder: false },
        { accountId: 'C', amount: 1_449_811, share: 1 / 3, absorbsRemainder: false },
      ],
      remainder: 2,
    });
    expect(1_449_813 + 1_449_811 * 2).toBe(4_349_435);
  });

  it('(f) a waived quote: price 0, margin −cost, a "waived" line', () => {
    const ev = evaluateQuote(
      quote({ fromQuarter: q('2027-Q2'), targetQuarter: q('2027-Q1'), effortEm: 3, monthlyCost: m(900_000), engineers: 1, contingencyBp: asBp(1000), marginBp: asBp(1000), waived: true }),
      context(),
    );
    // staffing    = 900 000 × 3 months × 1 engineer = 2 700 000
    // PM/QA       = 2 700 000 × 10 %                =   270 000
    // subtotal    = 2 700 000 + 270 000             = 2 970 000
    // contingency = 2 970 000 × 10 %                =   297 000
    // cost        = 2 970 000 + 297 000             = 3 267 000
    // would-be price = 3 267 000 × 10 000 ÷ 9 000   = 3 630 000, margin line 3 630 000 − 3 267 000 = 363 000
    // waived      = −3 630 000 → price 0; margin = 0 − 3 267 000 = −3 267 000
    // split       = 0 each, nothing left over
    expect(keys(ev.price.lines)).toEqual(['staffing', 'pmQa', 'subtotal', 'contingency', 'cost', 'margin', 'waived', 'price']);
    expect(amounts(ev.price.lines)).toEqual({
      staffing: 2_700_000,
      pmQa: 270_000,
      subtotal: 2_970_000,
      contingency: 297_000,
      cost: 3_267_000,
      margin: 363_000,
      waived: -3_630_000,
      price: 0,
    });
    expect(ev.price.lines.find((l) => l.key === 'waived')!.params).toEqual({ price: 3_630_000 });
    expect(ev.price.cost).toBe(3_267_000);
    expect(ev.price.price).toBe(0);
    expect(ev.price.margin).toBe(-3_267_000);
    expect(partsOf(ev.split)).toEqual([
      ['A', 0, false],
      ['B', 0, false],
    ]);
    expect(ev.split!.remainder).toBe(0);
  });

  it('(g) margin is a share of the price; a negative margin prices below cost', () => {
    const base = quote({
      staffing: 'contractors',
      effortEm: 1,
      hourlyRate: m(1_000),
      hoursPerMonth: 8,
      rampUpBp: asBp(0),
      pmQaBp: asBp(0),
      contingencyBp: asBp(0),
      funders: [{ accountId: 'C', shareBp: 0 }],
    });
    // staffing = €10.00 × (1 EM × 8 h) = 1 000 × 8 = 8 000 = cost (no overheads)
    // 20 % margin: price = 8 000 × 10 000 ÷ 8 000 = 10 000, margin 2 000 (20 % of the price, not of the cost)
    const p20 = priceQuote(base);
    expect(amounts(p20.lines)).toEqual({ staffing: 8_000, rampUp: 0, pmQa: 0, subtotal: 8_000, contingency: 0, cost: 8_000, margin: 2_000, price: 10_000 });
    expect([p20.cost, p20.price, p20.margin]).toEqual([8_000, 10_000, 2_000]);
    // −25 % margin: price = 8 000 × 10 000 ÷ 12 500 = 6 400, margin 6 400 − 8 000 = −1 600
    const neg = evaluateQuote({ ...base, marginBp: asBp(-2500) }, context());
    expect(amounts(neg.price.lines)).toEqual({ staffing: 8_000, rampUp: 0, pmQa: 0, subtotal: 8_000, contingency: 0, cost: 8_000, margin: -1_600, price: 6_400 });
    expect([neg.price.cost, neg.price.price, neg.price.margin]).toEqual([8_000, 6_400, -1_600]);
    // one funder carries it all
    expect(neg.split).toEqual({ parts: [{ accountId: 'C', amount: 6_400, share: 1, absorbsRemainder: false }], remainder: 0 });
  });

  it('(h) contractors at 165 h: hours carried in tenths stay exact', () => {
    // 4.5 EM × 165 h = 742.5 h; €95.00 × 742.5 h = 9 500 × 7 425 ÷ 10 = 7 053 750
    // no overheads, 0 % margin → cost = price = 7 053 750
    const p = priceQuote(quote({ staffing: 'contractors', effortEm: 4.5, hoursPerMonth: 165, rampUpBp: asBp(0), pmQaBp: asBp(0), contingencyBp: asBp(0), marginBp: asBp(0) }));
    expect(p.hours).toBe(742.5);
    expect(amounts(p.lines)).toEqual({ staffing: 7_053_750, rampUp: 0, pmQa: 0, subtotal: 7_053_750, contingency: 0, cost: 7_053_750, margin: 0, price: 7_053_750 });
  });
});

describe('splitTotal / funderWeights', () => {
  it('gives the remainder to the largest weight, the first listed among equals', () => {
    // weights 1/3/3 (Σ 7) of 10: ⌊10/7⌋ = 1, ⌊30/7⌋ = 4, ⌊30/7⌋ = 4 → Σ 9, remainder 1 → the first 3 (b)
    const s = splitTotal(m(10), [
      { accountId: 'a', weight: 1 },
      { accountId: 'b', weight: 3 },
      { accountId: 'c', weight: 3 },
    ]);
    expect(partsOf(s)).toEqual([
      ['a', 1, false],
      ['b', 5, true],
      ['c', 4, false],
    ]);
    expect(s!.remainder).toBe(1);
    // ARR listed smallest first: 400k / 600k / 1 000k of 101: ⌊20.2⌋ = 20, ⌊30.3⌋ = 30, ⌊50.5⌋ = 50
    //   Σ 100, remainder 1 → the largest ARR (listed last) = 51
    const byArr = splitTotal(m(101), [
      { accountId: 'C', weight: 40_000_000 },
      { accountId: 'B', weight: 60_000_000 },
      { accountId: 'A', weight: 100_000_000 },
    ]);
    expect(partsOf(byArr)).toEqual([
      ['C', 20, false],
      ['B', 30, false],
      ['A', 51, true],
    ]);
  });

  it('lets a zero weight pay nothing and refuses weights that cannot split', () => {
    // 0 / 1 of 7 → 0 and 7
    expect(partsOf(splitTotal(m(7), [{ accountId: 'a', weight: 0 }, { accountId: 'b', weight: 1 }]))).toEqual([
      ['a', 0, false],
      ['b', 7, false],
    ]);
    expect(splitTotal(m(7), [])).toBeNull();
    expect(splitTotal(m(7), [{ accountId: 'a', weight: 0 }])).toBeNull();
    expect(splitTotal(m(7), [{ accountId: 'a', weight: -1 }, { accountId: 'b', weight: 3 }])).toBeNull();
    expect(splitTotal(m(7), [{ accountId: 'a', weight: 0.5 }])).toBeNull();
  });

  it('funderWeights: 1 each, ARR, or custom bp; null when an ARR is missing', () => {
    const funders = [
      { accountId: 'A', shareBp: 7000 },
      { accountId: 'N', shareBp: 3000 },
    ];
    const arrOf = (id: string): Minor | null => FUNDERS.get(id)?.arr ?? null;
    expect(funderWeights('equal', funders, arrOf)).toEqual([
      { accountId: 'A', weight: 1 },
      { accountId: 'N', weight: 1 },
    ]);
    expect(funderWeights('custom', funders, arrOf)).toEqual([
      { accountId: 'A', weight: 7000 },
      { accountId: 'N', weight: 3000 },
    ]);
    expect(funderWeights('arr', funders, arrOf)).toBeNull();
    expect(funderWeights('arr', [{ accountId: 'A', shareBp: 0 }, { accountId: 'B', shareBp: 0 }], arrOf)).toEqual([
      { accountId: 'A', weight: 100_000_000 },
      { accountId: 'B', weight: 60_000_000 },
    ]);
    expect(sharesTotalBp(funders)).toBe(10_000);
  });

  it('quoteShares maps each funder to its share, empty without a split', () => {
    const s = splitTotal(m(100), [
      { accountId: 'a', weight: 1 },
      { accountId: 'b', weight: 3 },
    ]);
    expect([...quoteShares(s)]).toEqual([
      ['a', 0.25],
      ['b', 0.75],
    ]);
    expect(quoteShares(null).size).toBe(0);
  });

  it('parts always add up to the total; one funder carries a remainder smaller than the number of funders (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 6 }), (total, ws) => {
        const s = splitTotal(
          m(total),
          ws.map((weight, i) => ({ accountId: `f${i}`, weight })),
        )!;
        expect(s.parts.reduce((sum, p) => sum + p.amount, 0)).toBe(total);
        expect(s.remainder).toBeGreaterThanOrEqual(0);
        expect(s.remainder).toBeLessThan(ws.length);
        const carriers = s.parts.filter((p) => p.absorbsRemainder);
        expect(carriers.length).toBe(s.remainder > 0 ? 1 : 0);
        if (s.remainder > 0) expect(carriers[0]!.accountId).toBe(`f${ws.indexOf(Math.max(...ws))}`);
        for (const p of s.parts) expect(p.amount).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('evaluateQuote guardrails', () => {
  const ids = (ev: ReturnType<typeof evaluateQuote>) => ev.guardrails.map((g) => g.id);

  it('warns (without blocking) when the item is not on strategy', () => {
    const ev = evaluateQuote(quote(), context({ item: { title: 'Custom report', onStrategy: false, plannedQuarter: q('2027-Q4') } }));
    expect(ev.guardrails).toEqual([{ id: 'notOnStrategy', blocking: false, params: { item: 'Custom report' } }]);
    expect(ev.blocked).toBe(false);
    expect(ev.split).not.toBeNull();
  });

  it('blocks a target that is not earlier, same quarter or later', () => {
    const same = evaluateQuote(quote({ targetQuarter: q('2027-Q4') }), context());
    expect(same.guardrails).toEqual([{ id: 'notEarlier', blocking: true, params: { target: '2027-Q4', from: '2027-Q4' } }]);
    expect(same.blocked).toBe(true);
    expect(same.split).toBeNull();
    // nothing is pulled forward: 0 months of hiring
    expect([same.price.months, same.price.cost, same.price.price]).toEqual([0, 0, 0]);
    const later = evaluateQuote(quote({ targetQuarter: q('2028-Q1') }), context());
    expect(later.guardrails).toEqual([{ id: 'notEarlier', blocking: true, params: { target: '2028-Q1', from: '2027-Q4' } }]);
    expect(later.blocked).toBe(true);
    expect(later.split).toBeNull();
  });

  it('blocks custom shares that do not add up to 100 %', () => {
    const over = evaluateQuote(
      quote({
        split: 'custom',
        funders: [
          { accountId: 'A', shareBp: 6000 },
          { accountId: 'B', shareBp: 6000 },
        ],
      }),
      context(),
    );
    expect(over.guardrails).toEqual([{ id: 'sharesNot100', blocking: true, params: { totalBp: 12_000 } }]);
    expect(over.split).toBeNull();
    expect(over.blocked).toBe(true);
    const under = evaluateQuote(
      quote({
        split: 'custom',
        funders: [
          { accountId: 'A', shareBp: 5000 },
          { accountId: 'B', shareBp: 3000 },
        ],
      }),
      context(),
    );
    expect(under.guardrails).toEqual([{ id: 'sharesNot100', blocking: true, params: { totalBp: 8000 } }]);
    expect(under.split).toBeNull();
    // shares are ignored outside the custom split
    expect(ids(evaluateQuote(quote({ funders: [{ accountId: 'A', shareBp: 6000 }, { accountId: 'B', shareBp: 6000 }] }), context()))).toEqual([]);
  });

  it('blocks an ARR split when a funder has no ARR in the quote currency', () => {
    const ev = evaluateQuote(quote({ split: 'arr', funders: [{ accountId: 'A', shareBp: 0 }, { accountId: 'N', shareBp: 0 }] }), context());
    expect(ev.guardrails).toEqual([{ id: 'noArr', blocking: true, params: { names: 'Nordic', count: 1 } }]);
    expect(ev.split).toBeNull();
    expect(ev.blocked).toBe(true);
    // a funder the context does not know counts as missing too, named "?"
    const ghost = evaluateQuote(quote({ split: 'arr', funders: [{ accountId: 'N', shareBp: 0 }, { accountId: 'ghost', shareBp: 0 }] }), context());
    expect(ghost.guardrails).toEqual([{ id: 'noArr', blocking: true, params: { names: 'Nordic, ?', count: 2 } }]);
    // the same funders split equally need no ARR
    expect(ids(evaluateQuote(quote({ funders: [{ accountId: 'A', shareBp: 0 }, { accountId: 'N', shareBp: 0 }] }), context()))).toEqual([]);
  });

  it('names the funders when nobody has ARR to split by (ARR zero, not only a missing rate)', () => {
    const zero = evaluateQuote(quote({ split: 'arr', funders: [{ accountId: 'Z1', shareBp: 0 }, { accountId: 'Z2', shareBp: 0 }] }), {
      ...context(),
      funders: new Map([
        ['Z1', { id: 'Z1', name: 'Zero One', bucket: 1, arr: asMinor(0) }],
        ['Z2', { id: 'Z2', name: 'Zero Two', bucket: 1, arr: asMinor(0) }],
      ]),
    });
    expect(zero.guardrails).toEqual([{ id: 'noArr', blocking: true, params: { names: 'Zero One, Zero Two', count: 2 } }]);
  });

  it('adds no funding-share warning to a quote that is already blocked (its split means nothing)', () => {
    const ev = evaluateQuote(quote({ targetQuarter: q('2027-Q4') }), context({ targetCapacityEm: 1 }));
    expect(ev.guardrails.map((g) => g.id)).toEqual(['notEarlier']);
  });

  it('warns once per bucket-4 funder', () => {
    const ev = evaluateQuote(
      quote({
        funders: [
          { accountId: 'D', shareBp: 0 },
          { accountId: 'A', shareBp: 0 },
          { accountId: 'E', shareBp: 0 },
        ],
      }),
      context(),
    );
    expect(ev.guardrails).toEqual([
      { id: 'bucket4', blocking: false, params: { name: 'Delta' } },
      { id: 'bucket4', blocking: false, params: { name: 'Echo' } },
    ]);
    expect(ev.blocked).toBe(false);
    // 22 770 000 ÷ 3 = 7 590 000 each
    expect(partsOf(ev.split)).toEqual([
      ['D', 7_590_000, false],
      ['A', 7_590_000, false],
      ['E', 7_590_000, false],
    ]);
  });

  it('remembers a funder who got an accepted quote for free, not a draft one', () => {
    const others = [
      other({ id: 'o1', itemTitle: 'Audit log', targetQuarter: q('2027-Q3'), price: m(0), shares: { A: 1 } }),
      other({ id: 'o2', itemTitle: 'Dark mode', status: 'draft', price: m(0), shares: { A: 0.5, B: 0.5 } }),
      other({ id: 'o3', itemTitle: 'Exports', price: m(500_000), shares: { B: 1 } }),
      other({ id: 'o4', itemTitle: 'SCIM', status: 'declined', price: m(0), shares: { B: 1 } }),
    ];
    const ev = evaluateQuote(quote(), context({ others }));
    expect(ev.guardrails).toEqual([{ id: 'freeBefore', blocking: false, params: { name: 'Alpha', count: 1, items: 'Audit log' } }]);
    expect(ev.blocked).toBe(false);
    const twice = evaluateQuote(
      quote(),
      context({ others: [...others, other({ id: 'o5', itemTitle: 'Webhooks', targetQuarter: q('2028-Q1'), price: m(0), shares: { A: 0.5, C: 0.5 } })] }),
    );
    expect(twice.guardrails).toEqual([{ id: 'freeBefore', blocking: false, params: { name: 'Alpha', count: 2, items: 'Audit log, Webhooks' } }]);
    // only the draft: nothing
    expect(evaluateQuote(quote(), context({ others: [others[1]!] })).guardrails).toEqual([]);
  });

  it('warns when one funder would fund more than the limit of the target quarter', () => {
    // capacity 12 EM, limit 30 % → 3.6 EM.
    // this quote: 6 EM × ½ = 3 EM each for Alpha and Beta.
    // Alpha also funds half of an accepted 2 EM quote in 2027-Q2: 2 × 0.5 = 1 EM → 4 EM = 4/12 = 33.3 % > 30 %.
    // Beta: 3 EM = 25 %. The draft and the other quarter's quote do not count.
    const others = [
      other({ id: 'o1', effortEm: 2, shares: { A: 0.5, C: 0.5 } }),
      other({ id: 'o2', status: 'draft', effortEm: 10, shares: { A: 1 } }),
      other({ id: 'o3', targetQuarter: q('2027-Q3'), effortEm: 10, shares: { A: 1 } }),
    ];
    const ev = evaluateQuote(quote(), context({ others, targetCapacityEm: 12 }));
    expect(ev.guardrails).toEqual([
      { id: 'fundingShare', blocking: false, params: { name: 'Alpha', fundedEm: 4, capacityEm: 12, quarter: '2027-Q2', ratio: 4 / 12, limit: 0.3 } },
    ]);
    expect(ev.blocked).toBe(false);
    expect(ev.split).not.toBeNull();
  });

  it('does not warn at exactly the funding limit, and does just above it', () => {
    // 1.2 EM × 0.5 = 0.6 EM + 3 EM = 3.6 EM = 3.6/12 = 30 % exactly → no warning
    const at = evaluateQuote(quote(), context({ others: [other({ effortEm: 1.2, shares: { A: 0.5 } })], targetCapacityEm: 12 }));
    expect(at.guardrails).toEqual([]);
    // 1.4 EM × 0.5 = 0.7 EM + 3 EM = 3.7 EM = 30.83 % → warning
    const above = evaluateQuote(quote(), context({ others: [other({ effortEm: 1.4, shares: { A: 0.5 } })], targetCapacityEm: 12 }));
    expect(ids(above)).toEqual(['fundingShare']);
    expect(above.guardrails[0]!.params).toMatchObject({ name: 'Alpha', fundedEm: 3.7, capacityEm: 12, quarter: '2027-Q2', limit: 0.3 });
    expect(above.guardrails[0]!.params.ratio).toBeCloseTo(3.7 / 12, 12);
    // a single funder of a 4 EM quote in a 12 EM quarter: 4/12 > 30 % with nothing else
    const alone = evaluateQuote(quote({ effortEm: 4, funders: [{ accountId: 'C', shareBp: 0 }] }), context({ targetCapacityEm: 12 }));
    expect(alone.guardrails).toEqual([
      { id: 'fundingShare', blocking: false, params: { name: 'Gamma', fundedEm: 4, capacityEm: 12, quarter: '2027-Q2', ratio: 4 / 12, limit: 0.3 } },
    ]);
  });

  it('warns when the target quarter overflows after the added staff, not when the staff covers it', () => {
    // hire 1 engineer: load 10 + 6 = 16 EM > capacity 12 + 1 × 3 = 15 EM
    const one = evaluateQuote(quote({ engineers: 1 }), context({ targetLoadEm: 10, targetCapacityEm: 12 }));
    expect(one.guardrails).toEqual([{ id: 'capacityExceeded', blocking: false, params: { quarter: '2027-Q2', loadEm: 16, capacityEm: 15 } }]);
    expect(one.addedCapacityEm).toBe(3);
    expect(one.blocked).toBe(false);
    // hire 2 engineers: 16 EM ≤ 12 + 2 × 3 = 18 EM → fine
    const two = evaluateQuote(quote({ engineers: 2 }), context({ targetLoadEm: 10, targetCapacityEm: 12 }));
    expect(two.guardrails).toEqual([]);
    expect(two.addedCapacityEm).toBe(6);
    // contractors add the whole effort: 12.5 + 6 = 18.5 > 12 + 6 = 18 → warning; 12 + 6 = 18 ≤ 18 → fine
    const c = quote({ staffing: 'contractors' });
    expect(evaluateQuote(c, context({ targetLoadEm: 12.5, targetCapacityEm: 12 })).guardrails).toEqual([
      { id: 'capacityExceeded', blocking: false, params: { quarter: '2027-Q2', loadEm: 18.5, capacityEm: 18 } },
    ]);
    expect(evaluateQuote(c, context({ targetLoadEm: 12, targetCapacityEm: 12 })).guardrails).toEqual([]);
  });

  it('lists several guardrails together, in a fixed order', () => {
    const ev = evaluateQuote(
      quote({ targetQuarter: q('2027-Q4'), split: 'custom', funders: [{ accountId: 'D', shareBp: 5000 }] }),
      context({ item: { title: 'X', onStrategy: false, plannedQuarter: q('2027-Q4') } }),
    );
    expect(ids(ev)).toEqual(['notOnStrategy', 'notEarlier', 'sharesNot100', 'bucket4']);
    expect(ev.blocked).toBe(true);
    expect(ev.split).toBeNull();
  });
});

describe('quoteSchema', () => {
  const parses = (patch: Record<string, unknown>) => quoteSchema.safeParse({ ...quote(), ...patch }).success;

  it('accepts a valid quote and the margin bounds', () => {
    expect(parses({})).toBe(true);
    expect(parses({ marginBp: 9000 })).toBe(true);
    expect(parses({ marginBp: -5000 })).toBe(true);
    expect(parses({ effortEm: 0.1 })).toBe(true);
  });

  it('refuses bad effort, quarter, funders and margin', () => {
    expect(parses({ effortEm: -1 })).toBe(false);
    expect(parses({ effortEm: 0 })).toBe(false);
    expect(parses({ effortEm: 4.55 })).toBe(false);
    expect(parses({ targetQuarter: '2027-Q5' })).toBe(false);
    expect(parses({ fromQuarter: '2027-Q5' })).toBe(false);
    expect(parses({ funders: [] })).toBe(false);
    expect(parses({ funders: [{ accountId: 'A', shareBp: 12_000 }] })).toBe(false);
    expect(
      parses({
        funders: [
          { accountId: 'A', shareBp: 5000 },
          { accountId: 'A', shareBp: 5000 },
        ],
      }),
    ).toBe(false);
    expect(parses({ marginBp: 10_000 })).toBe(false);
    expect(parses({ marginBp: 9001 })).toBe(false);
    expect(parses({ marginBp: -5001 })).toBe(false);
    expect(parses({ engineers: 0 })).toBe(false);
    expect(parses({ monthlyCost: -1 })).toBe(false);
    expect(parses({ currency: 'XXQ' })).toBe(false);
  });
});

describe('quoteFits', () => {
  it('accepts ordinary quotes and refuses ones whose arithmetic would leave exact integers', () => {
    expect(quoteFits(quote())).toBe(true);
    // 1e15 minor a month × 45 months × 100 engineers = 4.5e18: beyond exact integers.
    expect(quoteFits(quote({ monthlyCost: asMinor(1e15), engineers: 100, fromQuarter: q('2030-Q4'), targetQuarter: q('2027-Q1') }))).toBe(false);
    // a price above one trillion major units of a 3-decimal currency is refused too
    expect(quoteFits(quote({ monthlyCost: asMinor(1e13), engineers: 100, fromQuarter: q('2030-Q4'), targetQuarter: q('2027-Q1') }))).toBe(false);
  });
});

describe('priceQuote properties', () => {
  type Raw = {
    staffing: StaffingMode;
    from: number;
    pull: number;
    effortTenths: number;
    monthlyCost: number;
    engineers: number;
    hourlyRate: number;
    hoursPerMonth: number;
    rampUpBp: number;
    pmQaBp: number;
    contingencyBp: number;
    marginBp: number;
  };
  const arbRaw = (marginMin: number): fc.Arbitrary<Raw> =>
    fc.record({
      staffing: fc.constantFrom<StaffingMode>('hire', 'contractors'),
      from: fc.integer({ min: 8100, max: 8140 }),
      pull: fc.integer({ min: 0, max: 12 }),
      effortTenths: fc.integer({ min: 1, max: 10_000 }),
      monthlyCost: fc.integer({ min: 0, max: 10_000_000 }),
      engineers: fc.integer({ min: 1, max: 100 }),
      hourlyRate: fc.integer({ min: 0, max: 100_000 }),
      hoursPerMonth: fc.integer({ min: 1, max: 744 }),
      rampUpBp: fc.integer({ min: 0, max: 100_000 }),
      pmQaBp: fc.integer({ min: 0, max: 100_000 }),
      contingencyBp: fc.integer({ min: 0, max: 100_000 }),
      marginBp: fc.integer({ min: marginMin, max: 9000 }),
    });
  const toQuote = (r: Raw): QuoteFields => {
    const from = quarterFromIndex(r.from);
    return quote({
      staffing: r.staffing,
      fromQuarter: from,
      targetQuarter: addQuarters(from, -r.pull),
      effortEm: r.effortTenths / 10,
      monthlyCost: m(r.monthlyCost),
      engineers: r.engineers,
      hourlyRate: m(r.hourlyRate),
      hoursPerMonth: r.hoursPerMonth,
      rampUpBp: asBp(r.rampUpBp),
      pmQaBp: asBp(r.pmQaBp),
      contingencyBp: asBp(r.contingencyBp),
      marginBp: asBp(r.marginBp),
      waived: false,
    });
  };

  it('never prices below cost with a margin ≥ 0, and the lines add up (property)', () => {
    fc.assert(
      fc.property(arbRaw(0), (r) => {
        const p = priceQuote(toQuote(r));
        expect(p.price).toBeGreaterThanOrEqual(p.cost);
        expect(p.margin).toBe(p.price - p.cost);
        const a = amounts(p.lines);
        expect(a.subtotal).toBe(a.staffing! + (a.rampUp ?? 0) + a.pmQa!);
        expect(a.cost).toBe(a.subtotal! + a.contingency!);
        expect(a.price).toBe(a.cost! + a.margin!);
      }),
      { numRuns: 300 },
    );
  });

  it('moving the target earlier never lowers the hire-early staffing cost or the price (property)', () => {
    fc.assert(
      fc.property(arbRaw(-5000), fc.integer({ min: 0, max: 12 }), (r, extra) => {
        const later = priceQuote(toQuote({ ...r, staffing: 'hire' }));
        const earlier = priceQuote(toQuote({ ...r, staffing: 'hire', pull: r.pull + extra }));
        expect(amounts(earlier.lines).staffing).toBeGreaterThanOrEqual(amounts(later.lines).staffing!);
        expect(earlier.price).toBeGreaterThanOrEqual(later.price);
        expect(earlier.cost).toBeGreaterThanOrEqual(later.cost);
        expect(earlier.months).toBe(later.months + extra * 3);
      }),
      { numRuns: 300 },
    );
  });

  it('the price never falls as the margin rises (property)', () => {
    fc.assert(
      fc.property(arbRaw(-5000), fc.integer({ min: -5000, max: 9000 }), (r, m2) => {
        const [lo, hi] = r.marginBp <= m2 ? [r.marginBp, m2] : [m2, r.marginBp];
        const pLo = priceQuote(toQuote({ ...r, marginBp: lo }));
        const pHi = priceQuote(toQuote({ ...r, marginBp: hi }));
        expect(pHi.price).toBeGreaterThanOrEqual(pLo.price);
        expect(pHi.cost).toBe(pLo.cost);
      }),
      { numRuns: 300 },
    );
  });
});
