import { z } from 'zod';
import { daysBetween, isIsoDate, type IsoDate } from './dates';
import { asMinor, isCurrencyCode, MAX_MAJOR_UNITS, mulDivMinor, type Minor } from './money';

/**
 * PRODUCT §3 and seed 000: semi-annual planning retreats of the platinum club with the product
 * team, the CEO at the summary session; what members ask for there becomes roadmap requests.
 */
export const BUDGET_KINDS = ['venue', 'travel', 'catering', 'other'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export interface BudgetLine {
  kind: BudgetKind;
  label: string;
  amount: Minor;
}

export interface RetreatFields {
  title: string;
  theme: string;
  place: string;
  startDate: IsoDate;
  endDate: IsoDate;
  currency: string;
  /** The budget the lines must stay within. */
  budget: Minor;
  lines: BudgetLine[];
  /** Our people attending (names). */
  ourAttendees: string[];
  notes: string;
}

export const SESSION_KINDS = ['planning', 'deepDive', 'summary', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface SessionFields {
  retreatId: string;
  date: IsoDate;
  /** "HH:MM", 24-hour. */
  start: string;
  end: string;
  title: string;
  owner: string;
  kind: SessionKind;
}

export interface AttendeeFields {
  retreatId: string;
  accountId: string;
  /** A person from the account's stakeholder map, or null for a name typed in. */
  personId: string | null;
  name: string;
  role: string;
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTime = (s: unknown): s is string => typeof s === 'string' && TIME_RE.test(s);
/** Minutes since midnight of "HH:MM". */
export const minutesOf = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const money = z
  .number()
  .int()
  .min(0)
  .max(MAX_MAJOR_UNITS * 1000);
const date = z.string().refine(isIsoDate);

/** Budget lines add up to at most what one amount may be (1e15 minor units): the total stays exact. */
export const MAX_RETREAT_TOTAL = MAX_MAJOR_UNITS * 1000;
export function linesFit(lines: ReadonlyArray<{ readonly amount: unknown }>): boolean {
  let sum = 0;
  for (const l of lines) sum += typeof l.amount === 'number' ? l.amount : 0;
  return sum <= MAX_RETREAT_TOTAL;
}

export const retreatSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    theme: z.string().max(200),
    place: z.string().max(200),
    startDate: date,
    endDate: date,
    currency: z.string().refine(isCurrencyCode),
    budget: money,
    lines: z
      .array(z.object({ kind: z.enum(BUDGET_KINDS), label: z.string().trim().max(120), amount: money }))
      .max(100)
      .refine(linesFit, 'the lines add up to more than any budget'),
    ourAttendees: z.array(z.string().trim().min(1).max(120)).max(100),
    notes: z.string().max(20_000),
  })
  .refine((r) => !isIsoDate(r.startDate) || !isIsoDate(r.endDate) || daysBetween(r.startDate, r.endDate) >= 0, {
    message: 'endBeforeStart',
    path: ['endDate'],
  });

export const sessionSchema = z
  .object({
    retreatId: z.string().min(1),
    date,
    start: z.string().refine(isTime),
    end: z.string().refine(isTime),
    title: z.string().trim().min(1).max(200),
    owner: z.string().max(120),
    kind: z.enum(SESSION_KINDS),
  })
  .refine((s) => !isTime(s.start) || !isTime(s.end) || minutesOf(s.end) > minutesOf(s.start), { message: 'endBeforeStart', path: ['end'] });

export interface BudgetSummary {
  readonly total: Minor;
  readonly byKind: Readonly<Record<BudgetKind, Minor>>;
  /** total − budget: positive when over. */
  readonly over: Minor;
  /** total ÷ everyone attending (customers and ours), rounded half away from zero; null with nobody. */
  readonly perAttendee: Minor | null;
  /** total ÷ member accounts attending; null with none. */
  readonly perAccount: Minor | null;
}

/** Budget lines summed per kind, against the budget, and per head and per member account. */
export function budgetSummary(
  r: Pick<RetreatFields, 'lines' | 'budget' | 'ourAttendees'>,
  attendees: ReadonlyArray<Pick<AttendeeFields, 'accountId'>>,
): BudgetSummary {
  const byKind = { venue: 0, travel: 0, catering: 0, other: 0 } as Record<BudgetKind, number>;
  for (const l of r.lines) byKind[l.kind] += l.amount;
  const total = asMinor(r.lines.reduce((s, l) => s + l.amount, 0));
  const heads = attendees.length + r.ourAttendees.length;
  const accounts = new Set(attendees.map((a) => a.accountId)).size;
  return {
    total,
    byKind: byKind as Record<BudgetKind, Minor>,
    over: asMinor(total - r.budget),
    perAttendee: heads > 0 ? mulDivMinor(total, 1, heads) : null,
    perAccount: accounts > 0 ? mulDivMinor(total, 1, accounts) : null,
  };
}

export type RetreatConflict =
  | { readonly kind: 'notMember'; readonly attendeeId: string; readonly name: string; readonly accountId: string }
  | { readonly kind: 'overlap'; readonly a: string; readonly b: string; readonly date: IsoDate }
  | { readonly kind: 'outsideDates'; readonly sessionId: string; readonly date: IsoDate }
  | { readonly kind: 'budgetOver'; readonly over: Minor };

/**
 * What is wrong with a retreat plan (issue 5): an attendee whose account is not a club member,
 * sessions that overlap on the same day (touching end-to-start is fine), a session outside the
 * retreat's dates, spending over the budget.
 */
export function retreatConflicts(
  r: Pick<RetreatFields, 'lines' | 'budget' | 'ourAttendees' | 'startDate' | 'endDate'>,
  sessions: ReadonlyArray<SessionFields & { readonly id: string }>,
  attendees: ReadonlyArray<AttendeeFields & { readonly id: string }>,
  members: ReadonlySet<string>,
): RetreatConflict[] {
  const out: RetreatConflict[] = [];
  for (const a of attendees)
    if (!members.has(a.accountId)) out.push({ kind: 'notMember', attendeeId: a.id, name: a.name, accountId: a.accountId });
  const sorted = [...sessions].sort((x, y) => x.date.localeCompare(y.date) || minutesOf(x.start) - minutesOf(y.start));
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.date === s.date && minutesOf(sorted[j]!.start) < minutesOf(s.end); j++) {
      out.push({ kind: 'overlap', a: s.id, b: sorted[j]!.id, date: s.date });
    }
    if (daysBetween(r.startDate, s.date) < 0 || daysBetween(s.date, r.endDate) < 0)
      out.push({ kind: 'outsideDates', sessionId: s.id, date: s.date });
  }
  const b = budgetSummary(r, attendees);
  if (b.over > 0) out.push({ kind: 'budgetOver', over: b.over });
  return out;
}
