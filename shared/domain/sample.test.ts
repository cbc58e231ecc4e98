import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import sampleData from '../../assets/sample-workspace.json';
import { accountFieldsSchema, BUCKETS, SIZE_CLASSES } from './account';
import { addDays, asIsoDate, daysBetween } from './dates';
import { isOverdue } from './plan';
import { materialiseSample, sampleWorkspaceSchema } from './sample';

const TODAY = asIsoDate('2025-06-15');
const clone = (): Record<string, unknown> => structuredClone(sampleData) as Record<string, unknown>;

describe('materialiseSample', () => {
  const sample = materialiseSample(sampleData, TODAY);

  it('gives 12 valid accounts covering every size class and every bucket', () => {
    expect(sample.accounts).toHaveLength(12);
    expect(new Set(sample.accounts.map((a) => a.fields.sizeClass))).toEqual(new Set(SIZE_CLASSES));
    expect(new Set(sample.accounts.map((a) => a.fields.bucket))).toEqual(new Set(BUCKETS));
    for (const a of sample.accounts) expect(accountFieldsSchema.parse(a.fields)).toEqual(a.fields);
    expect(new Set(sample.accounts.map((a) => a.key)).size).toBe(12);
  });

  it('converts amounts to minor units of each account currency', () => {
    const byKey = new Map(sample.accounts.map((a) => [a.key, a.fields]));
    // a1: DKK 2,400,000 → 240,000,000 øre; support rate DKK 670 → 67,000
    expect(byKey.get('a1')).toMatchObject({
      currency: 'DKK',
      arr: 240_000_000,
      potentialArr: 4_100_000_000,
      supportRate: 67_000,
      supportHours: 600,
    });
    // a12: JPY has no minor unit: ¥68,000,000 stays 68,000,000; support rate ¥14,000
    expect(byKey.get('a12')).toMatchObject({ currency: 'JPY', arr: 68_000_000, supportRate: 14_000, engineeringRate: 21_000 });
    // a2: EUR, rates from the EUR row (€90 … €150)
    expect(byKey.get('a2')).toMatchObject({ arr: 185_000_000, supportRate: 9_000, customRate: 15_000, spiralLap: 2 });
  });

  it('dates everything relative to today', () => {
    const a1 = sample.accounts.find((a) => a.key === 'a1')?.fields;
    expect(a1?.communicatorSince).toBe(addDays(TODAY, -250));
    expect(a1?.renewalDate).toBe('2025-11-02'); // 2025-06-15 + 140 days
    expect(a1?.contractStart).toBe(addDays(TODAY, -420));
    const plan = sample.plans.find((p) => p.accountKey === 'a1');
    expect(plan?.periodStart).toBe('2025-05-16'); // − 30 days
    expect(plan?.objectives[0]?.actions[0]?.dueDate).toBe('2025-06-10'); // − 5 days
  });

  it('keeps the same offsets whatever day it is opened', () => {
    const later = asIsoDate('2031-01-02');
    const other = materialiseSample(sampleData, later);
    const offsets = (s: typeof sample, today: typeof TODAY) =>
      s.plans.flatMap((p) => [
        daysBetween(today, p.periodStart),
        daysBetween(today, p.periodEnd),
        ...p.objectives.flatMap((o) => o.actions.map((x) => daysBetween(today, x.dueDate))),
      ]);
    expect(offsets(other, later)).toEqual(offsets(sample, TODAY));
    expect(other.accounts.map((a) => a.fields.renewalDate && daysBetween(later, a.fields.renewalDate))).toEqual(
      sample.accounts.map((a) => a.fields.renewalDate && daysBetween(TODAY, a.fields.renewalDate)),
    );
  });

  it('has plans for known accounts, with at least one overdue action', () => {
    const keys = new Set(sample.accounts.map((a) => a.key));
    expect(sample.plans.length).toBeGreaterThan(0);
    for (const p of sample.plans) expect(keys.has(p.accountKey)).toBe(true);
    const actions = sample.plans.flatMap((p) => p.objectives.flatMap((o) => o.actions));
    expect(actions.filter((a) => isOverdue(a, TODAY)).length).toBeGreaterThanOrEqual(1);
  });

  it('matches its own schema', () => {
    expect(sampleWorkspaceSchema.safeParse(sampleData).success).toBe(true);
  });
});

describe('materialiseSample rejects malformed input', () => {
  const firstAccount = (raw: Record<string, unknown>) => (raw.accounts as Array<Record<string, unknown>>)[0] as Record<string, unknown>;

  it.each([
    ['null', () => null],
    ['the wrong format tag', () => ({ ...clone(), format: 'something-else' })],
    ['a newer version', () => ({ ...clone(), version: 2 })],
    [
      'missing plans',
      () => {
        const raw = clone();
        delete raw.plans;
        return raw;
      },
    ],
    [
      'a negative ARR',
      () => {
        const raw = clone();
        firstAccount(raw).arr = -1;
        return raw;
      },
    ],
    [
      'an unknown size class',
      () => {
        const raw = clone();
        firstAccount(raw).sizeClass = 'whale';
        return raw;
      },
    ],
    [
      'a day offset beyond ten years',
      () => {
        const raw = clone();
        firstAccount(raw).renewalInDays = 4000;
        return raw;
      },
    ],
    [
      'an unknown currency (caught by the account schema)',
      () => {
        const raw = clone();
        firstAccount(raw).currency = 'XXY';
        return raw;
      },
    ],
    [
      'an empty account name (caught by the account schema)',
      () => {
        const raw = clone();
        firstAccount(raw).name = ' ';
        return raw;
      },
    ],
  ])('throws a ZodError for %s', (_label, make) => {
    expect(() => materialiseSample(make(), TODAY)).toThrow(ZodError);
  });
});
