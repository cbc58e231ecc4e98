import { describe, expect, it } from 'vitest';
import {
  accountsAtRisk,
  bucketColumns,
  bucketNeedsEvidence,
  costMarginMatrix,
  distinctValues,
  filterPortfolio,
  isFiltered,
  namedOutliers,
  NO_PORTFOLIO_FILTER,
  rotationsDue,
  spiralCounts,
  toPortfolio,
  totalsOf,
  type PortfolioFilter,
  type PortfolioRow,
} from './portfolio';
import { defaultAccountFields, DEFAULT_ICP_WEIGHTS, type AccountFields } from './account';
import type { IsoDate } from './dates';
import type { Minor } from './money';
import { resolveWorkspace, type WorkspaceSettings } from './workspace';

const m = (n: number) => n as Minor;
const account = (id: string, o: Partial<AccountFields> = {}) => ({ id, ...defaultAccountFields({ name: `Account ${id}`, ...o }) });

/** 1 SEK = 0.087 EUR, 1 JPY = 0.0062 EUR (JPY has no minor digits, EUR two). */
const WS: WorkspaceSettings = resolveWorkspace({ currency: 'EUR', rates: { SEK: 87_000, JPY: 6_200 } });

const row = (id: string, o: Partial<PortfolioRow> = {}): PortfolioRow => ({
  id,
  name: `Account ${id}`,
  owner: '',
  industry: '',
  region: '',
  currency: 'EUR',
  sizeClass: 'deer',
  bucket: null,
  bucketEvidence: '',
  arr: m(0),
  potentialArr: m(0),
  cost: m(0),
  profit: m(0),
  hasCost: false,
  fit: null,
  penetration: null,
  spiralStage: 'functionality',
  spiralLap: 1,
  ...o,
});

/** A row with cost: profit = arr − cost. */
const costed = (id: string, arr: number, cost: number, o: Partial<PortfolioRow> = {}) =>
  row(id, { arr: m(arr), cost: m(cost), profit: m(arr - cost), hasCost: true, ...o });

