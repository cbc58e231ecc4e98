import { useTranslation } from 'react-i18next';
import { AlertTriangle } from 'lucide-react';
import { evaluateInRoadmap } from '@shared/domain/roadmapView';
import type { QuoteRow } from '../../../db/database';
import { useRoute } from '../../../stores/route';
import { formatMoney } from '../../../lib/format';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { QuoteStatusBadge } from './badges';

/** Quotes with their shift, funders, price and how many guardrails they trip. */
export function QuotesTable({
  data,
  quotes,
  hideItem,
  forAccount,
}: {
  data: RoadmapRows;
  quotes: readonly QuoteRow[];
  hideItem?: boolean;
  forAccount?: string;
}) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  const titles = new Map(data.items.map((i) => [i.id, i.title]));
  const rows = [...quotes].sort(
    (a, b) => (titles.get(a.itemId) ?? '').localeCompare(titles.get(b.itemId) ?? '') || a.name.localeCompare(b.name),
  );
  return (
    <div className="table-card">
      <table className="data-table" aria-label={t('quote.listLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('quote.col.quote')}</th>
            <th scope="col">{t('quote.col.shift')}</th>
            <th scope="col">{t('quote.col.funders')}</th>
            <th scope="col">{t('quote.col.status')}</th>
            <th scope="col" className="num">
              {t('quote.col.price')}
            </th>
            {forAccount ? (
              <th scope="col" className="num">
                {t('quote.col.accountPays')}
              </th>
            ) : null}
            <th scope="col">{t('quote.col.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((q) => {
            const ev = evaluateInRoadmap(data, q);
            const part = forAccount ? ev.split?.parts.find((p) => p.accountId === forAccount) : undefined;
            return (
              <tr key={q.id}>
                <td>
                  <a
                    href={`#/quotes/${q.id}`}
                    className="row-link"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'quote', id: q.id });
                    }}
                  >
                    {hideItem ? q.name : (titles.get(q.itemId) ?? t('quote.missingItem'))}
                  </a>
                  {hideItem ? null : <div className="cell-sub">{q.name}</div>}
                </td>
                <td className="nowrap mono">
                  {q.fromQuarter} <span aria-label={t('quote.pulledTo')}>→</span> {q.targetQuarter}
                </td>
                <td>{q.funders.map((f) => data.accounts.get(f.accountId)?.name ?? t('quote.deletedAccount')).join(', ')}</td>
                <td>
                  <QuoteStatusBadge status={q.status} />
                </td>
                <td className="num strong">{formatMoney(ev.price.price, q.currency, { exact: true })}</td>
                {forAccount ? <td className="num">{part ? formatMoney(part.amount, q.currency, { exact: true }) : '—'}</td> : null}
                <td>
                  {ev.guardrails.length > 0 ? (
                    <span className={ev.blocked ? 'text-danger' : 'text-warning'}>
                      <AlertTriangle size={13} aria-hidden /> {t('quote.warningsCount', { count: ev.guardrails.length })}
                    </span>
                  ) : (
                    <span className="muted">{t('quote.noWarnings')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
