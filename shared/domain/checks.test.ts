import { describe, expect, it } from 'vitest';
import { defaultAccountFields, type AccountFields } from './account';
import {
  accountChecks,
  DEFAULT_CHECK_SETTINGS,
  healthBand,
  healthScore,
  mapChecks,
  roadmapChecks,
  type CheckResult,
  type RoadmapFacts,
} from './checks';
import { addDays, asIsoDate, type IsoDate } from './dates';
import { asMinor, asRatio } from './money';
import type { ActionStatus } from './plan';
import { defaultPersonFields, type PersonFields } from './stakeholders';

const TODAY = asIsoDate('2025-06-15');

/** An account no check should complain about. */
const healthy = (patch: Partial<AccountFields> = {}): AccountFields =>
  defaultAccountFields({
    name: 'Healthy AG',
    arr: asMinor(50_000_000),
    potentialArr: asMinor(100_000_000),
    communicator: 'Anna Keller',
    communicatorRole: 'customerSuccess',
    communicatorSince: asIsoDate('2025-01-01'),
    bucket: 1,
    renewalDate: asIsoDate('2026-01-01'),
    ...patch,
  });

const act = (status: ActionStatus, dueInDays: number) => ({ status, dueDate: addDays(TODAY, dueInDays) });
const ctx = (patch: Partial<Parameters<typeof accountChecks>[1]> = {}) => ({
  today: TODAY,
  planCount: 1,
  actions: [act('open', 3), act('done', -3)],
  ...patch,
});
const ids = (checks: CheckResult[]) => checks.map((c) => c.id);

describe('accountChecks', () => {
  it('finds nothing wrong with a healthy account', () => {
    expect(accountChecks(healthy(), ctx())).toEqual([]);
  });

  it('flags a small deal at a big company', () => {
    const checks = accountChecks(healthy({ arr: asMinor(5_000_000) }), ctx());
    expect(checks).toEqual([{ id: 'smallDeal', severity: 'warning', params: { penetration: 0.05, threshold: 0.1 }, fix: 'arr' }]);
  });

  it('flags a communicator in the seat for 18 months', () => {
    const checks = accountChecks(healthy({ communicatorSince: asIsoDate('2023-12-15') }), ctx());
    expect(checks).toEqual([
      { id: 'communicatorTenure', severity: 'warning', params: { months: 18, limit: 18, name: 'Anna Keller' }, fix: 'communicator' },
    ]);
    expect(accountChecks(healthy({ communicatorSince: asIsoDate('2023-12-16') }), ctx())).toEqual([]);
  });

  it('flags an engineer as communicator', () => {
    const checks = accountChecks(healthy({ communicatorRole: 'engineer' }), ctx());
    expect(checks).toEqual([{ id: 'engineerInSeat', severity: 'warning', params: { name: 'Anna Keller' }, fix: 'communicator' }]);
  });

  it('flags overdue actions as critical, counting only open or in-progress ones', () => {
    const actions = [act('open', -1), act('inProgress', -30), act('done', -5), act('dropped', -5), act('open', 0)];
    const checks = accountChecks(healthy(), ctx({ actions }));
    expect(checks).toEqual([{ id: 'overdueActions', severity: 'critical', params: { count: 2 }, fix: 'plans' }]);
  });

  it('asks for evidence for buckets 3 and 4 only', () => {
    expect(accountChecks(healthy({ bucket: 3, bucketEvidence: '' }), ctx())).toEqual([
      { id: 'bucketEvidence', severity: 'warning', params: { bucket: 3 }, fix: 'bucket' },
    ]);
    expect(ids(accountChecks(healthy({ bucket: 4, bucketEvidence: '   ' }), ctx()))).toEqual(['bucketEvidence']);
    expect(accountChecks(healthy({ bucket: 4, bucketEvidence: 'Forces batch use' }), ctx())).toEqual([]);
    expect(accountChecks(healthy({ bucket: 2, bucketEvidence: '' }), ctx())).toEqual([]);
    expect(accountChecks(healthy({ bucket: null }), ctx())).toEqual([]);
  });

  it('notes a renewal within 90 days (inclusive), not one past or further away', () => {
    expect(accountChecks(healthy({ renewalDate: addDays(TODAY, 90) }), ctx())).toEqual([
      { id: 'renewalSoon', severity: 'info', params: { days: 90 }, fix: 'renewal' },
    ]);
    expect(accountChecks(healthy({ renewalDate: TODAY }), ctx())).toEqual([
      { id: 'renewalSoon', severity: 'info', params: { days: 0 }, fix: 'renewal' },
    ]);
    expect(accountChecks(healthy({ renewalDate: addDays(TODAY, 91) }), ctx())).toEqual([]);
    expect(accountChecks(healthy({ renewalDate: addDays(TODAY, -1) }), ctx())).toEqual([]);
    expect(accountChecks(healthy({ renewalDate: null }), ctx())).toEqual([]);
  });

  it('flags an account without a plan', () => {
    expect(accountChecks(healthy(), ctx({ planCount: 0, actions: [] }))).toEqual([
      { id: 'noPlan', severity: 'warning', params: {}, fix: 'plans' },
    ]);
  });

  it('reports every problem of a troubled account at once', () => {
    const troubled = healthy({
      arr: asMinor(1),
      communicatorRole: 'engineer',
      communicatorSince: asIsoDate('2020-01-01'),
      bucket: 4,
      bucketEvidence: '',
      renewalDate: addDays(TODAY, 10),
    });
    const checks = accountChecks(troubled, ctx({ planCount: 0, actions: [act('open', -2)] }));
    expect(ids(checks).sort()).toEqual([
      'bucketEvidence',
      'communicatorTenure',
      'engineerInSeat',
      'noPlan',
      'overdueActions',
      'renewalSoon',
      'smallDeal',
    ]);
    // 1 critical (25) + 5 warnings (5 × 10) + 1 info (0) = 75 → 100 − 75 = 25
    expect(healthScore(checks)).toBe(25);
  });

  it('uses custom settings', () => {
    const settings = { ...DEFAULT_CHECK_SETTINGS, smallDealThreshold: asRatio(0.6), rotationMonths: 3, renewalWarningDays: 365 };
    expect(DEFAULT_CHECK_SETTINGS).toEqual({
      smallDealThreshold: 0.1,
      rotationMonths: 18,
      renewalWarningDays: 90,
      freshness: { greenDays: 14, amberDays: 30 },
      minStakeholders: 5,
    });
    expect(ids(accountChecks(healthy(), ctx(), settings))).toEqual(['smallDeal', 'communicatorTenure', 'renewalSoon']);
  });
});

