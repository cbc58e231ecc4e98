import { describe, expect, it } from 'vitest';
import { defaultAccountFields, type AccountFields } from './account';
import { inReporting, sortAccounts, toListItem, type AccountListItem, type Reporting } from './accountList';
import { asMinor, MAX_MAJOR_UNITS } from './money';
import { MAX_RATE_MICROS } from './roadmap';

/** 1 JPY = 0.0062 EUR, 1 USD = 0.92 EUR; no rate for GBP. */
const EUR: Reporting = { currency: 'EUR', rates: { JPY: 6_200, USD: 920_000 } };

let n = 0;
const item = (
  name: string,
  currency: string,
  arr: number,
  reporting: Reporting = EUR,
  more: Partial<AccountFields> = {},
): AccountListItem => toListItem({ ...defaultAccountFields({ name, currency, arr: asMinor(arr), ...more }), id: `a${++n}` }, 0, reporting);
const names = (items: readonly AccountListItem[]) => items.map((i) => i.name);

describe('toListItem in the reporting currency', () => {
  it('converts ARR and potential ARR once, at the rate the user set', () => {
    const it = item('Sakura', 'JPY', 68_000_000, EUR, { potentialArr: asMinor(100_000_000) });
    // ¥68,000,000 × 0.0062 = €421,600.00 (42 160 000 cents); ¥100,000,000 → €620,000.00.
    expect(it.arrReporting).toBe(42_160_000);
    expect(it.potentialArrReporting).toBe(62_000_000);
    // The list still shows the contract currency's amount.
    expect(it.arr).toBe(68_000_000);
  });

  it('keeps the amount in the reporting currency itself, and null where there is no rate', () => {
    expect(item('Hanse', 'EUR', 185_000_000).arrReporting).toBe(185_000_000);
    expect(item('Thames', 'GBP', 50_000_000).arrReporting).toBeNull();
  });

  it('treats a conversion too large to hold exactly as unconverted instead of throwing', () => {
    const huge = asMinor(MAX_MAJOR_UNITS); // ¥1,000,000,000,000
    expect(inReporting(huge, 'JPY', { currency: 'KWD', rates: { JPY: MAX_RATE_MICROS } })).toBeNull();
  });
});

describe('sortAccounts by money', () => {
  it('compares ARR in the reporting currency: €1,850,000 above ¥68,000,000 (≈ €421,600)', () => {
    const items = [item('Sakura Logistics K.K.', 'JPY', 68_000_000), item('Hanse Pharma GmbH', 'EUR', 185_000_000)];
    expect(names(sortAccounts(items, 'arr', 'desc'))).toEqual(['Hanse Pharma GmbH', 'Sakura Logistics K.K.']);
    expect(names(sortAccounts(items, 'arr', 'asc'))).toEqual(['Sakura Logistics K.K.', 'Hanse Pharma GmbH']);
  });

  it('puts the yen account first once its amount is really larger', () => {
    // ¥400,000,000 ≈ €2,480,000 > €1,850,000.
    const items = [item('Hanse', 'EUR', 185_000_000), item('Sakura', 'JPY', 400_000_000)];
    expect(names(sortAccounts(items, 'arr', 'desc'))).toEqual(['Sakura', 'Hanse']);
  });

  it('sorts potential ARR the same way', () => {
    const items = [
      item('Sakura', 'JPY', 0, EUR, { potentialArr: asMinor(200_000_000) }), // ≈ €1,240,000
      item('Hanse', 'EUR', 0, EUR, { potentialArr: asMinor(150_000_000) }), // €1,500,000
      item('Pico', 'USD', 0, EUR, { potentialArr: asMinor(100_000_000) }), // $1,000,000 ≈ €920,000
    ];
    expect(names(sortAccounts(items, 'potentialArr', 'desc'))).toEqual(['Hanse', 'Sakura', 'Pico']);
    expect(names(sortAccounts(items, 'potentialArr', 'asc'))).toEqual(['Pico', 'Sakura', 'Hanse']);
  });

  it('puts accounts without a rate after all converted ones in both directions, by currency then face value', () => {
    const items = [
      item('Thames small', 'GBP', 1_000_00),
      item('Oslo', 'NOK', 900_000_000_00),
      item('Hanse', 'EUR', 185_000_000),
      item('Thames big', 'GBP', 9_000_000_00),
      item('Sakura', 'JPY', 68_000_000),
    ];
    expect(names(sortAccounts(items, 'arr', 'desc'))).toEqual(['Hanse', 'Sakura', 'Thames big', 'Thames small', 'Oslo']);
    expect(names(sortAccounts(items, 'arr', 'asc'))).toEqual(['Sakura', 'Hanse', 'Thames small', 'Thames big', 'Oslo']);
  });

  it('breaks ties by name: equal converted amounts, and equal face values without a rate', () => {
    const items = [
      item('Zeta', 'USD', 100_000_00), // $100,000 ≈ €92,000
      item('Alpha', 'EUR', 92_000_00),
      item('Yak', 'GBP', 5_00),
      item('Bee', 'GBP', 5_00),
    ];
    expect(names(sortAccounts(items, 'arr', 'desc'))).toEqual(['Alpha', 'Zeta', 'Bee', 'Yak']);
    expect(names(sortAccounts(items, 'arr', 'asc'))).toEqual(['Alpha', 'Zeta', 'Bee', 'Yak']);
  });

  it('follows the rates of the items it is given: a new reporting currency reorders', () => {
    const inJpy: Reporting = { currency: 'JPY', rates: { EUR: 161_290_000 } }; // 1 EUR = 161.29 JPY
    const items = [item('Sakura', 'JPY', 68_000_000, inJpy), item('Hanse', 'EUR', 185_000_000, inJpy)];
    expect(items[1]!.arrReporting).toBe(298_386_500); // €1,850,000 × 161.29
    expect(names(sortAccounts(items, 'arr', 'desc'))).toEqual(['Hanse', 'Sakura']);
  });

  it('leaves the other columns as they were: empty owners last, names by collation', () => {
    const items = [
      item('b', 'EUR', 0, EUR, { owner: '' }),
      item('A', 'EUR', 0, EUR, { owner: 'Mia' }),
      item('c', 'GBP', 0, EUR, { owner: 'Ann' }),
    ];
    expect(names(sortAccounts(items, 'owner', 'asc'))).toEqual(['c', 'A', 'b']);
    expect(names(sortAccounts(items, 'owner', 'desc'))).toEqual(['A', 'c', 'b']);
    expect(names(sortAccounts(items, 'name', 'asc'))).toEqual(['A', 'b', 'c']);
  });
});
