import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import {
  DEFAULT_CLUB_PROGRAM,
  defaultOptions,
  type ClubProgramFields,
  type MemberFields,
  type MemberStatus,
  type OfferFields,
} from '@shared/domain/club';
import { asIsoDate } from '@shared/domain/dates';
import { asMinor, type Bp } from '@shared/domain/money';
import { compareStamps } from '@shared/sync/hlc';
import { createAccount, deleteAccount } from './accounts';
import { addMember, ClubRefusedError, readProgram, removeMember, updateMember, updateProgram } from './club';
import type { AccountRow, MemberRow, SettingsRow } from './database';
import { createOffer } from './offers';
import { createPerson } from './people';
import { addAttendee, createRetreat } from './retreats';
import { updateRoadmapSettings } from './roadmap';
import { SYNCED_TABLES } from './schema';
import { replayIntent, runIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';

const fresh = freshWorkspaces();

async function getMember(ws: Workspace, id: string): Promise<MemberRow> {
  const row = await ws.db.members.get(id);
  if (!row) throw new Error(`member ${id} missing`);
  return row;
}

async function getClubRow(ws: Workspace): Promise<SettingsRow & Partial<ClubProgramFields>> {
  const row = await ws.db.settings.get('club');
  if (!row) throw new Error('club settings missing');
  return row as SettingsRow & Partial<ClubProgramFields>;
}

const program = async (ws: Workspace): Promise<ClubProgramFields> => (await runIntent(ws, 'read', readProgram)).result;

async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

/** The club refusal a promise rejects with; fails the test if it resolves or rejects with something else. */
async function refusal(p: Promise<unknown>): Promise<ClubRefusedError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ClubRefusedError);
  const refused = err as ClubRefusedError;
  expect(refused.messageKey).toBe(`club.refused.${refused.reason}`);
  return refused;
}

async function accounts(ws: Workspace, n: number): Promise<AccountRow[]> {
  const out: AccountRow[] = [];
  for (let i = 1; i <= n; i++) out.push((await createAccount(ws, { name: `Account ${i}` })).account);
  return out;
}

const MEMBER_DEFAULTS = { status: 'candidate', since: null, ourSponsor: '', theirSponsorId: null, theirSponsorName: '' };

describe('updateProgram', () => {
  it("creates the settings row 'club' holding only the patched fields, then updates it", async () => {
    const ws = await fresh();
    expect(await program(ws)).toEqual(DEFAULT_CLUB_PROGRAM);
    const tx = vi.spyOn(ws.db, 'transaction');
    const first = await updateProgram(ws, { seatCap: 3 });
    expect(tx).toHaveBeenCalledTimes(1);
    const created = await getClubRow(ws);
    expect(created).toEqual({
      id: 'club',
      seatCap: 3,
      deleted: false,
      stamps: { seatCap: created.updatedAt, deleted: created.updatedAt },
      updatedAt: created.updatedAt,
    });
    expect(first).toEqual({
      label: 'editClub',
      changes: [{ table: 'settings', id: 'club', before: { deleted: true }, after: { seatCap: 3, deleted: false } }],
    });
    await expectStamped(ws, first);
    expect(await program(ws)).toEqual({ ...DEFAULT_CLUB_PROGRAM, seatCap: 3 });

    const second = await updateProgram(ws, { name: '  Inner circle  ', seatCap: 3 });
    const updated = await getClubRow(ws);
    expect(await ws.db.settings.count()).toBe(1);
    expect(compareStamps(created.updatedAt, updated.updatedAt)).toBe(-1);
    expect(updated).toEqual({
      id: 'club',
      seatCap: 3,
      name: 'Inner circle',
      deleted: false,
      stamps: { seatCap: created.updatedAt, deleted: created.updatedAt, name: updated.updatedAt },
      updatedAt: updated.updatedAt,
    });
    expect(second).toEqual({
      label: 'editClub',
      changes: [{ table: 'settings', id: 'club', before: { name: undefined }, after: { name: 'Inner circle' } }],
    });
    await expectStamped(ws, second);
    expect(await program(ws)).toEqual({ ...DEFAULT_CLUB_PROGRAM, seatCap: 3, name: 'Inner circle' });
  });

  it('leaves the roadmap settings row alone (each program has its own row)', async () => {
    const ws = await fresh();
    await updateRoadmapSettings(ws, { currency: 'SEK' });
    const roadmap = await ws.db.settings.get('roadmap');
    await updateProgram(ws, { currency: 'USD' });
    expect(await ws.db.settings.count()).toBe(2);
    expect(await ws.db.settings.get('roadmap')).toEqual(roadmap);
    expect(await program(ws)).toEqual({ ...DEFAULT_CLUB_PROGRAM, currency: 'USD' });
  });

  it('undo of the first update tombstones the row; the program falls back to the defaults', async () => {
    const ws = await fresh();
    const intent = await updateProgram(ws, { seatCap: 3 });
    await replayIntent(ws, intent, 'undo');
    expect((await getClubRow(ws)).deleted).toBe(true);
    expect(await program(ws)).toEqual(DEFAULT_CLUB_PROGRAM);
    const again = await updateProgram(ws, { seatCap: 5 });
    expect(again.changes).toEqual([
      { table: 'settings', id: 'club', before: { seatCap: 3, deleted: true }, after: { seatCap: 5, deleted: false } },
    ]);
    expect(await program(ws)).toEqual({ ...DEFAULT_CLUB_PROGRAM, seatCap: 5 });
  });

  it.each<[string, Partial<ClubProgramFields>]>([
    ['seatCap 0', { seatCap: 0 }],
    ['seatCap 201', { seatCap: 201 }],
    ['seatCap 2.5', { seatCap: 2.5 }],
    ['an empty name', { name: '  ' }],
    ['an unknown currency', { currency: 'XXX' }],
    ['13 retreats a year', { retreatsPerYear: 13 }],
    ['a benefit with a negative cost', { benefits: [{ name: 'Lounge', description: '', yearlyCost: asMinor(-1) }] }],
  ])('refuses %s (zod) and writes nothing', async (_label, patch) => {
    const ws = await fresh();
    await expect(updateProgram(ws, patch)).rejects.toThrow(ZodError);
    expect(await ws.db.settings.count()).toBe(0);
    await updateProgram(ws, { seatCap: 4 });
    const before = await getClubRow(ws);
    await expect(updateProgram(ws, patch)).rejects.toThrow(ZodError);
    expect(await getClubRow(ws)).toEqual(before);
  });
});

