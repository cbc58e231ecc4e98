import type { Bucket } from './account';
import { priceQuote } from './acceleration';
import { exitFigures, type ExitAccount, type ExitFigures } from './fairExit';
import type { FrozenFigures, FrozenOption, MemoExitFields, MemoOptionFields } from './memo';
import { asMinor, type Minor } from './money';
import { quarterIndex, type Quarter } from './quarter';
import { convert, simulateSlips, capacityOf, type ItemDemand, type SlipResult } from './roadmap';
import { demandByItem, type RoadmapData } from './roadmapView';

/** How an option changes the plan for its item. */
export type OptionMove = 'keep' | 'earlier' | 'later' | 'new' | 'none';

export interface AffectedCustomer {
  readonly accountId: string;
  readonly name: string;
  readonly bucket: Bucket | null;
  /** Health 0–100 when known. */
  readonly health: number | null;
  /** Gets the option's item sooner, waits for an item that slips, or is let go. */
  readonly relation: 'gains' | 'waits' | 'leaves';
  /** The items it gains or waits for. */
  readonly items: readonly string[];
}

export interface OptionFigures {
  readonly optionId: string;
  readonly move: OptionMove;
  readonly effortEm: number;
  readonly quarter: Quarter;
  /** The item the option moves; `missing` when it names one that no longer exists. */
  readonly item: { readonly id: string; readonly title: string; readonly plannedQuarter: Quarter } | null;
  readonly itemMissing: boolean;
  /** Items that slip (computed from the capacity timeline), with their titles. */
  readonly slips: ReadonlyArray<{ readonly id: string; readonly title: string; readonly from: Quarter; readonly to: Quarter }>;
  readonly unresolved: SlipResult['unresolved'];
  /** ARR-weighted demand of the item when it lands sooner (PRODUCT §4), in the memo's currency. */
  readonly gained: Minor;
  /** ARR-weighted demand of what slips (and of the item itself when it moves later). */
  readonly slipping: Minor;
  readonly quote: {
    readonly id: string;
    readonly name: string;
    readonly status: string;
    readonly price: Minor | null;
    readonly cost: Minor | null;
  } | null;
  readonly quoteMissing: boolean;
  readonly exit: (ExitFigures & { readonly accountName: string }) | null;
  /** Cost in the memo's currency: the quote's cost + the fair exit's + other; a part without a rate is null. */
  readonly cost: { readonly quote: Minor | null; readonly exit: Minor | null; readonly other: Minor; readonly total: Minor };
  /** Gained + slipping + the quote's price. */
  readonly revenueAtStake: Minor;
  readonly customers: readonly AffectedCustomer[];
  /** Currencies that could not be converted into the memo's (their amounts are left out and named). */
  readonly missingRates: readonly string[];
  /** The amounts are too large to add up exactly: no figure is shown. */
  readonly tooLarge: boolean;
}

type OptionInput = MemoOptionFields & { readonly id: string };
type ExitInput = MemoExitFields & { readonly id: string };

export interface MemoContext {
  readonly roadmap: RoadmapData;
  /** Accounts with what a fair exit needs (cost to serve); the roadmap's map has fewer fields. */
  readonly accounts: ReadonlyMap<string, ExitAccount & { readonly id: string; readonly bucket: Bucket | null }>;
  readonly exits: readonly ExitInput[];
  readonly health?: ReadonlyMap<string, number>;
  readonly demand?: ReadonlyMap<string, ItemDemand>;
}

const NEW_WORK = '\u0000option';

/**
 * What one option of a memo means, from the same rules the roadmap uses (PRODUCT §5):
 * - an option that moves an item earlier is the quote page's "pull it in": slipsFor's cascade, and
 *   its demand is gained; moved later, its own demand is slipping; kept, nothing moves;
 * - an option of new work places its effort in its quarter as one more planned item, and what no
 *   longer fits slips the same way;
 * - revenue at stake = demand gained + demand of everything that slips + the quote's price.
 */
export function optionFigures(o: OptionInput, ctx: MemoContext): OptionFigures {
  try {
    return computeOption(o, ctx);
  } catch (e) {
    // Amounts too large to add up exactly (a damaged or hostile row the door let through within
    // each field's bounds): the option says so instead of breaking the memo.
    if (e instanceof RangeError) return tooLarge(o);
    throw e;
  }
}

function tooLarge(o: OptionInput): OptionFigures {
  const zero = asMinor(0);
  return {
    optionId: o.id,
    move: 'none',
    effortEm: o.effortEm,
    quarter: o.quarter,
    item: null,
    itemMissing: false,
    slips: [],
    unresolved: [],
    gained: zero,
    slipping: zero,
    quote: null,
    quoteMissing: false,
    exit: null,
    cost: { quote: null, exit: null, other: o.otherCost, total: zero },
    revenueAtStake: zero,
    customers: [],
    missingRates: [],
    tooLarge: true,
  };
}

