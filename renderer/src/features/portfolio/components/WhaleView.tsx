import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioRow } from '@shared/domain/portfolio';
import { defaultExitCount, exitBottom, whaleCurve } from '@shared/domain/whale';
import { Button, EmptyState } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { Link } from '../../../ui/Link';
import { DataTable } from '../../../ui/DataTable';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { WhaleChart } from './charts/WhaleChart';
import { peakSentence, tailSentence } from '../whaleText';

/** Rows of the what-if table; past it the table says how many more (10,000-account workspaces). */
const WHAT_IF_ROWS = 50;

const signedPercent = (share: number) => `${share > 0 ? '+' : share < 0 ? '−' : '±'}${formatPercent(Math.abs(share), 0)}`;

/** The whale curve with its peak, the tail that destroys profit, and the fair-exit what-if. */
export function WhaleView({
  rows,
  currency,
  filtered,
  onClear,
}: {
  rows: readonly PortfolioRow[];
  currency: string;
  filtered: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [leaveOut, setLeaveOut] = useState(false);
  const [exitDraft, setExitDraft] = useState<string | null>(null);
  const nId = useId();
  const withoutCost = rows.filter((r) => !r.hasCost).length;
  const counted = useMemo(() => (leaveOut ? rows.filter((r) => r.hasCost) : rows), [rows, leaveOut]);
  const curve = useMemo(() => whaleCurve(counted), [counted]);

  if (rows.length === 0)
    return (
      <EmptyState
        title={t('portfolio.noMatch.title')}
        body={t('portfolio.noMatch.body')}
        action={filtered ? <Button onClick={onClear}>{t('portfolio.filter.clear')}</Button> : undefined}
      />
    );

  const parsed = exitDraft === null ? defaultExitCount(curve) : Number(exitDraft);
  const exitValid = Number.isInteger(parsed) && parsed >= 1 && parsed <= curve.count;
  const exit = exitBottom(curve, exitValid ? parsed : defaultExitCount(curve));
  return (
    <div className="whale-view">
      <section className="card" aria-labelledby="whale-h">
        <h2 id="whale-h" className="card__title">
          {t('portfolio.whale.title')}
        </h2>
        <p className="whale-peak" data-testid="whale-peak">
          {peakSentence(t, curve, currency)}
        </p>
        {curve.destroyers.count > 0 ? <p className="muted">{tailSentence(t, curve, currency)}</p> : null}
        {withoutCost > 0 ? (
          <div className="notice notice--warning whale-nocost">
            <span>{t('portfolio.whale.noCost', { count: withoutCost, n: formatNumber(withoutCost) })}</span>
            <label className="check-row">
              <input type="checkbox" checked={leaveOut} onChange={(e) => setLeaveOut(e.target.checked)} />
              {t('portfolio.whale.leaveOut', { count: withoutCost })}
            </label>
          </div>
        ) : null}
        {curve.count > 0 ? (
          <WhaleChart
            curve={curve}
            currency={currency}
            size={{ height: 320 }}
            label={t('portfolio.whale.chartLabel', { count: curve.count })}
          />
        ) : (
          <p className="muted">{t('portfolio.whale.nothingLeft')}</p>
        )}
      </section>

      {curve.count > 0 ? (
        <section className="card" aria-labelledby="whatif-h">
          <h2 id="whatif-h" className="card__title">
            {t('portfolio.whatIf.title')}
          </h2>
          <div className="whatif-row">
            <FormField
              id={nId}
              label={t('portfolio.whatIf.n')}
              error={exitValid ? null : t('portfolio.whatIf.nInvalid', { max: curve.count })}
              hint={t('portfolio.whatIf.nHint', { max: curve.count })}
            >
              {(p) => (
                <input
                  {...p}
                  className="input input--num whatif-n"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={curve.count}
                  step={1}
                  value={exitDraft ?? String(defaultExitCount(curve))}
                  onChange={(e) => setExitDraft(e.target.value)}
                />
              )}
            </FormField>
            <p className="whatif-result" role="status" aria-live="polite">
              {t('portfolio.whatIf.sentence', {
                n: formatNumber(exit.accounts.length),
                count: exit.accounts.length,
                after: formatMoney(exit.profitAfter, currency, { whole: true }),
                change: exit.changeShare === null ? formatMoney(exit.change, currency, { whole: true }) : signedPercent(exit.changeShare),
              })}
            </p>
          </div>
          <DataTable
            label={t('portfolio.whatIf.tableLabel')}
            rows={exit.accounts.slice(0, WHAT_IF_ROWS)}
            rowKey={(p) => p.id}
            columns={[
              {
                key: 'name',
                header: t('portfolio.col.account'),
                rowHeader: true,
                cell: (p) => (
                  <Link to={{ name: 'account', id: p.id, tab: 'overview' }} className="link">
                    {p.name}
                  </Link>
                ),
              },
              {
                key: 'rank',
                header: t('portfolio.col.rank'),
                numeric: true,
                cell: (p) => t('portfolio.whatIf.rank', { rank: p.rank, count: curve.count }),
              },
              {
                key: 'profit',
                header: t('portfolio.col.profit'),
                numeric: true,
                cell: (p) => <span className={p.profit < 0 ? 'text-danger' : undefined}>{formatMoney(p.profit, currency)}</span>,
              },
            ]}
          />
          {exit.accounts.length > WHAT_IF_ROWS ? (
            <p className="muted small">{t('portfolio.buckets.more', { count: exit.accounts.length - WHAT_IF_ROWS })}</p>
          ) : null}
          <p className="muted small">{t('portfolio.whatIf.note')}</p>
        </section>
      ) : null}
    </div>
  );
}
