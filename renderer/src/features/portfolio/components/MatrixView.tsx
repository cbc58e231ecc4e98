import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { costMarginMatrix, namedOutliers, type PortfolioRow } from '@shared/domain/portfolio';
import { EmptyState } from '../../../ui/Button';
import { DataTable } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatMoney, formatNumber } from '../../../lib/format';
import { MatrixChart } from './charts/MatrixChart';

/** Net revenue against cost to serve: where each account sits, the quadrants, the outliers named. */
export function MatrixView({ rows, currency }: { rows: readonly PortfolioRow[]; currency: string }) {
  const { t } = useTranslation();
  const matrix = useMemo(() => costMarginMatrix(rows), [rows]);
  const outliers = namedOutliers(matrix);
  if (matrix.points.length === 0)
    return <EmptyState title={t('portfolio.matrix.empty.title')} body={t('portfolio.matrix.empty.body', { count: matrix.withoutCost })} />;
  return (
    <div className="matrix-view">
      <section className="card" aria-labelledby="matrix-h">
        <h2 id="matrix-h" className="card__title">
          {t('portfolio.matrix.title')}
        </h2>
        <p className="muted">
          {t('portfolio.matrix.lines', {
            revenue: formatMoney(matrix.revenueLine, currency, { whole: true }),
            cost: formatMoney(matrix.costLine, currency, { whole: true }),
          })}
          {matrix.withoutCost > 0 ? ` ${t('portfolio.matrix.withoutCost', { count: matrix.withoutCost })}` : ''}
        </p>
        <MatrixChart
          matrix={matrix}
          currency={currency}
          size={{ height: 380 }}
          label={t('portfolio.matrix.chartLabel', { count: matrix.points.length })}
        />
        <ul className="quadrant-legend">
          {(['passive', 'carriage', 'bargain', 'aggressive'] as const).map((q) => (
            <li key={q}>
              <strong>{t(`portfolio.matrix.quadrant.${q}`)}</strong> · {formatNumber(matrix.counts[q])}
              <span className="muted"> — {t(`portfolio.matrix.quadrantHint.${q}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <DataTable
        label={t('portfolio.matrix.outliers')}
        rows={outliers}
        rowKey={(p) => p.id}
        empty={t('portfolio.matrix.noOutliers')}
        columns={[
          {
            key: 'name',
            header: t('portfolio.matrix.outliers'),
            rowHeader: true,
            cell: (p) => (
              <Link to={{ name: 'account', id: p.id, tab: 'overview' }} className="link">
                {p.name}
              </Link>
            ),
          },
          { key: 'quadrant', header: t('portfolio.matrix.quadrantCol'), cell: (p) => t(`portfolio.matrix.quadrant.${p.quadrant}`) },
          { key: 'revenue', header: t('portfolio.fig.arr'), numeric: true, cell: (p) => formatMoney(p.revenue, currency) },
          { key: 'cost', header: t('portfolio.fig.cost'), numeric: true, cell: (p) => formatMoney(p.cost, currency) },
          {
            key: 'profit',
            header: t('portfolio.col.profit'),
            numeric: true,
            cell: (p) => <span className={p.profit < 0 ? 'text-danger' : undefined}>{formatMoney(p.profit, currency)}</span>,
          },
        ]}
      />
    </div>
  );
}
