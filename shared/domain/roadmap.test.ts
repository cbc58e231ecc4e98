import { describe, expect, it } from 'vitest';
import { asBp } from './money';
import {
  convert,
  DEFAULT_ROADMAP_SETTINGS,
  itemDemand,
  resolveSettings,
  roadmapItemSchema,
  roadmapSettingsSchema,
  type DemandAccount,
  type RoadmapItemFields,
  type RoadmapSettings,
} from './roadmap';
import { m, q } from './roadmap.fixtures';

const acct = (id: string, name: string, arr: number, currency: string): DemandAccount => ({ id, name, arr: m(arr), currency, bucket: 1 });

describe('convert', () => {
  const s = { currency: 'EUR', rates: { SEK: 87_000, JPY: 5_000, KWD: 2_750_000, USD: 0 } };

  it('returns the amount unchanged in the settings currency', () => {
    expect(convert(m(12_345), 'EUR', s)).toBe(12_345);
  });

  it('converts with micro-unit rates and shifts between minor-unit digits', () => {
    // SEK 5,000,000.00 = 500 000 000 öre; 1 SEK = 0.087 EUR (87 000 micro-EUR):
    // 500 000 000 × 87 000 ÷ 1 000 000 = 43 500 000 cents = €435,000.00
    expect(convert(m(500_000_000), 'SEK', s)).toBe(43_500_000);
    // ¥80,000,000 (JPY has 0 digits, EUR 2: shift +2); 1 JPY = 0.005 EUR:
    // 80 000 000 × (5 000 × 10²) ÷ 1 000 000 = 40 000 000 cents = €400,000.00
    expect(convert(m(80_000_000), 'JPY', s)).toBe(40_000_000);
    // KWD 1.000 = 1 000 fils (3 digits → 2: shift −1); 1 KWD = 2.75 EUR:
    // 1 000 × 2 750 000 ÷ (1 000 000 × 10) = 275 cents
    expect(convert(m(1000), 'KWD', s)).toBe(275);
  });

  it('rounds half away from zero', () => {
    // 5 öre × 0.1 = 0.5 cent → 1 cent
    expect(convert(m(5), 'SEK', { currency: 'EUR', rates: { SEK: 100_000 } })).toBe(1);
    // ¥1 × 0.005 EUR = 0.5 cent → 1 cent
    expect(convert(m(1), 'JPY', s)).toBe(1);
    // €123.45 → JPY at 1 EUR = 163 JPY (shift −2): 12 345 × 163 000 000 ÷ 10⁸ = 20 122.35 → ¥20,122
    expect(convert(m(12_345), 'EUR', { currency: 'JPY', rates: { EUR: 163_000_000 } })).toBe(20_122);
  });

  it('is null without a rate (missing or zero)', () => {
    expect(convert(m(100), 'GBP', s)).toBeNull();
    expect(convert(m(100), 'USD', s)).toBeNull();
  });
});