describe('toPortfolio', () => {
  it('converts ARR, potential and cost into the reporting currency', () => {
    // SEK 1,000,000 ARR, SEK 2,000,000 potential, 100 h support at SEK 900 = SEK 90,000 cost
    const sek = account('sek', {
      currency: 'SEK',
      arr: m(100_000_000),
      potentialArr: m(200_000_000),
      supportHours: 100,
      supportRate: m(90_000),
    });
    const p = toPortfolio([sek], WS);
    expect(p.currency).toBe('EUR');
    expect(p.unconverted).toEqual([]);
    expect(p.rows).toHaveLength(1);
    const r = p.rows[0]!;
    expect(r.arr).toBe(8_700_000); // €87,000
    expect(r.potentialArr).toBe(17_400_000); // €174,000
    expect(r.cost).toBe(783_000); // €7,830
    expect(r.profit).toBe(8_700_000 - 783_000);
    expect(r.hasCost).toBe(true);
    expect(r.currency).toBe('SEK');
    // penetration from the account's own amounts
    expect(r.penetration).toBe(0.5);
  });

  it('shifts digits when the currencies differ in minor units (JPY → EUR, EUR → JPY)', () => {
    // ¥10,000,000 × 0.0062 = €62,000; 10 h engineering at ¥15,000 = ¥150,000 → €930
    const jpy = account('jpy', {
      currency: 'JPY',
      arr: m(10_000_000),
      potentialArr: m(0),
      engineeringHours: 10,
      engineeringRate: m(15_000),
    });
    const r = toPortfolio([jpy], WS).rows[0]!;
    expect(r.arr).toBe(6_200_000);
    expect(r.cost).toBe(93_000);
    expect(r.profit).toBe(6_107_000);
    expect(r.penetration).toBeNull();
    // the other way: reporting in JPY, 1 EUR = ¥161.29; €100.00 → ¥16,129
    const yen = resolveWorkspace({ currency: 'JPY', rates: { EUR: 161_290_000 } });
    const eur = toPortfolio([account('eur', { arr: m(10_000) })], yen).rows[0]!;
    expect(eur.arr).toBe(16_129);
  });

  it('keeps a money-losing account with a negative profit; no hours = no cost', () => {
    const losing = account('losing', { arr: m(1_000_000), supportHours: 200 }); // 200 h × €90 = €18,000
    const free = account('free', { arr: m(500_000) });
    const [l, f] = toPortfolio([losing, free], WS).rows;
    expect(l!.cost).toBe(1_800_000);
    expect(l!.profit).toBe(-800_000);
    expect(l!.hasCost).toBe(true);
    expect(f!.cost).toBe(0);
    expect(f!.profit).toBe(500_000);
    expect(f!.hasCost).toBe(false);
  });

  it('lists accounts without a rate apart, by currency, never in the rows', () => {
    const accounts = [
      account('u1', { currency: 'USD', arr: m(1_000) }),
      account('e1', { arr: m(2_000) }),
      account('c1', { currency: 'CHF', arr: m(3_000) }),
      account('u2', { currency: 'USD', arr: m(4_000) }),
    ];
    const p = toPortfolio(accounts, WS);
    expect(p.rows.map((r) => r.id)).toEqual(['e1']);
    expect(p.unconverted).toEqual([
      { currency: 'CHF', accounts: [{ id: 'c1', name: 'Account c1' }] },
      {
        currency: 'USD',
        accounts: [
          { id: 'u1', name: 'Account u1' },
          { id: 'u2', name: 'Account u2' },
        ],
      },
    ]);
    expect(totalsOf(p.rows).arr).toBe(2_000);
  });

  it('scores ICP fit with the workspace weights', () => {
    const a = account('a', { icp: { industryFit: 5, companySize: 0 } });
    const fitUnder = (icpWeights: Partial<WorkspaceSettings['icpWeights']>) =>
      toPortfolio([a], resolveWorkspace({ icpWeights: { ...DEFAULT_ICP_WEIGHTS, ...icpWeights } })).rows[0]!.fit;
    // Σ w × r ÷ Σ w × 5: (1×5 + 1×0) ÷ 10 = 50 %; (3×5 + 1×0) ÷ 20 = 75 %; defaults 3/2: 15 ÷ 25 = 60 %
    expect(fitUnder({ industryFit: 1, companySize: 1 })).toBe(50);
    expect(fitUnder({ industryFit: 3, companySize: 1 })).toBe(75);
    expect(fitUnder({})).toBe(60);
    // a weight of 0 leaves the criterion out
    expect(fitUnder({ industryFit: 0, companySize: 1 })).toBe(0);
    expect(toPortfolio([account('none')], WS).rows[0]!.fit).toBeNull();
  });
});

