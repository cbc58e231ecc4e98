import { z } from 'zod';
import { asMinor, BP_ONE, currencyDigits, isCurrencyCode, mulDivMinor, type Bp, type Minor } from './money';
import { addQuarters, isQuarter, quarterIndex, type Quarter } from './quarter';
import type { Bucket } from './account';

/** PRODUCT §4: a roadmap item, planned in a quarter, with its effort in engineer-months. */
export const ITEM_STATUSES = ['idea', 'planned', 'inProgress', 'done', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export interface RoadmapItemFields {
  title: string;
  theme: string;
  plannedQuarter: Quarter;
  /** Engineer-months, at most one decimal (4.5 EM). */
  effortEm: number;
  /** "We would build it anyway": only such items may be accelerated without selling the roadmap's soul (seed 000). */
  onStrategy: boolean;
  status: ItemStatus;
  notes: string;
  /** The quarter it was planned in before an accepted acceleration moved it; null when never accelerated. */
  acceleratedFrom: Quarter | null;
}

export const IMPORTANCES = ['niceToHave', 'important', 'critical'] as const;
export type Importance = (typeof IMPORTANCES)[number];

/** An account asking for an item (PRODUCT §4). `retreatId` is where it was captured, when at a retreat. */
export interface RequestFields {
  itemId: string;
  accountId: string;
  importance: Importance;
  note: string;
  retreatId: string | null;
}

/** Team capacity of one quarter; the row's id is the quarter itself so two devices setting it merge into one row. */
export interface CapacityFields {
  quarter: Quarter;
  engineerMonths: number;
}

/** Workspace-wide roadmap settings (synced: every device must weigh demand the same way). */
export interface RoadmapSettings {
  /** The currency demand is summed in and quotes are priced in. */
  currency: string;
  /** Other currencies → `currency`: micro-units of `currency` per unit (1 SEK = 0.087 EUR → 87 000). */
  rates: Record<string, number>;
  weights: Record<Importance, Bp>;
  /** Capacity of a quarter nobody set, in engineer-months. */
  defaultCapacityEm: number;
  /** Guardrail: one customer funding more than this share of a quarter's capacity. */
  maxFundingShareBp: Bp;
  hoursPerMonth: number;
}

export const ROADMAP_SETTINGS_ID = 'roadmap';

export const DEFAULT_ROADMAP_SETTINGS: RoadmapSettings = {
  currency: 'EUR',
  rates: {},
  weights: { niceToHave: 2500 as Bp, important: 5000 as Bp, critical: 10_000 as Bp },
  defaultCapacityEm: 12,
  maxFundingShareBp: 3000 as Bp,
  hoursPerMonth: 160,
};

export const MAX_EFFORT_EM = 1000;
export const MAX_CAPACITY_EM = 10_000;
export const MAX_RATE_MICROS = 1_000_000_000_000;

/** Effort and capacity: ≥ 0, at most one decimal. */
export function isEngineerMonths(n: unknown, max: number): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= max && Math.abs(Math.round(n * 10) - n * 10) < 1e-9;
}

export const roadmapItemSchema = z.object({
  title: z.string().trim().min(1).max(200),
  theme: z.string().max(80),
  plannedQuarter: z.string().refine(isQuarter, 'quarter'),
  effortEm: z.number().refine((n) => isEngineerMonths(n, MAX_EFFORT_EM) && n > 0, 'effort'),
  onStrategy: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  notes: z.string().max(20_000),
  acceleratedFrom: z.string().refine(isQuarter).nullable(),
});

export const requestSchema = z.object({
  itemId: z.string().min(1),
  accountId: z.string().min(1),
  importance: z.enum(IMPORTANCES),
  note: z.string().max(2000),
  retreatId: z.string().nullable(),
});

const bp = (min: number, max: number) => z.number().int().min(min).max(max);

export const roadmapSettingsSchema = z.object({
  currency: z.string().refine(isCurrencyCode, 'currency'),
  rates: z.record(z.string().refine(isCurrencyCode), z.number().int().min(1).max(MAX_RATE_MICROS)),
  weights: z.object({ niceToHave: bp(0, 100_000), important: bp(0, 100_000), critical: bp(0, 100_000) }),
  defaultCapacityEm: z.number().refine((n) => isEngineerMonths(n, MAX_CAPACITY_EM)),
  maxFundingShareBp: bp(1, BP_ONE),
  hoursPerMonth: z.number().int().min(1).max(744),
});

