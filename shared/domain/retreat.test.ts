import { describe, expect, it } from 'vitest';
import { asIsoDate } from './dates';
import { asMinor } from './money';
import {
  budgetSummary,
  isTime,
  minutesOf,
  retreatConflicts,
  retreatSchema,
  sessionSchema,
  type AttendeeFields,
  type BudgetKind,
  type BudgetLine,
  type RetreatFields,
  type SessionFields,
} from './retreat';

const m = asMinor;
const d = asIsoDate;

const line = (kind: BudgetKind, amount: number, label: string = kind): BudgetLine => ({ kind, label, amount: m(amount) });
const customer = (accountId: string) => ({ accountId });

type Plan = Pick<RetreatFields, 'lines' | 'budget' | 'ourAttendees' | 'startDate' | 'endDate'>;
const plan = (patch: Partial<Plan> = {}): Plan => ({
  lines: [line('venue', 1_000_000)],
  budget: m(2_000_000),
  ourAttendees: ['Ada', 'Grace'],
  startDate: d('2026-05-12'),
  endDate: d('2026-05-14'),
  ...patch,
});

type Session = SessionFields & { id: string };
const session = (id: string, date: string, start: string, end: string): Session => ({
  id,
  retreatId: 'r1',
  date: d(date),
  start,
  end,
  title: `Session ${id}`,
  owner: '',
  kind: 'planning',
});

type Attendee = AttendeeFields & { id: string };
const attendee = (id: string, accountId: string, name = `Person ${id}`): Attendee => ({
  id,
  retreatId: 'r1',
  accountId,
  personId: null,
  name,
  role: '',
});

describe('budgetSummary', () => {
  const lines = [
    line('venue', 1_200_000, 'Hotel'),
    line('travel', 845_000, 'Flights'),
    line('catering', 410_050, 'Dinner'),
    line('venue', 300_000, 'Meeting room'),
    line('other', 12_345, 'Printing'),
  ];

  it('sums per kind, against the budget, per head (half rounds away from zero) and per account', () => {
    // venue    1 200 000 + 300 000 = 1 500 000
    // travel                           845 000
    // catering                         410 050
    // other                             12 345
    // total    1 500 000 + 845 000 + 410 050 + 12 345 = 2 767 395 (€27,673.95)
    // over     2 767 395 − 3 000 000 = −232 605 (under budget)
    // heads    4 customer attendees + 2 of ours = 6: 2 767 395 ÷ 6 = 461 232.5 → 461 233
    // accounts A, B (A twice, B twice) = 2:         2 767 395 ÷ 2 = 1 383 697.5 → 1 383 698
    const s = budgetSummary({ lines, budget: m(3_000_000), ourAttendees: ['Ada', 'Grace'] }, [
      customer('A'),
      customer('A'),
      customer('B'),
      customer('B'),
    ]);
    expect(s).toEqual({
      total: 2_767_395,
      byKind: { venue: 1_500_000, travel: 845_000, catering: 410_050, other: 12_345 },
      over: -232_605,
      perAttendee: 461_233,
      perAccount: 1_383_698,
    });
  });

  it('rounds a share below one half down', () => {
    // total 2 767 395; heads 5 customers + 2 ours = 7: 2 767 395 ÷ 7 = 395 342.14… → 395 342
    // accounts A, B, C = 3: 2 767 395 ÷ 3 = 922 465 exactly
    // over budget of 2 500 000: 2 767 395 − 2 500 000 = +267 395
    const s = budgetSummary({ lines, budget: m(2_500_000), ourAttendees: ['Ada', 'Grace'] }, ['A', 'B', 'C', 'C', 'A'].map(customer));
    expect(s.total).toBe(2_767_395);
    expect(s.over).toBe(267_395);
    expect(s.perAttendee).toBe(395_342);
    expect(s.perAccount).toBe(922_465);
  });

  it('is null per attendee with nobody, and null per account with no customers', () => {
    const nobody = budgetSummary({ lines, budget: m(0), ourAttendees: [] }, []);
    expect(nobody.perAttendee).toBeNull();
    expect(nobody.perAccount).toBeNull();
    expect(nobody.over).toBe(2_767_395);
    // only our three people: 2 767 395 ÷ 3 = 922 465
    const oursOnly = budgetSummary({ lines, budget: m(0), ourAttendees: ['Ada', 'Grace', 'Linus'] }, []);
    expect(oursOnly.perAttendee).toBe(922_465);
    expect(oursOnly.perAccount).toBeNull();
  });

  it('is all zero without lines', () => {
    // total 0; over 0 − 500 000 = −500 000; 0 ÷ 3 heads = 0; 0 ÷ 1 account = 0
    expect(budgetSummary({ lines: [], budget: m(500_000), ourAttendees: ['Ada'] }, [customer('A'), customer('A')])).toEqual({
      total: 0,
      byKind: { venue: 0, travel: 0, catering: 0, other: 0 },
      over: -500_000,
      perAttendee: 0,
      perAccount: 0,
    });
  });
});

