import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@shared/domain/dates';
import { compareOffer, recommend } from '@shared/domain/club';
import type { Minor } from '@shared/domain/money';
import { formatBp, formatDate, formatMoney } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { recommendationText, useClubData } from '../../features/club';
import { DocCover, useDocTitle } from '../DocCover';
import { PageStyle } from '../PageStyle';

const ROWS = ['tcv', 'discountGiven', 'clubCost', 'net', 'concession', 'vsFirst'] as const;

/** The offer sheet: the options side by side (the same figures as the offer page) with the recommendation. */
export function OfferReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useClubData();
  const paper = useSettings((s) => s.paper);
  const today: IsoDate = useToday();
  const offer = data?.offers.find((o) => o.id === id);
  const account = offer ? data?.accounts.get(offer.accountId) : undefined;
  useDocTitle(offer && account ? t('report.offer.documentTitle', { account: account.name, offer: offer.name }) : null);
  if (!data) return <p className="report-loading">{t('report.loading')}</p>;
  if (!offer || !account) {
    return (
      <p className="report-missing" data-report-ready="true">
        {t('report.offer.missing')}
      </p>
    );
  }
  const c = compareOffer(offer);
  const money = (m: Minor) => formatMoney(m, offer.currency, { exact: true });
  const footer = t('report.footer', { account: account.name, date: formatDate(today) });
  return (
    <article className="report" data-report-ready="true" aria-label={t('report.offer.label', { account: account.name })}>
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <DocCover
        eyebrow={t('report.offer.eyebrow')}
        title={account.name}
        subtitle={offer.name}
        facts={[
          [t('offer.field.listPrice'), t('report.offer.perYear', { amount: money(offer.listPrice) })],
          [t('offer.field.term'), t('report.plan.term', { count: offer.termYears })],
          [t('offer.field.asked'), formatBp(offer.askedDiscountBp)],
          [t('offer.field.clubCost'), t('report.offer.perYear', { amount: money(offer.clubCostPerYear) })],
          [t('report.plan.status'), t(`offer.status.${offer.status}`)],
          [t('report.plan.printed'), formatDate(today)],
        ]}
      />
      <section className="report-section report-keep">
        <h2 className="report-h2">{t('offer.comparison', { years: offer.termYears })}</h2>
        <table className="report-table report-options">
          <thead>
            <tr>
              <th />
              {c.results.map((res, i) => (
                <th key={i} className={`num ${i === c.best ? 'report-best' : ''}`}>
                  {res.option.label}
                  <span className="report-sub">
                    {res.option.seat ? t('report.offer.discountAndSeat', { discount: formatBp(res.option.discountBp) }) : t('report.offer.discountOnly', { discount: formatBp(res.option.discountBp) })}
                  </span>
                  {i === c.best ? <span className="report-best__tag">{t('offer.bestTag')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} className={row === 'net' ? 'report-total' : undefined}>
                <td>
                  {t(`offer.row.${row}`)}
                  <span className="report-sub">{t(`offer.rowHint.${row}`, { years: offer.termYears })}</span>
                </td>
                {c.results.map((res, i) => (
                  <td key={i} className={`num nowrap ${i === c.best ? 'report-best' : ''}`}>
                    {row === 'vsFirst' && i === 0 ? '—' : money(res[row])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <strong>{t('offer.breakEven')}:</strong> {c.breakEven ? formatBp(c.breakEven.bp) : '—'}{' '}
          {c.breakEven ? <span className="report-muted">{t('offer.breakEvenHint', { cost: money(offer.clubCostPerYear), list: money(offer.listPrice) })}</span> : null}
        </p>
        <p className="report-callout">{recommendationText(offer, recommend(offer, c))}</p>
      </section>
      {offer.notes.trim() ? (
        <section className="report-section report-keep">
          <h2 className="report-h2">{t('report.offer.notes')}</h2>
          <p className="report-summary">{offer.notes}</p>
        </section>
      ) : null}
    </article>
  );
}
