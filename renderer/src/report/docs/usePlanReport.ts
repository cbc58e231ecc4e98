import { useLiveQuery } from 'dexie-react-hooks';
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
    const plan = await db.plans.get(planId);
    if (!plan || plan.deleted) return null;
    const account = await db.accounts.get(plan.accountId);
    if (!account || account.deleted) return null;
    const [objectives, actions, risks] = await Promise.all([
      db.objectives.where('planId').equals(planId).toArray(),
      db.actions.where('planId').equals(planId).toArray(),
      db.risks.where('planId').equals(planId).toArray(),
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