describe('retreatConflicts', () => {
  const members = new Set(['A', 'B']);

  it('is [] for a clean plan (touching sessions, sessions on the first and last day, within budget)', () => {
    const sessions = [
      session('s1', '2026-05-12', '09:00', '10:00'),
      session('s2', '2026-05-12', '10:00', '11:00'),
      session('s3', '2026-05-14', '09:00', '10:00'),
      session('s4', '2026-05-13', '09:00', '10:00'),
    ];
    // lines 1 000 000 against a budget of 2 000 000: under
    expect(retreatConflicts(plan(), sessions, [attendee('p1', 'A'), attendee('p2', 'B')], members)).toEqual([]);
    expect(retreatConflicts(plan(), [], [], new Set())).toEqual([]);
  });

  it('flags an attendee whose account is not a member', () => {
    const attendees = [attendee('p1', 'A'), attendee('p2', 'X', 'Xavier'), attendee('p3', 'B'), attendee('p4', 'Y', 'Yolanda')];
    expect(retreatConflicts(plan(), [], attendees, members)).toEqual([
      { kind: 'notMember', attendeeId: 'p2', name: 'Xavier', accountId: 'X' },
      { kind: 'notMember', attendeeId: 'p4', name: 'Yolanda', accountId: 'Y' },
    ]);
  });

  it('flags two sessions on the same date whose times overlap', () => {
    // 09:00–10:30 and 10:00–11:00: 10:00 < 10:30
    const sessions = [session('late', '2026-05-13', '10:00', '11:00'), session('early', '2026-05-13', '09:00', '10:30')];
    expect(retreatConflicts(plan(), sessions, [], members)).toEqual([{ kind: 'overlap', a: 'early', b: 'late', date: '2026-05-13' }]);
  });

  it('flags a session contained in another and two sessions starting together', () => {
    const contained = [
      session('outer', '2026-05-13', '09:00', '12:00'),
      session('inner', '2026-05-13', '10:00', '10:30'),
      session('after', '2026-05-13', '12:00', '13:00'),
    ];
    expect(retreatConflicts(plan(), contained, [], members)).toEqual([{ kind: 'overlap', a: 'outer', b: 'inner', date: '2026-05-13' }]);
    const together = [session('x', '2026-05-13', '14:00', '15:00'), session('y', '2026-05-13', '14:00', '14:15')];
    expect(retreatConflicts(plan(), together, [], members)).toHaveLength(1);
    expect(retreatConflicts(plan(), together, [], members)[0]).toMatchObject({ kind: 'overlap', date: '2026-05-13' });
  });

  it('does not flag touching sessions (end = next start)', () => {
    const sessions = [session('s1', '2026-05-13', '09:00', '10:00'), session('s2', '2026-05-13', '10:00', '11:00')];
    expect(retreatConflicts(plan(), sessions, [], members)).toEqual([]);
  });

  it('does not flag the same times on different dates', () => {
    const sessions = [
      session('s1', '2026-05-12', '09:00', '10:30'),
      session('s2', '2026-05-13', '09:00', '10:30'),
      session('s3', '2026-05-14', '10:00', '11:00'),
    ];
    expect(retreatConflicts(plan(), sessions, [], members)).toEqual([]);
  });

  it('gives three pairs for three mutually overlapping sessions', () => {
    // 09:00–12:00, 09:30–11:00, 10:00–11:30 all overlap one another
    const sessions = [
      session('c', '2026-05-13', '10:00', '11:30'),
      session('a', '2026-05-13', '09:00', '12:00'),
      session('b', '2026-05-13', '09:30', '11:00'),
    ];
    expect(retreatConflicts(plan(), sessions, [], members)).toEqual([
      { kind: 'overlap', a: 'a', b: 'b', date: '2026-05-13' },
      { kind: 'overlap', a: 'a', b: 'c', date: '2026-05-13' },
      { kind: 'overlap', a: 'b', b: 'c', date: '2026-05-13' },
    ]);
  });

  it('flags a session before the start or after the end of the retreat', () => {
    const sessions = [
      session('after', '2026-05-15', '09:00', '10:00'),
      session('before', '2026-05-11', '09:00', '10:00'),
      session('inside', '2026-05-12', '09:00', '10:00'),
    ];
    expect(retreatConflicts(plan(), sessions, [], members)).toEqual([
      { kind: 'outsideDates', sessionId: 'before', date: '2026-05-11' },
      { kind: 'outsideDates', sessionId: 'after', date: '2026-05-15' },
    ]);
  });

  it('flags spending over the budget with the amount over, not at exactly the budget', () => {
    // 1 500 000 + 750 000 + 0.01 = 2 250 001 against 2 000 000: over by 250 001
    const over = plan({ lines: [line('venue', 1_500_000), line('catering', 750_000), line('other', 1)] });
    expect(retreatConflicts(over, [], [], members)).toEqual([{ kind: 'budgetOver', over: 250_001 }]);
    // exactly on budget: 1 500 000 + 500 000 = 2 000 000
    const onBudget = plan({ lines: [line('venue', 1_500_000), line('catering', 500_000)] });
    expect(retreatConflicts(onBudget, [], [], members)).toEqual([]);
  });

  it('lists every kind of conflict: members first, then sessions in date order, then the budget', () => {
    const sessions = [
      session('s2', '2026-05-16', '09:30', '10:00'),
      session('s1', '2026-05-16', '09:00', '10:00'),
      session('s0', '2026-05-12', '09:00', '09:30'),
    ];
    const over = plan({ lines: [line('travel', 2_000_100)] });
    expect(retreatConflicts(over, sessions, [attendee('p1', 'Z', 'Zed')], members)).toEqual([
      { kind: 'notMember', attendeeId: 'p1', name: 'Zed', accountId: 'Z' },
      { kind: 'overlap', a: 's1', b: 's2', date: '2026-05-16' },
      { kind: 'outsideDates', sessionId: 's1', date: '2026-05-16' },
      { kind: 'outsideDates', sessionId: 's2', date: '2026-05-16' },
      { kind: 'budgetOver', over: 100 },
    ]);
  });
});

