import { costToServe, profitContribution, type AccountFields } from './account';
import { addDays, daysBetween, type IsoDate } from './dates';
import { asMinor, mulDivMinor, type Minor } from './money';
import { MAX_MEMO_MINOR, type MemoExitFields } from './memo';

/** What a fair exit needs to know of the account it lets go (its contract and what it costs us). */
export type ExitAccount = Pick<AccountFields, 'name' | 'arr' | 'currency' | 'renewalDate'> & Parameters<typeof costToServe>[0];

export interface ExitFigures {
  readonly currency: string;
  readonly refund: Minor;
  /** Export and migration help: hours × the loaded hourly rate. */
  readonly helpHours: number;
  readonly help: Minor;
  /** The exit's one-off cost = refund + help. */
  readonly cost: Minor;
  /** The account's profit contribution a year (ARR − cost to serve; negative: it destroys profit). */
  readonly profitPerYear: Minor;
  /** What letting it go changes a year = −profit (positive: we save it). */
  readonly savingPerYear: Minor;
  /** No cost to serve is recorded: the "profit" is its revenue, so the saving is a loss of revenue. */
  readonly noCostData: boolean;
  /** Months until the saving has paid the cost back (one decimal); null when it never does. */
  readonly paybackMonths: number | null;
}

/**
 * A fair exit's cost and payback (seed 002): cost = refund + (export + migration hours) × loaded
 * rate, once; saving = the profit the account destroys a year (−(ARR − cost to serve)); payback =
 * cost ÷ saving × 12 months. The account's money is in its own currency, as is the exit's.
 *
 * Hand-computed: refund €20,000, 40 + 80 h at €150 → help €18,000, cost €38,000; ARR €80,000,
 * cost to serve €200,000 → profit −€120,000, saving €120,000 a year, payback 38 ÷ 120 × 12 = 3.8 months.
 */
export function exitFigures(
  exit: Pick<MemoExitFields, 'refund' | 'exportHours' | 'migrationHours' | 'hourlyRate' | 'currency'>,
  account: ExitAccount,
): ExitFigures {
  const hundredths = Math.round(exit.exportHours * 100) + Math.round(exit.migrationHours * 100);
  const help = mulDivMinor(exit.hourlyRate, hundredths, 100);
  const cost = asMinor(exit.refund + help);
  const profitPerYear = profitContribution(account);
  const savingPerYear = asMinor(-profitPerYear || 0);
  const paybackMonths = savingPerYear > 0 ? Math.round((cost / savingPerYear) * 120) / 10 : null;
  return {
    currency: exit.currency,
    refund: exit.refund,
    helpHours: hundredths / 100,
    help,
    cost,
    profitPerYear,
    savingPerYear,
    noCostData: costToServe(account).total === 0,
    paybackMonths,
  };
}

/** The exit's one-off cost stays within the amounts a memo holds (refund + help, exactly). */
export function exitFits(exit: {
  readonly refund: number;
  readonly exportHours: number;
  readonly migrationHours: number;
  readonly hourlyRate: number;
}): boolean {
  const hundredths = Math.round(exit.exportHours * 100) + Math.round(exit.migrationHours * 100);
  const help = (exit.hourlyRate * hundredths) / 100;
  return Number.isFinite(help) && exit.refund + help <= MAX_MEMO_MINOR;
}

export type ExitProblem = 'refundOverContract' | 'currency';

/** What a fair exit may not be: a refund larger than the contract (a year's ARR), or amounts in another currency than the account's. */
export function exitProblem(
  exit: Pick<MemoExitFields, 'refund' | 'currency'>,
  account: Pick<AccountFields, 'arr' | 'currency'>,
): ExitProblem | null {
  if (exit.currency !== account.currency) return 'currency';
  if (exit.refund > account.arr) return 'refundOverContract';
  return null;
}

/** The exit date comes before the notice it promises has run out (counted from today): a warning, not a refusal. */
export function noticeCutShort(exit: Pick<MemoExitFields, 'noticeDays' | 'exitDate'>, today: IsoDate): boolean {
  return exit.exitDate !== null && exit.exitDate < addDays(today, exit.noticeDays);
}

/** The default notice: until the renewal date when it is ahead (letting a contract lapse is the fairest exit), else 90 days. */
export function defaultNotice(account: Pick<AccountFields, 'renewalDate'>, today: IsoDate): { noticeDays: number; exitDate: IsoDate } {
  if (account.renewalDate !== null && account.renewalDate > addDays(today, 30)) {
    const days = daysBetween(today, account.renewalDate);
    if (days <= 3650) return { noticeDays: days, exitDate: account.renewalDate };
  }
  return { noticeDays: 90, exitDate: addDays(today, 90) };
}
