import { beforeAll, describe, expect, it } from 'vitest';
import { asMinor } from '@shared/domain/money';
import { MONEY_FIELD_NAMES } from '@shared/domain/tables';
import type { AnyRow } from '@shared/sync/merge';
import { initI18n } from '../../i18n';
import { formatMoney, formatNumber } from '../../lib/format';
import { valueText } from './describe';

beforeAll(() => initI18n('en'));

const row = (fields: Record<string, unknown>) => ({ id: 'r1', stamps: {}, updatedAt: 's', deleted: false, ...fields }) as unknown as AnyRow;

describe('valueText', () => {
  it('shows every money field of every table as an amount in the row currency', () => {
    expect(MONEY_FIELD_NAMES.size).toBeGreaterThan(0);
    for (const field of MONEY_FIELD_NAMES)
      expect([field, valueText(field, 1_234_550, row({ currency: 'EUR' }))]).toEqual([
        field,
        formatMoney(asMinor(1_234_550), 'EUR', { exact: true }),
      ]);
  });

  it('shows the amounts a hand-kept list had forgotten as money: an offer club cost, a retreat budget', () => {
    expect(valueText('clubCostPerYear', 250_000, row({ currency: 'SEK' }))).toBe(formatMoney(asMinor(250_000), 'SEK', { exact: true }));
    expect(valueText('budget', 4_000_000, row({ currency: 'EUR' }))).toBe(formatMoney(asMinor(4_000_000), 'EUR', { exact: true }));
  });

  it('shows other numbers, and money without a currency or whole minor units, as plain numbers', () => {
    expect(valueText('seatCap', 8, row({ currency: 'EUR' }))).toBe(formatNumber(8, 2));
    expect(valueText('listPrice', 1_000, row({}))).toBe(formatNumber(1_000, 2));
    expect(valueText('listPrice', 10.5, row({ currency: 'EUR' }))).toBe(formatNumber(10.5, 2));
  });
});
