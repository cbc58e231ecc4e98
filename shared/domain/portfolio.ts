import {
  BUCKETS,
  costToServe,
  icpFitScore,
  isSmallDealAtBigCompany,
  penetration,
  SMALL_DEAL_THRESHOLD,
  SIZE_CLASSES,
  SPIRAL_STAGES,
  type AccountFields,
  type Bucket,
  type CommunicatorRole,
  type SizeClass,
  type SpiralStage,
} from './account';
import { inReporting } from './accountList';
import { assessCommunicator, DEFAULT_ROTATION_MONTHS } from './communicator';
import type { IsoDate } from './dates';
import { asMinor, type Minor, type Ratio } from './money';
import { inSegment, type SegmentFields } from './segment';
import type { WorkspaceSettings } from './workspace';

/** One account as the portfolio sees it: every amount in the reporting currency. */
export interface PortfolioRow {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly industry: string;
  readonly region: string;
  readonly currency: string;
  readonly sizeClass: SizeClass;
  readonly bucket: Bucket | null;
  readonly bucketEvidence: string;
  readonly arr: Minor;
  readonly potentialArr: Minor;
  readonly cost: Minor;
  /** Profit contribution = ARR − cost to serve (PRODUCT §1), both converted; may be negative. */
  readonly profit: Minor;
  /** False when no cost-to-serve hours are entered: the profit is revenue only. */
  readonly hasCost: boolean;
  readonly fit: number | null;
  readonly penetration: Ratio | null;
  readonly spiralStage: SpiralStage;
  readonly spiralLap: number;
}

export interface Portfolio {
  readonly currency: string;
  readonly rows: readonly PortfolioRow[];
  /** Accounts whose currency has no rate: listed apart ("add a rate for JPY"), never counted at face value. */
  readonly unconverted: ReadonlyArray<{
    readonly currency: string;
    readonly accounts: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  }>;
  /**
   * Accounts whose amounts are too large to add up exactly (a damaged or hostile row: ARR or hours
   * near the limits): listed apart to be checked, never counted, so no sum leaves the safe integers.
   */
  readonly outOfRange: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** What all the accounts' ARR, potential ARR and cost together may reach: every sum of them stays exact. */
const PORTFOLIO_BUDGET = Math.floor(Number.MAX_SAFE_INTEGER / 4);

type Account = AccountFields & { readonly id: string };

/** The accounts in the reporting currency at the workspace's rates, with their fit score under its weights. */
export function toPortfolio(accounts: readonly Account[], ws: WorkspaceSettings): Portfolio {
  const rows: PortfolioRow[] = [];
  const apart = new Map<string, Array<{ id: string; name: string }>>();
  const outOfRange: Array<{ id: string; name: string }> = [];
  let used = 0;
  for (const a of accounts) {
    let cost: Minor;
    try {
      cost = costToServe(a).total;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      outOfRange.push({ id: a.id, name: a.name });
      continue;
    }
    const arr = inReporting(a.arr, a.currency, ws);
    const potentialArr = inReporting(a.potentialArr, a.currency, ws);
    const costR = inReporting(cost, a.currency, ws);
    if (arr !== null && potentialArr !== null && costR !== null) {
      const size = arr + potentialArr + costR;
      if (!Number.isSafeInteger(size) || used + size > PORTFOLIO_BUDGET) {
        outOfRange.push({ id: a.id, name: a.name });
        continue;
      }
      used += size;
    }
    if (arr === null || potentialArr === null || costR === null) {
      const list = apart.get(a.currency) ?? [];
      list.push({ id: a.id, name: a.name });
      apart.set(a.currency, list);
      continue;
    }
    rows.push({
      id: a.id,
      name: a.name,
      owner: a.owner,
      industry: a.industry,
      region: a.region,
      currency: a.currency,
      sizeClass: a.sizeClass,
      bucket: a.bucket,
      bucketEvidence: a.bucketEvidence,
      arr,
      potentialArr,
      cost: costR,
      profit: asMinor(arr - costR),
      hasCost: cost > 0,
      fit: icpFitScore(a.icp, ws.icpWeights),
      penetration: penetration(a.arr, a.potentialArr),
      spiralStage: a.spiralStage,
      spiralLap: a.spiralLap,
    });
  }
  return {
    currency: ws.currency,
    rows,
    unconverted: [...apart].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, list]) => ({ currency, accounts: list })),
    outOfRange,
  };
}

