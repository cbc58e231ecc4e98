import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import { isCurrencyCode, MAX_MAJOR_UNITS, type Minor } from './money';
import { isQuarter, type Quarter } from './quarter';
import { isEngineerMonths, MAX_EFFORT_EM } from './roadmap';

/**
 * The product manager's trade-off memo (PRODUCT §5, seeds 000 and 002): a decision framed as
 * either/or ("if we do X, then Y slips"), with options whose figures come from the roadmap, the
 * view of each executive, a recommendation, and — when a customer is let go — a fair exit.
 */
export const MEMO_STATUSES = ['draft', 'inReview', 'decided', 'superseded'] as const;
export type MemoStatus = (typeof MEMO_STATUSES)[number];

/** The five executives whose view a memo asks for (PRODUCT §5). */
export const EXEC_ROLES = ['support', 'engineering', 'finance', 'marketing', 'sales'] as const;
export type ExecRole = (typeof EXEC_ROLES)[number];
export const STANCES = ['for', 'against', 'neutral', 'notHeard'] as const;
export type ExecStance = (typeof STANCES)[number];

export const MAX_MEMO_TITLE = 200;
export const MAX_MEMO_TEXT = 20_000;
export const MAX_MEMO_LINE = 1_000;
export const MAX_PEOPLE = 50;
export const MAX_LINES = 50;
export const MAX_NOTICE_DAYS = 3650;
export const MAX_EXIT_HOURS = 100_000;

/** What the memo is about, and where it was drafted from (the item or account it links to). */
export interface MemoFields {
  title: string;
  /** The either/or itself: "If we pull SSO into 2027-Q1, what slips?" */
  question: string;
  context: string;
  /** What the decision must weigh (one per line). */
  drivers: string;
  dueDate: IsoDate | null;
  status: MemoStatus;
  /** DACI: one driver, one approver, contributors, informed. */
  driver: string;
  approver: string;
  contributors: string[];
  informed: string[];
  /** Drafted from this roadmap item or this account (null when neither). */
  itemId: string | null;
  accountId: string | null;
  /** The option recommended, and why. */
  recommendedOptionId: string | null;
  recommendation: string;
  /** Once decided: the option chosen, because, its consequences, who decided and when. */
  chosenOptionId: string | null;
  chosenBecause: string;
  consequences: string;
  decidedBy: string;
  decidedOn: IsoDate | null;
  /** The figures the decision was taken on (frozen at decision; see memoFigures.freezeFigures). */
  decidedFigures: FrozenFigures | null;
  /** The memo this one replaces, and the one that replaced it (linked both ways). */
  supersedes: string | null;
  supersededBy: string | null;
}

/** One side of the either/or. */
export interface MemoOptionFields {
  memoId: string;
  name: string;
  /** What we would do. */
  what: string;
  /** Engineer-months, at most one decimal; 0 for an option that takes no engineering. */
  effortEm: number;
  /** The quarter the work lands in. */
  quarter: Quarter;
  /** The roadmap item this option moves (null: new work, placed in `quarter` with its effort). */
  itemId: string | null;
  /** The acceleration quote whose price and cost this option carries. */
  quoteId: string | null;
  /** Other cost, in the workspace's reporting currency (beyond the quote's cost and the fair exit's). */
  otherCost: Minor;
  risks: string;
  /** "Good, because …" and "Bad, because …" lines. */
  good: string[];
  bad: string[];
  /** The fair exit this option carries out (a customer let go), when it does. */
  exitAccountId: string | null;
  sort: number;
}

/** An executive's view; the row id is `<memo>:<role>` so two devices recording it merge into one row. */
export interface MemoViewFields {
  memoId: string;
  role: ExecRole;
  stance: ExecStance;
  /** Who gave it (a name), and the reason in a sentence. */
  who: string;
  reason: string;
}

/**
 * A fair exit (seed 002: fire misfit customers, but fairly): withdraw the open proposal, refund,
 * data export and migration help at the loaded rate, a referral to a partner, the notice period
 * and the date. One per memo and account: the row id is `<memo>:<account>`.
 */
