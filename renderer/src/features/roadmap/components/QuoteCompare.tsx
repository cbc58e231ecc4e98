import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateInRoadmap } from '@shared/domain/roadmapView';
import type { CalcLine } from '@shared/domain/acceleration';
import { useRoute } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { formatBp, formatEm, formatMoney } from '../../../lib/format';
import { useRoadmapData } from '../hooks/useRoadmapData';
import { guardrailText, lineLabel } from '../quoteText';
import { QuoteStatusBadge } from './badges';
import { Link } from '../../../ui/Link';

const LINE_ORDER: ReadonlyArray<CalcLine['key']> = [
  'staffing',
  'rampUp',
  'pmQa',
  'subtotal',
  'contingency',
  'cost',
  'margin',
  'waived',
  'price',
];

/** Quote variants side by side: the same lines in columns, so the difference is one glance. */
export function QuoteCompare({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const navigate = useRoute((s) => s.navigate);
  const cols = useMemo(() => {
    if (!data) return [];
    return ids.flatMap((id) => {
      const q = data.quotes.find((x) => x.id === id);
      return q ? [{ q, ev: evaluateInRoadmap(data, q) }] : [];
    });
  }, [data, ids]);
  if (!data) return <div className="page page--loading" aria-busy="true" />;
  if (cols.length === 0)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('quote.missingTitle')}
          body={t('quote.missingBody')}
          action={<Button onClick={() => navigate({ name: 'roadmap', view: 'quotes' })}>{t('roadmap.backToRoadmap')}</Button>}
        />
      </div>
    );
  const keys = LINE_ORDER.filter((k) => cols.some((c) => c.ev.price.lines.some((l) => l.key === k)));
  const funders = [...new Set(cols.flatMap((c) => c.q.funders.map((f) => f.accountId)))];
  const cheapest = Math.min(...cols.map((c) => c.ev.price.price));
  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('quote.compareTitle')}</h1>
          <p className="page-sub">{data.items.find((i) => i.id === cols[0]!.q.itemId)?.title}</p>
        </div>
      </header>
      <div className="table-card">
        <table className="data-table compare" aria-label={t('quote.compareTitle')}>
          <thead>
            <tr>
              <td />
              {cols.map(({ q }) => (
                <th key={q.id} scope="col" className="num">
                  <Link to={{ name: 'quote', id: q.id }}>{q.name}</Link>
                  <div>
                    <QuoteStatusBadge status={q.status} />
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('quote.col.shift')}</th>
              {cols.map(({ q }) => (
                <td key={q.id} className="num mono">
                  {q.fromQuarter} → {q.targetQuarter}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('quote.field.staffing')}</th>
              {cols.map(({ q }) => (
                <td key={q.id} className="num">
                  {t(`quote.staffing.${q.staffing}`)} · {t('roadmap.emValue', { value: formatEm(q.effortEm) })}
                </td>
              ))}
            </tr>
            {keys.map((k) => (
              <tr key={k} className={k === 'cost' || k === 'price' ? 'calc__line--total' : undefined}>
                <th scope="row">
                  {lineLabel(
                    cols.flatMap((c) => c.ev.price.lines).find((l) => l.key === k)!,
                    cols[0]!.q.currency,
                    t,
                  ).label.replace(/\s*\(.*\)$/, '')}
                </th>
                {cols.map(({ q, ev }) => {
                  const line = ev.price.lines.find((l) => l.key === k);
                  return (
                    <td key={q.id} className="num" title={line ? lineLabel(line, q.currency, t).formula : undefined}>
                      {line ? formatMoney(line.amount, q.currency, { exact: true }) : '—'}
                      {k === 'margin' ? <div className="cell-sub">{formatBp(q.marginBp)}</div> : null}
                      {k === 'price' && ev.price.price === cheapest && cols.length > 1 ? (
                        <div className="cell-sub text-success">{t('quote.cheapest')}</div>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
            {funders.map((fid) => (
              <tr key={fid}>
                <th scope="row">{t('quote.paysLabel', { name: data.accounts.get(fid)?.name ?? t('quote.deletedAccount') })}</th>
                {cols.map(({ q, ev }) => {
                  const part = ev.split?.parts.find((p) => p.accountId === fid);
                  return (
                    <td key={q.id} className="num">
                      {part ? formatMoney(part.amount, q.currency, { exact: true }) : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('quote.guardrails')}</th>
              {cols.map(({ q, ev }) => (
                <td key={q.id} className="compare__guards">
                  {ev.guardrails.length === 0 ? (
                    <span className="text-success">{t('quote.guard.none')}</span>
                  ) : (
                    <ul>
                      {ev.guardrails.map((g, i) => (
                        <li key={i} className={g.blocking ? 'text-danger' : 'text-warning'} title={guardrailText(g, t, q.currency)}>
                          {t(`quote.guardTitle.${g.id}`)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
