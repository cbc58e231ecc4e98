import { describe, expect, it, vi, type MockInstance } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { defaultPersonFields, type ContactFields, type LineKind, type PersonFields } from '@shared/domain/stakeholders';
import { compareStamps, type Stamp } from '@shared/sync/hlc';
import type { Row } from '@shared/sync/row';
import { createAccount } from './accounts';
import type { LineRow, PersonRow } from './database';
import {
  addContact,
  changeLineKind,
  createLine,
  createPerson,
  deleteContact,
  deleteLines,
  deletePeople,
  LineRefusedError,
  pastePeople,
  updatePeople,
  updatePerson,
} from './people';
import { SYNCED_TABLES, type SyncedTable } from './schema';
import { replayIntent, type Workspace } from './workspace';
import { freshWorkspaces } from './testing';

const freshWorkspace = freshWorkspaces();

const PERSON_KEYS = Object.keys(defaultPersonFields('x')).sort();

async function getRow(ws: Workspace, table: SyncedTable, id: string): Promise<Row<Record<string, unknown>>> {
  const row = await ws.db.table<Row<Record<string, unknown>>, string>(table).get(id);
  if (!row) throw new Error(`${table} ${id} missing`);
  return row;
}

async function getPerson(ws: Workspace, id: string): Promise<PersonRow> {
  const row = await ws.db.people.get(id);
  if (!row) throw new Error(`person ${id} missing`);
  return row;
}

async function getLine(ws: Workspace, id: string): Promise<LineRow> {
  const row = await ws.db.lines.get(id);
  if (!row) throw new Error(`line ${id} missing`);
  return row;
}

async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

/** Counts the Dexie transactions a repository call opens (restoreMocks undoes the spy after each test). */
function watchTransactions(ws: Workspace): MockInstance {
  return vi.spyOn(ws.db, 'transaction');
}

/** The refusal a promise rejects with; fails the test if it resolves or rejects with something else. */
async function refusal(p: Promise<unknown>): Promise<LineRefusedError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LineRefusedError);
  return err as LineRefusedError;
}

async function newAccount(ws: Workspace, name = 'Acme'): Promise<string> {
  return (await createAccount(ws, { name })).account.id;
}

async function people(ws: Workspace, accountId: string, names: readonly string[]): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (const [i, name] of names.entries()) out.push((await createPerson(ws, accountId, { name, x: i * 100, y: i * 50 })).person);
  return out;
}

function contact(accountId: string, personId: string, overrides: Partial<ContactFields> = {}): ContactFields {
  return { accountId, personId, date: asIsoDate('2025-03-01'), channel: 'call', attendee: 'Mia', notes: 'Talked budget', ...overrides };
}

describe('createPerson', () => {
  it('fills defaults, trims the name, stamps every field with one stamp, in one transaction', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const tx = watchTransactions(ws);
    const { person, intent } = await createPerson(ws, accountId, { name: '  Ada Lovelace  ', stance: 'champion' });
    expect(tx).toHaveBeenCalledTimes(1);
    expect(tx.mock.calls[0]?.[0]).toBe('rw');

    expect(person).toMatchObject({ ...defaultPersonFields(accountId), name: 'Ada Lovelace', stance: 'champion', deleted: false });
    expect(await getPerson(ws, person.id)).toEqual(person);
    expect(Object.keys(person.stamps).sort()).toEqual([...PERSON_KEYS, 'deleted'].sort());
    expect(Object.values(person.stamps).every((s) => s === person.updatedAt)).toBe(true);
    expect(intent.label).toBe('addPerson');
    expect(intent.changes).toEqual([{ table: 'people', id: person.id, before: { deleted: true }, after: expect.objectContaining({ name: 'Ada Lovelace', deleted: false }) }]);
  });

  it.each([
    ['below the scale', { influence: 0, interest: -4 }, { influence: 1, interest: 1 }],
    ['above the scale', { influence: 9, interest: 5.6 }, { influence: 5, interest: 5 }],
    ['fractions in range', { influence: 2.5, interest: 3.49 }, { influence: 3, interest: 3 }],
    ['fractional positions', { x: 10.4, y: -3.6 }, { x: 10, y: -4 }],
    ['a name over 200 characters', { name: ` ${'n'.repeat(250)} ` }, { name: 'n'.repeat(200) }],
  ] satisfies Array<[string, Partial<PersonFields>, Partial<PersonFields>]>)('normalises %s', async (_label, fields, expected) => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, fields);
    expect(person).toMatchObject(expected);
    expect(await getPerson(ws, person.id)).toMatchObject(expected);
  });
});