export interface MemoExitFields {
  memoId: string;
  accountId: string;
  currency: string;
  withdrawProposal: boolean;
  /** What is withdrawn ("the 2027 renewal offer"). */
  proposal: string;
  refund: Minor;
  refundTerms: string;
  exportHours: number;
  migrationHours: number;
  /** Loaded cost of one hour of that help, in `currency`. */
  hourlyRate: Minor;
  partner: string;
  noticeDays: number;
  exitDate: IsoDate | null;
}

/** The figures of one option as they were when the memo was decided. */
export interface FrozenOption {
  readonly id: string;
  readonly name: string;
  readonly effortEm: number;
  readonly quarter: string;
  readonly slips: ReadonlyArray<{ readonly title: string; readonly from: string; readonly to: string }>;
  readonly gained: number;
  readonly slipping: number;
  readonly quotePrice: number;
  readonly cost: number;
  readonly customers: number;
}

export interface FrozenFigures {
  readonly currency: string;
  readonly options: readonly FrozenOption[];
  /** The fair exit's one-off cost and the profit it saves a year (null: no cost to serve known), in the exit's currency. */
  readonly exit: { readonly currency: string; readonly cost: number; readonly savingPerYear: number | null } | null;
}

/** Amounts a memo holds: at most a trillion major units (as quotes and offers), so sums of a few stay exact. */
export const MAX_MEMO_MINOR = MAX_MAJOR_UNITS * 1000;
const money = z.number().int().min(0).max(MAX_MEMO_MINOR);
const signed = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(MAX_MEMO_TITLE);
const frozenOption = z.object({
  id: z.string().min(1).max(200),
  name: shortText,
  effortEm: z.number().refine((n) => isEngineerMonths(n, MAX_EFFORT_EM)),
  quarter: z.string().refine(isQuarter),
  slips: z.array(z.object({ title: shortText, from: z.string().refine(isQuarter), to: z.string().refine(isQuarter) })).max(500),
  gained: signed,
  slipping: signed,
  quotePrice: money,
  cost: money,
  customers: z.number().int().min(0).max(1_000_000),
});
export const frozenFiguresSchema = z.object({
  currency: z.string().refine(isCurrencyCode),
  options: z.array(frozenOption).max(MAX_LINES),
  exit: z.object({ currency: z.string().refine(isCurrencyCode), cost: money, savingPerYear: signed.nullable() }).nullable(),
});

const date = z.string().refine(isIsoDate, 'date');
const names = z.array(z.string().trim().min(1).max(MAX_MEMO_TITLE)).max(MAX_PEOPLE);
const lines = z.array(z.string().trim().min(1).max(MAX_MEMO_LINE)).max(MAX_LINES);
const idOrNull = z.string().min(1).max(200).nullable();

export const memoSchema = z.object({
  title: z.string().trim().min(1).max(MAX_MEMO_TITLE),
  question: z.string().max(MAX_MEMO_LINE),
  context: z.string().max(MAX_MEMO_TEXT),
  drivers: z.string().max(MAX_MEMO_TEXT),
  dueDate: date.nullable(),
  status: z.enum(MEMO_STATUSES),
  driver: shortText,
  approver: shortText,
  contributors: names,
  informed: names,
  itemId: idOrNull,
  accountId: idOrNull,
  recommendedOptionId: idOrNull,
  recommendation: z.string().max(MAX_MEMO_TEXT),
  chosenOptionId: idOrNull,
  chosenBecause: z.string().max(MAX_MEMO_TEXT),
  consequences: z.string().max(MAX_MEMO_TEXT),
  decidedBy: shortText,
  decidedOn: date.nullable(),
  decidedFigures: frozenFiguresSchema.nullable(),
  supersedes: idOrNull,
  supersededBy: idOrNull,
});

export const memoOptionSchema = z.object({
  memoId: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(MAX_MEMO_TITLE),
  what: z.string().max(MAX_MEMO_TEXT),
  effortEm: z.number().refine((n) => isEngineerMonths(n, MAX_EFFORT_EM), 'effort'),
  quarter: z.string().refine(isQuarter, 'quarter'),
  itemId: idOrNull,
  quoteId: idOrNull,
  otherCost: money,
  risks: z.string().max(MAX_MEMO_TEXT),
  good: lines,
  bad: lines,
  exitAccountId: idOrNull,
  sort: z.number().finite().min(-1e15).max(1e15),
});

export const memoViewSchema = z.object({
  memoId: z.string().min(1).max(200),
  role: z.enum(EXEC_ROLES),
  stance: z.enum(STANCES),
  who: shortText,
  reason: z.string().max(MAX_MEMO_LINE),
});

