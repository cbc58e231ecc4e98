import type { AccountFields } from './account';
import { accountChecks, healthScore, type CheckSettings, type MapFacts, type RoadmapFacts } from './checks';
import type { IsoDate } from './dates';
import type { ActionFields, PlanFields } from './plan';
import { lastContacts, type ContactFields, type PersonFields } from './stakeholders';

type Live<T> = T & { readonly id: string; readonly deleted: boolean };

/**
 * Health 0–100 of every account, from the same checks and facts as its own page (plans and their
 * actions, the stakeholder map with its last contacts, the roadmap): one pass over each table.
 */
export function healthByAccount(
  input: {
    readonly accounts: ReadonlyArray<AccountFields & { readonly id: string }>;
    readonly plans: ReadonlyArray<Live<Pick<PlanFields, 'accountId'>>>;
    readonly actions: ReadonlyArray<Live<Pick<ActionFields, 'planId' | 'dueDate' | 'status'>>>;
    readonly people: ReadonlyArray<Live<MapFacts['people'][number] & Pick<PersonFields, 'accountId'>>>;
    readonly contacts: ReadonlyArray<Live<Pick<ContactFields, 'accountId' | 'personId' | 'date'>>>;
    readonly roadmap: (accountId: string) => RoadmapFacts | undefined;
  },
  today: IsoDate,
  settings: CheckSettings,
): Map<string, number> {
  const group = <T>(rows: readonly T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const plans = input.plans.filter((p) => !p.deleted);
  const planAccount = new Map(plans.map((p) => [p.id, p.accountId]));
  const plansBy = group(plans, (p) => p.accountId);
  const actionsBy = group(
    input.actions.filter((a) => !a.deleted && planAccount.has(a.planId)),
    (a) => planAccount.get(a.planId)!,
  );
  const livePeople = input.people.filter((p) => !p.deleted);
  const personIds = new Set(livePeople.map((p) => p.id));
  const peopleBy = group(livePeople, (p) => p.accountId);
  const contactsBy = group(
    input.contacts.filter((c) => !c.deleted && personIds.has(c.personId)),
    (c) => c.accountId,
  );
  const out = new Map<string, number>();
  for (const a of input.accounts) {
    const map: MapFacts = { people: peopleBy.get(a.id) ?? [], last: lastContacts(contactsBy.get(a.id) ?? []) };
    const checks = accountChecks(
      a,
      { today, planCount: plansBy.get(a.id)?.length ?? 0, actions: actionsBy.get(a.id) ?? [], map, roadmap: input.roadmap(a.id) },
      settings,
    );
    out.set(a.id, healthScore(checks));
  }
  return out;
}
