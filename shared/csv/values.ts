/**
 * Cell text → values, read as the person who wrote the file meant them: dates in ISO, D/M/Y or
 * M/D/Y (the order is inferred from the whole column, never guessed per cell), amounts in the
 * file's locale with currency signs around them, yes/no in a few languages, names.
 * A value that cannot be read is an error with a Reason, never a silent guess.
 */
import { isIsoDate, type IsoDate } from '../domain/dates';
import { currencyTokens, isCurrencyCode, parseMoney, type Minor } from '../domain/money';
import type { DateOrder, DecimalMark, Reason } from './types';

/** A value that could not be read, and why. */
export interface ValueError {
  readonly error: Reason;
}

export function isValueError(v: unknown): v is ValueError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

const fail = (key: string, params: Record<string, string | number>): ValueError => ({ error: { key: `csv.reason.${key}`, params } });

// ---------- Dates ----------

/** "10:00", "10:00:00.000Z", "3:15 PM", "10:00+01:00" after a date: the calendar date is the date as written. */
const TIME = String.raw`(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?`;
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${TIME}$`);
const PAIR_DATE = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\.?${TIME}$`);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "1 Mar 2026", "01-Mar-26", "1. March 2026" */
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})\.?[\s\-/]+([A-Za-z]{3,9})\.?[\s\-/,]+(\d{4}|\d{2})${TIME}$`);
/** "Mar 1, 2026", "March 1 2026" */
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);

type DateShape =
  | { readonly kind: 'full'; readonly y: number; readonly m: number; readonly d: number }
  | { readonly kind: 'pair'; readonly a: number; readonly b: number; readonly y: number };

/** Two-digit years: 00–69 are 20xx, 70–99 are 19xx (the POSIX strptime rule). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

/** An English month name or its abbreviation of at least 3 letters ("Mar", "Sept", "March") → 1–12, else 0. */
function monthOf(name: string): number {
  const lower = name.toLowerCase();
  return lower.length < 3 ? 0 : MONTHS.findIndex((m) => m.startsWith(lower)) + 1;
}

function shapeOf(value: string): DateShape | null {
  let m = ISO_DATE.exec(value);
  if (m) return { kind: 'full', y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
  m = PAIR_DATE.exec(value);
  if (m) return { kind: 'pair', a: Number(m[1]), b: Number(m[3]), y: fullYear(m[4]!) };
  m = DAY_MONTH_NAME.exec(value);
  if (m && monthOf(m[2]!)) return { kind: 'full', y: fullYear(m[3]!), m: monthOf(m[2]!), d: Number(m[1]) };
  m = MONTH_NAME_DAY.exec(value);
  if (m && monthOf(m[1]!)) return { kind: 'full', y: Number(m[3]), m: monthOf(m[1]!), d: Number(m[2]) };
  return null;
}

export interface DateOrderGuess {
  /** The order of the column's day-month dates, 'ymd' for a column of ISO dates, null when unknown. */
  readonly order: DateOrder | null;
  /** True when the column holds dates whose order the file does not prove: the user must say. */
  readonly ambiguous: boolean;
}

/**
 * The order of a column's dates from all its values: a first part above 12 proves D/M/Y, a
 * second part above 12 proves M/D/Y; with neither (every part ≤ 12), or both (a mixed column),
 * the order is unknown and the user is asked. A column of only ISO dates is 'ymd'.
 */
export function inferDateOrder(values: readonly string[]): DateOrderGuess {
  let full = false;
  let pairs = false;
  let dmy = false;
  let mdy = false;
  for (const raw of values) {
    const shape = shapeOf(raw.trim());
    if (!shape) continue;
    if (shape.kind === 'full') {
      full = true;
      continue;
    }
    pairs = true;
    if (shape.a > 12 && shape.a <= 31 && shape.b >= 1 && shape.b <= 12) dmy = true;
    else if (shape.b > 12 && shape.b <= 31 && shape.a >= 1 && shape.a <= 12) mdy = true;
  }
  if (dmy !== mdy) return { order: dmy ? 'dmy' : 'mdy', ambiguous: false };
  if (pairs) return { order: null, ambiguous: true };
  return { order: full ? 'ymd' : null, ambiguous: false };
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * One cell → a calendar date. Empty → null. ISO and month-name dates read in any order; a
 * day-month date in the given order, or — without one — only when it proves its own order
 * ("31/03/2026"). A day that does not exist (31/02) or a year outside 1900–2999 is an error.
 */
export function parseCsvDate(value: string, order: DateOrder | null): IsoDate | null | ValueError {
  const s = value.trim();
  if (s === '') return null;
  const shape = shapeOf(s);
  if (!shape) return fail('dateInvalid', { value: s });
  let y: number;
  let m: number;
  let d: number;
  if (shape.kind === 'full') {
    ({ y, m, d } = shape);
  } else {
    y = shape.y;
    const use = order === 'dmy' || order === 'mdy' ? order : shape.a > 12 ? 'dmy' : shape.b > 12 ? 'mdy' : null;
    if (use === null) return fail('dateAmbiguous', { value: s });
    [d, m] = use === 'dmy' ? [shape.a, shape.b] : [shape.b, shape.a];
  }
  const iso = isoOf(y, m, d);
  return isIsoDate(iso) ? iso : fail('dateImpossible', { value: s });
}

// ---------- Money ----------

const SPACES = /[\s\u00a0\u202f\u2009']/g;
/** "800k", "1.2M", "5 mio.", "2 bn": a rounded figure, refused rather than guessed. */
const ABBREVIATION = /^(?:k|m|mm|mn|mio|mill?|b|bn|mrd|tsd|t|thousand|million|billion)(?![a-z])/i;

/** Currency signs a value may carry, beyond ISO codes (ambiguous ones such as "kr" are left out). */
const SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '￥': 'JPY',
  '₹': 'INR',
  '₩': 'KRW',
  '₽': 'RUB',
  '₺': 'TRY',
  '₪': 'ILS',
  '₫': 'VND',
  '₱': 'PHP',
  zł: 'PLN',
  us$: 'USD',
  ca$: 'CAD',
  c$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  nz$: 'NZD',
  hk$: 'HKD',
  r$: 'BRL',
  $: 'USD',
  'fr.': 'CHF',
};

const SYMBOLS_LONGEST_FIRST = Object.entries(SYMBOLS).sort((a, b) => b[0].length - a[0].length);

/** The currency written in a value ("€1,234" → EUR, "1.234 DKK" → DKK, "$5" → USD), or null. */
export function detectCurrencyInValue(value: string): string | null {
  const s = value.trim();
  const code = /^([A-Za-z]{3})(?![A-Za-z])|(?<![A-Za-z])([A-Za-z]{3})$/.exec(s);
  if (code) {
    const c = (code[1] ?? code[2]!).toUpperCase();
    if (isCurrencyCode(c)) return c;
  }
  const lower = s.toLowerCase();
  for (const [sym, cur] of SYMBOLS_LONGEST_FIRST) {
    if (lower.startsWith(sym) || lower.endsWith(sym)) return cur;
  }
  return null;
}

interface NumberParts {
  readonly prefix: string;
  readonly number: string;
  readonly suffix: string;
  readonly parenthesised: boolean;
}

/** Splits "(€ 1.234,50)" into what is before the number, the number, what is after. */
function splitNumber(value: string): NumberParts | null {
  let s = value.trim();
  const parenthesised = s.startsWith('(') && s.endsWith(')');
  if (parenthesised) s = s.slice(1, -1).trim();
  const m = /^([^\d]*?)([.,]?\d(?:[\d.,\s\u00a0\u202f\u2009']*\d)?[.,]?)([^\d]*)$/.exec(s);
  if (!m) return null;
  return { prefix: m[1]!.trim(), number: m[2]!, suffix: m[3]!.trim(), parenthesised };
}

/** "5.6E7" as Data Loader writes large numbers → "56000000" (exactly, no floating point). */
function expandExponent(s: string): string | null {
  const m = /^(\d+)(?:\.(\d+))?[eE]\+?(\d{1,2})$/.exec(s);
  if (!m) return null;
  const digits = m[1]! + (m[2] ?? '');
  const point = m[1]!.length + Number(m[3]);
  return point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Well-formed numbers per decimal mark: plain ("1234,5"), a bare fraction (",5"), or grouped in threes ("1.234.567,89"). */
const NUMBER_FORMS: Readonly<Record<DecimalMark, readonly RegExp[]>> = {
  '.': [/^\d+(?:\.\d*)?$/, /^\.\d+$/, /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/],
  ',': [/^\d+(?:,\d*)?$/, /^,\d+$/, /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/],
};

/** The number in the given decimal mark as "1234.5", or null when it is not written that way. */
function plainNumber(number: string, decimal: DecimalMark): string | null {
  const n = number.replace(SPACES, '');
  if (!NUMBER_FORMS[decimal].some((re) => re.test(n))) return null;
  const group = decimal === '.' ? ',' : '.';
  const [int = '', frac = ''] = n.split(group).join('').split(decimal);
  return frac === '' ? int || '0' : `${int || '0'}.${frac}`;
}

const normToken = (t: string) => t.toLowerCase().replace(/[\s.]/g, '');

/**
 * One cell → an amount in minor units of `currency` (EUR 2 digits, JPY 0), exactly. Empty →
 * null. Currency signs or codes may stand before or after the number; another currency's is
 * an error, as are a negative amount ("-5", "(1,234.00)": ARR cannot be negative), an
 * abbreviation ("1.2M") and more decimals than the currency has.
 */
export function parseCsvMoney(value: string, currency: string, decimal: DecimalMark): Minor | null | ValueError {
  const raw = value.trim();
  if (raw === '') return null;
  const exp = expandExponent(raw);
  const parts = exp === null ? splitNumber(raw) : { prefix: '', number: exp, suffix: '', parenthesised: false };
  if (!parts) return fail('moneyInvalid', { value: raw });
  let negative = parts.parenthesised;
  const tokens = currencyTokens(currency);
  const side = (text: string, after: boolean): ValueError | null => {
    // A sign may stand on either side of a currency sign: "-€5", "€-5", "5-".
    if (/^[-−]|[-−]$/.test(text)) negative = true;
    const t = text.replace(/^[-−+]\s*|\s*[-−+]$/g, '').trim();
    if (after && ABBREVIATION.test(t)) return fail('moneyAbbreviated', { value: raw });
    if (t === '' || tokens.has(normToken(t))) return null;
    const found = detectCurrencyInValue(t);
    if (found && found !== currency) return fail('moneyOtherCurrency', { value: raw, found, currency });
    return found === currency ? null : fail('moneyInvalid', { value: raw });
  };
  const problem = side(parts.prefix, false) ?? side(parts.suffix, true);
  if (problem) return problem;
  const plain = exp ?? plainNumber(parts.number, decimal);
  if (plain === null) return fail('moneyInvalid', { value: raw });
  const parsed = parseMoney(plain, currency, '.');
  if (!parsed.ok) {
    if (parsed.error === 'tooPrecise') return fail('moneyTooPrecise', { value: raw, currency });
    if (parsed.error === 'tooLarge') return fail('moneyTooLarge', { value: raw });
    return fail('moneyInvalid', { value: raw });
  }
  if (negative && parsed.value > 0) return fail('moneyNegative', { value: raw });
  return parsed.value;
}

/**
 * The decimal mark of a column of amounts: the one under which more values are well-formed
 * numbers ("1.234,56" and "1 234,56" only with ',', "1,234.56" and "1234.5" only with '.');
 * a tie — every value reads both ways, like "1.234" — goes to '.'. With `maxFraction` (the
 * currency's digits), "250.000" has too many decimals for '.', so a column of such is ','.
 */
export function inferDecimalMark(values: readonly string[], maxFraction?: number): DecimalMark {
  let dot = 0;
  let comma = 0;
  const fits = (plain: string | null) => plain !== null && (maxFraction === undefined || (plain.split('.')[1] ?? '').length <= maxFraction);
  for (const v of values) {
    const s = v.trim();
    if (s === '' || expandExponent(s) !== null) continue;
    const parts = splitNumber(s);
    if (!parts) continue;
    if (fits(plainNumber(parts.number, '.'))) dot++;
    if (fits(plainNumber(parts.number, ','))) comma++;
  }
  return comma > dot ? ',' : '.';
}

// ---------- Other values ----------

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'x', 'ja', 'j', 'oui', 'si', 'sí', 'on', 'checked', '✓', '✔']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', 'nej', 'nee', 'nein', 'non', 'off', 'unchecked']);

/** yes/no, true/false, 1/0, y/n, x (a ticked box), and Danish/Dutch/German/French words; empty → null. */
export function parseCsvBoolean(value: string): boolean | null | ValueError {
  const s = value.trim().toLowerCase();
  if (s === '') return null;
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return fail('booleanInvalid', { value: value.trim() });
}

/** Trimmed, runs of white space (also non-breaking) collapsed to one space. */
export function normalizeName(s: string): string {
  return s === '' ? s : s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** "Søren" + "Ærø" → "Søren Ærø"; either part may be empty. */
export function joinName(first: string, last: string): string {
  return normalizeName(`${first} ${last}`);
}

/** "Søren Ærø" → first "Søren", last "Ærø"; "Ærø, Søren" (last name first) → the same; one word → a first name. */
export function splitName(full: string): { readonly first: string; readonly last: string } {
  const s = normalizeName(full);
  const comma = s.indexOf(',');
  if (comma > 0) return { first: normalizeName(s.slice(comma + 1)), last: normalizeName(s.slice(0, comma)) };
  const space = s.lastIndexOf(' ');
  return space < 0 ? { first: s, last: '' } : { first: s.slice(0, space), last: s.slice(space + 1) };
}

const EMAIL = /^[^\s@,;<>()[\]"]+@[^\s@,;<>()[\]"]+\.[^\s@,;<>()[\]".]{2,}$/u;

/** A plausible e-mail address: local@domain.tld, no spaces or list separators (IDN domains like "ærø.dk" pass). */
export function isEmail(s: string): boolean {
  return EMAIL.test(s) && !s.includes('..');
}

/** An ISO 4217 code from a cell ("eur " → "EUR"), or null when it is not one. */
export function parseCurrencyCode(value: string): string | null {
  const c = value.trim().toUpperCase();
  return isCurrencyCode(c) ? c : null;
}

/** A tag list cell: split on ";" or ",", trimmed, empty and repeated tags dropped. */
export function splitTags(value: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of value.split(/[;,]/)) {
    const t = normalizeName(part);
    if (t !== '' && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}
