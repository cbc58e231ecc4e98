import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addQuarters, quarterRange, type Quarter } from './quarter';
import { capacityOf, quarterLoads, quarterStatus, simulateSlips, type ItemStatus, type LoadItem } from './roadmap';
import { q } from './roadmap.fixtures';

describe('quarterLoads', () => {
  const li = (id: string, quarter: string, effortEm: number, status: ItemStatus = 'planned'): LoadItem => ({
    id,
    plannedQuarter: q(quarter),
    effortEm,
    status,
  });

  it('sums effort per quarter in tenths, without dropped items', () => {
    const loads = quarterLoads([
      li('1', '2027-Q1', 0.1),
      li('2', '2027-Q1', 0.2),
      li('3', '2027-Q2', 4.5, 'done'),
      li('4', '2027-Q2', 2, 'inProgress'),
      li('5', '2027-Q2', 100, 'dropped'),
      li('6', '2027-Q3', 3, 'dropped'),
      li('7', '2027-Q2', 0.7, 'idea'),
    ]);
    // Q1: 0.1 + 0.2 = 1 + 2 tenths = 3 tenths = 0.3 exactly (not 0.30000000000000004)
    expect(loads.get(q('2027-Q1'))).toBe(0.3);
    // Q2: 4.5 + 2 + 0.7 = 45 + 20 + 7 = 72 tenths = 7.2 (the dropped 100 does not count)
    expect(loads.get(q('2027-Q2'))).toBe(7.2);
    // Q3 holds only a dropped item: no entry
    expect(loads.has(q('2027-Q3'))).toBe(false);
    expect(loads.size).toBe(2);
  });
});

describe('capacityOf', () => {
  it('is the value set for the quarter, else the default', () => {
    const set = new Map<Quarter, number>([
      [q('2027-Q1'), 10],
      [q('2027-Q2'), 0],
    ]);
    expect(capacityOf(q('2027-Q1'), set, { defaultCapacityEm: 12 })).toBe(10);
    expect(capacityOf(q('2027-Q2'), set, { defaultCapacityEm: 12 })).toBe(0);
    expect(capacityOf(q('2027-Q3'), set, { defaultCapacityEm: 12 })).toBe(12);
  });
});

describe('quarterStatus', () => {
  it('is over only when the load exceeds the capacity, compared in tenths', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: against 0.3 that is full, not over
    expect(quarterStatus(0.1 + 0.2, 0.3)).toEqual({ load: 0.3, capacity: 0.3, over: false, overEm: 0, fillPct: 100 });
    expect(quarterStatus(7.5, 10)).toEqual({ load: 7.5, capacity: 10, over: false, overEm: 0, fillPct: 75 });
    expect(quarterStatus(15, 15).over).toBe(false);
    expect(quarterStatus(15.1, 15)).toMatchObject({ over: true, overEm: 0.1 });
  });

  it('says how far over exactly, and a full bar at most', () => {
    // 16.1 − 15 is 1.1000000000000014 in floating point; in tenths it is 161 − 150 = 11
    expect(quarterStatus(16.1, 15)).toEqual({ load: 16.1, capacity: 15, over: true, overEm: 1.1, fillPct: 100 });
  });

  it('treats a quarter with no capacity as full once anything is planned in it', () => {
    expect(quarterStatus(0, 0)).toEqual({ load: 0, capacity: 0, over: false, overEm: 0, fillPct: 0 });
    expect(quarterStatus(2, 0)).toEqual({ load: 2, capacity: 0, over: true, overEm: 2, fillPct: 100 });
  });

  it('is over exactly when more tenths are planned than available, by their difference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (loadTenths, capTenths) => {
        const s = quarterStatus(loadTenths / 10, capTenths / 10);
        expect(s.over).toBe(loadTenths > capTenths);
        expect(s.overEm * 10).toBeCloseTo(Math.max(0, loadTenths - capTenths), 9);
        expect(s.fillPct).toBeGreaterThanOrEqual(0);
        expect(s.fillPct).toBeLessThanOrEqual(100);
      }),
    );
  });
});

