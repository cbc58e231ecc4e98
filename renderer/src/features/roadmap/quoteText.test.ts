// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import type { CalcLine, Guardrail } from '@shared/domain/acceleration';
import { i18next, initI18n } from '../../i18n';
import { guardrailText, lineLabel } from './quoteText';

beforeAll(async () => {
  await initI18n();
});

describe('quote sentences', () => {
  it('says what a quote below cost loses, in the quote’s currency', () => {
    const g: Guardrail = { id: 'belowCost', blocking: false, params: { loss: 1_234_500, cost: 7_407_000, price: 6_172_500 } };
    expect(guardrailText(g, i18next.t, 'EUR')).toBe(
      'The price €61,725.00 is below what the acceleration costs us (€74,070.00): we lose €12,345.00 on it. Raise the margin to 0 % or more, or waive the quote on purpose.',
    );
    expect(i18next.t('quote.guardTitle.belowCost')).toBe('Priced below cost');
  });

  it('counts engineers and free accelerations in words that agree with the number', () => {
    const line = (engineers: number): CalcLine =>
      ({ key: 'staffing', params: { mode: 'hire', monthlyCost: 1_200_000, months: 6, engineers }, amount: 0 }) as unknown as CalcLine;
    expect(lineLabel(line(1), 'EUR', i18next.t).formula).toBe('€12,000.00 a month × 6 months pulled forward × 1 engineer');
    expect(lineLabel(line(2), 'EUR', i18next.t).formula).toBe('€12,000.00 a month × 6 months pulled forward × 2 engineers');
    const free = (count: number): Guardrail => ({ id: 'freeBefore', blocking: false, params: { name: 'Acme', count, items: 'SSO' } });
    expect(guardrailText(free(1), i18next.t, 'EUR')).toMatch(/^Acme already got an acceleration for free \(SSO\)\./);
    expect(guardrailText(free(2), i18next.t, 'EUR')).toMatch(/^Acme already got 2 accelerations for free/);
  });
});
