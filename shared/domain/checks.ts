import { isSmallDealAtBigCompany, penetration, SMALL_DEAL_THRESHOLD, type AccountFields } from './account';
import { assessCommunicator, DEFAULT_ROTATION_MONTHS } from './communicator';
import { daysBetween, type IsoDate } from './dates';
import { isOverdue, type ActionFields } from './plan';
import type { Ratio } from './money';
import { freshness, topFive, DEFAULT_FRESHNESS, ORG_LEVELS, type FreshnessThresholds, type PersonFields } from './stakeholders';

export type CheckSeverity = 'critical' | 'warning' | 'info';

/** Where in the account the user fixes what a check found ('fairExit': draft a fair-exit memo, PRODUCT §5). */
export type CheckTarget = 'arr' | 'communicator' | 'bucket' | 'plans' | 'renewal' | 'map' | 'quotes' | 'fairExit';

export interface CheckResult {
  readonly id:
    | 'smallDeal'
    | 'communicatorTenure'
    | 'engineerInSeat'
    | 'overdueActions'
    | 'bucketEvidence'
    | 'renewalSoon'
    | 'noPlan'
    | 'fewStakeholders'
    | 'topFiveCold'
    | 'oneLevel'
    | 'noEconomicBuyer'
    | 'noChampion'
    | 'freeAccelerations'
    | 'bucket4Roadmap'
    | 'fundsTooMuch';
  readonly severity: CheckSeverity;
  /** Values for the message, e.g. { penetration: 0.04 }. */
  readonly params: Readonly<Record<string, number | string>>;
  readonly fix: CheckTarget;
}

export interface CheckSettings {
  readonly smallDealThreshold: Ratio;
  readonly rotationMonths: number;
  readonly renewalWarningDays: number;
  readonly freshness: FreshnessThresholds;
  /** Fewer known stakeholders than this is a warning (PRODUCT §5: "fewer than five"). */
  readonly minStakeholders: number;
}

/** What the roadmap tells the checks about one account (accepted acceleration quotes it funds). */
export interface RoadmapFacts {
  /** Items accelerated for this account for free (accepted quotes with price 0). */
  readonly freeAccelerations: readonly string[];
  /** Items whose acceleration this account funds (accepted quotes): committed roadmap work. */
  readonly committedItems: readonly string[];
  /** The quarter where this account funds the largest share of capacity, if any. */
  readonly heaviest: { readonly quarter: string; readonly fundedEm: number; readonly capacityEm: number; readonly ratio: number } | null;
  /** The guardrail limit on that share (0–1). */
  readonly limit: number;
}

/** What the stakeholder map tells the checks: the people and their last contact dates. */
export interface MapFacts {
  readonly people: ReadonlyArray<
    Pick<PersonFields, 'name' | 'influence' | 'buyingRole' | 'stance' | 'placeholder' | 'orgLevel'> & { readonly id: string }
  >;
  readonly last: ReadonlyMap<string, IsoDate>;
}

export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  smallDealThreshold: SMALL_DEAL_THRESHOLD,
  rotationMonths: DEFAULT_ROTATION_MONTHS,
  renewalWarningDays: 90,
  freshness: DEFAULT_FRESHNESS,
  minStakeholders: 5,
};

const PENALTY: Record<CheckSeverity, number> = { critical: 25, warning: 10, info: 0 };

/**
 * The lessons of PRODUCT §1 and §5 that the foundation can already judge, as live warnings
 * with their reason and the place to fix them.
 */
export function accountChecks(
  a: AccountFields,
  context: {
    readonly today: IsoDate;
    readonly planCount: number;
    readonly actions: ReadonlyArray<Pick<ActionFields, 'dueDate' | 'status'>>;
    readonly map?: MapFacts;
    readonly roadmap?: RoadmapFacts;
  },
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
): CheckResult[] {
  const out: CheckResult[] = [];
  if (isSmallDealAtBigCompany(a, settings.smallDealThreshold)) {
    out.push({
      id: 'smallDeal',
      severity: 'warning',
      params: { penetration: penetration(a.arr, a.potentialArr) ?? 0, threshold: settings.smallDealThreshold },
      fix: 'arr',
    });
  }
  const comm = assessCommunicator(a, context.today, settings.rotationMonths);
  if (comm.rotationDue)
    out.push({
      id: 'communicatorTenure',
      severity: 'warning',
      params: { months: comm.tenureMonths ?? 0, limit: settings.rotationMonths, name: a.communicator },
      fix: 'communicator',
    });
  if (comm.engineerInSeat) out.push({ id: 'engineerInSeat', severity: 'warning', params: { name: a.communicator }, fix: 'communicator' });
  const overdue = context.actions.filter((x) => isOverdue(x, context.today)).length;
  if (overdue > 0) out.push({ id: 'overdueActions', severity: 'critical', params: { count: overdue }, fix: 'plans' });
  if ((a.bucket === 3 || a.bucket === 4) && a.bucketEvidence.trim() === '')
    out.push({ id: 'bucketEvidence', severity: 'warning', params: { bucket: a.bucket }, fix: 'bucket' });
  if (a.renewalDate) {
    const days = daysBetween(context.today, a.renewalDate);
    if (days >= 0 && days <= settings.renewalWarningDays)
      out.push({ id: 'renewalSoon', severity: 'info', params: { days }, fix: 'renewal' });
  }
  if (context.planCount === 0) out.push({ id: 'noPlan', severity: 'warning', params: {}, fix: 'plans' });
  if (context.map) out.push(...mapChecks(context.map, context.today, settings));
  if (context.roadmap) out.push(...roadmapChecks(a, context.roadmap));
  return out;
}

