import { useTranslation } from 'react-i18next';
import type { Minor } from '@shared/domain/money';
import { costMarginMatrix, namedOutliers, QUADRANTS, type Portfolio, type PortfolioRow } from '@shared/domain/portfolio';
import { defaultExitCount, exitBottom, whaleCurve } from '@shared/domain/whale';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
import { peakSentence, tailSentence } from '../../features/portfolio';
import { MatrixChart, WhaleChart } from '../../features/portfolio/pages';

/** Content width of the page box (A4 and Letter minus 16 mm margins), in CSS pixels. */
const CHART_WIDTH = 660;

/** A true minus sign: "−€8,400", not a hyphen. */
export const minus = (s: string): string => s.replace(/^-/, '−').replace(/^(\D*)-/, '$1−');

/** An amount in whole units of the reporting currency; negative in red and with a minus sign. */
export function Money({ value, currency }: { value: Minor; currency: string }) {
  return <span className={value < 0 ? 'report-negative' : undefined}>{minus(formatMoney(value, currency, { whole: true }))}</span>;
}

export function UnconvertedSection({ unconverted, currency }: { unconverted: Portfolio['unconverted']; currency: string }) {
  const { t } = useTranslation();
  if (unconverted.length === 0) return null;
  const count = unconverted.reduce((n, u) => n + u.accounts.length, 0);
  return (
    <div className="report-callout">
      <p className="report-strong">{t('portfolio.unconverted.title', { count, currency })}</p>
      <ul className="report-list">
        {unconverted.map((u) => (
          <li key={u.currency}>
            {t('report.portfolio.unconvertedLine', { currency: u.currency, accounts: u.accounts.map((a) => a.name).join(', ') })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function WhaleSection({ rows, currency }: { rows: readonly PortfolioRow[]; currency: string }) {
  const { t } = useTranslation();
  const curve = whaleCurve(rows);
  const exit = exitBottom(curve, defaultExitCount(curve));
  const change =
    exit.changeShare === null
      ? minus(formatMoney(exit.change, currency, { whole: true }))
      : `${exit.changeShare >= 0 ? '+' : '−'}${formatPercent(Math.abs(exit.changeShare), 0)}`;
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('portfolio.whale.title')}</h2>
      <p className="report-lead">{peakSentence(t, curve, currency)}</p>
      {curve.destroyers.count > 0 ? <p>{minus(tailSentence(t, curve, currency))}</p> : null}
      <div className="report-keep report-chart">
        <WhaleChart
          curve={curve}
          currency={currency}
          size={{ print: true, width: CHART_WIDTH, height: 250 }}
          label={t('portfolio.whale.chartLabel', { count: curve.count })}
        />
      </div>
      {exit.accounts.length > 0 ? (
        <div className="report-keep">
          <h3 className="report-h3">{t('portfolio.whatIf.title')}</h3>
          <p>
            {t('portfolio.whatIf.sentence', {
              n: formatNumber(exit.accounts.length),
              count: exit.accounts.length,
              after: minus(formatMoney(exit.profitAfter, currency, { whole: true })),
              change,
            })}
          </p>
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('portfolio.col.account')}</th>
                <th scope="col" className="num">
                  {t('portfolio.col.rank')}
                </th>
                <th scope="col" className="num">
                  {t('portfolio.col.profit')}
                </th>
              </tr>
            </thead>
            <tbody>
              {exit.accounts.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td className="num">{t('portfolio.whatIf.rank', { rank: p.rank, count: curve.count })}</td>
                  <td className="num">
                    <Money value={p.profit} currency={currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="report-note">{t('portfolio.whatIf.note')}</p>
        </div>
      ) : null}
    </section>
  );
}

export function MatrixSection({ rows, currency }: { rows: readonly PortfolioRow[]; currency: string }) {
  const { t } = useTranslation();
  const matrix = costMarginMatrix(rows);
  if (matrix.points.length === 0) return null;
  const outliers = namedOutliers(matrix);
  return (
    <section className="report-section">
      <h2 className="report-h2">{t('portfolio.matrix.title')}</h2>
      <p>
        {t('portfolio.matrix.lines', {
          revenue: formatMoney(matrix.revenueLine, currency, { whole: true }),
          cost: formatMoney(matrix.costLine, currency, { whole: true }),
        })}
        {matrix.withoutCost > 0 ? ` ${t('portfolio.matrix.withoutCost', { count: matrix.withoutCost })}` : ''}
      </p>
      <div className="report-keep report-chart">
        <MatrixChart
          matrix={matrix}
          currency={currency}
          size={{ print: true, width: CHART_WIDTH, height: 300 }}
          label={t('portfolio.matrix.chartLabel', { count: matrix.points.length })}
        />
      </div>
      <ul className="report-list report-quadrants">
        {QUADRANTS.map((q) => (
          <li key={q}>
            <span className="report-strong">{t(`portfolio.matrix.quadrant.${q}`)}</span> · {formatNumber(matrix.counts[q])} —{' '}
            {t(`portfolio.matrix.quadrantHint.${q}`)}
          </li>
        ))}
      </ul>
      {outliers.length > 0 ? (
        <table className="report-table report-keep">
          <thead>
            <tr>
              <th scope="col">{t('portfolio.matrix.outliers')}</th>
              <th scope="col">{t('portfolio.matrix.quadrantCol')}</th>
              <th scope="col" className="num">
                {t('portfolio.fig.arr')}
              </th>
              <th scope="col" className="num">
                {t('portfolio.fig.cost')}
              </th>
              <th scope="col" className="num">
                {t('portfolio.col.profit')}
              </th>
            </tr>
          </thead>
          <tbody>
            {outliers.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{t(`portfolio.matrix.quadrant.${p.quadrant}`)}</td>
                <td className="num">
                  <Money value={p.revenue} currency={currency} />
                </td>
                <td className="num">
                  <Money value={p.cost} currency={currency} />
                </td>
                <td className="num">
                  <Money value={p.profit} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
