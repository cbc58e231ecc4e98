import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bucket } from '@shared/domain/account';
import type { SegmentFields } from '@shared/domain/segment';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import * as portfolio from '../../../db/portfolio';

/** Portfolio edits, each one undoable intent: a bucket move with its evidence, segments. */
export function usePortfolioActions() {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      moveToBucket: (accountId: string, bucket: Bucket | null, evidence: string, name: string) =>
        commit(() => portfolio.moveToBucket(ws, accountId, bucket, evidence), {
          undoToast:
            bucket === null
              ? t('portfolio.buckets.movedOut', { name })
              : t('portfolio.buckets.moved', { name, bucket: t(`bucket.${bucket}Short`) }),
        }),
      createSegment: (f: SegmentFields) => commit(() => portfolio.createSegment(ws, f)),
      updateSegment: (id: string, patch: Partial<SegmentFields>) => commit(() => portfolio.updateSegment(ws, id, patch)),
      deleteSegment: (id: string, name: string) =>
        void commit(() => portfolio.deleteSegment(ws, id), { undoToast: t('portfolio.segments.deleted', { name }) }),
    }),
    [ws, t],
  );
}
