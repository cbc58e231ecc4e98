import { readRows } from '@shared/domain/tables';
import type { ActionRow, ObjectiveRow, PlanRow, RiskRow, WaypointDB } from '../../../db/database';
import { useWorkspace } from '../../../db/context';
import { useSharedQuery, type SharedQuery } from '../../../db/sharedQuery';

export interface PlanTree {
  readonly plan: PlanRow;
  readonly objectives: ReadonlyArray<{ readonly objective: ObjectiveRow; readonly actions: readonly ActionRow[] }>;
  readonly risks: readonly RiskRow[];
  readonly actions: readonly ActionRow[];
}

const bySort = (a: { sort: number }, b: { sort: number }) => a.sort - b.sort;

/** All live plans of an account with their objectives, actions and risks, newest period first. */
export const plansQuery = (db: WaypointDB, accountId: string): SharedQuery<PlanTree[]> => ({
  key: `plans:${accountId}`,
  run: async () => {
    const plans = readRows('plans', await db.plans.where('accountId').equals(accountId).toArray()).filter((p) => !p.deleted);
    const ids = plans.map((p) => p.id);
    const [objectives, actions, risks] = await Promise.all([
      db.objectives
        .where('planId')
        .anyOf(ids)
        .toArray()
        .then((r) => readRows('objectives', r)),
      db.actions
        .where('planId')
        .anyOf(ids)
        .toArray()
        .then((r) => readRows('actions', r)),
      db.risks
        .where('planId')
        .anyOf(ids)
        .toArray()
        .then((r) => readRows('risks', r)),
    ]);
    return plans
      .sort((a, b) => (b.periodStart ?? '').localeCompare(a.periodStart ?? '') || a.title.localeCompare(b.title))
      .map((plan) => {
        const planActions = actions.filter((a) => a.planId === plan.id && !a.deleted).sort(bySort);
        return {
          plan,
          objectives: objectives
            .filter((o) => o.planId === plan.id && !o.deleted)
            .sort(bySort)
            .map((objective) => ({ objective, actions: planActions.filter((a) => a.objectiveId === objective.id) })),
          risks: risks.filter((r) => r.planId === plan.id && !r.deleted).sort(bySort),
          actions: planActions,
        };
      });
  },
});

/** All live plans of an account with their objectives, actions and risks, newest period first; undefined while loading. */
export function usePlans(accountId: string): PlanTree[] | undefined {
  const { db } = useWorkspace();
  return useSharedQuery(db, plansQuery(db, accountId));
}
