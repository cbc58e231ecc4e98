import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Scale } from 'lucide-react';
import { BUCKETS, type Bucket } from '@shared/domain/account';
import { bucketColumns, type PortfolioRow } from '@shared/domain/portfolio';
import { Badge, Button } from '../../../ui/Button';
import { Link } from '../../../ui/Link';
import { formatMoney, formatNumber, healthTone } from '../../../lib/format';
import { usePortfolioActions } from '../hooks/usePortfolioActions';
import { usePortfolioHealth } from '../hooks/usePortfolioHealth';
import type { AccountRow, MemoRow } from '../../../db/database';
import { useMemoActions, useMemoList } from '../../memos';
import { MoveBucketDialog, type MoveRequest } from './MoveBucketDialog';

/** Cards shown per column; past it the column says how many more (filters narrow it). */
const CARDS_PER_COLUMN = 60;
const ORDER: ReadonlyArray<Bucket | null> = [...BUCKETS, null];
const DRAG_TYPE = 'application/x-waypoint-account';

/** Each account's memo to open from its card: the newest one drafted from it, a superseded one only when nothing replaced it. */
function memoByAccount(memos: readonly MemoRow[] | undefined): ReadonlyMap<string, MemoRow> {
  const out = new Map<string, MemoRow>();
  // The list is newest first, so the first memo seen per account wins unless it is superseded.
  for (const m of memos ?? []) {
    if (!m.accountId) continue;
    const seen = out.get(m.accountId);
    if (!seen || (seen.status === 'superseded' && m.status !== 'superseded')) out.set(m.accountId, m);
  }
  return out;
}

/**
 * The four buckets of PRODUCT §1 (and the accounts nobody placed) with each account's ARR, profit
 * and health. An account moves by dragging its card to a column, or from the keyboard: Enter on a
 * card, or Alt+← / Alt+→ for the neighbouring bucket. Either way the move asks for the evidence.
 */