describe('updatePerson', () => {
  it('stamps only the fields whose value changed (after normalising) and records before/after', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, { name: 'Ada', influence: 2 });
    const tx = watchTransactions(ws);
    const intent = await updatePerson(ws, person.id, { name: ' Ada ', stance: 'skeptic', influence: 7, interest: 3.2 });
    expect(tx).toHaveBeenCalledTimes(1);

    const stored = await getPerson(ws, person.id);
    expect(stored).toMatchObject({ name: 'Ada', stance: 'skeptic', influence: 5, interest: 3 });
    expect(compareStamps(person.updatedAt, stored.updatedAt)).toBe(-1);
    expect(stored.stamps).toEqual({ ...person.stamps, stance: stored.updatedAt, influence: stored.updatedAt });
    expect(intent?.label).toBe('editPerson');
    expect(intent?.changes).toEqual([{ table: 'people', id: person.id, before: { stance: 'neutral', influence: 2 }, after: { stance: 'skeptic', influence: 5 } }]);
  });

  it('returns null and writes nothing when nothing changes or the person is missing', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, { name: 'Ada', influence: 5, x: 20 });
    expect(await updatePerson(ws, person.id, { name: 'Ada  ', influence: 12, x: 20.3 })).toBeNull();
    expect(await updatePerson(ws, 'missing', { name: 'X' })).toBeNull();
    expect(await getPerson(ws, person.id)).toEqual(person);
    expect(await ws.db.people.count()).toBe(1);
  });
});

describe('updatePeople', () => {
  it('moves several people in one intent with one stamp; undo restores every old position with later stamps', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b, c] = await people(ws, accountId, ['A', 'B', 'C']);
    if (!a || !b || !c) throw new Error('setup');
    const moves = new Map<string, Partial<PersonFields>>([
      [a.id, { x: 500.2, y: 10 }],
      [b.id, { x: 600, y: 20.7 }],
      [c.id, { x: c.x, y: c.y }], // unchanged: no change recorded, no stamp
    ]);

    const tx = watchTransactions(ws);
    const intent = await updatePeople(ws, 'movePeople', moves);
    expect(tx).toHaveBeenCalledTimes(1);

    expect(intent.label).toBe('movePeople');
    expect(intent.changes.map((ch) => ch.id)).toEqual([a.id, b.id]);
    const movedA = await getPerson(ws, a.id);
    const movedB = await getPerson(ws, b.id);
    expect([movedA.x, movedA.y, movedB.x, movedB.y]).toEqual([500, 10, 600, 21]);
    const moveStamp = movedA.updatedAt;
    expect(movedB.updatedAt).toBe(moveStamp);
    expect([movedA.stamps.x, movedA.stamps.y, movedB.stamps.x, movedB.stamps.y]).toEqual([moveStamp, moveStamp, moveStamp, moveStamp]);
    expect(movedA.stamps.name).toBe(a.stamps.name);
    expect(await getPerson(ws, c.id)).toEqual(c);

    const undo = await replayIntent(ws, intent, 'undo');
    expect(undo.changes).toHaveLength(2);
    const undoStamps = new Set<Stamp>();
    for (const original of [a, b]) {
      const row = await getPerson(ws, original.id);
      expect([row.x, row.y]).toEqual([original.x, original.y]);
      expect(compareStamps(moveStamp, row.stamps.x ?? moveStamp)).toBe(-1);
      expect(compareStamps(moveStamp, row.stamps.y ?? moveStamp)).toBe(-1);
      undoStamps.add(row.updatedAt);
    }
    expect(undoStamps.size).toBe(1);
  });
});

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
    ['a reports-to cycle through three people', [[0, 1, 'reportsTo'], [1, 2, 'reportsTo']], [2, 0, 'reportsTo'], 'cycle'],
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
async function sampleMap(ws: Workspace) {
  const accountId = await newAccount(ws);
  const [a, b, c, d] = await people(ws, accountId, ['A', 'B', 'C', 'D']);
  if (!a || !b || !c || !d) throw new Error('setup');
  const { line: ab } = await createLine(ws, accountId, a.id, b.id, 'reportsTo');
  const { line: ca } = await createLine(ws, accountId, c.id, a.id, 'influences');
  const { line: bc } = await createLine(ws, accountId, b.id, c.id, 'alliance');
  const { line: cd } = await createLine(ws, accountId, c.id, d.id, 'reportsTo');
  const { contact: ca1 } = await addContact(ws, contact(accountId, a.id));
  const { contact: ca2 } = await addContact(ws, contact(accountId, a.id, { date: asIsoDate('2025-04-01') }));
  const { contact: cb } = await addContact(ws, contact(accountId, b.id));
  const { contact: cc } = await addContact(ws, contact(accountId, c.id));
  return { accountId, people: { a, b, c, d }, lines: { ab, ca, bc, cd }, contacts: { ca1, ca2, cb, cc } };
}

