import type { OfferFields, Recommendation } from '@shared/domain/club';
import type { Minor } from '@shared/domain/money';
import { i18next } from '../../i18n';
import { formatBp, formatMoney } from '../../lib/format';

/** The recommendation in words, for the offer page and the printed offer sheet alike. */
export function recommendationText(offer: Pick<OfferFields, 'currency' | 'termYears'>, r: Recommendation): string {
  const money = (m: Minor) => formatMoney(m, offer.currency, { exact: true });
  return i18next.t(`offer.rec.${r.reason}`, {
    ...r.params,
    net: money(Number(r.params.net) as Minor),
    by: money(Number(r.params.by) as Minor),
    breakEven: formatBp(Number(r.params.breakEvenBp)),
    asked: formatBp(Number(r.params.askedBp)),
    years: offer.termYears,
  });
}
