import { z } from 'zod';
import { isIsoDate, type IsoDate } from './dates';
import { asMinor, BP_ONE, isCurrencyCode, MAX_MAJOR_UNITS, percentOf, type Bp, type Minor } from './money';

/**
 * PRODUCT §3 and seed 000: a platinum club for a few of the largest customers. In a price
 * negotiation a club seat can hold the price ("A"), or the discount can be given without a
 * seat ("B"); the offer model shows what each costs the vendor over the term.
 */
export const MEMBER_STATUSES = ['candidate', 'invited', 'member', 'alumni'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Statuses that take a seat: an invitation reserves one until it is answered. */
export const SEAT_STATUSES: readonly MemberStatus[] = ['invited', 'member'];

/** One account on the club roster (PRODUCT §3): status, since, our sponsor and theirs. */
export interface MemberFields {
  accountId: string;
  status: MemberStatus;
  since: IsoDate | null;
  ourSponsor: string;
  /** Their sponsor: a person from the account's stakeholder map, or a name typed in. */
  theirSponsorId: string | null;
  theirSponsorName: string;
}

export const memberSchema = z.object({
  accountId: z.string().min(1),
  status: z.enum(MEMBER_STATUSES),
  since: z.string().refine(isIsoDate).nullable(),
  ourSponsor: z.string().trim().max(120),
  theirSponsorId: z.string().nullable(),
  theirSponsorName: z.string().trim().max(120),
});

export interface Benefit {
  name: string;
  description: string;
  /** What delivering it costs per member per year. */
  yearlyCost: Minor;
}

export interface ClubProgramFields {
  name: string;
  seatCap: number;
  currency: string;
  benefits: Benefit[];
  retreatsPerYear: number;
}

export const CLUB_PROGRAM_ID = 'club';

export const DEFAULT_CLUB_PROGRAM: ClubProgramFields = {
  name: 'Platinum club',
  seatCap: 8,
  currency: 'EUR',
  benefits: [],
  retreatsPerYear: 2,
};

export const MAX_SEATS = 200;
const money = z
  .number()
  .int()
  .min(0)
  .max(MAX_MAJOR_UNITS * 1000);

export const clubProgramSchema = z.object({
  name: z.string().trim().min(1).max(120),
  seatCap: z.number().int().min(1).max(MAX_SEATS),
  currency: z.string().refine(isCurrencyCode),
  benefits: z.array(z.object({ name: z.string().trim().min(1).max(120), description: z.string().max(2000), yearlyCost: money })).max(50),
  retreatsPerYear: z.number().int().min(0).max(12),
});

/**
 * The program in force, from the stored `settings` row 'club' (absent, deleted or broken alike):
 * the defaults, with each field of a live row that keeps its rule in clubProgramSchema — the
 * same per-field rule the settings door applies.
 */
export function clubProgramOf(row: unknown): ClubProgramFields {
  const program: ClubProgramFields = { ...DEFAULT_CLUB_PROGRAM, benefits: [...DEFAULT_CLUB_PROGRAM.benefits] };
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return program;
  const stored = row as Readonly<Record<string, unknown>>;
  if (stored.deleted) return program;
  for (const [field, rule] of Object.entries(clubProgramSchema.shape))
    if (Object.hasOwn(stored, field) && rule.safeParse(stored[field]).success)
      (program as unknown as Record<string, unknown>)[field] = stored[field];
  return program;
}

/** The yearly cost of one seat: Σ benefits' yearly cost per member. */
export function seatCostPerYear(p: Pick<ClubProgramFields, 'benefits'>): Minor {
  return asMinor(p.benefits.reduce((s, b) => s + b.yearlyCost, 0));
}

/** Seats taken (invited + members) against the cap. */
export function seatsUsed(roster: ReadonlyArray<{ readonly status: MemberStatus }>): number {
  return roster.filter((r) => SEAT_STATUSES.includes(r.status)).length;
}

/**
 * Whether moving one roster entry to `next` fits under the cap: a move into a seat status
 * needs a free seat unless the entry already holds one.
 */
export function seatRefusal(
  roster: ReadonlyArray<{ readonly id: string; readonly status: MemberStatus }>,
  id: string | null,
  next: MemberStatus,
  cap: number,
): { used: number; cap: number } | null {
  if (!SEAT_STATUSES.includes(next)) return null;
  const current = roster.find((r) => r.id === id);
  if (current && SEAT_STATUSES.includes(current.status)) return null;
  const used = seatsUsed(roster);
  return used >= cap ? { used, cap } : null;
}

// ---------- Offer modelling ----------

export const OFFER_STATUSES = ['draft', 'presented', 'chosen'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface OfferOption {
  label: string;
  discountBp: Bp;
  seat: boolean;
}

export interface OfferFields {
  accountId: string;
  name: string;
  status: OfferStatus;
  currency: string;
  /** List price per year. */
  listPrice: Minor;
  termYears: number;
  /** The discount the buyer asks for. */
  askedDiscountBp: Bp;
  /** What a club seat costs the vendor per year. */
  clubCostPerYear: Minor;
  options: OfferOption[];
  notes: string;
}

export const MAX_TERM_YEARS = 10;

export const offerSchema = z.object({
  accountId: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  status: z.enum(OFFER_STATUSES),
  currency: z.string().refine(isCurrencyCode),
  listPrice: money,
  termYears: z.number().int().min(1).max(MAX_TERM_YEARS),
  askedDiscountBp: z.number().int().min(0).max(BP_ONE),
  clubCostPerYear: money,
  options: z
    .array(z.object({ label: z.string().trim().min(1).max(60), discountBp: z.number().int().min(0).max(BP_ONE), seat: z.boolean() }))
    .min(2)
    .max(8),
  notes: z.string().max(20_000),
});

/** Options A (price held + seat), B (the asked discount, no seat) and C (half the discount + seat). */
export function defaultOptions(askedDiscountBp: number, labels: { a: string; b: string; c: string }): OfferOption[] {
  return [
    { label: labels.a, discountBp: 0 as Bp, seat: true },
    { label: labels.b, discountBp: askedDiscountBp as Bp, seat: false },
    { label: labels.c, discountBp: Math.round(askedDiscountBp / 2) as Bp, seat: true },
  ];
}

/**
 * One rule for options when the buyer's asked discount changes (issue 13): an option that gives
 * the asked discount follows it, and so does one that gives half of it with a seat (the default
 * C); an option the user set to anything else keeps its discount.
 */
export function followAskedDiscount(options: readonly OfferOption[], oldAskedBp: number, newAskedBp: number): OfferOption[] {
  const half = (bp: number) => Math.round(bp / 2);
  return options.map((o) => {
    if (o.discountBp === oldAskedBp && oldAskedBp !== 0) return { ...o, discountBp: newAskedBp as Bp };
    if (o.seat && oldAskedBp !== 0 && o.discountBp === half(oldAskedBp)) return { ...o, discountBp: half(newAskedBp) as Bp };
    return o;
  });
}

/** A new option beyond the first three: a quarter of the asked discount, with a seat. */
export function nextOption(askedDiscountBp: number, label: string): OfferOption {
  return { label, discountBp: Math.round(askedDiscountBp / 4) as Bp, seat: true };
}

export interface OptionResult {
  readonly option: OfferOption;
  /** List price × term: what the contract would be worth undiscounted. */
  readonly gross: Minor;
  /** gross × discount, rounded half away from zero. */
  readonly discountGiven: Minor;
  /** Total contract value = gross − discount given. */
  readonly tcv: Minor;
  /** Club cost per year × term when the option includes a seat. */
  readonly clubCost: Minor;
  /** What the customer pays minus what the seat costs us: tcv − club cost. */
  readonly net: Minor;
  /** What the concession costs the vendor: discount given + club cost. */
  readonly concession: Minor;
  /** net − net of the first option (A). */
  readonly vsFirst: Minor;
}

export interface OfferComparison {
  readonly results: readonly OptionResult[];
  /**
   * The discount at which a year's discount equals a year's club cost (club cost ÷ list price),
   * exactly as a fraction, and in basis points rounded half away from zero for display.
   * Null when the list price is 0.
   */
  readonly breakEven: { readonly num: Minor; readonly den: Minor; readonly bp: number } | null;
  /** Index of the option best for the vendor: the highest net; among equals the smaller discount, then a seat. */
  readonly best: number;
}

/**
 * Whether an offer's arithmetic stays exact: list price and seat cost over the term together
 * within safe integers (1e15 a year for ten years would not be). Offers that do not fit are
 * refused by the repository and by the sync door, and read as list price 0 if stored.
 */
export function offerFits(o: Pick<OfferFields, 'listPrice' | 'termYears' | 'clubCostPerYear'>): boolean {
  const term = o.termYears;
  return (
    Number.isSafeInteger(o.listPrice) &&
    Number.isSafeInteger(o.clubCostPerYear) &&
    Number.isSafeInteger(term) &&
    Number.isSafeInteger(o.listPrice * term + o.clubCostPerYear * term)
  );
}

/** Net revenue of one option over the term (PRODUCT §3). */
export function offerOption(
  o: Pick<OfferFields, 'listPrice' | 'termYears' | 'clubCostPerYear'>,
  option: OfferOption,
  firstNet: Minor | null = null,
): OptionResult {
  const gross = asMinor(o.listPrice * o.termYears);
  const discountGiven = percentOf(gross, option.discountBp);
  const tcv = asMinor(gross - discountGiven);
  const clubCost = asMinor(option.seat ? o.clubCostPerYear * o.termYears : 0);
  const net = asMinor(tcv - clubCost);
  return {
    option,
    gross,
    discountGiven,
    tcv,
    clubCost,
    net,
    concession: asMinor(discountGiven + clubCost),
    vsFirst: asMinor(firstNet === null ? 0 : net - firstNet),
  };
}

/** Every option side by side, the break-even discount and the option best for the vendor. */
export function compareOffer(o: Pick<OfferFields, 'listPrice' | 'termYears' | 'clubCostPerYear' | 'options'>): OfferComparison {
  // A row that cannot be computed exactly (never stored by this version) compares as nothing offered.
  if (!offerFits(o)) o = { ...o, listPrice: asMinor(0), clubCostPerYear: asMinor(0), termYears: 1 };
  const first = o.options[0] ? offerOption(o, o.options[0]).net : null;
  const results = o.options.map((opt) => offerOption(o, opt, first));
  let best = 0;
  results.forEach((r, i) => {
    const b = results[best]!;
    if (
      r.net > b.net ||
      (r.net === b.net &&
        (r.option.discountBp < b.option.discountBp || (r.option.discountBp === b.option.discountBp && r.option.seat && !b.option.seat)))
    )
      best = i;
  });
  const breakEven =
    o.listPrice > 0 ? { num: o.clubCostPerYear, den: o.listPrice, bp: Number(percentOfRatio(o.clubCostPerYear, o.listPrice)) } : null;
  return { results, breakEven, best };
}

/** clubCost ÷ list in basis points, rounded half away from zero (exact BigInt arithmetic). */
function percentOfRatio(num: number, den: number): bigint {
  const n = BigInt(num) * BigInt(BP_ONE);
  const d = BigInt(den);
  return (n * 2n + d) / (d * 2n);
}

/** The seat-versus-discount sentence: which option wins, by how much and why. */
export interface Recommendation {
  readonly best: number;
  readonly reason: 'seatCheaper' | 'discountCheaper' | 'equal' | 'onlyOption' | 'highestNet';
  readonly params: Readonly<Record<string, number | string>>;
}

/**
 * Why the best option is best, in the terms of the trade, against the best option on the other
 * side of it (seat versus no seat): a seat that costs less than the discount it replaces
 * ("seatCheaper"), or a discount that costs less than a seat ("discountCheaper").
 */
export function recommend(
  o: Pick<OfferFields, 'listPrice' | 'termYears' | 'clubCostPerYear' | 'options' | 'askedDiscountBp'>,
  c: OfferComparison = compareOffer(o),
): Recommendation {
  const best = c.results[c.best];
  if (!best) return { best: 0, reason: 'onlyOption', params: {} };
  // The trade in question is seat against discount: compare with the best option on the other
  // side of it when there is one, else with the runner-up.
  const byNet = [...c.results.keys()].filter((i) => i !== c.best).sort((a, b) => c.results[b]!.net - c.results[a]!.net);
  const runnerUp = byNet.find((i) => c.results[i]!.option.seat !== best.option.seat) ?? byNet[0];
  const other = runnerUp === undefined ? null : c.results[runnerUp]!;
  const params = {
    label: best.option.label,
    net: best.net,
    other: other?.option.label ?? '',
    by: other ? best.net - other.net : 0,
    breakEvenBp: c.breakEven?.bp ?? 0,
    askedBp: o.askedDiscountBp,
  };
  if (!other) return { best: c.best, reason: 'onlyOption', params };
  if (other.net === best.net) return { best: c.best, reason: 'equal', params };
  if (best.option.seat && !other.option.seat) return { best: c.best, reason: 'seatCheaper', params };
  if (!best.option.seat && other.option.seat) return { best: c.best, reason: 'discountCheaper', params };
  return { best: c.best, reason: 'highestNet', params };
}
