import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { funderWeights, priceQuote, quoteShares, sharesTotalBp, splitTotal, type QuoteFields, type StaffingMode } from './acceleration';
import { asBp, type Minor } from './money';
import { addQuarters, quarterFromIndex } from './quarter';
import { m, quote, FUNDERS, amounts, partsOf } from './acceleration.fixtures';

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
    expect(
      partsOf(
        splitTotal(m(7), [
          { accountId: 'a', weight: 0 },
          { accountId: 'b', weight: 1 },
        ]),
      ),
    ).toEqual([
      ['a', 0, false],
      ['b', 7, false],
    ]);
    expect(splitTotal(m(7), [])).toBeNull();
    expect(splitTotal(m(7), [{ accountId: 'a', weight: 0 }])).toBeNull();
    expect(
      splitTotal(m(7), [
        { accountId: 'a', weight: -1 },
        { accountId: 'b', weight: 3 },
      ]),
    ).toBeNull();
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
    expect(
      funderWeights(
        'arr',
        [
          { accountId: 'A', shareBp: 0 },
          { accountId: 'B', shareBp: 0 },
        ],
        arrOf,
      ),
    ).toEqual([
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
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 6 }),
        (total, ws) => {
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
        },
      ),
      { numRuns: 500 },
    );
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
