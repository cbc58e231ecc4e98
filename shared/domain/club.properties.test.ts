import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareOffer, offerOption, recommend } from './club';
import { asBp, percentOf } from './money';

import { figures, offer, opt } from './club.fixtures';

describe('offer properties', () => {
  const RUNS = { numRuns: 400 };
  const term = fc.integer({ min: 1, max: 10 });
  // list ≤ 9 × 10¹³ keeps list × 10 years a safe integer; club ≤ list × 1 000 keeps the break-even bp (≤ 10⁷) safe
  const listAndClub = fc
    .integer({ min: 1, max: 90_000_000_000_000 })
    .chain((list) => fc.tuple(fc.constant(list), fc.integer({ min: 0, max: Math.min(90_000_000_000_000, list * 1000) })));
  const smallListAndClub = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 1_000_000 }));

  it('(i) the break-even discount equalises the discount and the club cost over the term', () => {
    fc.assert(
      fc.property(fc.oneof(listAndClub, smallListAndClub), term, ([list, club], termYears) => {
        const o = offer(list, termYears, 0, club, [opt('A', 0, true), opt('B', 0, false)]);
        const c = compareOffer(o);
        const be = c.breakEven!;
        expect(be.num).toBe(club);
        expect(be.den).toBe(list);
        const gross = c.results[0]!.gross;
        const clubOverTerm = c.results[0]!.clubCost;
        expect(gross).toBe(list * termYears);
        expect(clubOverTerm).toBe(club * termYears);
        // exact: gross × num ÷ den = list × term × club ÷ list = club × term, no remainder
        const p = BigInt(gross) * BigInt(be.num);
        expect(p % BigInt(be.den)).toBe(0n);
        expect(p / BigInt(be.den)).toBe(BigInt(clubOverTerm));
        // bp is the exact ratio rounded half away from zero: −½ ≤ 10 000 × num ÷ den − bp < ½
        // (a ratio of exactly x.5 rounds up to x + 1), i.e. −den ≤ 2 × (10 000 × num − bp × den) < den
        const twice = BigInt(be.num) * 20_000n - BigInt(be.bp) * 2n * BigInt(be.den);
        expect(twice >= -BigInt(be.den) && twice < BigInt(be.den)).toBe(true);
        // with the rounded bp the discount misses the club cost by at most gross ÷ 20 000 + 1
        const diff = Math.abs(percentOf(gross, asBp(be.bp)) - clubOverTerm);
        expect(diff).toBeLessThanOrEqual(gross / 20_000 + 1);
      }),
      RUNS,
    );
  });

  it('(ii) a bigger discount never raises net revenue', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90_000_000_000_000 }),
        term,
        fc.integer({ min: 0, max: 90_000_000_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (list, termYears, club, seat, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          const o = offer(list, termYears, 0, club, []);
          const small = offerOption(o, opt('lo', lo, seat));
          const big = offerOption(o, opt('hi', hi, seat));
          expect(big.net).toBeLessThanOrEqual(small.net);
          expect(big.discountGiven).toBeGreaterThanOrEqual(small.discountGiven);
          expect(small.net - big.net).toBe(big.discountGiven - small.discountGiven);
          expect(big.clubCost).toBe(small.clubCost);
        },
      ),
      RUNS,
    );
  });

  const arbOffer = fc.record({
    list: fc.integer({ min: 0, max: 90_000_000_000_000 }),
    termYears: term,
    club: fc.integer({ min: 0, max: 90_000_000_000_000 }),
    // small ranges make ties between options frequent
    options: fc.array(
      fc.record({ bp: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(0, 500, 800, 1000)), seat: fc.boolean() }),
      { minLength: 1, maxLength: 8 },
    ),
  });
  const build = (a: { list: number; termYears: number; club: number; options: { bp: number; seat: boolean }[] }) =>
    offer(
      a.list,
      a.termYears,
      0,
      a.club,
      a.options.map((x, i) => opt(String(i), x.bp, x.seat)),
    );

  it('(iii) vsFirst of the first option is 0 and vsFirst_i = net_i − net_0', () => {
    fc.assert(
      fc.property(arbOffer, (a) => {
        const o = build(a);
        const { results } = compareOffer(o);
        expect(results).toHaveLength(a.options.length);
        expect(results[0]!.vsFirst).toBe(0);
        results.forEach((r, i) => {
          expect(r.vsFirst).toBe(r.net - results[0]!.net);
          expect(figures(r)).toEqual(figures(offerOption(o, o.options[i]!, results[0]!.net)));
          expect(r.tcv).toBe(r.gross - r.discountGiven);
          expect(r.net).toBe(r.tcv - r.clubCost);
          expect(r.concession).toBe(r.discountGiven + r.clubCost);
          expect(r.gross - r.concession).toBe(r.net);
        });
      }),
      RUNS,
    );
  });

  it('(iv) best always has the maximum net; ties go to the smaller discount, then a seat', () => {
    fc.assert(
      fc.property(arbOffer, (a) => {
        const o = build(a);
        const c = compareOffer(o);
        const nets = c.results.map((r) => r.net);
        const max = Math.max(...nets);
        const best = c.results[c.best]!;
        expect(best.net).toBe(max);
        const top = c.results.filter((r) => r.net === max);
        const minBp = Math.min(...top.map((r) => r.option.discountBp));
        expect(best.option.discountBp).toBe(minBp);
        if (top.some((r) => r.option.discountBp === minBp && r.option.seat)) expect(best.option.seat).toBe(true);
        // the recommendation names the same option and its margin over the best option on the
        // other side of the trade (seat against no seat), else over the next best
        const rec = recommend(o, c);
        expect(rec.best).toBe(c.best);
        if (c.results.length > 1) {
          const others = c.results.filter((_, i) => i !== c.best);
          const opposite = others.filter((r) => r.option.seat !== best.option.seat);
          const second = Math.max(...(opposite.length > 0 ? opposite : others).map((r) => r.net));
          expect(rec.params.by).toBe(max - second);
          expect(rec.reason === 'equal').toBe(second === max);
        } else {
          expect(rec.reason).toBe('onlyOption');
        }
      }),
      RUNS,
    );
  });
});