describe('deletePeople', () => {
  it('tombstones the people, every line touching them and their contacts, in one intent with one stamp', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    const other = await sampleMap(ws);
    const before = await rowCounts(ws);

    const tx = watchTransactions(ws);
    const intent = await deletePeople(ws, [map.people.a.id, map.people.b.id]);
    expect(tx).toHaveBeenCalledTimes(1);

    expect(await rowCounts(ws)).toEqual(before); // tombstones, not hard deletes
    expect(intent.label).toBe('deletePeople');
    const expected = [map.people.a, map.people.b, map.lines.ab, map.lines.ca, map.lines.bc, map.contacts.ca1, map.contacts.ca2, map.contacts.cb].map((r) => r.id);
    const changed = intent.changes.map((c) => c.id);
    expect(changed).toHaveLength(expected.length); // a line touching both people is tombstoned once
    expect([...changed].sort()).toEqual([...expected].sort());
    const stamps = new Set<string>();
    for (const c of intent.changes) {
      expect(c.after).toEqual({ deleted: true });
      const row = await getRow(ws, c.table, c.id);
      expect(row.deleted).toBe(true);
      expect(row.stamps.deleted).toBe(row.updatedAt);
      stamps.add(row.updatedAt);
    }
    expect(stamps.size).toBe(1);

    expect((await getPerson(ws, map.people.c.id)).deleted).toBe(false);
    expect((await getPerson(ws, map.people.d.id)).deleted).toBe(false);
    expect((await getLine(ws, map.lines.cd.id)).deleted).toBe(false);
    expect((await getRow(ws, 'contacts', map.contacts.cc.id)).deleted).toBe(false);
    expect((await ws.db.people.where('accountId').equals(other.accountId).toArray()).every((p) => !p.deleted)).toBe(true);
    expect((await ws.db.lines.where('accountId').equals(other.accountId).toArray()).every((l) => !l.deleted)).toBe(true);
    expect((await ws.db.contacts.where('accountId').equals(other.accountId).toArray()).every((c) => !c.deleted)).toBe(true);
  });

  it('undo brings the people, lines and contacts back with later stamps; redo deletes them again', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    const intent = await deletePeople(ws, [map.people.a.id]);
    expect(intent.changes).toHaveLength(1 + 2 + 2); // A, lines A→B and C→A, two contacts
    const deletedAt = (await getPerson(ws, map.people.a.id)).updatedAt;

    const tx = watchTransactions(ws);
    await replayIntent(ws, intent, 'undo');
    expect(tx).toHaveBeenCalledTimes(1);
    for (const c of intent.changes) {
      const row = await getRow(ws, c.table, c.id);
      expect(row.deleted).toBe(false);
      expect(compareStamps(deletedAt, row.stamps.deleted ?? deletedAt)).toBe(-1);
    }
    expect(await getLine(ws, map.lines.ab.id)).toMatchObject({ from: map.people.a.id, to: map.people.b.id, kind: 'reportsTo' });

    await replayIntent(ws, intent, 'redo');
    for (const c of intent.changes) expect((await getRow(ws, c.table, c.id)).deleted).toBe(true);
  });

  it('does not touch lines deleted earlier', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    await deleteLines(ws, [map.lines.ab.id]);
    const earlier = await getLine(ws, map.lines.ab.id);
    const intent = await deletePeople(ws, [map.people.a.id]);
    expect(intent.changes.map((c) => c.id)).not.toContain(map.lines.ab.id);
    expect(await getLine(ws, map.lines.ab.id)).toEqual(earlier);
  });
});