export function BucketBoard({
  rows,
  currency,
  accounts,
}: {
  rows: readonly PortfolioRow[];
  currency: string;
  accounts: readonly AccountRow[];
}) {
  const { t } = useTranslation();
  // Health needs plans, maps and the roadmap: read here, where it is shown, not for every view.
  const health = usePortfolioHealth(accounts);
  const actions = usePortfolioActions();
  // One read of the memos for the whole board, not one query per card.
  const memoList = useMemoList();
  const exitMemos = useMemo(() => memoByAccount(memoList), [memoList]);
  const memoActions = useMemoActions();
  // The account whose fair exit is being drafted: a second click would draft a twin.
  const [drafting, setDrafting] = useState<string | null>(null);
  const draftExit = async (accountId: string) => {
    setDrafting(accountId);
    try {
      await memoActions.draftFairExit(accountId);
    } finally {
      setDrafting(null);
    }
  };
  const [move, setMove] = useState<MoveRequest | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const columns = bucketColumns([...rows]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ask = (r: PortfolioRow, to: Bucket | null) => setMove({ id: r.id, name: r.name, from: r.bucket, to, evidence: r.bucketEvidence });
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, r: PortfolioRow) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const i = ORDER.indexOf(r.bucket);
    const j = i + (e.key === 'ArrowLeft' ? -1 : 1);
    if (j >= 0 && j < ORDER.length) ask(r, ORDER[j]!);
  };
  const drop = (e: DragEvent<HTMLElement>, to: Bucket | null) => {
    e.preventDefault();
    setOver(null);
    const r = byId.get(e.dataTransfer.getData(DRAG_TYPE));
    if (r && r.bucket !== to) ask(r, to);
  };
  return (
    <>
      <p className="muted small board-help">{t('portfolio.buckets.help')}</p>
      <div className="bucket-board">
        {columns.map((c) => {
          const key = String(c.bucket);
          const title = c.bucket === null ? t('portfolio.buckets.none') : `${c.bucket} · ${t(`bucket.${c.bucket}Short`)}`;
          return (
            <section
              key={key}
              className={`bucket-col ${c.bucket === 4 ? 'bucket-col--exit' : ''} ${over === key ? 'bucket-col--over' : ''}`}
              aria-label={title}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                setOver(key);
              }}
              onDragLeave={() => setOver((o) => (o === key ? null : o))}
              onDrop={(e) => drop(e, c.bucket)}
            >
              <header className="bucket-col__head">
                <h3 className="bucket-col__title">{title}</h3>
                <p className="bucket-col__hint">{c.bucket === null ? t('portfolio.buckets.noneHint') : t(`bucket.${c.bucket}Hint`)}</p>
                <dl className="bucket-col__totals">
                  <div>
                    <dt>{t('portfolio.buckets.accounts')}</dt>
                    <dd>{formatNumber(c.totals.count)}</dd>
                  </div>
                  <div>
                    <dt>{t('portfolio.fig.arr')}</dt>
                    <dd>{formatMoney(c.totals.arr, currency, { compact: true })}</dd>
                  </div>
                  <div>
                    <dt>{t('portfolio.buckets.profit')}</dt>
                    <dd className={c.totals.profit < 0 ? 'text-danger' : undefined}>
                      {formatMoney(c.totals.profit, currency, { compact: true })}
                    </dd>
                  </div>
                </dl>
              </header>
              <ul className="bucket-col__cards">
                {c.rows.slice(0, CARDS_PER_COLUMN).map((r) => {
                  const h = health?.get(r.id);
                  const memo = c.bucket === 4 ? exitMemos.get(r.id) : undefined;
                  return (
                    <li key={r.id} className="bucket-card" draggable onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, r.id)}>
                      <button
                        type="button"
                        className="bucket-card__move"
                        aria-label={t('portfolio.buckets.moveLabel', { name: r.name })}
                        aria-keyshortcuts="Enter Alt+ArrowLeft Alt+ArrowRight"
                        onClick={() => ask(r, r.bucket)}
                        onKeyDown={(e) => onKey(e, r)}
                      >
                        <span className="bucket-card__name">{r.name}</span>
                      </button>
                      <div className="bucket-card__figures">
                        <span>{t('portfolio.buckets.cardArr', { value: formatMoney(r.arr, currency, { compact: true }) })}</span>
                        <span className={r.profit < 0 ? 'text-danger' : undefined} title={t('portfolio.col.profit')}>
                          {t('portfolio.buckets.cardProfit', { value: formatMoney(r.profit, currency, { compact: true }) })}
                        </span>
                        {h !== undefined ? (
                          <Badge tone={healthTone(h)} title={t('portfolio.buckets.health')}>
                            {t('portfolio.buckets.healthValue', { value: h })}
                          </Badge>
                        ) : null}
                      </div>
                      <Link to={{ name: 'account', id: r.id, tab: 'overview' }} className="link small bucket-card__open">
                        {t('portfolio.buckets.open')}
                      </Link>
                      {c.bucket !== 4 ? null : memo ? (
                        // Styled as the draft button it replaces, so the card keeps one action of the same size.
                        <Link
                          to={{ name: 'memo', id: memo.id }}
                          className="btn btn--secondary btn--sm bucket-card__open"
                          aria-label={t('memo.links.openExitFor', { name: r.name })}
                        >
                          <Scale size={13} aria-hidden />
                          <span>{t('memo.links.openExit')}</span>
                        </Link>
                      ) : memoList ? (
                        <Button
                          size="sm"
                          icon={<Scale size={13} aria-hidden />}
                          className="bucket-card__open"
                          aria-label={t('memo.links.draftExitFor', { name: r.name })}
                          disabled={drafting !== null}
                          onClick={() => void draftExit(r.id)}
                        >
                          {t('memo.links.draftExit')}
                        </Button>
                      ) : null}
                    </li>
                  );
                })}
                {c.rows.length > CARDS_PER_COLUMN ? (
                  <li className="muted small bucket-col__more">
                    {t('portfolio.buckets.more', { count: c.rows.length - CARDS_PER_COLUMN })}
                  </li>
                ) : null}
                {c.rows.length === 0 ? <li className="muted small bucket-col__empty">{t('portfolio.buckets.emptyColumn')}</li> : null}
              </ul>
            </section>
          );
        })}
      </div>
      <MoveBucketDialog
        request={move}
        onClose={() => setMove(null)}
        onMove={async (to, evidence) => {
          if (!move) return false;
          return (await actions.moveToBucket(move.id, to, evidence, move.name)) !== undefined;
        }}
      />
    </>
  );
}