describe('retreatSchema', () => {
  const valid = {
    title: 'Spring retreat',
    theme: 'Roadmap 2027',
    place: 'Lisbon',
    startDate: '2026-05-12',
    endDate: '2026-05-14',
    currency: 'EUR',
    budget: 2_000_000,
    lines: [{ kind: 'venue', label: 'Hotel', amount: 1_200_000 }],
    ourAttendees: ['Ada'],
    notes: '',
  };
  const result = (patch: Record<string, unknown>) => retreatSchema.safeParse({ ...valid, ...patch });

  it('accepts a valid retreat, including a one-day retreat', () => {
    expect(result({}).success).toBe(true);
    expect(result({ endDate: '2026-05-12' }).success).toBe(true);
  });

  it('refuses an end before the start', () => {
    const r = result({ endDate: '2026-05-11' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.message, i.path.join('.')])).toEqual([['endBeforeStart', 'endDate']]);
  });

  it('refuses an impossible date, a negative budget and an unknown currency', () => {
    expect(result({ startDate: '2026-02-30' }).success).toBe(false);
    expect(result({ budget: -1 }).success).toBe(false);
    expect(result({ lines: [{ kind: 'venue', label: 'Hotel', amount: -5 }] }).success).toBe(false);
    expect(result({ lines: [{ kind: 'food', label: 'Hotel', amount: 5 }] }).success).toBe(false);
    expect(result({ currency: 'QQQ' }).success).toBe(false);
  });
});

describe('sessionSchema', () => {
  const valid = { retreatId: 'r1', date: '2026-05-12', start: '09:00', end: '10:30', title: 'Planning', owner: 'Ada', kind: 'planning' };
  const result = (patch: Record<string, unknown>) => sessionSchema.safeParse({ ...valid, ...patch });

  it('accepts a valid session', () => {
    expect(result({}).success).toBe(true);
    expect(result({ start: '00:00', end: '23:59' }).success).toBe(true);
  });

  it('refuses an end at or before the start', () => {
    for (const end of ['09:00', '08:59']) {
      const r = result({ end });
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => [i.message, i.path.join('.')])).toEqual([['endBeforeStart', 'end']]);
    }
  });

  it("refuses '24:00' and '9:00'", () => {
    const paths = (patch: Record<string, unknown>) => result(patch).error!.issues.map((i) => i.path.join('.'));
    expect(paths({ end: '24:00' })).toEqual(['end']);
    expect(paths({ start: '00:00', end: '24:00' })).toEqual(['end']);
    // The cross-field refine also runs on a malformed time (minutesOf('9:00') is NaN), so a second,
    // spurious 'endBeforeStart' issue may follow; only the field's own issue is pinned here.
    expect(paths({ start: '9:00' })[0]).toBe('start');
    expect(paths({ start: '08:00', end: '9:00' })[0]).toBe('end');
    expect(result({ start: '9:00' }).success).toBe(false);
  });
});

describe('isTime / minutesOf', () => {
  it('accepts 24-hour HH:MM only', () => {
    expect(['00:00', '09:00', '12:30', '19:59', '23:59'].map(isTime)).toEqual([true, true, true, true, true]);
    expect(['24:00', '9:00', '09:60', '09:5', '0900', ' 09:00', '09:00 ', '', '9:00am'].map(isTime)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect([930, null, undefined, {}].map(isTime)).toEqual([false, false, false, false]);
  });

  it('counts minutes since midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    // 9 × 60 + 30 = 570
    expect(minutesOf('09:30')).toBe(570);
    // 23 × 60 + 59 = 1 439
    expect(minutesOf('23:59')).toBe(1439);
    expect(minutesOf('12:00')).toBe(720);
  });
});