/** Fills what an older or partial settings row lacks with the defaults. */
export function resolveSettings(row: Partial<RoadmapSettings> | undefined): RoadmapSettings {
  return {
    ...DEFAULT_ROADMAP_SETTINGS,
    ...row,
    weights: { ...DEFAULT_ROADMAP_SETTINGS.weights, ...row?.weights },
    rates: { ...row?.rates },
  };
}

/**
 * An amount in another currency expressed in the settings' currency:
 * amount × rate ÷ 10⁶ × 10^(digits(to) − digits(from)), rounded half away from zero.
 * Null when no rate is set (the caller says so instead of guessing).
 */
export function convert(amount: Minor, from: string, s: Pick<RoadmapSettings, 'currency' | 'rates'>): Minor | null {
  if (from === s.currency) return amount;
  const rate = s.rates[from];
  if (!rate) return null;
  const shift = currencyDigits(s.currency) - currencyDigits(from);
  return shift >= 0 ? mulDivMinor(amount, rate * 10 ** shift, 1_000_000) : mulDivMinor(amount, rate, 1_000_000 * 10 ** -shift);
}

export interface DemandAccount {
  readonly id: string;
  readonly name: string;
  readonly arr: Minor;
  readonly currency: string;
  readonly bucket: Bucket | null;
}

export interface Requester {
  readonly accountId: string;
  readonly name: string;
  readonly importance: Importance;
  readonly arr: Minor | null;
  /** ARR (in the settings' currency) × the importance weight; null when the ARR has no exchange rate. */
  readonly weighted: Minor | null;
  readonly notes: readonly string[];
}

export interface ItemDemand {
  /** Σ requesting accounts' ARR × importance weight (PRODUCT §4), in the settings' currency. */
  readonly total: Minor;
  readonly requesters: readonly Requester[];
  /** Currencies whose ARR could not be counted for lack of an exchange rate. */
  readonly missingRates: readonly string[];
}

const IMPORTANCE_RANK: Record<Importance, number> = { niceToHave: 0, important: 1, critical: 2 };

/**
 * ARR-weighted demand of one item: Σ over requesting accounts of ARR × weight(importance).
 * An account counts once, at the highest importance it gave (two notes are not twice the demand).
 */
export function itemDemand(
  requests: ReadonlyArray<Pick<RequestFields, 'accountId' | 'importance' | 'note'>>,
  accounts: ReadonlyMap<string, DemandAccount>,
  s: Pick<RoadmapSettings, 'currency' | 'rates' | 'weights'>,
): ItemDemand {
  const byAccount = new Map<string, { importance: Importance; notes: string[] }>();
  for (const r of requests) {
    if (!accounts.has(r.accountId)) continue;
    const cur = byAccount.get(r.accountId);
    if (!cur) byAccount.set(r.accountId, { importance: r.importance, notes: r.note ? [r.note] : [] });
    else {
      if (IMPORTANCE_RANK[r.importance] > IMPORTANCE_RANK[cur.importance]) cur.importance = r.importance;
      if (r.note) cur.notes.push(r.note);
    }
  }
  let total = 0;
  const missing = new Set<string>();
  const requesters: Requester[] = [];
  for (const [accountId, { importance, notes }] of byAccount) {
    const a = accounts.get(accountId)!;
    const arr = convert(a.arr, a.currency, s);
    const weighted = arr === null ? null : mulDivMinor(arr, s.weights[importance], BP_ONE);
    if (weighted === null) missing.add(a.currency);
    else total += weighted;
    requesters.push({ accountId, name: a.name, importance, arr, weighted, notes });
  }
  requesters.sort((x, y) => (y.weighted ?? -1) - (x.weighted ?? -1) || x.name.localeCompare(y.name));
  return { total: asMinor(total), requesters, missingRates: [...missing].sort() };
}

export type LoadItem = Pick<RoadmapItemFields, 'plannedQuarter' | 'effortEm' | 'status'> & { readonly id: string };

/** Items that take capacity: all but dropped ones (done work used its quarter's capacity too). */
export const takesCapacity = (i: Pick<RoadmapItemFields, 'status'>): boolean => i.status !== 'dropped';

/** Engineer-months planned per quarter, summed in tenths so 0.1 + 0.2 is exactly 0.3. */
export function quarterLoads(items: readonly LoadItem[]): Map<Quarter, number> {
  const tenths = new Map<Quarter, number>();
  for (const i of items)
    if (takesCapacity(i)) tenths.set(i.plannedQuarter, (tenths.get(i.plannedQuarter) ?? 0) + Math.round(i.effortEm * 10));
  return new Map([...tenths].map(([q, t]) => [q, t / 10]));
}

