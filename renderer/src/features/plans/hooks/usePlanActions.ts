import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import * as repo from '../../../db/plans';

/** Every plan edit as one undoable intent; destructive ones offer Undo in a toast. */
export function usePlanActions() {
  const ws = useWorkspace();
  const { t } = useTranslation();
  return useMemo(
    () => ({
      createPlan: (accountId: string, title: string) => commit(() => repo.createPlan(ws, accountId, { title })),
      updatePlan: (id: string, patch: Parameters<typeof repo.updatePlan>[2]) => void commit(() => repo.updatePlan(ws, id, patch)),
      deletePlan: (id: string, title: string) => void commit(() => repo.deletePlan(ws, id), { undoToast: t('plans.deleted', { title }) }),
      addObjective: (planId: string, title: string) => commit(() => repo.addObjective(ws, planId, title)),
      updateObjective: (id: string, title: string) => void commit(() => repo.updateObjective(ws, id, { title })),
      deleteObjective: (id: string, title: string) =>
        void commit(() => repo.deleteObjective(ws, id), { undoToast: t('plans.objectiveDeleted', { title }) }),
      addAction: (planId: string, objectiveId: string, a: repo.NewAction) => commit(() => repo.addAction(ws, planId, objectiveId, a)),
      updateAction: (id: string, patch: Parameters<typeof repo.updateAction>[2]) => void commit(() => repo.updateAction(ws, id, patch)),
      deleteAction: (id: string, title: string) =>
        void commit(() => repo.deleteAction(ws, id), { undoToast: t('plans.actionDeleted', { title }) }),
      moveAction: (siblings: ReadonlyArray<{ id: string; sort: number }>, id: string, delta: -1 | 1) =>
        void commit(() => repo.moveSibling(ws, 'actions', siblings, id, delta)),
      moveObjective: (siblings: ReadonlyArray<{ id: string; sort: number }>, id: string, delta: -1 | 1) =>
        void commit(() => repo.moveSibling(ws, 'objectives', siblings, id, delta)),
      addRisk: (planId: string, title: string) => commit(() => repo.addRisk(ws, planId, title)),
      updateRisk: (id: string, patch: Parameters<typeof repo.updateRisk>[2]) => void commit(() => repo.updateRisk(ws, id, patch)),
      deleteRisk: (id: string, title: string) =>
        void commit(() => repo.deleteRisk(ws, id), { undoToast: t('plans.riskDeleted', { title }) }),
    }),
    [ws, t],
  );
}
export type PlanActions = ReturnType<typeof usePlanActions>;
