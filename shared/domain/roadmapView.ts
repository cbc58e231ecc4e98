import type { Bucket } from './account';
import {
  evaluateQuote,
  funderWeights,
  priceQuote,
  quoteShares,
  sharesTotalBp,
  splitTotal,
  type OtherQuote,
  type QuoteEvaluation,
  type QuoteFields,
  type QuoteFunderFacts,
} from './acceleration';
import { BP_ONE, type Minor } from './money';
import {
  capacityOf,
  convert,
  itemDemand,
  quarterLoads,
  simulateSlips,
  type ItemDemand,
  type RequestFields,
  type RoadmapItemFields,
  type RoadmapSettings,
  type SlipResult,
} from './roadmap';
import type { Quarter } from './quarter';
import type { RoadmapFacts } from './checks';

/**
 * Everything the roadmap screens and printed quotes derive their figures from, as plain data:
 * the one place that turns stored rows into the inputs of the pure rules (so the screen and
 * the PDF can never compute a quote differently).
 */
export interface RoadmapData {
  readonly items: ReadonlyArray<RoadmapItemFields & { readonly id: string }>;
  readonly requests: ReadonlyArray<RequestFields & { readonly id: string }>;
  readonly quotes: ReadonlyArray<QuoteFields & { readonly id: string }>;
  readonly capacity: ReadonlyMap<Quarter, number>;
  readonly settings: RoadmapSettings;
  readonly accounts: ReadonlyMap<
    string,
    { readonly id: string; readonly name: string; readonly arr: Minor; readonly currency: string; readonly bucket: Bucket | null }
  >;
}

/** ARR-weighted demand of every item (PRODUCT §4). */
export function demandByItem(d: RoadmapData): Map<string, ItemDemand> {
  const byItem = new Map<string, Array<RequestFields & { id: string }>>();
  for (const r of d.requests) {
    const list = byItem.get(r.itemId);
    if (list) list.push(r);
    else byItem.set(r.itemId, [r]);
  }
  return new Map(d.items.map((i) => [i.id, itemDemand(byItem.get(i.id) ?? [], d.accounts, d.settings)]));
}

/** An account's ARR in a quote's currency; null when no exchange rate gets it there. */
export function arrIn(d: RoadmapData, accountId: string, currency: string): Minor | null {
  const a = d.accounts.get(accountId);
  if (!a) return null;
  if (a.currency === currency) return a.arr;
  return currency === d.settings.currency ? convert(a.arr, a.currency, d.settings) : null;
}

/** Price and shares of a saved quote without its guardrails (what other quotes' guardrails need). */
function sharesOf(d: RoadmapData, q: QuoteFields): OtherQuote['shares'] {
  if (q.split === 'custom' && sharesTotalBp(q.funders) !== BP_ONE) return new Map();
  const weights = funderWeights(q.split, q.funders, (id) => arrIn(d, id, q.currency));
  return quoteShares(weights ? splitTotal(priceQuote(q).price, weights) : null);
}

/** The full evaluation of one quote against the rest of the roadmap: price, split, guardrails. */
export function evaluateInRoadmap(d: RoadmapData, q: QuoteFields & { readonly id: string }): QuoteEvaluation {
  const item = d.items.find((i) => i.id === q.itemId);
  const funders = new Map<string, QuoteFunderFacts>();
  for (const f of q.funders) {
    const a = d.accounts.get(f.accountId);
    if (a) funders.set(a.id, { id: a.id, name: a.name, bucket: a.bucket, arr: arrIn(d, a.id, q.currency) });
  }
  const titles = new Map(d.items.map((i) => [i.id, i.title]));
  const others: OtherQuote[] = d.quotes
    .filter((o) => o.id !== q.id && o.status !== 'draft')
    .map((o) => ({
      id: o.id,
      itemTitle: titles.get(o.itemId) ?? '',
      status: o.status,
      targetQuarter: o.targetQuarter,
      effortEm: o.effortEm,
      price: priceQuote(o).price,
      shares: sharesOf(d, o),
    }));
  const loads = quarterLoads(d.items.filter((i) => i.id !== q.itemId));
  return evaluateQuote(q, {
    item: { title: item?.title ?? '', onStrategy: item?.onStrategy ?? true, plannedQuarter: item?.plannedQuarter ?? q.fromQuarter },
    funders,
    others,
    targetLoadEm: loads.get(q.targetQuarter) ?? 0,
    targetCapacityEm: capacityOf(q.targetQuarter, d.capacity, d.settings),
    maxFundingShareBp: d.settings.maxFundingShareBp,
  });
}

/** What slips out of the target quarter if the item is pulled in with no extra staff. */
export function slipsFor(
  d: RoadmapData,
  q: Pick<QuoteFields, 'itemId' | 'targetQuarter' | 'effortEm'>,
  demand: ReadonlyMap<string, ItemDemand> = demandByItem(d),
): SlipResult {
  return simulateSlips(
    d.items.map((i) => (i.id === q.itemId ? { ...i, effortEm: q.effortEm } : i)),
    q.itemId,
    q.targetQuarter,
    (quarter) => capacityOf(quarter, d.capacity, d.settings),
    (id) => demand.get(id)?.total ?? 0,
  );
}

/** The accepted accelerations an account funds, as the account checks need them. */
export function accountRoadmapFacts(d: RoadmapData, accountId: string): RoadmapFacts {
  const titles = new Map(d.items.map((i) => [i.id, i.title]));
  const accepted = d.quotes.filter((q) => q.status === 'accepted' && q.funders.some((f) => f.accountId === accountId));
  const free: string[] = [];
  const committed: string[] = [];
  const funded = new Map<Quarter, number>();
  for (const q of accepted) {
    const title = titles.get(q.itemId) ?? '';
    const price = priceQuote(q).price;
    if (price === 0) free.push(title);
    committed.push(title);
    const share = sharesOf(d, q).get(accountId) ?? 0;
    funded.set(q.targetQuarter, (funded.get(q.targetQuarter) ?? 0) + q.effortEm * share);
  }
  let heaviest: RoadmapFacts['heaviest'] = null;
  for (const [quarter, em] of funded) {
    const capacityEm = capacityOf(quarter, d.capacity, d.settings);
    const ratio = capacityEm > 0 ? em / capacityEm : 0;
    if (!heaviest || ratio > heaviest.ratio) heaviest = { quarter, fundedEm: Math.round(em * 10) / 10, capacityEm, ratio };
  }
  return { freeAccelerations: free, committedItems: committed, heaviest, limit: d.settings.maxFundingShareBp / BP_ONE };
}
