import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  detectCurrencyInValue,
  inferDateOrder,
  inferDecimalMark,
  isEmail,
  joinName,
  parseCsvBoolean,
  parseCsvDate,
  parseCsvMoney,
  parseCurrencyCode,
  splitName,
  splitTags,
} from './values';

const err = (key: string) => expect.objectContaining({ error: expect.objectContaining({ key: `csv.reason.${key}` }) });

describe('inferDateOrder', () => {
  it('reads ISO columns, with or without a time', () => {
    expect(inferDateOrder(['2026-03-01', '2026-03-01T10:00:00Z', '2026-03-01 10:00', '2026-12-31T23:59:59.000+01:00', ''])).toEqual({
      order: 'ymd',
      ambiguous: false,
    });
  });

  it('a first part above 12 anywhere in the column proves D/M/Y', () => {
    expect(inferDateOrder(['01/02/2026', '03.04.2026', '13/02/2026'])).toEqual({ order: 'dmy', ambiguous: false });
    expect(inferDateOrder(['1-2-26', '25-12-26'])).toEqual({ order: 'dmy', ambiguous: false });
  });

  it('a second part above 12 proves M/D/Y', () => {
    expect(inferDateOrder(['3/1/2026', '12/25/2026 3:15 PM'])).toEqual({ order: 'mdy', ambiguous: false });
  });

  it('every part ≤ 12 is ambiguous: the order is null and the user is asked', () => {
    expect(inferDateOrder(['01/02/2026', '12/11/2026'])).toEqual({ order: null, ambiguous: true });
  });

  it('a column proving both orders is ambiguous too, never a silent pick', () => {
    expect(inferDateOrder(['13/02/2026', '02/13/2026'])).toEqual({ order: null, ambiguous: true });
  });

  it('ISO values beside day-month values do not decide the order', () => {
    expect(inferDateOrder(['2026-03-01', '14.03.2026'])).toEqual({ order: 'dmy', ambiguous: false });
    expect(inferDateOrder(['2026-03-01', '01.03.2026'])).toEqual({ order: null, ambiguous: true });
  });

  it('a column without dates has no order and asks nothing', () => {
    expect(inferDateOrder(['', 'soon', '42'])).toEqual({ order: null, ambiguous: false });
  });
});

describe('parseCsvDate', () => {
  it('reads each order as told, with any of / . - and 2- or 4-digit years', () => {
    expect(parseCsvDate('01/03/2026', 'dmy')).toBe('2026-03-01');
    expect(parseCsvDate('01/03/2026', 'mdy')).toBe('2026-01-03');
    expect(parseCsvDate('1.3.2026', 'dmy')).toBe('2026-03-01');
    expect(parseCsvDate('01-03-26', 'dmy')).toBe('2026-03-01');
    expect(parseCsvDate('01/03/99', 'dmy')).toBe('1999-03-01');
    expect(parseCsvDate('3/1/2026 3:15 PM', 'mdy')).toBe('2026-03-01');
  });

  it('reads ISO and month names whatever the order', () => {
    for (const order of ['dmy', 'mdy', 'ymd', null] as const) {
      expect(parseCsvDate('2026-03-01', order)).toBe('2026-03-01');
      expect(parseCsvDate('2026-03-01T23:30:00.000Z', order)).toBe('2026-03-01');
      expect(parseCsvDate('2026/3/1', order)).toBe('2026-03-01');
      expect(parseCsvDate('1 Mar 2026', order)).toBe('2026-03-01');
      expect(parseCsvDate('01-Mar-26', order)).toBe('2026-03-01');
      expect(parseCsvDate('March 1, 2026', order)).toBe('2026-03-01');
    }
  });

  it('without an order reads only dates that prove their own', () => {
    expect(parseCsvDate('31/03/2026', null)).toBe('2026-03-31');
    expect(parseCsvDate('03/31/2026', null)).toBe('2026-03-31');
    expect(parseCsvDate('03/04/2026', null)).toEqual(err('dateAmbiguous'));
  });

  it('empty is no date; impossible days and text are errors', () => {
    expect(parseCsvDate('  ', 'dmy')).toBeNull();
    expect(parseCsvDate('31/02/2026', 'dmy')).toEqual(err('dateImpossible'));
    expect(parseCsvDate('2026-02-29', 'ymd')).toEqual(err('dateImpossible'));
    expect(parseCsvDate('2024-02-29', 'ymd')).toBe('2024-02-29');
    expect(parseCsvDate('03/13/2026', 'dmy')).toEqual(err('dateImpossible'));
    expect(parseCsvDate('1850-01-01', 'ymd')).toEqual(err('dateImpossible'));
    expect(parseCsvDate('next spring', 'dmy')).toEqual(err('dateInvalid'));
    expect(parseCsvDate('Foo 1, 2026', 'dmy')).toEqual(err('dateInvalid'));
  });

  it('every real day written D/M/Y or M/D/Y reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(parseCsvDate(`${day}/${m}/${y}`, 'dmy')).toBe(iso);
        expect(parseCsvDate(`${m}/${day}/${y}`, 'mdy')).toBe(iso);
        expect(parseCsvDate(`${day}.${m}.${y}`, 'dmy')).toBe(iso);
      }),
    );
  });
});

