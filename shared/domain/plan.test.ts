import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asIsoDate } from './dates';
import {
  isOverdue,
  isPeriodValid,
  planFieldsSchema,
  planProgress,
  riskScore,
  sortBetween,
  type ActionStatus,
  type RiskLevel,
} from './plan';

const TODAY = asIsoDate('2025-03-01');
const YESTERDAY = asIsoDate('2025-02-28');
const TOMORROW = asIsoDate('2025-03-02');
const act = (status: ActionStatus, due: string | null) => ({ status, dueDate: due === null ? null : asIsoDate(due) });

describe('isOverdue', () => {
  it('is overdue when due yesterday and still open or in progress', () => {
    expect(isOverdue(act('open', YESTERDAY), TODAY)).toBe(true);
    expect(isOverdue(act('inProgress', YESTERDAY), TODAY)).toBe(true);
  });

  it('is not overdue when done or dropped', () => {
    expect(isOverdue(act('done', YESTERDAY), TODAY)).toBe(false);
    expect(isOverdue(act('dropped', '2020-01-01'), TODAY)).toBe(false);
  });

  it('is not overdue on the due date itself, later, or without a due date', () => {
    expect(isOverdue(act('open', TODAY), TODAY)).toBe(false);
    expect(isOverdue(act('open', TOMORROW), TODAY)).toBe(false);
    expect(isOverdue(act('open', null), TODAY)).toBe(false);
  });
});

describe('planProgress', () => {
  it('counts done and overdue; dropped actions leave the denominator', () => {
    const actions = [
      act('done', YESTERDAY),
      act('done', null),
      act('open', YESTERDAY),
      act('inProgress', TOMORROW),
      act('dropped', YESTERDAY),
      act('dropped', null),
    ];
    // live = 6 − 2 dropped = 4; done = 2 → 2 / 4 = 0.5
    expect(planProgress(actions, TODAY)).toEqual({ total: 6, done: 2, overdue: 1, completion: 0.5 });
  });

  it('has no completion when nothing is left to do', () => {
    expect(planProgress([], TODAY)).toEqual({ total: 0, done: 0, overdue: 0, completion: null });
    expect(planProgress([act('dropped', null)], TODAY)).toEqual({ total: 1, done: 0, overdue: 0, completion: null });
  });

  it('completion is 1 when every live action is done', () => {
    expect(planProgress([act('done', null), act('dropped', null)], TODAY).completion).toBe(1);
  });
});

describe('isPeriodValid', () => {
  it('needs the end on or after the start, unless one end is open', () => {
    expect(isPeriodValid(asIsoDate('2025-01-01'), asIsoDate('2025-12-31'))).toBe(true);
    expect(isPeriodValid(asIsoDate('2025-01-01'), asIsoDate('2025-01-01'))).toBe(true);
    expect(isPeriodValid(asIsoDate('2025-01-02'), asIsoDate('2025-01-01'))).toBe(false);
    expect(isPeriodValid(null, asIsoDate('2025-01-01'))).toBe(true);
    expect(isPeriodValid(asIsoDate('2025-01-01'), null)).toBe(true);
    expect(isPeriodValid(null, null)).toBe(true);
  });
});

describe('riskScore', () => {
  it('is likelihood × impact on a 1–3 scale', () => {
    expect(riskScore({ likelihood: 'low', impact: 'low' })).toBe(1);
    expect(riskScore({ likelihood: 'medium', impact: 'high' })).toBe(6);
    expect(riskScore({ likelihood: 'high', impact: 'medium' })).toBe(6);
    expect(riskScore({ likelihood: 'high', impact: 'high' })).toBe(9);
    expect(riskScore({ likelihood: 'low', impact: 'high' })).toBe(3);
  });

  it('grows with either factor', () => {
    const levels: RiskLevel[] = ['low', 'medium', 'high'];
    for (let i = 0; i < 2; i++) {
      for (const other of levels) {
        expect(riskScore({ likelihood: levels[i + 1] ?? 'high', impact: other })).toBeGreaterThan(
          riskScore({ likelihood: levels[i] ?? 'low', impact: other }),
        );
      }
    }
  });
});

describe('sortBetween', () => {
  it('starts at 1, appends after, prepends before and splits the gap', () => {
    expect(sortBetween(undefined, undefined)).toBe(1);
    expect(sortBetween(3, undefined)).toBe(4);
    expect(sortBetween(undefined, 3)).toBe(2);
    expect(sortBetween(1, 2)).toBe(1.5);
  });

  it('always lands strictly between distinct neighbours (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (a, gap) => {
        const b = a + gap;
        const mid = sortBetween(a, b);
        expect(mid).toBeGreaterThan(a);
        expect(mid).toBeLessThan(b);
        expect(sortBetween(a, undefined)).toBeGreaterThan(a);
        expect(sortBetween(undefined, a)).toBeLessThan(a);
      }),
    );
  });
});

describe('planFieldsSchema', () => {
  it('needs a title and valid dates', () => {
    const base = { title: 'FY26', periodStart: '2025-01-01', periodEnd: null, summary: '' };
    expect(planFieldsSchema.safeParse(base).success).toBe(true);
    expect(planFieldsSchema.safeParse({ ...base, title: '  ' }).success).toBe(false);
    expect(planFieldsSchema.safeParse({ ...base, periodStart: '2025-02-30' }).success).toBe(false);
  });
});
