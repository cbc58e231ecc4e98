import { z } from 'zod';
import { SIZE_CLASSES, type SizeClass } from './account';
import { BP_ONE, isCurrencyCode, MAX_MAJOR_UNITS, percentOf, type Bp, type Minor } from './money';
import { inReporting } from './accountList';
import type { WorkspaceSettings } from './workspace';

/**
 * A market segment (PRODUCT §1, seed 003 on moving upmarket with an ICP): a rule that says
 * which accounts belong to it, and what the user knows of the market it stands for.
 */
export interface SegmentFields {
  name: string;
  /** '' = any industry; otherwise the account's industry, compared without case or outer spaces. */
  industry: string;
  region: string;
  sizeClass: SizeClass | null;
  /** Lowest ICP fit score (0–100) an account needs; null = any, also unscored accounts. */
  minFit: number | null;
  /** How many companies in the market fit the segment (typed by the user). */
  targetCustomers: number;
  /** Where that number comes from ("Eurostat 2025, NACE H52"). */
  targetSource: string;
  /** What one such customer spends a year on what we sell, in `currency`. */
  avgSpend: Minor;
  currency: string;
  /** Share of the deals we go for that we win, in basis points. */
  winRateBp: Bp;
}

export const MAX_TARGETS = 100_000_000;
export const MAX_SEGMENT_TEXT = 200;

const minor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const segmentSchema = z.object({
  name: z.string().trim().min(1).max(MAX_SEGMENT_TEXT),
  industry: z.string().max(MAX_SEGMENT_TEXT),
  region: z.string().max(MAX_SEGMENT_TEXT),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  minFit: z.number().int().min(0).max(100).nullable(),
  targetCustomers: z.number().int().min(0).max(MAX_TARGETS),
  targetSource: z.string().max(MAX_SEGMENT_TEXT),
  avgSpend: minor,
  currency: z.string().refine(isCurrencyCode, 'currency'),
  winRateBp: z.number().int().min(0).max(BP_ONE),
});

export function defaultSegmentFields(currency: string, overrides: Partial<SegmentFields> = {}): SegmentFields {
  return {
    name: '',
    industry: '',
    region: '',
    sizeClass: null,
    minFit: null,
    targetCustomers: 0,
    targetSource: '',
    avgSpend: 0 as Minor,
    currency,
    winRateBp: 0 as Bp,
    ...overrides,
  };
}

/** What a segment rule needs to know of an account. */
export interface SegmentCandidate {
  readonly industry: string;
  readonly region: string;
  readonly sizeClass: SizeClass;
  readonly fit: number | null;
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** An account is in a segment when it meets every part of the rule that is set. */
export function inSegment(a: SegmentCandidate, s: Pick<SegmentFields, 'industry' | 'region' | 'sizeClass' | 'minFit'>): boolean {
  if (s.industry.trim() !== '' && !same(a.industry, s.industry)) return false;
  if (s.region.trim() !== '' && !same(a.region, s.region)) return false;
  if (s.sizeClass !== null && a.sizeClass !== s.sizeClass) return false;
  if (s.minFit !== null && (a.fit === null || a.fit < s.minFit)) return false;
  return true;
}

export interface SegmentFigures {
  /** TAM = target customers × average annual spend, in the segment's currency. */
  readonly tam: Minor;
  /** TAM × win rate: what we can expect to win, in the segment's currency (not the TAM). */
  readonly expected: Minor;
  /** The TAM in the reporting currency; null without a rate for the segment's currency. */
  readonly tamReporting: Minor | null;
  readonly accounts: readonly string[];
  /** Σ ARR of our accounts in the segment, in the reporting currency (those with a rate). */
  readonly arr: Minor;
  /** Our ARR ÷ TAM (both in the reporting currency); null when either is unknown or the TAM is 0. */
  readonly arrPenetration: number | null;
  /** Our customers ÷ target customers; null without targets. */
  readonly customerPenetration: number | null;
  /** Currencies of accounts in the segment whose ARR has no rate (so `arr` leaves them out). */
  readonly missingRates: readonly string[];
}

/** Largest TAM the figures allow (in minor units): the product must stay an exact integer. */
export const MAX_TAM = MAX_MAJOR_UNITS * 1000;

/** Target customers × average spend stays within MAX_TAM (checked where a segment is written). */
export function segmentFits(s: Pick<SegmentFields, 'targetCustomers' | 'avgSpend'>): boolean {
  const tam = s.targetCustomers * s.avgSpend;
  return Number.isSafeInteger(tam) && tam <= MAX_TAM;
}

/**
 * TAM per segment (PRODUCT §1) = target customers × average annual spend; the expected revenue =
 * TAM × win rate, shown as such; penetration = our ARR ÷ TAM and our customers ÷ targets.
 * Worked example: 120 targets × €80,000 = €9,600,000 TAM; at 25 % €2,400,000 expected.
 */
export function segmentFigures(
  s: SegmentFields,
  accounts: ReadonlyArray<SegmentCandidate & { readonly id: string; readonly arr: Minor; readonly currency: string }>,
  ws: Pick<WorkspaceSettings, 'currency' | 'rates'>,
): SegmentFigures {
  // A stored row past the limit (written by hand or another version) counts as no TAM, never a wrong one.
  const tam = (segmentFits(s) ? s.targetCustomers * s.avgSpend : 0) as Minor;
  const expected = percentOf(tam, s.winRateBp);
  const tamReporting = inReporting(tam, s.currency, ws);
  const ids: string[] = [];
  const missing = new Set<string>();
  let arr = 0;
  for (const a of accounts) {
    if (!inSegment(a, s)) continue;
    ids.push(a.id);
    const v = inReporting(a.arr, a.currency, ws);
    if (v === null) missing.add(a.currency);
    else arr += v;
  }
  return {
    tam,
    expected,
    tamReporting,
    accounts: ids,
    arr: arr as Minor,
    arrPenetration: tamReporting !== null && tamReporting > 0 ? arr / tamReporting : null,
    customerPenetration: s.targetCustomers > 0 ? ids.length / s.targetCustomers : null,
    missingRates: [...missing].sort(),
  };
}
