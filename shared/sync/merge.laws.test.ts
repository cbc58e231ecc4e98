import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeStamp, maxStamp, type Stamp } from './hlc';
import { canonical, mergeRow, type AnyRow, type Knowledge, type MergeContext } from './merge';
import { largestStamp } from './row';
import {
  cloneDevice,
  dbText,
  DEV_A,
  DEV_B,
  DEV_C,
  knowledgeOverClaims,
  play,
  rawRow,
  roundRobin,
  simExport,
  simImport,
  T0,
  TABLES,
  type Op,
} from './testing';

const RUNS = 200;
const DEVICES = [DEV_A, DEV_B, DEV_C] as const;
/** A device that wrote none of the stamps below: its own writes never count as "known". */
const OUTSIDER = '00000000000000dd';

// ---------------------------------------------------------------------------
// (a) mergeRow is a join at the row level.
// ---------------------------------------------------------------------------

// Few distinct stamps, so two rows often share a stamp (and then break ties by value).
const stampArb = fc
  .record({ ms: fc.integer({ min: 1, max: 3 }), counter: fc.integer({ min: 0, max: 1 }), device: fc.constantFrom(...DEVICES) })
  .map((p) => encodeStamp({ ...p, ms: T0 + p.ms }));
const valueArb = fc.oneof(fc.constantFrom<unknown>('a', 'b', 1, 0, null, true, ['x'], { k: 1 }), fc.jsonValue({ maxDepth: 2 }));
// undefined: a stamp without a value (a field set to undefined, dropped by JSON).
const cellArb = fc.record({ stamp: stampArb, value: fc.option(valueArb, { nil: undefined }) });
const rowArb = fc
  .record({
    cells: fc.dictionary(fc.constantFrom('name', 'size', 'tags'), cellArb, { maxKeys: 3 }),
    deleted: fc.record({ stamp: stampArb, value: fc.boolean() }),
  })
  .map(({ cells, deleted }) => {
    const fields: Record<string, unknown> = {};
    const stamps: Record<string, Stamp> = { deleted: deleted.stamp };
    for (const [k, c] of Object.entries(cells)) {
      stamps[k] = c.stamp;
      if (c.value !== undefined) fields[k] = c.value;
    }
    return rawRow('r1', fields, stamps, deleted.value);
  });
const knowledgeArb = fc.dictionary(fc.constantFrom(...DEVICES), stampArb, { maxKeys: 3 });
const ctxArb = fc.record({
  table: fc.constant('accounts'),
  localDevice: fc.constantFrom(...DEVICES, OUTSIDER),
  localKnowledge: knowledgeArb,
  remoteKnowledge: knowledgeArb,
});

const merged = (a: AnyRow, b: AnyRow, c: MergeContext): AnyRow => mergeRow(a, b, c).row;

