import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { asIsoDate } from '@shared/domain/dates';
import { asMinor } from '@shared/domain/money';
import { asQuarter, type Quarter } from '@shared/domain/quarter';
import type { AttendeeFields, RetreatFields, SessionFields } from '@shared/domain/retreat';
import type { Importance } from '@shared/domain/roadmap';
import { compareStamps } from '@shared/sync/hlc';
import { createAccount, deleteAccount } from './accounts';
import type { AttendeeRow, RequestRow, RetreatRow, RoadmapItemRow, SessionRow } from './database';
import { addAttendee, addSession, captureRequest, createRetreat, deleteRetreat, deleteSession, removeAttendee, RetreatRefusedError, updateRetreat, updateSession, type Capture } from './retreats';
import { createItem, deleteItem, RoadmapRefusedError } from './roadmap';
import { SYNCED_TABLES } from './schema';
import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';

const fresh = freshWorkspaces();

const Q3 = asQuarter('2027-Q3');
const D10 = asIsoDate('2027-03-10');
const D11 = asIsoDate('2027-03-11');
const D12 = asIsoDate('2027-03-12');

const retreatFields = (over: Partial<RetreatFields> = {}): RetreatFields => ({
  title: 'Spring retreat',
  theme: 'Platform',
  place: 'Lisbon',
  startDate: D10,
  endDate: D12,
  currency: 'EUR',
  budget: asMinor(5_000_000),
  lines: [{ kind: 'venue', label: 'Hotel', amount: asMinor(2_000_000) }],
  ourAttendees: ['Ana'],
  notes: '',
  ...over,
});

const RETREAT_KEYS = Object.keys(retreatFields()).sort();

const sessionFields = (retreatId: string, over: Partial<SessionFields> = {}): SessionFields => ({
  retreatId,
  date: D11,
  start: '09:00',
  end: '10:30',
  title: 'Roadmap review',
  owner: 'Ana',
  kind: 'planning',
  ...over,
});

async function getRow<R>(ws: Workspace, table: 'retreats' | 'sessions' | 'attendees' | 'requests' | 'roadmapItems', id: string): Promise<R> {
  const row = await ws.db.table<R, string>(table).get(id);
  if (!row) throw new Error(`${table} ${id} missing`);
  return row;
}

const getRetreat = (ws: Workspace, id: string) => getRow<RetreatRow>(ws, 'retreats', id);
const getSession = (ws: Workspace, id: string) => getRow<SessionRow>(ws, 'sessions', id);
const getAttendee = (ws: Workspace, id: string) => getRow<AttendeeRow>(ws, 'attendees', id);
const getRequest = (ws: Workspace, id: string) => getRow<RequestRow>(ws, 'requests', id);
const getItem = (ws: Workspace, id: string) => getRow<RoadmapItemRow>(ws, 'roadmapItems', id);

async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

/** The error a promise rejects with; fails the test if it resolves or rejects with another class. */
async function rejection<E>(p: Promise<unknown>, cls: abstract new (...args: never[]) => E): Promise<E> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(cls);
  return err as E;
}

/** A retreat refusal: checks the class and the message key, returns the reason. */
async function retreatRefusal(p: Promise<unknown>): Promise<RetreatRefusedError['reason']> {
  const err = await rejection(p, RetreatRefusedError);
  expect(err.messageKey).toBe(`retreat.refused.${err.reason}`);
  return err.reason;
}

async function roadmapRefusal(p: Promise<unknown>): Promise<RoadmapRefusedError['reason']> {
  const err = await rejection(p, RoadmapRefusedError);
  expect(err.messageKey).toBe(`roadmap.refused.${err.reason}`);
  return err.reason;
}

/** A retreat, two accounts and a roadmap item already planned. */
async function setup(ws: Workspace) {
  const { retreat } = await createRetreat(ws, retreatFields());
  const { account: acme } = await createAccount(ws, { name: 'Acme' });
  const { account: globex } = await createAccount(ws, { name: 'Globex' });
  const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3, effortEm: 4.5 });
  return { retreat, acme, globex, item };
}