describe('pastePeople', () => {
  it('copies people with new ids at an offset and recreates only the lines among them, in one intent', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    const { a, b, c } = map.people;
    const copied = [a, b, c];
    // The clipboard may hold lines to people outside the selection (C reports to D): those are skipped.
    const clipLines = Object.values(map.lines).map((l) => ({ from: l.from, to: l.to, kind: l.kind }));
    const before = await rowCounts(ws);

    const tx = watchTransactions(ws);
    const { ids, intent } = await pastePeople(ws, map.accountId, copied, clipLines, 40);
    expect(tx).toHaveBeenCalledTimes(1);

    expect(intent.label).toBe('pastePeople');
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(copied.map((p) => p.id)).not.toContain(id);
    const byOld = new Map(copied.map((p, i) => [p.id, ids[i] ?? '']));
    for (const original of copied) {
      const copy = await getPerson(ws, byOld.get(original.id) ?? '');
      expect(copy).toMatchObject({ ...defaultPersonFields(map.accountId), name: original.name, x: original.x + 40, y: original.y + 40, deleted: false });
      expect(Object.keys(copy.stamps).sort()).toEqual([...PERSON_KEYS, 'deleted'].sort());
      expect(await getPerson(ws, original.id)).toEqual(original);
    }

    const newLines = (await ws.db.lines.toArray()).filter((l) => ids.includes(l.from) || ids.includes(l.to));
    const described = newLines.map((l) => `${l.from}>${l.to}:${l.kind}:${l.accountId}`).sort();
    const expected = [map.lines.ab, map.lines.ca, map.lines.bc].map((l) => `${byOld.get(l.from)}>${byOld.get(l.to)}:${l.kind}:${map.accountId}`).sort();
    expect(described).toEqual(expected);
    expect(await rowCounts(ws)).toEqual({ ...before, people: before.people! + 3, lines: before.lines! + 3 });
    expect(intent.changes).toHaveLength(6);
    expect(new Set(await Promise.all(intent.changes.map(async (ch) => (await getRow(ws, ch.table, ch.id)).updatedAt))).size).toBe(1);
  });

  it('pastes into the target account and skips clipboard lines that would break the rules', async () => {
    const ws = await freshWorkspace();
    const source = await sampleMap(ws);
    const target = await newAccount(ws, 'Target');
    const { a, b } = source.people;
    const lines = [
      { from: a.id, to: b.id, kind: 'reportsTo' as const },
      { from: a.id, to: b.id, kind: 'reportsTo' as const }, // duplicate in the clipboard
      { from: b.id, to: a.id, kind: 'reportsTo' as const }, // would close a cycle
      { from: a.id, to: a.id, kind: 'influences' as const }, // self
    ];
    const { ids } = await pastePeople(ws, target, [a, b], lines, 20);
    const pasted = await ws.db.people.where('accountId').equals(target).toArray();
    expect(pasted.map((p) => p.id).sort()).toEqual([...ids].sort());
    const targetLines = await ws.db.lines.where('accountId').equals(target).toArray();
    expect(targetLines.map((l) => [l.from, l.to, l.kind])).toEqual([[ids[0], ids[1], 'reportsTo']]);
  });

  it('undo tombstones the pasted people and lines', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    const { intent, ids } = await pastePeople(ws, map.accountId, [map.people.a, map.people.b], [{ from: map.people.a.id, to: map.people.b.id, kind: 'reportsTo' }], 40);
    await replayIntent(ws, intent, 'undo');
    for (const id of ids) expect((await getPerson(ws, id)).deleted).toBe(true);
    const pastedLines = (await ws.db.lines.toArray()).filter((l) => ids.includes(l.from));
    expect(pastedLines).toHaveLength(1);
    expect(pastedLines.every((l) => l.deleted)).toBe(true);
  });
});

