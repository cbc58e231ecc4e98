import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { distinctValues, filterPortfolio, type PortfolioFilter } from '@shared/domain/portfolio';
import { segmentFigures, type SegmentFields } from '@shared/domain/segment';
import type { SegmentRow } from '../../../db/database';
import { Button, EmptyState, IconButton } from '../../../ui/Button';
import { Link } from '../../../ui/Link';
import { formatBp, formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import type { PortfolioData } from '../hooks/usePortfolioData';
import { usePortfolioActions } from '../hooks/usePortfolioActions';
import { SegmentDialog } from './SegmentDialog';

/** The rule in words: "Manufacturing · any region · any size · ICP fit ≥ 60". */
function ruleText(s: SegmentFields, t: (k: string, o?: Record<string, unknown>) => string): string {
  return [
    s.industry.trim() || t('portfolio.segments.anyIndustry'),
    s.region.trim() || t('portfolio.segments.anyRegion'),
    s.sizeClass ? t(`size.${s.sizeClass}`) : t('portfolio.segments.anySize'),
    s.minFit === null ? t('portfolio.segments.anyFit') : t('portfolio.segments.fitAtLeast', { fit: s.minFit }),
  ].join(' · ');
}

/**
 * Segments (PRODUCT §1, seed 003): each with its TAM = target customers × average spend, the
 * revenue to expect at the win rate (labelled as such, not as the TAM), our accounts in it and
 * our penetration. The other filters narrow which of our accounts count; the segment filter does not apply here.
 */
export function SegmentsView({ data, filter }: { data: PortfolioData; filter: PortfolioFilter }) {
  const { t } = useTranslation();
  const actions = usePortfolioActions();
  const [editing, setEditing] = useState<SegmentRow | 'new' | null>(null);
  const rows = useMemo(() => filterPortfolio(data.portfolio.rows, { ...filter, segment: null }, new Map()), [data, filter]);
  const industries = useMemo(
    () => [...new Set(data.accounts.map((a) => a.industry).filter((s) => s.trim() !== ''))].sort(),
    [data.accounts],
  );
  const regions = useMemo(() => distinctValues(data.portfolio.rows, 'region'), [data]);
  const ws = data.settings;
  const currencies = [
    ws.currency,
    ...Object.keys(ws.rates)
      .filter((c) => c !== ws.currency)
      .sort(),
  ];
  const dialog = (
    <SegmentDialog
      open={editing !== null}
      segment={editing === 'new' ? null : editing}
      currencies={currencies}
      industries={industries}
      regions={regions}
      onClose={() => setEditing(null)}
      onSave={async (f) =>
        editing === 'new' || editing === null
          ? (await actions.createSegment(f)) !== undefined
          : (await actions.updateSegment(editing.id, f)) !== undefined
      }
    />
  );
  return (
    <div className="segments-view">
      <div className="view-head">
        <p className="muted">
          {t('portfolio.segments.intro')}{' '}
          <Link to={{ name: 'settings' }} className="link">
            {t('portfolio.segments.weightsLink')}
          </Link>
        </p>
        <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => setEditing('new')}>
          {t('portfolio.segments.new')}
        </Button>
      </div>
      {data.segments.length === 0 ? (
        <EmptyState
          title={t('portfolio.segments.empty.title')}
          body={t('portfolio.segments.empty.body')}
          action={<Button onClick={() => setEditing('new')}>{t('portfolio.segments.new')}</Button>}
        />
      ) : (
        <ul className="segment-list">
          {data.segments.map((s) => {
            const f = segmentFigures(s, rows, ws);
            const headingId = `segment-${s.id}`;
            return (
              <li key={s.id} className="card segment-card" aria-labelledby={headingId}>
                <header className="segment-card__head">
                  <div>
                    <h3 className="segment-card__title" id={headingId}>
                      {s.name || t('portfolio.segments.unnamed')}
                    </h3>
                    <p className="muted small">{ruleText(s, t)}</p>
                  </div>
                  <div className="segment-card__actions">
                    <IconButton
                      label={t('portfolio.segments.edit', { name: s.name })}
                      icon={<Pencil size={15} aria-hidden />}
                      onClick={() => setEditing(s)}
                    />
                    <IconButton
                      label={t('portfolio.segments.delete', { name: s.name })}
                      icon={<Trash2 size={15} aria-hidden />}
                      onClick={() => actions.deleteSegment(s.id, s.name)}
                    />
                  </div>
                </header>
                <dl className="segment-figures">
                  <div>
                    <dt>{t('portfolio.segments.tam')}</dt>
                    <dd className="strong">{formatMoney(f.tam, s.currency)}</dd>
                    <dd className="muted small">
                      {t('portfolio.segments.tamFormula', {
                        targets: formatNumber(s.targetCustomers),
                        spend: formatMoney(s.avgSpend, s.currency),
                      })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('portfolio.segments.expected', { rate: formatBp(s.winRateBp) })}</dt>
                    <dd>{formatMoney(f.expected, s.currency)}</dd>
                    <dd className="muted small">{t('portfolio.segments.expectedNote')}</dd>
                  </div>
                  <div>
                    <dt>{t('portfolio.segments.ours')}</dt>
                    <dd>
                      {f.accounts.length > 0 ? (
                        <Link to={{ name: 'portfolio', view: 'whale', filter: { ...filter, segment: s.id } }} className="link">
                          {t('portfolio.segments.accounts', { count: f.accounts.length })}
                        </Link>
                      ) : (
                        t('portfolio.segments.accounts', { count: 0 })
                      )}
                    </dd>
                    <dd className="muted small">
                      {t('portfolio.segments.ourArr', { arr: formatMoney(f.arr, ws.currency, { whole: true }) })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('portfolio.segments.penetration')}</dt>
                    <dd>
                      {f.arrPenetration === null
                        ? f.tamReporting === null
                          ? t('portfolio.segments.noRate', { currency: s.currency })
                          : '—'
                        : t('portfolio.segments.ofTam', { share: formatPercent(f.arrPenetration, 1) })}
                    </dd>
                    <dd className="muted small">
                      {f.customerPenetration === null
                        ? t('portfolio.segments.noTargets')
                        : t('portfolio.segments.ofTargets', {
                            n: formatNumber(f.accounts.length),
                            targets: formatNumber(s.targetCustomers),
                            share: formatPercent(f.customerPenetration, 1),
                          })}
                    </dd>
                  </div>
                </dl>
                {f.missingRates.length > 0 ? (
                  <p className="small text-warning">{t('portfolio.segments.missingRates', { currencies: f.missingRates.join(', ') })}</p>
                ) : null}
                <p className="muted small segment-card__source">
                  {s.targetSource ? t('portfolio.segments.sourceIs', { source: s.targetSource }) : t('portfolio.segments.noSource')}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {dialog}
    </div>
  );
}