describe('filterPortfolio', () => {
  const rows = [
    row('a', { owner: 'Ann', sizeClass: 'deer', bucket: 1, region: 'Nordics', industry: 'Retail', fit: 80 }),
    row('b', { owner: 'Ann', sizeClass: 'elephant', bucket: null, region: 'DACH', industry: 'Retail', fit: 90 }),
    row('c', { owner: 'Bo', sizeClass: 'deer', bucket: 4, region: 'Nordics', industry: 'Logistics', fit: null }),
    row('d', { owner: 'Bo', sizeClass: 'rabbit', bucket: null, region: 'Nordics', industry: 'retail ', fit: 40 }),
  ];
  const segments = new Map([
    ['retail', { industry: 'Retail', region: '', sizeClass: null, minFit: null }],
    ['goodRetail', { industry: 'retail', region: '', sizeClass: null, minFit: 50 }],
  ]);
  const ids = (f: Partial<PortfolioFilter>) => filterPortfolio(rows, { ...NO_PORTFOLIO_FILTER, ...f }, segments).map((r) => r.id);

  it('passes everything without a filter', () => {
    expect(ids({})).toEqual(['a', 'b', 'c', 'd']);
    expect(isFiltered(NO_PORTFOLIO_FILTER)).toBe(false);
  });

  it('filters by each field', () => {
    expect(ids({ owner: 'Ann' })).toEqual(['a', 'b']);
    expect(ids({ sizeClass: 'deer' })).toEqual(['a', 'c']);
    expect(ids({ bucket: 4 })).toEqual(['c']);
    expect(ids({ bucket: 2 })).toEqual([]);
    expect(ids({ bucket: 'none' })).toEqual(['b', 'd']);
    expect(ids({ region: 'Nordics' })).toEqual(['a', 'c', 'd']);
    expect(ids({ segment: 'retail' })).toEqual(['a', 'b', 'd']);
    expect(ids({ segment: 'goodRetail' })).toEqual(['a', 'b']);
    for (const f of [{ owner: 'Ann' }, { sizeClass: 'deer' as const }, { bucket: 'none' as const }, { segment: 'x' }, { region: 'x' }]) {
      expect(isFiltered({ ...NO_PORTFOLIO_FILTER, ...f })).toBe(true);
    }
  });

  it('an unknown segment id matches nothing', () => {
    expect(ids({ segment: 'deleted' })).toEqual([]);
  });

  it('combines filters: every one must pass', () => {
    expect(ids({ owner: 'Bo', region: 'Nordics', bucket: 'none' })).toEqual(['d']);
    expect(ids({ owner: 'Ann', segment: 'goodRetail', sizeClass: 'elephant' })).toEqual(['b']);
    expect(ids({ owner: 'Bo', segment: 'goodRetail' })).toEqual([]);
  });

  it('distinctValues offers the non-empty values, sorted', () => {
    expect(distinctValues([...rows, row('e', { owner: '  ' })], 'owner')).toEqual(['Ann', 'Bo']);
    expect(distinctValues(rows, 'region')).toEqual(['DACH', 'Nordics']);
  });
});

describe('bucketColumns', () => {
  it('gives buckets 1–4 and the unplaced, each sorted by ARR with its totals', () => {
    const rows = [
      costed('a', 1_000, 300, { bucket: 1 }),
      costed('b', 3_000, 4_000, { bucket: 4 }),
      row('c', { bucket: 1, arr: m(2_000), profit: m(2_000) }),
      row('d', { arr: m(500), profit: m(500) }),
      costed('e', 700, 100, { bucket: 4, name: 'Alpha' }),
      costed('f', 700, 200, { bucket: 4, name: 'Beta' }),
    ];
    const cols = bucketColumns(rows);
    expect(cols.map((c) => c.bucket)).toEqual([1, 2, 3, 4, null]);
    expect(cols.map((c) => c.rows.map((r) => r.id))).toEqual([['c', 'a'], [], [], ['b', 'e', 'f'], ['d']]);
    expect(cols[0]!.totals).toEqual({ count: 2, arr: 3_000, cost: 300, profit: 2_700, withoutCost: 1 });
    expect(cols[1]!.totals).toEqual({ count: 0, arr: 0, cost: 0, profit: 0, withoutCost: 0 });
    expect(cols[3]!.totals).toEqual({ count: 3, arr: 4_400, cost: 4_300, profit: 100, withoutCost: 0 });
    expect(cols[4]!.totals).toEqual({ count: 1, arr: 500, cost: 0, profit: 500, withoutCost: 1 });
    // every row in exactly one column
    const all = totalsOf(rows);
    expect(cols.reduce((s, c) => s + c.totals.count, 0)).toBe(all.count);
    expect(cols.reduce((s, c) => s + c.totals.profit, 0)).toBe(all.profit);
  });

  it('asks for evidence for buckets 3 and 4 only', () => {
    expect([1, 2, 3, 4, null].map((b) => bucketNeedsEvidence(b as 1 | 2 | 3 | 4 | null))).toEqual([false, false, true, true, false]);
  });
});

