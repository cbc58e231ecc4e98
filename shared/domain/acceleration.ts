import { z } from 'zod';
import { asMinor, BP_ONE, isCurrencyCode, MAX_MAJOR_UNITS, mulDivMinor, percentOf, type Bp, type Minor } from './money';
import { isQuarter, quartersBetween, type Quarter } from './quarter';
import { isEngineerMonths, MAX_EFFORT_EM, quarterStatus } from './roadmap';

/**
 * PRODUCT §4 and seed 000 ("sell the roadmap, not your soul"): a customer, often 2–3 together,
 * pays to pull an item we would build anyway into an earlier quarter.
 */
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const STAFFING_MODES = ['hire', 'contractors'] as const;
export type StaffingMode = (typeof STAFFING_MODES)[number];
export const SPLIT_MODES = ['equal', 'arr', 'custom'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

export interface Funder {
  accountId: string;
  /** Used by the custom split only; basis points (100 % = 10 000). */
  shareBp: number;
}

export interface QuoteFields {
  itemId: string;
  /** A short label to tell variants apart ("Hire early", "Contractors, 20 % margin"). */
  name: string;
  status: QuoteStatus;
  currency: string;
  /** The quarter the item was planned in when the quote was made, and its effort then. */
  fromQuarter: Quarter;
  effortEm: number;
  targetQuarter: Quarter;
  staffing: StaffingMode;
  /** Hire early: loaded monthly cost of one engineer, and how many. */
  monthlyCost: Minor;
  engineers: number;
  /** Contractors: hourly rate, hours per engineer-month and ramp-up overhead. */
  hourlyRate: Minor;
  hoursPerMonth: number;
  rampUpBp: Bp;
  pmQaBp: Bp;
  contingencyBp: Bp;
  marginBp: Bp;
  split: SplitMode;
  funders: Funder[];
  /** Given for free (price 0): allowed, but a guardrail remembers it. */
  waived: boolean;
  terms: string;
}

export const MAX_PERCENT_BP = 100_000; // 1 000 %: overheads beyond that are typing errors
export const MIN_MARGIN_BP = -5_000;
export const MAX_MARGIN_BP = 9_000; // a 100 % margin would need an infinite price
export const MAX_ENGINEERS = 100;
const money = z
  .number()
  .int()
  .min(0)
  .max(MAX_MAJOR_UNITS * 1000);

export const quoteSchema = z.object({
  itemId: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  status: z.enum(QUOTE_STATUSES),
  currency: z.string().refine(isCurrencyCode),
  fromQuarter: z.string().refine(isQuarter),
  effortEm: z.number().refine((n) => isEngineerMonths(n, MAX_EFFORT_EM) && n > 0),
  targetQuarter: z.string().refine(isQuarter),
  staffing: z.enum(STAFFING_MODES),
  monthlyCost: money,
  engineers: z.number().int().min(1).max(MAX_ENGINEERS),
  hourlyRate: money,
  hoursPerMonth: z.number().int().min(1).max(744),
  rampUpBp: z.number().int().min(0).max(MAX_PERCENT_BP),
  pmQaBp: z.number().int().min(0).max(MAX_PERCENT_BP),
  contingencyBp: z.number().int().min(0).max(MAX_PERCENT_BP),
  marginBp: z.number().int().min(MIN_MARGIN_BP).max(MAX_MARGIN_BP),
  split: z.enum(SPLIT_MODES),
  funders: z
    .array(z.object({ accountId: z.string().min(1), shareBp: z.number().int().min(0).max(BP_ONE) }))
    .min(1)
    .max(20)
    .refine((f) => new Set(f.map((x) => x.accountId)).size === f.length, 'duplicate funder'),
  waived: z.boolean(),
  terms: z.string().max(20_000),
});

/** The largest price a quote may reach (one trillion major units of a 3-decimal currency). */
export const MAX_QUOTE_MINOR = MAX_MAJOR_UNITS * 1000;

/** A quote whose price stays within exact integer range: the schema plus "the arithmetic fits". */
export function quoteFits(q: QuoteFields): boolean {
  try {
    const p = priceQuote(q);
    return p.lines.every((l) => Math.abs(l.amount) <= MAX_QUOTE_MINOR);
  } catch {
    return false;
  }
}

/** Months pulled forward: 3 per quarter moved earlier (0 when the target is not earlier). */
export function monthsPulledForward(from: Quarter, target: Quarter): number {
  return Math.max(0, quartersBetween(target, from) * 3);
}

/** One line of the calculation, in the order a reader follows it on paper. */
export interface CalcLine {
  readonly key: 'staffing' | 'rampUp' | 'pmQa' | 'subtotal' | 'contingency' | 'cost' | 'margin' | 'price' | 'waived';
  /** Values for the sentence that explains the line ("4 500 € × 6 months × 2 engineers"). */
  readonly params: Readonly<Record<string, number | string>>;
  readonly amount: Minor;
}

export interface QuotePrice {
  readonly lines: readonly CalcLine[];
  /** What the acceleration costs the vendor: staffing + overheads + contingency. */
  readonly cost: Minor;
  /** What the customers pay together. */
  readonly price: Minor;
  /** price − cost (negative when given below cost). */
  readonly margin: Minor;
  readonly months: number;
  /** Contractor hours (0 in hire mode). */
  readonly hours: number;
}

type PriceInput = Pick<
  QuoteFields,
  | 'fromQuarter'
  | 'targetQuarter'
  | 'effortEm'
  | 'staffing'
  | 'monthlyCost'
  | 'engineers'
  | 'hourlyRate'
  | 'hoursPerMonth'
  | 'rampUpBp'
  | 'pmQaBp'
  | 'contingencyBp'
  | 'marginBp'
  | 'waived'
>;

/**
 * The price of an acceleration (PRODUCT §4), every step rounded half away from zero to a
 * whole minor unit:
 *   hire early   staffing = monthly cost × months pulled forward × engineers
 *   contractors  staffing = hourly rate × (effort EM × hours per month); ramp-up = staffing × ramp %
 *   PM/QA = (staffing + ramp-up) × PM/QA %;  contingency = subtotal × contingency %
 *   cost = subtotal + contingency;  price = cost ÷ (1 − margin %);  margin = price − cost.
 * Margin is a share of the price (a 20 % margin on a cost of 80 is a price of 100).
 */
export function priceQuote(q: PriceInput): QuotePrice {
  const lines: CalcLine[] = [];
  const months = monthsPulledForward(q.fromQuarter, q.targetQuarter);
  let staffing: Minor;
  let hours = 0;
  let rampUp = asMinor(0);
  if (q.staffing === 'hire') {
    staffing = asMinor(q.monthlyCost * months * q.engineers);
    lines.push({ key: 'staffing', params: { mode: 'hire', monthlyCost: q.monthlyCost, months, engineers: q.engineers }, amount: staffing });
  } else {
    const effortTenths = Math.round(q.effortEm * 10);
    hours = (effortTenths * q.hoursPerMonth) / 10;
    // rate × hours with hours carried in tenths: exact even for 4.5 EM × 165 h.
    staffing = mulDivMinor(q.hourlyRate, effortTenths * q.hoursPerMonth, 10);
    lines.push({
      key: 'staffing',
      params: { mode: 'contractors', hourlyRate: q.hourlyRate, hours, effortEm: q.effortEm, hoursPerMonth: q.hoursPerMonth },
      amount: staffing,
    });
    rampUp = percentOf(staffing, q.rampUpBp);
    lines.push({ key: 'rampUp', params: { bp: q.rampUpBp, base: staffing }, amount: rampUp });
  }
  const direct = asMinor(staffing + rampUp);
  const pmQa = percentOf(direct, q.pmQaBp);
  lines.push({ key: 'pmQa', params: { bp: q.pmQaBp, base: direct }, amount: pmQa });
  const subtotal = asMinor(direct + pmQa);
  lines.push({ key: 'subtotal', params: {}, amount: subtotal });
  const contingency = percentOf(subtotal, q.contingencyBp);
  lines.push({ key: 'contingency', params: { bp: q.contingencyBp, base: subtotal }, amount: contingency });
  const cost = asMinor(subtotal + contingency);
  lines.push({ key: 'cost', params: {}, amount: cost });
  let price = mulDivMinor(cost, BP_ONE, BP_ONE - q.marginBp);
  lines.push({ key: 'margin', params: { bp: q.marginBp, cost }, amount: asMinor(price - cost) });
  if (q.waived) {
    lines.push({ key: 'waived', params: { price }, amount: asMinor(-price) });
    price = asMinor(0);
  }
  lines.push({ key: 'price', params: {}, amount: price });
  return { lines, cost, price, margin: asMinor(price - cost), months, hours };
}

export interface FunderWeight {
  readonly accountId: string;
  /** Equal: 1 each; by ARR: ARR in the quote's currency; custom: share in bp. */
  readonly weight: number;
}

export interface SplitPart {
  readonly accountId: string;
  readonly amount: Minor;
  /** The exact share of the total this funder carries (weight ÷ Σ weights). */
  readonly share: number;
  readonly absorbsRemainder: boolean;
}

export interface Split {
  readonly parts: readonly SplitPart[];
  /** Minor units left over after rounding each share down, carried by one funder. */
  readonly remainder: Minor;
}

/**
 * Splits a total by weights so the parts add up exactly to the total: each part is
 * ⌊total × weight ÷ Σ weights⌋, and the few minor units left over go to the funder with the
 * largest weight (the first listed among equals), who is named on the quote.
 * Null when the weights sum to zero (nothing to split by).
 */
export function splitTotal(total: Minor, weights: readonly FunderWeight[]): Split | null {
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  if (weights.length === 0 || sum <= 0 || weights.some((w) => w.weight < 0 || !Number.isSafeInteger(w.weight))) return null;
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const floors = weights.map((w) => (big * BigInt(w.weight)) / bigSum);
  const remainder = Number(big - floors.reduce((s, f) => s + f, 0n));
  let carrier = 0;
  weights.forEach((w, i) => {
    if (w.weight > weights[carrier]!.weight) carrier = i;
  });
  const parts = weights.map((w, i) => ({
    accountId: w.accountId,
    amount: asMinor(Number(floors[i]!) + (i === carrier ? remainder : 0)),
    share: w.weight / sum,
    absorbsRemainder: i === carrier && remainder !== 0,
  }));
  return { parts, remainder: asMinor(remainder) };
}

/** The weights a split mode gives each funder; `arrOf` is the funder's ARR in the quote's currency (null: no rate). */
export function funderWeights(
  split: SplitMode,
  funders: readonly Funder[],
  arrOf: (accountId: string) => Minor | null,
): FunderWeight[] | null {
  if (split === 'equal') return funders.map((f) => ({ accountId: f.accountId, weight: 1 }));
  if (split === 'custom') return funders.map((f) => ({ accountId: f.accountId, weight: f.shareBp }));
  const out: FunderWeight[] = [];
  for (const f of funders) {
    const arr = arrOf(f.accountId);
    if (arr === null) return null;
    out.push({ accountId: f.accountId, weight: arr });
  }
  return out;
}

export const sharesTotalBp = (funders: readonly Funder[]): number => funders.reduce((s, f) => s + f.shareBp, 0);

export type GuardrailId =
  'notOnStrategy' | 'notEarlier' | 'sharesNot100' | 'noArr' | 'fundingShare' | 'freeBefore' | 'bucket4' | 'capacityExceeded' | 'belowCost';

export interface Guardrail {
  readonly id: GuardrailId;
  /** A blocking problem makes the price per funder meaningless; a warning is a judgement call. */
  readonly blocking: boolean;
  readonly params: Readonly<Record<string, number | string>>;
}

export interface QuoteFunderFacts {
  readonly id: string;
  readonly name: string;
  readonly bucket: number | null;
  /** ARR in the quote's currency; null when no exchange rate is set. */
  readonly arr: Minor | null;
}

/** Another saved quote, as far as the guardrails need it. */
export interface OtherQuote {
  readonly id: string;
  readonly itemTitle: string;
  readonly status: QuoteStatus;
  readonly targetQuarter: Quarter;
  readonly effortEm: number;
  readonly price: Minor;
  /** Each funder's share of that quote (0–1). */
  readonly shares: ReadonlyMap<string, number>;
}

export interface QuoteContext {
  readonly item: { readonly title: string; readonly onStrategy: boolean; readonly plannedQuarter: Quarter };
  readonly funders: ReadonlyMap<string, QuoteFunderFacts>;
  readonly others: readonly OtherQuote[];
  /** Engineer-months already planned in the target quarter, not counting this item. */
  readonly targetLoadEm: number;
  readonly targetCapacityEm: number;
  readonly maxFundingShareBp: number;
}

export interface QuoteEvaluation {
  readonly price: QuotePrice;
  /** Null while a blocking guardrail makes a split meaningless. */
  readonly split: Split | null;
  readonly guardrails: readonly Guardrail[];
  readonly blocked: boolean;
  /** Engineer-months the chosen staffing adds to the target quarter. */
  readonly addedCapacityEm: number;
}

/** Staffing added to the target quarter: hired engineers work its 3 months; contractors deliver the whole effort. */
export function addedCapacity(q: Pick<QuoteFields, 'staffing' | 'engineers' | 'effortEm'>): number {
  return q.staffing === 'hire' ? q.engineers * 3 : q.effortEm;
}

/**
 * Price, split and guardrails of a quote — the one function the screen and the printed quote
 * both call. Guardrails are never silent (PRODUCT §4): each comes with the figures behind it.
 */
export function evaluateQuote(q: QuoteFields, ctx: QuoteContext): QuoteEvaluation {
  const price = priceQuote(q);
  const g: Guardrail[] = [];
  // A negative margin sells below cost: allowed (a waived quote is the deliberate case), never silent.
  if (!q.waived && price.margin < 0)
    g.push({ id: 'belowCost', blocking: false, params: { loss: -price.margin, cost: price.cost, price: price.price } });
  if (!ctx.item.onStrategy) g.push({ id: 'notOnStrategy', blocking: false, params: { item: ctx.item.title } });
  if (quartersBetween(q.targetQuarter, q.fromQuarter) <= 0)
    g.push({ id: 'notEarlier', blocking: true, params: { target: q.targetQuarter, from: q.fromQuarter } });
  if (q.split === 'custom' && sharesTotalBp(q.funders) !== BP_ONE)
    g.push({ id: 'sharesNot100', blocking: true, params: { totalBp: sharesTotalBp(q.funders) } });
  const weights =
    q.split === 'custom' && sharesTotalBp(q.funders) !== BP_ONE
      ? null
      : funderWeights(q.split, q.funders, (id) => ctx.funders.get(id)?.arr ?? null);
  let split = weights ? splitTotal(price.price, weights) : null;
  if (q.split === 'arr' && !split) {
    // No rate for some funder's currency, or nobody has any ARR to weigh by.
    const missing = q.funders.filter((f) => !ctx.funders.get(f.accountId)?.arr).map((f) => ctx.funders.get(f.accountId)?.name ?? '?');
    g.push({ id: 'noArr', blocking: true, params: { names: missing.join(', '), count: missing.length } });
  }
  const blockedBeforeShares = g.some((x) => x.blocking);
  for (const f of q.funders) {
    const facts = ctx.funders.get(f.accountId);
    if (!facts) continue;
    if (facts.bucket === 4) g.push({ id: 'bucket4', blocking: false, params: { name: facts.name } });
    const free = ctx.others.filter((o) => o.status === 'accepted' && o.price === 0 && o.shares.has(f.accountId));
    if (free.length > 0)
      g.push({
        id: 'freeBefore',
        blocking: false,
        params: { name: facts.name, count: free.length, items: free.map((o) => o.itemTitle).join(', ') },
      });
  }
  if (split && !blockedBeforeShares && ctx.targetCapacityEm > 0) {
    for (const part of split.parts) {
      const facts = ctx.funders.get(part.accountId);
      if (!facts) continue;
      const earlier = ctx.others
        .filter((o) => o.status === 'accepted' && o.targetQuarter === q.targetQuarter)
        .reduce((s, o) => s + o.effortEm * (o.shares.get(part.accountId) ?? 0), 0);
      const fundedEm = earlier + q.effortEm * part.share;
      const ratio = fundedEm / ctx.targetCapacityEm;
      if (ratio * BP_ONE > ctx.maxFundingShareBp + 1e-9) {
        g.push({
          id: 'fundingShare',
          blocking: false,
          params: {
            name: facts.name,
            fundedEm: Math.round(fundedEm * 10) / 10,
            capacityEm: ctx.targetCapacityEm,
            quarter: q.targetQuarter,
            ratio,
            limit: ctx.maxFundingShareBp / BP_ONE,
          },
        });
      }
    }
  }
  const added = addedCapacity(q);
  const target = quarterStatus(ctx.targetLoadEm + q.effortEm, ctx.targetCapacityEm + added);
  if (target.over) {
    g.push({
      id: 'capacityExceeded',
      blocking: false,
      params: { quarter: q.targetQuarter, loadEm: target.load, capacityEm: target.capacity },
    });
  }
  const blocked = g.some((x) => x.blocking);
  if (blocked) split = null;
  return { price, split, guardrails: g, blocked, addedCapacityEm: added };
}

/** Shares a quote's funders carry, for the guardrails of other quotes. */
export function quoteShares(split: Split | null): Map<string, number> {
  return new Map(split?.parts.map((p) => [p.accountId, p.share]) ?? []);
}

/**
 * A new quote's starting terms, for the user to adjust: a loaded engineer at 12 000 a month,
 * contractors at 95 an hour with 15 % ramp-up, 10 % PM/QA, 10 % contingency, 20 % margin,
 * split equally. Amounts are in the quote's currency.
 */
export function newQuoteFields(input: {
  readonly itemId: string;
  readonly name: string;
  readonly fromQuarter: Quarter;
  readonly targetQuarter: Quarter;
  readonly effortEm: number;
  readonly currency: string;
  readonly hoursPerMonth: number;
  readonly staffing: StaffingMode;
  readonly funderIds: readonly string[];
  readonly minorPerMajor: number;
}): QuoteFields {
  const n = input.funderIds.length;
  const even = n > 0 ? Math.floor(BP_ONE / n) : 0;
  return {
    itemId: input.itemId,
    name: input.name,
    status: 'draft',
    currency: input.currency,
    fromQuarter: input.fromQuarter,
    effortEm: input.effortEm,
    targetQuarter: input.targetQuarter,
    staffing: input.staffing,
    monthlyCost: asMinor(12_000 * input.minorPerMajor),
    // Enough engineers to deliver the effort inside the target quarter's three months.
    engineers: Math.min(MAX_ENGINEERS, Math.max(1, Math.ceil(input.effortEm / 3))),
    hourlyRate: asMinor(95 * input.minorPerMajor),
    hoursPerMonth: input.hoursPerMonth,
    rampUpBp: 1500 as Bp,
    pmQaBp: 1000 as Bp,
    contingencyBp: 1000 as Bp,
    marginBp: 2000 as Bp,
    split: 'equal',
    // Custom shares start even; the first funder takes the basis points that do not divide.
    funders: input.funderIds.map((accountId, i) => ({ accountId, shareBp: even + (i === 0 ? BP_ONE - even * n : 0) })),
    waived: false,
    terms: '',
  };
}