function computeOption(o: OptionInput, ctx: MemoContext): OptionFigures {
  const d = ctx.roadmap;
  const demand = ctx.demand ?? demandByItem(d);
  const currency = d.settings.currency;
  const missing = new Set<string>();
  const item = o.itemId === null ? undefined : d.items.find((i) => i.id === o.itemId);
  const itemMissing = o.itemId !== null && !item;
  const capacity = (q: Quarter) => capacityOf(q, d.capacity, d.settings);
  const demandOf = (id: string) => demand.get(id)?.total ?? 0;

  let move: OptionMove;
  let slips: SlipResult = { slips: [], unresolved: [] };
  if (item) {
    const delta = quarterIndex(o.quarter) - quarterIndex(item.plannedQuarter);
    move = delta < 0 ? 'earlier' : delta > 0 ? 'later' : 'keep';
    if (move !== 'keep' || o.effortEm !== item.effortEm)
      slips = simulateSlips(
        d.items.map((i) => (i.id === item.id ? { ...i, effortEm: o.effortEm } : i)),
        item.id,
        o.quarter,
        capacity,
        demandOf,
      );
  } else if (o.effortEm > 0 && !itemMissing) {
    move = 'new';
    const work = {
      id: NEW_WORK,
      title: o.name,
      plannedQuarter: o.quarter,
      effortEm: o.effortEm,
      status: 'planned' as const,
      onStrategy: true,
    };
    slips = simulateSlips([...d.items, work], NEW_WORK, o.quarter, capacity, demandOf);
  } else move = 'none';

  const titles = new Map(d.items.map((i) => [i.id, i.title]));
  const slipped = slips.slips.map((s) => ({ ...s, title: titles.get(s.id) ?? '' }));
  const gained = item && move === 'earlier' ? demandOf(item.id) : 0;
  const slipping = slipped.reduce((sum, s) => sum + demandOf(s.id), 0) + (item && move === 'later' ? demandOf(item.id) : 0);
  // Only demand that is counted names its missing rates (a kept item's requesters are not counted).
  for (const id of [...(item && (move === 'earlier' || move === 'later') ? [item.id] : []), ...slipped.map((s) => s.id)])
    for (const c of demand.get(id)?.missingRates ?? []) missing.add(c);

  const toMemo = (amount: Minor, from: string): Minor | null => {
    const v = convert(amount, from, d.settings);
    if (v === null) missing.add(from);
    return v;
  };

  const q = o.quoteId === null ? undefined : d.quotes.find((x) => x.id === o.quoteId);
  let quote: OptionFigures['quote'] = null;
  if (q) {
    const p = priceQuote(q);
    quote = { id: q.id, name: q.name, status: q.status, price: toMemo(p.price, q.currency), cost: toMemo(p.cost, q.currency) };
  }

  const exitAccount = o.exitAccountId === null ? undefined : ctx.accounts.get(o.exitAccountId);
  const exitRow = exitAccount ? ctx.exits.find((e) => e.accountId === exitAccount.id && e.memoId === o.memoId) : undefined;
  const exit = exitRow && exitAccount ? { ...exitFigures(exitRow, exitAccount), accountName: exitAccount.name } : null;
  const exitCost = exit ? toMemo(exit.cost, exit.currency) : null;

  const customers = affected(
    ctx,
    item && move === 'earlier' ? item.id : null,
    [...slipped.map((s) => s.id), ...(item && move === 'later' ? [item.id] : [])],
    exitAccount?.id ?? null,
    titles,
    demand,
  );

  const quoteCost = quote?.cost ?? null;
  const total = asMinor((quoteCost ?? 0) + (exitCost ?? 0) + o.otherCost);
  return {
    optionId: o.id,
    move,
    effortEm: o.effortEm,
    quarter: o.quarter,
    item: item ? { id: item.id, title: item.title, plannedQuarter: item.plannedQuarter } : null,
    itemMissing,
    slips: slipped,
    unresolved: slips.unresolved,
    gained: asMinor(gained),
    slipping: asMinor(slipping),
    quote,
    quoteMissing: o.quoteId !== null && !q,
    exit,
    cost: { quote: quoteCost, exit: exitCost, other: o.otherCost, total },
    revenueAtStake: asMinor(gained + slipping + (quote?.price ?? 0)),
    customers,
    missingRates: [...missing].filter((c) => c !== currency).sort(),
    tooLarge: false,
  };
}

