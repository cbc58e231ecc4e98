import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { seatsUsed, type MemberStatus } from './club';
import { findIntegrityIssues, repairFor } from './integrity';
import { applyPlan, line, member, person, quote, row, tables } from './integrity.fixtures';

const RUNS = { numRuns: 300 };
const ids = ['a', 'b', 'c', 'd', 'e'];
const lineArb = fc.record({
  from: fc.constantFrom(...ids, 'ghost'),
  to: fc.constantFrom(...ids, 'ghost'),
  kind: fc.constantFrom('reportsTo', 'reportsTo', 'reportsTo', 'dotted', 'influences', 'unknownKind'),
  stamp: fc.integer({ min: 1, max: 50 }).map((n) => `s${String(n).padStart(4, '0')}`),
});
const graphArb = fc.array(lineArb, { minLength: 3, maxLength: 14 }).map((ls) =>
  tables({
    people: ids.map((id) => person(id, id.toUpperCase())),
    lines: ls.map((l, i) => line(`l${i}`, l.from, l.to, l.stamp, l.kind)),
  }),
);

/** Applies the first automatic repair until none is left; the bound proves every repair makes progress. */
function repairAll(t: ReturnType<typeof tables>, bound: number) {
  let current = t;
  for (let i = 0; i <= bound; i++) {
    const next = findIntegrityIssues(current)
      .map(repairFor)
      .find((p) => p.kind === 'auto' && p.steps.length > 0);
    if (!next) return current;
    current = applyPlan(current, next);
  }
  throw new Error('repairs did not converge');
}

const shuffled = <T>(list: readonly T[], seed: number): T[] =>
  list
    .map((v, i) => ({ v, k: (i * 7919 + seed * 104729) % 1000003 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.v);

describe('integrity properties', () => {
  it('over random reporting graphs: the same findings whatever the row order, and repairs end with one manager each and no loop', () => {
    let broken = 0;
    fc.assert(
      fc.property(graphArb, fc.nat(), (t, seed) => {
        const found = findIntegrityIssues(t);
        if (found.some((f) => f.kind === 'reportingLoop')) broken++;
        expect(findIntegrityIssues({ ...t, lines: shuffled(t.lines, seed), people: shuffled(t.people, seed + 1) })).toEqual(found);
        const fixed = repairAll(t, t.lines.length);
        expect(findIntegrityIssues(fixed)).toEqual([]);
        const solid = fixed.lines.filter(
          (l) => !l.deleted && l.kind === 'reportsTo' && l.from !== l.to && ids.includes(l.from as string) && ids.includes(l.to as string),
        );
        const managerOf = new Map<string, Set<string>>();
        for (const l of solid) managerOf.set(l.from as string, (managerOf.get(l.from as string) ?? new Set()).add(l.to as string));
        for (const [, managers] of managerOf) expect(managers.size).toBe(1);
        for (const start of ids) {
          const seen = new Set<string>();
          for (let at: string | undefined = start; at !== undefined; at = [...(managerOf.get(at) ?? [])][0]) {
            expect(seen.has(at)).toBe(false);
            seen.add(at);
          }
        }
        // Only reports-to lines change: nothing else on the map is touched by a repair.
        const others = (x: typeof t) => x.lines.filter((l) => l.kind !== 'reportsTo' && l.kind !== 'dotted').map((l) => l.id);
        expect(others(fixed)).toEqual(others(t));
      }),
      RUNS,
    );
    // The graphs really do break the rules often enough for the property to mean something.
    // About one graph in ten has a loop; one in fifty is the floor that proves the generator makes them.
    expect(broken).toBeGreaterThan(RUNS.numRuns / 50);
  });

  it('over random rosters: repairs end within the cap with one entry per account', () => {
    const statuses: MemberStatus[] = ['candidate', 'invited', 'member', 'alumni'];
    const memberArb = fc.record({
      account: fc.constantFrom('x', 'y', 'z', 'w'),
      status: fc.constantFrom(...statuses),
      day: fc.option(fc.integer({ min: 1, max: 28 })),
      stamp: fc.integer({ min: 1, max: 99 }),
    });
    fc.assert(
      fc.property(fc.array(memberArb, { maxLength: 10 }), fc.integer({ min: 1, max: 4 }), (list, cap) => {
        const t = tables({
          clubProgram: row('club', { seatCap: cap }),
          members: list.map((m, i) =>
            member(
              `m${i}`,
              m.account,
              m.status,
              m.day === null ? null : `2025-01-${String(m.day).padStart(2, '0')}`,
              `s${String(m.stamp).padStart(4, '0')}`,
            ),
          ),
        });
        const fixed = repairAll(t, t.members.length * 2);
        const roster = fixed.members.filter((m) => !m.deleted) as Array<{ status: MemberStatus; accountId: string }>;
        expect(seatsUsed(roster)).toBeLessThanOrEqual(cap);
        expect(new Set(roster.map((m) => m.accountId)).size).toBe(roster.length);
        // A repair only ever removes duplicates: every account on the roster before is on it after.
        expect(new Set(roster.map((m) => m.accountId))).toEqual(new Set(list.map((m) => m.account)));
      }),
      RUNS,
    );
  });

  it('over random accepted quotes: one accepted quote per item is left', () => {
    const quoteArb = fc.record({ item: fc.constantFrom('i1', 'i2'), accepted: fc.boolean(), stamp: fc.integer({ min: 1, max: 99 }) });
    fc.assert(
      fc.property(fc.array(quoteArb, { maxLength: 8 }), (list) => {
        const t = tables({
          roadmapItems: [row('i1', { title: 'One', plannedQuarter: '2027-Q4', acceleratedFrom: null })],
          quotes: list.map((q, i) =>
            quote(`q${i}`, { itemId: q.item, status: q.accepted ? 'accepted' : 'sent' }, `s${String(q.stamp).padStart(4, '0')}`),
          ),
        });
        const fixed = repairAll(t, t.quotes.length);
        for (const item of ['i1', 'i2'])
          expect(fixed.quotes.filter((q) => q.itemId === item && q.status === 'accepted').length).toBe(
            list.some((q) => q.item === item && q.accepted) ? 1 : 0,
          );
      }),
      RUNS,
    );
  });

  it('a loop of 100,000 people and a person with 50,000 managers are found quickly and without a stack overflow', () => {
    const n = 100_000;
    const people = Array.from({ length: n }, (_, i) => person(`p${i}`, `P${String(i).padStart(6, '0')}`));
    const lines = people.map((p, i) => line(`l${i}`, p.id as string, `p${(i + 1) % n}`));
    for (let i = 2; i < 50_000; i++) lines.push(line(`m${i}`, 'p0', `p${i}`, 's0002'));
    const start = performance.now();
    const found = findIntegrityIssues(tables({ people, lines }));
    // A guard against quadratic work (that would take minutes), not a timing test: ~2 s alone, more on a loaded machine.
    expect(performance.now() - start).toBeLessThan(30_000);
    const loop = found.find((f) => f.kind === 'reportingLoop');
    // The shortest loop through the first name: p0 → p(49999) … → p0, not all 100,000.
    expect(loop?.kind === 'reportingLoop' && loop.people.length).toBe(n - 49_999 + 1);
    expect(found.find((f) => f.kind === 'twoManagers')).toMatchObject({ person: { id: 'p0' } });
  }, 60_000);
});
