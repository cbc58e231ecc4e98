/** A calendar date without time zone, "YYYY-MM-DD". */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** The first and the last day a date may be: every date field and every door takes years 1900–2999 only. */
export const FIRST_DATE = `${FIRST_YEAR}-01-01` as IsoDate;
export const LAST_DATE = `${LAST_YEAR}-12-31` as IsoDate;

/** A real calendar date written YYYY-MM-DD from FIRST_DATE to LAST_DATE. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
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
