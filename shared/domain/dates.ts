/** A calendar date without time zone, "YYYY-MM-DD". */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** The first and the last day a date may be: every date field and every door takes years 1900–2999 only. */
export const FIRST_DATE = `${FIRST_YEAR}-01-01` as IsoDate;
export const LAST_DATE = `${LAST_YEAR}-12-31` as IsoDate;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
/** The digit at s[i] as a number, NaN for anything else (so that a sum with it fails every range check). */
const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};

/**
 * A real calendar date written YYYY-MM-DD from FIRST_DATE to LAST_DATE (Gregorian leap years).
 * Read a character at a time, without a regular expression or a Date: every date field of every
 * row read or written passes here.
 */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const mo = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(y >= FIRST_YEAR && y <= LAST_YEAR && mo >= 1 && mo <= 12 && d >= 1)) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]!);
}

export function asIsoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new RangeError(`not a date (YYYY-MM-DD): ${s}`);
  return s;
}

/** The local calendar date of an instant. */
export function toIsoDate(d: Date): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` as IsoDate;
}

function utcDay(d: IsoDate): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, day) / 86_400_000;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return utcDay(b) - utcDay(a);
}

export function addDays(d: IsoDate, days: number): IsoDate {
  const t = new Date((utcDay(d) + days) * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}` as IsoDate;
}

/** Whole calendar months from a to b (a day-of-month not yet reached does not count). */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  let months = (yb - ya) * 12 + (mb - ma);
  if (db < da) months -= 1;
  return months;
}
