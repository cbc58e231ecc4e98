import { useTranslation } from 'react-i18next';
import { CopyPlus, Plus, Printer, Trash2 } from 'lucide-react';
import { isEditable, MAX_MEMO_TITLE, MEMO_STATUSES } from '@shared/domain/memo';
import { blankOption } from '@shared/domain/memoDraft';
import { quarterOf } from '@shared/domain/quarter';
import { useRoute } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { Link } from '../../../ui/Link';
import { formatDate } from '../../../lib/format';
import { textParser } from '../../../lib/parsers';
import { useToday } from '../../../lib/today';
import { pdfName, printDocument } from '../../../platform/print';
import { useMemoDoc } from '../hooks/useMemoDoc';
import { useMemoActions } from '../hooks/useMemoActions';
import { FairExitSection } from './FairExitSection';
import { MemoBrief } from './MemoBrief';
import { MemoDecision } from './MemoDecision';
import { MemoStatusBadge } from './MemoStatusBadge';
import { MemoViews } from './MemoViews';
import { OptionCard } from './OptionCard';

/**
 * A trade-off memo (PRODUCT §5): the either/or, its options side by side with the figures the
 * roadmap gives them, the executives' views, the recommendation and decision, and a fair exit.
 * Live while open; a decided memo is a record, shown with the figures it was decided on.
 */
export function MemoPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const doc = useMemoDoc(id);
  const actions = useMemoActions();
  const navigate = useRoute((s) => s.navigate);
  const today = useToday();
  if (doc === undefined) return <div className="page page--loading" aria-busy="true" />;
  if (doc === null)
    return (
      <div className="page page--center">
        <EmptyState
          level={1}
          title={t('memo.missingTitle')}
          body={t('memo.missingBody')}
          action={<Button onClick={() => navigate({ name: 'memos' })}>{t('memo.back')}</Button>}
        />
      </div>
    );
  const { memo, options, roadmap } = doc;
  const open = isEditable(memo.status);
  const frozen = memo.decidedFigures;
  const currency = frozen?.currency ?? doc.currency;
  const item = memo.itemId ? roadmap.items.find((i) => i.id === memo.itemId) : undefined;
  const account = memo.accountId ? roadmap.accounts.get(memo.accountId) : undefined;
  const print = () => void printDocument('memo', id, pdfName(memo.title));
  return (
    <div className="page page--account memo-page">
      <header className="account-head">
        <div className="account-head__top">
          <div className="account-head__title">
            <p className="eyebrow">
              {t('memo.eyebrow')}
              {item ? (
                <>
                  {' · '}
                  <Link to={{ name: 'item', id: item.id }}>{item.title}</Link>
                </>
              ) : account ? (
                <>
                  {' · '}
                  <Link to={{ name: 'account', id: account.id, tab: 'overview' }}>{account.name}</Link>
                </>
              ) : null}
            </p>
            <h1 className={open ? 'sr-only' : 'page-title'}>{memo.title}</h1>
            {open ? (
              <InlineInput
                className="title-field"
                label={t('memo.field.title')}
                hideLabel
                saved={memo.title}
                parse={textParser({ required: true, max: MAX_MEMO_TITLE })}
                onCommit={(title: string) => void actions.update(id, { title })}
              />
            ) : null}
            <div className="account-head__meta">
              <MemoStatusBadge status={memo.status} />
              {memo.dueDate && open ? <span className="muted">{t('memo.dueOn', { date: formatDate(memo.dueDate) })}</span> : null}
              {memo.supersedes ? (
                <span className="muted">
                  {t('memo.supersedes')}{' '}
                  {doc.supersedes ? <Link to={{ name: 'memo', id: doc.supersedes.id }}>{doc.supersedes.title}</Link> : t('memo.goneMemo')}
                </span>
              ) : null}
              {memo.supersededBy ? (
                <span className="muted">
                  {t('memo.supersededBy')}{' '}
                  {doc.supersededBy ? (
                    <Link to={{ name: 'memo', id: doc.supersededBy.id }}>{doc.supersededBy.title}</Link>
                  ) : (
                    t('memo.goneMemo')
                  )}
                </span>
              ) : null}
            </div>
          </div>
          <div className="page-head__actions">
            {open ? (
              <>
                <label className="sr-only" htmlFor="memo-status">
                  {t('memo.field.status')}
                </label>
                <select
                  id="memo-status"
                  className="input select"
                  value={memo.status}
                  onChange={(e) => void actions.setStatus(id, e.target.value === 'inReview' ? 'inReview' : 'draft')}
                >
                  {MEMO_STATUSES.filter((s) => s === 'draft' || s === 'inReview').map((s) => (
                    <option key={s} value={s}>
                      {t(`memo.status.${s}`)}
                    </option>
                  ))}
                </select>
              </>
            ) : null}
            <Button icon={<Printer size={15} aria-hidden />} onClick={print}>
              {t('memo.print')}
            </Button>
            {memo.status === 'decided' ? (
              <Button
                icon={<CopyPlus size={15} aria-hidden />}
                onClick={() => void actions.supersede(id, t('memo.supersedeTitle', { title: memo.title }).slice(0, MAX_MEMO_TITLE))}
              >
                {t('memo.supersede')}
              </Button>
            ) : null}
            {open ? (
              <Button variant="ghost" icon={<Trash2 size={15} aria-hidden />} onClick={() => void actions.remove(id, memo.title)}>
                {t('memo.delete')}
              </Button>
            ) : null}
          </div>
        </div>
        {!open ? (
          <p className="memo-record muted small">{t(memo.status === 'superseded' ? 'memo.recordSuperseded' : 'memo.record')}</p>
        ) : null}
      </header>
      <MemoBrief memo={memo} roadmap={roadmap} readOnly={!open} />
      <section className="memo-options" aria-labelledby="memo-options-h">
        <div className="section-head">
          <h2 className="section-title" id="memo-options-h">
            {t('memo.options.title', { count: options.length })}
          </h2>
          {open ? (
            <Button
              size="sm"
              icon={<Plus size={14} aria-hidden />}
              onClick={() =>
                void actions.addOption(id, { ...blankOption(quarterOf(today)), name: t('memo.options.newName', { n: options.length + 1 }) })
              }
            >
              {t('memo.options.add')}
            </Button>
          ) : null}
        </div>
        <div className={`memo-options__grid memo-options__grid--${Math.min(options.length, 3)}`}>
          {options.map((o, i) => (
            <OptionCard
              key={o.id}
              option={o}
              figures={frozen ? null : (doc.figures[i] ?? null)}
              frozen={frozen ? (frozen.options.find((f) => f.id === o.id) ?? null) : null}
              roadmap={roadmap}
              currency={currency}
              readOnly={!open}
              canRemove={options.length > 2}
              recommended={memo.recommendedOptionId === o.id}
              chosen={memo.chosenOptionId === o.id}
            />
          ))}
        </div>
      </section>
      <MemoViews memoId={id} views={doc.views} unheard={doc.unheard} readOnly={!open} />
      <FairExitSection memoId={id} exits={doc.exits} accounts={roadmap.accounts} draftAccountId={memo.accountId} readOnly={!open} />
      <MemoDecision doc={doc} />
    </div>
  );
}
