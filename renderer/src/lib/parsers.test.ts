import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { controlDate, dateMessage, dateParser } from './parsers';
import { FIRST_DATE, LAST_DATE, type IsoDate } from '@shared/domain/dates';

beforeAll(() => initI18n('en-US'));

describe('dateParser', () => {
  const message = 'Enter a date between 01/01/1900 and 12/31/2999.';

  it('refuses a year past 2999 or before 1900 with what to do, in the date control’s format (en-US: MM/DD/YYYY)', () => {
    expect(dateMessage()).toBe(message);
    for (const s of ['30000-01-15', '3000-01-01', '1899-12-31', '0001-01-15'])
      expect(dateParser()(s), s).toEqual({ ok: false, error: message });
    expect(dateMessage()).not.toMatch(/YYYY|MM|DD/);
  });

  it('takes the first and the last day and everything between', () => {
    expect(dateParser()(FIRST_DATE)).toEqual({ ok: true, value: FIRST_DATE });
    expect(dateParser()(LAST_DATE)).toEqual({ ok: true, value: LAST_DATE });
    expect(dateParser({ required: true })('2026-02-28')).toEqual({ ok: true, value: '2026-02-28' });
  });

  it('an empty optional date is no date; an empty required one is refused with the same message (the control gives "" for a date it cannot read too)', () => {
    expect(dateParser()('')).toEqual({ ok: true, value: null });
    expect(dateParser({ required: true })('')).toEqual({ ok: false, error: message });
  });
});

describe('controlDate', () => {
  it('writes a day with digits in the locale’s order, as a date control shows it', () => {
    const d = '2999-12-31' as IsoDate;
    expect(controlDate(d)).toBe(
      new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(2999, 11, 31)),
    );
    expect(controlDate(d)).toBe('12/31/2999');
    expect(controlDate(FIRST_DATE)).toBe('01/01/1900');
  });

  afterEach(() => vi.unstubAllGlobals());
  it('follows the user’s locale (navigator.language), as the control does', () => {
    vi.stubGlobal('navigator', { language: 'de-DE' });
    expect(controlDate(LAST_DATE)).toBe('31.12.2999');
    vi.stubGlobal('navigator', { language: 'en-GB' });
    expect(controlDate(LAST_DATE)).toBe('31/12/2999');
    expect(dateMessage()).toBe('Enter a date between 01/01/1900 and 31/12/2999.');
  });
});
