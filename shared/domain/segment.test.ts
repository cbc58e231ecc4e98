import { describe, expect, it } from 'vitest';
import { defaultSegmentFields, inSegment, segmentFigures, segmentSchema, type SegmentCandidate, type SegmentFields } from './segment';
import type { SizeClass } from './account';
import type { Bp, Minor } from './money';

const m = (n: number) => n as Minor;
const bp = (n: number) => n as Bp;
const EUR = { currency: 'EUR', rates: {} };

/** 120 targets × €80,000 a year, 25 % win rate. */
const RETAIL: SegmentFields = defaultSegmentFields('EUR', {
  name: 'Nordic retail',
  targetCustomers: 120,
  targetSource: 'Eurostat 2025, NACE G47',
  avgSpend: m(8_000_000),
  winRateBp: bp(2500),
});

type Acc = SegmentCandidate & { id: string; arr: Minor; currency: string };
const acc = (id: string, o: Partial<Acc> = {}): Acc => ({
  id,
  industry: 'Retail',
  region: 'Nordics',
  sizeClass: 'deer' as SizeClass,
  fit: 70,
  arr: m(10_000_000),
  currency: 'EUR',
  ...o,
});

describe('segmentFigures: TAM', () => {
  it('worked example: 120 × €80,000 = €9,600,000 TAM; at 25 % €2,400,000 expected', () => {
    const f = segmentFigures(RETAIL, [], EUR);
    expect(f.tam).toBe(960_000_000);
    expect(f.expected).toBe(240_000_000);
    expect(f.tamReporting).toBe(960_000_000);
    expect(f.accounts).toEqual([]);
    expect(f.arr).toBe(0);
    expect(f.arrPenetration).toBe(0);
    expect(f.customerPenetration).toBe(0);
    expect(f.missingRates).toEqual([]);
  });

  it('keeps TAM and expected in the segment currency; tamReporting converts at the rate', () => {
    const usd = { ...RETAIL, currency: 'USD' };
    // 1 USD = 0.92 EUR → 920,000 micro-EUR per USD: $9,600,000 → €8,832,000
    const f = segmentFigures(usd, [], { currency: 'EUR', rates: { USD: 920_000 } });
    expect(f.tam).toBe(960_000_000);
    expect(f.expected).toBe(240_000_000);
    expect(f.tamReporting).toBe(883_200_000);
  });

  it('a segment in a currency without a rate has no reporting TAM and no ARR penetration', () => {
    const usd = { ...RETAIL, currency: 'USD' };
    const f = segmentFigures(usd, [acc('a')], { currency: 'EUR', rates: { SEK: 87_000 } });
    expect(f.tam).toBe(960_000_000);
    expect(f.tamReporting).toBeNull();
    expect(f.arr).toBe(10_000_000);
    expect(f.arrPenetration).toBeNull();
    expect(f.customerPenetration).toBe(1 / 120);
  });

  it('0 targets: TAM 0, no penetration of either kind', () => {
    const f = segmentFigures({ ...RETAIL, targetCustomers: 0 }, [acc('a')], EUR);
    expect(f.tam).toBe(0);
    expect(f.expected).toBe(0);
    expect(f.accounts).toEqual(['a']);
    expect(f.customerPenetration).toBeNull();
    expect(f.arrPenetration).toBeNull();
  });

  it('rounds the expected revenue half away from zero', () => {
    // 1 target × 1 cent × 50 % = 0.5 cent → 1
    expect(segmentFigures({ ...RETAIL, targetCustomers: 1, avgSpend: m(1), winRateBp: bp(5000) }, [], EUR).expected).toBe(1);
  });
});

