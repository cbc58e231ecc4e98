import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { rotationsDue, spiralCounts, type PortfolioRow } from '@shared/domain/portfolio';
import type { AccountRow } from '../../../db/database';
import { DataTable } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatNumber } from '../../../lib/format';
import { useToday } from '../../../lib/today';

/** The relationship spiral across accounts, and the communicators due for rotation (PRODUCT §1). */
export function RelationshipsView({ rows, accounts }: { rows: readonly PortfolioRow[]; accounts: readonly AccountRow[] }) {
  const { t } = useTranslation();
  const today = useToday();
  const spiral = useMemo(() => spiralCounts(rows), [rows]);
  const shown = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const due = useMemo(
    () =>
      rotationsDue(
        accounts.filter((a) => shown.has(a.id)),
        today,
      ),
    [accounts, shown, today],
  );
  return (
    <div className="relationships-view">
      <section className="card" aria-labelledby="spiral-h">
        <h2 id="spiral-h" className="card__title">
          {t('portfolio.spiral.title')}
        </h2>
        <p className="muted">{t('portfolio.spiral.body')}</p>
        <table className="data-table spiral-table" aria-labelledby="spiral-h">
          <thead>
            <tr>
              <th scope="col">{t('portfolio.spiral.stage')}</th>
              {spiral.laps.map((l) => (
                <th key={l} scope="col" className="num">
                  {t('portfolio.spiral.lap', { lap: l })}
                </th>
              ))}
              <th scope="col" className="num">
                {t('portfolio.spiral.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {spiral.cells.map((c) => (
              <tr key={c.stage}>
                <th scope="row">
                  {t(`spiral.${c.stage}`)}
                  <span className="muted small spiral-hint"> — {t(`spiral.${c.stage}Hint`)}</span>
                </th>
                {spiral.laps.map((l) => (
                  <td key={l} className="num">
                    {c.byLap.get(l) ? formatNumber(c.byLap.get(l)!) : <span className="muted">·</span>}
                  </td>
                ))}
                <td className="num strong">{formatNumber(c.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <DataTable
        label={t('portfolio.rotation.title')}
        rows={due}
        rowKey={(d) => d.id}
        empty={t('portfolio.rotation.none')}
        columns={[
          {
            key: 'account',
            header: t('portfolio.col.account'),
            rowHeader: true,
            cell: (d) => (
              <Link to={{ name: 'account', id: d.id, tab: 'overview' }} className="link">
                {d.name}
              </Link>
            ),
          },
          { key: 'who', header: t('portfolio.rotation.communicator'), cell: (d) => d.communicator || '—' },
          { key: 'role', header: t('portfolio.rotation.role'), cell: (d) => t(`role.${d.role}`) },
          {
            key: 'tenure',
            header: t('portfolio.rotation.tenure'),
            numeric: true,
            cell: (d) => (d.tenureMonths === null ? '—' : t('portfolio.rotation.months', { count: d.tenureMonths })),
          },
          {
            key: 'why',
            header: t('portfolio.rotation.why'),
            cell: (d) =>
              [d.tenure ? t('portfolio.rotation.whyTenure') : null, d.engineer ? t('portfolio.rotation.whyEngineer') : null]
                .filter(Boolean)
                .join(' · '),
          },
        ]}
      />
    </div>
  );
}
