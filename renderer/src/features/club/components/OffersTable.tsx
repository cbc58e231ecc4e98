import { useTranslation } from 'react-i18next';
import { compareOffer } from '@shared/domain/club';
import type { OfferRow } from '../../../db/database';
import { useRoute } from '../../../stores/route';
import { Badge } from '../../../ui/Button';
import { formatBp, formatMoney } from '../../../lib/format';
import type { ClubData } from '../hooks/useClubData';

const TONE = { draft: 'neutral', presented: 'info', chosen: 'success' } as const;

export function OfferStatusBadge({ status }: { status: OfferRow['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={TONE[status]}>{t(`offer.status.${status}`)}</Badge>;
}

/** Offers with their best option for the vendor and the break-even discount. */
export function OffersTable({ data, offers, hideAccount }: { data: ClubData; offers: readonly OfferRow[]; hideAccount?: boolean }) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  return (
    <div className="table-card">
      <table className="data-table" aria-label={t('offer.listLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('offer.col.offer')}</th>
            <th scope="col">{t('offer.col.status')}</th>
            <th scope="col" className="num">
              {t('offer.col.list')}
            </th>
            <th scope="col" className="num">
              {t('offer.col.asked')}
            </th>
            <th scope="col" className="num">
              {t('offer.col.breakEven')}
            </th>
            <th scope="col">{t('offer.col.best')}</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((o) => {
            const c = compareOffer(o);
            const best = c.results[c.best];
            return (
              <tr key={o.id}>
                <td>
                  <a
                    href={`#/offers/${o.id}`}
                    className="row-link"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'offer', id: o.id });
                    }}
                  >
                    {hideAccount ? o.name : (data.accounts.get(o.accountId)?.name ?? '')}
                  </a>
                  {hideAccount ? null : <div className="cell-sub">{o.name}</div>}
                </td>
                <td>
                  <OfferStatusBadge status={o.status} />
                </td>
                <td className="num">{t('offer.perYearTerm', { amount: formatMoney(o.listPrice, o.currency), years: o.termYears })}</td>
                <td className="num">{formatBp(o.askedDiscountBp)}</td>
                <td className="num">{c.breakEven ? formatBp(c.breakEven.bp) : '—'}</td>
                <td>{best ? `${best.option.label} · ${formatMoney(best.net, o.currency)}` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
