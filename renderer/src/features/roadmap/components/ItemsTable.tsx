import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, AlertTriangle } from 'lucide-react';
import type { ItemDemand } from '@shared/domain/roadmap';
import { quarterIndex } from '@shared/domain/quarter';
import { asMinor } from '@shared/domain/money';
import { Badge } from '../../../ui/Button';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatEm, formatMoney } from '../../../lib/format';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { ImportanceBadge, StatusBadge, StrategyBadge } from './badges';

type SortKey = 'demand' | 'title' | 'quarter' | 'effort';

/** Roadmap items with their ARR-weighted demand; sorted by demand unless the user picks a column. */
export function ItemsTable({ data, demand }: { data: RoadmapRows; demand: ReadonlyMap<string, ItemDemand> }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'demand', dir: -1 });
  const rows = useMemo(() => {
    const value = (i: RoadmapRows['items'][number]): number | string => {
      switch (sort.key) {
        case 'demand':
          return demand.get(i.id)?.total ?? 0;
        case 'title':
          return i.title.toLocaleLowerCase();
        case 'quarter':
          return quarterIndex(i.plannedQuarter);
        case 'effort':
          return i.effortEm;
      }
    };
    return [...data.items].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
      return c * sort.dir || a.title.localeCompare(b.title);
    });
  }, [data.items, demand, sort]);
  const missing = new Set([...demand.values()].flatMap((d) => d.missingRates));

  const sortable = (key: SortKey, label: string) => {
    const on = sort.key === key;
    return {
      key,
      sort: on ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none',
      header: (
        <button
          type="button"
          className="sort-btn"
          onClick={() => setSort(on ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: key === 'demand' || key === 'effort' ? -1 : 1 })}
        >
          {label}
          {on ? sort.dir === 1 ? <ArrowUp size={12} aria-hidden /> : <ArrowDown size={12} aria-hidden /> : null}
        </button>
      ),
    } as const;
  };
  type Item = RoadmapRows['items'][number];
  const columns: readonly Column<Item>[] = [
    {
      ...sortable('title', t('roadmap.col.item')),
      cell: (i) => (
        <>
          <Link to={{ name: 'item', id: i.id }} className="row-link">
            {i.title}
          </Link>
          <div className="cell-sub">
            {i.theme ? <span>{i.theme}</span> : null}
            {!i.onStrategy ? <StrategyBadge onStrategy={false} /> : null}
          </div>
        </>
      ),
    },
    {
      ...sortable('quarter', t('roadmap.col.quarter')),
      className: 'nowrap',
      cell: (i) => (
        <>
          <span className="mono">{i.plannedQuarter}</span>
          {i.acceleratedFrom ? (
            <Badge tone="accent" title={t('roadmap.acceleratedFromHint', { from: i.acceleratedFrom })}>
              {t('roadmap.accelerated')}
            </Badge>
          ) : null}
        </>
      ),
    },
    { ...sortable('effort', t('roadmap.col.effort')), numeric: true, cell: (i) => formatEm(i.effortEm) },
    { key: 'status', header: t('roadmap.col.status'), cell: (i) => <StatusBadge status={i.status} /> },
    {
      key: 'requesters',
      header: t('roadmap.col.requesters'),
      cell: (i) => {
        const d = demand.get(i.id);
        return d && d.requesters.length > 0 ? (
          <ul className="requester-chips" aria-label={t('roadmap.requestersOf', { title: i.title })}>
            {d.requesters.slice(0, 3).map((r) => (
              <li key={r.accountId}>
                {r.name} <ImportanceBadge importance={r.importance} compact />
              </li>
            ))}
            {d.requesters.length > 3 ? <li className="muted">{t('roadmap.moreRequesters', { count: d.requesters.length - 3 })}</li> : null}
          </ul>
        ) : (
          <span className="muted">{t('roadmap.noRequests')}</span>
        );
      },
    },
    {
      ...sortable('demand', t('roadmap.col.demand', { currency: data.settings.currency })),
      numeric: true,
      className: 'strong',
      cell: (i) => formatMoney(demand.get(i.id)?.total ?? asMinor(0), data.settings.currency),
    },
  ];

  return (
    <>
      {missing.size > 0 ? (
        <p className="notice notice--warning" role="status">
          <AlertTriangle size={14} aria-hidden />{' '}
          {t('roadmap.missingRates', { currencies: [...missing].join(', '), currency: data.settings.currency })}
        </p>
      ) : null}
      <DataTable label={t('roadmap.itemsLabel')} columns={columns} rows={rows} rowKey={(i) => i.id} />
    </>
  );
}
