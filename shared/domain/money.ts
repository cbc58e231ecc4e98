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
  // `|| 0` folds -0 into 0 so it never prints as "-€0.00".
  return asMinor(Math.sign(raw) * Math.round(Math.abs(raw)) || 0);
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

let knownCurrencies: ReadonlySet<string> | null = null;

/** An ISO 4217 code this runtime's Intl knows (so it can format it). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  if (!knownCurrencies) {
    const supported = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf;
    knownCurrencies = new Set(supported ? supported('currency') : []);
  }
  return knownCurrencies.size === 0 || knownCurrencies.has(code);
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

const MULTIPLIER_EXP: Record<string, number> = { k: 3, m: 6, b: 9, bn: 9 };
const tokenCache = new Map<string, ReadonlySet<string>>();

/** What may stand beside an amount of this currency: its code and symbols ("eur", "€", "kr", "us$"). */
export function currencyTokens(currency: string): ReadonlySet<string> {
  let set = tokenCache.get(currency);
  if (!set) {
    const tokens = new Set([currency.toLowerCase()]);
    for (const locale of ['en', 'da', 'de', 'fr', 'ja', 'sv', 'nb']) {
      for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
        const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay })
          .formatToParts(1)
          .find((p) => p.type === 'currency');
        if (part) tokens.add(part.value.toLowerCase().replace(/[\s.]/g, ''));
      }
    }
    set = tokens;
    tokenCache.set(currency, set);
  }
  return set;
}

/**
 * Parses what a user typed ("1,250,000", "1 250 000,50", "2.5m", "€ 800k", "800k EUR", "-€5")
 * into minor units, exactly (string arithmetic, no floating-point rounding).
 * `decimalSeparator` is the locale's (from Intl); the other of "." and "," groups thousands.
 */
export function parseMoney(input: string, currency: string, decimalSeparator: '.' | ',' = '.'): ParseResult<Minor, MoneyParseError> {
  // "kr. 800": an abbreviation's full stop is not a decimal point.
  const s = input
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/^(-?[a-z]+)\.(?=\d)/, '$1');
  const tokens = currencyTokens(currency);
  if (s === '' || tokens.has(s)) return { ok: false, error: 'empty' };
  const m = /^([^\d.,]*?)([\d.,]+)(bn|k|m|b)?([^\d.,]*)$/.exec(s);
  if (!m) return { ok: false, error: 'notANumber' };
  const [, prefix = '', number = '', mult, suffixRaw = ''] = m;
  let suffix = suffixRaw;
  let exp = mult ? MULTIPLIER_EXP[mult]! : 0;
  // "800 kr", "5 mxn": the currency's own token, not a multiplier followed by letters.
  if (mult && tokens.has(mult + suffix)) {
    suffix = mult + suffix;
    exp = 0;
  }
  const negative = prefix.includes('-');
  const beside = (t: string) => t === '' || tokens.has(t.replace(/\./g, ''));
  if (!beside(prefix.replace(/[-+]/g, '')) || !beside(suffix)) return { ok: false, error: 'notANumber' };
  const group = decimalSeparator === '.' ? ',' : '.';
  const plain = number.split(group).join('');
  const parts = plain.split(decimalSeparator);
  if (parts.length > 2 || plain === decimalSeparator) return { ok: false, error: 'notANumber' };
  const [intPart = '', frac = ''] = parts;
  const d = currencyDigits(currency);
  const scale = frac.length - exp; // decimal places carried by `digits`
  let digits = (intPart + frac).padStart(Math.max(0, scale) + 1, '0');
  if (scale > d) {
    const cut = digits.slice(digits.length - (scale - d));
    if (/[^0]/.test(cut)) return { ok: false, error: 'tooPrecise' };
    digits = digits.slice(0, digits.length - (scale - d));
  } else {
    digits += '0'.repeat(d - scale);
  }
  digits = digits.replace(/^0+(?=\d)/, '');
  if (digits.length > 16) return { ok: false, error: negative ? 'negative' : 'tooLarge' };
  const minor = Number(digits);
  if (negative && minor > 0) return { ok: false, error: 'negative' };
  if (!Number.isSafeInteger(minor) || minor > MAX_MAJOR_UNITS * 10 ** d) return { ok: false, error: 'tooLarge' };
  return { ok: true, value: asMinor(minor) };
}

/** A rate in basis points: 1 % = 100 bp, 100 % = 10 000 bp. Integer, so percentages stay exact. */
export type Bp = number & { readonly __brand: 'Bp' };
export const BP_ONE = 10_000;

export function asBp(n: number): Bp {
  if (!Number.isSafeInteger(n)) throw new RangeError(`basis points must be a whole number, got ${n}`);
  return n as Bp;
}

/**
 * amount × num ÷ den in exact integer arithmetic (BigInt, no float error even past 2^53
 * intermediates), rounded half away from zero to a whole minor unit.
 */
export function mulDivMinor(amount: number, num: number, den: number): Minor {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den === 0) {
    throw new RangeError(`mulDivMinor needs whole numbers and a non-zero divisor (${amount} × ${num} ÷ ${den})`);
  }
  const p = BigInt(amount) * BigInt(num);
  const d = BigInt(den);
  const neg = p < 0n !== d < 0n;
  const ap = p < 0n ? -p : p;
  const ad = d < 0n ? -d : d;
  const q = (ap * 2n + ad) / (ad * 2n); // floor(|p|/|d| + 1/2)
  const n = Number(neg ? -q : q);
  return asMinor(n || 0);
}

/** amount × bp ÷ 10 000, rounded half away from zero ("15 % of €10,000.00" = €1,500.00). */
export function percentOf(amount: Minor, bp: Bp): Minor {
  return mulDivMinor(amount, bp, BP_ONE);
}
