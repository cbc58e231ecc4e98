import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowDown, ArrowUp, AlertTriangle } from 'lucide-react';
import type { ItemDemand } from '@shared/domain/roadmap';
import { quarterIndex } from '@shared/domain/quarter';
import { asMinor } from '@shared/domain/money';
import { useRoute } from '../../../stores/route';
import { Badge } from '../../../ui/Button';
import { formatEm, formatMoney } from '../../../lib/format';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { ImportanceBadge, StatusBadge, StrategyBadge } from './badges';

type SortKey = 'demand' | 'title' | 'quarter' | 'effort';

/** Roadmap items with their ARR-weighted demand; sorted by demand unless the user picks a column. */
export function ItemsTable({ data, demand }: { data: RoadmapRows; demand: ReadonlyMap<string, ItemDemand> }) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
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

  const header = (key: SortKey, label: string, num = false) => {
    const on = sort.key === key;
    return (
      <th scope="col" className={num ? 'num' : undefined} aria-sort={on ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort-btn"
          onClick={() => setSort(on ? { key, dir: sort.dir === 1 ? -1 : 1 } : { key, dir: key === 'demand' || key === 'effort' ? -1 : 1 })}
        >
          {label}
          {on ? sort.dir === 1 ? <ArrowUp size={12} aria-hidden /> : <ArrowDown size={12} aria-hidden /> : null}
        </button>
      </th>
    );
  };

  return (
    <>
      {missing.size > 0 ? (
        <p className="notice notice--warning" role="status">
          <AlertTriangle size={14} aria-hidden />{' '}
          {t('roadmap.missingRates', { currencies: [...missing].join(', '), currency: data.settings.currency })}
        </p>
      ) : null}
      <div className="table-card">
        <table className="data-table" aria-label={t('roadmap.itemsLabel')}>
          <thead>
            <tr>
              {header('title', t('roadmap.col.item'))}
              {header('quarter', t('roadmap.col.quarter'))}
              {header('effort', t('roadmap.col.effort'), true)}
              <th scope="col">{t('roadmap.col.status')}</th>
              <th scope="col">{t('roadmap.col.requesters')}</th>
              {header('demand', t('roadmap.col.demand', { currency: data.settings.currency }), true)}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const d = demand.get(i.id);
              return (
                <tr key={i.id}>
                  <td>
                    <a
                      href={`#/roadmap/item/${i.id}`}
                      className="row-link"
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ name: 'item', id: i.id });
                      }}
                    >
                      {i.title}
                    </a>
                    <div className="cell-sub">
                      {i.theme ? <span>{i.theme}</span> : null}
                      {!i.onStrategy ? <StrategyBadge onStrategy={false} /> : null}
                    </div>
                  </td>
                  <td className="nowrap">
                    <span className="mono">{i.plannedQuarter}</span>
                    {i.acceleratedFrom ? (
                      <Badge tone="accent" title={t('roadmap.acceleratedFromHint', { from: i.acceleratedFrom })}>
                        {t('roadmap.accelerated')}
                      </Badge>
                    ) : null}
                  </td>
                  <td className="num">{formatEm(i.effortEm)}</td>
                  <td>
                    <StatusBadge status={i.status} />
                  </td>
                  <td>
                    {d && d.requesters.length > 0 ? (
                      <ul className="requester-chips" aria-label={t('roadmap.requestersOf', { title: i.title })}>
                        {d.requesters.slice(0, 3).map((r) => (
                          <li key={r.accountId}>
                            {r.name} <ImportanceBadge importance={r.importance} compact />
                          </li>
                        ))}
                        {d.requesters.length > 3 ? (
                          <li className="muted">{t('roadmap.moreRequesters', { count: d.requesters.length - 3 })}</li>
                        ) : null}
                      </ul>
                    ) : (
                      <span className="muted">{t('roadmap.noRequests')}</span>
                    )}
                  </td>
                  <td className="num strong">{formatMoney(d?.total ?? asMinor(0), data.settings.currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
