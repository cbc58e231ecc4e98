import { materialiseSample } from '@shared/domain/sample';
import type { IsoDate } from '@shared/domain/dates';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from '@shared/domain/plan';
import type { AccountFields } from '@shared/domain/account';
import sampleData from '../../../assets/sample-workspace.json';
import { runIntent, type Intent, type Workspace } from './workspace';

/** Loads the shipped sample workspace (a dozen accounts with plans) in one transaction. */
export async function loadSampleWorkspace(ws: Workspace, today: IsoDate): Promise<Intent> {
  const sample = materialiseSample(sampleData, today);
  const { intent } = await runIntent(ws, 'loadSample', async (w) => {
    const accounts = await w.insertMany<AccountFields>('accounts', sample.accounts.map((a) => a.fields));
    const idByKey = new Map(sample.accounts.map((a, i) => [a.key, accounts[i]!.id]));
    for (const p of sample.plans) {
      const accountId = idByKey.get(p.accountKey);
      if (!accountId) continue;
      const plan = await w.insert<PlanFields>('plans', { accountId, title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, summary: p.summary });
      let oSort = 0;
      for (const o of p.objectives) {
        const objective = await w.insert<ObjectiveFields>('objectives', { planId: plan.id, title: o.title, sort: ++oSort });
        let aSort = 0;
        for (const a of o.actions) {
          await w.insert<ActionFields>('actions', { planId: plan.id, objectiveId: objective.id, title: a.title, owner: a.owner, dueDate: a.dueDate, status: a.status, sort: ++aSort });
        }
      }
      let rSort = 0;
      for (const r of p.risks) await w.insert<RiskFields>('risks', { planId: plan.id, ...r, sort: ++rSort });
    }
  });
  return intent;
}