/** Requesters of the item gained and of what waits, and the account let go: each once, its strongest relation first. */
function affected(
  ctx: MemoContext,
  gainedItem: string | null,
  waiting: readonly string[],
  leaving: string | null,
  titles: ReadonlyMap<string, string>,
  demand: ReadonlyMap<string, ItemDemand>,
): AffectedCustomer[] {
  const out = new Map<string, { relation: AffectedCustomer['relation']; items: string[] }>();
  const add = (accountId: string, relation: AffectedCustomer['relation'], itemId: string | null) => {
    const cur = out.get(accountId) ?? { relation, items: [] };
    if (relation === 'leaves') cur.relation = 'leaves';
    else if (relation === 'waits' && cur.relation === 'gains') cur.relation = 'waits';
    if (itemId !== null) {
      const title = titles.get(itemId) ?? '';
      if (!cur.items.includes(title)) cur.items.push(title);
    }
    out.set(accountId, cur);
  };
  if (gainedItem !== null) for (const r of demand.get(gainedItem)?.requesters ?? []) add(r.accountId, 'gains', gainedItem);
  for (const id of waiting) for (const r of demand.get(id)?.requesters ?? []) add(r.accountId, 'waits', id);
  if (leaving !== null) add(leaving, 'leaves', null);
  const rank = { leaves: 0, waits: 1, gains: 2 } as const;
  return [...out]
    .map(([accountId, v]) => {
      const a = ctx.accounts.get(accountId) ?? ctx.roadmap.accounts.get(accountId);
      return {
        accountId,
        name: a?.name ?? '',
        bucket: a?.bucket ?? null,
        health: ctx.health?.get(accountId) ?? null,
        relation: v.relation,
        items: v.items,
      };
    })
    .sort((x, y) => rank[x.relation] - rank[y.relation] || x.name.localeCompare(y.name));
}

/** The figures a decision is recorded with (what "shows what has changed since" compares against). */
export function freezeFigures(currency: string, figures: readonly (OptionFigures & { readonly name: string })[]): FrozenFigures {
  const exit = figures.find((f) => f.exit !== null)?.exit ?? null;
  return {
    currency,
    options: figures.map((f): FrozenOption => ({
      id: f.optionId,
      name: f.name,
      effortEm: f.effortEm,
      quarter: f.quarter,
      slips: f.slips.map((s) => ({ title: s.title, from: s.from, to: s.to })),
      gained: f.gained,
      slipping: f.slipping,
      quotePrice: f.quote?.price ?? 0,
      cost: f.cost.total,
      customers: f.customers.length,
    })),
    exit: exit ? { currency: exit.currency, cost: exit.cost, savingPerYear: exit.noCostData ? null : exit.savingPerYear } : null,
  };
}

export type ChangedFigure = 'effortEm' | 'quarter' | 'slips' | 'gained' | 'slipping' | 'quotePrice' | 'cost' | 'customers';

export interface FigureChange {
  readonly optionId: string;
  readonly optionName: string;
  /** `removed`: the option's figures can no longer be computed (its row is gone); `exitSaving`: the fair exit's saving a year. */
  readonly figure: ChangedFigure | 'removed' | 'currency' | 'exitSaving';
  readonly then: string | number;
  readonly now: string | number;
}

/**
 * What has changed since a memo was decided: each figure of each option that differs now from
 * what was recorded (a quote repriced, capacity changed, an item slipped), with both values.
 */
export function changesSince(
  frozen: FrozenFigures,
  live: readonly (OptionFigures & { readonly name: string })[],
  currency: string,
): FigureChange[] {
  if (frozen.currency !== currency) return [{ optionId: '', optionName: '', figure: 'currency', then: frozen.currency, now: currency }];
  const now = freezeFigures(currency, live);
  const byId = new Map(now.options.map((o) => [o.id, o]));
  const out: FigureChange[] = [];
  const slipText = (o: FrozenOption) => o.slips.map((s) => `${s.title} ${s.from}–${s.to}`).join('; ');
  for (const then of frozen.options) {
    const cur = byId.get(then.id);
    if (!cur) {
      out.push({ optionId: then.id, optionName: then.name, figure: 'removed', then: then.name, now: '' });
      continue;
    }
    const fields = [
      'effortEm',
      'quarter',
      'gained',
      'slipping',
      'quotePrice',
      'cost',
      'customers',
    ] as const satisfies readonly ChangedFigure[];
    for (const f of fields)
      if (then[f] !== cur[f]) out.push({ optionId: then.id, optionName: then.name, figure: f, then: then[f], now: cur[f] });
    if (slipText(then) !== slipText(cur))
      out.push({ optionId: then.id, optionName: then.name, figure: 'slips', then: slipText(then), now: slipText(cur) });
  }
  // The fair exit's saving a year was decided on too ("saves €120,000 a year"); its cost is part of
  // its option's cost, compared above. An exit gone with its option is said by "removed".
  const a = frozen.exit;
  const b = now.exit;
  const removed = out.some((c) => c.figure === 'removed');
  if (a && (b ? a.currency !== b.currency || a.savingPerYear !== b.savingPerYear : !removed)) {
    const at = frozen.options.find((o) => live.some((f) => f.optionId === o.id && f.exit !== null)) ?? frozen.options[0];
    out.push({
      optionId: at?.id ?? '',
      optionName: at?.name ?? '',
      figure: 'exitSaving',
      then: a.savingPerYear ?? '',
      now: b?.savingPerYear ?? '',
    });
  }
  return out;
}
