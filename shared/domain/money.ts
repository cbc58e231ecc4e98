/**
 * Money is an integer count of the currency's minor units (cents, pence, yen)
 * with the currency kept beside it (ARCHITECTURE rule 2). No floating-point money.
 */
export type Minor = number & { readonly __brand: 'Minor' };
/** A fraction: 0.25 means 25 %. */
export type Ratio = number & { readonly __brand: 'Ratio' };

/** The largest amount the app accepts: one trillion major units. */
export const MAX_MAJOR_UNITS = 1_000_000_000_000;

export function asMinor(n: number): Minor {
  if (!Number.isSafeInteger(n)) throw new RangeError(`money must be a whole number of minor units, got ${n}`);
  return n as Minor;
}

export function asRatio(n: number): Ratio {
  if (!Number.isFinite(n)) throw new RangeError(`not a ratio: ${n}`);
  return n as Ratio;
}

export function addMinor(...amounts: readonly Minor[]): Minor {
  return asMinor(amounts.reduce<number>((s, a) => s + a, 0));
}

/** Whole minor units of quantity × unit price, rounded half away from zero. */
export function multiplyMinor(unit: Minor, quantity: number): Minor {
  const raw = unit * quantity;
  return asMinor(Math.sign(raw) * Math.round(Math.abs(raw)));
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0, KWD 3), from Intl. */
export function currencyDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, d);
  }
  return d;
}

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
  return supported ? supported('currency').includes(code) : true;
}

/** Major units (e.g. 1234.5 EUR) → minor units (123450), rounded to the currency's precision. */
export function toMinor(major: number, currency: string): Minor {
  const factor = 10 ** currencyDigits(currency);
  return asMinor(Math.round(major * factor));
}

export function toMajor(amount: Minor, currency: string): number {
  return amount / 10 ** currencyDigits(currency);
}

export type MoneyParseError = 'empty' | 'notANumber' | 'negative' | 'tooLarge' | 'tooPrecise';
export type ParseResult<T, E extends string> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/**
 * Parses what a user typed ("1,250,000", "1 250 000,50", "2.5m", "€ 800k") into minor units.
 * `decimalSeparator` is the locale's (from Intl); the other of "." and "," is a group separator.
 */
export function parseMoney(input: string, currency: string, decimalSeparator: '.' | ',' = '.'): ParseResult<Minor, MoneyParseError> {
  let s = input.trim().toLowerCase().replace(/[\s\u00a0\u202f']/g, '');
  s = s.replace(/^[^\d\-.,]+/, '').replace(/[a-z$€£¥₹]+$/i, (suffix) => (/^(k|m|bn|b)$/.test(suffix) ? suffix : ''));
  if (s === '') return { ok: false, error: 'empty' };
  let multiplier = 1;
  const suffix = /(k|m|bn|b)$/.exec(s);
  if (suffix) {
    multiplier = suffix[1] === 'k' ? 1e3 : suffix[1] === 'm' ? 1e6 : 1e9;
    s = s.slice(0, -suffix[1]!.length);
  }
  const group = decimalSeparator === '.' ? ',' : '.';
  s = s.split(group).join('');
  if (decimalSeparator === ',') s = s.replace(',', '.');
  if (!/^-?\d*(\.\d*)?$/.test(s) || s === '-' || s === '.' || s === '') return { ok: false, error: 'notANumber' };
  const major = Number(s) * multiplier;
  if (!Number.isFinite(major)) return { ok: false, error: 'notANumber' };
  if (major < 0) return { ok: false, error: 'negative' };
  if (major > MAX_MAJOR_UNITS) return { ok: false, error: 'tooLarge' };
  const digits = currencyDigits(currency);
  const scaled = major * 10 ** digits;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return { ok: false, error: 'tooPrecise' };
  return { ok: true, value: asMinor(Math.round(scaled)) };
}
