import { describe, expect, it, vi } from 'vitest';

import { asIsoDate } from '@shared/domain/dates';
import { asMinor } from '@shared/domain/money';

import type { AttendeeFields, RetreatFields, SessionFields } from '@shared/domain/retreat';

import { compareStamps } from '@shared/sync/hlc';
import { deleteAccount } from './accounts';

import {
  addAttendee,
  addSession,
  captureRequest,
  createRetreat,
  deleteRetreat,
  deleteSession,
  removeAttendee,
  updateRetreat,
  updateSession,
} from './retreats';

import { replayIntent } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';
import {
  D10,
  retreatFields,
  RETREAT_KEYS,
  sessionFields,
  getRetreat,
  getSession,
  getAttendee,
  getRequest,
  retreatRefusal,
  setup,
} from './retreats.fixtures';

const fresh = freshWorkspaces();

describe('createRetreat', () => {
  it('writes the validated, trimmed values in one transaction, every field stamped once', async () => {
    const ws = await fresh();
    const tx = vi.spyOn(ws.db, 'transaction');
    const { retreat, intent } = await createRetreat(
      ws,
      retreatFields({
        title: '  Spring retreat  ',
        lines: [{ kind: 'travel', label: '  Flights  ', amount: asMinor(900_000) }],
        ourAttendees: ['  Ana ', 'Ben'],
      }),
    );
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = retreatFields({
      lines: [{ kind: 'travel', label: 'Flights', amount: asMinor(900_000) }],
      ourAttendees: ['Ana', 'Ben'],
    });
    expect(retreat).toEqual({ ...expected, id: retreat.id, deleted: false, stamps: retreat.stamps, updatedAt: retreat.updatedAt });
    expect(await getRetreat(ws, retreat.id)).toEqual(retreat);
    expect(Object.keys(retreat.stamps).sort()).toEqual([...RETREAT_KEYS, 'deleted'].sort());
    expect(intent).toEqual({
      label: 'createRetreat',
      changes: [{ table: 'retreats', id: retreat.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it('allows a one-day retreat (end = start)', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields({ endDate: D10 }));
    expect((await getRetreat(ws, retreat.id)).endDate).toBe('2027-03-10');
  });

  it("refuses an end before the start ('endBeforeStart') and writes nothing", async () => {
    const ws = await fresh();
    const tx = vi.spyOn(ws.db, 'transaction');
    expect(await retreatRefusal(createRetreat(ws, retreatFields({ endDate: asIsoDate('2027-03-09') })))).toBe('endBeforeStart');
    expect(await retreatRefusal(createRetreat(ws, retreatFields({ startDate: asIsoDate('2028-01-01') })))).toBe('endBeforeStart');
    expect(tx).not.toHaveBeenCalled();
    expect(await ws.db.retreats.count()).toBe(0);
  });

  it.each<[string, Partial<RetreatFields>]>([
    ['an empty title', { title: '  ' }],
    ['an unknown currency', { currency: 'XXX' }],
    ['a negative budget', { budget: asMinor(-1) }],
    ['an empty name among our attendees', { ourAttendees: ['Ana', ' '] }],
    ['an unknown budget kind', { lines: [{ kind: 'gifts' as 'other', label: 'Gifts', amount: asMinor(1) }] }],
  ])("refuses %s ('invalid') and writes nothing", async (_label, over) => {
    const ws = await fresh();
    expect(await retreatRefusal(createRetreat(ws, retreatFields(over)))).toBe('invalid');
    expect(await ws.db.retreats.count()).toBe(0);
  });

  // Zod 4 runs the end-after-start refinement even when a field failed: a malformed date must still say 'invalid'.
  it.each<[string, Partial<RetreatFields>]>([
    ['a start date that is not a date', { startDate: 'nope' as RetreatFields['startDate'] }],
    ['an end date that does not exist (2027-02-30)', { endDate: '2027-02-30' as RetreatFields['endDate'] }],
  ])("refuses %s with 'invalid' (not 'endBeforeStart')", async (_label, over) => {
    const ws = await fresh();
    expect(await retreatRefusal(createRetreat(ws, retreatFields(over)))).toBe('invalid');
  });
});

describe('updateRetreat', () => {
  it('writes only the given keys, validated and trimmed; only they are stamped', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await updateRetreat(ws, retreat.id, { title: '  Autumn retreat  ', endDate: asIsoDate('2027-03-13'), place: 'Lisbon' });
    expect(tx).toHaveBeenCalledTimes(1);
    const stored = await getRetreat(ws, retreat.id);
    expect(stored).toEqual({
      ...retreat,
      title: 'Autumn retreat',
      endDate: '2027-03-13',
      stamps: { ...retreat.stamps, title: stored.updatedAt, endDate: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(compareStamps(retreat.updatedAt, stored.updatedAt)).toBe(-1);
    expect(intent).toEqual({
      label: 'editRetreat',
      changes: [
        {
          table: 'retreats',
          id: retreat.id,
          before: { title: 'Spring retreat', endDate: '2027-03-12' },
          after: { title: 'Autumn retreat', endDate: '2027-03-13' },
        },
      ],
    });
    await expectStamped(ws, intent!);
  });

  it('moves both dates at once when the merged retreat is valid', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const intent = await updateRetreat(ws, retreat.id, { startDate: asIsoDate('2027-09-01'), endDate: asIsoDate('2027-09-02') });
    expect(intent?.changes).toEqual([
      {
        table: 'retreats',
        id: retreat.id,
        before: { startDate: '2027-03-10', endDate: '2027-03-12' },
        after: { startDate: '2027-09-01', endDate: '2027-09-02' },
      },
    ]);
  });

  it("refuses an end before the (stored) start and a start after the (stored) end with 'endBeforeStart', writing nothing", async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    expect(await retreatRefusal(updateRetreat(ws, retreat.id, { endDate: asIsoDate('2027-03-09') }))).toBe('endBeforeStart');
    expect(await retreatRefusal(updateRetreat(ws, retreat.id, { startDate: asIsoDate('2027-03-13') }))).toBe('endBeforeStart');
    expect(await retreatRefusal(updateRetreat(ws, retreat.id, { title: '' }))).toBe('invalid');
    expect(await retreatRefusal(updateRetreat(ws, retreat.id, { budget: asMinor(-1) }))).toBe('invalid');
    expect(await getRetreat(ws, retreat.id)).toEqual(retreat);
  });

  it('returns null for an unknown or deleted retreat, or a patch that changes nothing', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    expect(await updateRetreat(ws, 'nope', { title: 'X' })).toBeNull();
    expect(await updateRetreat(ws, retreat.id, { title: '  Spring retreat ' })).toBeNull();
    expect(await getRetreat(ws, retreat.id)).toEqual(retreat);
    await deleteRetreat(ws, retreat.id);
    const deleted = await getRetreat(ws, retreat.id);
    expect(await updateRetreat(ws, retreat.id, { title: 'X' })).toBeNull();
    expect(await getRetreat(ws, retreat.id)).toEqual(deleted);
  });
});

describe('deleteRetreat', () => {
  it('tombstones the retreat with its live sessions and attendees in one intent, keeps its captured requests; undo restores all', async () => {
    const ws = await fresh();
    const { retreat, acme, globex, item } = await setup(ws);
    const { session: s1 } = await addSession(ws, sessionFields(retreat.id));
    const { session: s2 } = await addSession(
      ws,
      sessionFields(retreat.id, { start: '14:00', end: '15:00', title: 'Summary', kind: 'summary' }),
    );
    const { session: s3 } = await addSession(ws, sessionFields(retreat.id, { start: '16:00', end: '17:00', title: 'Dropped' }));
    await deleteSession(ws, s3.id);
    const gone = await getSession(ws, s3.id);
    const { attendee: a1 } = await addAttendee(ws, {
      retreatId: retreat.id,
      accountId: acme.id,
      personId: null,
      name: 'Wile',
      role: 'CTO',
    });
    const { attendee: a2 } = await addAttendee(ws, { retreatId: retreat.id, accountId: globex.id, personId: null, name: 'Hank', role: '' });
    const { request } = await captureRequest(ws, {
      retreatId: retreat.id,
      accountId: acme.id,
      importance: 'critical',
      note: '',
      item: { id: item.id },
    });
    const { retreat: other } = await createRetreat(ws, retreatFields({ title: 'Autumn retreat' }));
    const { session: otherSession } = await addSession(ws, sessionFields(other.id));
    const { attendee: otherAttendee } = await addAttendee(ws, {
      retreatId: other.id,
      accountId: acme.id,
      personId: null,
      name: 'Wile',
      role: 'CTO',
    });

    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteRetreat(ws, retreat.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteRetreat');
    expect(intent.changes.map((c) => c.table)).toEqual(['sessions', 'sessions', 'attendees', 'attendees', 'retreats']);
    expect(
      intent.changes
        .slice(0, 2)
        .map((c) => c.id)
        .sort(),
    ).toEqual([s1.id, s2.id].sort());
    expect(
      intent.changes
        .slice(2, 4)
        .map((c) => c.id)
        .sort(),
    ).toEqual([a1.id, a2.id].sort());
    expect(intent.changes[4]?.id).toBe(retreat.id);
    expect(intent.changes.map((c) => [c.before, c.after])).toEqual(intent.changes.map(() => [{ deleted: false }, { deleted: true }]));
    await expectStamped(ws, intent);

    for (const id of [s1.id, s2.id]) expect((await getSession(ws, id)).deleted).toBe(true);
    for (const id of [a1.id, a2.id]) expect((await getAttendee(ws, id)).deleted).toBe(true);
    expect((await getRetreat(ws, retreat.id)).deleted).toBe(true);
    expect(await getSession(ws, s3.id)).toEqual(gone);
    expect(await getRequest(ws, request.id)).toEqual(request);
    expect(await getRetreat(ws, other.id)).toEqual(other);
    expect(await getSession(ws, otherSession.id)).toEqual(otherSession);
    expect(await getAttendee(ws, otherAttendee.id)).toEqual(otherAttendee);

    await replayIntent(ws, intent, 'undo');
    for (const id of [s1.id, s2.id]) expect((await getSession(ws, id)).deleted).toBe(false);
    for (const id of [a1.id, a2.id]) expect((await getAttendee(ws, id)).deleted).toBe(false);
    expect((await getRetreat(ws, retreat.id)).deleted).toBe(false);
    expect((await getSession(ws, s3.id)).deleted).toBe(true);
  });
});

describe('addSession', () => {
  it('writes the session with a trimmed title in one transaction', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const tx = vi.spyOn(ws.db, 'transaction');
    const { session, intent } = await addSession(ws, sessionFields(retreat.id, { title: '  Roadmap review  ' }));
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = sessionFields(retreat.id);
    expect(session).toEqual({ ...expected, id: session.id, deleted: false, stamps: session.stamps, updatedAt: session.updatedAt });
    expect(await getSession(ws, session.id)).toEqual(session);
    expect(intent).toEqual({
      label: 'addSession',
      changes: [{ table: 'sessions', id: session.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it("refuses an end at or before the start ('endBeforeStart') and writes nothing", async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    expect(await retreatRefusal(addSession(ws, sessionFields(retreat.id, { start: '10:00', end: '10:00' })))).toBe('endBeforeStart');
    expect(await retreatRefusal(addSession(ws, sessionFields(retreat.id, { start: '10:00', end: '09:59' })))).toBe('endBeforeStart');
    expect(await ws.db.sessions.count()).toBe(0);
  });

  it("refuses an unknown or deleted retreat ('missingRetreat') and writes nothing", async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    expect(await retreatRefusal(addSession(ws, sessionFields('nope')))).toBe('missingRetreat');
    await deleteRetreat(ws, retreat.id);
    expect(await retreatRefusal(addSession(ws, sessionFields(retreat.id)))).toBe('missingRetreat');
    expect(await ws.db.sessions.count()).toBe(0);
  });

  it.each<[string, Partial<SessionFields>]>([
    ['an end of 24:00', { end: '24:00' }],
    ['an empty title', { title: ' ' }],
    ['an unknown kind', { kind: 'party' as 'other' }],
    ['a date that is not a date', { date: '2027-13-01' as SessionFields['date'] }],
  ])("refuses %s ('invalid') and writes nothing", async (_label, over) => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    expect(await retreatRefusal(addSession(ws, sessionFields(retreat.id, over)))).toBe('invalid');
    expect(await ws.db.sessions.count()).toBe(0);
  });

  it("refuses a start of 9:00 (no leading zero) with 'invalid' (not 'endBeforeStart')", async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    expect(await retreatRefusal(addSession(ws, sessionFields(retreat.id, { start: '9:00' })))).toBe('invalid');
  });

  it("writes a session outside the retreat's dates (a conflict to show, not a refusal)", async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const { session } = await addSession(ws, sessionFields(retreat.id, { date: asIsoDate('2027-04-01') }));
    expect((await getSession(ws, session.id)).date).toBe('2027-04-01');
  });
});

describe('updateSession', () => {
  it('validates the merged session: a new start at or after the stored end is refused, writing nothing', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const { session } = await addSession(ws, sessionFields(retreat.id));
    expect(await retreatRefusal(updateSession(ws, session.id, { start: '10:30' }))).toBe('endBeforeStart');
    expect(await retreatRefusal(updateSession(ws, session.id, { end: '08:00' }))).toBe('endBeforeStart');
    expect(await retreatRefusal(updateSession(ws, session.id, { title: '' }))).toBe('invalid');
    expect(await retreatRefusal(updateSession(ws, session.id, { end: '24:00' }))).toBe('invalid');
    expect(await getSession(ws, session.id)).toEqual(session);
  });

  // A malformed time is 'invalid', not "end before start" ("25:00" would be 1500 min > 630, "9:00" NaN).
  it.each([['25:00'], ['9:00']])("refuses a start of %s with 'invalid' (not 'endBeforeStart')", async (start) => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const { session } = await addSession(ws, sessionFields(retreat.id));
    expect(await retreatRefusal(updateSession(ws, session.id, { start }))).toBe('invalid');
  });

  it('writes only the given keys, trimmed; only they are stamped', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const { session } = await addSession(ws, sessionFields(retreat.id));
    const intent = await updateSession(ws, session.id, { start: '11:00', end: '12:00', title: '  Deep dive  ', owner: 'Ana' });
    const stored = await getSession(ws, session.id);
    expect(stored).toEqual({
      ...session,
      start: '11:00',
      end: '12:00',
      title: 'Deep dive',
      stamps: { ...session.stamps, start: stored.updatedAt, end: stored.updatedAt, title: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(intent).toEqual({
      label: 'editSession',
      changes: [
        {
          table: 'sessions',
          id: session.id,
          before: { start: '09:00', end: '10:30', title: 'Roadmap review' },
          after: { start: '11:00', end: '12:00', title: 'Deep dive' },
        },
      ],
    });
    await expectStamped(ws, intent!);
  });

  it('returns null for an unknown or deleted session, or a patch that changes nothing', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const { session } = await addSession(ws, sessionFields(retreat.id));
    expect(await updateSession(ws, 'nope', { title: 'X' })).toBeNull();
    expect(await updateSession(ws, session.id, { title: ' Roadmap review ' })).toBeNull();
    const intent = await deleteSession(ws, session.id);
    expect(intent).toEqual({
      label: 'deleteSession',
      changes: [{ table: 'sessions', id: session.id, before: { deleted: false }, after: { deleted: true } }],
    });
    const deleted = await getSession(ws, session.id);
    expect(await updateSession(ws, session.id, { title: 'X' })).toBeNull();
    expect(await getSession(ws, session.id)).toEqual(deleted);
  });
});

describe('addAttendee', () => {
  const attendee = (retreatId: string, accountId: string, over: Partial<AttendeeFields> = {}): AttendeeFields => ({
    retreatId,
    accountId,
    personId: 'person-1',
    name: 'Wile E.',
    role: 'CTO',
    ...over,
  });

  it('writes the attendee with trimmed name and role in one transaction', async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    const tx = vi.spyOn(ws.db, 'transaction');
    const { attendee: row, intent } = await addAttendee(ws, attendee(retreat.id, acme.id, { name: '  Wile E. ', role: ' CTO  ' }));
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = attendee(retreat.id, acme.id);
    expect(row).toEqual({ ...expected, id: row.id, deleted: false, stamps: row.stamps, updatedAt: row.updatedAt });
    expect(await getAttendee(ws, row.id)).toEqual(row);
    expect(intent).toEqual({
      label: 'addAttendee',
      changes: [{ table: 'attendees', id: row.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it("refuses the same person twice ('duplicateAttendee'), whatever the name, and writes nothing", async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    const { attendee: first } = await addAttendee(ws, attendee(retreat.id, acme.id));
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id)))).toBe('duplicateAttendee');
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id, { name: 'W. Coyote', role: '' })))).toBe('duplicateAttendee');
    expect(await ws.db.attendees.toArray()).toEqual([first]);
  });

  it("refuses the same typed name for the same account, ignoring case and spaces ('duplicateAttendee')", async () => {
    const ws = await fresh();
    const { retreat, acme, globex } = await setup(ws);
    const { attendee: first } = await addAttendee(ws, attendee(retreat.id, acme.id, { personId: null, name: 'Wile E.' }));
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id, { personId: null, name: 'Wile E.' })))).toBe(
      'duplicateAttendee',
    );
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id, { personId: null, name: '  WILE e. ', role: 'CEO' })))).toBe(
      'duplicateAttendee',
    );
    expect(await ws.db.attendees.toArray()).toEqual([first]);

    // The same name from another account, or in another retreat, is someone else.
    const { attendee: fromGlobex } = await addAttendee(ws, attendee(retreat.id, globex.id, { personId: null, name: 'Wile E.' }));
    const { retreat: other } = await createRetreat(ws, retreatFields({ title: 'Autumn retreat' }));
    const { attendee: elsewhere } = await addAttendee(ws, attendee(other.id, acme.id, { personId: null, name: 'Wile E.' }));
    expect(await ws.db.attendees.count()).toBe(3);
    expect([fromGlobex.accountId, elsewhere.retreatId]).toEqual([globex.id, other.id]);
  });

  it('allows a removed attendee to be added again', async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    const { attendee: first } = await addAttendee(ws, attendee(retreat.id, acme.id));
    const removed = await removeAttendee(ws, first.id);
    expect(removed).toEqual({
      label: 'removeAttendee',
      changes: [{ table: 'attendees', id: first.id, before: { deleted: false }, after: { deleted: true } }],
    });
    const { attendee: again } = await addAttendee(ws, attendee(retreat.id, acme.id));
    expect(again.id).not.toBe(first.id);
    expect((await getAttendee(ws, again.id)).deleted).toBe(false);
  });

  it("refuses an unknown or deleted account ('missingAccount') and a missing retreat ('missingRetreat'), writing nothing", async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, 'nope')))).toBe('missingAccount');
    await deleteAccount(ws, acme.id);
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id)))).toBe('missingAccount');
    expect(await retreatRefusal(addAttendee(ws, attendee('nope', acme.id)))).toBe('missingRetreat');
    expect(await ws.db.attendees.count()).toBe(0);
  });

  it("refuses an empty name ('invalid') and writes nothing", async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id, { name: '   ' })))).toBe('invalid');
    expect(await ws.db.attendees.count()).toBe(0);
  });
});
