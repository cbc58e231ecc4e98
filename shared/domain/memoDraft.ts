import type { QuoteFields, QuoteStatus } from './acceleration';
import type { AccountFields } from './account';
import type { IsoDate } from './dates';
import { defaultNotice } from './fairExit';
import type { MemoExitFields, MemoOptionFields } from './memo';
import { asMinor } from './money';
import { addQuarters, quarterIndex, quarterOf, type Quarter } from './quarter';
import type { RoadmapData } from './roadmapView';

/** An option before it has a memo and a name (names are words, and words belong to the screen). */
export type OptionDraft = Omit<MemoOptionFields, 'memoId' | 'name' | 'sort'>;

/** An option that moves nothing yet: no item, no effort, landing in `quarter`. */
export const blankOption = (quarter: Quarter): OptionDraft => ({
  what: '',
  effortEm: 0,
  quarter,
  itemId: null,
  quoteId: null,
  otherCost: asMinor(0),
  risks: '',
  good: [],
  bad: [],
  exitAccountId: null,
});

const QUOTE_PREFERENCE: Record<QuoteStatus, number> = { accepted: 0, sent: 1, draft: 2, declined: 9 };

/**
 * The quote a "pull it forward" option is drafted from: the accepted one, else the newest sent,
 * else the newest draft (declined quotes are not a way forward).
 */
export function quoteForItem<Q extends QuoteFields & { readonly id: string; readonly updatedAt?: string }>(
  quotes: readonly Q[],
  itemId: string,
): Q | null {
  const mine = quotes.filter((q) => q.itemId === itemId && q.status !== 'declined');
  mine.sort((a, b) => QUOTE_PREFERENCE[a.status] - QUOTE_PREFERENCE[b.status] || (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  return mine[0] ?? null;
}

export interface ItemDraft {
  readonly itemId: string;
  readonly title: string;
  readonly plannedQuarter: Quarter;
  /** Option A: keep the plan (the item where it is, with its effort). */
  readonly keep: OptionDraft;
  /** Option B: pull the item forward — to its quote's target with the quote's effort, else one quarter earlier (not before this one). */
  readonly pull: OptionDraft;
  readonly quote: { readonly id: string; readonly name: string } | null;
}

/** The either/or a roadmap item asks for (PRODUCT §5 "prefill from a roadmap item"): keep the plan, or pull it forward. */
export function draftFromItem(d: RoadmapData, itemId: string, today: IsoDate): ItemDraft | null {
  const item = d.items.find((i) => i.id === itemId);
  if (!item) return null;
  const quote = quoteForItem(d.quotes, itemId);
  const now = quarterOf(today);
  const earlier = addQuarters(item.plannedQuarter, -1);
  // An item already due (planned in this quarter or before) cannot come sooner: both options start where it is.
  const due = quarterIndex(item.plannedQuarter) <= quarterIndex(now);
  const target = quote ? quote.targetQuarter : due ? item.plannedQuarter : quarterIndex(earlier) < quarterIndex(now) ? now : earlier;
  return {
    itemId,
    title: item.title,
    plannedQuarter: item.plannedQuarter,
    keep: { ...blankOption(item.plannedQuarter), itemId, effortEm: item.effortEm },
    pull: { ...blankOption(target), itemId, effortEm: quote ? quote.effortEm : item.effortEm, quoteId: quote?.id ?? null },
    quote: quote ? { id: quote.id, name: quote.name } : null,
  };
}

export interface AccountDraft {
  /** Option A: keep the account (no work, this quarter). */
  readonly keep: OptionDraft;
  /** Option B: let it go with a fair exit, in the quarter of the exit date. */
  readonly exit: OptionDraft;
  readonly fairExit: Omit<MemoExitFields, 'memoId'>;
}

/**
 * The either/or an account asks for (PRODUCT §5, seed 002 "draft a fair exit"): keep it, or let it
 * go fairly — the open proposals withdrawn, no refund to start with, the notice running to the
 * renewal date when that is ahead, help at the account's loaded engineering rate (else support's).
 */
export function draftFromAccount(
  account: Pick<AccountFields, 'currency' | 'renewalDate' | 'engineeringRate' | 'supportRate'> & { readonly id: string },
  openProposals: readonly string[],
  today: IsoDate,
): AccountDraft {
  const notice = defaultNotice(account, today);
  return {
    keep: blankOption(quarterOf(today)),
    exit: { ...blankOption(quarterOf(notice.exitDate)), exitAccountId: account.id },
    fairExit: {
      accountId: account.id,
      currency: account.currency,
      withdrawProposal: openProposals.length > 0,
      proposal: openProposals.join(', ').slice(0, 1000),
      refund: asMinor(0),
      refundTerms: '',
      exportHours: 0,
      migrationHours: 0,
      hourlyRate: account.engineeringRate > 0 ? account.engineeringRate : account.supportRate,
      partner: '',
      noticeDays: notice.noticeDays,
      exitDate: notice.exitDate,
    },
  };
}
