import { memo, useEffect, useRef, useState } from 'react';
import type { MemberStatus } from '@shared/domain/club';
import { MemberBadge } from '../../club';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp } from 'lucide-react';
import type { AccountListItem, Reporting, SortDir, SortKey } from '@shared/domain/accountList';
import { SMALL_DEAL_THRESHOLD } from '@shared/domain/account';
import type { IsoDate } from '@shared/domain/dates';
import { formatNumber, formatDate, formatPercent, formatRelative, formatRelativeDate, formatDateTime } from '../../../lib/format';
import { BucketBadge, SizeBadge } from './badges';
import { MoneyCell } from './MoneyCell';
import { Link } from '../../../ui/Link';
import { useReporting } from '../hooks/useReporting';

const ROW_H = 40;

interface Column {
  readonly key: SortKey;
  readonly label: string;
  readonly numeric?: boolean;
  /** Money columns sort in the reporting currency: the header says which. */
  readonly money?: boolean;
  readonly width: string;
}

/**
 * One row of the list. Memoised: a keystroke in the filter or a move of the active row renders
 * only the rows whose item, position or state changed, not every visible row again.
 */
const AccountRow = memo(function AccountRow(props: {
  it: AccountListItem;
  index: number;
  start: number;
  active: boolean;
  template: string;
  member: MemberStatus | undefined;
  reporting: Reporting | undefined;
  today: IsoDate;
  onSelect: (index: number) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { it, index, reporting, today, member } = props;
  const smallDeal = it.penetration !== null && it.penetration < SMALL_DEAL_THRESHOLD;
  return (
    <div
      id={`acc-row-${it.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={props.active}
      className={`grid__row ${props.active ? 'grid__row--active' : ''}`}
      style={{ gridTemplateColumns: props.template, transform: `translateY(${props.start}px)`, height: ROW_H }}
      onClick={() => props.onSelect(index)}
      onDoubleClick={() => props.onOpen(it.id)}
    >
      <div role="gridcell" className="grid__cell grid__cell--name">
        <Link to={{ name: 'account', id: it.id, tab: 'overview' }} tabIndex={-1}>
          {it.name}
        </Link>
        {/* The club badge leads the second line, so a member's row keeps the two lines of every row. */}
        <span className="cell-sub grid__sub-line">
          {member !== undefined && member !== 'alumni' ? <MemberBadge status={member} /> : null}
          <span className="grid__sub-text">{[it.industry, it.region].filter(Boolean).join(' · ')}</span>
        </span>
      </div>
      <div role="gridcell" className="grid__cell">
        {it.owner || <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="grid__cell">
        <SizeBadge size={it.sizeClass} />
      </div>
      <div role="gridcell" className="grid__cell">
        <BucketBadge bucket={it.bucket} />
      </div>
      <MoneyCell amount={it.arr} currency={it.currency} converted={it.arrReporting} reporting={reporting} />
      <MoneyCell amount={it.potentialArr} currency={it.currency} converted={it.potentialArrReporting} reporting={reporting} />
      <div
        role="gridcell"
        className={`grid__cell num ${smallDeal ? 'text-warning' : ''}`}
        title={smallDeal ? t('accounts.smallDealHint') : undefined}
      >
        {it.penetration === null ? <span className="muted">—</span> : formatPercent(it.penetration)}
      </div>
      <div role="gridcell" className="grid__cell" title={it.renewalDate ? formatDate(it.renewalDate as IsoDate) : undefined}>
        {it.renewalDate ? formatRelativeDate(it.renewalDate as IsoDate, today) : <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="grid__cell muted" title={formatDateTime(it.updatedMs)}>
        {formatRelative(it.updatedMs)}
      </div>
    </div>
  );
});

/**
 * The accounts list as an ARIA grid: virtualised (10,000 rows stay smooth), sortable
 * by every column, arrows move the active row, Enter opens it. Memoised: the filter's
 * urgent render (before the deferred one filters) leaves it alone.
 */
export const AccountsTable = memo(function AccountsTable(props: {
  items: readonly AccountListItem[];
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  onOpen: (id: string) => void;
  today: IsoDate;
  total: number;
  memberships: ReadonlyMap<string, MemberStatus>;
}) {
  const { t } = useTranslation();
  const { items, today } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const reporting = useReporting();
  const columns: Column[] = [
    { key: 'name', label: t('accounts.col.name'), width: 'minmax(180px, 2.2fr)' },
    { key: 'owner', label: t('accounts.col.owner'), width: 'minmax(100px, 1fr)' },
    { key: 'sizeClass', label: t('accounts.col.size'), width: '112px' },
    { key: 'bucket', label: t('accounts.col.bucket'), width: '136px' },
    { key: 'arr', label: t('accounts.col.arr'), numeric: true, money: true, width: 'minmax(128px, 1.1fr)' },
    { key: 'potentialArr', label: t('accounts.col.potential'), numeric: true, money: true, width: 'minmax(136px, 1.1fr)' },
    { key: 'penetration', label: t('accounts.col.penetration'), numeric: true, width: '108px' },
    { key: 'renewalDate', label: t('accounts.col.renewal'), width: '112px' },
    { key: 'updatedMs', label: t('accounts.col.updated'), width: '104px' },
  ];
  const template = columns.map((c) => c.width).join(' ');
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 12,
  });

  useEffect(() => setActive((a) => Math.min(a, Math.max(0, items.length - 1))), [items.length]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_H) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.max(0, Math.min(items.length - 1, active + moves[e.key]!));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    } else if (e.key === 'Enter' && items[active]) {
      e.preventDefault();
      props.onOpen(items[active].id);
    }
  };

  const activeItem = items[active];
  return (
    <div className="grid-wrap">
      <div
        className="grid"
        role="grid"
        aria-label={t('accounts.gridLabel')}
        aria-rowcount={items.length + 1}
        aria-colcount={columns.length}
        tabIndex={0}
        aria-activedescendant={activeItem ? `acc-row-${activeItem.id}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="grid__scroll">
          <div className="grid__head" role="rowgroup">
            <div className="grid__row grid__row--head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
              {columns.map((c) => {
                const sorted = props.sortKey === c.key;
                return (
                  <div
                    key={c.key}
                    role="columnheader"
                    aria-sort={sorted ? (props.sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}
                    className={`grid__cell ${c.numeric ? 'num' : ''}`}
                    aria-describedby={c.money && reporting ? 'acc-money-sort' : undefined}
                  >
                    <button
                      type="button"
                      className="sort-btn"
                      onClick={() => props.onSort(c.key)}
                      tabIndex={-1}
                      title={c.money && reporting ? t('accounts.col.moneySortHint', { currency: reporting.currency }) : undefined}
                    >
                      <span className="sort-btn__label">
                        <span>{c.label}</span>
                        {c.money && reporting ? (
                          <span className="sort-btn__unit" aria-hidden>
                            {t('accounts.col.inCurrency', { currency: reporting.currency })}
                          </span>
                        ) : null}
                      </span>
                      {sorted ? props.sortDir === 'asc' ? <ArrowUp size={12} aria-hidden /> : <ArrowDown size={12} aria-hidden /> : null}
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div className="grid__body" ref={scrollRef} role="rowgroup">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const it = items[v.index]!;
                // Keyed by position, not account: a filter keystroke gives the same row elements new
                // accounts to show (an update) instead of unmounting 30 rows and mounting 30 others.
                return (
                  <AccountRow
                    key={v.index}
                    it={it}
                    index={v.index}
                    start={v.start}
                    active={v.index === active}
                    template={template}
                    member={props.memberships.get(it.id)}
                    reporting={reporting}
                    today={today}
                    onSelect={setActive}
                    onOpen={props.onOpen}
                  />
                );
              })}
            </div>
          </div>
        </div>
      </div>
      {reporting ? (
        <span id="acc-money-sort" className="sr-only">
          {t('accounts.col.moneySortHint', { currency: reporting.currency })}
        </span>
      ) : null}
      <div className="grid__foot" aria-live="polite">
        {t('accounts.showing', { shown: formatNumber(items.length), total: formatNumber(props.total) })}
      </div>
    </div>
  );
});
