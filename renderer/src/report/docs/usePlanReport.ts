import { useLiveQuery } from 'dexie-react-hooks';
import { readRow, readRows } from '@shared/domain/tables';
import type { AccountRow, ActionRow, ObjectiveRow, PlanRow, RiskRow } from '../../db/database';
import { useWorkspace } from '../../db/context';
import { useMapData, type MapData } from '../../features/map';
import { useRoadmapData, type RoadmapRows } from '../../features/roadmap';
import { useClubData, type ClubData } from '../../features/club';

export interface PlanReportData {
  readonly plan: PlanRow;
  readonly account: AccountRow;
  readonly objectives: ReadonlyArray<{ readonly objective: ObjectiveRow; readonly actions: readonly ActionRow[] }>;
  readonly risks: readonly RiskRow[];
  readonly map: MapData;
  readonly roadmap: RoadmapRows;
  readonly club: ClubData;
}

const bySort = (a: { sort: number }, b: { sort: number }) => a.sort - b.sort;

/** Everything the printed account plan shows, from the same live rows the screens read; null for a missing plan. */
export function usePlanReport(planId: string): PlanReportData | null | undefined {
  const { db } = useWorkspace();
  const base = useLiveQuery(async () => {
    const stored = await db.plans.get(planId);
    if (!stored || stored.deleted) return null;
    const plan = readRow('plans', stored);
    const storedAccount = await db.accounts.get(plan.accountId);
    if (!storedAccount || storedAccount.deleted) return null;
    const account = readRow('accounts', storedAccount);
    const [objectives, actions, risks] = await Promise.all([
      db.objectives
        .where('planId')
        .equals(planId)
        .toArray()
        .then((r) => readRows('objectives', r)),
      db.actions
        .where('planId')
        .equals(planId)
        .toArray()
        .then((r) => readRows('actions', r)),
      db.risks
        .where('planId')
        .equals(planId)
        .toArray()
        .then((r) => readRows('risks', r)),
    ]);
    const live = actions.filter((a) => !a.deleted).sort(bySort);
    return {
      plan,
      account,
      objectives: objectives
        .filter((o) => !o.deleted)
        .sort(bySort)
        .map((objective) => ({ objective, actions: live.filter((a) => a.objectiveId === objective.id) })),
      risks: risks.filter((r) => !r.deleted).sort(bySort),
    };
  }, [db, planId]);
  const map = useMapData(base?.account.id ?? '');
  const roadmap = useRoadmapData();
  const club = useClubData();
  if (base === undefined) return undefined;
  if (base === null) return null;
  if (!map || !roadmap || !club) return undefined;
  return { ...base, map, roadmap, club };
}
