import { describe, expect, it } from 'vitest';
import { type LineKind } from '@shared/domain/stakeholders';
import type { LineRow } from './database';
import { changeLineKind, createLine, deleteLines } from './people';
import { freshWorkspaces } from './testing';

import { getLine, rowCounts, watchTransactions, refusal, newAccount, people, sampleMap } from './people.fixtures';

const freshWorkspace = freshWorkspaces();

describe('createLine', () => {
  it('draws a line in one transaction and returns its intent', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b] = await people(ws, accountId, ['A', 'B']);
    if (!a || !b) throw new Error('setup');
    const tx = watchTransactions(ws);
    const { line, intent } = await createLine(ws, accountId, a.id, b.id, 'reportsTo');
    expect(tx).toHaveBeenCalledTimes(1);
    expect(line).toMatchObject({ accountId, from: a.id, to: b.id, kind: 'reportsTo', deleted: false });
    expect(await getLine(ws, line.id)).toEqual(line);
    expect(intent.label).toBe('addLine');
    expect(intent.changes).toHaveLength(1);
  });

  type Draw = readonly [from: number, to: number, kind: LineKind];
  it.each([
    ['a line to oneself', [], [0, 0, 'influences'], 'self'],
    ['the same line twice', [[0, 1, 'influences']], [0, 1, 'influences'], 'duplicate'],
    ['a symmetric line drawn the other way', [[0, 1, 'alliance']], [1, 0, 'alliance'], 'duplicate'],
    ['a second reports-to manager', [[0, 1, 'reportsTo']], [0, 2, 'reportsTo'], 'secondManager'],
    ['a direct reports-to cycle', [[0, 1, 'reportsTo']], [1, 0, 'reportsTo'], 'cycle'],
    [
      'a reports-to cycle through three people',
      [
        [0, 1, 'reportsTo'],
        [1, 2, 'reportsTo'],
      ],
      [2, 0, 'reportsTo'],
      'cycle',
    ],
  ] satisfies Array<[string, Draw[], Draw, string]>)('refuses %s and writes nothing', async (_label, setup, candidate, problem) => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const ids = (await people(ws, accountId, ['A', 'B', 'C'])).map((p) => p.id);
    const id = (i: number): string => ids[i] ?? '';
    for (const [from, to, kind] of setup) await createLine(ws, accountId, id(from), id(to), kind);
    const before = await rowCounts(ws);
    const linesBefore = await ws.db.lines.toArray();

    const tx = watchTransactions(ws);
    const err = await refusal(createLine(ws, accountId, id(candidate[0]), id(candidate[1]), candidate[2]));
    expect(err.problem).toBe(problem);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(await rowCounts(ws)).toEqual(before);
    expect(await ws.db.lines.toArray()).toEqual(linesBefore);
  });

  it('allows a dotted line to a second manager, and opposite influence arrows', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b, c] = await people(ws, accountId, ['A', 'B', 'C']);
    if (!a || !b || !c) throw new Error('setup');
    await createLine(ws, accountId, a.id, b.id, 'reportsTo');
    const { line: dotted } = await createLine(ws, accountId, a.id, c.id, 'dotted');
    expect(dotted).toMatchObject({ from: a.id, to: c.id, kind: 'dotted' });
    await createLine(ws, accountId, b.id, c.id, 'influences');
    await createLine(ws, accountId, c.id, b.id, 'influences');
    expect(await ws.db.lines.count()).toBe(4);
  });

  it('ignores deleted lines and lines of other accounts when checking the rules', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const otherAccount = await newAccount(ws, 'Other');
    const [a, b, c] = await people(ws, accountId, ['A', 'B', 'C']);
    if (!a || !b || !c) throw new Error('setup');
    const { line: old } = await createLine(ws, accountId, a.id, b.id, 'reportsTo');
    await deleteLines(ws, [old.id]);
    const { line: next } = await createLine(ws, accountId, a.id, c.id, 'reportsTo');
    expect(next.kind).toBe('reportsTo');
    // Another account's map has its own people and lines: they never block this one.
    const [x, y] = await people(ws, otherAccount, ['A', 'C']);
    if (!x || !y) throw new Error('setup');
    await createLine(ws, otherAccount, x.id, y.id, 'reportsTo');
    expect(await ws.db.lines.count()).toBe(3);
    // And a line may not join people of two different maps.
    await expect(createLine(ws, accountId, a.id, y.id, 'influences')).rejects.toMatchObject({ problem: 'missingPerson' });
  });
});

