import { z } from 'zod';
import { asMinor, asRatio, isCurrencyCode, type Minor, type Ratio } from './money';
import { isIsoDate, type IsoDate } from './dates';

/** PRODUCT §1: elephants overwhelm a young vendor, deer are the sweet spot, rabbits are small. */
export const SIZE_CLASSES = ['elephant', 'deer', 'rabbit'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/**
 * PRODUCT §1 portfolio buckets: 1 happy in the target use case, 2 target but not yet
 * getting value, 3 savvy adjacent use, 4 forcing an awkward use (fair-exit candidate).
 */
export const BUCKETS = [1, 2, 3, 4] as const;
export type Bucket = (typeof BUCKETS)[number];

/** PRODUCT §1 relationship spiral: a lap runs functionality → usability → stability → support. */
export const SPIRAL_STAGES = ['functionality', 'usability', 'stability', 'support'] as const;
export type SpiralStage = (typeof SPIRAL_STAGES)[number];

export const COMMUNICATOR_ROLES = [
  'accountManager',
  'customerSuccess',
  'solutionsConsultant',
  'productManager',
  'executive',
  'engineer',
] as const;
export type CommunicatorRole = (typeof COMMUNICATOR_ROLES)[number];

/** Cost-to-serve categories, each hours per year at a loaded hourly rate (PRODUCT §1). */
export const COST_CATEGORIES = ['support', 'engineering', 'pm', 'presales', 'custom'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** ICP criteria; each account rates 0–5 per criterion. */
export const ICP_CRITERIA = ['industryFit', 'companySize', 'techMaturity', 'budgetAuthority', 'strategicUseCase'] as const;
export type IcpCriterion = (typeof ICP_CRITERIA)[number];
export type IcpRatings = Partial<Record<IcpCriterion, number>>;

/** The fields of an account, flat so that each carries its own sync stamp. */
export interface AccountFields {
  name: string;
  industry: string;
  region: string;
  currency: string;
  owner: string;
  sizeClass: SizeClass;
  arr: Minor;
  potentialArr: Minor;
  contractStart: IsoDate | null;
  renewalDate: IsoDate | null;
  bucket: Bucket | null;
  bucketEvidence: string;
  supportHours: number;
  supportRate: Minor;
  engineeringHours: number;
  engineeringRate: Minor;
  pmHours: number;
  pmRate: Minor;
  presalesHours: number;
  presalesRate: Minor;
  customHours: number;
  customRate: Minor;
  spiralStage: SpiralStage;
  spiralLap: number;
  communicator: string;
  communicatorRole: CommunicatorRole;
  communicatorSince: IsoDate | null;
  icp: IcpRatings;
  tags: string[];
  notes: string;
  /** The company's website (matching a CRM import by domain). */
  website: string;
  /** The customer's own annual revenue (a CRM's AnnualRevenue), in the account's currency; 0 = unknown. Not what they pay us. */
  annualRevenue: Minor;
  /** Where the account came from in a CRM import: `<source>:<normalised id>`, '' when typed here. */
  sourceKey: string;
}

export const MAX_HOURS = 100_000;
export const MAX_TEXT = 200;
export const MAX_NOTES = 20_000;
/** A CRM record key: `salesforce:` + 15 characters, a HubSpot number, or another system's id. */
export const MAX_SOURCE_KEY = 120;

/** Defaults for a new account; loaded hourly rates are in the account's currency, whole units × 100. */
export function defaultAccountFields(overrides: Partial<AccountFields> = {}): AccountFields {
  return {
    name: '',
    industry: '',
    region: '',
    currency: 'EUR',
    owner: '',
    sizeClass: 'deer',
    arr: asMinor(0),
    potentialArr: asMinor(0),
    contractStart: null,
    renewalDate: null,
    bucket: null,
    bucketEvidence: '',
    supportHours: 0,
    supportRate: asMinor(9_000),
    engineeringHours: 0,
    engineeringRate: asMinor(14_000),
    pmHours: 0,
    pmRate: asMinor(13_000),
    presalesHours: 0,
    presalesRate: asMinor(12_000),
    customHours: 0,
    customRate: asMinor(15_000),
    spiralStage: 'functionality',
    spiralLap: 1,
    communicator: '',
    communicatorRole: 'accountManager',
    communicatorSince: null,
    icp: {},
    tags: [],
    notes: '',
    website: '',
    annualRevenue: asMinor(0),
    sourceKey: '',
    ...overrides,
  };
}

const minorSchema = z
  .number()
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .transform((n) => asMinor(n));
const dateSchema = z
  .string()
  .refine(isIsoDate, 'a date as YYYY-MM-DD')
  .transform((s) => s as IsoDate)
  .nullable();
const hoursSchema = z.number().min(0).max(MAX_HOURS);

/** The account schema at trust boundaries (sample data, CSV, sync files). */
export const accountFieldsSchema = z.object({
  name: z.string().trim().min(1).max(MAX_TEXT),
  industry: z.string().max(MAX_TEXT),
  region: z.string().max(MAX_TEXT),
  currency: z.string().refine(isCurrencyCode, 'an ISO 4217 currency code'),
  owner: z.string().max(MAX_TEXT),
  sizeClass: z.enum(SIZE_CLASSES),
  arr: minorSchema,
  potentialArr: minorSchema,
  contractStart: dateSchema,
  renewalDate: dateSchema,
  bucket: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  bucketEvidence: z.string().max(MAX_NOTES),
  supportHours: hoursSchema,
  supportRate: minorSchema,
  engineeringHours: hoursSchema,
  engineeringRate: minorSchema,
  pmHours: hoursSchema,
  pmRate: minorSchema,
  presalesHours: hoursSchema,
  presalesRate: minorSchema,
  customHours: hoursSchema,
  customRate: minorSchema,
  spiralStage: z.enum(SPIRAL_STAGES),
  spiralLap: z.number().int().min(1).max(999),
  communicator: z.string().max(MAX_TEXT),
  communicatorRole: z.enum(COMMUNICATOR_ROLES),
  communicatorSince: dateSchema,
  icp: z.partialRecord(z.enum(ICP_CRITERIA), z.number().int().min(0).max(5)),
  tags: z.array(z.string().trim().min(1).max(40)).max(30),
  notes: z.string().max(MAX_NOTES),
  website: z.string().max(MAX_TEXT),
  annualRevenue: minorSchema,
  sourceKey: z.string().max(MAX_SOURCE_KEY),
});

/** Penetration = actual ARR ÷ potential ARR (PRODUCT §1); null when the wallet is unknown. */
export function penetration(arr: Minor, potentialArr: Minor): Ratio | null {
  if (potentialArr <= 0) return null;
  return asRatio(arr / potentialArr);
}

export const SMALL_DEAL_THRESHOLD = asRatio(0.1);

/**
 * "Small deal at a big company" (PRODUCT §1): penetration under the threshold (10 % by
 * default) — the remaining wallet is an open opportunity and a risk, not a win.
 */
export function isSmallDealAtBigCompany(a: Pick<AccountFields, 'arr' | 'potentialArr'>, threshold: Ratio = SMALL_DEAL_THRESHOLD): boolean {
  const p = penetration(a.arr, a.potentialArr);
  return p !== null && p < threshold;
}

/** Open wallet = potential − actual ARR, never below zero. */
export function openWallet(a: Pick<AccountFields, 'arr' | 'potentialArr'>): Minor {
  return asMinor(Math.max(0, a.potentialArr - a.arr));
}

export type CostToServe = Record<CostCategory, Minor> & { total: Minor };

/** Cost to serve per year = Σ hours × loaded hourly rate over the five categories, each rounded to whole minor units. */
export function costToServe(a: Pick<AccountFields, `${CostCategory}Hours` | `${CostCategory}Rate`>): CostToServe {
  const line = (c: CostCategory) => asMinor(Math.round(a[`${c}Hours`] * a[`${c}Rate`]));
  const lines = {
    support: line('support'),
    engineering: line('engineering'),
    pm: line('pm'),
    presales: line('presales'),
    custom: line('custom'),
  };
  const total = asMinor(COST_CATEGORIES.reduce((s, c) => s + lines[c], 0));
  return { ...lines, total };
}

/** Profit contribution = revenue (ARR) − cost to serve (PRODUCT §1); may be negative. */
export function profitContribution(a: Parameters<typeof costToServe>[0] & Pick<AccountFields, 'arr'>): Minor {
  return asMinor(a.arr - costToServe(a).total);
}

/** ICP fit score 0–100 = Σ weight × rating ÷ Σ weight × 5 over the rated criteria; null when none is rated. */
export function icpFitScore(ratings: IcpRatings, weights: Readonly<Record<IcpCriterion, number>> = DEFAULT_ICP_WEIGHTS): number | null {
  let got = 0;
  let max = 0;
  for (const c of ICP_CRITERIA) {
    const r = ratings[c];
    if (r === undefined) continue;
    got += weights[c] * r;
    max += weights[c] * 5;
  }
  return max === 0 ? null : Math.round((got / max) * 100);
}

export const DEFAULT_ICP_WEIGHTS: Readonly<Record<IcpCriterion, number>> = {
  industryFit: 3,
  companySize: 2,
  techMaturity: 2,
  budgetAuthority: 2,
  strategicUseCase: 3,
};

/** Next stage of the spiral; after support a new lap starts at functionality (PRODUCT §1). */
export function nextSpiralStep(stage: SpiralStage, lap: number): { stage: SpiralStage; lap: number } {
  const i = SPIRAL_STAGES.indexOf(stage);
  return i === SPIRAL_STAGES.length - 1 ? { stage: 'functionality', lap: lap + 1 } : { stage: SPIRAL_STAGES[i + 1]!, lap };
}

export const MONEY_FIELDS = [
  'arr',
  'potentialArr',
  'annualRevenue',
  'supportRate',
  'engineeringRate',
  'pmRate',
  'presalesRate',
  'customRate',
] as const;

/**
 * Changing an account's currency keeps every amount's face value (1,000.00 EUR → 1,000 JPY):
 * minor units are rescaled by the difference in minor-unit digits. No exchange rate is implied.
 */
export function changeCurrencyPatch(
  a: Pick<AccountFields, (typeof MONEY_FIELDS)[number] | 'currency'>,
  currency: string,
  digits: (c: string) => number,
): Partial<AccountFields> {
  const shift = digits(currency) - digits(a.currency);
  const patch: Partial<AccountFields> = { currency };
  for (const f of MONEY_FIELDS) patch[f] = asMinor(Math.round(a[f] * 10 ** shift));
  return patch;
}

const isText = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;
const isMinorAmount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHours = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_HOURS;
const isDateOrNull = (v: unknown) => v === null || isIsoDate(v);
const oneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v);

/**
 * The same rules as accountFieldsSchema as plain predicates, one per field: the
 * repository checks every write with them (fast enough for 10,000-row inserts;
 * account.test.ts proves both agree on random input).
 */
export const ACCOUNT_FIELD_CHECKS: { readonly [K in keyof AccountFields]: (v: unknown) => boolean } = {
  name: (v) => typeof v === 'string' && v.trim().length >= 1 && v.length <= MAX_TEXT,
  industry: isText(MAX_TEXT),
  region: isText(MAX_TEXT),
  currency: (v) => typeof v === 'string' && isCurrencyCode(v),
  owner: isText(MAX_TEXT),
  sizeClass: oneOf(SIZE_CLASSES),
  arr: isMinorAmount,
  potentialArr: isMinorAmount,
  contractStart: isDateOrNull,
  renewalDate: isDateOrNull,
  bucket: (v) => v === null || oneOf(BUCKETS)(v),
  bucketEvidence: isText(MAX_NOTES),
  supportHours: isHours,
  supportRate: isMinorAmount,
  engineeringHours: isHours,
  engineeringRate: isMinorAmount,
  pmHours: isHours,
  pmRate: isMinorAmount,
  presalesHours: isHours,
  presalesRate: isMinorAmount,
  customHours: isHours,
  customRate: isMinorAmount,
  spiralStage: oneOf(SPIRAL_STAGES),
  spiralLap: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 999,
  communicator: isText(MAX_TEXT),
  communicatorRole: oneOf(COMMUNICATOR_ROLES),
  communicatorSince: isDateOrNull,
  icp: (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.entries(v).every(
      ([k, r]) => (ICP_CRITERIA as readonly string[]).includes(k) && typeof r === 'number' && Number.isInteger(r) && r >= 0 && r <= 5,
    ),
  tags: (v) => Array.isArray(v) && v.length <= 30 && v.every((t) => typeof t === 'string' && t.trim().length >= 1 && t.length <= 40),
  notes: isText(MAX_NOTES),
  website: isText(MAX_TEXT),
  annualRevenue: isMinorAmount,
  sourceKey: isText(MAX_SOURCE_KEY),
};

/** The fields of a (partial) account that break a rule; empty when all is well. Unknown keys count as invalid. */
export function invalidAccountFields(fields: object): string[] {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    const check = (ACCOUNT_FIELD_CHECKS as Record<string, ((v: unknown) => boolean) | undefined>)[k];
    if (!check || !check(v)) bad.push(k);
  }
  return bad;
}
