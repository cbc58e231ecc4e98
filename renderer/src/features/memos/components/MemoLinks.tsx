import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Scale } from 'lucide-react';
import type { RoadmapData } from '@shared/domain/roadmapView';
import type { MemoRow } from '../../../db/database';
import { Button } from '../../../ui/Button';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatDate } from '../../../lib/format';
import { useMemoActions } from '../hooks/useMemoActions';
import { useMemosFor } from '../hooks/useMemoList';
import { MemoStatusBadge } from './MemoStatusBadge';

/** Drafted from a roadmap item (which needs the roadmap to prefill its options) or from an account. */
export type MemoSource = { readonly itemId: string; readonly roadmap: RoadmapData } | { readonly accountId: string };

/** A decided memo is dated by its decision; an open one by when it is due. */
function dateText(m: MemoRow, t: TFunction): string | null {
  if (m.status === 'decided' && m.decidedOn) return t('memo.links.decided', { date: formatDate(m.decidedOn) });
  if (m.dueDate && (m.status === 'draft' || m.status === 'inReview')) return t('memo.links.due', { date: formatDate(m.dueDate) });
  return null;
}

/**
 * The memos drafted from one item or one account, as links, with the action that drafts the
 * next one: "Draft a trade-off memo" on an item, "Draft a fair exit" on an account (PRODUCT §5).
 */
export function MemoLinks({ source }: { source: MemoSource }) {
  const { t } = useTranslation();
  const headingId = useId();
  const isItem = 'itemId' in source;
  const memos = useMemosFor(isItem ? { itemId: source.itemId } : { accountId: source.accountId });
  const actions = useMemoActions();
  // One memo per click: a second click while the first intent runs would draft a twin.
  const [busy, setBusy] = useState(false);
  const draft = async () => {
    setBusy(true);
    try {
      await (isItem ? actions.draftFromItem(source.roadmap, source.itemId) : actions.draftFairExit(source.accountId));
    } finally {
      setBusy(false);
    }
  };
  const columns: Column<MemoRow>[] = [
    {
      key: 'title',
      header: t('memo.links.colMemo'),
      rowHeader: true,
      cell: (m) => <Link to={{ name: 'memo', id: m.id }}>{m.title}</Link>,
    },
    { key: 'status', header: t('memo.links.colStatus'), cell: (m) => <MemoStatusBadge status={m.status} /> },
    {
      key: 'date',
      header: t('memo.links.colDate'),
      cell: (m) => dateText(m, t) ?? <span className="muted">{t('memo.links.noDue')}</span>,
    },
  ];
  return (
    <section className="card" aria-labelledby={headingId} aria-busy={memos === undefined || undefined}>
      <div className="card__head">
        <h2 className="card__title" id={headingId}>
          {t('memo.links.title')}
        </h2>
        <Button size="sm" icon={<Scale size={14} aria-hidden />} disabled={busy} onClick={() => void draft()}>
          {isItem ? t('memo.links.draftItem') : t('memo.links.draftExit')}
        </Button>
      </div>
      {memos === undefined ? null : memos.length === 0 ? (
        <p className="muted">{isItem ? t('memo.links.emptyItem') : t('memo.links.emptyAccount')}</p>
      ) : (
        <DataTable
          card={false}
          label={isItem ? t('memo.links.labelItem') : t('memo.links.labelAccount')}
          columns={columns}
          rows={memos}
          rowKey={(m) => m.id}
        />
      )}
    </section>
  );
}
