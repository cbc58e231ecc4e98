import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus, Scale } from 'lucide-react';
import type { MemoRow } from '../../../db/database';
import { Button, EmptyState } from '../../../ui/Button';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatDate, formatRelative } from '../../../lib/format';
import { stampTime } from '@shared/sync/hlc';
import { useRoadmapData } from '../../roadmap';
import { useMemoList } from '../hooks/useMemoList';
import { MemoStatusBadge } from './MemoStatusBadge';
import { NewMemoDialog } from './NewMemoDialog';

/** The product manager's trade-off memos (PRODUCT §5): every either/or, open or decided. */
export function MemosPage() {
  const { t } = useTranslation();
  const memos = useMemoList();
  const roadmap = useRoadmapData();
  const [creating, setCreating] = useState(false);
  if (!memos) return <div className="page page--loading" aria-busy="true" />;
  const source = (m: MemoRow) => {
    if (m.itemId) {
      const item = roadmap?.items.find((i) => i.id === m.itemId);
      return item ? <Link to={{ name: 'item', id: item.id }}>{item.title}</Link> : <span className="muted">{t('memo.list.goneItem')}</span>;
    }
    if (m.accountId) {
      const a = roadmap?.accounts.get(m.accountId);
      return a ? (
        <Link to={{ name: 'account', id: a.id, tab: 'overview' }}>{a.name}</Link>
      ) : (
        <span className="muted">{t('memo.list.goneAccount')}</span>
      );
    }
    return <span className="muted">—</span>;
  };
  const columns: Column<MemoRow>[] = [
    {
      key: 'title',
      header: t('memo.list.col.title'),
      rowHeader: true,
      cell: (m) => <Link to={{ name: 'memo', id: m.id }}>{m.title}</Link>,
    },
    { key: 'status', header: t('memo.list.col.status'), cell: (m) => <MemoStatusBadge status={m.status} /> },
    { key: 'source', header: t('memo.list.col.source'), cell: source },
    { key: 'driver', header: t('memo.list.col.driver'), cell: (m) => m.driver || <span className="muted">—</span> },
    {
      key: 'due',
      header: t('memo.list.col.due'),
      cell: (m) => {
        const d = m.status === 'decided' || m.status === 'superseded' ? m.decidedOn : m.dueDate;
        return d ? formatDate(d) : <span className="muted">—</span>;
      },
    },
    { key: 'updated', header: t('memo.list.col.updated'), cell: (m) => formatRelative(stampTime(m.updatedAt)) },
  ];
  return (
    <div className="page memos-page">
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('memo.list.title')}</h1>
          <p className="page-sub">{t('memo.list.sub')}</p>
        </div>
        <div className="page-head__actions">
          <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => setCreating(true)}>
            {t('memo.list.new')}
          </Button>
        </div>
      </header>
      {memos.length === 0 ? (
        <EmptyState
          icon={<Scale size={28} aria-hidden />}
          title={t('memo.list.emptyTitle')}
          body={t('memo.list.emptyBody')}
          action={
            <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => setCreating(true)}>
              {t('memo.list.new')}
            </Button>
          }
        />
      ) : (
        <DataTable label={t('memo.list.label')} columns={columns} rows={memos} rowKey={(m) => m.id} />
      )}
      <NewMemoDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
