import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, DAGRE_MAX_PEOPLE, GRID, freeSpot, orgChartLayout, reportingForest, type Position } from './orgLayout';
import { LINE_KINDS, type LineKind } from './stakeholders';

type Node = { id: string; x: number; y: number };
type Line = { from: string; to: string; kind: LineKind };

const at = (id: string, x = 0, y = 0): Node => ({ id, x, y });
/** `from` reports to `to`. */
const rep = (from: string, to: string): Line => ({ from, to, kind: 'reportsTo' });
/** Math.round(v / GRID) * GRID, as the layout snaps; `+ 0` turns -0 into 0 so toBe compares values. */
const snap = (v: number) => Math.round(v / GRID) * GRID + 0;
const num = (v: number) => v + 0;

const get = (m: Map<string, Position>, id: string): Position => {
  const p = m.get(id);
  if (!p) throw new Error(`no position for ${id}`);
  return p;
};

function overlaps(m: Map<string, Position>): string[] {
  const list = [...m.entries()];
  const bad: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, pa] = list[i]!;
      const [b, pb] = list[j]!;
      if (Math.abs(pa.x - pb.x) < CARD_WIDTH && Math.abs(pa.y - pb.y) < CARD_HEIGHT) bad.push(`${a}/${b}`);
    }
  return bad;
}

const offGrid = (m: Map<string, Position>) =>
  [...m.entries()].filter(([, p]) => Math.abs(p.x % GRID) !== 0 || Math.abs(p.y % GRID) !== 0).map(([id]) => id);

