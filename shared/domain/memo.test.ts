import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideProblems,
  defaultMemoFields,
  defaultOptionFields,
  EXEC_ROLES,
  exitId,
  isEditable,
  isHours,
  MAX_PEOPLE,
  MEMO_STATUSES,
  memoExitSchema,
  memoOptionSchema,
  memoSchema,
  memoViewSchema,
  parseNames,
  unheard,
  viewId,
  type ExecRole,
  type ExecStance,
  type MemoStatus,
} from './memo';
import { asMinor } from './money';
import { asQuarter } from './quarter';

const q = asQuarter;
const decision = (f: Partial<{ chosenOptionId: string | null; chosenBecause: string; decidedBy: string }> = {}) => ({
  chosenOptionId: 'b',
  chosenBecause: 'The SSO deal pays for the slip.',
  decidedBy: 'Dana (CEO)',
  ...f,
});

describe('isEditable', () => {
  it('lets a draft or a memo in review change, never a decided or superseded one', () => {
    const editable = Object.fromEntries(MEMO_STATUSES.map((s) => [s, isEditable(s)]));
    expect(editable).toEqual({ draft: true, inReview: true, decided: false, superseded: false });
  });
});

describe('decideProblems', () => {
  it('is empty for an open memo with two options, one of them chosen, a reason and a decider', () => {
    expect(decideProblems({ status: 'draft' }, ['a', 'b'], decision())).toEqual([]);
    expect(decideProblems({ status: 'inReview' }, ['a', 'b', 'c'], decision({ chosenOptionId: 'c' }))).toEqual([]);
  });

  it('refuses a memo that is already a record', () => {
    expect(decideProblems({ status: 'decided' }, ['a', 'b'], decision())).toEqual(['notEditable']);
    expect(decideProblems({ status: 'superseded' }, ['a', 'b'], decision())).toEqual(['notEditable']);
  });

  it('needs an either/or: one option is no decision', () => {
    expect(decideProblems({ status: 'draft' }, ['b'], decision())).toEqual(['fewOptions']);
  });

  it('needs the chosen option to be one of the memo’s', () => {
    expect(decideProblems({ status: 'draft' }, ['a', 'b'], decision({ chosenOptionId: null }))).toEqual(['noChoice']);
    expect(decideProblems({ status: 'draft' }, ['a', 'b'], decision({ chosenOptionId: 'z' }))).toEqual(['noChoice']);
  });

  it('needs “chosen because” and who decided, blanks counting as missing', () => {
    expect(decideProblems({ status: 'draft' }, ['a', 'b'], decision({ chosenBecause: ' \n ' }))).toEqual(['noReason']);
    expect(decideProblems({ status: 'draft' }, ['a', 'b'], decision({ decidedBy: '\t' }))).toEqual(['noDecider']);
  });

  it('lists every problem at once, in a stable order', () => {
    expect(decideProblems({ status: 'decided' }, [], { chosenOptionId: null, chosenBecause: '', decidedBy: '' })).toEqual([
      'notEditable',
      'fewOptions',
      'noChoice',
      'noReason',
      'noDecider',
    ]);
  });
});

describe('unheard', () => {
  const view = (role: ExecRole, stance: ExecStance) => ({ role, stance });

  it('names all five executives when no view is recorded', () => {
    expect(unheard([])).toEqual(['support', 'engineering', 'finance', 'marketing', 'sales']);
  });

  it('counts a view recorded as “not yet heard” as unheard, and keeps the five in their order', () => {
    // heard: support (for), sales (against), marketing (neutral); finance recorded as not heard; engineering missing
    const views = [view('sales', 'against'), view('finance', 'notHeard'), view('support', 'for'), view('marketing', 'neutral')];
    expect(unheard(views)).toEqual(['engineering', 'finance']);
  });

  it('is empty once all five are heard', () => {
    expect(unheard(EXEC_ROLES.map((r) => view(r, 'neutral')))).toEqual([]);
  });
});

describe('parseNames', () => {
  it('splits on commas, semicolons and new lines, trims, and drops blanks and repeats (any case)', () => {
    expect(parseNames(' Ana, Bo;  Chen\n\nana ; , BO ')).toEqual(['Ana', 'Bo', 'Chen']);
    expect(parseNames('')).toEqual([]);
    expect(parseNames(' , ; ')).toEqual([]);
  });

  it('keeps at most fifty names of at most 200 characters', () => {
    const many = Array.from({ length: 60 }, (_, i) => `P${i}`).join(',');
    expect(parseNames(many)).toHaveLength(MAX_PEOPLE);
    expect(parseNames('x'.repeat(300))[0]).toHaveLength(200);
  });

  it('always gives a list the memo schema accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const names = parseNames(s);
        expect(memoSchema.shape.contributors.safeParse(names).success).toBe(true);
        expect(new Set(names.map((n) => n.toLocaleLowerCase())).size).toBe(names.length);
      }),
    );
  });
});