describe('changeLineKind', () => {
  it('changes the kind, stamping only that field', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b] = await people(ws, accountId, ['A', 'B']);
    if (!a || !b) throw new Error('setup');
    const { line } = await createLine(ws, accountId, a.id, b.id, 'influences');
    const tx = watchTransactions(ws);
    const intent = await changeLineKind(ws, line.id, 'reportsTo');
    expect(tx).toHaveBeenCalledTimes(1);
    const stored = await getLine(ws, line.id);
    expect(stored.kind).toBe('reportsTo');
    expect(stored.stamps).toEqual({ ...line.stamps, kind: stored.updatedAt });
    expect(intent?.label).toBe('editLine');
    expect(intent?.changes).toEqual([{ table: 'lines', id: line.id, before: { kind: 'influences' }, after: { kind: 'reportsTo' } }]);
  });

  it.each([
    ['an influences line into a reports-to cycle', 'cycle'],
    ['a dotted line into a second reports-to manager', 'secondManager'],
    ['a line into a duplicate of another', 'duplicate'],
  ] as const)('refuses %s and leaves the row unchanged', async (label, problem) => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b, c] = await people(ws, accountId, ['A', 'B', 'C']);
    if (!a || !b || !c) throw new Error('setup');
    let target: LineRow;
    let kind: LineKind;
    if (problem === 'cycle') {
      // A reports to B, B reports to C; turning "C influences A" into "C reports to A" closes the loop.
      await createLine(ws, accountId, a.id, b.id, 'reportsTo');
      await createLine(ws, accountId, b.id, c.id, 'reportsTo');
      target = (await createLine(ws, accountId, c.id, a.id, 'influences')).line;
      kind = 'reportsTo';
    } else if (problem === 'secondManager') {
      await createLine(ws, accountId, a.id, b.id, 'reportsTo');
      target = (await createLine(ws, accountId, a.id, c.id, 'dotted')).line;
      kind = 'reportsTo';
    } else {
      await createLine(ws, accountId, a.id, b.id, 'influences');
      target = (await createLine(ws, accountId, a.id, b.id, 'dotted')).line;
      kind = 'influences';
    }
    const before = await rowCounts(ws);
    const tx = watchTransactions(ws);
    const err = await refusal(changeLineKind(ws, target.id, kind));
    expect(err.problem, label).toBe(problem);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(await getLine(ws, target.id)).toEqual(target);
    expect(await rowCounts(ws)).toEqual(before);
  });

  it('returns null for the same kind, a missing line or a deleted line', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b] = await people(ws, accountId, ['A', 'B']);
    if (!a || !b) throw new Error('setup');
    const { line } = await createLine(ws, accountId, a.id, b.id, 'conflict');
    expect(await changeLineKind(ws, line.id, 'conflict')).toBeNull();
    expect(await changeLineKind(ws, 'missing', 'alliance')).toBeNull();
    await deleteLines(ws, [line.id]);
    const deleted = await getLine(ws, line.id);
    expect(await changeLineKind(ws, line.id, 'alliance')).toBeNull();
    expect(await getLine(ws, line.id)).toEqual(deleted);
  });
});

/** A map of four people: A reports to B, C influences A, B and C are allied, C reports to D; contacts for A (2), B and C. */
describe('deleteLines', () => {
  it('tombstones several lines in one intent', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    const tx = watchTransactions(ws);
    const intent = await deleteLines(ws, [map.lines.ab.id, map.lines.cd.id]);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteLines');
    expect(intent.changes.map((c) => c.id)).toEqual([map.lines.ab.id, map.lines.cd.id]);
    expect((await getLine(ws, map.lines.ab.id)).deleted).toBe(true);
    expect((await getLine(ws, map.lines.ca.id)).deleted).toBe(false);
  });
});
