import type { IsoDate } from '@shared/domain/dates';
import {
  planFieldsSchema,
  sortBetween,
  type ActionFields,
  type ObjectiveFields,
  type PlanFields,
  type RiskFields,
} from '@shared/domain/plan';
import type { ActionRow, ObjectiveRow, PlanRow, RiskRow } from './database';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

type Live<T extends { deleted: boolean }> = T[];
const live = <T extends { deleted: boolean }>(rows: T[]): Live<T> => rows.filter((r) => !r.deleted);

async function lastSort(
  w: Writer,
  table: 'objectives' | 'actions' | 'risks',
  key: 'planId' | 'objectiveId',
  value: string,
): Promise<number | undefined> {
  const rows = live(await w.table<{ deleted: boolean; sort: number }>(table).where(key).equals(value).toArray());
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.sort));
}

export async function createPlan(
  ws: Workspace,
  accountId: string,
  fields: Pick<PlanFields, 'title'> & Partial<PlanFields>,
): Promise<{ plan: PlanRow; intent: Intent }> {
  const full: PlanFields = { accountId, periodStart: null, periodEnd: null, summary: '', ...fields };
  planFieldsSchema.parse(full);
  const { result, intent } = await runIntent(ws, 'createPlan', (w) => w.insert<PlanFields>('plans', full));
  return { plan: result, intent };
}

export async function updatePlan(ws: Workspace, id: string, patch: Partial<Omit<PlanFields, 'accountId'>>): Promise<Intent | null> {
  planFieldsSchema.partial().parse(patch);
  const { result, intent } = await runIntent(ws, 'editPlan', (w) => w.update<PlanFields>('plans', id, patch));
  return result ? intent : null;
}

/** Tombstones a plan with its objectives, actions and risks, inside the caller's intent. */
export async function removePlanTree(w: Writer, planId: string): Promise<void> {
  for (const table of ['actions', 'objectives', 'risks'] as const) {
    const rows = await w.table<{ id: string; deleted: boolean }>(table).where('planId').equals(planId).toArray();
    for (const r of live(rows)) await w.remove(table, r.id);
  }
  await w.remove('plans', planId);
}

export async function deletePlan(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deletePlan', (w) => removePlanTree(w, id))).intent;
}

export async function addObjective(ws: Workspace, planId: string, title: string): Promise<{ objective: ObjectiveRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addObjective', async (w) => {
    const sort = sortBetween(await lastSort(w, 'objectives', 'planId', planId), undefined);
    return w.insert<ObjectiveFields>('objectives', { planId, title: title.trim(), sort });
  });
  return { objective: result, intent };
}

export async function updateObjective(
  ws: Workspace,
  id: string,
  patch: Partial<Pick<ObjectiveFields, 'title' | 'sort'>>,
): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, patch.sort !== undefined ? 'moveObjective' : 'editObjective', (w) =>
    w.update<ObjectiveFields>('objectives', id, patch),
  );
  return result ? intent : null;
}

export async function deleteObjective(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteObjective', async (w) => {
    const actions = live(await w.table<ActionRow>('actions').where('objectiveId').equals(id).toArray());
    for (const a of actions) await w.remove('actions', a.id);
    await w.remove('objectives', id);
  });
  return intent;
}

export interface NewAction {
  title: string;
  owner?: string;
  dueDate?: IsoDate | null;
}

export async function addAction(
  ws: Workspace,
  planId: string,
  objectiveId: string,
  a: NewAction,
): Promise<{ action: ActionRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addAction', async (w) => {
    const sort = sortBetween(await lastSort(w, 'actions', 'objectiveId', objectiveId), undefined);
    const fields: ActionFields = {
      planId,
      objectiveId,
      title: a.title.trim(),
      owner: a.owner ?? '',
      dueDate: a.dueDate ?? null,
      status: 'open',
      sort,
    };
    return w.insert<ActionFields>('actions', fields);
  });
  return { action: result, intent };
}

export async function updateAction(ws: Workspace, id: string, patch: Partial<Omit<ActionFields, 'planId'>>): Promise<Intent | null> {
  const label = patch.sort !== undefined || patch.objectiveId !== undefined ? 'moveAction' : 'editAction';
  const { result, intent } = await runIntent(ws, label, (w) => w.update<ActionFields>('actions', id, patch));
  return result ? intent : null;
}

export async function deleteAction(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteAction', (w) => w.remove('actions', id))).intent;
}

export async function addRisk(ws: Workspace, planId: string, title: string): Promise<{ risk: RiskRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addRisk', async (w) => {
    const sort = sortBetween(await lastSort(w, 'risks', 'planId', planId), undefined);
    const fields: RiskFields = { planId, title: title.trim(), likelihood: 'medium', impact: 'medium', mitigation: '', sort };
    return w.insert<RiskFields>('risks', fields);
  });
  return { risk: result, intent };
}

export async function updateRisk(ws: Workspace, id: string, patch: Partial<Omit<RiskFields, 'planId'>>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editRisk', (w) => w.update<RiskFields>('risks', id, patch));
  return result ? intent : null;
}

export async function deleteRisk(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteRisk', (w) => w.remove('risks', id))).intent;
}

/**
 * Moves an item one place up or down among its live siblings by giving it a sort key
 * between its new neighbours: one row rewritten, one stamp.
 */
export async function moveSibling(
  ws: Workspace,
  table: 'objectives' | 'actions',
  siblings: ReadonlyArray<{ id: string; sort: number }>,
  id: string,
  delta: -1 | 1,
): Promise<Intent | null> {
  const ordered = [...siblings].sort((a, b) => a.sort - b.sort);
  const i = ordered.findIndex((s) => s.id === id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ordered.length) return null;
  const before = delta < 0 ? ordered[j - 1]?.sort : ordered[j]!.sort;
  const after = delta < 0 ? ordered[j]!.sort : ordered[j + 1]?.sort;
  const sort = sortBetween(before, after);
  return table === 'objectives' ? updateObjective(ws, id, { sort }) : updateAction(ws, id, { sort });
}
