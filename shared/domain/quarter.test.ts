import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asIsoDate } from './dates';
import {
  addQuarters,
  asQuarter,
  isQuarter,
  MAX_QUARTER_YEAR,
  MIN_QUARTER_YEAR,
  parseQuarter,
  quarterFromIndex,
  quarterIndex,
  quarterOf,
  quarterRange,
  quartersBetween,
} from './quarter';

const q = asQuarter;
const ok = (value: string) => ({ ok: true, value });
const err = (error: string) => ({ ok: false, error });

describe('parseQuarter', () => {
  it('reads the ways people type a quarter', () => {
    expect(parseQuarter('2027-Q3')).toEqual(ok('2027-Q3'));
    expect(parseQuarter('2027 q3')).toEqual(ok('2027-Q3'));
    expect(parseQuarter('Q3 2027')).toEqual(ok('2027-Q3'));
    expect(parseQuarter('q3-27')).toEqual(ok('2027-Q3'));
    expect(parseQuarter('  2027q3  ')).toEqual(ok('2027-Q3'));
    expect(parseQuarter('2027/Q1')).toEqual(ok('2027-Q1'));
    expect(parseQuarter('Q4/2030')).toEqual(ok('2030-Q4'));
    expect(parseQuarter('q1   2028')).toEqual(ok('2028-Q1'));
  });

  it('refuses punctuation other than a space, "-" or "/" between year and quarter', () => {
    for (const s of ['2027+Q3', '2027.Q3', '2027,Q3', '2027*Q3', "2027'Q3", 'Q3(27']) expect(parseQuarter(s)).toEqual(err('format'));
  });

  it('refuses empty input', () => {
    expect(parseQuarter('')).toEqual(err('empty'));
    expect(parseQuarter('   ')).toEqual(err('empty'));
  });

  it('refuses what is not a quarter', () => {
    expect(parseQuarter('2027-Q5')).toEqual(err('format'));
    expect(parseQuarter('2027-Q0')).toEqual(err('format'));
    expect(parseQuarter('Q5 2027')).toEqual(err('format'));
    expect(parseQuarter('banana')).toEqual(err('format'));
    expect(parseQuarter('2027')).toEqual(err('format'));
    expect(parseQuarter('2027-Q12')).toEqual(err('format'));
    expect(parseQuarter('Q3 202')).toEqual(err('format'));
  });

  it('refuses years outside 2000–2100', () => {
    expect(parseQuarter('1999-Q1')).toEqual(err('range'));
    expect(parseQuarter('2101-Q1')).toEqual(err('range'));
    expect(parseQuarter('2000-Q1')).toEqual(ok('2000-Q1'));
    expect(parseQuarter('2100-Q4')).toEqual(ok('2100-Q4'));
  });

  it('gives back what isQuarter accepts, unchanged (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_QUARTER_YEAR, max: MAX_QUARTER_YEAR }), fc.integer({ min: 1, max: 4 }), (y, n) => {
        const s = `${y}-Q${n}`;
        expect(isQuarter(s)).toBe(true);
        expect(parseQuarter(s)).toEqual(ok(s));
        expect(parseQuarter(`q${n} ${y}`)).toEqual(ok(s));
      }),
      { numRuns: 200 },
    );
  });
});

describe('isQuarter / asQuarter', () => {
  it('accepts only the canonical form within range', () => {
    expect(isQuarter('2027-Q3')).toBe(true);
    expect(isQuarter('2027 Q3')).toBe(false);
    expect(isQuarter('2027-q3')).toBe(false);
    expect(isQuarter('1999-Q4')).toBe(false);
    expect(isQuarter(20273)).toBe(false);
    expect(asQuarter('2027-Q3')).toBe('2027-Q3');
    expect(() => asQuarter('2027-Q5')).toThrow(RangeError);
  });
});