/**
 * The roadmap lessons of PRODUCT §4–5 (seed 000): a free acceleration more than once teaches
 * the customer the roadmap is free; a bucket-4 account driving committed roadmap work deepens
 * a fit that should be exited (its fix: draft a fair exit, seed 002); one customer funding too much of a quarter makes us its R&D
 * department.
 */
export function roadmapChecks(a: Pick<AccountFields, 'bucket'>, r: RoadmapFacts): CheckResult[] {
  const out: CheckResult[] = [];
  if (r.freeAccelerations.length >= 2)
    out.push({
      id: 'freeAccelerations',
      severity: 'warning',
      params: { count: r.freeAccelerations.length, items: r.freeAccelerations.join(', ') },
      fix: 'quotes',
    });
  if (a.bucket === 4 && r.committedItems.length > 0)
    out.push({
      id: 'bucket4Roadmap',
      severity: 'warning',
      params: { count: r.committedItems.length, items: r.committedItems.join(', ') },
      fix: 'fairExit',
    });
  if (r.heaviest && r.heaviest.ratio > r.limit + 1e-9) {
    out.push({
      id: 'fundsTooMuch',
      severity: 'warning',
      params: {
        quarter: r.heaviest.quarter,
        funded: r.heaviest.fundedEm,
        capacity: r.heaviest.capacityEm,
        ratio: r.heaviest.ratio,
        limit: r.limit,
      },
      fix: 'quotes',
    });
  }
  return out;
}

/**
 * The stakeholder lessons of PRODUCT §5: fewer than five known people, a top-5 person gone
 * cold (red or never contacted), only one org level covered, no economic buyer, no champion.
 * With nobody known each of them counts as a gap (params.context 'unknown' picks its sentence).
 */
export function mapChecks(map: MapFacts, today: IsoDate, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): CheckResult[] {
  const out: CheckResult[] = [];
  const known = map.people.filter((p) => !p.placeholder);
  if (known.length < settings.minStakeholders)
    out.push({ id: 'fewStakeholders', severity: 'warning', params: { count: known.length, min: settings.minStakeholders }, fix: 'map' });
  if (known.length === 0) {
    // Nothing known is a gap, not a pass (issue 13): a new empty map must not score better than
    // a map with its first person on it. Each check says it cannot be judged yet and why.
    const unknown = { context: 'unknown' };
    out.push({
      id: 'topFiveCold',
      severity: 'warning',
      params: { ...unknown, count: 0, names: '', days: settings.freshness.amberDays },
      fix: 'map',
    });
    out.push({ id: 'oneLevel', severity: 'warning', params: { ...unknown, levels: 0 }, fix: 'map' });
    out.push({ id: 'noEconomicBuyer', severity: 'warning', params: unknown, fix: 'map' });
    out.push({ id: 'noChampion', severity: 'warning', params: unknown, fix: 'map' });
    return out;
  }
  const cold = topFive(known).filter((p) => {
    const level = freshness(map.last.get(p.id), today, settings.freshness).level;
    return level === 'red' || level === 'never';
  });
  if (cold.length > 0)
    out.push({
      id: 'topFiveCold',
      severity: 'warning',
      params: { count: cold.length, names: cold.map((p) => p.name).join(', '), days: settings.freshness.amberDays },
      fix: 'map',
    });
  const levels = ORG_LEVELS.filter((l) => known.some((p) => p.orgLevel === l)).length;
  if (levels <= 1) out.push({ id: 'oneLevel', severity: 'warning', params: { levels }, fix: 'map' });
  if (!known.some((p) => p.buyingRole === 'economicBuyer'))
    out.push({ id: 'noEconomicBuyer', severity: 'warning', params: {}, fix: 'map' });
  if (!known.some((p) => p.stance === 'champion')) out.push({ id: 'noChampion', severity: 'warning', params: {}, fix: 'map' });
  return out;
}

export type HealthBand = 'good' | 'fair' | 'poor';

/** How a health score reads: 80 and over good, 50 to 79 fair, under 50 poor (one rule for every screen that colours it). */
export function healthBand(score: number): HealthBand {
  return score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor';
}

/** Health score 0–100 = 100 − 25 per critical − 10 per warning (info costs nothing), floored at 0. */
export function healthScore(checks: readonly CheckResult[]): number {
  return Math.max(0, 100 - checks.reduce((s, c) => s + PENALTY[c.severity], 0));
}