type SlipItem = LoadItem & { onStrategy: boolean; title: string };

describe('simulateSlips', () => {
  const slipItem = (
    id: string,
    quarter: string,
    effortEm: number,
    o: { status?: ItemStatus; onStrategy?: boolean; title?: string } = {},
  ): SlipItem => ({
    id,
    plannedQuarter: q(quarter),
    effortEm,
    status: o.status ?? 'planned',
    onStrategy: o.onStrategy ?? true,
    title: o.title ?? id,
  });
  const cap10 = () => 10;

  it('pushes the lowest-priority item one quarter later and cascades (hand-built)', () => {
    const items = [
      slipItem('X', '2027-Q3', 3), // accelerated from Q3 into Q1
      // Q1: in progress 4 (off strategy, but it never moves), Bravo 2 off, Charlie 2 on, Delta 1 on (idea)
      slipItem('p1', '2027-Q1', 4, { status: 'inProgress', onStrategy: false }),
      slipItem('b', '2027-Q1', 2, { onStrategy: false, title: 'Bravo' }),
      slipItem('c', '2027-Q1', 2, { title: 'Charlie' }),
      slipItem('d', '2027-Q1', 1, { status: 'idea', title: 'Delta' }),
      slipItem('old', '2026-Q4', 50), // before the target: never looked at
      // Q2: Echo 4 on, Kilo 3 off, Golf 2 done (off strategy, never moves)
      slipItem('e', '2027-Q2', 4, { title: 'Echo' }),
      slipItem('k', '2027-Q2', 3, { onStrategy: false, title: 'Kilo' }),
      slipItem('g', '2027-Q2', 2, { status: 'done', onStrategy: false, title: 'Golf' }),
      slipItem('dropped', '2027-Q2', 40, { status: 'dropped' }),
      // Q3: Hotel 6 (X used to be here too)
      slipItem('h', '2027-Q3', 6, { title: 'Hotel' }),
    ];
    const demand: Record<string, number> = { b: 500, c: 100, d: 50, e: 10, k: 20, h: 5 };
    const r = simulateSlips(items, 'X', q('2027-Q1'), cap10, (id) => demand[id] ?? 0);
    // Q1: X 3 + p1 4 + b 2 + c 2 + d 1 = 12 > 10. Movable: b (off), c, d (on) → off strategy first: b → Q2. 10 ≤ 10.
    // Q2: e 4 + k 3 + g 2 + b 2 = 11 > 10 (dropped not counted). Movable: e (on), k (off, 20), b (off, 500)
    //     → off strategy, least demand: k → Q3. 8 ≤ 10.
    // Q3: h 6 + k 3 = 9 ≤ 10 (X has left). Nothing more.
    expect(r.slips).toEqual([
      { id: 'b', from: '2027-Q1', to: '2027-Q2' },
      { id: 'k', from: '2027-Q2', to: '2027-Q3' },
    ]);
    expect(r.unresolved).toEqual([]);
  });

  it('moves the same item again when it overflows the next quarter too', () => {
    const items = [
      slipItem('X', '2027-Q4', 4),
      slipItem('a', '2027-Q1', 8),
      slipItem('z', '2027-Q1', 2, { onStrategy: false }),
      slipItem('n', '2027-Q2', 9),
    ];
    const r = simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0);
    // Q1: X 4 + a 8 + z 2 = 14 > 10 → z (off strategy) → Q2: 12 > 10 still → a → Q2: 4 ≤ 10.
    // Q2: n 9 + z 2 + a 8 = 19 > 10 → z (off strategy) → Q3: 17 > 10 → of a 8 and n 9 (same demand)
    //     the larger effort moves: n → Q3: 8 ≤ 10.
    // Q3: z 2 + n 9 = 11 > 10 → z (off strategy) → Q4: 9 ≤ 10.
    // Q4: z 2 (X has left) ≤ 10.
    expect(r.slips).toEqual([
      { id: 'z', from: '2027-Q1', to: '2027-Q4' },
      { id: 'a', from: '2027-Q1', to: '2027-Q2' },
      { id: 'n', from: '2027-Q2', to: '2027-Q3' },
    ]);
    expect(r.unresolved).toEqual([]);
  });

  it('among on-strategy items moves the least demanded first', () => {
    const items = [slipItem('X', '2027-Q2', 2), slipItem('rich', '2027-Q1', 5), slipItem('poor', '2027-Q1', 5)];
    // Q1: 2 + 5 + 5 = 12 > 10; demand rich 900 > poor 100 → poor moves.
    const r = simulateSlips(items, 'X', q('2027-Q1'), cap10, (id) => (id === 'rich' ? 900 : 100));
    expect(r.slips).toEqual([{ id: 'poor', from: '2027-Q1', to: '2027-Q2' }]);
  });

  it('among equal demand moves the largest effort first, then by title', () => {
    const byEffort = simulateSlips(
      [slipItem('X', '2027-Q2', 2), slipItem('small', '2027-Q1', 3), slipItem('big', '2027-Q1', 6)],
      'X',
      q('2027-Q1'),
      cap10,
      () => 7,
    );
    // 2 + 3 + 6 = 11 > 10, same demand → larger effort (big, 6) moves.
    expect(byEffort.slips).toEqual([{ id: 'big', from: '2027-Q1', to: '2027-Q2' }]);
    const byTitle = simulateSlips(
      [slipItem('X', '2027-Q2', 2), slipItem('1', '2027-Q1', 5, { title: 'Beta' }), slipItem('2', '2027-Q1', 5, { title: 'Alpha' })],
      'X',
      q('2027-Q1'),
      cap10,
      () => 7,
    );
    // 2 + 5 + 5 = 12 > 10, same demand and effort → title "Alpha" sorts first and moves.
    expect(byTitle.slips).toEqual([{ id: '2', from: '2027-Q1', to: '2027-Q2' }]);
  });

  it('moves as many items as needed out of one quarter', () => {
    const items = [slipItem('X', '2027-Q3', 5), slipItem('a', '2027-Q1', 3), slipItem('b', '2027-Q1', 2), slipItem('c', '2027-Q1', 4)];
    // Q1: 5 + 3 + 2 + 4 = 14 > 10, same demand → largest first: c (4) → 10 ≤ 10.
    expect(simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0).slips).toEqual([{ id: 'c', from: '2027-Q1', to: '2027-Q2' }]);
    // With capacity 7: after c, 10 > 7 → a (3) → 7 ≤ 7. Q2 then holds 4 + 3 = 7 ≤ 7.
    expect(
      simulateSlips(
        items,
        'X',
        q('2027-Q1'),
        () => 7,
        () => 0,
      ).slips,
    ).toEqual([
      { id: 'c', from: '2027-Q1', to: '2027-Q2' },
      { id: 'a', from: '2027-Q1', to: '2027-Q2' },
    ]);
  });

  it('never moves in-progress or done items nor the accelerated item; reports what stays over', () => {
    const items = [
      slipItem('X', '2027-Q3', 3, { onStrategy: false }), // lowest priority of all, but it is the accelerated one
      slipItem('p', '2027-Q1', 5, { status: 'inProgress', onStrategy: false }),
      slipItem('f', '2027-Q1', 4, { status: 'done', onStrategy: false }),
    ];
    // Q1: 3 + 5 + 4 = 12 > 10 with nothing movable → over by 2.0 EM.
    const r = simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0);
    expect(r.slips).toEqual([]);
    expect(r.unresolved).toEqual([{ quarter: '2027-Q1', overEm: 2 }]);
  });

  it('moves what it can and reports the rest when movable items run out', () => {
    const items = [slipItem('X', '2027-Q3', 6), slipItem('p', '2027-Q1', 5.5, { status: 'inProgress' }), slipItem('m', '2027-Q1', 0.3)];
    // Q1: 6 + 5.5 + 0.3 = 11.8 > 10 → m moves → 11.5, nothing movable left → over by 1.5 EM.
    const r = simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0);
    expect(r.slips).toEqual([{ id: 'm', from: '2027-Q1', to: '2027-Q2' }]);
    expect(r.unresolved).toEqual([{ quarter: '2027-Q1', overEm: 1.5 }]);
  });

  it('never slips an item too big for the next quarter on its own: the overload is reported instead', () => {
    // big (12 EM) can never fit a 10 EM quarter: moving it would only push the overload along for years.
    const items = [slipItem('X', '2027-Q3', 3), slipItem('big', '2027-Q1', 12)];
    expect(simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0)).toEqual({ slips: [], unresolved: [{ quarter: '2027-Q1', overEm: 5 }] });
  });

  it('changes nothing when the target quarter has room', () => {
    const items = [slipItem('X', '2027-Q3', 3), slipItem('a', '2027-Q1', 7)];
    expect(simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0)).toEqual({ slips: [], unresolved: [] });
  });

  it('stops the cascade at the horizon', () => {
    const items = [slipItem('X', '2027-Q4', 2), slipItem('a', '2027-Q1', 9), slipItem('b', '2027-Q2', 10)];
    // Q1: 2 + 9 = 11 > 10. With horizon 1 nothing may move past Q1: the overload is reported, not pushed out of sight.
    expect(simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0, 1)).toEqual({
      slips: [],
      unresolved: [{ quarter: '2027-Q1', overEm: 1 }],
    });
    // With the default horizon a → Q2 (19).
    // Q2: b 10 + a 9 = 19 > 10, same demand → the larger effort, b (10), → Q3: 9 ≤ 10. Q3: b 10 ≤ 10.
    expect(simulateSlips(items, 'X', q('2027-Q1'), cap10, () => 0).slips).toEqual([
      { id: 'a', from: '2027-Q1', to: '2027-Q2' },
      { id: 'b', from: '2027-Q2', to: '2027-Q3' },
    ]);
  });

  it('leaves every quarter within capacity or reports it (property)', () => {
    const arbItem = fc.record({
      qi: fc.integer({ min: 0, max: 3 }),
      tenths: fc.integer({ min: 1, max: 50 }),
      status: fc.constantFrom<ItemStatus>('idea', 'planned', 'inProgress', 'done', 'dropped'),
      onStrategy: fc.boolean(),
      demand: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { minLength: 1, maxLength: 12 }), fc.integer({ min: 50, max: 150 }), (raw, capTenths) => {
        const base = q('2027-Q1');
        const items = raw.map((r, i) =>
          slipItem(`i${i}`, `2027-Q${r.qi + 1}`, r.tenths / 10, { status: r.status, onStrategy: r.onStrategy, title: `T${i}` }),
        );
        items.push(slipItem('X', '2028-Q1', 2));
        const r = simulateSlips(
          items,
          'X',
          base,
          () => capTenths / 10,
          (id) => raw[Number(id.slice(1))]?.demand ?? 0,
          40,
        );
        const where = new Map(items.filter((i) => i.status !== 'dropped').map((i) => [i.id, i.id === 'X' ? base : i.plannedQuarter]));
        for (const s of r.slips) {
          const it0 = items.find((i) => i.id === s.id)!;
          expect(s.from).toBe(it0.plannedQuarter);
          expect(it0.status === 'idea' || it0.status === 'planned').toBe(true);
          expect(s.id).not.toBe('X');
          where.set(s.id, s.to);
        }
        const load = new Map<string, number>();
        for (const [id, wq] of where) load.set(wq, (load.get(wq) ?? 0) + Math.round(items.find((i) => i.id === id)!.effortEm * 10));
        const over = new Set<string>(r.unresolved.map((u) => u.quarter));
        // Every quarter the simulation looked at (40 from the target) is within capacity unless reported.
        for (const wq of quarterRange(base, addQuarters(base, 39)))
          if (!over.has(wq)) expect(load.get(wq) ?? 0).toBeLessThanOrEqual(capTenths);
      }),
      { numRuns: 200 },
    );
  });
});