describe('quarterIndex / quarterFromIndex', () => {
  it('counts quarters since year 0', () => {
    // 2027 × 4 + (1 − 1) = 8108
    expect(quarterIndex(q('2027-Q1'))).toBe(8108);
    // 2026 × 4 + (4 − 1) = 8107
    expect(quarterIndex(q('2026-Q4'))).toBe(8107);
    expect(quarterFromIndex(8108)).toBe('2027-Q1');
    expect(quarterFromIndex(8107)).toBe('2026-Q4');
    expect(quarterFromIndex(8110)).toBe('2027-Q3');
  });

  it('round-trips every quarter in range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_QUARTER_YEAR * 4, max: MAX_QUARTER_YEAR * 4 + 3 }), (i) => {
        const qq = quarterFromIndex(i);
        expect(isQuarter(qq)).toBe(true);
        expect(quarterIndex(qq)).toBe(i);
        expect(quarterFromIndex(quarterIndex(qq))).toBe(qq);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addQuarters / quartersBetween', () => {
  it('crosses year boundaries', () => {
    expect(addQuarters(q('2026-Q4'), 1)).toBe('2027-Q1');
    expect(addQuarters(q('2027-Q1'), -1)).toBe('2026-Q4');
    expect(addQuarters(q('2027-Q3'), 0)).toBe('2027-Q3');
    expect(addQuarters(q('2027-Q3'), 6)).toBe('2029-Q1');
    expect(addQuarters(q('2027-Q2'), -9)).toBe('2025-Q1');
  });

  it('counts whole quarters, positive when b is later', () => {
    expect(quartersBetween(q('2026-Q4'), q('2027-Q1'))).toBe(1);
    expect(quartersBetween(q('2027-Q2'), q('2027-Q4'))).toBe(2);
    expect(quartersBetween(q('2027-Q4'), q('2027-Q2'))).toBe(-2);
    expect(quartersBetween(q('2027-Q3'), q('2027-Q3'))).toBe(0);
    expect(quartersBetween(q('2025-Q1'), q('2027-Q4'))).toBe(11);
  });

  it('adding the difference lands on the other quarter (property)', () => {
    const anyQ = fc.integer({ min: MIN_QUARTER_YEAR * 4, max: MAX_QUARTER_YEAR * 4 + 3 }).map(quarterFromIndex);
    fc.assert(
      fc.property(anyQ, anyQ, (a, b) => {
        expect(addQuarters(a, quartersBetween(a, b))).toBe(b);
        expect(quartersBetween(a, b) + quartersBetween(b, a)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('quarterOf', () => {
  it('puts each date in its calendar quarter', () => {
    expect(quarterOf(asIsoDate('2027-03-31'))).toBe('2027-Q1');
    expect(quarterOf(asIsoDate('2027-04-01'))).toBe('2027-Q2');
    expect(quarterOf(asIsoDate('2027-01-01'))).toBe('2027-Q1');
    expect(quarterOf(asIsoDate('2027-06-30'))).toBe('2027-Q2');
    expect(quarterOf(asIsoDate('2027-07-01'))).toBe('2027-Q3');
    expect(quarterOf(asIsoDate('2027-09-30'))).toBe('2027-Q3');
    expect(quarterOf(asIsoDate('2027-10-01'))).toBe('2027-Q4');
    expect(quarterOf(asIsoDate('2027-12-31'))).toBe('2027-Q4');
  });
});

describe('quarterRange', () => {
  it('lists every quarter from a to b inclusive', () => {
    expect(quarterRange(q('2026-Q3'), q('2027-Q2'))).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(quarterRange(q('2027-Q2'), q('2027-Q2'))).toEqual(['2027-Q2']);
  });

  it('is empty when b is before a', () => {
    expect(quarterRange(q('2027-Q2'), q('2027-Q1'))).toEqual([]);
  });

  it('has quartersBetween + 1 entries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8000, max: 8200 }), fc.integer({ min: 0, max: 40 }), (i, n) => {
        const a = quarterFromIndex(i);
        const r = quarterRange(a, addQuarters(a, n));
        expect(r.length).toBe(n + 1);
        expect(r[0]).toBe(a);
        expect(r[n]).toBe(addQuarters(a, n));
      }),
      { numRuns: 200 },
    );
  });
});
