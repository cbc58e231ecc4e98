import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIRST_DATE, LAST_DATE, addDays, asIsoDate, daysBetween, isIsoDate, monthsBetween, toIsoDate, type IsoDate } from './dates';

const d = (s: string): IsoDate => asIsoDate(s);

/** The rule as it was first written (a regular expression and the calendar of Date): the fast reading must agree with it. */
function referenceIsIsoDate(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

describe('isIsoDate', () => {
  it('agrees with the reference rule on dates, near-dates and anything else', () => {
    const part = (n: number) =>
      fc.oneof(
        fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0')),
        fc.string({ maxLength: n + 1 }),
      );
    const nearDate = fc.tuple(
      part(4),
      fc.constantFrom('-', '/', '', '--'),
      part(2),
      fc.constantFrom('-', ' '),
      part(2),
      fc.constantFrom('', '\n', ' ', 'Z'),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          nearDate.map((p) => p.join('')),
          fc.string(),
          fc.anything(),
        ),
        (s) => {
          expect(isIsoDate(s)).toBe(referenceIsIsoDate(s));
        },
      ),
      { numRuns: 20_000 },
    );
    for (let y = 1899; y <= 3000; y += 1)
      for (const md of ['02-28', '02-29', '02-30', '04-30', '04-31', '12-31', '01-01'])
        expect(isIsoDate(`${y}-${md}`)).toBe(referenceIsIsoDate(`${y}-${md}`));
  });

  it('accepts real calendar dates, including leap days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true); // divisible by 4
    expect(isIsoDate('2000-02-29')).toBe(true); // divisible by 400
    expect(isIsoDate('2023-12-31')).toBe(true);
    expect(isIsoDate('2023-01-01')).toBe(true);
  });

  it('rejects impossible days and months', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false); // divisible by 100, not 400
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-00-10')).toBe(false);
    expect(isIsoDate('2023-01-00')).toBe(false);
  });

  it('takes every day from FIRST_DATE to LAST_DATE and none outside them (what the date message names)', () => {
    expect([FIRST_DATE, LAST_DATE]).toEqual(['1900-01-01', '2999-12-31']);
    expect(isIsoDate(FIRST_DATE)).toBe(true);
    expect(isIsoDate(LAST_DATE)).toBe(true);
    expect(isIsoDate(addDays(FIRST_DATE, -1))).toBe(false);
    expect(isIsoDate(addDays(LAST_DATE, 1))).toBe(false);
    // what a date control gives for a year typed as 30000
    expect(isIsoDate('30000-01-15')).toBe(false);
  });

  it('rejects other shapes and types', () => {
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('2023-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2023-01-01')).toBe(false);
    expect(isIsoDate('1899-12-31')).toBe(false);
    expect(isIsoDate('3000-01-01')).toBe(false);
    expect(isIsoDate(20230101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(() => asIsoDate('2023-02-29')).toThrow(RangeError);
  });

  it('agrees with the Date constructor for every day 1900–2999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, mo, day) => {
        const s = `${y}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const t = new Date(Date.UTC(y, mo - 1, day));
        expect(isIsoDate(s)).toBe(t.getUTCMonth() === mo - 1);
      }),
    );
  });
});

describe('toIsoDate', () => {
  it('gives the local calendar date', () => {
    expect(toIsoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(toIsoDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });
});

describe('daysBetween', () => {
  it('counts whole days, positive when b is later', () => {
    expect(daysBetween(d('2024-01-01'), d('2024-01-02'))).toBe(1);
    expect(daysBetween(d('2024-01-02'), d('2024-01-01'))).toBe(-1);
    expect(daysBetween(d('2024-01-01'), d('2024-01-01'))).toBe(0);
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2); // leap year
    expect(daysBetween(d('2023-02-28'), d('2023-03-01'))).toBe(1);
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(daysBetween(d('2024-03-30'), d('2024-03-31'))).toBe(1); // EU DST change day
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays(d('2024-01-31'), 1)).toBe('2024-02-01');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2023-02-28'), 1)).toBe('2023-03-01');
    expect(addDays(d('2023-12-31'), 1)).toBe('2024-01-01');
    expect(addDays(d('2024-01-01'), -1)).toBe('2023-12-31');
    expect(addDays(d('2024-03-01'), -1)).toBe('2024-02-29');
    expect(addDays(d('2024-01-01'), 366)).toBe('2025-01-01');
    expect(addDays(d('2024-05-05'), 0)).toBe('2024-05-05');
  });

  it('is the inverse of daysBetween (property)', () => {
    const date = fc
      .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2900, 0, 1)), noInvalidDate: true })
      .map((t) => t.toISOString().slice(0, 10) as IsoDate);
    fc.assert(
      fc.property(date, fc.integer({ min: -3650, max: 3650 }), (start, n) => {
        const end = addDays(start, n);
        expect(isIsoDate(end)).toBe(true);
        expect(daysBetween(start, end)).toBe(n);
      }),
    );
  });
});

describe('monthsBetween', () => {
  it('counts whole calendar months; a day-of-month not yet reached does not count', () => {
    expect(monthsBetween(d('2024-01-15'), d('2024-02-14'))).toBe(0);
    expect(monthsBetween(d('2024-01-15'), d('2024-02-15'))).toBe(1);
    expect(monthsBetween(d('2024-01-15'), d('2024-02-16'))).toBe(1);
    expect(monthsBetween(d('2023-11-20'), d('2024-01-19'))).toBe(1);
    expect(monthsBetween(d('2023-11-20'), d('2024-01-20'))).toBe(2);
    expect(monthsBetween(d('2022-06-01'), d('2023-12-01'))).toBe(18);
    expect(monthsBetween(d('2022-06-02'), d('2023-12-01'))).toBe(17);
    expect(monthsBetween(d('2024-03-10'), d('2024-03-31'))).toBe(0);
  });
});
