// Runs inside Chromium: seeds one account with a stakeholder map and a long plan, for the PDF benchmark.
import { defaultAccountFields, type AccountFields } from '@shared/domain/account';
import { addDays, toIsoDate } from '@shared/domain/dates';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from '@shared/domain/plan';
import type { LineFields, PersonFields } from '@shared/domain/stakeholders';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace, runIntent } from '../../../renderer/src/db/workspace';
import { syntheticMap } from '../synthetic';

const STATUSES = ['open', 'inProgress', 'done', 'open', 'dropped'] as const;
const OWNERS = ['Mette Lund', 'Jonas Berg', 'Priya Nair', 'Lars Holm'];

/** An account with `people` on its map and a plan of `actions` actions over 12 objectives; returns the plan id. */
export async function seedLongPlan(people: number, actions: number): Promise<string> {
  const map = syntheticMap(people, 3);
  const today = toIsoDate(new Date());
  const ws = await openWorkspace(new WaypointDB());
  try {
    const { result } = await runIntent(ws, 'benchSeedPlan', async (w) => {
      const [account] = await w.insertMany<AccountFields>('accounts', [
        defaultAccountFields({
          name: 'Kestrel Logistics Group',
          owner: 'Mette Lund',
          arr: 240_000_000 as never,
          potentialArr: 4_100_000_000 as never,
        }),
      ]);
      const accountId = account!.id;
      const persons = await w.insertMany<PersonFields>(
        'people',
        map.people.map((p, i) => ({ ...p.fields, accountId, x: (i % 10) * 240, y: Math.floor(i / 10) * 140 })),
      );
      await w.insertMany<LineFields>(
        'lines',
        map.lines.map((l) => ({ accountId, from: persons[l.from]!.id, to: persons[l.to]!.id, kind: l.kind })),
      );
      const [plan] = await w.insertMany<PlanFields>('plans', [
        {
          accountId,
          title: 'FY27 group-wide expansion',
          periodStart: today,
          periodEnd: addDays(today, 365),
          summary: 'Grow from one terminal to the group standard.',
        },
      ]);
      const objectives = await w.insertMany<ObjectiveFields>(
        'objectives',
        Array.from({ length: 12 }, (_, i) => ({ planId: plan!.id, title: `Objective ${i + 1}: win the next business unit`, sort: i + 1 })),
      );
      await w.insertMany<ActionFields>(
        'actions',
        Array.from({ length: actions }, (_, i) => ({
          planId: plan!.id,
          objectiveId: objectives[i % objectives.length]!.id,
          title: `Action ${i + 1}: ${i % 3 === 0 ? 'prepare the joint savings case with the operations team and review it with the CFO office before the board' : 'follow up with the sponsor'}`,
          owner: OWNERS[i % OWNERS.length]!,
          dueDate: addDays(today, (i % 90) - 30),
          status: STATUSES[i % STATUSES.length]!,
          sort: i + 1,
        })),
      );
      await w.insertMany<RiskFields>(
        'risks',
        Array.from({ length: 8 }, (_, i) => ({
          planId: plan!.id,
          title: `Risk ${i + 1}`,
          likelihood: 'medium',
          impact: 'high',
          mitigation: 'Build a second champion.',
          sort: i + 1,
        })),
      );
      return plan!.id;
    });
    return result;
  } finally {
    ws.db.close();
  }
}