/** Filters every portfolio view shares (kept in the URL); null = any. */
export interface PortfolioFilter {
  readonly owner: string | null;
  readonly sizeClass: SizeClass | null;
  /** A bucket, or 'none' for accounts without one. */
  readonly bucket: Bucket | 'none' | null;
  readonly segment: string | null;
  readonly region: string | null;
}

export const NO_PORTFOLIO_FILTER: PortfolioFilter = { owner: null, sizeClass: null, bucket: null, segment: null, region: null };

export function isFiltered(f: PortfolioFilter): boolean {
  return f.owner !== null || f.sizeClass !== null || f.bucket !== null || f.segment !== null || f.region !== null;
}

/** Rows that pass every set filter; an unknown segment id matches nothing (the filter says so). */
export function filterPortfolio<R extends Pick<PortfolioRow, 'owner' | 'sizeClass' | 'bucket' | 'region' | 'industry' | 'fit'>>(
  rows: readonly R[],
  f: PortfolioFilter,
  segments: ReadonlyMap<string, Pick<SegmentFields, 'industry' | 'region' | 'sizeClass' | 'minFit'>>,
): R[] {
  const segment = f.segment === null ? null : (segments.get(f.segment) ?? 'unknown');
  return rows.filter(
    (r) =>
      (f.owner === null || r.owner === f.owner) &&
      (f.sizeClass === null || r.sizeClass === f.sizeClass) &&
      (f.bucket === null || (f.bucket === 'none' ? r.bucket === null : r.bucket === f.bucket)) &&
      (f.region === null || r.region === f.region) &&
      (segment === null || (segment !== 'unknown' && inSegment(r, segment))),
  );
}

/** The distinct non-empty values of a text field, sorted: what a filter offers. */
export function distinctValues(rows: ReadonlyArray<Pick<PortfolioRow, 'owner' | 'region'>>, field: 'owner' | 'region'): string[] {
  return [...new Set(rows.map((r) => r[field]).filter((v) => v.trim() !== ''))].sort((a, b) => a.localeCompare(b));
}

export interface Totals {
  readonly count: number;
  readonly arr: Minor;
  readonly cost: Minor;
  readonly profit: Minor;
  /** How many of them have no cost to serve entered. */
  readonly withoutCost: number;
}

export function totalsOf(rows: ReadonlyArray<Pick<PortfolioRow, 'arr' | 'cost' | 'profit' | 'hasCost'>>): Totals {
  let arr = 0;
  let cost = 0;
  let profit = 0;
  let withoutCost = 0;
  for (const r of rows) {
    arr += r.arr;
    cost += r.cost;
    profit += r.profit;
    if (!r.hasCost) withoutCost += 1;
  }
  return { count: rows.length, arr: asMinor(arr), cost: asMinor(cost), profit: asMinor(profit), withoutCost };
}

/** The four buckets of PRODUCT §1 and the accounts nobody has placed yet, each with its totals. */
export function bucketColumns<R extends PortfolioRow>(rows: readonly R[]): Array<{ bucket: Bucket | null; rows: R[]; totals: Totals }> {
  const cols: Array<Bucket | null> = [...BUCKETS, null];
  return cols.map((bucket) => {
    const inIt = rows.filter((r) => r.bucket === bucket).sort((a, b) => b.arr - a.arr || a.name.localeCompare(b.name));
    return { bucket, rows: inIt, totals: totalsOf(inIt) };
  });
}

/** Buckets 3 and 4 look alike from outside: a move into one asks for the evidence (PRODUCT §1). */
export function bucketNeedsEvidence(bucket: Bucket | null): boolean {
  return bucket === 3 || bucket === 4;
}

/**
 * The cost-to-serve × net-revenue matrix (Shapiro et al., "Manage customers for profits", HBR
 * 1987): high revenue and low cost = passive; high and high = carriage trade; low revenue and high
 * cost = aggressive; low and low = bargain basement. The lines are the medians of the accounts shown.
 */
