import { useTranslation } from 'react-i18next';
import { costToServe, profitContribution } from '@shared/domain/account';
import { MAX_MEMO_LINE, MAX_MEMO_TEXT, MAX_MEMO_TITLE, parseNames, type MemoFields } from '@shared/domain/memo';
import { accountRoadmapFacts } from '@shared/domain/roadmapView';
import type { MemoRow } from '../../../db/database';
import { InlineInput, InlineTextarea } from '../../../ui/fields';
import { Link } from '../../../ui/Link';
import { formatDate, formatMoney } from '../../../lib/format';
import { dateParser, textParser, type Parsed } from '../../../lib/parsers';
import type { RoadmapRows } from '../../roadmap';
import { useMemoActions } from '../hooks/useMemoActions';
import { ReadField } from './ReadField';

const namesParser = (s: string): Parsed<string[]> => ({ ok: true, value: parseNames(s) });

/** The decision's framing: the question, context and drivers, when it is due, and who plays which part (DACI). */
export function MemoBrief({ memo, roadmap, readOnly }: { memo: MemoRow; roadmap: RoadmapRows; readOnly: boolean }) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const save = (patch: Partial<MemoFields>) => void actions.update(memo.id, patch);
  const long = (key: 'question' | 'context' | 'drivers', max: number, rows: number) =>
    readOnly ? (
      <ReadField label={t(`memo.field.${key}`)} className="span-2">
        <p className="prewrap">{memo[key]}</p>
      </ReadField>
    ) : (
      <InlineTextarea
        className="span-2"
        label={t(`memo.field.${key}`)}
        saved={memo[key]}
        rows={rows}
        maxLength={max}
        tooLong={t('validation.tooLong', { max })}
        placeholder={t(`memo.placeholder.${key}`)}
        onCommit={(v) => save({ [key]: v })}
      />
    );
  const person = (key: 'driver' | 'approver') =>
    readOnly ? (
      <ReadField label={t(`memo.field.${key}`)}>{memo[key]}</ReadField>
    ) : (
      <InlineInput
        label={t(`memo.field.${key}`)}
        saved={memo[key]}
        parse={textParser({ max: MAX_MEMO_TITLE })}
        onCommit={(v: string) => save({ [key]: v })}
      />
    );
  const people = (key: 'contributors' | 'informed') =>
    readOnly ? (
      <ReadField label={t(`memo.field.${key}`)}>{memo[key].join(', ')}</ReadField>
    ) : (
      <InlineInput
        label={t(`memo.field.${key}`)}
        saved={memo[key].join(', ')}
        parse={namesParser}
        onCommit={(v: string[]) => save({ [key]: v })}
        hint={t('memo.field.namesHint')}
      />
    );
  return (
    <section className="card memo-brief" aria-labelledby="memo-brief-h">
      <h2 className="card__title" id="memo-brief-h">
        {t('memo.brief.title')}
      </h2>
      <div className="form-grid form-grid--2">
        {long('question', MAX_MEMO_LINE, 2)}
        {long('context', MAX_MEMO_TEXT, 3)}
        {long('drivers', MAX_MEMO_TEXT, 3)}
        {readOnly ? (
          <ReadField label={t('memo.field.due')}>{formatDate(memo.dueDate)}</ReadField>
        ) : (
          <InlineInput
            label={t('memo.field.due')}
            type="date"
            saved={memo.dueDate ?? ''}
            parse={dateParser()}
            onCommit={(dueDate) => save({ dueDate })}
          />
        )}
        <span />
        {person('driver')}
        {person('approver')}
        {people('contributors')}
        {people('informed')}
      </div>
      <SourceFacts memo={memo} roadmap={roadmap} />
    </section>
  );
}

/** What the memo was drafted from, live: the item's plan and demand, or the account's money, bucket, requests and committed work. */
function SourceFacts({ memo, roadmap }: { memo: MemoRow; roadmap: RoadmapRows }) {
  const { t } = useTranslation();
  const cur = roadmap.settings.currency;
  if (memo.accountId) {
    const a = roadmap.accounts.get(memo.accountId);
    if (!a) return <p className="text-warning small">{t('memo.list.goneAccount')}</p>;
    const requested = roadmap.requests
      .filter((r) => r.accountId === a.id)
      .map((r) => roadmap.items.find((i) => i.id === r.itemId)?.title ?? '');
    const committed = accountRoadmapFacts(roadmap, a.id).committedItems;
    const profit = profitContribution(a);
    return (
      <dl className="memo-facts" aria-label={t('memo.facts.accountLabel', { account: a.name })}>
        <div>
          <dt>{t('memo.facts.account')}</dt>
          <dd>
            <Link to={{ name: 'account', id: a.id, tab: 'overview' }}>{a.name}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('memo.facts.arr')}</dt>
          <dd className="num">{formatMoney(a.arr, a.currency, { whole: true })}</dd>
        </div>
        <div>
          <dt>{t('memo.facts.costToServe')}</dt>
          <dd className="num">{formatMoney(costToServe(a).total, a.currency, { whole: true })}</dd>
        </div>
        <div>
          <dt>{t('memo.facts.profit')}</dt>
          <dd className={`num ${profit < 0 ? 'text-danger' : ''}`}>{formatMoney(profit, a.currency, { whole: true })}</dd>
        </div>
        <div>
          <dt>{t('memo.facts.bucket')}</dt>
          <dd>{a.bucket === null ? t('bucket.none') : t(`bucket.${a.bucket}Short`)}</dd>
        </div>
        <div className="memo-facts__wide">
          <dt>{t('memo.facts.evidence')}</dt>
          <dd>{a.bucketEvidence || <span className="muted">—</span>}</dd>
        </div>
        <div className="memo-facts__wide">
          <dt>{t('memo.facts.requests')}</dt>
          <dd>{requested.length ? requested.join(', ') : <span className="muted">{t('memo.facts.none')}</span>}</dd>
        </div>
        <div className="memo-facts__wide">
          <dt>{t('memo.facts.committed')}</dt>
          <dd>{committed.length ? committed.join(', ') : <span className="muted">{t('memo.facts.none')}</span>}</dd>
        </div>
      </dl>
    );
  }
  if (memo.itemId) {
    const item = roadmap.items.find((i) => i.id === memo.itemId);
    if (!item) return <p className="text-warning small">{t('memo.list.goneItem')}</p>;
    const requesters = new Set(roadmap.requests.filter((r) => r.itemId === item.id).map((r) => r.accountId)).size;
    return (
      <dl className="memo-facts" aria-label={t('memo.facts.itemLabel', { item: item.title })}>
        <div>
          <dt>{t('memo.facts.item')}</dt>
          <dd>
            <Link to={{ name: 'item', id: item.id }}>{item.title}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('memo.facts.planned')}</dt>
          <dd className="mono">{item.plannedQuarter}</dd>
        </div>
        <div>
          <dt>{t('memo.facts.requesters')}</dt>
          <dd className="num">{requesters}</dd>
        </div>
        <div>
          <dt>{t('memo.facts.currency')}</dt>
          <dd>{cur}</dd>
        </div>
      </dl>
    );
  }
  return null;
}
