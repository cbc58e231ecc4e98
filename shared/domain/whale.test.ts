import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultExitCount, exitBottom, whaleBars, whaleChartPoints, whaleCurve, type WhaleEntry } from './whale';
import type { Minor } from './money';

const RUNS = { numRuns: 300 };
const m = (n: number) => n as Minor;
const entry = (id: string, profit: number): WhaleEntry => ({ id, name: `Account ${id}`, profit: m(profit) });

/** 400k, 200k, 100k, −50k, −150k (EUR, in cents), given out of order. */
const EXAMPLE: WhaleEntry[] = [
  entry('d', -50_000_00),
  entry('b', 200_000_00),
  entry('e', -150_000_00),
  entry('a', 400_000_00),
  entry('c', 100_000_00),
];

/** 0–200 entries with distinct ids and integer profits, negatives included. */
const entriesArb = fc
  .array(fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }), { maxLength: 200 })
  .map((profits) => profits.map((p, i) => entry(`id${i}`, p)));

/** Σ of the first k profits when sorted largest first, k = 1…n (computed without the module). */
function prefixSums(entries: readonly WhaleEntry[]): number[] {
  const desc = entries.map((e) => e.profit as number).sort((a, b) => b - a);
  const out: number[] = [];
  let s = 0;
  for (const p of desc) out.push((s += p));
  return out;
}