describe('orgChartLayout', () => {
  // ceo ← vp1, vp2; vp1 ← d1, d2; vp2 ← d3
  const nodes = ['ceo', 'vp1', 'vp2', 'd1', 'd2', 'd3'].map((id) => at(id));
  const lines = [rep('vp1', 'ceo'), rep('vp2', 'ceo'), rep('d1', 'vp1'), rep('d2', 'vp1'), rep('d3', 'vp2')];
  const m = orgChartLayout(nodes, lines);

  it('puts managers above their reports and siblings on one row', () => {
    expect(get(m, 'ceo').y).toBeLessThan(get(m, 'vp1').y);
    expect(get(m, 'vp1').y).toBe(get(m, 'vp2').y);
    expect(get(m, 'vp1').y).toBeLessThan(get(m, 'd1').y);
    expect(get(m, 'd1').y).toBe(get(m, 'd2').y);
    expect(get(m, 'd2').y).toBe(get(m, 'd3').y);
    // rows are at least a card apart
    expect(get(m, 'vp1').y - get(m, 'ceo').y).toBeGreaterThanOrEqual(CARD_HEIGHT);
  });

  it('places every card on the grid, none overlapping', () => {
    expect([...m.keys()].sort()).toEqual(['ceo', 'd1', 'd2', 'd3', 'vp1', 'vp2']);
    expect(offGrid(m)).toEqual([]);
    expect(overlaps(m)).toEqual([]);
  });

  it('keeps the block at its previous top-left corner', () => {
    const spread = [at('ceo', 640, 480), at('vp1', 320, 960), at('vp2', 1200, 160), at('d1', 2000, 2000)];
    const r = orgChartLayout(spread, [rep('vp1', 'ceo'), rep('vp2', 'ceo'), rep('d1', 'vp1')]);
    const ps = [...r.values()];
    // min x was 320 (vp1), min y 160 (vp2); both on the grid already
    expect(Math.min(...ps.map((p) => p.x))).toBe(320);
    expect(Math.min(...ps.map((p) => p.y))).toBe(160);
    expect(get(r, 'ceo').y).toBe(160); // the top of the chart is the top of the block
  });

  it('snaps an off-grid corner to the nearest grid line', () => {
    // min x 10 → 16 (10/16 = 0.625 rounds up), min y 7 → 0 (0.4375 rounds down)
    const r = orgChartLayout([at('a', 10, 300), at('b', 500, 7)], [rep('b', 'a')]);
    expect(get(r, 'a').y).toBe(0); // a is the manager: the top row
    expect(Math.min(get(r, 'a').x, get(r, 'b').x)).toBe(16);
    expect(offGrid(r)).toEqual([]);
  });

  it('moves only the given ids and ignores lines to people outside them', () => {
    const all = [at('a', 160, 160), at('b', 480, 160), at('boss', 0, 0), at('other', 800, 800)];
    // a reports to boss, but boss is not being laid out: a and b are unrelated, so one row
    const r = orgChartLayout(all, [rep('a', 'boss'), rep('b', 'a'), rep('other', 'b')], new Set(['a', 'b']));
    expect([...r.keys()].sort()).toEqual(['a', 'b']);
    expect(get(r, 'a').y).toBeLessThan(get(r, 'b').y); // b reports to a, both selected
    // the corner is that of the selection (160, 160), not of the whole map (0, 0)
    expect(Math.min(get(r, 'a').x, get(r, 'b').x)).toBe(160);
    expect(get(r, 'a').y).toBe(160);
  });

  it('ranks only by reports-to: other lines leave everyone on one row', () => {
    const four = ['a', 'b', 'c', 'd'].map((id, i) => at(id, i * 16, 0));
    const others: Line[] = [
      { from: 'a', to: 'b', kind: 'dotted' },
      { from: 'b', to: 'c', kind: 'influences' },
      { from: 'c', to: 'd', kind: 'conflict' },
      { from: 'd', to: 'a', kind: 'alliance' },
    ];
    const r = orgChartLayout(four, others);
    expect(new Set([...r.values()].map((p) => p.y))).toEqual(new Set([0]));
    expect(overlaps(r)).toEqual([]);
    // adding them to a real chart changes nothing
    expect(
      orgChartLayout(nodes, [...lines, { from: 'd1', to: 'ceo', kind: 'dotted' }, { from: 'ceo', to: 'd3', kind: 'influences' }]),
    ).toEqual(m);
  });

  it('returns an empty map when nothing moves', () => {
    expect(orgChartLayout(nodes, lines, new Set()).size).toBe(0);
    expect(orgChartLayout([], lines).size).toBe(0);
    expect(orgChartLayout(nodes, lines, new Set(['gone'])).size).toBe(0);
  });

  it('ignores a line to a selected id that is not among the nodes (deleted person)', () => {
    const two = [at('a'), at('b')];
    // a and b are unrelated: one row at y 0
    const clean = orgChartLayout(two, []);
    expect(get(clean, 'a').y).toBe(get(clean, 'b').y);
    // a stale selection still holding a deleted "ghost", with b's dangling line to it
    const stale = orgChartLayout(two, [rep('b', 'ghost')], new Set(['a', 'b', 'ghost']));
    expect(stale).toEqual(clean);
  });

  it('lays out any forest of up to 30 people without overlap, on the grid, managers above', () => {
    const forest = fc.array(
      fc.record({ parent: fc.nat(), x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(forest, (rows) => {
        const ns = rows.map((r, i) => at(`p${i}`, r.x, r.y));
        // person i reports to an earlier person, or to nobody (a root): parent ∈ [-1, i-1]
        const parentOf = rows.map((r, i) => (r.parent % (i + 1)) - 1);
        const ls = parentOf.flatMap((p, i) => (p >= 0 ? [rep(`p${i}`, `p${p}`)] : []));
        const r = orgChartLayout(ns, ls);
        expect(r.size).toBe(ns.length);
        expect(overlaps(r)).toEqual([]);
        expect(offGrid(r)).toEqual([]);
        for (const l of ls) expect(get(r, l.to).y).toBeLessThan(get(r, l.from).y);
        const ps = [...r.values()];
        expect(num(Math.min(...ps.map((p) => p.x)))).toBe(snap(Math.min(...rows.map((q) => q.x))));
        expect(num(Math.min(...ps.map((p) => p.y)))).toBe(snap(Math.min(...rows.map((q) => q.y))));
      }),
      { numRuns: 60 },
    );
  });
});

describe('reportingForest', () => {
  const ids = new Set(['a', 'b', 'c', 'd']);
  it('keeps one manager per person (the first line), skips loops, self-lines, outsiders and other kinds', () => {
    const f = reportingForest(ids, [
      rep('b', 'a'),
      rep('b', 'c'), // a second manager: ignored
      rep('c', 'b'),
      rep('a', 'c'), // would close a → c → b → a: skipped
      rep('d', 'd'),
      rep('d', 'ghost'),
      { from: 'd', to: 'a', kind: 'dotted' },
      { from: 'a', to: 'd', kind: 'influences' },
      { from: 'd', to: 'c', kind: 'mentors' as LineKind },
    ]);
    expect([...f]).toEqual([
      ['b', 'a'],
      ['c', 'b'],
    ]);
  });

  it('is a forest for any lines at all (property)', () => {
    const people = ['a', 'b', 'c', 'd', 'e', 'f'];
    const anyLine = fc.record({
      from: fc.constantFrom(...people),
      to: fc.constantFrom(...people, 'ghost'),
      kind: fc.constantFrom(...LINE_KINDS),
    });
    fc.assert(
      fc.property(fc.array(anyLine, { maxLength: 40 }), (ls) => {
        const f = reportingForest(new Set(people), ls);
        for (const [report, boss] of f) expect(ls).toContainEqual({ from: report, to: boss, kind: 'reportsTo' });
        // walking up from anyone ends at a root within the number of people: no loops
        for (const p of people) {
          let at: string | undefined = p;
          for (let steps = 0; at !== undefined; steps++, at = f.get(at)) expect(steps).toBeLessThanOrEqual(people.length);
        }
      }),
    );
  });
});

describe('orgChartLayout on big and dense maps', () => {
  const grid = (n: number) => Array.from({ length: n }, (_, i) => at(`p${i}`, (i % 10) * 240 + 37, Math.floor(i / 10) * 160 - 5));
  const expectChart = (r: Map<string, Position>, ns: readonly Node[], ls: readonly Line[]) => {
    expect(r.size).toBe(ns.length);
    expect(overlaps(r)).toEqual([]);
    expect(offGrid(r)).toEqual([]);
    for (const [report, boss] of reportingForest(new Set(ns.map((n) => n.id)), ls)) expect(get(r, boss).y).toBeLessThan(get(r, report).y);
    expect(Math.min(...[...r.values()].map((p) => p.x))).toBe(snap(Math.min(...ns.map((n) => n.x))));
    expect(Math.min(...[...r.values()].map((p) => p.y))).toBe(snap(Math.min(...ns.map((n) => n.y))));
  };

  it('lays out 60 people with a line of every kind between every two (3,540 lines) in well under a second', () => {
    const ns = grid(60);
    const ls: Line[] = ns.flatMap((a, i) =>
      ns.filter((b) => b !== a).map((b, j) => ({ from: a.id, to: b.id, kind: LINE_KINDS[(i + j) % LINE_KINDS.length]! })),
    );
    expect(ls).toHaveLength(3_540);
    const t0 = performance.now();
    const r = orgChartLayout(ns, ls);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expectChart(r, ns, ls);
  });

  it('lays out 3,000 people in tiers quickly, managers above, none overlapping', () => {
    const ns = grid(3_000);
    // a deep and wide org: person i reports to person ⌊(i − 1) / 3⌋, plus every tenth a dotted line and a loop attempt
    const ls: Line[] = ns.slice(1).flatMap((n, k) => {
      const i = k + 1;
      const boss = `p${Math.floor((i - 1) / 3)}`;
      return i % 10 === 0 ? [rep(n.id, boss), { from: n.id, to: 'p0', kind: 'dotted' }, rep(boss, n.id)] : [rep(n.id, boss)];
    });
    expect(ns.length).toBeGreaterThan(DAGRE_MAX_PEOPLE);
    const t0 = performance.now();
    const r = orgChartLayout(ns, ls);
    expect(performance.now() - t0).toBeLessThan(2_000);
    expectChart(r, ns, ls);
    // siblings sit side by side in their tier
    expect(get(r, 'p2').y).toBe(get(r, 'p1').y);
    expect(get(r, 'p2').x - get(r, 'p1').x).toBeGreaterThanOrEqual(CARD_WIDTH);
  });

  it('lays out a flat crowd and a 500-deep chain in tiers without overlap or a stack overflow', () => {
    const crowd = grid(900);
    expectChart(orgChartLayout(crowd, []), crowd, []);
    const chain = grid(500);
    const ls = chain.slice(1).map((n, i) => rep(n.id, `p${i}`));
    expectChart(orgChartLayout(chain, ls), chain, ls);
  });

  it('survives non-finite positions and repeated ids', () => {
    const ns = [at('a', NaN, 0), at('b', Infinity, -Infinity), at('a', 5, 5)];
    const r = orgChartLayout(ns, [rep('b', 'a')]);
    expect([...r.keys()].sort()).toEqual(['a', 'b']);
    for (const p of r.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(get(r, 'a').y).toBeLessThan(get(r, 'b').y);
  });
});

describe('freeSpot', () => {
  it('keeps the wished-for spot (snapped) when it is free', () => {
    expect(freeSpot([], { x: 10, y: 25 })).toEqual({ x: 16, y: 32 });
    // 400 px away from the only card: free.
    expect(freeSpot([{ x: 0, y: 0 }], { x: 400, y: 0 })).toEqual({ x: 400, y: 0 });
  });

  it('moves off an occupied spot to the nearest free cell, first to the right', () => {
    // Card at (0,0): the next cell right is CARD_WIDTH + 2·GRID = 232 px away.
    expect(freeSpot([{ x: 0, y: 0 }], { x: 0, y: 0 })).toEqual({ x: CARD_WIDTH + 2 * GRID, y: 0 });
  });

  it('never lands on a card, however crowded the neighbourhood (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }), { maxLength: 60 }),
        fc.record({ x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }),
        (nodes, wish) => {
          const p = freeSpot(nodes, wish);
          return nodes.every((n) => Math.abs(n.x - p.x) >= CARD_WIDTH + GRID || Math.abs(n.y - p.y) >= CARD_HEIGHT + GRID);
        },
      ),
    );
  });
});
