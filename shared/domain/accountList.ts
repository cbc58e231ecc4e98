import { penetration, type AccountFields, type Bucket, type SizeClass } from './account';
import { toMajor, type Minor } from './money';

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
  readonly arr: Minor;
  readonly potentialArr: Minor;
  readonly penetration: number | null;
  readonly renewalDate: string | null;
  /** Milliseconds of the last change (from the row's newest stamp). */
  readonly updatedMs: number;
  /** Lower-case text the filter searches: name, industry, region, owner, tags. */
  readonly haystack: string;
}

export function toListItem(a: AccountFields & { id: string }, updatedMs: number): AccountListItem {
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

/**
 * Sorts by one column; empty values always go last. Money columns compare amounts in
 * major units of their own currency (no exchange rates exist offline).
 */
export function sortAccounts(items: readonly AccountListItem[], key: SortKey, dir: SortDir): AccountListItem[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (it: AccountListItem): string | number | null => {
    switch (key) {
      case 'name':
      case 'owner':
        return it[key] === '' ? null : it[key];
      case 'sizeClass':
        return SIZE_ORDER[it.sizeClass];
      case 'arr':
      case 'potentialArr':
        return toMajor(it[key], it.currency);
      default:
        return it[key];
    }
  };
  return items
    .map((it) => ({ it, v: value(it) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? collator.compare(a.it.name, b.it.name) : a.v === null ? 1 : -1;
      const c = typeof a.v === 'string' && typeof b.v === 'string' ? collator.compare(a.v, b.v) : (a.v as number) - (b.v as number);
      return c !== 0 ? sign * c : collator.compare(a.it.name, b.it.name);
    })
    .map((x) => x.it);
}

/** Distinct owners, for the owner filter. */
export function ownersOf(items: readonly AccountListItem[]): string[] {
  return [...new Set(items.map((i) => i.owner).filter((o) => o !== ''))].sort(collator.compare);
}