/** Capacity of a quarter: the value set for it, else the default. */
export function capacityOf(q: Quarter, set: ReadonlyMap<Quarter, number>, s: Pick<RoadmapSettings, 'defaultCapacityEm'>): number {
  return set.get(q) ?? s.defaultCapacityEm;
}

/** A quarter's load against its capacity, as the timeline, the quote's shift and its guardrail show it. */
export interface QuarterStatus {
  /** Engineer-months planned, to one decimal. */
  readonly load: number;
  /** Engineer-months available, to one decimal. */
  readonly capacity: number;
  /** More planned than available. */
  readonly over: boolean;
  /** How far over, in engineer-months to one decimal (0 when not over). */
  readonly overEm: number;
  /** How full, 0–100 (a quarter with no capacity but some load is full). */
  readonly fillPct: number;
}

/**
 * Load against capacity, compared in tenths of an engineer-month — the unit both are kept in —
 * so a sum like 0.1 + 0.2 against 0.3 is not over, and "over by" is exact (16.1 − 15 = 1.1).
 */
export function quarterStatus(load: number, capacity: number): QuarterStatus {
  const l = Math.round(load * 10);
  const c = Math.round(capacity * 10);
  const overTenths = Math.max(0, l - c);
  return {
    load: l / 10,
    capacity: c / 10,
    over: overTenths > 0,
    overEm: overTenths / 10,
    fillPct: c > 0 ? Math.min(100, (l / c) * 100) : l > 0 ? 100 : 0,
  };
}

export interface Slip {
  readonly id: string;
  readonly from: Quarter;
  readonly to: Quarter;
}

export interface SlipResult {
  readonly slips: readonly Slip[];
  /** Quarters left over capacity because nothing in them could move, with how far over. */
  readonly unresolved: ReadonlyArray<{ readonly quarter: Quarter; readonly overEm: number }>;
}

/**
 * What slips when an item is pulled into `target` with no extra staff (PRODUCT §4): from the
 * target quarter onwards, while a quarter's load exceeds its capacity, the movable item with
 * the lowest priority moves one quarter later (cascading). Priority, lowest first: off strategy,
 * then the least demand, then the largest effort, then title. Items in progress or done never
 * move, nor does the accelerated item, nor an item too big to fit the next quarter on its own
 * (slipping it would only push the overload along). Nothing moves past the `horizon`.
 */
export function simulateSlips(
  items: ReadonlyArray<LoadItem & { readonly onStrategy: boolean; readonly title: string }>,
  acceleratedId: string,
  target: Quarter,
  capacity: (q: Quarter) => number,
  demand: (id: string) => number,
  horizon = 12,
): SlipResult {
  const at = new Map(items.filter(takesCapacity).map((i) => [i.id, i.id === acceleratedId ? target : i.plannedQuarter]));
  const byId = new Map(items.map((i) => [i.id, i]));
  const tenths = (q: Quarter) => [...at].filter(([, iq]) => iq === q).reduce((s, [id]) => s + Math.round(byId.get(id)!.effortEm * 10), 0);
  const moved = new Map<string, Quarter>();
  const unresolved: Array<{ quarter: Quarter; overEm: number }> = [];
  for (let k = 0; k < horizon; k++) {
    const q = addQuarters(target, k);
    const cap = Math.round(capacity(q) * 10);
    let load = tenths(q);
    while (load > cap) {
      const next = addQuarters(q, 1);
      const nextCap = Math.round(capacity(next) * 10);
      const movable = [...at]
        .filter(([id, iq]) => {
          const i = byId.get(id)!;
          return (
            iq === q && id !== acceleratedId && (i.status === 'idea' || i.status === 'planned') && Math.round(i.effortEm * 10) <= nextCap
          );
        })
        .map(([id]) => byId.get(id)!)
        .sort(
          (a, b) =>
            Number(a.onStrategy) - Number(b.onStrategy) ||
            demand(a.id) - demand(b.id) ||
            b.effortEm - a.effortEm ||
            a.title.localeCompare(b.title),
        );
      const victim = k < horizon - 1 ? movable[0] : undefined;
      if (!victim) {
        unresolved.push({ quarter: q, overEm: (load - cap) / 10 });
        break;
      }
      at.set(victim.id, next);
      if (!moved.has(victim.id)) moved.set(victim.id, victim.plannedQuarter);
      load -= Math.round(victim.effortEm * 10);
    }
  }
  const slips = [...moved].map(([id, from]) => ({ id, from, to: at.get(id)! })).filter((s) => quarterIndex(s.to) !== quarterIndex(s.from));
  return { slips, unresolved };
}
