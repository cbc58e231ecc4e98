import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACCOUNT_FIELD_CHECKS,
  accountFieldsSchema,
  costToServe,
  DEFAULT_ICP_WEIGHTS,
  defaultAccountFields,
  icpFitScore,
  isSmallDealAtBigCompany,
  nextSpiralStep,
  openWallet,
  penetration,
  profitContribution,
  SMALL_DEAL_THRESHOLD,
  SPIRAL_STAGES,
  type AccountFields,
} from './account';
import { asMinor, asRatio } from './money';

const m = asMinor;

describe('penetration', () => {
  it('is actual ÷ potential ARR, null when the wallet is unknown', () => {
    expect(penetration(m(2_400_000), m(41_000_000))).toBeCloseTo(0.058536, 5);
    expect(penetration(m(50), m(100))).toBe(0.5);
    expect(penetration(m(50), m(0))).toBeNull();
  });
});

describe('isSmallDealAtBigCompany', () => {
  it('flags penetration under 10 %, but not exactly 10 %', () => {
    expect(SMALL_DEAL_THRESHOLD).toBe(0.1);
    expect(isSmallDealAtBigCompany({ arr: m(99_999), potentialArr: m(1_000_000) })).toBe(true);
    expect(isSmallDealAtBigCompany({ arr: m(100_000), potentialArr: m(1_000_000) })).toBe(false);
    expect(isSmallDealAtBigCompany({ arr: m(3), potentialArr: m(30) })).toBe(false);
    expect(isSmallDealAtBigCompany({ arr: m(500_000), potentialArr: m(1_000_000) })).toBe(false);
  });

  it('does not flag an account whose wallet is unknown', () => {
    expect(isSmallDealAtBigCompany({ arr: m(0), potentialArr: m(0) })).toBe(false);
  });

  it('uses a custom threshold', () => {
    expect(isSmallDealAtBigCompany({ arr: m(15), potentialArr: m(100) }, asRatio(0.2))).toBe(true);
    expect(isSmallDealAtBigCompany({ arr: m(20), potentialArr: m(100) }, asRatio(0.2))).toBe(false);
  });

  it('is exactly "arr × 10 < potential" for whole amounts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e12 }), (arr, pot) => {
        expect(isSmallDealAtBigCompany({ arr: m(arr), potentialArr: m(pot) })).toBe(arr * 10 < pot);
      }),
    );
  });
});

describe('openWallet', () => {
  it('is potential − actual, never below zero', () => {
    expect(openWallet({ arr: m(2_400_000), potentialArr: m(41_000_000) })).toBe(38_600_000);
    expect(openWallet({ arr: m(900), potentialArr: m(500) })).toBe(0);
  });
});