describe('inferDecimalMark', () => {
  it('reads the mark each locale writes', () => {
    expect(inferDecimalMark(['1.234,56', '12,5'])).toBe(',');
    expect(inferDecimalMark(['1 234,56'])).toBe(',');
    expect(inferDecimalMark(['1,234.56', '12.5'])).toBe('.');
    expect(inferDecimalMark(['1234.5'])).toBe('.');
    expect(inferDecimalMark(['1.234.567'])).toBe(',');
    expect(inferDecimalMark(['€1,234,567'])).toBe('.');
  });

  it('settles an ambiguous value by the rest of the column; a tie goes to "."', () => {
    expect(inferDecimalMark(['1.234', '5.000,50'])).toBe(',');
    expect(inferDecimalMark(['1.234', '5,000.50'])).toBe('.');
    expect(inferDecimalMark(['1.234'])).toBe('.');
    expect(inferDecimalMark(['', '100'])).toBe('.');
  });

  it('with the currency’s digits, "250.000" is two hundred and fifty thousand', () => {
    expect(inferDecimalMark(['250.000', '1.500'], 2)).toBe(',');
    expect(inferDecimalMark(['250.00', '1.50'], 2)).toBe('.');
  });
});

describe('parseCsvMoney', () => {
  it('reads English, European and Swiss formats to minor units', () => {
    expect(parseCsvMoney('€1,234.50', 'EUR', '.')).toBe(123_450);
    expect(parseCsvMoney('1.234,50 €', 'EUR', ',')).toBe(123_450);
    expect(parseCsvMoney('1 234,56', 'EUR', ',')).toBe(123_456);
    expect(parseCsvMoney('1\u00a0234,56', 'EUR', ',')).toBe(123_456);
    expect(parseCsvMoney("1'234.50", 'CHF', '.')).toBe(123_450);
    expect(parseCsvMoney('1234.5', 'EUR', '.')).toBe(123_450);
    expect(parseCsvMoney('0', 'EUR', '.')).toBe(0);
  });

  it('accepts the row currency’s code or signs on either side', () => {
    expect(parseCsvMoney('USD 1,234', 'USD', '.')).toBe(123_400);
    expect(parseCsvMoney('1.234 DKK', 'DKK', ',')).toBe(123_400);
    expect(parseCsvMoney('kr. 1.234,50', 'DKK', ',')).toBe(123_450);
    expect(parseCsvMoney('1.234,50 kr.', 'DKK', ',')).toBe(123_450);
    expect(parseCsvMoney('$5', 'CAD', '.')).toBe(500);
    expect(parseCsvMoney('£12.30', 'GBP', '.')).toBe(1230);
  });

  it('uses the currency’s digits: JPY has none, so ¥1,234 is 1234', () => {
    expect(parseCsvMoney('¥1,234', 'JPY', '.')).toBe(1234);
    expect(parseCsvMoney('1234.5', 'JPY', '.')).toEqual(err('moneyTooPrecise'));
    expect(parseCsvMoney('1.005', 'EUR', '.')).toEqual(err('moneyTooPrecise'));
    expect(parseCsvMoney('1.000', 'EUR', '.')).toBe(100);
  });

  it('reads Data Loader’s exponent form exactly', () => {
    expect(parseCsvMoney('5.6E7', 'EUR', '.')).toBe(5_600_000_000);
    expect(parseCsvMoney('1.23456789E8', 'USD', '.')).toBe(12_345_678_900);
    expect(parseCsvMoney('1234567.0', 'EUR', '.')).toBe(123_456_700);
  });

  it('empty is no amount', () => {
    expect(parseCsvMoney('  ', 'EUR', '.')).toBeNull();
  });

  it('refuses negatives (ARR cannot be negative), abbreviations, other currencies and malformed numbers', () => {
    expect(parseCsvMoney('(1,234.00)', 'EUR', '.')).toEqual(err('moneyNegative'));
    expect(parseCsvMoney('-5', 'EUR', '.')).toEqual(err('moneyNegative'));
    expect(parseCsvMoney('-€5', 'EUR', '.')).toEqual(err('moneyNegative'));
    expect(parseCsvMoney('1.2M', 'EUR', '.')).toEqual(err('moneyAbbreviated'));
    expect(parseCsvMoney('800k', 'EUR', '.')).toEqual(err('moneyAbbreviated'));
    expect(parseCsvMoney('5 mio. kr', 'DKK', ',')).toEqual(err('moneyAbbreviated'));
    expect(parseCsvMoney('USD 1,234', 'EUR', '.')).toEqual({
      error: { key: 'csv.reason.moneyOtherCurrency', params: { value: 'USD 1,234', found: 'USD', currency: 'EUR' } },
    });
    expect(parseCsvMoney('1.234,50 €', 'DKK', ',')).toEqual(err('moneyOtherCurrency'));
    expect(parseCsvMoney('12,34,5', 'EUR', '.')).toEqual(err('moneyInvalid'));
    expect(parseCsvMoney('1,234.56', 'EUR', ',')).toEqual(err('moneyInvalid'));
    expect(parseCsvMoney('abc', 'EUR', '.')).toEqual(err('moneyInvalid'));
    expect(parseCsvMoney('5 apples', 'EUR', '.')).toEqual(err('moneyInvalid'));
    expect(parseCsvMoney('99999999999999', 'EUR', '.')).toEqual(err('moneyTooLarge'));
  });

  it('reads back every amount written with either mark', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (minor) => {
        const int = Math.floor(minor / 100);
        const frac = String(minor % 100).padStart(2, '0');
        const en = `${int.toLocaleString('en-US')}.${frac}`;
        const de = `${int.toLocaleString('de-DE')},${frac}`;
        expect(parseCsvMoney(en, 'EUR', '.')).toBe(minor);
        expect(parseCsvMoney(`€${en}`, 'EUR', '.')).toBe(minor);
        expect(parseCsvMoney(`${de} €`, 'EUR', ',')).toBe(minor);
      }),
    );
  });
});

