/** Shared inputs of the acceleration tests: one quote, its funders and context. */
import type { splitTotal } from './acceleration';
import { type CalcLine, type OtherQuote, type QuoteContext, type QuoteFields, type QuoteFunderFacts } from './acceleration';
import { asBp, asMinor } from './money';
import { asQuarter } from './quarter';

export const m = asMinor;
export const q = asQuarter;

/** "Hire early" for SSO: 2027-Q4 → 2027-Q2, 2 engineers at €12,000.00 a month, equal split between Alpha and Beta. */
export const quote = (patch: Partial<QuoteFields> = {}): QuoteFields => ({
  itemId: 'item-sso',
  name: 'Hire early',
  status: 'draft',
  currency: 'EUR',
  fromQuarter: q('2027-Q4'),
  effortEm: 6,
  targetQuarter: q('2027-Q2'),
  staffing: 'hire',
  monthlyCost: m(1_200_000),
  engineers: 2,
  hourlyRate: m(9_500),
  hoursPerMonth: 160,
  rampUpBp: asBp(1500),
  pmQaBp: asBp(1000),
  contingencyBp: asBp(1500),
  marginBp: asBp(2000),
  split: 'equal',
  funders: [
    { accountId: 'A', shareBp: 0 },
    { accountId: 'B', shareBp: 0 },
  ],
  waived: false,
  terms: '',
  ...patch,
});

export const facts = (id: string, name: string, bucket: number, arr: number | null): [string, QuoteFunderFacts] => [
  id,
  { id, name, bucket, arr: arr === null ? null : m(arr) },
];
export const FUNDERS = new Map<string, QuoteFunderFacts>([
  facts('A', 'Alpha', 1, 100_000_000), // ARR €1,000,000.00
  facts('B', 'Beta', 2, 60_000_000), //   ARR €600,000.00
  facts('C', 'Gamma', 3, 40_000_000), //  ARR €400,000.00
  facts('D', 'Delta', 4, 20_000_000),
  facts('E', 'Echo', 4, 10_000_000),
  facts('N', 'Nordic', 1, null), // ARR in a currency without a rate
  facts('Z', 'Zero', 2, 0),
]);

export const context = (patch: Partial<QuoteContext> = {}): QuoteContext => ({
  item: { title: 'SSO via SAML', onStrategy: true, plannedQuarter: q('2027-Q4') },
  funders: FUNDERS,
  others: [],
  targetLoadEm: 0,
  targetCapacityEm: 40,
  maxFundingShareBp: 3000,
  ...patch,
});

export const other = (patch: Omit<Partial<OtherQuote>, 'shares'> & { shares: Record<string, number> }): OtherQuote => ({
  id: 'o',
  itemTitle: 'Audit log',
  status: 'accepted',
  targetQuarter: q('2027-Q2'),
  effortEm: 2,
  price: m(1_000_000),
  ...patch,
  shares: new Map(Object.entries(patch.shares)),
});

export const amounts = (lines: readonly CalcLine[]) => Object.fromEntries(lines.map((l) => [l.key, l.amount]));
export const keys = (lines: readonly CalcLine[]) => lines.map((l) => l.key);
export const partsOf = (split: ReturnType<typeof splitTotal>) => split?.parts.map((p) => [p.accountId, p.amount, p.absorbsRemainder]);