describe('costToServe / profitContribution', () => {
  it('sums hours × loaded rate per category (hand-computed)', () => {
    const a = defaultAccountFields({ arr: m(185_000_000), supportHours: 220, engineeringHours: 80, pmHours: 60, presalesHours: 10 });
    // Default rates: support €90, engineering €140, PM €130, presales €120, custom €150.
    // support     220 h × €90.00  = €19,800.00 → 1,980,000
    // engineering  80 h × €140.00 = €11,200.00 → 1,120,000
    // pm           60 h × €130.00 =  €7,800.00 →   780,000
    // presales     10 h × €120.00 =  €1,200.00 →   120,000
    // custom        0 h × €150.00 =      €0.00 →         0
    // total                        = €40,000.00 → 4,000,000
    expect(costToServe(a)).toEqual({
      support: 1_980_000,
      engineering: 1_120_000,
      pm: 780_000,
      presales: 120_000,
      custom: 0,
      total: 4_000_000,
    });
    // profit = €1,850,000.00 − €40,000.00 = €1,810,000.00
    expect(profitContribution(a)).toBe(181_000_000);
  });

  it('gives a negative profit when serving costs more than the revenue (hand-computed)', () => {
    const a = defaultAccountFields({
      arr: m(3_600_000),
      supportHours: 300,
      engineeringHours: 100,
      pmHours: 20,
      presalesHours: 40,
      customHours: 5.5,
    });
    // support 300 h × €90 = €27,000; engineering 100 h × €140 = €14,000; pm 20 h × €130 = €2,600;
    // presales 40 h × €120 = €4,800; custom 5.5 h × €150 = €825 → total €49,225.00
    // profit = €36,000.00 − €49,225.00 = −€13,225.00 → −1,322,500
    expect(costToServe(a).total).toBe(4_922_500);
    expect(profitContribution(a)).toBe(-1_322_500);
  });

  it('rounds each line to whole minor units', () => {
    const a = defaultAccountFields({ supportHours: 0.333, supportRate: m(9001) });
    // 0.333 h × 9,001 = 2,997.333 → 2,997
    expect(costToServe(a).support).toBe(2997);
    expect(costToServe(a).total).toBe(2997);
  });

  it('total is the sum of the lines and always whole (property)', () => {
    const hours = fc.double({ min: 0, max: 100_000, noNaN: true });
    const rate = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(hours, rate, hours, rate, (h1, r1, h2, r2) => {
        const c = costToServe(defaultAccountFields({ supportHours: h1, supportRate: m(r1), customHours: h2, customRate: m(r2) }));
        expect(Number.isSafeInteger(c.total)).toBe(true);
        expect(c.total).toBe(c.support + c.engineering + c.pm + c.presales + c.custom);
      }),
    );
  });
});

describe('icpFitScore', () => {
  it('weights ratings with DEFAULT_ICP_WEIGHTS (hand-computed)', () => {
    expect(DEFAULT_ICP_WEIGHTS).toEqual({ industryFit: 3, companySize: 2, techMaturity: 2, budgetAuthority: 2, strategicUseCase: 3 });
    // 5×3 + 3×2 + 2×2 + 3×2 + 4×3 = 15 + 6 + 4 + 6 + 12 = 43; max = 12 × 5 = 60; 43 / 60 = 71.67 % → 72
    expect(icpFitScore({ industryFit: 5, companySize: 3, techMaturity: 2, budgetAuthority: 3, strategicUseCase: 4 })).toBe(72);
  });

  it('counts only the rated criteria', () => {
    // 5×3 + 1×2 = 17; max = (3 + 2) × 5 = 25; 17 / 25 = 68 %
    expect(icpFitScore({ industryFit: 5, techMaturity: 1 })).toBe(68);
    expect(icpFitScore({})).toBeNull();
  });

  it('spans 0–100 and honours custom weights', () => {
    expect(icpFitScore({ industryFit: 0, companySize: 0 })).toBe(0);
    expect(icpFitScore({ industryFit: 5, companySize: 5, techMaturity: 5, budgetAuthority: 5, strategicUseCase: 5 })).toBe(100);
    const weights = { industryFit: 1, companySize: 0, techMaturity: 0, budgetAuthority: 0, strategicUseCase: 1 };
    // (2×1 + 4×1) / (2 × 5) = 60 %
    expect(icpFitScore({ industryFit: 2, strategicUseCase: 4, companySize: 5 }, weights)).toBe(60);
  });
});

describe('nextSpiralStep', () => {
  it('walks functionality → usability → stability → support, then a new lap', () => {
    expect(nextSpiralStep('functionality', 1)).toEqual({ stage: 'usability', lap: 1 });
    expect(nextSpiralStep('usability', 1)).toEqual({ stage: 'stability', lap: 1 });
    expect(nextSpiralStep('stability', 2)).toEqual({ stage: 'support', lap: 2 });
    expect(nextSpiralStep('support', 2)).toEqual({ stage: 'functionality', lap: 3 });
  });

  it('returns to the same stage one lap later after four steps', () => {
    for (const stage of SPIRAL_STAGES) {
      let step = { stage, lap: 4 };
      for (let i = 0; i < 4; i++) step = nextSpiralStep(step.stage, step.lap);
      expect(step).toEqual({ stage, lap: 5 });
    }
  });
});