describe('itemDemand', () => {
  const accounts = new Map<string, DemandAccount>([
    ['a', acct('a', 'Alpha', 100_000_000, 'EUR')], // €1,000,000.00
    ['b', acct('b', 'Beta', 500_000_000, 'SEK')], // SEK 5,000,000.00
    ['g', acct('g', 'Gamma', 80_000_000, 'JPY')], // ¥80,000,000
    ['d', acct('d', 'Delta', 70_000_000, 'USD')], // $700,000.00, no rate
  ]);
  const settings = { currency: 'EUR', rates: { SEK: 87_000, JPY: 6_100 }, weights: DEFAULT_ROADMAP_SETTINGS.weights };

  it('sums ARR × importance weight, converted, each account once at its highest importance (hand-computed)', () => {
    const demand = itemDemand(
      [
        { accountId: 'g', importance: 'niceToHave', note: '' },
        { accountId: 'a', importance: 'niceToHave', note: 'nice for reporting' },
        { accountId: 'd', importance: 'important', note: '' },
        { accountId: 'a', importance: 'critical', note: 'blocks renewal' },
        { accountId: 'a', importance: 'important', note: '' },
        { accountId: 'b', importance: 'important', note: 'asked at retreat' },
        { accountId: 'gone', importance: 'critical', note: 'account deleted' },
      ],
      accounts,
      settings,
    );
    // Alpha: €1,000,000.00, highest importance critical (100 %) → 100 000 000 × 10 000 ÷ 10 000 = 100 000 000
    // Beta:  SEK 500 000 000 öre × 87 000 ÷ 10⁶ = 43 500 000 cents; important (50 %) → 21 750 000
    // Gamma: ¥80 000 000 × (6 100 × 10²) ÷ 10⁶ = 48 800 000 cents; nice to have (25 %) → 12 200 000
    // Delta: USD has no rate → not counted, weighted null
    // total = 100 000 000 + 21 750 000 + 12 200 000 = 133 950 000 (€1,339,500.00)
    expect(demand.total).toBe(133_950_000);
    expect(demand.missingRates).toEqual(['USD']);
    expect(demand.requesters).toEqual([
      {
        accountId: 'a',
        name: 'Alpha',
        importance: 'critical',
        arr: 100_000_000,
        weighted: 100_000_000,
        notes: ['nice for reporting', 'blocks renewal'],
      },
      { accountId: 'b', name: 'Beta', importance: 'important', arr: 43_500_000, weighted: 21_750_000, notes: ['asked at retreat'] },
      { accountId: 'g', name: 'Gamma', importance: 'niceToHave', arr: 48_800_000, weighted: 12_200_000, notes: [] },
      { accountId: 'd', name: 'Delta', importance: 'important', arr: null, weighted: null, notes: [] },
    ]);
  });

  it('uses the workspace weights and rounds the weighted ARR half away from zero', () => {
    const accts = new Map([
      ['x', acct('x', 'Xeno', 6, 'EUR')],
      ['y', acct('y', 'Yotta', 1_000_000, 'EUR')],
    ]);
    const demand = itemDemand(
      [
        { accountId: 'x', importance: 'niceToHave', note: '' },
        { accountId: 'y', importance: 'important', note: '' },
      ],
      accts,
      { currency: 'EUR', rates: {}, weights: { niceToHave: asBp(2500), important: asBp(7500), critical: asBp(20_000) } },
    );
    // Xeno:  6 × 2 500 ÷ 10 000 = 1.5 → 2
    // Yotta: 1 000 000 × 7 500 ÷ 10 000 = 750 000
    // total = 750 002
    expect(demand.total).toBe(750_002);
    expect(demand.requesters.map((r) => [r.name, r.weighted])).toEqual([
      ['Yotta', 750_000],
      ['Xeno', 2],
    ]);
  });

  it('sorts equal weights by name and lists several missing currencies once, sorted', () => {
    const accts = new Map([
      ['1', acct('1', 'Zulu', 1000, 'EUR')],
      ['2', acct('2', 'Echo', 1000, 'EUR')],
      ['3', acct('3', 'Kilo', 1000, 'USD')],
      ['4', acct('4', 'Lima', 1000, 'GBP')],
      ['5', acct('5', 'Mike', 1000, 'USD')],
    ]);
    const demand = itemDemand(
      ['1', '2', '3', '4', '5'].map((accountId) => ({ accountId, importance: 'critical' as const, note: '' })),
      accts,
      { currency: 'EUR', rates: {}, weights: DEFAULT_ROADMAP_SETTINGS.weights },
    );
    // 1 000 + 1 000 (Zulu, Echo); Kilo, Lima, Mike not counted
    expect(demand.total).toBe(2000);
    expect(demand.requesters.map((r) => r.name)).toEqual(['Echo', 'Zulu', 'Kilo', 'Lima', 'Mike']);
    expect(demand.missingRates).toEqual(['GBP', 'USD']);
  });

  it('is zero with no requests', () => {
    expect(itemDemand([], accounts, settings)).toEqual({ total: 0, requesters: [], missingRates: [] });
  });
});

