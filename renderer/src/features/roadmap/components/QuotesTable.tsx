import { useTranslation } from 'react-i18next';
import { AlertTriangle } from 'lucide-react';
import { evaluateInRoadmap } from '@shared/domain/roadmapView';
import type { QuoteRow } from '../../../db/database';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
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
  const titles = new Map(data.items.map((i) => [i.id, i.title]));
  const rows = [...quotes].sort(
    (a, b) => (titles.get(a.itemId) ?? '').localeCompare(titles.get(b.itemId) ?? '') || a.name.localeCompare(b.name),
  );
  const evaluated = new Map(rows.map((q) => [q.id, evaluateInRoadmap(data, q)]));
  const columns: Column<QuoteRow>[] = [
    {
      key: 'quote',
      header: t('quote.col.quote'),
      cell: (q) => (
        <>
          <Link to={{ name: 'quote', id: q.id }} className="row-link">
            {hideItem ? q.name : (titles.get(q.itemId) ?? t('quote.missingItem'))}
          </Link>
          {hideItem ? null : <div className="cell-sub">{q.name}</div>}
        </>
      ),
    },
    {
      key: 'shift',
      header: t('quote.col.shift'),
      className: 'nowrap mono',
      cell: (q) => (
        <>
          {q.fromQuarter} <span aria-label={t('quote.pulledTo')}>→</span> {q.targetQuarter}
        </>
      ),
    },
    {
      key: 'funders',
      header: t('quote.col.funders'),
      cell: (q) => q.funders.map((f) => data.accounts.get(f.accountId)?.name ?? t('quote.deletedAccount')).join(', '),
    },
    { key: 'status', header: t('quote.col.status'), cell: (q) => <QuoteStatusBadge status={q.status} /> },
    {
      key: 'price',
      header: t('quote.col.price'),
      numeric: true,
      className: 'strong',
      cell: (q) => {
        const ev = evaluated.get(q.id);
        return ev ? formatMoney(ev.price.price, q.currency, { exact: true }) : '—';
      },
    },
  ];
  if (forAccount)
    columns.push({
      key: 'accountPays',
      header: t('quote.col.accountPays'),
      numeric: true,
      cell: (q) => {
        const part = evaluated.get(q.id)?.split?.parts.find((p) => p.accountId === forAccount);
        return part ? formatMoney(part.amount, q.currency, { exact: true }) : '—';
      },
    });
  columns.push({
    key: 'warnings',
    header: t('quote.col.warnings'),
    cell: (q) => {
      const ev = evaluated.get(q.id);
      return ev && ev.guardrails.length > 0 ? (
        <span className={ev.blocked ? 'text-danger' : 'text-warning'}>
          <AlertTriangle size={13} aria-hidden /> {t('quote.warningsCount', { count: ev.guardrails.length })}
        </span>
      ) : (
        <span className="muted">{t('quote.noWarnings')}</span>
      );
    },
  });
  return <DataTable label={t('quote.listLabel')} columns={columns} rows={rows} rowKey={(q) => q.id} />;
}
