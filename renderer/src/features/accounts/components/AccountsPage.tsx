import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Building2, FileUp, Plus, Search, Sparkles } from 'lucide-react';
import { BUCKETS, SIZE_CLASSES, type Bucket, type SizeClass } from '@shared/domain/account';
import {
  EMPTY_FILTER,
  filterAccounts,
  ownersOf,
  sortAccounts,
  type AccountFilter,
  type SortDir,
  type SortKey,
} from '@shared/domain/accountList';
import { useRoute } from '../../../stores/route';
import { useUi } from '../../../stores/ui';
import { useToday } from '../../../lib/today';
import { Button, EmptyState, Kbd } from '../../../ui/Button';
import { useAccountList } from '../hooks/useAccounts';
import { useLoadSample } from '../hooks/useLoadSample';
import { AccountsTable } from './AccountsTable';
import { useMemberships } from '../../club';
import { ariaKeysOf, keysOf } from '../../../lib/keys';
import { useCommand } from '../../../stores/commands';
import { formatNumber } from '../../../lib/format';

/** The accounts list: filter, sort, open; the welcome screen when there is nothing yet. */
export function AccountsPage() {
  const { t } = useTranslation();
  const items = useAccountList();
  const today = useToday();
  const navigate = useRoute((s) => s.navigate);
  const openNew = useUi((s) => s.setNewAccountOpen);
  const findSeq = useUi((s) => s.findSeq);
  const sample = useLoadSample();
  const memberships = useMemberships();
  const [filter, setFilter] = useState<AccountFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'name', dir: 'asc' });
  const filterRef = useRef<HTMLInputElement>(null);
  const deferredFilter = useDeferredValue(filter);

  useEffect(() => {
    if (findSeq > 0) filterRef.current?.focus();
  }, [findSeq]);
  useCommand('accounts:filter', () => filterRef.current?.focus());

  const owners = useMemo(() => (items ? ownersOf(items) : []), [items]);
  // Sort once per data or column change; a keystroke only filters the sorted list (filter keeps order).
  const sorted = useMemo(() => (items ? sortAccounts(items, sort.key, sort.dir) : []), [items, sort]);
  const shown = useMemo(() => filterAccounts(sorted, deferredFilter), [sorted, deferredFilter]);
  // Stable, so the memoised table skips the filter's urgent render and rows keep their memo.
  const onOpen = useCallback((id: string) => navigate({ name: 'account', id, tab: 'overview' }), [navigate]);
  const onSort = useCallback(
    (key: SortKey) =>
      setSort((s) => ({
        key,
        dir: s.key === key && s.dir === 'asc' ? 'desc' : s.key === key ? 'asc' : key === 'name' || key === 'owner' ? 'asc' : 'desc',
      })),
    [],
  );

  if (items === undefined) return <div className="page page--loading" aria-busy="true" />;

  if (items.length === 0) {
    return (
      <div className="page page--center">
        <EmptyState
          icon={<Building2 size={28} aria-hidden />}
          level={1}
          title={t('accounts.empty.title')}
          body={t('accounts.empty.body')}
          action={
            <>
              <Button variant="primary" icon={<Sparkles size={15} aria-hidden />} onClick={() => void sample.request()}>
                {t('accounts.empty.loadSample')}
              </Button>
              <Button icon={<Plus size={15} aria-hidden />} onClick={() => openNew(true)}>
                {t('accounts.new')}
              </Button>
              <Button icon={<FileUp size={15} aria-hidden />} onClick={() => navigate({ name: 'import' })}>
                {t('csv.import.button')}
              </Button>
            </>
          }
        />
        {sample.dialog}
      </div>
    );
  }

  const active = filter.text !== '' || filter.sizeClass !== null || filter.bucket !== null || filter.owner !== null;

  return (
    <div className="page page--list">
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('accounts.title')}</h1>
          <p className="page-sub">{t('accounts.count', { count: items.length, formatted: formatNumber(items.length) })}</p>
        </div>
        <div className="page-head__actions">
          <Button icon={<FileUp size={15} aria-hidden />} onClick={() => navigate({ name: 'import' })}>
            {t('csv.import.button')}
          </Button>
          <Button
            variant="primary"
            icon={<Plus size={15} aria-hidden />}
            onClick={() => openNew(true)}
            aria-keyshortcuts={ariaKeysOf('account:new')}
          >
            {t('accounts.new')} <Kbd>{keysOf('account:new')}</Kbd>
          </Button>
        </div>
      </div>
      <div className="filters" role="search">
        <div className="search-box">
          <Search size={14} aria-hidden />
          <input
            ref={filterRef}
            className="input"
            type="search"
            aria-label={t('accounts.filter.text')}
            placeholder={t('accounts.filter.placeholder')}
            value={filter.text}
            onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || (e.key === 'Enter' && shown.length > 0)) {
                e.preventDefault();
                if (e.key === 'Enter' && shown.length === 1) navigate({ name: 'account', id: shown[0]!.id, tab: 'overview' });
                else (document.querySelector('[role="grid"]') as HTMLElement | null)?.focus();
              } else if (e.key === 'Escape') setFilter((f) => ({ ...f, text: '' }));
            }}
          />
          <Kbd>/</Kbd>
        </div>
        <select
          className="input select"
          aria-label={t('accounts.filter.size')}
          value={filter.sizeClass ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, sizeClass: (e.target.value || null) as SizeClass | null }))}
        >
          <option value="">{t('accounts.filter.anySize')}</option>
          {SIZE_CLASSES.map((s) => (
            <option key={s} value={s}>
              {t(`size.${s}`)}
            </option>
          ))}
        </select>
        <select
          className="input select"
          aria-label={t('accounts.filter.bucket')}
          value={filter.bucket ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, bucket: e.target.value ? (Number(e.target.value) as Bucket) : null }))}
        >
          <option value="">{t('accounts.filter.anyBucket')}</option>
          {BUCKETS.map((b) => (
            <option key={b} value={b}>
              {b} · {t(`bucket.${b}Short`)}
            </option>
          ))}
        </select>
        <select
          className="input select"
          aria-label={t('accounts.filter.owner')}
          value={filter.owner ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, owner: e.target.value || null }))}
        >
          <option value="">{t('accounts.filter.anyOwner')}</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {active ? (
          <Button variant="ghost" size="sm" onClick={() => setFilter(EMPTY_FILTER)}>
            {t('accounts.filter.clear')}
          </Button>
        ) : null}
      </div>
      {shown.length === 0 ? (
        <EmptyState
          title={t('accounts.noMatch.title')}
          body={t('accounts.noMatch.body')}
          action={<Button onClick={() => setFilter(EMPTY_FILTER)}>{t('accounts.filter.clear')}</Button>}
        />
      ) : (
        <AccountsTable
          memberships={memberships}
          items={shown}
          total={items.length}
          sortKey={sort.key}
          sortDir={sort.dir}
          onSort={onSort}
          onOpen={onOpen}
          today={today}
        />
      )}
    </div>
  );
}
