import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultAccountFields, type AccountFields } from './account';
import { asIsoDate } from './dates';
import { defaultNotice, exitFigures, exitFits, exitProblem, noticeCutShort } from './fairExit';
import { MAX_MEMO_MINOR } from './memo';
import { asMinor } from './money';

const m = asMinor;
const d = asIsoDate;

/** An account as a fair exit sees it; every cost-to-serve category starts at 0 hours. */
const account = (f: Partial<AccountFields> = {}) => defaultAccountFields({ name: 'Delta Mills', currency: 'EUR', ...f });
const exit = (f: { refund?: number; exportHours?: number; migrationHours?: number; hourlyRate?: number; currency?: string } = {}) => ({
  refund: m(f.refund ?? 0),
  exportHours: f.exportHours ?? 0,
  migrationHours: f.migrationHours ?? 0,
  hourlyRate: m(f.hourlyRate ?? 0),
  currency: f.currency ?? 'EUR',
});

/** The bucket-4 account: ARR €80,000.00; cost to serve 2,000 support hours × €100.00 = €200,000.00 a year. */
const misfit = account({ arr: m(8_000_000), supportHours: 2000, supportRate: m(10_000) });

describe('exitFigures', () => {
  it('costs €38,000 once and saves €120,000 a year, paying back in 3.8 months (the issue’s example)', () => {
    // help = (40 + 80) h × €150.00 = 120 × 15,000 = 1,800,000 (€18,000.00)
    // cost = refund €20,000.00 + help €18,000.00 = 2,000,000 + 1,800,000 = 3,800,000 (€38,000.00)
    // profit = ARR €80,000.00 − cost to serve €200,000.00 = −€120,000.00 → saving €120,000.00 a year
    // payback = 38,000 ÷ 120,000 × 12 = 3.8 months; first year net = 120,000 − 38,000 = €82,000.00
    const f = exitFigures(exit({ refund: 2_000_000, exportHours: 40, migrationHours: 80, hourlyRate: 15_000 }), misfit);
    expect(f).toEqual({
      currency: 'EUR',
      refund: 2_000_000,
      helpHours: 120,
      help: 1_800_000,
      cost: 3_800_000,
      profitPerYear: -12_000_000,
      savingPerYear: 12_000_000,
      noCostData: false,
      paybackMonths: 3.8,
    });
  });

  it('counts hours to the hundredth and rounds the help to a whole cent', () => {
    // (2.5 + 0.75) h = 325 hundredths; 325 × €123.45 ÷ 100 = 12,345 × 325 ÷ 100 = 40,121.25 → 40,121 (€401.21)
    const f = exitFigures(exit({ exportHours: 2.5, migrationHours: 0.75, hourlyRate: 12_345 }), misfit);
    expect(f.helpHours).toBe(3.25);
    expect(f.help).toBe(40_121);
    expect(f.cost).toBe(40_121);
    // 0.1 + 0.2 h is 0.30000000000000004 in floating point; in hundredths it is 10 + 20 = 30 → 0.3 h × €100.00 = €30.00
    const g = exitFigures(exit({ exportHours: 0.1, migrationHours: 0.2, hourlyRate: 10_000 }), misfit);
    expect(g.helpHours).toBe(0.3);
    expect(g.help).toBe(3_000);
  });

  it('rounds payback to one decimal: €10,000 against €70,000 a year is 1.7 months, against €5,000 a year 24 months', () => {
    // 10,000 ÷ 70,000 × 12 = 1.714… → 1.7
    const a = account({ arr: m(0), supportHours: 700, supportRate: m(10_000) }); // cost to serve 700 × €100 = €70,000
    // the exit: 100 h × €100.00 = €10,000.00
    expect(exitFigures(exit({ refund: 0, exportHours: 100, hourlyRate: 10_000 }), a).paybackMonths).toBe(1.7);
    // ARR €15,000 − cost €20,000 = −€5,000 a year; a €10,000 exit: 10,000 ÷ 5,000 × 12 = 24 months
    const b = account({ arr: m(1_500_000), supportHours: 200, supportRate: m(10_000) });
    const f = exitFigures(exit({ refund: 1_000_000 }), b);
    expect(f.savingPerYear).toBe(500_000);
    expect(f.paybackMonths).toBe(24);
    // First year: saves €5,000 against €10,000 spent → −€5,000
  });

  it('pays back at once (0 months) when the exit costs nothing and the account destroys profit', () => {
    expect(exitFigures(exit(), misfit).paybackMonths).toBe(0);
  });

  it('never pays back when the account is profitable: letting it go loses its profit', () => {
    // ARR €100,000 − 300 h × €100 = €30,000 → profit €70,000, saving −€70,000, cost €5,000 → first year −€75,000
    const a = account({ arr: m(10_000_000), supportHours: 300, supportRate: m(10_000) });
    const f = exitFigures(exit({ refund: 500_000 }), a);
    expect(f.profitPerYear).toBe(7_000_000);
    expect(f.savingPerYear).toBe(-7_000_000);
    expect(f.paybackMonths).toBeNull();
  });

  it('says when no cost to serve is recorded (the “profit” is only revenue) and never pays back', () => {
    // No hours in any category: cost to serve 0, profit = ARR €50,000 → saving −€50,000
    const f = exitFigures(exit({ refund: 100_000 }), account({ arr: m(5_000_000) }));
    expect(f.noCostData).toBe(true);
    expect(f.savingPerYear).toBe(-5_000_000);
    expect(f.paybackMonths).toBeNull();
  });

  it('gives a saving of plain 0 (not −0) for an account that breaks even, and no payback', () => {
    // ARR €20,000 − 200 h × €100 = 0
    const f = exitFigures(exit({ refund: 100 }), account({ arr: m(2_000_000), supportHours: 200, supportRate: m(10_000) }));
    expect(Object.is(f.savingPerYear, 0)).toBe(true);
    expect(f.paybackMonths).toBeNull();
  });

  it('adds every cost-to-serve category (hours × rate per category)', () => {
    // support 100 × €90 = €9,000; engineering 50 × €140 = €7,000; pm 10 × €130 = €1,300;
    // presales 5 × €120 = €600; custom 2 × €150 = €300 → €18,200; ARR €10,000 → saving €8,200
    const a = account({
      arr: m(1_000_000),
      supportHours: 100,
      engineeringHours: 50,
      pmHours: 10,
      presalesHours: 5,
      customHours: 2,
    });
    expect(exitFigures(exit(), a).savingPerYear).toBe(820_000);
  });

  it('never costs less than nothing, and costs exactly the refund plus the hours at the rate', () => {
    const hours = fc.integer({ min: 0, max: 10_000_000 }).map((h) => h / 100);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        hours,
        hours,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 100_000 }),
        (refund, exportHours, migrationHours, hourlyRate, arr, supportHours) => {
          const f = exitFigures(exit({ refund, exportHours, migrationHours, hourlyRate }), account({ arr: m(arr), supportHours }));
          expect(f.cost).toBeGreaterThanOrEqual(0);
          expect(f.help).toBeGreaterThanOrEqual(0);
          expect(f.cost).toBe(f.refund + f.help);
          const hundredths = Math.round(exportHours * 100) + Math.round(migrationHours * 100);
          expect(Math.abs(f.help - (hourlyRate * hundredths) / 100)).toBeLessThanOrEqual(0.5 + 1e-6 * f.help);
          expect(f.savingPerYear).toBe(-f.profitPerYear || 0);
          if (f.paybackMonths !== null) {
            expect(f.savingPerYear).toBeGreaterThan(0);
            expect(Math.abs(f.paybackMonths - (f.cost / f.savingPerYear) * 12)).toBeLessThanOrEqual(0.05 + 1e-9);
          } else expect(f.savingPerYear).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});

describe('exitProblem', () => {
  const a = { arr: m(8_000_000), currency: 'EUR' };
  it('allows a refund up to a year’s ARR, and refuses one cent more', () => {
    expect(exitProblem({ refund: m(8_000_000), currency: 'EUR' }, a)).toBeNull();
    expect(exitProblem({ refund: m(0), currency: 'EUR' }, a)).toBeNull();
    expect(exitProblem({ refund: m(8_000_001), currency: 'EUR' }, a)).toBe('refundOverContract');
  });

  it('refuses amounts in another currency than the account’s, before comparing them', () => {
    expect(exitProblem({ refund: m(100), currency: 'SEK' }, a)).toBe('currency');
    expect(exitProblem({ refund: m(9_000_000), currency: 'SEK' }, a)).toBe('currency');
  });
});

describe('noticeCutShort', () => {
  // 2026-03-01 + 90 days: 30 to 2026-03-31, 30 more to 2026-04-30, 30 more to 2026-05-30
  const today = d('2026-03-01');
  it('warns when the exit date comes before the notice has run out', () => {
    expect(noticeCutShort({ noticeDays: 90, exitDate: d('2026-05-29') }, today)).toBe(true);
    expect(noticeCutShort({ noticeDays: 90, exitDate: d('2026-05-30') }, today)).toBe(false);
    expect(noticeCutShort({ noticeDays: 0, exitDate: d('2026-03-01') }, today)).toBe(false);
  });

  it('does not warn without an exit date', () => {
    expect(noticeCutShort({ noticeDays: 90, exitDate: null }, today)).toBe(false);
  });
});

describe('defaultNotice', () => {
  const today = d('2026-03-01');
  it('runs to the renewal date when it is more than 30 days ahead', () => {
    // 2026-03-01 → 2026-06-30: 30 (March) + 30 (April) + 31 (May) + 30 (June) = 121 days
    expect(defaultNotice({ renewalDate: d('2026-06-30') }, today)).toEqual({ noticeDays: 121, exitDate: '2026-06-30' });
    // 31 days ahead is far enough
    expect(defaultNotice({ renewalDate: d('2026-04-01') }, today)).toEqual({ noticeDays: 31, exitDate: '2026-04-01' });
  });

  it('gives 90 days when the renewal is 30 days away or less, past, unknown or more than ten years ahead', () => {
    const ninety = { noticeDays: 90, exitDate: '2026-05-30' };
    expect(defaultNotice({ renewalDate: d('2026-03-31') }, today)).toEqual(ninety);
    expect(defaultNotice({ renewalDate: d('2025-12-31') }, today)).toEqual(ninety);
    expect(defaultNotice({ renewalDate: null }, today)).toEqual(ninety);
    // 2026-03-01 → 2036-03-01 is 3,653 days (three leap days: 2028, 2032, 2036), over the 3,650-day limit
    expect(defaultNotice({ renewalDate: d('2036-03-01') }, today)).toEqual(ninety);
  });
});

describe('exitFits (the door and every write: the one-off cost stays exact)', () => {
  it('accepts an exit whose refund plus help stays within a trillion major units, and refuses one past it', () => {
    // refund 9e14 + 100,000 h × rate 1e9 = 9e14 + 1e14 = 1e15 = MAX_MEMO_MINOR: just fits
    expect(exitFits({ refund: 900_000_000_000_000, exportHours: 100_000, migrationHours: 0, hourlyRate: 1_000_000_000 })).toBe(true);
    expect(exitFits({ refund: MAX_MEMO_MINOR, exportHours: 0, migrationHours: 0.01, hourlyRate: 100 })).toBe(false);
    // a hostile rate at 2^53 − 1 with any hours: refused before mulDivMinor could throw
    expect(exitFits({ refund: 0, exportHours: 1, migrationHours: 0, hourlyRate: Number.MAX_SAFE_INTEGER })).toBe(false);
  });
});
