import { penetration, type AccountFields, type Bucket, type SizeClass } from './account';
import type { Minor } from './money';
import { convert, type RoadmapSettings } from './roadmap';

/**
 * The workspace's reporting currency and the user's rates into it: the one currency the list
 * compares money in. Today these live in the roadmap settings row (demand is summed in it too).
 */
export type Reporting = Pick<RoadmapSettings, 'currency' | 'rates'>;

/** One row of the accounts list: the account's identity plus the figures the list shows. */
export interface AccountListItem {
  readonly id: string;
  readonly name: string;
  readonly industry: string;
  readonly region: string;
  readonly owner: string;
  readonly currency: string;
  readonly sizeClass: SizeClass;
  readonly bucket: Bucket | null;
  /** In the account's own currency: what the list shows (a seller thinks in the contract currency). */
  readonly arr: Minor;
  readonly potentialArr: Minor;
  /** `arr` in the reporting currency at the user's rate; null when the account's currency has none. */
  readonly arrReporting: Minor | null;
  readonly potentialArrReporting: Minor | null;
  readonly penetration: number | null;
  readonly renewalDate: string | null;
  /** Milliseconds of the last change (from the row's newest stamp). */
  readonly updatedMs: number;
  /** Lower-case text the filter searches: name, industry, region, owner, tags. */
  readonly haystack: string;
}

/**
 * An amount in the reporting currency (`convert`: amount × rate ÷ 10⁶, digits shifted). Null when
 * there is no rate, and also when the product of an absurd but allowed rate and amount would not
 * fit a safe integer: such a row sorts with the unconverted ones rather than breaking the list.
 */
export function inReporting(amount: Minor, currency: string, reporting: Reporting): Minor | null {
  try {
    return convert(amount, currency, reporting);
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** Converts once here, when rows or rates change, so sorting never converts per comparison. */
export function toListItem(a: AccountFields & { id: string }, updatedMs: number, reporting: Reporting): AccountListItem {
  return {
    id: a.id,
    name: a.name,
    industry: a.industry,
    region: a.region,
    owner: a.owner,
    currency: a.currency,
    sizeClass: a.sizeClass,
    bucket: a.bucket,
    arr: a.arr,
    potentialArr: a.potentialArr,
    arrReporting: inReporting(a.arr, a.currency, reporting),
    potentialArrReporting: inReporting(a.potentialArr, a.currency, reporting),
    penetration: penetration(a.arr, a.potentialArr),
    renewalDate: a.renewalDate,
    updatedMs,
    haystack: [a.name, a.industry, a.region, a.owner, ...a.tags].join('\u0000').toLowerCase(),
  };
}

export interface AccountFilter {
  readonly text: string;
  readonly sizeClass: SizeClass | null;
  readonly bucket: Bucket | null;
  readonly owner: string | null;
}

export const EMPTY_FILTER: AccountFilter = { text: '', sizeClass: null, bucket: null, owner: null };

/** Keeps items whose text contains every word typed, and that match each chosen facet. */
export function filterAccounts(items: readonly AccountListItem[], f: AccountFilter): AccountListItem[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter(
    (it) =>
      (f.sizeClass === null || it.sizeClass === f.sizeClass) &&
      (f.bucket === null || it.bucket === f.bucket) &&
      (f.owner === null || it.owner === f.owner) &&
      words.every((w) => it.haystack.includes(w)),
  );
}

export const SORT_KEYS = [
  'name',
  'owner',
  'sizeClass',
  'bucket',
  'arr',
  'potentialArr',
  'penetration',
  'renewalDate',
  'updatedMs',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

const SIZE_ORDER: Record<SizeClass, number> = { elephant: 0, deer: 1, rabbit: 2 };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byName = (a: AccountListItem, b: AccountListItem): number => collator.compare(a.name, b.name);
const REPORTING_OF = { arr: 'arrReporting', potentialArr: 'potentialArrReporting' } as const;

/**
 * Money columns compare the amounts in the reporting currency (converted in `toListItem`).
 * Accounts whose currency has no rate cannot be placed among them, so they follow all converted
 * ones in both directions (as empty values do), grouped by currency and ordered by face value
 * within it; equal amounts go by name.
 */
function sortByMoney(items: readonly AccountListItem[], key: 'arr' | 'potentialArr', sign: number): AccountListItem[] {
  const conv = REPORTING_OF[key];
  return [...items].sort((a, b) => {
    const x = a[conv];
    const y = b[conv];
    if (x !== null && y !== null) return sign * (x - y) || byName(a, b);
    if (x !== null) return -1;
    if (y !== null) return 1;
    return (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0) || sign * (a[key] - b[key]) || byName(a, b);
  });
}

/** Sorts by one column; empty values always go last; money as in `sortByMoney`. */
export function sortAccounts(items: readonly AccountListItem[], key: SortKey, dir: SortDir): AccountListItem[] {
  const sign = dir === 'asc' ? 1 : -1;
  if (key === 'arr' || key === 'potentialArr') return sortByMoney(items, key, sign);
  const value = (it: AccountListItem): string | number | null => {
    switch (key) {
      case 'name':
      case 'owner':
        return it[key] === '' ? null : it[key];
      case 'sizeClass':
        return SIZE_ORDER[it.sizeClass];
      default:
        return it[key];
    }
  };
  return items
    .map((it) => ({ it, v: value(it) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? byName(a.it, b.it) : a.v === null ? 1 : -1;
      const c = typeof a.v === 'string' && typeof b.v === 'string' ? collator.compare(a.v, b.v) : (a.v as number) - (b.v as number);
      return c !== 0 ? sign * c : byName(a.it, b.it);
    })
    .map((x) => x.it);
}

/** Distinct owners, for the owner filter. */
export function ownersOf(items: readonly AccountListItem[]): string[] {
  return [...new Set(items.map((i) => i.owner).filter((o) => o !== ''))].sort(collator.compare);
}