const NEW_ITEM = { title: '  Offline mode  ', plannedQuarter: Q3, effortEm: 2.5 };
const NEW_ITEM_FIELDS = { title: 'Offline mode', theme: '', plannedQuarter: '2027-Q3', effortEm: 2.5, onStrategy: true, status: 'idea', notes: '', acceleratedFrom: null };

describe('captureRequest', () => {
  it("for an existing item: writes one request whose retreatId is the retreat, in one transaction, labelled 'captureRequest'", async () => {
    const ws = await fresh();
    const { retreat, acme, item: existing } = await setup(ws);
    const before = await rowCounts(ws);
    const tx = vi.spyOn(ws.db, 'transaction');

    const { request, item, intent } = await captureRequest(ws, { retreatId: retreat.id, accountId: acme.id, importance: 'critical', note: '  Needed for all plants  ', item: { id: existing.id } });

    expect(tx).toHaveBeenCalledTimes(1);
    expect(tx.mock.calls[0]?.[0]).toBe('rw');
    expect(item).toBeNull();
    const expected = { itemId: existing.id, accountId: acme.id, importance: 'critical', note: 'Needed for all plants', retreatId: retreat.id };
    expect(request).toEqual({ ...expected, id: request.id, deleted: false, stamps: request.stamps, updatedAt: request.updatedAt });
    expect(Object.keys(request.stamps).sort()).toEqual(['accountId', 'deleted', 'importance', 'itemId', 'note', 'retreatId']);
    expect(new Set(Object.values(request.stamps))).toEqual(new Set([request.updatedAt]));
    expect(await getRequest(ws, request.id)).toEqual(request);
    expect(intent).toEqual({ label: 'captureRequest', changes: [{ table: 'requests', id: request.id, before: { deleted: true }, after: { ...expected, deleted: false } }] });
    await expectStamped(ws, intent);
    expect(await rowCounts(ws)).toEqual({ ...before, requests: 1 });
    expect(await getItem(ws, existing.id)).toEqual(existing);
  });

  it("for a new item: writes the item (status 'idea') and the request pointing at it, in one transaction with one stamp", async () => {
    const ws = await fresh();
    const { retreat, globex } = await setup(ws);
    const before = await rowCounts(ws);
    const tx = vi.spyOn(ws.db, 'transaction');

    const { request, item, intent } = await captureRequest(ws, { retreatId: retreat.id, accountId: globex.id, importance: 'important', note: '', item: NEW_ITEM });

    expect(tx).toHaveBeenCalledTimes(1);
    if (!item) throw new Error('no item returned');
    expect(item).toEqual({ ...NEW_ITEM_FIELDS, id: item.id, deleted: false, stamps: item.stamps, updatedAt: item.updatedAt });
    expect(await getItem(ws, item.id)).toEqual(item);
    const expectedRequest = { itemId: item.id, accountId: globex.id, importance: 'important', note: '', retreatId: retreat.id };
    expect(request).toEqual({ ...expectedRequest, id: request.id, deleted: false, stamps: request.stamps, updatedAt: request.updatedAt });
    expect(await getRequest(ws, request.id)).toEqual(request);
    expect(item.updatedAt).toBe(request.updatedAt);
    expect(intent).toEqual({
      label: 'captureRequest',
      changes: [
        { table: 'roadmapItems', id: item.id, before: { deleted: true }, after: { ...NEW_ITEM_FIELDS, deleted: false } },
        { table: 'requests', id: request.id, before: { deleted: true }, after: { ...expectedRequest, deleted: false } },
      ],
    });
    await expectStamped(ws, intent);
    expect(await rowCounts(ws)).toEqual({ ...before, roadmapItems: 2, requests: 1 });
  });

  type Case = [string, (s: Awaited<ReturnType<typeof setup>>, ws: Workspace) => Promise<Capture>, (p: Promise<unknown>) => Promise<unknown>, unknown];
  const capture = (s: Awaited<ReturnType<typeof setup>>, over: Partial<Capture> = {}): Capture => ({ retreatId: s.retreat.id, accountId: s.acme.id, importance: 'critical', note: '', item: NEW_ITEM, ...over });
  const zod = async (p: Promise<unknown>) => (await rejection(p, ZodError)).name;

  it.each<Case>([
    ['an unknown account, new item', async (s) => capture(s, { accountId: 'nope' }), roadmapRefusal, 'missingAccount'],
    ['a deleted account, new item', async (s, ws) => (await deleteAccount(ws, s.acme.id), capture(s)), roadmapRefusal, 'missingAccount'],
    ['an unknown account, existing item', async (s) => capture(s, { accountId: 'nope', item: { id: s.item.id } }), roadmapRefusal, 'missingAccount'],
    ['a deleted retreat, new item', async (s, ws) => (await deleteRetreat(ws, s.retreat.id), capture(s)), retreatRefusal, 'missingRetreat'],
    ['a deleted retreat, existing item', async (s, ws) => (await deleteRetreat(ws, s.retreat.id), capture(s, { item: { id: s.item.id } })), retreatRefusal, 'missingRetreat'],
    ['an unknown retreat', async (s) => capture(s, { retreatId: 'nope' }), retreatRefusal, 'missingRetreat'],
    ['a deleted existing item', async (s, ws) => (await deleteItem(ws, s.item.id), capture(s, { item: { id: s.item.id } })), roadmapRefusal, 'missingItem'],
    ['a new item in quarter 2027-Q5', async (s) => capture(s, { item: { ...NEW_ITEM, plannedQuarter: '2027-Q5' as Quarter } }), retreatRefusal, 'invalid'],
    ['a new item with an empty title', async (s) => capture(s, { item: { ...NEW_ITEM, title: '   ' } }), retreatRefusal, 'invalid'],
    ['a new item with effort 0', async (s) => capture(s, { item: { ...NEW_ITEM, effortEm: 0 } }), retreatRefusal, 'invalid'],
    ['an unknown importance (checked after the item is inserted)', async (s) => capture(s, { importance: 'urgent' as Importance }), zod, 'ZodError'],
    ['a note of 2001 characters (checked after the item is inserted)', async (s) => capture(s, { note: 'x'.repeat(2001) }), zod, 'ZodError'],
  ])('refuses %s and writes nothing at all (no item left behind)', async (_label, make, check, expected) => {
    const ws = await fresh();
    const s = await setup(ws);
    const c = await make(s, ws);
    const before = await rowCounts(ws);
    const items = await ws.db.roadmapItems.toArray();
    const requests = await ws.db.requests.toArray();
    expect(await check(captureRequest(ws, c))).toBe(expected);
    expect(await rowCounts(ws)).toEqual(before);
    expect(before.requests).toBe(0);
    expect(await ws.db.roadmapItems.toArray()).toEqual(items);
    expect(await ws.db.requests.toArray()).toEqual(requests);
  });

  it('undo of a capture with a new item tombstones both, in one intent; redo revives both', async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    const { request, item, intent } = await captureRequest(ws, { retreatId: retreat.id, accountId: acme.id, importance: 'critical', note: 'Soon', item: NEW_ITEM });
    if (!item) throw new Error('no item returned');

    const tx = vi.spyOn(ws.db, 'transaction');
    const undo = await replayIntent(ws, intent, 'undo');
    expect(tx).toHaveBeenCalledTimes(1);
    expect(undo).toEqual({
      label: 'captureRequest',
      changes: [
        { table: 'requests', id: request.id, before: { deleted: false }, after: { deleted: true } },
        { table: 'roadmapItems', id: item.id, before: { deleted: false }, after: { deleted: true } },
      ],
    });
    await expectStamped(ws, undo);
    const goneItem = await getItem(ws, item.id);
    const goneRequest = await getRequest(ws, request.id);
    expect(goneItem).toEqual({ ...item, deleted: true, stamps: { ...item.stamps, deleted: goneItem.updatedAt }, updatedAt: goneItem.updatedAt });
    expect(goneRequest).toEqual({ ...request, deleted: true, stamps: { ...request.stamps, deleted: goneRequest.updatedAt }, updatedAt: goneRequest.updatedAt });
    expect(compareStamps(item.updatedAt, goneItem.updatedAt)).toBe(-1);

    await replayIntent(ws, intent, 'redo');
    expect((await getItem(ws, item.id)).deleted).toBe(false);
    expect((await getRequest(ws, request.id)).deleted).toBe(false);
  });

  it('undo of a capture for an existing item tombstones only the request', async () => {
    const ws = await fresh();
    const { retreat, acme, item } = await setup(ws);
    const { request, intent } = await captureRequest(ws, { retreatId: retreat.id, accountId: acme.id, importance: 'niceToHave', note: '', item: { id: item.id } });
    const undo = await replayIntent(ws, intent, 'undo');
    expect(undo.changes).toEqual([{ table: 'requests', id: request.id, before: { deleted: false }, after: { deleted: true } }]);
    expect(await getItem(ws, item.id)).toEqual(item);
  });
});