export const memoExitSchema = z.object({
  memoId: z.string().min(1).max(200),
  accountId: z.string().min(1).max(200),
  currency: z.string().refine(isCurrencyCode, 'currency'),
  withdrawProposal: z.boolean(),
  proposal: z.string().max(MAX_MEMO_LINE),
  refund: money,
  refundTerms: z.string().max(MAX_MEMO_LINE),
  exportHours: z.number().refine(isHours, 'hours'),
  migrationHours: z.number().refine(isHours, 'hours'),
  hourlyRate: money,
  partner: z.string().max(MAX_MEMO_TITLE),
  noticeDays: z.number().int().min(0).max(MAX_NOTICE_DAYS),
  exitDate: date.nullable(),
});

/** Hours of help: 0 to 100,000, to the hundredth of an hour. */
export function isHours(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_EXIT_HOURS && Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
}

export const viewId = (memoId: string, role: ExecRole): string => `${memoId}:${role}`;
export const exitId = (memoId: string, accountId: string): string => `${memoId}:${accountId}`;

export function defaultMemoFields(overrides: Partial<MemoFields> = {}): MemoFields {
  return {
    title: '',
    question: '',
    context: '',
    drivers: '',
    dueDate: null,
    status: 'draft',
    driver: '',
    approver: '',
    contributors: [],
    informed: [],
    itemId: null,
    accountId: null,
    recommendedOptionId: null,
    recommendation: '',
    chosenOptionId: null,
    chosenBecause: '',
    consequences: '',
    decidedBy: '',
    decidedOn: null,
    decidedFigures: null,
    supersedes: null,
    supersededBy: null,
    ...overrides,
  };
}

export function defaultOptionFields(memoId: string, quarter: Quarter, overrides: Partial<MemoOptionFields> = {}): MemoOptionFields {
  return {
    memoId,
    name: '',
    what: '',
    effortEm: 0,
    quarter,
    itemId: null,
    quoteId: null,
    otherCost: 0 as Minor,
    risks: '',
    good: [],
    bad: [],
    exitAccountId: null,
    sort: 0,
    ...overrides,
  };
}

/** A memo can be changed while it is a draft or in review; a decided or superseded memo is a record. */
export const isEditable = (status: MemoStatus): boolean => status === 'draft' || status === 'inReview';

/** Why a memo cannot be decided yet (empty: it can): a recommendation-free decision is no decision. */
export type DecideProblem = 'fewOptions' | 'noChoice' | 'noReason' | 'noDecider' | 'notEditable';

/**
 * What deciding a memo needs: two or more options (an either/or), the chosen one among them,
 * "chosen because" and who decided. The date is the day it is decided.
 */
export function decideProblems(
  memo: Pick<MemoFields, 'status'>,
  optionIds: readonly string[],
  decision: { readonly chosenOptionId: string | null; readonly chosenBecause: string; readonly decidedBy: string },
): DecideProblem[] {
  const out: DecideProblem[] = [];
  if (!isEditable(memo.status)) out.push('notEditable');
  if (optionIds.length < 2) out.push('fewOptions');
  if (decision.chosenOptionId === null || !optionIds.includes(decision.chosenOptionId)) out.push('noChoice');
  if (decision.chosenBecause.trim() === '') out.push('noReason');
  if (decision.decidedBy.trim() === '') out.push('noDecider');
  return out;
}

/** The executives not yet heard: no view recorded, or recorded as "not yet heard". */
export function unheard(views: ReadonlyArray<Pick<MemoViewFields, 'role' | 'stance'>>): ExecRole[] {
  const heard = new Set(views.filter((v) => v.stance !== 'notHeard').map((v) => v.role));
  return EXEC_ROLES.filter((r) => !heard.has(r));
}

/** Names typed as one line ("Ana, Bo; Chen") → a list, trimmed, without blanks or repeats. */
export function parseNames(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of input.split(/[,;\n]/)) {
    const n = part.trim().slice(0, MAX_MEMO_TITLE);
    if (n !== '' && !seen.has(n.toLocaleLowerCase())) {
      seen.add(n.toLocaleLowerCase());
      out.push(n);
    }
  }
  return out.slice(0, MAX_PEOPLE);
}