export const QUADRANTS = ['carriage', 'passive', 'aggressive', 'bargain'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface MatrixPoint {
  readonly id: string;
  readonly name: string;
  readonly revenue: Minor;
  readonly cost: Minor;
  readonly profit: Minor;
  readonly quadrant: Quadrant;
  readonly outlier: boolean;
}

export interface Matrix {
  readonly points: readonly MatrixPoint[];
  readonly revenueLine: Minor;
  readonly costLine: Minor;
  readonly counts: Readonly<Record<Quadrant, number>>;
  /** Accounts left out because they have no cost to serve (they would all sit on the axis). */
  readonly withoutCost: number;
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : Math.round((sorted[m - 1]! + sorted[m]!) / 2);
}

function quartiles(values: readonly number[]): { q1: number; q3: number } {
  const s = [...values].sort((a, b) => a - b);
  const half = s.length >> 1;
  return { q1: median(s.slice(0, half)), q3: median(s.slice(s.length % 2 ? half + 1 : half)) };
}

/** Outside Tukey's fences (1.5 × the interquartile range beyond the quartiles); none below 4 values. */
function fences(values: readonly number[]): (v: number) => boolean {
  if (values.length < 4) return () => false;
  const { q1, q3 } = quartiles(values);
  const iqr = q3 - q1;
  return (v) => v < q1 - 1.5 * iqr || v > q3 + 1.5 * iqr;
}

/** Where each account sits; outliers are those outside Tukey's fences on revenue, cost or profit, and those that lose money. */
export function costMarginMatrix(rows: ReadonlyArray<Pick<PortfolioRow, 'id' | 'name' | 'arr' | 'cost' | 'profit' | 'hasCost'>>): Matrix {
  const shown = rows.filter((r) => r.hasCost);
  const revenueLine = median(shown.map((r) => r.arr).sort((a, b) => a - b));
  const costLine = median(shown.map((r) => r.cost).sort((a, b) => a - b));
  const offRevenue = fences(shown.map((r) => r.arr));
  const offCost = fences(shown.map((r) => r.cost));
  const offProfit = fences(shown.map((r) => r.profit));
  const counts: Record<Quadrant, number> = { carriage: 0, passive: 0, aggressive: 0, bargain: 0 };
  const points = shown.map((r): MatrixPoint => {
    const high = r.arr >= revenueLine;
    const costly = r.cost >= costLine;
    const quadrant: Quadrant = high ? (costly ? 'carriage' : 'passive') : costly ? 'aggressive' : 'bargain';
    counts[quadrant] += 1;
    return {
      id: r.id,
      name: r.name,
      revenue: r.arr,
      cost: r.cost,
      profit: r.profit,
      quadrant,
      outlier: r.profit < 0 || offRevenue(r.arr) || offCost(r.cost) || offProfit(r.profit),
    };
  });
  return { points, revenueLine: asMinor(revenueLine), costLine: asMinor(costLine), counts, withoutCost: rows.length - shown.length };
}

/** The outliers to name on the chart: the furthest from zero profit first, at most `max`. */
export function namedOutliers(m: Matrix, max = 8): MatrixPoint[] {
  return m.points
    .filter((p) => p.outlier)
    .sort((a, b) => Math.abs(b.profit) - Math.abs(a.profit) || a.name.localeCompare(b.name))
    .slice(0, max);
}

/** Accounts per spiral stage and lap (PRODUCT §1: functionality → usability → stability → support, then a new lap). */
export function spiralCounts(rows: ReadonlyArray<Pick<PortfolioRow, 'spiralStage' | 'spiralLap'>>): {
  readonly laps: readonly number[];
  readonly cells: ReadonlyArray<{ readonly stage: SpiralStage; readonly total: number; readonly byLap: ReadonlyMap<number, number> }>;
} {
  const byStage = new Map<SpiralStage, Map<number, number>>(SPIRAL_STAGES.map((s) => [s, new Map()]));
  const laps = new Set<number>();
  for (const r of rows) {
    const m = byStage.get(r.spiralStage);
    if (!m) continue;
    m.set(r.spiralLap, (m.get(r.spiralLap) ?? 0) + 1);
    laps.add(r.spiralLap);
  }
  return {
    laps: [...laps].sort((a, b) => a - b),
    cells: SPIRAL_STAGES.map((stage) => {
      const byLap = byStage.get(stage)!;
      return { stage, total: [...byLap.values()].reduce((s, n) => s + n, 0), byLap };
    }),
  };
}

export interface RotationDue {
  readonly id: string;
  readonly name: string;
  readonly communicator: string;
  readonly role: CommunicatorRole;
  readonly tenureMonths: number | null;
  readonly tenure: boolean;
  readonly engineer: boolean;
}

/** Communicators due for rotation (tenure at or over the limit) or an engineer in the seat, longest tenure first. */
export function rotationsDue(
  accounts: ReadonlyArray<
    Pick<AccountFields, 'name' | 'communicator' | 'communicatorRole' | 'communicatorSince'> & { readonly id: string }
  >,
  today: IsoDate,
  rotationMonths: number = DEFAULT_ROTATION_MONTHS,
): RotationDue[] {
  const out: RotationDue[] = [];
  for (const a of accounts) {
    const c = assessCommunicator(a, today, rotationMonths);
    if (!c.rotationDue && !c.engineerInSeat) continue;
    out.push({
      id: a.id,
      name: a.name,
      communicator: a.communicator,
      role: a.communicatorRole,
      tenureMonths: c.tenureMonths,
      tenure: c.rotationDue,
      engineer: c.engineerInSeat,
    });
  }
  return out.sort((a, b) => (b.tenureMonths ?? -1) - (a.tenureMonths ?? -1) || a.name.localeCompare(b.name));
}

export type RiskReason = 'smallDeal' | 'bucket4' | 'lowHealth' | 'losesMoney';
export const LOW_HEALTH = 50;

/** Accounts at risk: a small deal at a big company, bucket 4, health under 50, or losing money; most reasons first. */
export function accountsAtRisk<R extends Pick<PortfolioRow, 'id' | 'name' | 'bucket' | 'arr' | 'potentialArr' | 'profit' | 'hasCost'>>(
  rows: readonly R[],
  health: ReadonlyMap<string, number>,
): Array<{ row: R; reasons: RiskReason[] }> {
  const out: Array<{ row: R; reasons: RiskReason[] }> = [];
  for (const r of rows) {
    const reasons: RiskReason[] = [];
    if (isSmallDealAtBigCompany(r, SMALL_DEAL_THRESHOLD)) reasons.push('smallDeal');
    if (r.bucket === 4) reasons.push('bucket4');
    const h = health.get(r.id);
    if (h !== undefined && h < LOW_HEALTH) reasons.push('lowHealth');
    if (r.hasCost && r.profit < 0) reasons.push('losesMoney');
    if (reasons.length) out.push({ row: r, reasons });
  }
  return out.sort(
    (a, b) => b.reasons.length - a.reasons.length || b.row.potentialArr - a.row.potentialArr || a.row.name.localeCompare(b.row.name),
  );
}

const FILTER_KEYS = { owner: 'owner', sizeClass: 'size', bucket: 'bucket', segment: 'segment', region: 'region' } as const;

/** The filter as a URL query ("owner=Mette%20Lund&bucket=4"); '' without filters. */
export function portfolioQuery(f: PortfolioFilter): string {
  const parts: string[] = [];
  for (const [field, key] of Object.entries(FILTER_KEYS) as Array<[keyof PortfolioFilter, string]>) {
    const v = f[field];
    if (v !== null) parts.push(`${key}=${encodeURIComponent(String(v))}`);
  }
  return parts.join('&');
}

/** key=value pairs of a query ('+' is a space, a broken escape reads as written); the first of a key wins. */
function queryPairs(query: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const [k, v] = at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    const decode = (x: string) => {
      try {
        return decodeURIComponent(x.replace(/\+/g, ' '));
      } catch {
        return x;
      }
    };
    const key = decode(k);
    if (!out.has(key)) out.set(key, decode(v));
  }
  return out;
}

/** A query typed, pasted or kept in a link, read safely: an unknown size class or bucket is no filter. */
export function parsePortfolioQuery(query: string): PortfolioFilter {
  const q = queryPairs(query);
  const text = (key: string) => {
    const v = q.get(key);
    return v === undefined || v.trim() === '' ? null : v.slice(0, 200);
  };
  const size = q.get(FILTER_KEYS.sizeClass);
  const bucket = q.get(FILTER_KEYS.bucket);
  return {
    owner: text(FILTER_KEYS.owner),
    sizeClass: (SIZE_CLASSES as readonly string[]).includes(size ?? '') ? (size as SizeClass) : null,
    bucket:
      bucket === 'none'
        ? 'none'
        : (BUCKETS as readonly number[]).includes(Number(bucket)) && bucket !== ''
          ? (Number(bucket) as Bucket)
          : null,
    segment: text(FILTER_KEYS.segment),
    region: text(FILTER_KEYS.region),
  };
}
