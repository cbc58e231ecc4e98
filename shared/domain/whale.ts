import { asMinor, type Minor } from './money';

/** One account on the whale curve: its profit contribution in the reporting currency. */
export interface WhaleEntry {
  readonly id: string;
  readonly name: string;
  readonly profit: Minor;
}

export interface WhalePoint extends WhaleEntry {
  /** 1-based place after sorting by profit, largest first. */
  readonly rank: number;
  /** Σ profit of this account and every one before it. */
  readonly cumProfit: Minor;
  /** rank ÷ count: the x of the curve, 0–1. */
  readonly accountShare: number;
  /** cumProfit ÷ total profit: the y of the curve; null when the portfolio as a whole makes no profit. */
  readonly profitShare: number | null;
}

export interface WhaleCurve {
  readonly points: readonly WhalePoint[];
  readonly count: number;
  readonly total: Minor;
  /** The largest prefix sum: the fewest top accounts that together make the most profit. Null without accounts. */
  readonly peak: {
    readonly count: number;
    readonly accountShare: number;
    readonly profit: Minor;
    readonly profitShare: number | null;
  } | null;
  /** The accounts that destroy profit (profit < 0): how many and their sum (≤ 0). */
  readonly destroyers: { readonly count: number; readonly profit: Minor };
}

const byProfit = (a: WhaleEntry, b: WhaleEntry) =>
  b.profit - a.profit || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : 1);

/**
 * The whale curve (PRODUCT §1): accounts sorted by profit contribution, largest first;
 * x = cumulative share of accounts, y = cumulative share of total profit. The peak is the
 * largest prefix sum (ties: the fewest accounts), the tail after it destroys profit.
 */
export function whaleCurve(entries: readonly WhaleEntry[]): WhaleCurve {
  const sorted = [...entries].sort(byProfit);
  const count = sorted.length;
  const total = sorted.reduce((s, e) => s + e.profit, 0);
  const shareOf = (cum: number) => (total > 0 ? cum / total : null);
  let cum = 0;
  let best = -Infinity;
  let bestAt = 0;
  let destroyed = 0;
  let destroyers = 0;
  const points = sorted.map((e, i) => {
    cum += e.profit;
    if (cum > best) {
      best = cum;
      bestAt = i + 1;
    }
    if (e.profit < 0) {
      destroyers += 1;
      destroyed += e.profit;
    }
    return { ...e, rank: i + 1, cumProfit: asMinor(cum), accountShare: (i + 1) / count, profitShare: shareOf(cum) };
  });
  return {
    points,
    count,
    total: asMinor(total),
    peak: count === 0 ? null : { count: bestAt, accountShare: bestAt / count, profit: asMinor(best), profitShare: shareOf(best) },
    destroyers: { count: destroyers, profit: asMinor(destroyed) },
  };
}

export interface ExitWhatIf {
  /** The bottom n accounts, least profitable first. */
  readonly accounts: readonly WhalePoint[];
  /** Σ of their profit (negative when they destroy profit). */
  readonly theirProfit: Minor;
  readonly profitAfter: Minor;
  /** profitAfter − total. */
  readonly change: Minor;
  /** change ÷ |total|; null when the total is zero. */
  readonly changeShare: number | null;
}

/**
 * "If the bottom N accounts were let go (a fair exit), profit would be X (+Y %)": total minus the
 * profit of the N least profitable accounts. N is clamped to 0…count (NaN = 0), so no account counts twice.
 */
export function exitBottom(curve: WhaleCurve, n: number): ExitWhatIf {
  const k = Math.max(0, Math.min(curve.count, Math.floor(Number.isNaN(n) ? 0 : n)));
  const accounts = curve.points.slice(curve.count - k).reverse();
  const theirProfit = accounts.reduce((s, p) => s + p.profit, 0);
  const profitAfter = curve.total - theirProfit;
  const change = profitAfter - curve.total;
  return {
    accounts,
    theirProfit: asMinor(theirProfit),
    profitAfter: asMinor(profitAfter),
    change: asMinor(change),
    changeShare: curve.total === 0 ? null : change / Math.abs(curve.total),
  };
}

/** The N a what-if starts with: every account that destroys profit (at least one when there are accounts). */
export function defaultExitCount(curve: WhaleCurve): number {
  return curve.count === 0 ? 0 : Math.max(1, curve.destroyers.count);
}

/** A point the chart draws: x and y in percent (y null when there is no profit to share). */
export interface WhaleChartPoint {
  readonly x: number;
  readonly y: number | null;
  /** The account this point ends at; null for the origin. */
  readonly point: WhalePoint | null;
}

/**
 * The curve as at most `max` points for drawing: the origin, the peak, the last point and evenly
 * spaced ones between (10,000 accounts draw as 400 points; the shape and the peak stay exact).
 */
export function whaleChartPoints(curve: WhaleCurve, maxPoints = 400): WhaleChartPoint[] {
  const n = curve.count;
  // Fewer than four leaves no room between the first, the peak and the last.
  const max = Math.max(4, Math.floor(maxPoints));
  const keep = new Set<number>();
  if (n <= max) for (let i = 0; i < n; i++) keep.add(i);
  else {
    const step = (n - 1) / (max - 3);
    for (let j = 0; j <= max - 3; j++) keep.add(Math.round(j * step));
    keep.add(n - 1);
    if (curve.peak) keep.add(curve.peak.count - 1);
  }
  const out: WhaleChartPoint[] = [{ x: 0, y: curve.total > 0 ? 0 : null, point: null }];
  for (const i of [...keep].sort((a, b) => a - b)) {
    const p = curve.points[i]!;
    out.push({ x: p.accountShare * 100, y: p.profitShare === null ? null : p.profitShare * 100, point: p });
  }
  return out;
}

/** A bar beneath the curve: one account, or a run of neighbouring accounts when there are many. */
export interface WhaleBar {
  /** Ranks from and to (equal for one account). */
  readonly from: number;
  readonly to: number;
  readonly profit: Minor;
  /** The account's name, or the first and last name of the run. */
  readonly names: readonly string[];
  readonly id: string | null;
}

/**
 * Profit per account as bars in curve order; past `max` accounts neighbouring ranks are summed
 * into `max` runs of equal length (a bar per account would be thinner than a pixel).
 */
export function whaleBars(curve: WhaleCurve, max = 120): WhaleBar[] {
  const n = curve.count;
  if (n <= max) return curve.points.map((p) => ({ from: p.rank, to: p.rank, profit: p.profit, names: [p.name], id: p.id }));
  const size = Math.ceil(n / max);
  const out: WhaleBar[] = [];
  for (let start = 0; start < n; start += size) {
    const run = curve.points.slice(start, start + size);
    out.push({
      from: run[0]!.rank,
      to: run[run.length - 1]!.rank,
      profit: asMinor(run.reduce((s, p) => s + p.profit, 0)),
      names: [run[0]!.name, run[run.length - 1]!.name],
      id: null,
    });
  }
  return out;
}
