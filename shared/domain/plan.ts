import { z } from 'zod';
import { isIsoDate, daysBetween, type IsoDate } from './dates';

/** PRODUCT §5: an account plan has a period, objectives → actions, and risks. */
export interface PlanFields {
  accountId: string;
  title: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  summary: string;
}

export interface ObjectiveFields {
  planId: string;
  title: string;
  /** Position among the plan's objectives (fractional index: moves rewrite one row). */
  sort: number;
}

export const ACTION_STATUSES = ['open', 'inProgress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionFields {
  planId: string;
  objectiveId: string;
  title: string;
  owner: string;
  dueDate: IsoDate | null;
  status: ActionStatus;
  sort: number;
}

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskFields {
  planId: string;
  title: string;
  likelihood: RiskLevel;
  impact: RiskLevel;
  mitigation: string;
  sort: number;
}

const dateOrNull = z.string().refine(isIsoDate).nullable();

export const planFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  periodStart: dateOrNull,
  periodEnd: dateOrNull,
  summary: z.string().max(20_000),
});

/** An action is overdue when its due date has passed and it is neither done nor dropped ("promise and not deliver", PRODUCT §5). */
export function isOverdue(a: Pick<ActionFields, 'dueDate' | 'status'>, today: IsoDate): boolean {
  return a.dueDate !== null && (a.status === 'open' || a.status === 'inProgress') && daysBetween(a.dueDate, today) > 0;
}

export interface PlanProgress {
  readonly total: number;
  readonly done: number;
  readonly overdue: number;
  /** done ÷ (total − dropped), 0–1; null when nothing is to be done. */
  readonly completion: number | null;
}

/** Progress of a set of actions: dropped actions leave the denominator. */
export function planProgress(actions: ReadonlyArray<Pick<ActionFields, 'dueDate' | 'status'>>, today: IsoDate): PlanProgress {
  let done = 0;
  let dropped = 0;
  let overdue = 0;
  for (const a of actions) {
    if (a.status === 'done') done += 1;
    else if (a.status === 'dropped') dropped += 1;
    if (isOverdue(a, today)) overdue += 1;
  }
  const live = actions.length - dropped;
  return { total: actions.length, done, overdue, completion: live === 0 ? null : done / live };
}

/** A period is valid when both ends are set in order, or either is still open. */
export function isPeriodValid(start: IsoDate | null, end: IsoDate | null): boolean {
  return start === null || end === null || daysBetween(start, end) >= 0;
}

/** Risk score 1–9 = likelihood × impact on a 1–3 scale, for ordering risks. */
export function riskScore(r: Pick<RiskFields, 'likelihood' | 'impact'>): number {
  const w = { low: 1, medium: 2, high: 3 } as const;
  return w[r.likelihood] * w[r.impact];
}

/** A sort key between two neighbours (fractional indexing); append when `after` is undefined. */
export function sortBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}
