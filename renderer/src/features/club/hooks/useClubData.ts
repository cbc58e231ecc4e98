import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { CLUB_PROGRAM_ID, clubProgramOf, type ClubProgramFields } from '@shared/domain/club';
import type { AccountRow, AttendeeRow, MemberRow, OfferRow, PersonRow, RetreatRow, SessionRow } from '../../../db/database';
import { useWorkspace } from '../../../db/context';

export interface ClubData {
  readonly program: ClubProgramFields;
  readonly members: readonly MemberRow[];
  readonly offers: readonly OfferRow[];
  readonly retreats: readonly RetreatRow[];
  readonly sessions: readonly SessionRow[];
  readonly attendees: readonly AttendeeRow[];
  readonly accounts: ReadonlyMap<string, AccountRow>;
  /** Stakeholders of accounts on the roster (for sponsors and attendees). */
  readonly people: ReadonlyMap<string, readonly PersonRow[]>;
}

/** The club as live rows: program, roster, offers, retreats with sessions and attendees. */
export function useClubData(): ClubData | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const [program, members, offers, retreats, sessions, attendees, accounts] = await Promise.all([
      db.settings.get(CLUB_PROGRAM_ID),
      db.members.toArray().then((r) => readRows('members', r)),
      db.offers.toArray().then((r) => readRows('offers', r)),
      db.retreats.toArray().then((r) => readRows('retreats', r)),
      db.sessions.toArray().then((r) => readRows('sessions', r)),
      db.attendees.toArray().then((r) => readRows('attendees', r)),
      db.accounts.toArray().then((r) => readRows('accounts', r)),
    ]);
    const liveAccounts = new Map(accounts.filter((a) => !a.deleted).map((a) => [a.id, a]));
    const roster = members.filter((m) => !m.deleted && liveAccounts.has(m.accountId));
    const people = readRows(
      'people',
      await db.people
        .where('accountId')
        .anyOf(roster.map((m) => m.accountId))
        .toArray(),
    );
    const byAccount = new Map<string, PersonRow[]>();
    for (const p of people) if (!p.deleted && !p.placeholder) byAccount.set(p.accountId, [...(byAccount.get(p.accountId) ?? []), p]);
    for (const list of byAccount.values()) list.sort((a, b) => b.influence - a.influence || a.name.localeCompare(b.name));
    return {
      program: clubProgramOf(program),
      members: roster,
      offers: offers.filter((o) => !o.deleted && liveAccounts.has(o.accountId)),
      retreats: retreats.filter((r) => !r.deleted).sort((a, b) => b.startDate.localeCompare(a.startDate)),
      sessions: sessions.filter((s) => !s.deleted),
      attendees: attendees.filter((a) => !a.deleted && liveAccounts.has(a.accountId)),
      accounts: liveAccounts,
      people: byAccount,
    };
  }, [db]);
}
