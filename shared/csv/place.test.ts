import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, isFreeSpot } from '../domain/orgLayout';
import { placeImported, SMALL_TREE } from './place';

const tree = (n: number, fanOut: number) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const managerOf = new Map(ids.slice(1).map((id, i) => [id, `p${Math.floor(i / fanOut)}`]));
  return { ids, managerOf };
};

function expectNoOverlap(ps: ReadonlyArray<{ x: number; y: number }>) {
  ps.forEach((p, i) => expect(isFreeSpot(ps.slice(0, i), p), `card ${i} overlaps`).toBe(true));
}

describe('placeImported', () => {
  it('draws managers above their reports, nobody on top of anybody', () => {
    const { ids, managerOf } = tree(7, 2);
    const at = placeImported([], ids, managerOf);
    expect(at.size).toBe(7);
    for (const [id, m] of managerOf) expect(at.get(m)!.y).toBeLessThan(at.get(id)!.y);
    expectNoOverlap([...at.values()]);
    // The manager sits over the middle of its reports.
    const kids = ['p1', 'p2'].map((k) => at.get(k)!.x);
    expect(Math.abs(at.get('p0')!.x - (kids[0]! + kids[1]!) / 2)).toBeLessThanOrEqual(16);
  });

  it('puts the new block to the right of the cards already on the map', () => {
    const existing = [
      { x: 0, y: 100 },
      { x: 600, y: 300 },
    ];
    const at = placeImported(existing, ['a', 'b'], new Map([['b', 'a']]));
    for (const p of at.values()) expect(p.x).toBeGreaterThanOrEqual(600 + CARD_WIDTH);
    expect(Math.min(...[...at.values()].map((p) => p.y))).toBe(96);
    expectNoOverlap([...existing, ...at.values()]);
  });

  it('wraps many direct reports into rows, and survives a loop or a manager who is not new', () => {
    const managerOf = new Map<string, string>(Array.from({ length: 20 }, (_, i) => [`r${i}`, 'boss']));
    managerOf.set('x', 'y');
    managerOf.set('y', 'x');
    managerOf.set('z', 'existing-person');
    const ids = ['boss', ...Array.from({ length: 20 }, (_, i) => `r${i}`), 'x', 'y', 'z'];
    const at = placeImported([], ids, managerOf);
    expect(at.size).toBe(ids.length);
    expectNoOverlap([...at.values()]);
    const width = Math.max(...[...at.values()].map((p) => p.x)) - Math.min(...[...at.values()].map((p) => p.x));
    expect(width).toBeLessThan(12 * (CARD_WIDTH + 32));
    expect(Math.max(...[...at.values()].map((p) => p.y))).toBeGreaterThan(3 * CARD_HEIGHT);
  });

  it('lays out a large account with the map’s org-chart layout', () => {
    const { ids, managerOf } = tree(SMALL_TREE + 20, 4);
    const at = placeImported([], ids, managerOf);
    expect(at.size).toBe(ids.length);
    for (const [id, m] of managerOf) expect(at.get(m)!.y).toBeLessThan(at.get(id)!.y);
  });

  it('places 10,000 accounts of six people in well under a few seconds', () => {
    const { ids, managerOf } = tree(6, 2);
    const start = performance.now();
    for (let a = 0; a < 10_000; a++) placeImported([], ids, managerOf);
    // A guard against the per-account dagre layout (about 4 ms each: 40 s), not a timing test.
    expect(performance.now() - start).toBeLessThan(30_000);
  }, 60_000);
});
