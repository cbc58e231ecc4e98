import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteFields, QuoteStatus } from '@shared/domain/acceleration';
import type { Quarter } from '@shared/domain/quarter';
import type { RoadmapItemFields, RoadmapSettings, RequestFields } from '@shared/domain/roadmap';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import * as roadmap from '../../../db/roadmap';
import * as quotes from '../../../db/quotes';

/** Every roadmap and quote edit as one undoable intent; destructive ones offer Undo in a toast. */
export function useRoadmapActions() {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      createItem: (f: Partial<RoadmapItemFields> & Pick<RoadmapItemFields, 'title' | 'plannedQuarter'>) =>
        commit(() => roadmap.createItem(ws, f)),
      updateItem: (id: string, patch: Partial<RoadmapItemFields>) => void commit(() => roadmap.updateItem(ws, id, patch)),
      moveItem: (id: string, plannedQuarter: Quarter) => commit(() => roadmap.updateItem(ws, id, { plannedQuarter })),
      deleteItem: (id: string, title: string) =>
        commit(() => roadmap.deleteItem(ws, id), { undoToast: t('roadmap.item.deleted', { title }) }),
      addRequest: (f: Omit<RequestFields, 'retreatId'>) => commit(() => roadmap.addRequest(ws, f)),
      updateRequest: (id: string, patch: Partial<Pick<RequestFields, 'importance' | 'note'>>) =>
        void commit(() => roadmap.updateRequest(ws, id, patch)),
      deleteRequest: (id: string, name: string) =>
        void commit(() => roadmap.deleteRequest(ws, id), { undoToast: t('roadmap.request.deleted', { name }) }),
      setCapacity: (q: Quarter, em: number) => void commit(() => roadmap.setCapacity(ws, q, em)),
      updateSettings: (patch: Partial<RoadmapSettings>) => void commit(() => roadmap.updateRoadmapSettings(ws, patch)),
      createQuote: (f: QuoteFields) => commit(() => quotes.createQuote(ws, f)),
      duplicateQuote: (id: string, name: string) => commit(() => quotes.duplicateQuote(ws, id, name)),
      updateQuote: (id: string, patch: Parameters<typeof quotes.updateQuote>[2]) => commit(() => quotes.updateQuote(ws, id, patch)),
      setQuoteStatus: (id: string, status: QuoteStatus) => commit(() => quotes.setQuoteStatus(ws, id, status)),
      deleteQuote: (id: string, name: string) => commit(() => quotes.deleteQuote(ws, id), { undoToast: t('quote.deleted', { name }) }),
    }),
    [ws, t],
  );
}
export type RoadmapActions = ReturnType<typeof useRoadmapActions>;
