import { describe, expect, it } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { defaultPersonFields, type PersonFields } from '@shared/domain/stakeholders';
import { compareStamps, type Stamp } from '@shared/sync/hlc';
import { RefusedError } from './refused';
import {
  addContact,
  createLine,
  createPerson,
  deleteContact,
  deleteLines,
  deletePeople,
  pastePeople,
  updatePeople,
  updatePerson,
} from './people';
import { replayIntent } from './workspace';
import { freshWorkspaces } from './testing';

import {
  PERSON_KEYS,
  getRow,
  getPerson,
  getLine,
  rowCounts,
  watchTransactions,
  refusal,
  newAccount,
  people,
  contact,
  sampleMap,
} from './people.fixtures';

const freshWorkspace = freshWorkspaces();

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
    expect(intent.changes).toEqual([
      {
        table: 'people',
        id: person.id,
        before: { deleted: true },
        after: expect.objectContaining({ name: 'Ada Lovelace', deleted: false }),
      },
    ]);
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
    expect(intent?.changes).toEqual([
      { table: 'people', id: person.id, before: { stance: 'neutral', influence: 2 }, after: { stance: 'skeptic', influence: 5 } },
    ]);
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
    const expected = [
      map.people.a,
      map.people.b,
      map.lines.ab,
      map.lines.ca,
      map.lines.bc,
      map.contacts.ca1,
      map.contacts.ca2,
      map.contacts.cb,
    ].map((r) => r.id);
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
      expect(copy).toMatchObject({
        ...defaultPersonFields(map.accountId),
        name: original.name,
        x: original.x + 40,
        y: original.y + 40,
        deleted: false,
      });
      expect(Object.keys(copy.stamps).sort()).toEqual([...PERSON_KEYS, 'deleted'].sort());
      expect(await getPerson(ws, original.id)).toEqual(original);
    }

    const newLines = (await ws.db.lines.toArray()).filter((l) => ids.includes(l.from) || ids.includes(l.to));
    const described = newLines.map((l) => `${l.from}>${l.to}:${l.kind}:${l.accountId}`).sort();
    const expected = [map.lines.ab, map.lines.ca, map.lines.bc]
      .map((l) => `${byOld.get(l.from)}>${byOld.get(l.to)}:${l.kind}:${map.accountId}`)
      .sort();
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
    const { intent, ids } = await pastePeople(
      ws,
      map.accountId,
      [map.people.a, map.people.b],
      [{ from: map.people.a.id, to: map.people.b.id, kind: 'reportsTo' }],
      40,
    );
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
    const { contact: short, intent } = await addContact(
      ws,
      contact(accountId, a.id, { attendee: '  Mia Jones  ', notes: '  keep my spaces ' }),
    );
    expect(tx).toHaveBeenCalledTimes(1);
    expect(short).toMatchObject({
      accountId,
      personId: a.id,
      date: '2025-03-01',
      channel: 'call',
      attendee: 'Mia Jones',
      notes: '  keep my spaces ',
      deleted: false,
    });
    expect(intent.label).toBe('logContact');
    expect(await ws.db.contacts.get(short.id)).toEqual(short);

    const { contact: long } = await addContact(
      ws,
      contact(accountId, a.id, { attendee: `   ${'a'.repeat(300)}`, notes: 'n'.repeat(6000) }),
    );
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
    const { person } = await createPerson(ws, accountId, {
      name: 'A',
      influence: Number.NaN,
      interest: Number.POSITIVE_INFINITY,
      x: Number.NaN,
      y: 1e12,
    });
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
    const { contact } = await addContact(ws, {
      accountId: 'wrong',
      personId: a.id,
      date: asIsoDate('2026-11-01'),
      channel: 'call',
      attendee: '',
      notes: '',
    });
    expect(contact.accountId).toBe(accountId);
  });

  it('refuses a contact for a person who is gone with a RefusedError that says so (not a line refusal)', async () => {
    const ws = await freshWorkspace();
    const accountId = await newAccount(ws);
    const [a] = await people(ws, accountId, ['A']);
    if (!a) throw new Error('setup');
    await deletePeople(ws, [a.id]);
    const err: unknown = await addContact(ws, {
      accountId,
      personId: a.id,
      date: asIsoDate('2026-11-01'),
      channel: 'call',
      attendee: '',
      notes: '',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err).toMatchObject({ messageKey: 'map.refused.contactPersonGone' });
    expect(await ws.db.contacts.count()).toBe(0);
    // A refused line is a RefusedError too, so commit() shows its sentence.
    const [b] = await people(ws, accountId, ['B']);
    const line: unknown = await createLine(ws, accountId, b!.id, b!.id, 'influences').catch((e: unknown) => e);
    expect(line).toBeInstanceOf(RefusedError);
    expect(line).toMatchObject({ messageKey: 'map.refused.self' });
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