describe('costMarginMatrix', () => {
  it('splits at the medians (on the line counts as high) and leaves out accounts without cost', () => {
    const rows = [
      costed('A', 1_000, 100), // high revenue, low cost
      costed('B', 800, 500), // high, high
      costed('C', 500, 300), // exactly on both medians
      costed('D', 200, 400), // low revenue, high cost, loses money
      costed('E', 100, 50), // low, low
      row('F', { arr: m(5_000), profit: m(5_000) }), // no cost entered
    ];
    const mx = costMarginMatrix(rows);
    expect(mx.revenueLine).toBe(500);
    expect(mx.costLine).toBe(300);
    expect(mx.withoutCost).toBe(1);
    expect(mx.points.map((p) => [p.id, p.quadrant])).toEqual([
      ['A', 'passive'],
      ['B', 'carriage'],
      ['C', 'carriage'],
      ['D', 'aggressive'],
      ['E', 'bargain'],
    ]);
    expect(mx.counts).toEqual({ carriage: 2, passive: 1, aggressive: 1, bargain: 1 });
    // no value lies outside Tukey's fences here: only the money-losing account is an outlier
    expect(mx.points.filter((p) => p.outlier).map((p) => p.id)).toEqual(['D']);
    expect(mx.points.find((p) => p.id === 'D')).toMatchObject({ revenue: 200, cost: 400, profit: -200 });
  });

  it('takes the rounded mean of the middle two as the median of an even count', () => {
    const mx = costMarginMatrix([costed('a', 100, 10), costed('b', 201, 21), costed('c', 300, 30), costed('d', 400, 40)]);
    expect(mx.revenueLine).toBe(251); // (201 + 300) / 2 = 250.5 → 251
    expect(mx.costLine).toBe(26); // (21 + 30) / 2 = 25.5 → 26
  });

  it('flags values outside the fences on revenue and profit', () => {
    const arrs = [1_000, 1_100, 1_200, 1_300, 1_400, 1_500, 1_600, 50_000];
    const rows = arrs.map((a, i) => costed(`r${i}`, a, 100 + 10 * i));
    const mx = costMarginMatrix(rows);
    expect(mx.points.filter((p) => p.outlier).map((p) => p.id)).toEqual(['r7']);
    expect(namedOutliers(mx).map((p) => p.id)).toEqual(['r7']);
    // with a money-loser too, the one furthest from zero profit is named first
    const mx2 = costMarginMatrix([...rows, costed('loser', 100, 60_000)]);
    expect(namedOutliers(mx2).map((p) => p.id)).toEqual(['loser', 'r7']);
    expect(namedOutliers(mx2, 1).map((p) => p.id)).toEqual(['loser']);
  });

  it('flags no fence outliers below 4 accounts, only money-losers', () => {
    const mx = costMarginMatrix([costed('a', 10, 1), costed('b', 20, 2), costed('huge', 1_000_000, 3)]);
    expect(mx.points.some((p) => p.outlier)).toBe(false);
    const none = costMarginMatrix([row('x'), row('y')]);
    expect(none).toEqual({
      points: [],
      revenueLine: 0,
      costLine: 0,
      counts: { carriage: 0, passive: 0, aggressive: 0, bargain: 0 },
      withoutCost: 2,
    });
  });
});