describe('isHours', () => {
  it('takes 0 to 100,000 hours to the hundredth', () => {
    for (const ok of [0, 0.25, 0.29, 40, 99_999.99, 100_000]) expect(isHours(ok)).toBe(true);
    for (const bad of [-0.01, 0.001, 1.005, 100_000.01, Number.NaN, Infinity, '4', null]) expect(isHours(bad)).toBe(false);
  });
});

describe('row ids', () => {
  it('give one view per memo and role and one exit per memo and account', () => {
    expect(viewId('m1', 'finance')).toBe('m1:finance');
    expect(exitId('m1', 'acc-7')).toBe('m1:acc-7');
  });
});

describe('schemas', () => {
  const option = (f: Record<string, unknown> = {}) => ({
    ...defaultOptionFields('m1', q('2027-Q2'), { name: 'Pull SSO into Q2' }),
    ...f,
  });

  it('accept the defaults once a memo has a title and an option a name', () => {
    expect(memoSchema.safeParse(defaultMemoFields({ title: 'SSO or audit log?' })).success).toBe(true);
    expect(memoSchema.safeParse(defaultMemoFields()).success).toBe(false);
    expect(memoOptionSchema.safeParse(option()).success).toBe(true);
    expect(memoOptionSchema.safeParse(option({ name: '  ' })).success).toBe(false);
  });

  it('refuse an option without a usable effort: NaN, missing, negative, two decimals or over 1,000 EM', () => {
    expect(memoOptionSchema.safeParse(option({ effortEm: 0 })).success).toBe(true);
    expect(memoOptionSchema.safeParse(option({ effortEm: 4.5 })).success).toBe(true);
    const { effortEm: _drop, ...missing } = option();
    for (const bad of [
      option({ effortEm: Number.NaN }),
      missing,
      option({ effortEm: -1 }),
      option({ effortEm: 1.25 }),
      option({ effortEm: 1000.1 }),
    ]) {
      const r = memoOptionSchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => i.path[0])).toEqual(['effortEm']);
    }
  });

  it('refuse an option quarter that is not YYYY-Qn, and negative or fractional other cost', () => {
    expect(memoOptionSchema.safeParse(option({ quarter: '2027-Q5' })).success).toBe(false);
    expect(memoOptionSchema.safeParse(option({ otherCost: -1 })).success).toBe(false);
    expect(memoOptionSchema.safeParse(option({ otherCost: 1.5 })).success).toBe(false);
  });

  it('refuse a view with an unknown role or stance', () => {
    const v = { memoId: 'm1', role: 'finance', stance: 'for', who: 'Fay', reason: 'Pays back in a quarter.' };
    expect(memoViewSchema.safeParse(v).success).toBe(true);
    expect(memoViewSchema.safeParse({ ...v, role: 'legal' }).success).toBe(false);
    expect(memoViewSchema.safeParse({ ...v, stance: 'maybe' }).success).toBe(false);
  });

  it('refuse an exit with hours to the thousandth, a negative refund or a notice over ten years', () => {
    const x = {
      memoId: 'm1',
      accountId: 'a1',
      currency: 'EUR',
      withdrawProposal: true,
      proposal: '2027 renewal',
      refund: asMinor(2_000_000),
      refundTerms: 'pro rata',
      exportHours: 40,
      migrationHours: 80,
      hourlyRate: asMinor(15_000),
      partner: 'Acme Integrators',
      noticeDays: 90,
      exitDate: '2026-06-30',
    };
    expect(memoExitSchema.safeParse(x).success).toBe(true);
    expect(memoExitSchema.safeParse({ ...x, exportHours: 0.125 }).success).toBe(false);
    expect(memoExitSchema.safeParse({ ...x, refund: -1 }).success).toBe(false);
    expect(memoExitSchema.safeParse({ ...x, noticeDays: 3651 }).success).toBe(false);
    expect(memoExitSchema.safeParse({ ...x, currency: 'eur' }).success).toBe(false);
  });

  it('accept every status but no other', () => {
    for (const s of MEMO_STATUSES) expect(memoSchema.shape.status.safeParse(s satisfies MemoStatus).success).toBe(true);
    expect(memoSchema.shape.status.safeParse('approved').success).toBe(false);
  });
});
