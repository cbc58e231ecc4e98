import { describe, expect, it } from 'vitest';
import { addedCapacity, evaluateQuote, monthsPulledForward, priceQuote, quoteSchema, quoteFits } from './acceleration';
import { asBp, asMinor } from './money';

import { m, q, quote, context, amounts, keys, partsOf } from './acceleration.fixtures';

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
    expect([ev.price.cost, ev.price.price, ev.price.margin, ev.price.hours, ev.price.months]).toEqual([
      9_517_860, 12_690_480, 3_172_620, 720, 3,
    ]);
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
    expect([custom.price.cost, custom.price.price, custom.price.margin, custom.price.hours, custom.price.months]).toEqual([
      3_697_020, 4_349_435, 652_415, 225, 6,
    ]);
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
      quote({
        fromQuarter: q('2027-Q2'),
        targetQuarter: q('2027-Q1'),
        effortEm: 3,
        monthlyCost: m(900_000),
        engineers: 1,
        contingencyBp: asBp(1000),
        marginBp: asBp(1000),
        waived: true,
      }),
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
    expect(amounts(p20.lines)).toEqual({
      staffing: 8_000,
      rampUp: 0,
      pmQa: 0,
      subtotal: 8_000,
      contingency: 0,
      cost: 8_000,
      margin: 2_000,
      price: 10_000,
    });
    expect([p20.cost, p20.price, p20.margin]).toEqual([8_000, 10_000, 2_000]);
    // −25 % margin: price = 8 000 × 10 000 ÷ 12 500 = 6 400, margin 6 400 − 8 000 = −1 600
    const neg = evaluateQuote({ ...base, marginBp: asBp(-2500) }, context());
    expect(amounts(neg.price.lines)).toEqual({
      staffing: 8_000,
      rampUp: 0,
      pmQa: 0,
      subtotal: 8_000,
      contingency: 0,
      cost: 8_000,
      margin: -1_600,
      price: 6_400,
    });
    expect([neg.price.cost, neg.price.price, neg.price.margin]).toEqual([8_000, 6_400, -1_600]);
    // one funder carries it all
    expect(neg.split).toEqual({ parts: [{ accountId: 'C', amount: 6_400, share: 1, absorbsRemainder: false }], remainder: 0 });
  });

  it('(h) contractors at 165 h: hours carried in tenths stay exact', () => {
    // 4.5 EM × 165 h = 742.5 h; €95.00 × 742.5 h = 9 500 × 7 425 ÷ 10 = 7 053 750
    // no overheads, 0 % margin → cost = price = 7 053 750
    const p = priceQuote(
      quote({
        staffing: 'contractors',
        effortEm: 4.5,
        hoursPerMonth: 165,
        rampUpBp: asBp(0),
        pmQaBp: asBp(0),
        contingencyBp: asBp(0),
        marginBp: asBp(0),
      }),
    );
    expect(p.hours).toBe(742.5);
    expect(amounts(p.lines)).toEqual({
      staffing: 7_053_750,
      rampUp: 0,
      pmQa: 0,
      subtotal: 7_053_750,
      contingency: 0,
      cost: 7_053_750,
      margin: 0,
      price: 7_053_750,
    });
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
    expect(quoteFits(quote({ monthlyCost: asMinor(1e15), engineers: 100, fromQuarter: q('2030-Q4'), targetQuarter: q('2027-Q1') }))).toBe(
      false,
    );
    // a price above one trillion major units of a 3-decimal currency is refused too
    expect(quoteFits(quote({ monthlyCost: asMinor(1e13), engineers: 100, fromQuarter: q('2030-Q4'), targetQuarter: q('2027-Q1') }))).toBe(
      false,
    );
  });
});