describe('createRetreat', () => {
  it('writes the validated, trimmed values in one transaction, every field stamped once', async () => {
    const ws = await fresh();
    const tx = vi.spyOn(ws.db, 'transaction');
    const { retreat, intent } = await createRetreat(ws, retreatFields({ title: '  Spring retreat  ', lines: [{ kind: 'travel', label: '  Flights  ', amount: asMinor(900_000) }], ourAttendees: ['  Ana ', 'Ben'] }));
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = retreatFields({ lines: [{ kind: 'travel', label: 'Flights', amount: asMinor(900_000) }], ourAttendees: ['Ana', 'Ben'] });
    expect(retreat).toEqual({ ...expected, id: retreat.id, deleted: false, stamps: retreat.stamps, updatedAt: retreat.updatedAt });
    expect(await getRetreat(ws, retreat.id)).toEqual(retreat);
    expect(Object.keys(retreat.stamps).sort()).toEqual([...RETREAT_KEYS, 'deleted'].sort());
    expect(intent).toEqual({ label: 'createRetreat', changes: [{ table: 'retreats', id: retreat.id, before: { deleted: true }, after: { ...expected, deleted: false } }] });
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
    expect(stored).toEqual({ ...retreat, title: 'Autumn retreat', endDate: '2027-03-13', stamps: { ...retreat.stamps, title: stored.updatedAt, endDate: stored.updatedAt }, updatedAt: stored.updatedAt });
    expect(compareStamps(retreat.updatedAt, stored.updatedAt)).toBe(-1);
    expect(intent).toEqual({ label: 'editRetreat', changes: [{ table: 'retreats', id: retreat.id, before: { title: 'Spring retreat', endDate: '2027-03-12' }, after: { title: 'Autumn retreat', endDate: '2027-03-13' } }] });
    await expectStamped(ws, intent!);
  });

  it('moves both dates at once when the merged retreat is valid', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const intent = await updateRetreat(ws, retreat.id, { startDate: asIsoDate('2027-09-01'), endDate: asIsoDate('2027-09-02') });
    expect(intent?.changes).toEqual([{ table: 'retreats', id: retreat.id, before: { startDate: '2027-03-10', endDate: '2027-03-12' }, after: { startDate: '2027-09-01', endDate: '2027-09-02' } }]);
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
    const { session: s2 } = await addSession(ws, sessionFields(retreat.id, { start: '14:00', end: '15:00', title: 'Summary', kind: 'summary' }));
    const { session: s3 } = await addSession(ws, sessionFields(retreat.id, { start: '16:00', end: '17:00', title: 'Dropped' }));
    await deleteSession(ws, s3.id);
    const gone = await getSession(ws, s3.id);
    const { attendee: a1 } = await addAttendee(ws, { retreatId: retreat.id, accountId: acme.id, personId: null, name: 'Wile', role: 'CTO' });
    const { attendee: a2 } = await addAttendee(ws, { retreatId: retreat.id, accountId: globex.id, personId: null, name: 'Hank', role: '' });
    const { request } = await captureRequest(ws, { retreatId: retreat.id, accountId: acme.id, importance: 'critical', note: '', item: { id: item.id } });
    const { retreat: other } = await createRetreat(ws, retreatFields({ title: 'Autumn retreat' }));
    const { session: otherSession } = await addSession(ws, sessionFields(other.id));
    const { attendee: otherAttendee } = await addAttendee(ws, { retreatId: other.id, accountId: acme.id, personId: null, name: 'Wile', role: 'CTO' });

    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteRetreat(ws, retreat.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteRetreat');
    expect(intent.changes.map((c) => c.table)).toEqual(['sessions', 'sessions', 'attendees', 'attendees', 'retreats']);
    expect(intent.changes.slice(0, 2).map((c) => c.id).sort()).toEqual([s1.id, s2.id].sort());
    expect(intent.changes.slice(2, 4).map((c) => c.id).sort()).toEqual([a1.id, a2.id].sort());
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
    expect(intent).toEqual({ label: 'addSession', changes: [{ table: 'sessions', id: session.id, before: { deleted: true }, after: { ...expected, deleted: false } }] });
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
    expect(stored).toEqual({ ...session, start: '11:00', end: '12:00', title: 'Deep dive', stamps: { ...session.stamps, start: stored.updatedAt, end: stored.updatedAt, title: stored.updatedAt }, updatedAt: stored.updatedAt });
    expect(intent).toEqual({ label: 'editSession', changes: [{ table: 'sessions', id: session.id, before: { start: '09:00', end: '10:30', title: 'Roadmap review' }, after: { start: '11:00', end: '12:00', title: 'Deep dive' } }] });
    await expectStamped(ws, intent!);
  });

  it('returns null for an unknown or deleted session, or a patch that changes nothing', async () => {
    const ws = await fresh();
    const { retreat } = await createRetreat(ws, retreatFields());
    const { session } = await addSession(ws, sessionFields(retreat.id));
    expect(await updateSession(ws, 'nope', { title: 'X' })).toBeNull();
    expect(await updateSession(ws, session.id, { title: ' Roadmap review ' })).toBeNull();
    const intent = await deleteSession(ws, session.id);
    expect(intent).toEqual({ label: 'deleteSession', changes: [{ table: 'sessions', id: session.id, before: { deleted: false }, after: { deleted: true } }] });
    const deleted = await getSession(ws, session.id);
    expect(await updateSession(ws, session.id, { title: 'X' })).toBeNull();
    expect(await getSession(ws, session.id)).toEqual(deleted);
  });
});

