import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '@shared/domain/dates';
import {
  defaultMemoFields,
  type ExecRole,
  type FrozenFigures,
  type MemoExitFields,
  type MemoOptionFields,
  type MemoViewFields,
} from '@shared/domain/memo';
import { blankOption, draftFromAccount, draftFromItem } from '@shared/domain/memoDraft';
import { quarterOf } from '@shared/domain/quarter';
import { readRow, readRows } from '@shared/domain/tables';
import type { RoadmapData } from '@shared/domain/roadmapView';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import * as memos from '../../../db/memos';
import { useRoute } from '../../../stores/route';

const today = () => toIsoDate(new Date());

/** Memo edits, each one undoable intent through db/memos.ts; drafting from an item or an account prefills it. */
export function useMemoActions() {
  const ws = useWorkspace();
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  return useMemo(() => {
    const open = (out: { memo: { id: string } } | undefined) => {
      if (out) navigate({ name: 'memo', id: out.memo.id });
      return out;
    };
    return {
      /** A blank either/or: two options to fill in. */
      createBlank: async (title: string) => {
        const q = quarterOf(today());
        const blank = blankOption(q);
        return open(
          await commit(() =>
            memos.createMemo(ws, {
              memo: defaultMemoFields({ title }),
              options: [
                { ...blank, name: t('memo.draft.optionA'), sort: 0 },
                { ...blank, name: t('memo.draft.optionB'), sort: 1 },
              ],
            }),
          ),
        );
      },
      /** From a roadmap item: keep the plan, or pull it forward (from its quote when there is one). */
      draftFromItem: async (roadmap: RoadmapData, itemId: string) => {
        const d = draftFromItem(roadmap, itemId, today());
        if (!d) return undefined;
        return open(
          await commit(() =>
            memos.createMemo(ws, {
              memo: defaultMemoFields({
                title: t('memo.draft.itemTitle', { item: d.title }),
                question: t('memo.draft.itemQuestion', { item: d.title, quarter: d.pull.quarter }),
                itemId,
              }),
              options: [
                { ...d.keep, name: t('memo.draft.keepPlan', { quarter: d.plannedQuarter }), sort: 0 },
                {
                  ...d.pull,
                  name: d.quote
                    ? t('memo.draft.pullQuote', { quarter: d.pull.quarter, quote: d.quote.name })
                    : t('memo.draft.pull', { quarter: d.pull.quarter }),
                  sort: 1,
                },
              ],
            }),
          ),
        );
      },
      /** From an account: keep it, or let it go with a fair exit (its open proposals withdrawn). */
      draftFairExit: async (accountId: string) => {
        const account = await ws.db.accounts.get(accountId);
        if (!account || account.deleted) return undefined;
        const a = readRow('accounts', account);
        const offers = readRows('offers', await ws.db.offers.where('accountId').equals(accountId).toArray()).filter(
          (o) => !o.deleted && o.status !== 'chosen',
        );
        const d = draftFromAccount(
          a,
          offers.map((o) => o.name),
          today(),
        );
        return open(
          await commit(() =>
            memos.createMemo(ws, {
              memo: defaultMemoFields({
                title: t('memo.draft.exitTitle', { account: a.name }),
                question: t('memo.draft.exitQuestion', { account: a.name }),
                context: a.bucketEvidence,
                accountId,
              }),
              options: [
                { ...d.keep, name: t('memo.draft.keepAccount', { account: a.name }), sort: 0 },
                { ...d.exit, name: t('memo.draft.letGo', { account: a.name }), sort: 1 },
              ],
              exit: d.fairExit,
            }),
          ),
        );
      },
      update: (id: string, patch: memos.MemoPatch) => commit(() => memos.updateMemo(ws, id, patch)),
      setStatus: (id: string, status: 'draft' | 'inReview') => commit(() => memos.setMemoStatus(ws, id, status)),
      decide: (id: string, decision: memos.Decision, figures: FrozenFigures) =>
        commit(() => memos.decideMemo(ws, id, decision, figures, today())),
      supersede: async (id: string, title: string) => open(await commit(() => memos.supersedeMemo(ws, id, title))),
      remove: async (id: string, title: string) => {
        const out = await commit(() => memos.deleteMemo(ws, id), { undoToast: t('memo.deleted', { title }) });
        if (out) navigate({ name: 'memos' });
      },
      addOption: (memoId: string, fields: Omit<MemoOptionFields, 'memoId' | 'sort'>) => commit(() => memos.addOption(ws, memoId, fields)),
      updateOption: (id: string, patch: Partial<Omit<MemoOptionFields, 'memoId'>>) => commit(() => memos.updateOption(ws, id, patch)),
      removeOption: (id: string, name: string) =>
        commit(() => memos.removeOption(ws, id), { undoToast: t('memo.options.removed', { name }) }),
      setView: (memoId: string, role: ExecRole, patch: Partial<Pick<MemoViewFields, 'stance' | 'who' | 'reason'>>) =>
        commit(() => memos.setView(ws, memoId, role, patch)),
      setExit: (memoId: string, accountId: string, patch: Partial<Omit<MemoExitFields, 'memoId' | 'accountId'>>, optionId?: string) =>
        commit(() => memos.setExit(ws, memoId, accountId, patch, optionId)),
      removeExit: (memoId: string, accountId: string) => commit(() => memos.removeExit(ws, memoId, accountId)),
    };
  }, [ws, t, navigate]);
}