describe('mergeRow laws (property)', () => {
  it('is commutative, associative and idempotent on rows, whatever the knowledge', () => {
    fc.assert(
      fc.property(rowArb, rowArb, rowArb, ctxArb, ctxArb, (a, b, c, x, y) => {
        // Knowledge only decides what is reported lost, never the merged row.
        expect(canonical(merged(a, b, x))).toBe(canonical(merged(b, a, y)));
        expect(canonical(merged(merged(a, b, x), c, y))).toBe(canonical(merged(a, merged(b, c, x), y)));
        const self = mergeRow(a, a, x);
        expect(self.outcome).toBe('unchanged');
        expect(self.row).toBe(a);
        expect(self.lost).toEqual([]);
        // Absorption: merging in what is already merged changes nothing.
        expect(mergeRow(merged(a, b, x), b, y).outcome).toBe('unchanged');
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('gives each field the larger stamp, updatedAt the largest, and deleted the winning value', () => {
    fc.assert(
      fc.property(rowArb, rowArb, ctxArb, (a, b, x) => {
        const m = merged(a, b, x);
        const keys = new Set([...Object.keys(a.stamps), ...Object.keys(b.stamps)]);
        expect(Object.keys(m.stamps).sort()).toEqual([...keys].sort());
        for (const k of keys) {
          const sa = a.stamps[k];
          const sb = b.stamps[k];
          expect(m.stamps[k]).toBe(sa === undefined ? sb : sb === undefined ? sa : maxStamp(sa, sb));
        }
        expect(m.updatedAt).toBe(largestStamp(m.stamps));
        const winner = a.stamps.deleted! > b.stamps.deleted! ? a : b.stamps.deleted! > a.stamps.deleted! ? b : null;
        if (winner) expect(m.deleted).toBe(winner.deleted);
      }),
      { numRuns: RUNS },
    );
  });

  it('reports nothing lost under complete knowledge, and every displaced value under none', () => {
    const all: Knowledge = Object.fromEntries(DEVICES.map((d) => [d, encodeStamp({ ms: T0 + 100, counter: 0, device: d })]));
    fc.assert(
      fc.property(rowArb, rowArb, (a, b) => {
        expect(mergeRow(a, b, { table: 't', localDevice: OUTSIDER, localKnowledge: all, remoteKnowledge: all }).lost).toEqual([]);
        const blind = mergeRow(a, b, { table: 't', localDevice: OUTSIDER, localKnowledge: {}, remoteKnowledge: {} });
        const m = blind.row as Record<string, unknown>;
        for (const k of Object.keys(a.stamps)) {
          const sa = a.stamps[k]!;
          const sb = b.stamps[k];
          if (sb === undefined || sa === sb) continue;
          const [loser, loserStamp] = sa < sb ? [a, sa] : [b, sb];
          const lv = (loser as Record<string, unknown>)[k];
          if (canonical(lv) === canonical(m[k])) continue;
          // The displaced value comes back exactly, with its stamp and the winner's.
          expect(blind.lost).toContainEqual({
            table: 't',
            id: 'r1',
            field: k,
            value: lv,
            stamp: loserStamp,
            winnerStamp: blind.row.stamps[k],
          });
        }
        // 'deleted' losers are booleans: a tombstone that lost to a restore is reported as true.
        for (const l of blind.lost) if (l.field === 'deleted') expect(typeof l.value).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------
// Random edit histories of 2 or 3 devices, exchanging files.
// ---------------------------------------------------------------------------

// A small pool of values: devices often write the same value concurrently, or one already there.
const cellValue = fc.constantFrom<unknown>('a', 'b', 'c', 1, 2, null, ['x'], { k: 1 });
const dev = fc.nat({ max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ k: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 3 }) }) },
  // The wall clock jumps, backwards as often as forwards.
  { weight: 1, arbitrary: fc.record({ k: fc.constant('skew' as const), d: dev, skew: fc.integer({ min: -20, max: 20 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('create' as const),
      d: dev,
      t: fc.nat({ max: 1 }),
      fields: fc.record({ name: cellValue, size: cellValue }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('patch' as const),
      d: dev,
      pick: fc.nat(),
      patch: fc
        .record({ name: cellValue, size: cellValue, tags: cellValue }, { requiredKeys: [] })
        .filter((p) => Object.keys(p).length > 0),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('toggleDeleted' as const), d: dev, pick: fc.nat() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('send' as const),
      from: dev,
      to: dev,
      // Mostly made for the device that imports it; sometimes for another (a shared sync folder).
      forPeer: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: dev }),
      // Mostly "changes since" files, as a sync folder writes them.
      full: fc.nat({ max: 3 }).map((x) => x === 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('replay' as const), d: dev, pick: fc.nat() }) },
);
// warm: every device wrote a row and everyone has synced once, so "changes" files start after a real stamp.
const historyArb = fc.record({ n: fc.constantFrom(2, 3), warm: fc.boolean(), ops: fc.array(opArb, { minLength: 20, maxLength: 60 }) });

const conflictKey = (table: string, id: string, field: string, s: Stamp): string => `${table}/${id}/${field}/${s}`;

describe('devices exchanging files (property)', () => {
  it('all databases are identical after everyone sends everything to everyone, twice', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const world = play(history);
        roundRobin(world, 'everything');
        const texts = world.devices.map(dbText);
        for (const t of texts) expect(t).toBe(texts[0]);
        // And each knows every other device up to its latest write at least.
        for (const w of world.writes) {
          for (const d of world.devices) if (d.id !== w.device) expect(d.knowledge[w.device]! >= w.stamp).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never claims knowledge of a write it does not have', () => {
    // Knowledge "D up to S" is what lets a later merge call an overwrite knowing, and lets a
    // peer leave rows out of a changes file: an over-claim would hide conflicts and rows.
    fc.assert(
      fc.property(historyArb, (history) => {
        const overClaims: string[] = [];
        const world = play(history, (w) => overClaims.push(...knowledgeOverClaims(w)));
        expect([...overClaims, ...knowledgeOverClaims(world)]).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('claims nothing from a changes file made for another peer (a shared sync folder) that it lacks', () => {
    fc.assert(
      // Three devices: the sender, the peer the file is for, and the one that reads it.
      fc.property(historyArb, fc.nat({ max: 2 }), fc.boolean(), (history, from, swap) => {
        const world = play({ ...history, n: 3 });
        const [forPeer, reader] = swap ? [(from + 1) % 3, (from + 2) % 3] : [(from + 2) % 3, (from + 1) % 3];
        const file = simExport(world, world.devices[from]!, 'changes', world.devices[forPeer]!.id);
        simImport(world.devices[reader]!, file);
        expect(knowledgeOverClaims(world)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('"changes since" files alone also bring every database to the same state', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const world = play(history);
        roundRobin(world, 'changes');
        const texts = world.devices.map(dbText);
        for (const t of texts) expect(t).toBe(texts[0]);
      }),
      { numRuns: RUNS },
    );
  });

  it('importing the same file a second time changes nothing (a fresh file or an old one)', () => {
    fc.assert(
      fc.property(historyArb, dev, dev, dev, fc.boolean(), fc.option(fc.nat()), (history, from, to, forPeer, full, old) => {
        const n = history.n;
        const world = play(history);
        const target = world.devices[to % n]!;
        const file =
          old !== null && world.files.length > 0
            ? world.files[old % world.files.length]!
            : simExport(world, world.devices[from % n]!, full ? 'everything' : 'changes', world.devices[forPeer % n]!.id);
        simImport(target, file);
        const rows = dbText(target);
        const knowledge = canonical(target.knowledge);
        const conflicts = [...target.conflicts.keys()].sort();
        const again = simImport(target, file);
        expect(again.outcomes.every((o) => o === 'unchanged')).toBe(true);
        expect(dbText(target)).toBe(rows);
        expect(canonical(target.knowledge)).toBe(knowledge);
        expect([...target.conflicts.keys()].sort()).toEqual(conflicts);
      }),
      { numRuns: RUNS },
    );
  });

  it('the order of two imports does not matter', () => {
    fc.assert(
      fc.property(historyArb, dev, dev, dev, fc.boolean(), fc.boolean(), (history, to, f1, f2, full1, full2) => {
        const n = history.n;
        const world = play(history);
        const target = world.devices[to % n]!;
        const one = simExport(world, world.devices[f1 % n]!, full1 ? 'everything' : 'changes', target.id);
        const two = simExport(world, world.devices[f2 % n]!, full2 ? 'everything' : 'changes', target.id);
        const x = cloneDevice(world, target);
        const y = cloneDevice(world, target);
        simImport(x, one);
        simImport(x, two);
        simImport(y, two);
        simImport(y, one);
        expect(dbText(x)).toBe(dbText(y));
        // Full files always complete knowledge, so then knowledge is order-free too
        // (a changes file may complete only after the other one: that is allowed to differ).
        if (full1 && full2) expect(canonical(x.knowledge)).toBe(canonical(y.knowledge));
      }),
      { numRuns: RUNS },
    );
  });

  it('reports no conflict when no edit was ever made without knowing all others (old files replayed too)', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const world = play({ ...history, broadcast: true });
        roundRobin(world, 'changes');
        for (const d of world.devices) expect([...d.conflicts.values()]).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('loses no value silently: each write is current, knowingly overwritten, or in some conflict list', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const world = play(history);
        roundRobin(world, 'everything');
        const final = world.devices[0]!;
        const conflicts = new Map(world.devices.flatMap((d) => [...d.conflicts]));
        const byField = new Map<string, typeof world.writes>();
        for (const w of world.writes) {
          const k = `${w.table}/${w.id}/${w.field}`;
          byField.set(k, [...(byField.get(k) ?? []), w]);
        }
        for (const writes of byField.values()) {
          const { table, id, field } = writes[0]!;
          const row = final.rows.get(table)!.get(id)! as Record<string, unknown> & AnyRow;
          // Latest first: whether a write is accounted for may rest on a later one.
          const sorted = [...writes].sort((p, q) => (p.stamp < q.stamp ? 1 : -1));
          const ok = new Map<Stamp, boolean>();
          for (const w of sorted) {
            const current = row.stamps[field] === w.stamp;
            if (current) expect(canonical(row[field])).toBe(canonical(w.value));
            const reported = conflicts.has(conflictKey(table, id, field, w.stamp));
            // Overwritten by a later write whose device had held this one, or by the same value
            // (nothing is lost when the winner says the same) that is itself accounted for.
            const overwritten = sorted.some(
              (later) =>
                later.stamp > w.stamp &&
                (later.seen.get(field)?.has(w.stamp) === true ||
                  (canonical(later.value) === canonical(w.value) && ok.get(later.stamp) === true)),
            );
            ok.set(w.stamp, current || reported || overwritten);
            expect({ write: w, accounted: ok.get(w.stamp) }).toEqual({ write: w, accounted: true });
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reports only real writes, and a deletion that met an unseen concurrent edit', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const world = play(history);
        roundRobin(world, 'everything');
        const conflicts = world.devices.flatMap((d) => [...d.conflicts.values()]);
        for (const l of conflicts) {
          const same = world.writes.find((w) => w.table === l.table && w.id === l.id && w.field === l.field && w.stamp === l.stamp);
          if (same) {
            expect(canonical(l.value)).toBe(canonical(same.value));
            continue;
          }
          // Otherwise an edit hidden by a deletion: reported as "deleted: false" at the edit's stamp.
          expect(l.field).toBe('deleted');
          expect(l.value).toBe(false);
          expect(world.writes.some((w) => w.table === l.table && w.id === l.id && w.stamp === l.stamp)).toBe(true);
        }
        // A row that ends deleted, holding an edit no deletion of it had seen: someone must be told.
        const final = world.devices[0]!;
        for (const t of TABLES) {
          for (const row of final.rows.get(t)!.values()) {
            if (!row.deleted) continue;
            const deletions = world.writes.filter((w) => w.table === t && w.id === row.id && w.field === 'deleted' && w.value === true);
            // A current edit that no deletion of this row was made with (none had the edit in front of it).
            const unseen = world.writes.filter(
              (w) =>
                w.table === t &&
                w.id === row.id &&
                w.field !== 'deleted' &&
                row.stamps[w.field] === w.stamp &&
                !deletions.some((d) => d.stamp === w.stamp || d.seen.get(w.field)?.has(w.stamp) === true),
            );
            if (unseen.length === 0) continue;
            expect(conflicts.some((l) => l.table === t && l.id === row.id && l.field === 'deleted')).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
