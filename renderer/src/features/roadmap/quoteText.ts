import type { TFunction } from 'i18next';
import type { CalcLine, Guardrail } from '@shared/domain/acceleration';
import type { Minor } from '@shared/domain/money';
import { formatBp, formatEm, formatMoney, formatNumber, formatPercent } from '../../lib/format';

/**
 * The words of one calculation line, with its figures, so a reader can redo the sum on paper:
 * "€12,000 a month × 6 months × 2 engineers". Shared by the quote page and the printed quote.
 */
export function lineLabel(line: CalcLine, currency: string, t: TFunction): { label: string; formula: string } {
  const p = line.params;
  const money = (k: string) => formatMoney(Number(p[k]) as Minor, currency, { exact: true });
  switch (line.key) {
    case 'staffing':
      return p.mode === 'hire'
        ? {
            label: t('quote.line.hire'),
            formula: t('quote.formula.hire', {
              monthly: money('monthlyCost'),
              months: p.months,
              engineers: p.engineers,
              count: Number(p.engineers),
            }),
          }
        : {
            label: t('quote.line.contractors'),
            formula: t('quote.formula.contractors', {
              rate: money('hourlyRate'),
              hours: formatNumber(Number(p.hours), 1),
              effort: formatEm(Number(p.effortEm)),
              perMonth: p.hoursPerMonth,
            }),
          };
    case 'rampUp':
      return { label: t('quote.line.rampUp'), formula: t('quote.formula.percentOf', { pct: formatBp(Number(p.bp)), base: money('base') }) };
    case 'pmQa':
      return { label: t('quote.line.pmQa'), formula: t('quote.formula.percentOf', { pct: formatBp(Number(p.bp)), base: money('base') }) };
    case 'subtotal':
      return { label: t('quote.line.subtotal'), formula: '' };
    case 'contingency':
      return {
        label: t('quote.line.contingency'),
        formula: t('quote.formula.percentOf', { pct: formatBp(Number(p.bp)), base: money('base') }),
      };
    case 'cost':
      return { label: t('quote.line.cost'), formula: t('quote.formula.cost') };
    case 'margin':
      return {
        label: t('quote.line.margin', { pct: formatBp(Number(p.bp)) }),
        formula: t('quote.formula.margin', { cost: money('cost'), pct: formatBp(Number(p.bp)) }),
      };
    case 'waived':
      return { label: t('quote.line.waived'), formula: t('quote.formula.waived') };
    case 'price':
      return { label: t('quote.line.price'), formula: '' };
  }
}

/** The sentence of a guardrail: what is wrong and why it matters. */
export function guardrailText(g: Guardrail, t: TFunction, currency: string): string {
  const p = g.params;
  const money = (k: string) => formatMoney(Number(p[k]) as Minor, currency, { exact: true });
  switch (g.id) {
    case 'belowCost':
      return t('quote.guard.belowCost', { loss: money('loss'), cost: money('cost'), price: money('price') });
    case 'freeBefore':
      return t('quote.guard.freeBefore', { name: p.name, count: Number(p.count), items: p.items });
    case 'fundingShare':
      return t('quote.guard.fundingShare', {
        name: p.name,
        funded: formatEm(Number(p.fundedEm)),
        capacity: formatEm(Number(p.capacityEm)),
        quarter: p.quarter,
        ratio: formatPercent(Number(p.ratio), 0),
        limit: formatPercent(Number(p.limit), 0),
      });
    case 'sharesNot100':
      return t('quote.guard.sharesNot100', { total: formatBp(Number(p.totalBp)) });
    case 'capacityExceeded':
      return t('quote.guard.capacityExceeded', {
        quarter: p.quarter,
        load: formatEm(Number(p.loadEm)),
        capacity: formatEm(Number(p.capacityEm)),
      });
    default:
      return t(`quote.guard.${g.id}`, p);
  }
}