describe('spiralCounts', () => {
  it('counts accounts per stage and lap', () => {
    const s = spiralCounts([
      row('a', { spiralStage: 'usability', spiralLap: 1 }),
      row('b', { spiralStage: 'usability', spiralLap: 2 }),
      row('c', { spiralStage: 'usability', spiralLap: 2 }),
      row('d', { spiralStage: 'support', spiralLap: 1 }),
    ]);
    expect(s.laps).toEqual([1, 2]);
    expect(s.cells.map((c) => [c.stage, c.total])).toEqual([
      ['functionality', 0],
      ['usability', 3],
      ['stability', 0],
      ['support', 1],
    ]);
    expect([...s.cells[1]!.byLap]).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

describe('rotationsDue', () => {
  const today = '2026-03-15' as IsoDate;
  const c = (id: string, o: Partial<AccountFields>) => account(id, { communicator: `Person ${id}`, ...o });
  const accounts = [
    c('exactly18', { communicatorSince: '2024-09-15' as IsoDate }),
    c('dayShort', { communicatorSince: '2024-09-16' as IsoDate }), // 17 whole months
    c('engineer', { communicatorRole: 'engineer', communicatorSince: null }),
    c('blankEngineer', { communicator: '  ', communicatorRole: 'engineer' }),
    c('both', { communicatorRole: 'engineer', communicatorSince: '2020-01-01' as IsoDate }), // 74 months
    c('fresh', { communicatorSince: '2026-01-01' as IsoDate }),
    c('unknown', { communicatorSince: null }),
  ];

  it('lists tenure ≥ 18 months and engineers in the seat, longest tenure first', () => {
    expect(rotationsDue(accounts, today)).toEqual([
      { id: 'both', name: 'Account both', communicator: 'Person both', role: 'engineer', tenureMonths: 74, tenure: true, engineer: true },
      {
        id: 'exactly18',
        name: 'Account exactly18',
        communicator: 'Person exactly18',
        role: 'accountManager',
        tenureMonths: 18,
        tenure: true,
        engineer: false,
      },
      {
        id: 'engineer',
        name: 'Account engineer',
        communicator: 'Person engineer',
        role: 'engineer',
        tenureMonths: null,
        tenure: false,
        engineer: true,
      },
    ]);
  });

  it('takes another rotation limit', () => {
    expect(rotationsDue(accounts, today, 17).map((r) => r.id)).toEqual(['both', 'exactly18', 'dayShort', 'engineer']);
  });
});

describe('accountsAtRisk', () => {
  it('gives every reason that applies, most reasons first', () => {
    const rows = [
      costed('fine', 100_000, 10_000, { potentialArr: m(200_000), bucket: 1 }),
      // 5 % of the wallet, bucket 4, health 20, costs more than it brings
      costed('all', 5_000, 9_000, { potentialArr: m(100_000), bucket: 4 }),
      row('small', { arr: m(9_999), potentialArr: m(100_000) }), // 9.999 % < 10 %
      row('tenPercent', { arr: m(10_000), potentialArr: m(100_000) }), // exactly 10 %: not small
      row('noWallet', { arr: m(0), potentialArr: m(0), bucket: 4 }),
      costed('loses', 1_000, 1_001, { potentialArr: m(1_000) }),
      row('unhealthy', { potentialArr: m(0) }),
      row('health50', { potentialArr: m(0) }),
      // not losing money when no cost is entered, however the row says
      row('noCost', { profit: m(-1), hasCost: false }),
    ];
    const health = new Map([
      ['all', 20],
      ['unhealthy', 49],
      ['health50', 50],
      ['fine', 10],
    ]);
    const risk = accountsAtRisk(rows, health);
    expect(risk.map((r) => [r.row.id, r.reasons])).toEqual([
      ['all', ['smallDeal', 'bucket4', 'lowHealth', 'losesMoney']],
      ['fine', ['lowHealth']],
      ['small', ['smallDeal']],
      ['loses', ['losesMoney']],
      ['noWallet', ['bucket4']],
      ['unhealthy', ['lowHealth']],
    ]);
  });
});

describe('toPortfolio with amounts too large to add up', () => {
  it('lists them apart, counts the rest, and no sum leaves the safe integers', () => {
    const huge = [0, 1, 2].map((i) => account(`h${i}`, { arr: m(Number.MAX_SAFE_INTEGER - i) }));
    const hours = account('hours', { supportHours: 100_000, supportRate: m(Number.MAX_SAFE_INTEGER) });
    const fine = account('fine', { arr: m(5_000_000) });
    const p = toPortfolio([...huge, hours, fine], WS);
    expect(p.rows.map((r) => r.id)).toEqual(['fine']);
    expect(p.outOfRange.map((a) => a.id).sort()).toEqual(['h0', 'h1', 'h2', 'hours']);
    expect(totalsOf(p.rows).arr).toBe(5_000_000);
  });
});
