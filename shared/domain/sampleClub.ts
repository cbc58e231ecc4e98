import { z } from 'zod';
import { clubProgramSchema, defaultOptions, MEMBER_STATUSES, type ClubProgramFields, type MemberStatus, type OfferFields } from './club';
import { addDays, type IsoDate } from './dates';
import { asBp, currencyDigits } from './money';
import { BUDGET_KINDS, SESSION_KINDS, type RetreatFields, type SessionFields } from './retreat';
import { IMPORTANCES, type Importance } from './roadmap';

/** The sample club (assets/sample-workspace.json under "club"); dates as day offsets, money in major units. */
const day = z.number().int().min(-3650).max(3650);

export const sampleClubSchema = z.object({
  program: clubProgramSchema
    .omit({ benefits: true })
    .extend({ benefits: z.array(z.object({ name: z.string(), description: z.string(), yearlyCost: z.number().min(0) })) }),
  members: z.array(
    z.object({
      account: z.string(),
      status: z.enum(MEMBER_STATUSES),
      sinceDays: day.nullable(),
      ourSponsor: z.string(),
      theirSponsor: z.string(),
    }),
  ),
  offers: z.array(
    z.object({
      account: z.string(),
      name: z.string(),
      listPrice: z.number().min(0),
      termYears: z.number().int(),
      askedPercent: z.number(),
      clubCostPerYear: z.number().min(0),
      status: z.enum(['draft', 'presented', 'chosen']),
    }),
  ),
  retreats: z.array(
    z.object({
      title: z.string(),
      theme: z.string(),
      place: z.string(),
      startDays: day,
      days: z.number().int().min(1).max(14),
      budget: z.number().min(0),
      lines: z.array(z.object({ kind: z.enum(BUDGET_KINDS), label: z.string(), amount: z.number().min(0) })),
      ourAttendees: z.array(z.string()),
      sessions: z.array(
        z.object({
          day: z.number().int().min(0),
          start: z.string(),
          end: z.string(),
          title: z.string(),
          owner: z.string(),
          kind: z.enum(SESSION_KINDS),
        }),
      ),
      attendees: z.array(z.object({ account: z.string(), person: z.string().nullable(), name: z.string(), role: z.string() })),
      requests: z.array(z.object({ account: z.string(), item: z.string(), importance: z.enum(IMPORTANCES), note: z.string() })),
    }),
  ),
});

export interface MaterialisedClub {
  readonly program: ClubProgramFields;
  readonly members: ReadonlyArray<{
    accountKey: string;
    status: MemberStatus;
    since: IsoDate | null;
    ourSponsor: string;
    theirSponsorName: string;
  }>;
  /** Offer fields with `accountId` holding the account key. */
  readonly offers: readonly OfferFields[];
  readonly retreats: ReadonlyArray<{
    fields: RetreatFields;
    sessions: ReadonlyArray<Omit<SessionFields, 'retreatId'>>;
    attendees: ReadonlyArray<{ accountKey: string; personKey: string | null; name: string; role: string }>;
    requests: ReadonlyArray<{ accountKey: string; itemKey: string; importance: Importance; note: string }>;
  }>;
}

export function materialiseSampleClub(raw: unknown, today: IsoDate): MaterialisedClub {
  const c = sampleClubSchema.parse(raw);
  const minor = (major: number, currency: string) => Math.round(major * 10 ** currencyDigits(currency));
  const cur = c.program.currency;
  const program = clubProgramSchema.parse({
    ...c.program,
    benefits: c.program.benefits.map((b) => ({ ...b, yearlyCost: minor(b.yearlyCost, cur) })),
  }) as ClubProgramFields;
  return {
    program,
    members: c.members.map((m) => ({
      accountKey: m.account,
      status: m.status,
      since: m.sinceDays === null ? null : addDays(today, m.sinceDays),
      ourSponsor: m.ourSponsor,
      theirSponsorName: m.theirSponsor,
    })),
    offers: c.offers.map((o) => {
      const asked = Math.round(o.askedPercent * 100);
      return {
        accountId: o.account,
        name: o.name,
        status: o.status,
        currency: cur,
        listPrice: minor(o.listPrice, cur),
        termYears: o.termYears,
        askedDiscountBp: asBp(asked),
        clubCostPerYear: minor(o.clubCostPerYear, cur),
        options: defaultOptions(asked, { a: 'A · Price held + seat', b: 'B · Discount, no seat', c: 'C · Smaller discount + seat' }),
        notes: '',
      } as OfferFields;
    }),
    retreats: c.retreats.map((r) => {
      const start = addDays(today, r.startDays);
      return {
        fields: {
          title: r.title,
          theme: r.theme,
          place: r.place,
          startDate: start,
          endDate: addDays(start, r.days - 1),
          currency: cur,
          budget: minor(r.budget, cur),
          lines: r.lines.map((l) => ({ ...l, amount: minor(l.amount, cur) })),
          ourAttendees: r.ourAttendees,
          notes: '',
        } as RetreatFields,
        sessions: r.sessions.map((s) => ({
          date: addDays(start, s.day),
          start: s.start,
          end: s.end,
          title: s.title,
          owner: s.owner,
          kind: s.kind,
        })),
        attendees: r.attendees.map((a) => ({ accountKey: a.account, personKey: a.person, name: a.name, role: a.role })),
        requests: r.requests.map((q) => ({ accountKey: q.account, itemKey: q.item, importance: q.importance, note: q.note })),
      };
    }),
  };
}