describe('accountFieldsSchema', () => {
  const valid = (): AccountFields =>
    defaultAccountFields({
      name: 'Acme',
      tags: ['key'],
      icp: { industryFit: 5 },
      renewalDate: '2026-03-31' as AccountFields['renewalDate'],
    });
  const parses = (patch: Record<string, unknown>) => accountFieldsSchema.safeParse({ ...valid(), ...patch }).success;

  it('accepts a complete, sensible account', () => {
    expect(accountFieldsSchema.parse(valid())).toEqual(valid());
  });

  it('trims the name and allows fractional hours', () => {
    expect(accountFieldsSchema.parse({ ...valid(), name: '  Acme  ' }).name).toBe('Acme');
    expect(accountFieldsSchema.parse({ ...valid(), supportHours: 5.5 }).supportHours).toBe(5.5);
  });

  it.each([
    ['an empty name', { name: '' }],
    ['a blank name', { name: '   ' }],
    ['a name over 200 characters', { name: 'x'.repeat(201) }],
    ['an unknown currency', { currency: 'XXY' }],
    ['a lowercase currency', { currency: 'eur' }],
    ['a negative ARR', { arr: -1 }],
    ['a fractional ARR', { arr: 1.5 }],
    ['negative hours', { supportHours: -1 }],
    ['more hours than the limit', { engineeringHours: 100_001 }],
    ['an ICP rating of 6', { icp: { industryFit: 6 } }],
    ['a fractional ICP rating', { icp: { industryFit: 4.5 } }],
    ['an unknown ICP criterion', { icp: { vibes: 3 } }],
    ['an unknown size class', { sizeClass: 'whale' }],
    ['bucket 5', { bucket: 5 }],
    ['an impossible date', { renewalDate: '2023-02-29' }],
    ['an empty tag', { tags: [' '] }],
    ['spiral lap 0', { spiralLap: 0 }],
    ['an unknown communicator role', { communicatorRole: 'intern' }],
  ])('rejects %s', (_label, patch) => {
    expect(parses(patch)).toBe(false);
  });
});

describe('ACCOUNT_FIELD_CHECKS agrees with accountFieldsSchema', () => {
  // The repository uses the fast predicates; trust boundaries use the zod schema. They must not drift.
  const arbitraryValue = fc.oneof(
    fc.string({ maxLength: 250 }),
    fc.constantFrom('', '  ', 'EUR', 'XXY', 'jpy', 'elephant', 'deer', 'support', 'engineer', '2026-02-29', '2024-02-29', '2026-13-01'),
    fc.integer({ min: -5, max: 2_000 }),
    fc.double({ min: -10, max: 200_000, noNaN: true }),
    fc.constantFrom(null, 1, 2, 3, 4, 5, 6, 0.5, Number.MAX_SAFE_INTEGER + 2),
    fc.array(fc.string({ maxLength: 45 }), { maxLength: 32 }),
    fc.dictionary(fc.constantFrom('industryFit', 'companySize', 'bogus'), fc.integer({ min: -1, max: 6 })),
  );
  it('for every field and random values', () => {
    const keys = Object.keys(ACCOUNT_FIELD_CHECKS) as Array<keyof typeof ACCOUNT_FIELD_CHECKS>;
    fc.assert(
      fc.property(fc.constantFrom(...keys), arbitraryValue, (key, value) => {
        const zodOk = accountFieldsSchema.pick({ [key]: true } as Record<typeof key, true>).safeParse({ [key]: value }).success;
        const fastOk = ACCOUNT_FIELD_CHECKS[key](value);
        // zod trims the name before checking its length; the repository trims too before checking.
        const expected = key === 'name' && typeof value === 'string' ? ACCOUNT_FIELD_CHECKS.name(value.trim()) : fastOk;
        expect(zodOk).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
