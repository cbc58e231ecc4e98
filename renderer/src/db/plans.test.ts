import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { asIsoDate, type IsoDate } from '@shared/domain/dates';
import type { ObjectiveRow } from './database';
import { createAccount } from './accounts';
import { addAction, addObjective, addRisk, createPlan, deleteObjective, deletePlan, moveSibling, updateAction, updatePlan } from './plans';
import { replayIntent, type Workspace } from './workspace';
import { freshWorkspaces } from './testing';

const freshWorkspace = freshWorkspaces();

async function newPlan(ws: Workspace) {
  const { account } = await createAccount(ws, { name: 'Acme' });
  const { plan } = await createPlan(ws, account.id, { title: 'FY26' });
  return plan;
}

async function liveObjectives(ws: Workspace, planId: string): Promise<ObjectiveRow[]> {
  const rows = await ws.db.objectives.where('planId').equals(planId).toArray();
  return rows.filter((r) => !r.deleted).sort((a, b) => a.sort - b.sort);
}

describe('plans', () => {
  it('createPlan fills defaults; a blank title is rejected and nothing is written', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    expect(plan).toMatchObject({ title: 'FY26', periodStart: null, periodEnd: null, summary: '', deleted: false });
    await expect(createPlan(ws, plan.accountId, { title: '  ' })).rejects.toThrow(ZodError);
    await expect(createPlan(ws, plan.accountId, { title: 'X', periodStart: '2025-02-30' as IsoDate })).rejects.toThrow(ZodError);
    expect(await ws.db.plans.count()).toBe(1);
  });

  it('updatePlan stamps the changed fields and validates the patch', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    const intent = await updatePlan(ws, plan.id, { summary: 'Grow', periodStart: asIsoDate('2025-01-01') });
    const stored = await ws.db.plans.get(plan.id);
    expect(stored?.stamps).toEqual({ ...plan.stamps, summary: stored?.updatedAt, periodStart: stored?.updatedAt });
    expect(intent?.label).toBe('editPlan');
    await expect(updatePlan(ws, plan.id, { title: '' })).rejects.toThrow(ZodError);
    expect(await updatePlan(ws, plan.id, { summary: 'Grow' })).toBeNull();
  });

  it('appends objectives, actions (per objective) and risks in order', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    const { objective: o1 } = await addObjective(ws, plan.id, '  Grow  ');
    const { objective: o2 } = await addObjective(ws, plan.id, 'Keep');
    expect([o1.title, o1.sort, o2.sort]).toEqual(['Grow', 1, 2]);
    const { action: a1 } = await addAction(ws, plan.id, o1.id, { title: 'Call', dueDate: asIsoDate('2025-05-01'), owner: 'Mia' });
    const { action: a2 } = await addAction(ws, plan.id, o1.id, { title: 'Visit' });
    const { action: b1 } = await addAction(ws, plan.id, o2.id, { title: 'QBR' });
    expect([a1.sort, a2.sort, b1.sort]).toEqual([1, 2, 1]);
    expect(a1).toMatchObject({ status: 'open', owner: 'Mia', dueDate: '2025-05-01', planId: plan.id, objectiveId: o1.id });
    expect(a2).toMatchObject({ owner: '', dueDate: null });
    const { risk } = await addRisk(ws, plan.id, 'Budget freeze');
    expect(risk).toMatchObject({ likelihood: 'medium', impact: 'medium', mitigation: '', sort: 1 });
  });

  it('ignores deleted siblings when appending', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    await addObjective(ws, plan.id, 'A');
    const { objective: b } = await addObjective(ws, plan.id, 'B');
    await deleteObjective(ws, b.id);
    const { objective: c } = await addObjective(ws, plan.id, 'C');
    expect(c.sort).toBe(2);
  });

  it('deleteObjective tombstones the objective and its actions only', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    const { objective: o1 } = await addObjective(ws, plan.id, 'Grow');
    const { objective: o2 } = await addObjective(ws, plan.id, 'Keep');
    const { action: a } = await addAction(ws, plan.id, o1.id, { title: 'a' });
    const { action: b } = await addAction(ws, plan.id, o2.id, { title: 'b' });
    const intent = await deleteObjective(ws, o1.id);
    expect(intent.changes.map((c) => [c.table, c.id])).toEqual([
      ['actions', a.id],
      ['objectives', o1.id],
    ]);
    expect((await ws.db.actions.get(a.id))?.deleted).toBe(true);
    expect((await ws.db.actions.get(b.id))?.deleted).toBe(false);
    expect((await ws.db.objectives.get(o2.id))?.deleted).toBe(false);
  });

  it('deletePlan tombstones the plan with its objectives, actions and risks; undo restores them', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    const { objective } = await addObjective(ws, plan.id, 'Grow');
    const { action } = await addAction(ws, plan.id, objective.id, { title: 'a' });
    const { risk } = await addRisk(ws, plan.id, 'r');
    const intent = await deletePlan(ws, plan.id);
    expect(intent.changes.map((c) => c.id).sort()).toEqual([plan.id, objective.id, action.id, risk.id].sort());
    expect((await ws.db.plans.get(plan.id))?.deleted).toBe(true);
    expect((await ws.db.risks.get(risk.id))?.deleted).toBe(true);
    await replayIntent(ws, intent, 'undo');
    expect((await ws.db.plans.get(plan.id))?.deleted).toBe(false);
    expect((await ws.db.actions.get(action.id))?.deleted).toBe(false);
  });

  it('updateAction labels moves and edits differently', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    const { objective } = await addObjective(ws, plan.id, 'Grow');
    const { action } = await addAction(ws, plan.id, objective.id, { title: 'a' });
    expect((await updateAction(ws, action.id, { status: 'done' }))?.label).toBe('editAction');
    expect((await updateAction(ws, action.id, { sort: 5 }))?.label).toBe('moveAction');
    expect(await ws.db.actions.get(action.id)).toMatchObject({ status: 'done', sort: 5 });
  });
});