describe('detectCurrencyInValue', () => {
  it('finds codes and unambiguous signs', () => {
    expect(detectCurrencyInValue('€1,234')).toBe('EUR');
    expect(detectCurrencyInValue('1.234 DKK')).toBe('DKK');
    expect(detectCurrencyInValue('usd 5')).toBe('USD');
    expect(detectCurrencyInValue('£5')).toBe('GBP');
    expect(detectCurrencyInValue('¥500')).toBe('JPY');
    expect(detectCurrencyInValue('$5')).toBe('USD');
    expect(detectCurrencyInValue('CA$5')).toBe('CAD');
    expect(detectCurrencyInValue('5 kr')).toBeNull();
    expect(detectCurrencyInValue('1234')).toBeNull();
  });
});

describe('other values', () => {
  it('parseCsvBoolean reads yes/no in several forms and languages', () => {
    for (const v of ['yes', 'Y', 'TRUE', '1', 'x', 'ja', 'Ja']) expect(parseCsvBoolean(v)).toBe(true);
    for (const v of ['no', 'N', 'false', '0', 'nej', 'nee', 'nein']) expect(parseCsvBoolean(v)).toBe(false);
    expect(parseCsvBoolean('')).toBeNull();
    expect(parseCsvBoolean('maybe')).toEqual(err('booleanInvalid'));
  });

  it('joinName and splitName trim and collapse spaces; a full name stays as written', () => {
    expect(joinName('  Søren ', ' Ærø ')).toBe('Søren Ærø');
    expect(joinName('', 'Müller')).toBe('Müller');
    expect(joinName('Anna  Maria', '')).toBe('Anna Maria');
    expect(splitName('José  Müller')).toEqual({ first: 'José', last: 'Müller' });
    expect(splitName('Anna Maria van Dijk')).toEqual({ first: 'Anna Maria van', last: 'Dijk' });
    expect(splitName('Ærø, Søren')).toEqual({ first: 'Søren', last: 'Ærø' });
    expect(splitName('Cher')).toEqual({ first: 'Cher', last: '' });
  });

  it('isEmail, parseCurrencyCode and splitTags', () => {
    expect(isEmail('soren.aero@nordlys.dk')).toBe(true);
    expect(isEmail('søren@ærø.dk')).toBe(true);
    for (const v of ['soren@', 'nordlys.dk', 'a b@c.dk', 'a@b', 'a@b..dk', 'a@b.dk; c@d.dk']) expect(isEmail(v)).toBe(false);
    expect(parseCurrencyCode(' eur ')).toBe('EUR');
    expect(parseCurrencyCode('EURO')).toBeNull();
    expect(splitTags(' key ; strategic,Key ,, nordics ')).toEqual(['key', 'strategic', 'nordics']);
  });
});