describe('whaleCurve: worked example', () => {
  const curve = whaleCurve(EXAMPLE);

  it('sorts by profit, largest first, and totals 500k', () => {
    expect(curve.count).toBe(5);
    expect(curve.total).toBe(500_000_00);
    expect(curve.points.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(curve.points.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(curve.points.map((p) => p.cumProfit)).toEqual([400_000_00, 600_000_00, 700_000_00, 650_000_00, 500_000_00]);
  });

  it('the top 20 % of accounts make 80 % of the profit', () => {
    const top = curve.points[0]!;
    expect(top.accountShare).toBe(0.2);
    expect(top.profitShare).toBe(0.8);
  });

  it('peaks after 3 accounts (60 %) at 700k = 140 %, then ends at exactly 100 %', () => {
    expect(curve.peak).toEqual({ count: 3, accountShare: 0.6, profit: 700_000_00, profitShare: 1.4 });
    expect(curve.points[2]!.profitShare).toBe(1.4);
    expect(curve.points[4]!.accountShare).toBe(1);
    expect(curve.points[4]!.profitShare).toBe(1);
  });

  it('the bottom 2 accounts (40 %) destroy 200k = −40 % of the profit', () => {
    expect(curve.destroyers).toEqual({ count: 2, profit: -200_000_00 });
    const tail = curve.total - curve.points[2]!.cumProfit;
    expect(tail).toBe(-200_000_00);
    expect(tail / curve.total).toBe(-0.4);
    expect(defaultExitCount(curve)).toBe(2);
  });

  it('exitBottom(2): profit after 700k, +200k, +40 %, least profitable listed first', () => {
    const w = exitBottom(curve, 2);
    expect(w.accounts.map((p) => p.id)).toEqual(['e', 'd']);
    expect(w.theirProfit).toBe(-200_000_00);
    expect(w.profitAfter).toBe(700_000_00);
    expect(w.change).toBe(200_000_00);
    expect(w.changeShare).toBe(0.4);
  });

  it('exiting a profitable account lowers the profit (negative change)', () => {
    // bottom 3: −150k, −50k, +100k → Σ −100k; 500k − (−100k) = 600k
    const w = exitBottom(curve, 3);
    expect(w.profitAfter).toBe(600_000_00);
    expect(w.change).toBe(100_000_00);
    // all five: nothing left
    const all = exitBottom(curve, 5);
    expect(all.profitAfter).toBe(0);
    expect(all.change).toBe(-500_000_00);
    expect(all.changeShare).toBe(-1);
  });

  it('gives null shares when the portfolio as a whole makes no profit', () => {
    const losing = whaleCurve([entry('a', 100), entry('b', -300)]);
    expect(losing.total).toBe(-200);
    expect(losing.points.map((p) => p.profitShare)).toEqual([null, null]);
    expect(losing.peak).toEqual({ count: 1, accountShare: 0.5, profit: 100, profitShare: null });
    // change ÷ |total|: exiting b (−300) gives +300 on a −200 base = +150 %
    expect(exitBottom(losing, 1).changeShare).toBe(1.5);
    const zero = whaleCurve([entry('a', 100), entry('b', -100)]);
    expect(zero.points.every((p) => p.profitShare === null)).toBe(true);
    expect(exitBottom(zero, 1).changeShare).toBeNull();
  });

  it('defaultExitCount is at least 1 when nobody destroys profit', () => {
    expect(defaultExitCount(whaleCurve([entry('a', 5), entry('b', 0)]))).toBe(1);
  });

  it('breaks profit ties by name, then id, whatever the input order', () => {
    const a = { id: '2', name: 'Beta', profit: m(10) };
    const b = { id: '1', name: 'Alpha', profit: m(10) };
    const c = { id: '0', name: 'Alpha', profit: m(10) };
    expect(whaleCurve([a, b, c]).points.map((p) => p.id)).toEqual(['0', '1', '2']);
    expect(whaleCurve([c, a, b]).points.map((p) => p.id)).toEqual(['0', '1', '2']);
  });
});

describe('whaleCurve: empty', () => {
  it('has no accounts, no peak, and an exit of nothing', () => {
    const curve = whaleCurve([]);
    expect(curve.count).toBe(0);
    expect(curve.total).toBe(0);
    expect(curve.points).toEqual([]);
    expect(curve.peak).toBeNull();
    expect(curve.destroyers).toEqual({ count: 0, profit: 0 });
    expect(defaultExitCount(curve)).toBe(0);
    for (const n of [0, 3, -1, Number.NaN]) {
      const w = exitBottom(curve, n);
      expect(w.accounts).toEqual([]);
      expect(w.theirProfit).toBe(0);
      expect(w.profitAfter).toBe(0);
      expect(w.change).toBe(0);
      expect(w.changeShare).toBeNull();
    }
    expect(whaleChartPoints(curve)).toEqual([{ x: 0, y: null, point: null }]);
    expect(whaleBars(curve)).toEqual([]);
  });
});

describe('whaleCurve: properties', () => {
  it('ends at exactly 100 % when there is profit, and has only null shares otherwise', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const curve = whaleCurve(entries);
        const total = entries.reduce((s, e) => s + e.profit, 0);
        expect(curve.total).toBe(total);
        expect(curve.count).toBe(entries.length);
        if (entries.length === 0) return;
        const last = curve.points[curve.count - 1]!;
        expect(last.accountShare).toBe(1);
        expect(last.cumProfit).toBe(total);
        if (total > 0) expect(last.profitShare).toBe(1);
        else {
          expect(curve.points.every((p) => p.profitShare === null)).toBe(true);
          expect(curve.peak!.profitShare).toBeNull();
        }
      }),
      RUNS,
    );
  });

  it('sorts points by profit, largest first, with ranks 1…n and the input ids once each', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const { points } = whaleCurve(entries);
        for (let i = 1; i < points.length; i++) expect(points[i - 1]!.profit).toBeGreaterThanOrEqual(points[i]!.profit);
        expect(points.map((p) => p.rank)).toEqual(points.map((_, i) => i + 1));
        expect(points.map((p) => p.id).sort()).toEqual(entries.map((e) => e.id).sort());
      }),
      RUNS,
    );
  });

  it('the peak is the largest prefix sum, reached by the fewest accounts', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const curve = whaleCurve(entries);
        if (entries.length === 0) return;
        const sums = prefixSums(entries);
        const best = Math.max(...sums);
        const k = sums.indexOf(best) + 1;
        expect(curve.peak!.profit).toBe(best);
        expect(curve.peak!.count).toBe(k);
        expect(curve.peak!.accountShare).toBe(k / entries.length);
        // Closed form: with profitable accounts, the peak is all of them and their sum.
        const positive = entries.filter((e) => e.profit > 0);
        if (positive.length > 0) {
          expect(curve.peak!.count).toBe(positive.length);
          expect(curve.peak!.profit).toBe(positive.reduce((s, e) => s + e.profit, 0));
        } else expect(curve.peak!.count).toBe(1);
        const destroyers = entries.filter((e) => e.profit < 0);
        expect(curve.destroyers).toEqual({ count: destroyers.length, profit: destroyers.reduce((s, e) => s + e.profit, 0) });
      }),
      RUNS,
    );
  });

  it('exitBottom never counts an account twice, whatever n is', () => {
    const nArb = fc.oneof(
      fc.integer({ min: -50, max: 300 }),
      fc.double({ min: -50, max: 300, noNaN: true }),
      fc.constant(Number.NaN),
      fc.constant(-0),
    );
    fc.assert(
      fc.property(entriesArb, nArb, (entries, n) => {
        const curve = whaleCurve(entries);
        const w = exitBottom(curve, n);
        const k = Number.isNaN(n) ? 0 : Math.max(0, Math.min(entries.length, Math.floor(n)));
        expect(w.accounts).toHaveLength(k);
        expect(new Set(w.accounts.map((p) => p.id)).size).toBe(k);
        const theirs = w.accounts.reduce((s, p) => s + p.profit, 0);
        expect(w.theirProfit).toBe(theirs);
        expect(w.profitAfter).toBe(curve.total - theirs);
        expect(w.change).toBe(-theirs || 0);
        // Exactly the k lowest profits, least profitable first.
        const lowest = entries.map((e) => e.profit as number).sort((a, b) => a - b);
        expect(w.accounts.map((p) => p.profit)).toEqual(lowest.slice(0, k));
        const out = new Set(w.accounts.map((p) => p.id));
        const maxOut = Math.max(-Infinity, ...w.accounts.map((p) => p.profit));
        for (const e of entries) if (!out.has(e.id)) expect(e.profit).toBeGreaterThanOrEqual(maxOut);
        // profit after + what they made = the total: nothing lost, nothing counted twice
        expect(w.profitAfter + w.theirProfit).toBe(curve.total);
      }),
      RUNS,
    );
  });

  it('whaleChartPoints keeps the origin, the peak and the last point in at most max + 1 points', () => {
    fc.assert(
      fc.property(entriesArb, fc.option(fc.integer({ min: 4, max: 60 }), { nil: undefined }), (entries, max) => {
        const curve = whaleCurve(entries);
        const pts = whaleChartPoints(curve, max);
        expect(pts.length).toBeLessThanOrEqual((max ?? 400) + 1);
        expect(pts[0]).toEqual({ x: 0, y: curve.total > 0 ? 0 : null, point: null });
        for (let i = 1; i < pts.length; i++) expect(pts[i]!.x).toBeGreaterThanOrEqual(pts[i - 1]!.x);
        for (const p of pts.slice(1)) {
          expect(p.x).toBe(p.point!.accountShare * 100);
          expect(p.y).toBe(p.point!.profitShare === null ? null : p.point!.profitShare * 100);
        }
        const ranks = pts.slice(1).map((p) => p.point!.rank);
        expect(new Set(ranks).size).toBe(ranks.length);
        if (curve.count === 0) return;
        expect(ranks).toContain(curve.peak!.count);
        expect(ranks.at(-1)).toBe(curve.count);
        if (curve.count <= (max ?? 400)) expect(ranks).toEqual(curve.points.map((p) => p.rank));
      }),
      RUNS,
    );
  });

  it('whaleChartPoints draws 10,000 accounts as at most 400 points with the exact peak', () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => entry(`id${i}`, 5_000 - i));
    const curve = whaleCurve(entries);
    const pts = whaleChartPoints(curve);
    expect(pts.length).toBeLessThanOrEqual(401);
    // profits 5000 … 1 are positive: the peak is after 5,000 accounts
    expect(curve.peak!.count).toBe(5_000);
    expect(pts.some((p) => p.point?.rank === 5_000)).toBe(true);
    expect(pts.at(-1)!.point!.rank).toBe(10_000);
  });

  it('whaleBars: at most max bars covering every rank once, summing to the total', () => {
    fc.assert(
      fc.property(entriesArb, fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }), (entries, max) => {
        const curve = whaleCurve(entries);
        const bars = whaleBars(curve, max);
        expect(bars.length).toBeLessThanOrEqual(max ?? 120);
        const covered: number[] = [];
        for (const b of bars) {
          expect(b.to).toBeGreaterThanOrEqual(b.from);
          for (let r = b.from; r <= b.to; r++) covered.push(r);
        }
        expect(covered).toEqual(curve.points.map((_, i) => i + 1));
        expect(bars.reduce((s, b) => s + b.profit, 0)).toBe(curve.total);
        for (const b of bars) {
          const run = curve.points.slice(b.from - 1, b.to);
          expect(b.profit).toBe(run.reduce((s, p) => s + p.profit, 0));
          if (b.from === b.to && curve.count <= (max ?? 120)) expect(b).toMatchObject({ id: run[0]!.id, names: [run[0]!.name] });
          else expect(b).toMatchObject({ id: null, names: [run[0]!.name, run.at(-1)!.name] });
        }
      }),
      RUNS,
    );
  });
});