describe('healthScore', () => {
  const check = (severity: CheckResult['severity']): CheckResult => ({ id: 'noPlan', severity, params: {}, fix: 'plans' });

  it('is 100 − 25 per critical − 10 per warning; info is free', () => {
    expect(healthScore([])).toBe(100);
    expect(healthScore([check('info'), check('info')])).toBe(100);
    expect(healthScore([check('warning')])).toBe(90);
    // 100 − 25 − 10 − 10 = 55
    expect(healthScore([check('critical'), check('warning'), check('warning'), check('info')])).toBe(55);
  });

  it('is floored at 0', () => {
    // 5 × 25 = 125 > 100
    expect(healthScore(Array.from({ length: 5 }, () => check('critical')))).toBe(0);
  });
});

describe('mapChecks (stakeholder lessons, PRODUCT §5)', () => {
  const today = asIsoDate('2026-11-22');
  const person = (id: string, over: Partial<PersonFields> = {}) => ({ id, ...defaultPersonFields('acc', { name: id, ...over }) });

  it('an empty map: every gap counts, each marked as not known yet (unknown is a gap, not a pass)', () => {
    const out = mapChecks({ people: [person('X', { placeholder: true })], last: new Map() }, today);
    expect(out.map((c) => [c.id, c.params.context ?? null])).toEqual([
      ['fewStakeholders', null],
      ['topFiveCold', 'unknown'],
      ['oneLevel', 'unknown'],
      ['noEconomicBuyer', 'unknown'],
      ['noChampion', 'unknown'],
    ]);
    expect(out[0]!.params).toEqual({ count: 0, min: 5 });
  });

  it('the health score never rewards knowing less: adding people and contacting them never lowers it', () => {
    const account = defaultAccountFields({ name: 'New' });
    const score = (people: ReturnType<typeof person>[], last: Map<string, IsoDate> = new Map()) =>
      healthScore(accountChecks(account, { today, planCount: 1, actions: [], map: { people, last } }));
    const empty = score([]);
    const one = score([person('A')]);
    const contacted = score([person('A')], new Map([['A', today]]));
    const champion = score([person('A', { stance: 'champion', buyingRole: 'economicBuyer' })], new Map([['A', today]]));
    expect(one).toBeGreaterThanOrEqual(empty);
    expect(contacted).toBeGreaterThanOrEqual(one);
    expect(champion).toBeGreaterThan(contacted);
    expect(empty).toBeLessThan(80);
  });

  it('names each gap of a thin, cold, one-level map', () => {
    // Three managers, nobody contacted in 40 days, no economic buyer, no champion.
    const people = [person('A', { influence: 5 }), person('B', { influence: 4 }), person('C', { influence: 3 })];
    const last = new Map([
      ['A', asIsoDate('2026-10-13')], // 40 days: red
      ['B', asIsoDate('2026-11-12')], // 10 days: green
    ]);
    const ids = mapChecks({ people, last }, today).map((c) => c.id);
    expect(ids).toEqual(['fewStakeholders', 'topFiveCold', 'oneLevel', 'noEconomicBuyer', 'noChampion']);
    const cold = mapChecks({ people, last }, today).find((c) => c.id === 'topFiveCold');
    // A is red (40 > 30) and C never contacted; B is fresh.
    expect(cold?.params).toEqual({ count: 2, names: 'A, C', days: 30 });
  });

  it('a healthy map raises nothing', () => {
    const levels = ['cLevel', 'vp', 'director', 'manager', 'ic'] as const;
    const people = levels.map((orgLevel, i) =>
      person(`P${i}`, {
        orgLevel,
        influence: 5 - i,
        buyingRole: i === 0 ? 'economicBuyer' : 'user',
        stance: i === 1 ? 'champion' : 'neutral',
      }),
    );
    const last = new Map(people.map((p) => [p.id, asIsoDate('2026-11-20')]));
    expect(mapChecks({ people, last }, today)).toEqual([]);
  });

  it('accountChecks includes the map checks only when map facts are given, and they cost health', () => {
    const a = defaultAccountFields({ name: 'Acme' });
    const base = accountChecks(a, { today, planCount: 1, actions: [] });
    const withMap = accountChecks(a, { today, planCount: 1, actions: [], map: { people: [], last: new Map() } });
    // An empty map: five gaps (fewer than five known, and four not known yet), 10 each.
    expect(withMap.length - base.length).toBe(5);
    expect(healthScore(withMap)).toBe(healthScore(base) - 50);
  });
});

