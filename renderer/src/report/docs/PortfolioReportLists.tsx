import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@shared/domain/dates';
import {
  accountsAtRisk,
  bucketColumns,
  filterPortfolio,
  rotationsDue,
  type PortfolioFilter,
  type PortfolioRow,
} from '@shared/domain/portfolio';
import { segmentFigures } from '@shared/domain/segment';
import type { AccountRow } from '../../db/database';
import { formatBp, formatMoney, formatNumber, formatPercent } from '../../lib/format';
import type { PortfolioData } from '../../features/portfolio';

import { Money, minus } from './PortfolioReportCharts';

/** Accounts listed per bucket on paper; a 10,000-account workspace says how many more. */
const PER_BUCKET = 40;

export function BucketsSection({
  rows,
  currency,
  health,
}: {
  rows: readonly PortfolioRow[];
  currency: string;
  health: ReadonlyMap<string, number> | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('portfolio.view.buckets')}</h2>
      {bucketColumns([...rows]).map((c) => {
        const title =
          c.bucket === null
            ? t('portfolio.buckets.none')
            : t('report.portfolio.bucketName', { bucket: c.bucket, name: t(`bucket.${c.bucket}Short`) });
        return (
          <div key={String(c.bucket)} className="report-keep report-bucket">
            <h3 className="report-h3">
              {title}
              <span className="report-h3__figures">
                {t('report.portfolio.bucketTotals', {
                  count: c.totals.count,
                  arr: formatMoney(c.totals.arr, currency, { whole: true }),
                  profit: minus(formatMoney(c.totals.profit, currency, { whole: true })),
                })}
              </span>
            </h3>
            {c.rows.length === 0 ? (
              <p className="report-muted">{t('portfolio.buckets.emptyColumn')}</p>
            ) : (
              <table className="report-table">
                <thead>
                  <tr>
                    <th scope="col">{t('portfolio.col.account')}</th>
                    <th scope="col" className="num">
                      {t('portfolio.fig.arr')}
                    </th>
                    <th scope="col" className="num">
                      {t('portfolio.col.profit')}
                    </th>
                    <th scope="col" className="num">
                      {t('report.portfolio.health')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.rows.slice(0, PER_BUCKET).map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.name}</th>
                      <td className="num">
                        <Money value={r.arr} currency={currency} />
                      </td>
                      <td className="num">
                        <Money value={r.profit} currency={currency} />
                      </td>
                      <td className="num">{health?.get(r.id) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {c.rows.length > PER_BUCKET ? (
              <p className="report-note">{t('report.portfolio.more', { count: c.rows.length - PER_BUCKET })}</p>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

export function SegmentsSection({ data, filter }: { data: PortfolioData; filter: PortfolioFilter }) {
  const { t } = useTranslation();
  if (data.segments.length === 0) return null;
  const rows = filterPortfolio(data.portfolio.rows, { ...filter, segment: null }, new Map());
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('portfolio.view.segments')}</h2>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">{t('report.portfolio.segment')}</th>
            <th scope="col" className="num">
              {t('portfolio.segments.tam')}
            </th>
            <th scope="col" className="num">
              {t('report.portfolio.expected')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.segments.ours')}
            </th>
            <th scope="col" className="num">
              {t('portfolio.segments.penetration')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.segments.map((s) => {
            const f = segmentFigures(s, rows, data.settings);
            return (
              <tr key={s.id} className="report-keep">
                <th scope="row">
                  <span className="report-strong">{s.name}</span>
                  <span className="report-sub">
                    {s.targetSource ? t('portfolio.segments.sourceIs', { source: s.targetSource }) : t('portfolio.segments.noSource')}
                  </span>
                </th>
                <td className="num">
                  <Money value={f.tam} currency={s.currency} />
                  <span className="report-sub">
                    {t('portfolio.segments.tamFormula', {
                      targets: formatNumber(s.targetCustomers),
                      spend: formatMoney(s.avgSpend, s.currency),
                    })}
                  </span>
                </td>
                <td className="num">
                  <Money value={f.expected} currency={s.currency} />
                  <span className="report-sub">{t('report.portfolio.atWinRate', { rate: formatBp(s.winRateBp) })}</span>
                </td>
                <td className="num">
                  {t('portfolio.segments.accounts', { count: f.accounts.length })}
                  <span className="report-sub">
                    {t('portfolio.segments.ourArr', { arr: formatMoney(f.arr, data.settings.currency, { whole: true }) })}
                  </span>
                </td>
                <td className="num">
                  {f.arrPenetration === null
                    ? f.tamReporting === null
                      ? t('portfolio.segments.noRate', { currency: s.currency })
                      : '—'
                    : t('portfolio.segments.ofTam', { share: formatPercent(f.arrPenetration, 1) })}
                  <span className="report-sub">
                    {f.customerPenetration === null
                      ? t('portfolio.segments.noTargets')
                      : t('portfolio.segments.ofTargets', {
                          n: formatNumber(f.accounts.length),
                          targets: formatNumber(s.targetCustomers),
                          share: formatPercent(f.customerPenetration, 1),
                        })}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function RotationSection({
  rows,
  accounts,
  today,
}: {
  rows: readonly PortfolioRow[];
  accounts: readonly AccountRow[];
  today: IsoDate;
}) {
  const { t } = useTranslation();
  const shown = new Set(rows.map((r) => r.id));
  const due = rotationsDue(
    accounts.filter((a) => shown.has(a.id)),
    today,
  );
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('portfolio.rotation.title')}</h2>
      {due.length === 0 ? (
        <p className="report-muted">{t('portfolio.rotation.none')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('portfolio.col.account')}</th>
              <th scope="col">{t('portfolio.rotation.communicator')}</th>
              <th scope="col">{t('portfolio.rotation.role')}</th>
              <th scope="col" className="num">
                {t('portfolio.rotation.tenure')}
              </th>
              <th scope="col">{t('portfolio.rotation.why')}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                <td>{d.communicator || '—'}</td>
                <td>{t(`role.${d.role}`)}</td>
                <td className="num">{d.tenureMonths === null ? '—' : t('portfolio.rotation.months', { count: d.tenureMonths })}</td>
                <td>
                  {[d.tenure ? t('portfolio.rotation.whyTenure') : null, d.engineer ? t('portfolio.rotation.whyEngineer') : null]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function RiskSection({
  rows,
  currency,
  health,
}: {
  rows: readonly PortfolioRow[];
  currency: string;
  health: ReadonlyMap<string, number> | undefined;
}) {
  const { t } = useTranslation();
  const risks = accountsAtRisk(rows, health ?? new Map());
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('report.portfolio.risk')}</h2>
      {risks.length === 0 ? (
        <p className="report-muted">{t('report.portfolio.noRisk')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{t('portfolio.col.account')}</th>
              <th scope="col">{t('report.portfolio.reasons')}</th>
              <th scope="col" className="num">
                {t('portfolio.fig.arr')}
              </th>
              <th scope="col" className="num">
                {t('report.portfolio.potential')}
              </th>
            </tr>
          </thead>
          <tbody>
            {risks.slice(0, 60).map(({ row, reasons }) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                <td>{reasons.map((r) => t(`report.portfolio.reason.${r}`)).join(' · ')}</td>
                <td className="num">
                  <Money value={row.arr} currency={currency} />
                </td>
                <td className="num">
                  <Money value={row.potentialArr} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {risks.length > 60 ? <p className="report-note">{t('report.portfolio.more', { count: risks.length - 60 })}</p> : null}
    </section>
  );
}
