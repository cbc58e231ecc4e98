import type { TFunction } from 'i18next';
import { asMinor } from '@shared/domain/money';
import type { WhaleCurve } from '@shared/domain/whale';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';

/**
 * "Top 6 of 40 accounts (15 %) make 148 % of profit": the peak of the whale curve in words, the
 * same on screen and on paper. A portfolio that loses money as a whole says so instead.
 */
export function peakSentence(t: TFunction, curve: WhaleCurve, currency: string): string {
  const peak = curve.peak;
  if (!peak) return t('portfolio.whale.noAccounts');
  if (peak.profitShare === null)
    return t('portfolio.whale.losing', {
      total: formatMoney(curve.total, currency, { whole: true }),
      n: formatNumber(peak.count),
      count: peak.count,
      profit: formatMoney(peak.profit, currency, { whole: true }),
    });
  return t('portfolio.whale.peak', {
    n: formatNumber(peak.count),
    count: peak.count,
    all: formatNumber(curve.count),
    accountShare: formatPercent(peak.accountShare, 0),
    profitShare: formatPercent(peak.profitShare, 0),
  });
}

/** "3 accounts (8 %) destroy €412,000 of profit (−31 %)". */
export function tailSentence(t: TFunction, curve: WhaleCurve, currency: string): string {
  const d = curve.destroyers;
  return t('portfolio.whale.tail', {
    n: formatNumber(d.count),
    count: d.count,
    accountShare: formatPercent(curve.count ? d.count / curve.count : 0, 0),
    // "destroy €231,344" reads right without a minus; the share keeps its sign (−5 % of profit).
    profit: formatMoney(asMinor(-d.profit), currency, { whole: true }),
    share: curve.total > 0 ? formatPercent(d.profit / curve.total, 0).replace('-', '−') : '—',
  });
}