describe('segmentFigures: penetration', () => {
  const seg: SegmentFields = { ...RETAIL, industry: ' retail ', region: 'NORDICS', sizeClass: 'deer', minFit: 60 };
  const ws = { currency: 'EUR', rates: { SEK: 87_000 } };
  const accounts: Acc[] = [
    acc('in'),
    acc('caseAndSpaces', { industry: '  RETAIL', region: 'nordics  ' }),
    acc('fitAtMin', { fit: 60 }),
    acc('fitBelow', { fit: 59 }),
    acc('unscored', { fit: null }),
    acc('elephant', { sizeClass: 'elephant' }),
    acc('otherIndustry', { industry: 'Retail banking' }),
    acc('otherRegion', { region: 'DACH' }),
    // SEK 1,000,000 at 0.087 → €87,000
    acc('sek', { currency: 'SEK', arr: m(100_000_000) }),
    acc('jpy', { currency: 'JPY', arr: m(5_000_000) }),
    acc('usd', { currency: 'USD', arr: m(1_000_000) }),
  ];

  it('counts the accounts that meet every part of the rule', () => {
    const f = segmentFigures(seg, accounts, ws);
    expect(f.accounts).toEqual(['in', 'caseAndSpaces', 'fitAtMin', 'sek', 'jpy', 'usd']);
    expect(f.customerPenetration).toBe(6 / 120);
  });

  it('sums ARR in the reporting currency and lists the currencies it could not convert', () => {
    const f = segmentFigures(seg, accounts, ws);
    // 3 × €100,000 + €87,000; the JPY and USD accounts are in the segment but not in the ARR
    expect(f.arr).toBe(3 * 10_000_000 + 8_700_000);
    expect(f.missingRates).toEqual(['JPY', 'USD']);
    expect(f.arrPenetration).toBe(38_700_000 / 960_000_000);
  });

  it('an account outside the segment never adds a missing rate', () => {
    const f = segmentFigures(seg, [acc('in'), acc('jpyOutside', { currency: 'JPY', region: 'APAC' })], ws);
    expect(f.accounts).toEqual(['in']);
    expect(f.missingRates).toEqual([]);
  });

  it('measures ARR penetration in the reporting currency when the segment is in another', () => {
    // segment in SEK: 120 × SEK 800,000 = SEK 96,000,000 → €8,352,000
    const sekSeg = { ...RETAIL, currency: 'SEK', avgSpend: m(80_000_000) };
    const f = segmentFigures(sekSeg, [acc('a', { arr: m(83_520_000) })], ws);
    expect(f.tamReporting).toBe(835_200_000);
    expect(f.arrPenetration).toBe(0.1);
  });
});

describe('inSegment', () => {
  const any = { industry: '', region: '', sizeClass: null, minFit: null };
  const a: SegmentCandidate = { industry: 'Retail', region: 'Nordics', sizeClass: 'rabbit', fit: null };

  it("'' (or only spaces) means any industry or region; null means any size and any fit, unscored too", () => {
    expect(inSegment(a, any)).toBe(true);
    expect(inSegment(a, { ...any, industry: '   ', region: ' ' })).toBe(true);
    expect(inSegment({ ...a, industry: '', region: '' }, any)).toBe(true);
  });

  it('compares industry and region without case or outer spaces, but whole', () => {
    expect(inSegment(a, { ...any, industry: 'rEtAiL ' })).toBe(true);
    expect(inSegment(a, { ...any, region: ' nordics' })).toBe(true);
    expect(inSegment(a, { ...any, industry: 'Ret' })).toBe(false);
    expect(inSegment(a, { ...any, region: 'Nordics East' })).toBe(false);
    expect(inSegment({ ...a, industry: '' }, { ...any, industry: 'Retail' })).toBe(false);
  });

  it('matches the size class exactly', () => {
    expect(inSegment(a, { ...any, sizeClass: 'rabbit' })).toBe(true);
    expect(inSegment(a, { ...any, sizeClass: 'deer' })).toBe(false);
  });

  it('a minimum fit leaves out lower and unscored accounts', () => {
    expect(inSegment(a, { ...any, minFit: 0 })).toBe(false);
    expect(inSegment({ ...a, fit: 0 }, { ...any, minFit: 0 })).toBe(true);
    expect(inSegment({ ...a, fit: 80 }, { ...any, minFit: 80 })).toBe(true);
    expect(inSegment({ ...a, fit: 79 }, { ...any, minFit: 80 })).toBe(false);
  });
});

describe('segmentSchema', () => {
  it('accepts a complete segment and refuses broken fields', () => {
    expect(segmentSchema.safeParse(RETAIL).success).toBe(true);
    const bad: Array<Partial<SegmentFields>> = [
      { name: '  ' },
      { minFit: 101 },
      { minFit: 50.5 },
      { targetCustomers: -1 },
      { avgSpend: m(1.5) },
      { currency: 'eur' },
      { winRateBp: bp(10_001) },
    ];
    for (const b of bad) expect(segmentSchema.safeParse({ ...RETAIL, ...b }).success, JSON.stringify(b)).toBe(false);
  });
});
