import { toMajor, type Minor } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/dates';
import { differenceInCalendarDays, differenceInMinutes } from 'date-fns';
import { currentLocale } from '../i18n';
import { healthBand } from '@shared/domain/checks';

/** The locale every figure is formatted in: the app's language, in the system's region when it is the same language. */
export const locale = (): string => currentLocale();

const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Date and relative-time formatters, one per locale and style: building one costs far more than using it (a list formats hundreds of cells a render). */
const dateCache = new Map<string, Intl.DateTimeFormat>();
function df(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = dateCache.get(key);
  if (!f) {
    f = make();
    dateCache.set(key, f);
  }
  return f;
}
const relativeCache = new Map<string, Intl.RelativeTimeFormat>();
function rtfFor(l: string): Intl.RelativeTimeFormat {
  let f = relativeCache.get(l);
  if (!f) {
    f = new Intl.RelativeTimeFormat(l, { numeric: 'auto' });
    relativeCache.set(l, f);
  }
  return f;
}

/** "€1,250,000" — whole units unless the amount has cents (or `exact`: always "€1,250,000.00"). */
export function formatMoney(amount: Minor, currency: string, opts: { compact?: boolean; exact?: boolean; whole?: boolean } = {}): string {
  // `whole`: rounded to whole units, for figures summed across accounts ("€5,110,682").
  const major = opts.whole ? Math.round(toMajor(amount, currency)) : toMajor(amount, currency);
  const l = locale();
  // Calculation sheets show every minor unit, so columns line up and sums can be checked by hand.
  if (opts.exact) return nf(`e:${l}:${currency}`, () => new Intl.NumberFormat(l, { style: 'currency', currency })).format(major);
  if (opts.compact) {
    return nf(
      `c:${l}:${currency}`,
      () => new Intl.NumberFormat(l, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }),
    ).format(major);
  }
  const whole = Number.isInteger(major);
  return nf(
    `m:${l}:${currency}:${whole}`,
    () =>
      new Intl.NumberFormat(l, { style: 'currency', currency, ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}) }),
  ).format(major);
}

/** Major units for an input box, no currency symbol: "1250000.5". */
export function moneyInputValue(amount: Minor, currency: string): string {
  const major = toMajor(amount, currency);
  const l = locale();
  return nf(`i:${l}`, () => new Intl.NumberFormat(l, { useGrouping: true, maximumFractionDigits: 3 })).format(major);
}

export function formatPercent(ratio: number, digits = 1): string {
  const l = locale();
  return nf(
    `p:${l}:${digits}`,
    () => new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(ratio);
}

export function formatNumber(n: number, digits = 0): string {
  const l = locale();
  return nf(`n:${l}:${digits}`, () => new Intl.NumberFormat(l, { maximumFractionDigits: digits })).format(n);
}

/** The locale's decimal separator, for parsing what the user types. */
export function decimalSeparator(): '.' | ',' {
  const part = new Intl.NumberFormat(locale()).formatToParts(1.5).find((p) => p.type === 'decimal');
  return part?.value === ',' ? ',' : '.';
}

export function formatDate(d: IsoDate | null): string {
  if (!d) return '';
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const l = locale();
  return df(`d:${l}`, () => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric' })).format(
    new Date(y, m - 1, day),
  );
}

export function formatDateTime(ms: number): string {
  const l = locale();
  return df(`dt:${l}`, () => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(ms));
}

/** "3 days ago" with the absolute time for a tooltip. */
export function formatRelative(ms: number, now: number = Date.now()): string {
  const rtf = rtfFor(locale());
  const minutes = differenceInMinutes(ms, now);
  if (Math.abs(minutes) < 1) return rtf.format(0, 'second');
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  if (Math.abs(minutes) < 24 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  const days = differenceInCalendarDays(ms, now);
  if (Math.abs(days) < 45) return rtf.format(days, 'day');
  if (Math.abs(days) < 365) return rtf.format(Math.round(days / 30.4), 'month');
  return rtf.format(Math.round(days / 365), 'year');
}

/** Relative form of a calendar date: "in 35 days", "yesterday". */
export function formatRelativeDate(d: IsoDate, today: IsoDate): string {
  const rtf = rtfFor(locale());
  const days = differenceInCalendarDays(new Date(d + 'T00:00:00'), new Date(today + 'T00:00:00'));
  if (Math.abs(days) < 60) return rtf.format(days, 'day');
  return rtf.format(Math.round(days / 30.4), 'month');
}

/** Basis points as a percentage with only the decimals it has: 1500 → "15%", 1250 → "12.5%". */
export function formatBp(bp: number): string {
  const l = locale();
  return nf(`bp:${l}`, () => new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 })).format(
    bp / 10_000,
  );
}

/** Basis points for an input box: 1250 → "12.5". */
export function bpInputValue(bp: number): string {
  return formatNumber(bp / 100, 2);
}

/** Engineer-months with one decimal when it has one: 4.5, 12. */
export function formatEm(n: number): string {
  return formatNumber(n, 1);
}

/** The badge tone of a health score (its band from shared/domain/checks.ts). */
export function healthTone(score: number): 'success' | 'warning' | 'danger' {
  const band = healthBand(score);
  return band === 'good' ? 'success' : band === 'fair' ? 'warning' : 'danger';
}