describe('addMember', () => {
  it('writes a candidate with defaults in one transaction, every field stamped once', async () => {
    const ws = await fresh();
    const [acme] = await accounts(ws, 1);
    const tx = vi.spyOn(ws.db, 'transaction');
    const { member, intent } = await addMember(ws, { accountId: acme!.id, ourSponsor: '  Ana  ' });
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = { ...MEMBER_DEFAULTS, accountId: acme!.id, ourSponsor: 'Ana' };
    expect(member).toEqual({ ...expected, id: member.id, deleted: false, stamps: member.stamps, updatedAt: member.updatedAt });
    expect(Object.keys(member.stamps).sort()).toEqual([
      'accountId',
      'deleted',
      'ourSponsor',
      'since',
      'status',
      'theirSponsorId',
      'theirSponsorName',
    ]);
    expect(await getMember(ws, member.id)).toEqual(member);
    expect(intent).toEqual({
      label: 'addMember',
      changes: [{ table: 'members', id: member.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it("at the cap (3), refuses 'invited' and 'member' with 'seatCap' (used, cap) and writes nothing; a candidate still fits", async () => {
    const ws = await fresh();
    await updateProgram(ws, { seatCap: 3 });
    const [a1, a2, a3, a4, a5] = await accounts(ws, 5);
    await addMember(ws, { accountId: a1!.id, status: 'invited' });
    await addMember(ws, { accountId: a2!.id, status: 'member', since: asIsoDate('2026-01-15') });
    await addMember(ws, { accountId: a3!.id, status: 'invited' });
    const roster = await ws.db.members.toArray();

    for (const status of ['invited', 'member'] as const) {
      const err = await refusal(addMember(ws, { accountId: a4!.id, status }));
      expect(err.reason).toBe('seatCap');
      expect(err.params).toEqual({ used: 3, cap: 3, name: 'Platinum club' });
      expect(err.messageKey).toBe('club.refused.seatCap');
    }
    expect(await ws.db.members.toArray()).toEqual(roster);

    const { member } = await addMember(ws, { accountId: a4!.id, status: 'candidate' });
    expect((await getMember(ws, member.id)).status).toBe('candidate');
    const { member: alumnus } = await addMember(ws, { accountId: a5!.id, status: 'alumni' });
    expect((await getMember(ws, alumnus.id)).status).toBe('alumni');
    expect(await ws.db.members.count()).toBe(5);
  });

  it('uses the default cap of 8 when no program was saved, and names the program in the refusal', async () => {
    const ws = await fresh();
    const list = await accounts(ws, 9);
    for (const a of list.slice(0, 8)) await addMember(ws, { accountId: a.id, status: 'member' });
    const err = await refusal(addMember(ws, { accountId: list[8]!.id, status: 'invited' }));
    expect(err.params).toEqual({ used: 8, cap: 8, name: 'Platinum club' });
    await updateProgram(ws, { name: 'Inner circle', seatCap: 9 });
    const { member } = await addMember(ws, { accountId: list[8]!.id, status: 'invited' });
    expect(member.status).toBe('invited');
    const [extra] = await accounts(ws, 1);
    expect((await refusal(addMember(ws, { accountId: extra!.id, status: 'member' }))).params).toEqual({
      used: 9,
      cap: 9,
      name: 'Inner circle',
    });
  });

  it('a removed member frees its seat', async () => {
    const ws = await fresh();
    await updateProgram(ws, { seatCap: 1 });
    const [a1, a2] = await accounts(ws, 2);
    const { member } = await addMember(ws, { accountId: a1!.id, status: 'member' });
    expect((await refusal(addMember(ws, { accountId: a2!.id, status: 'invited' }))).reason).toBe('seatCap');
    expect(await removeMember(ws, member.id)).toEqual({
      label: 'removeMember',
      changes: [{ table: 'members', id: member.id, before: { deleted: false }, after: { deleted: true } }],
    });
    const { member: next } = await addMember(ws, { accountId: a2!.id, status: 'invited' });
    expect((await getMember(ws, next.id)).status).toBe('invited');
  });

  it("refuses the same account twice ('alreadyOnRoster'), whatever the status, and writes nothing; after removal it may return", async () => {
    const ws = await fresh();
    const [acme] = await accounts(ws, 1);
    const { member } = await addMember(ws, { accountId: acme!.id });
    for (const status of ['candidate', 'alumni', 'invited'] as const) {
      const err = await refusal(addMember(ws, { accountId: acme!.id, status }));
      expect(err.reason).toBe('alreadyOnRoster');
      expect(err.params).toEqual({});
    }
    expect(await ws.db.members.toArray()).toEqual([member]);
    await removeMember(ws, member.id);
    const { member: again } = await addMember(ws, { accountId: acme!.id, status: 'invited' });
    expect(again.id).not.toBe(member.id);
    expect(await ws.db.members.count()).toBe(2);
  });

  it("refuses an unknown or deleted account ('missingAccount') and writes nothing", async () => {
    const ws = await fresh();
    const [acme] = await accounts(ws, 1);
    expect((await refusal(addMember(ws, { accountId: 'nope' }))).reason).toBe('missingAccount');
    await deleteAccount(ws, acme!.id);
    expect((await refusal(addMember(ws, { accountId: acme!.id, status: 'invited' }))).reason).toBe('missingAccount');
    expect(await ws.db.members.count()).toBe(0);
  });

  it.each<[string, Partial<MemberFields>]>([
    ['an unknown status', { status: 'vip' as MemberStatus }],
    ['a since that is not a date', { since: '2026-02-30' as MemberFields['since'] }],
    ['a sponsor name of 121 characters', { ourSponsor: 'x'.repeat(121) }],
  ])('refuses %s (zod) and writes nothing', async (_label, over) => {
    const ws = await fresh();
    const [acme] = await accounts(ws, 1);
    await expect(addMember(ws, { accountId: acme!.id, ...over })).rejects.toThrow(ZodError);
    expect(await ws.db.members.count()).toBe(0);
  });
});

describe('updateMember', () => {
  /** Cap 3, three seats taken (invited, invited, member), one candidate and one alumnus. */
  async function full(ws: Workspace) {
    await updateProgram(ws, { seatCap: 3 });
    const [a1, a2, a3, a4, a5, a6] = await accounts(ws, 6);
    const { member: invited } = await addMember(ws, { accountId: a1!.id, status: 'invited' });
    const { member: invited2 } = await addMember(ws, { accountId: a2!.id, status: 'invited' });
    const { member } = await addMember(ws, { accountId: a3!.id, status: 'member', since: asIsoDate('2025-06-01') });
    const { member: candidate } = await addMember(ws, { accountId: a4!.id, status: 'candidate' });
    const { member: alumnus } = await addMember(ws, { accountId: a5!.id, status: 'alumni' });
    return { invited, invited2, member, candidate, alumnus, spare: a6! };
  }

  it("refuses moving a candidate (or an alumnus) into a seat at the cap ('seatCap'), writing nothing", async () => {
    const ws = await fresh();
    const { candidate, alumnus } = await full(ws);
    const err = await refusal(updateMember(ws, candidate.id, { status: 'invited' }));
    expect(err.reason).toBe('seatCap');
    expect(err.params).toEqual({ used: 3, cap: 3, name: 'Platinum club' });
    expect((await refusal(updateMember(ws, candidate.id, { status: 'member', since: asIsoDate('2027-01-01') }))).reason).toBe('seatCap');
    expect((await refusal(updateMember(ws, alumnus.id, { status: 'member' }))).reason).toBe('seatCap');
    expect(await getMember(ws, candidate.id)).toEqual(candidate);
    expect(await getMember(ws, alumnus.id)).toEqual(alumnus);
  });

  it('allows invited → member at the cap (the seat is already held), stamping only what changed', async () => {
    const ws = await fresh();
    const { invited } = await full(ws);
    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await updateMember(ws, invited.id, { status: 'member', since: asIsoDate('2027-02-01') });
    expect(tx).toHaveBeenCalledTimes(1);
    const stored = await getMember(ws, invited.id);
    expect(stored).toEqual({
      ...invited,
      status: 'member',
      since: '2027-02-01',
      stamps: { ...invited.stamps, status: stored.updatedAt, since: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(intent).toEqual({
      label: 'memberStatus',
      changes: [
        { table: 'members', id: invited.id, before: { status: 'invited', since: null }, after: { status: 'member', since: '2027-02-01' } },
      ],
    });
    await expectStamped(ws, intent!);
    // Keeping a seat status is not a new seat either.
    expect(await updateMember(ws, invited.id, { status: 'member' })).toBeNull();
  });

  it('moving a member to alumni frees a seat: then a candidate can be invited', async () => {
    const ws = await fresh();
    const { member, candidate } = await full(ws);
    const out = await updateMember(ws, member.id, { status: 'alumni' });
    expect(out?.changes).toEqual([{ table: 'members', id: member.id, before: { status: 'member' }, after: { status: 'alumni' } }]);
    const invite = await updateMember(ws, candidate.id, { status: 'invited' });
    expect(invite).toEqual({
      label: 'memberStatus',
      changes: [{ table: 'members', id: candidate.id, before: { status: 'candidate' }, after: { status: 'invited' } }],
    });
    expect((await getMember(ws, candidate.id)).status).toBe('invited');
    // Full again.
    expect((await refusal(updateMember(ws, member.id, { status: 'member' }))).params).toEqual({ used: 3, cap: 3, name: 'Platinum club' });
  });

  it("edits sponsors without a seat check, labelled 'editMember', trimmed", async () => {
    const ws = await fresh();
    const { candidate } = await full(ws);
    const intent = await updateMember(ws, candidate.id, { ourSponsor: '  Ana ', theirSponsorId: 'person-1', theirSponsorName: '' });
    const stored = await getMember(ws, candidate.id);
    expect(stored).toEqual({
      ...candidate,
      ourSponsor: 'Ana',
      theirSponsorId: 'person-1',
      stamps: { ...candidate.stamps, ourSponsor: stored.updatedAt, theirSponsorId: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(intent).toEqual({
      label: 'editMember',
      changes: [
        {
          table: 'members',
          id: candidate.id,
          before: { ourSponsor: '', theirSponsorId: null },
          after: { ourSponsor: 'Ana', theirSponsorId: 'person-1' },
        },
      ],
    });
    await expect(updateMember(ws, candidate.id, { since: 'soon' as MemberFields['since'] })).rejects.toThrow(ZodError);
    expect(await getMember(ws, candidate.id)).toEqual(stored);
  });

  it('returns null for an unknown or removed member, or a patch that changes nothing', async () => {
    const ws = await fresh();
    const { candidate } = await full(ws);
    expect(await updateMember(ws, 'nope', { status: 'candidate' })).toBeNull();
    expect(await updateMember(ws, candidate.id, { status: 'candidate', ourSponsor: ' ' })).toBeNull();
    await removeMember(ws, candidate.id);
    const removed = await getMember(ws, candidate.id);
    expect(await updateMember(ws, candidate.id, { status: 'invited' })).toBeNull();
    expect(await getMember(ws, candidate.id)).toEqual(removed);
  });
});

describe('deleteAccount and the club', () => {
  it("tombstones the account's member row, offers and attendee rows in the same intent; undo restores them", async () => {
    const ws = await fresh();
    await updateProgram(ws, { seatCap: 1 });
    const [acme, globex] = await accounts(ws, 2);
    const { person } = await createPerson(ws, acme!.id, { name: 'Wile' });
    const { member } = await addMember(ws, { accountId: acme!.id, status: 'member' });
    const { member: otherMember } = await addMember(ws, { accountId: globex!.id, status: 'candidate' });
    const offer = (accountId: string, name: string): OfferFields => ({
      accountId,
      name,
      status: 'draft',
      currency: 'EUR',
      listPrice: asMinor(12_000_000),
      termYears: 3,
      askedDiscountBp: 1500 as Bp,
      clubCostPerYear: asMinor(800_000),
      options: defaultOptions(1500, { a: 'A', b: 'B', c: 'C' }),
      notes: '',
    });
    const { offer: o1 } = await createOffer(ws, offer(acme!.id, 'Renewal'));
    const { offer: o2 } = await createOffer(ws, offer(acme!.id, 'Expansion'));
    const { offer: otherOffer } = await createOffer(ws, offer(globex!.id, 'Renewal'));
    const retreatFields = {
      title: 'Spring',
      theme: '',
      place: '',
      startDate: asIsoDate('2027-03-10'),
      endDate: asIsoDate('2027-03-11'),
      currency: 'EUR',
      budget: asMinor(0),
      lines: [],
      ourAttendees: [],
      notes: '',
    };
    const { retreat: r1 } = await createRetreat(ws, retreatFields);
    const { retreat: r2 } = await createRetreat(ws, { ...retreatFields, title: 'Autumn' });
    const { attendee: at1 } = await addAttendee(ws, { retreatId: r1.id, accountId: acme!.id, personId: person.id, name: 'Wile', role: '' });
    const { attendee: at2 } = await addAttendee(ws, {
      retreatId: r2.id,
      accountId: acme!.id,
      personId: null,
      name: 'Road Runner',
      role: '',
    });
    const { attendee: otherAttendee } = await addAttendee(ws, {
      retreatId: r1.id,
      accountId: globex!.id,
      personId: null,
      name: 'Hank',
      role: '',
    });
    const before = await rowCounts(ws);

    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteAccount(ws, acme!.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteAccount');
    expect(intent.changes.map((c) => c.table)).toEqual(['people', 'members', 'offers', 'offers', 'attendees', 'attendees', 'accounts']);
    expect([intent.changes[0]?.id, intent.changes[1]?.id, intent.changes[6]?.id]).toEqual([person.id, member.id, acme!.id]);
    expect(
      intent.changes
        .slice(2, 4)
        .map((c) => c.id)
        .sort(),
    ).toEqual([o1.id, o2.id].sort());
    expect(
      intent.changes
        .slice(4, 6)
        .map((c) => c.id)
        .sort(),
    ).toEqual([at1.id, at2.id].sort());
    expect(intent.changes.map((c) => [c.before, c.after])).toEqual(intent.changes.map(() => [{ deleted: false }, { deleted: true }]));
    await expectStamped(ws, intent);
    expect(await rowCounts(ws)).toEqual(before);

    expect((await getMember(ws, member.id)).deleted).toBe(true);
    for (const id of [o1.id, o2.id]) expect((await ws.db.offers.get(id))?.deleted).toBe(true);
    for (const id of [at1.id, at2.id]) expect((await ws.db.attendees.get(id))?.deleted).toBe(true);
    expect(await getMember(ws, otherMember.id)).toEqual(otherMember);
    expect(await ws.db.offers.get(otherOffer.id)).toEqual(otherOffer);
    expect(await ws.db.attendees.get(otherAttendee.id)).toEqual(otherAttendee);
    expect((await ws.db.retreats.get(r1.id))?.deleted).toBe(false);

    // The seat the deleted account held is free again.
    expect((await updateMember(ws, otherMember.id, { status: 'invited' }))?.changes).toEqual([
      { table: 'members', id: otherMember.id, before: { status: 'candidate' }, after: { status: 'invited' } },
    ]);
    await updateMember(ws, otherMember.id, { status: 'candidate' });

    await replayIntent(ws, intent, 'undo');
    expect((await getMember(ws, member.id)).deleted).toBe(false);
    for (const id of [o1.id, o2.id]) expect((await ws.db.offers.get(id))?.deleted).toBe(false);
    for (const id of [at1.id, at2.id]) expect((await ws.db.attendees.get(id))?.deleted).toBe(false);
    expect((await ws.db.accounts.get(acme!.id))?.deleted).toBe(false);
  });
});