describe('moveSibling', () => {
  it('moves an objective up and down by rewriting only its own sort key', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    for (const t of ['A', 'B', 'C']) await addObjective(ws, plan.id, t);
    const titles = async () => (await liveObjectives(ws, plan.id)).map((o) => o.title);
    const idOf = async (t: string) => (await liveObjectives(ws, plan.id)).find((o) => o.title === t)?.id ?? '';

    const up = await moveSibling(ws, 'objectives', await liveObjectives(ws, plan.id), await idOf('C'), -1);
    expect(await titles()).toEqual(['A', 'C', 'B']);
    expect(up?.changes).toHaveLength(1);
    expect(up?.label).toBe('moveObjective');

    await moveSibling(ws, 'objectives', await liveObjectives(ws, plan.id), await idOf('A'), 1);
    expect(await titles()).toEqual(['C', 'A', 'B']);

    await moveSibling(ws, 'objectives', await liveObjectives(ws, plan.id), await idOf('C'), 1);
    await moveSibling(ws, 'objectives', await liveObjectives(ws, plan.id), await idOf('C'), 1);
    expect(await titles()).toEqual(['A', 'B', 'C']);
  });

  it('does nothing past either end or for an unknown id', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    for (const t of ['A', 'B']) await addObjective(ws, plan.id, t);
    const rows = await liveObjectives(ws, plan.id);
    expect(await moveSibling(ws, 'objectives', rows, rows[0]?.id ?? '', -1)).toBeNull();
    expect(await moveSibling(ws, 'objectives', rows, rows[1]?.id ?? '', 1)).toBeNull();
    expect(await moveSibling(ws, 'objectives', rows, 'missing', 1)).toBeNull();
    expect(await liveObjectives(ws, plan.id)).toEqual(rows);
  });

  it('reorders actions within an objective', async () => {
    const ws = await freshWorkspace();
    const plan = await newPlan(ws);
    const { objective } = await addObjective(ws, plan.id, 'Grow');
    const { action: first } = await addAction(ws, plan.id, objective.id, { title: 'first' });
    const { action: second } = await addAction(ws, plan.id, objective.id, { title: 'second' });
    const intent = await moveSibling(ws, 'actions', [first, second], second.id, -1);
    expect(intent?.label).toBe('moveAction');
    const ordered = (await ws.db.actions.where('objectiveId').equals(objective.id).toArray()).sort((a, b) => a.sort - b.sort);
    expect(ordered.map((a) => a.title)).toEqual(['second', 'first']);
  });
});
