import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@shared/domain/dates';
import { compareOffer, recommend, type OfferOption } from '@shared/domain/club';
import type { Minor } from '@shared/domain/money';
import { formatBp, formatDate, formatMoney } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { recommendationText, useClubData } from '../../features/club';
import { DocCover, useDocTitle } from '../DocCover';
import { PageStyle } from '../PageStyle';

const ROWS = ['tcv', 'discountGiven', 'clubCost', 'net', 'concession', 'vsFirst'] as const;
/** What the customer may see of each option: what they pay and what they get, nothing of our cost. */
const CUSTOMER_ROWS = ['gross', 'discountGiven', 'tcv'] as const;
/** The customer version's route suffix: "<offer>~customer". */
export const CUSTOMER = 'customer';

/**
 * The offer sheet in two audiences (issue 13): internal, the options side by side with what
 * each costs us, the break-even discount and the option best for us; and "<offer>~customer",
 * the options as the buyer sees them (price, discount, contract value, club seat) — never our
 * cost, our margin or our preference.
 */
export function OfferReport({ id: routeId }: { id: string }) {
  const [id, audience] = routeId.split('~') as [string, string | undefined];
  const forCustomer = audience === CUSTOMER;
  const { t } = useTranslation();
  const data = useClubData();
  const paper = useSettings((s) => s.paper);
  const today: IsoDate = useToday();
  const offer = data?.offers.find((o) => o.id === id);
  const account = offer ? data?.accounts.get(offer.accountId) : undefined;
  useDocTitle(
    offer && account
      ? t(forCustomer ? 'report.offer.documentTitleCustomer' : 'report.offer.documentTitle', { account: account.name, offer: offer.name })
      : null,
  );
  if (!data) return <p className="report-loading">{t('report.loading')}</p>;
  if (!offer || !account) {
    return (
      <p className="report-missing" data-report-ready="true">
        {t('report.offer.missing')}
      </p>
    );
  }
  const c = compareOffer(offer);
  /** What an option gives, for the column head of either audience: "12% discount + club seat". */
  const terms = (o: OfferOption) =>
    t(o.seat ? 'report.offer.discountAndSeat' : 'report.offer.discountOnly', { discount: formatBp(o.discountBp) });
  const money = (m: Minor) => formatMoney(m, offer.currency, { exact: true });
  const footer = t('report.footer', { account: account.name, date: formatDate(today) });
  return (
    <article className="report" data-report-ready="true" aria-label={t('report.offer.label', { account: account.name })}>
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <DocCover
        eyebrow={forCustomer ? t('report.offer.eyebrow') : t('report.offer.eyebrowInternal')}
        title={account.name}
        subtitle={offer.name}
        facts={
          forCustomer
            ? [
                [t('offer.field.listPrice'), t('report.offer.perYear', { amount: money(offer.listPrice) })],
                [t('offer.field.term'), t('report.plan.term', { count: offer.termYears })],
                [t('report.plan.printed'), formatDate(today)],
              ]
            : [
                [t('offer.field.listPrice'), t('report.offer.perYear', { amount: money(offer.listPrice) })],
                [t('offer.field.term'), t('report.plan.term', { count: offer.termYears })],
                [t('offer.field.asked'), formatBp(offer.askedDiscountBp)],
                [t('offer.field.clubCost'), t('report.offer.perYear', { amount: money(offer.clubCostPerYear) })],
                [t('report.plan.status'), t(`offer.status.${offer.status}`)],
                [t('report.plan.printed'), formatDate(today)],
              ]
        }
      />
      {forCustomer ? (
        <section className="report-section report-keep">
          <h2 className="report-h2">{t('report.offer.customerOptions', { years: offer.termYears })}</h2>
          <table className="report-table report-options">
            <thead>
              <tr>
                <th />
                {c.results.map((res, i) => (
                  <th key={i} className="num">
                    {res.option.label}
                    <span className="report-sub">{terms(res.option)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CUSTOMER_ROWS.map((row) => (
                <tr key={row} className={row === 'tcv' ? 'report-total' : undefined}>
                  <td>{t(`report.offer.customerRow.${row}`, { years: offer.termYears })}</td>
                  {c.results.map((res, i) => (
                    <td key={i} className="num nowrap">
                      {money(res[row])}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <td>{t('report.offer.customerRow.seat')}</td>
                {c.results.map((res, i) => (
                  <td key={i} className="num">
                    {res.option.seat ? t('report.offer.seatIncluded') : t('report.offer.seatNone')}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </section>
      ) : (
        <section className="report-section report-keep">
          <h2 className="report-h2">{t('offer.comparison', { years: offer.termYears })}</h2>
          <table className="report-table report-options">
            <thead>
              <tr>
                <th />
                {c.results.map((res, i) => (
                  <th key={i} className={`num ${i === c.best ? 'report-best' : ''}`}>
                    {res.option.label}
                    <span className="report-sub">{terms(res.option)}</span>
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
            {c.breakEven ? (
              <span className="report-muted">
                {t('offer.breakEvenHint', { cost: money(offer.clubCostPerYear), list: money(offer.listPrice) })}
              </span>
            ) : null}
          </p>
          <p className="report-callout">{recommendationText(offer, recommend(offer, c))}</p>
        </section>
      )}
      {!forCustomer && offer.notes.trim() ? (
        <section className="report-section report-keep">
          <h2 className="report-h2">{t('report.offer.notes')}</h2>
          <p className="report-summary">{offer.notes}</p>
        </section>
      ) : null}
    </article>
  );
}