describe('resolveSettings', () => {
  it('fills a missing row with the defaults', () => {
    expect(resolveSettings(undefined)).toEqual({
      currency: 'EUR',
      rates: {},
      weights: { niceToHave: 2500, important: 5000, critical: 10_000 },
      defaultCapacityEm: 12,
      maxFundingShareBp: 3000,
      hoursPerMonth: 160,
    });
  });

  it('keeps what a partial row sets and fills the rest, weight by weight', () => {
    const rates = { SEK: 87_000 };
    const r = resolveSettings({ currency: 'SEK', rates, weights: { critical: asBp(20_000) } as RoadmapSettings['weights'] });
    expect(r).toEqual({
      currency: 'SEK',
      rates: { SEK: 87_000 },
      weights: { niceToHave: 2500, important: 5000, critical: 20_000 },
      defaultCapacityEm: 12,
      maxFundingShareBp: 3000,
      hoursPerMonth: 160,
    });
    expect(r.rates).not.toBe(rates);
    expect(resolveSettings({}).weights).not.toBe(DEFAULT_ROADMAP_SETTINGS.weights);
  });
});

describe('roadmapItemSchema', () => {
  const valid: RoadmapItemFields = {
    title: 'SSO via SAML',
    theme: 'Security',
    plannedQuarter: q('2027-Q3'),
    effortEm: 4.5,
    onStrategy: true,
    status: 'planned',
    notes: '',
    acceleratedFrom: null,
  };
  const parses = (patch: Record<string, unknown>) => roadmapItemSchema.safeParse({ ...valid, ...patch }).success;

  it('accepts a valid item', () => {
    expect(parses({})).toBe(true);
    expect(parses({ effortEm: 0.1 })).toBe(true);
    expect(parses({ effortEm: 1000 })).toBe(true);
    expect(parses({ acceleratedFrom: '2027-Q4' })).toBe(true);
  });

  it('refuses bad effort, quarter and title', () => {
    expect(parses({ effortEm: -1 })).toBe(false);
    expect(parses({ effortEm: 0 })).toBe(false);
    expect(parses({ effortEm: 4.55 })).toBe(false);
    expect(parses({ effortEm: 1000.1 })).toBe(false);
    expect(parses({ effortEm: Number.NaN })).toBe(false);
    expect(parses({ plannedQuarter: '2027-Q5' })).toBe(false);
    expect(parses({ plannedQuarter: '2027 Q3' })).toBe(false);
    expect(parses({ acceleratedFrom: '2027-Q5' })).toBe(false);
    expect(parses({ title: '' })).toBe(false);
    expect(parses({ title: '   ' })).toBe(false);
    expect(parses({ status: 'shipped' })).toBe(false);
  });
});

describe('roadmapSettingsSchema', () => {
  const parses = (patch: Record<string, unknown>) => roadmapSettingsSchema.safeParse({ ...DEFAULT_ROADMAP_SETTINGS, ...patch }).success;

  it('accepts the defaults and real currencies', () => {
    expect(parses({})).toBe(true);
    expect(parses({ currency: 'SEK', rates: { EUR: 11_500_000, JPY: 70_000 } })).toBe(true);
    expect(parses({ maxFundingShareBp: 1 })).toBe(true);
    expect(parses({ maxFundingShareBp: 10_000 })).toBe(true);
  });

  it('refuses an unknown currency, a zero funding share and bad rates', () => {
    expect(parses({ currency: 'XXQ' })).toBe(false);
    expect(parses({ currency: 'eur' })).toBe(false);
    expect(parses({ maxFundingShareBp: 0 })).toBe(false);
    expect(parses({ maxFundingShareBp: 10_001 })).toBe(false);
    expect(parses({ rates: { XXQ: 1000 } })).toBe(false);
    expect(parses({ rates: { SEK: 0 } })).toBe(false);
    expect(parses({ rates: { SEK: 1.5 } })).toBe(false);
    expect(parses({ defaultCapacityEm: 12.25 })).toBe(false);
    expect(parses({ hoursPerMonth: 0 })).toBe(false);
  });
});
