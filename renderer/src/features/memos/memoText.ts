import type { TFunction } from 'i18next';
import type { ExitFigures } from '@shared/domain/fairExit';
import type { ExecRole } from '@shared/domain/memo';
import type { OptionFigures } from '@shared/domain/memoFigures';
import { formatEm, formatMoney, formatNumber } from '../../lib/format';

/**
 * The memo's sentences, the same on screen and on paper (PRODUCT §5): the either/or of an option,
 * what a fair exit costs against what it saves, and who has not been heard.
 */

/** "If we choose “Pull SSO forward” (4.5 EM, landing in 2027-Q1), then 2 items slip: Audit log, Reports." */
export function ifThenSentence(t: TFunction, name: string, f: Pick<OptionFigures, 'effortEm' | 'quarter' | 'slips'>): string {
  const head = { name, em: formatEm(f.effortEm), quarter: f.quarter };
  if (f.slips.length === 0) return t(f.effortEm === 0 ? 'memo.ifThen.nothingMoves' : 'memo.ifThen.nothing', head);
  return t('memo.ifThen.slips', { ...head, count: f.slips.length, items: f.slips.map((s) => s.title).join(', ') });
}

/** "The exit costs €38,000 once and saves €120,000 a year: it pays for itself in 3.8 months." */
export function exitSentence(t: TFunction, e: ExitFigures): string {
  const cost = formatMoney(e.cost, e.currency, { whole: true });
  if (e.savingPerYear > 0)
    return t('memo.exit.pays', {
      cost,
      saving: formatMoney(e.savingPerYear, e.currency, { whole: true }),
      months: formatNumber(e.paybackMonths ?? 0, 1),
    });
  // The account makes money: letting it go costs its profit every year as well.
  return t('memo.exit.loses', { cost, profit: formatMoney(e.profitPerYear, e.currency, { whole: true }) });
}

/** "Not yet heard: finance, marketing." — or "All five executives have been heard." */
export function unheardSentence(t: TFunction, roles: readonly ExecRole[]): string {
  if (roles.length === 0) return t('memo.views.allHeard');
  return t('memo.views.unheard', { count: roles.length, roles: roles.map((r) => t(`memo.role.${r}`)).join(', ') });
}