describe('contacts', () => {
  it('addContact trims and caps the attendee, caps the notes, in one transaction', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a] = await people(ws, accountId, ['A']);
    if (!a) throw new Error('setup');
    const tx = watchTransactions(ws);
    const { contact: short, intent } = await addContact(ws, contact(accountId, a.id, { attendee: '  Mia Jones  ', notes: '  keep my spaces ' }));
    expect(tx).toHaveBeenCalledTimes(1);
    expect(short).toMatchObject({ accountId, personId: a.id, date: '2025-03-01', channel: 'call', attendee: 'Mia Jones', notes: '  keep my spaces ', deleted: false });
    expect(intent.label).toBe('logContact');
    expect(await ws.db.contacts.get(short.id)).toEqual(short);

    const { contact: long } = await addContact(ws, contact(accountId, a.id, { attendee: `   ${'a'.repeat(300)}`, notes: 'n'.repeat(6000) }));
    expect(long.attendee).toBe('a'.repeat(200));
    expect(long.notes).toBe('n'.repeat(5000));
    expect((await ws.db.contacts.get(long.id))?.notes).toHaveLength(5000);
  });

  it('deleteContact tombstones the contact only; undo restores it', async () => {
    const ws = await freshWorkspace();
    const map = await sampleMap(ws);
    const before = await rowCounts(ws);
    const tx = watchTransactions(ws);
    const intent = await deleteContact(ws, map.contacts.ca1.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteContact');
    expect(intent.changes).toEqual([{ table: 'contacts', id: map.contacts.ca1.id, before: { deleted: false }, after: { deleted: true } }]);
    const row = await getRow(ws, 'contacts', map.contacts.ca1.id);
    expect(row.deleted).toBe(true);
    expect(row.stamps.deleted).toBe(row.updatedAt);
    expect(await rowCounts(ws)).toEqual(before);
    expect((await getRow(ws, 'contacts', map.contacts.ca2.id)).deleted).toBe(false);
    expect((await getPerson(ws, map.people.a.id)).deleted).toBe(false);

    await replayIntent(ws, intent, 'undo');
    expect((await getRow(ws, 'contacts', map.contacts.ca1.id)).deleted).toBe(false);
  });
});

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

describe('hardening: what the repository refuses or repairs', () => {
  it('keeps the person in the account it was created for, whatever the fields say', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, { accountId: 'someone-else', name: 'A' });
    expect(person.accountId).toBe(accountId);
  });

  it('turns a score or position that is not a number into a sane value', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, { name: 'A', influence: Number.NaN, interest: Number.POSITIVE_INFINITY, x: Number.NaN, y: 1e12 });
    expect([person.influence, person.interest, person.x, person.y]).toEqual([3, 3, 0, 1e6]);
  });

  it('cuts a long name by whole characters, never half an emoji', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, { name: `${'x'.repeat(199)}😀😀` });
    expect(Array.from(person.name)).toHaveLength(200);
    expect(person.name.endsWith('😀')).toBe(true);
  });

  it('leaves a deleted person alone when edited', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const { person } = await createPerson(ws, accountId, { name: 'A' });
    await deletePeople(ws, [person.id]);
    expect(await updatePerson(ws, person.id, { name: 'B' })).toBeNull();
    expect((await getPerson(ws, person.id)).name).toBe('A');
  });

  it('refuses a line to a deleted or unknown person and writes nothing', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b] = await people(ws, accountId, ['A', 'B']);
    if (!a || !b) throw new Error('setup');
    await deletePeople(ws, [b.id]);
    const before = await rowCounts(ws);
    expect((await refusal(createLine(ws, accountId, a.id, b.id, 'influences'))).problem).toBe('missingPerson');
    expect((await refusal(createLine(ws, accountId, a.id, 'nobody', 'influences'))).problem).toBe('missingPerson');
    expect(await rowCounts(ws)).toEqual(before);
  });

  it('files a contact under its person’s account', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a] = await people(ws, accountId, ['A']);
    if (!a) throw new Error('setup');
    const { contact } = await addContact(ws, { accountId: 'wrong', personId: a.id, date: asIsoDate('2026-11-01'), channel: 'call', attendee: '', notes: '' });
    expect(contact.accountId).toBe(accountId);
  });

  it('refuses a dotted line to the person who already is the solid-line manager', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a, b] = await people(ws, accountId, ['A', 'B']);
    if (!a || !b) throw new Error('setup');
    await createLine(ws, accountId, a.id, b.id, 'reportsTo');
    expect((await refusal(createLine(ws, accountId, a.id, b.id, 'dotted'))).problem).toBe('duplicate');
  });
});