describe('roadmapChecks: a bucket-4 account with committed roadmap work (PRODUCT §5, seed 002)', () => {
  const facts = (committedItems: string[]): RoadmapFacts => ({ freeAccelerations: [], committedItems, heaviest: null, limit: 0.5 });

  it('is fixed by drafting a fair exit, with the committed items named', () => {
    expect(roadmapChecks({ bucket: 4 }, facts(['SSO', 'Audit log']))).toEqual([
      { id: 'bucket4Roadmap', severity: 'warning', params: { count: 2, items: 'SSO, Audit log' }, fix: 'fairExit' },
    ]);
  });

  it('says nothing of a bucket-4 account without committed work, or of committed work for another bucket', () => {
    expect(roadmapChecks({ bucket: 4 }, facts([]))).toEqual([]);
    expect(roadmapChecks({ bucket: 3 }, facts(['SSO']))).toEqual([]);
    expect(roadmapChecks({ bucket: null }, facts(['SSO']))).toEqual([]);
  });

  it('reaches the account checks through the roadmap facts', () => {
    const checks = accountChecks(
      healthy({ bucket: 4, bucketEvidence: 'Forces the product into a reseller use.' }),
      ctx({ roadmap: facts(['SSO']) }),
    );
    expect(checks.filter((c) => c.fix === 'fairExit').map((c) => c.id)).toEqual(['bucket4Roadmap']);
  });
});

describe('healthBand', () => {
  it('reads 80 and over as good, 50 to 79 as fair, under 50 as poor', () => {
    expect([100, 80, 79, 50, 49, 0].map(healthBand)).toEqual(['good', 'good', 'fair', 'fair', 'poor', 'poor']);
  });
});