describe('addAttendee', () => {
  const attendee = (retreatId: string, accountId: string, over: Partial<AttendeeFields> = {}): AttendeeFields => ({ retreatId, accountId, personId: 'person-1', name: 'Wile E.', role: 'CTO', ...over });

  it('writes the attendee with trimmed name and role in one transaction', async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    const tx = vi.spyOn(ws.db, 'transaction');
    const { attendee: row, intent } = await addAttendee(ws, attendee(retreat.id, acme.id, { name: '  Wile E. ', role: ' CTO  ' }));
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = attendee(retreat.id, acme.id);
    expect(row).toEqual({ ...expected, id: row.id, deleted: false, stamps: row.stamps, updatedAt: row.updatedAt });
    expect(await getAttendee(ws, row.id)).toEqual(row);
    expect(intent).toEqual({ label: 'addAttendee', changes: [{ table: 'attendees', id: row.id, before: { deleted: true }, after: { ...expected, deleted: false } }] });
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
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id, { personId: null, name: 'Wile E.' })))).toBe('duplicateAttendee');
    expect(await retreatRefusal(addAttendee(ws, attendee(retreat.id, acme.id, { personId: null, name: '  WILE e. ', role: 'CEO' })))).toBe('duplicateAttendee');
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
    expect(removed).toEqual({ label: 'removeAttendee', changes: [{ table: 'attendees', id: first.id, before: { deleted: false }, after: { deleted: true } }] });
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
