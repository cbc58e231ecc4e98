import { FIRST_DATE, LAST_DATE, isIsoDate, type IsoDate } from '@shared/domain/dates';
import { asBp, parseMoney, type Bp, type Minor } from '@shared/domain/money';
import { parseQuarter, type Quarter } from '@shared/domain/quarter';
import { i18next } from '../i18n';
import { decimalSeparator, locale } from './format';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const t = (key: string, opts?: Record<string, unknown>) => i18next.t(key, opts);

export function textParser(opts: { required?: boolean; max: number }) {
  return (s: string): Parsed<string> => {
    const v = s.trim();
    if (opts.required && v === '') return { ok: false, error: t('validation.required') };
    if (v.length > opts.max) return { ok: false, error: t('validation.tooLong', { max: opts.max }) };
    return { ok: true, value: v };
  };
}

export function moneyParser(currency: string) {
  return (s: string): Parsed<Minor> => {
    const r = parseMoney(s, currency, decimalSeparator());
    if (r.ok) return r;
    return { ok: false, error: t(`validation.money.${r.error}`, { currency }) };
  };
}

export function numberParser(opts: { min: number; max: number; integer?: boolean; allowEmpty?: boolean }) {
  return (s: string): Parsed<number> => {
    const raw = s.trim().replace(/\s/g, '');
    if (raw === '') return opts.allowEmpty ? { ok: true, value: 0 } : { ok: false, error: t('validation.required') };
    const normal = decimalSeparator() === ',' ? raw.replace(/\./g, '').replace(',', '.') : raw.replace(/,/g, '');
    const n = Number(normal);
    if (!/^-?\d*(\.\d*)?$/.test(normal) || !Number.isFinite(n)) return { ok: false, error: t('validation.notANumber') };
    if (opts.integer && !Number.isInteger(n)) return { ok: false, error: t('validation.wholeNumber') };
    if (n < opts.min || n > opts.max) return { ok: false, error: t('validation.range', { min: opts.min, max: opts.max }) };
    return { ok: true, value: n };
  };
}

/**
 * A day as a date control shows it in the user's locale: digits only, four for the year
 * (12/31/2999 in en-US, 31.12.2999 in de-DE, 31/12/2999 in en-GB), never YYYY-MM-DD.
 */
export function controlDate(d: IsoDate): string {
  const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, day)),
  );
}

/** What to do about a date that is missing, impossible or out of range, in the format the date control shows. */
export const dateMessage = (): string => t('validation.date', { first: controlDate(FIRST_DATE), last: controlDate(LAST_DATE) });

/**
 * A date field's value (what `<input type="date">` reports: YYYY-MM-DD, or '' while the date is
 * unfinished or impossible). A year past 2999 (or before 1900) is refused with dateMessage, so is
 * an empty required field: for a date control '' may as well be a date it could not read.
 */
export function dateParser(opts: { required?: boolean } = {}) {
  return (s: string): Parsed<IsoDate | null> => {
    if (s === '') return opts.required ? { ok: false, error: dateMessage() } : { ok: true, value: null };
    return isIsoDate(s) ? { ok: true, value: s } : { ok: false, error: dateMessage() };
  };
}

export function tagsParser(s: string): Parsed<string[]> {
  const tags = [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.some((x) => x.length > 40)) return { ok: false, error: t('validation.tagTooLong') };
  if (tags.length > 30) return { ok: false, error: t('validation.tooManyTags') };
  return { ok: true, value: tags };
}

export function quarterParser(s: string): Parsed<Quarter> {
  const r = parseQuarter(s);
  return r.ok ? r : { ok: false, error: t(`validation.quarter.${r.error}`) };
}

/** Engineer-months: a number ≥ min (0 allowed for capacity), at most one decimal. */
export function engineerMonthsParser(opts: { min: number; max: number }) {
  const num = numberParser({ min: opts.min, max: opts.max });
  return (s: string): Parsed<number> => {
    const r = num(s);
    if (!r.ok) return s.trim().startsWith('-') ? { ok: false, error: t('validation.negative') } : r;
    if (Math.abs(Math.round(r.value * 10) - r.value * 10) > 1e-9) return { ok: false, error: t('validation.oneDecimal') };
    return { ok: true, value: Math.round(r.value * 10) / 10 };
  };
}

/** "15", "15 %", "12.5%" → basis points (1 500, 1 250); at most two decimals. */
export function percentParser(opts: { min: number; max: number }) {
  return (s: string): Parsed<Bp> => {
    const raw = s.trim().replace(/\s*%$/, '');
    const r = numberParser({ min: opts.min, max: opts.max })(raw);
    if (!r.ok) return r;
    const bp = Math.round(r.value * 100);
    if (Math.abs(bp - r.value * 100) > 1e-6) return { ok: false, error: t('validation.twoDecimals') };
    return { ok: true, value: asBp(bp) };
  };
}
