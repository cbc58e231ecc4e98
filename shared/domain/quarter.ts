import type { IsoDate } from './dates';

/** A calendar quarter, "2027-Q3" (PRODUCT §4: items are planned per quarter). */
export type Quarter = string & { readonly __brand: 'Quarter' };

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
export const MIN_QUARTER_YEAR = 2000;
export const MAX_QUARTER_YEAR = 2100;

export function isQuarter(s: unknown): s is Quarter {
  if (typeof s !== 'string') return false;
  const m = QUARTER_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  return y >= MIN_QUARTER_YEAR && y <= MAX_QUARTER_YEAR;
}

export type QuarterParseError = 'empty' | 'format' | 'range';

/** Reads what a user typed: "2027-Q3", "2027 q3", "Q3 2027", "q3-27". */
export function parseQuarter(input: string): { ok: true; value: Quarter } | { ok: false; error: QuarterParseError } {
  const s = input.trim().toUpperCase().replace(/\s+/g, ' ');
  if (s === '') return { ok: false, error: 'empty' };
  let year: number;
  let q: number;
  let m = /^(\d{4})[ \-/]?Q(\d)$/.exec(s);
  if (m) {
    year = Number(m[1]);
    q = Number(m[2]);
  } else if ((m = /^Q(\d)[ \-/]?(\d{4}|\d{2})$/.exec(s))) {
    q = Number(m[1]);
    year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  } else {
    return { ok: false, error: 'format' };
  }
  if (q < 1 || q > 4) return { ok: false, error: 'format' };
  if (year < MIN_QUARTER_YEAR || year > MAX_QUARTER_YEAR) return { ok: false, error: 'range' };
  return { ok: true, value: `${year}-Q${q}` as Quarter };
}

export function asQuarter(s: string): Quarter {
  if (!isQuarter(s)) throw new RangeError(`not a quarter (YYYY-Qn): ${s}`);
  return s;
}

/** Quarters since year 0, so that differences count quarters: index(2027-Q1) − index(2026-Q4) = 1. */
export function quarterIndex(q: Quarter): number {
  const m = QUARTER_RE.exec(q)!;
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function quarterFromIndex(i: number): Quarter {
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}` as Quarter;
}

export function addQuarters(q: Quarter, n: number): Quarter {
  return quarterFromIndex(quarterIndex(q) + n);
}

/** Whole quarters from a to b (positive when b is later). */
export function quartersBetween(a: Quarter, b: Quarter): number {
  return quarterIndex(b) - quarterIndex(a);
}

/** The quarter a calendar date falls in. */
export function quarterOf(d: IsoDate): Quarter {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}` as Quarter;
}

/** Every quarter from a to b inclusive, in order (empty when b is before a). */
export function quarterRange(a: Quarter, b: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let i = quarterIndex(a); i <= quarterIndex(b); i++) out.push(quarterFromIndex(i));
  return out;
}
