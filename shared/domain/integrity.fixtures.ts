/** Rows and helpers for the integrity rule tests: rows as a database stores them, applied repairs. */
import type { IntegrityInput, RepairPlan } from './integrity';

type Loose = Record<string, unknown>;
type Tables = { -readonly [K in 'accounts' | 'people' | 'lines' | 'members' | 'roadmapItems' | 'quotes']: Loose[] } & {
  clubProgram?: Loose;
};

/** A stored row whose every field carries `stamp` (or the per-field stamps given). */
export function row(id: string, fields: Loose, stamp = 's0001', stamps: Record<string, string> = {}): Loose {
  const all: Record<string, string> = { deleted: stamp };
  for (const k of Object.keys(fields)) all[k] = stamp;
  Object.assign(all, stamps);
  const updatedAt = Object.values(all).sort().at(-1)!;
  return { ...fields, id, deleted: false, stamps: all, updatedAt };
}

export const person = (id: string, name: string, accountId = 'acc') => row(id, { accountId, name });
export const line = (id: string, from: string, to: string, stamp = 's0001', kind = 'reportsTo') =>
  row(id, { accountId: 'acc', from, to, kind }, stamp);
export const member = (id: string, accountId: string, status: string, since: string | null, stamp = 's0001') =>
  row(id, { accountId, status, since, ourSponsor: '', theirSponsorId: null, theirSponsorName: '' }, stamp);
export const quote = (id: string, fields: Loose, stamp = 's0001') =>
  row(
    id,
    {
      itemId: 'item',
      name: id,
      status: 'draft',
      fromQuarter: '2027-Q4',
      targetQuarter: '2027-Q2',
      split: 'equal',
      funders: [{ accountId: 'acc', shareBp: 10_000 }],
      ...fields,
    },
    stamp,
  );

export function tables(t: Partial<Tables> = {}): Tables {
  return { accounts: [row('acc', { name: 'Nordlys Energi' })], people: [], lines: [], members: [], roadmapItems: [], quotes: [], ...t };
}

let tick = 0;
/** Applies a repair plan as the repositories would: each patched field gets a new, later stamp. */
export function applyPlan(t: Tables, plan: RepairPlan): Tables {
  if (plan.kind !== 'auto') return t;
  const stamp = `s9${String(++tick).padStart(6, '0')}`;
  const out = { ...t };
  for (const step of plan.steps) {
    out[step.table] = out[step.table].map((r) =>
      r.id === step.id
        ? {
            ...r,
            ...step.patch,
            stamps: { ...(r.stamps as object), ...Object.fromEntries(Object.keys(step.patch).map((k) => [k, stamp])) },
            updatedAt: stamp,
          }
        : r,
    );
  }
  return out;
}

export const input = (t: Tables): IntegrityInput => t;
