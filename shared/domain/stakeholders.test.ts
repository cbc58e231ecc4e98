import { describe, expect, it } from 'vitest';
import { addDays, asIsoDate } from './dates';
import {
  BUYING_ROLES,
  checkLine,
  defaultPersonFields,
  finiteOr,
  DEFAULT_FRESHNESS,
  freshness,
  freshnessProblem,
  FRESHNESS_LIMITS,
  isBuyingRole,
  isLineKind,
  isOrgLevel,
  isStance,
  isDecider,
  isKeyPlayer,
  isSupportive,
  LINE_KINDS,
  lastContacts,
  mapQuality,
  ORG_LEVELS,
  POLITICAL_STATUSES,
  quadrant,
  readFreshness,
  RELATIONSHIP_LEVELS,
  ROLE_WEIGHT,
  STANCES,
  textOf,
  topFive,
  type LineKind,
  type PersonFields,
} from './stakeholders';

const TODAY = asIsoDate('2025-06-15');

let lineSeq = 0;
const ln = (from: string, to: string, kind: LineKind = 'reportsTo') => ({ id: `l${++lineSeq}`, from, to, kind });
const person = (id: string, o: Partial<PersonFields> = {}) => ({ id, ...defaultPersonFields('acc', { name: id, ...o }) });

describe('constants and defaults', () => {
  it('lists the PRODUCT §2 vocabularies', () => {
    expect(ORG_LEVELS).toEqual(['cLevel', 'vp', 'director', 'manager', 'ic']);
    expect(STANCES).toEqual(['champion', 'supporter', 'neutral', 'skeptic', 'opponent']);
    expect(LINE_KINDS).toEqual(['reportsTo', 'dotted', 'influences', 'conflict', 'alliance']);
    expect(BUYING_ROLES).toHaveLength(8);
  });

  it('defaults every enum field to a listed value and lets overrides win', () => {
    const d = defaultPersonFields('acc-1');
    expect(d).toMatchObject({ accountId: 'acc-1', name: '', influence: 3, interest: 3, placeholder: false, x: 0, y: 0 });
    expect(ORG_LEVELS).toContain(d.orgLevel);
    expect(BUYING_ROLES).toContain(d.buyingRole);
    expect(STANCES).toContain(d.stance);
    expect(POLITICAL_STATUSES).toContain(d.political);
    expect(RELATIONSHIP_LEVELS).toContain(d.relationshipLevel);
    expect(defaultPersonFields('acc-1', { name: 'Ana', stance: 'champion', accountId: 'other' })).toMatchObject({
      name: 'Ana',
      stance: 'champion',
      accountId: 'other',
    });
  });

  it('weighs every buying role, deciders above everyone else', () => {
    expect(Object.keys(ROLE_WEIGHT).sort()).toEqual([...BUYING_ROLES].sort());
    expect(new Set(Object.values(ROLE_WEIGHT)).size).toBe(BUYING_ROLES.length);
    const minDecider = Math.min(...BUYING_ROLES.filter(isDecider).map((r) => ROLE_WEIGHT[r]));
    const maxOther = Math.max(...BUYING_ROLES.filter((r) => !isDecider(r)).map((r) => ROLE_WEIGHT[r]));
    expect(minDecider).toBeGreaterThan(maxOther);
    expect(ROLE_WEIGHT.economicBuyer).toBe(Math.max(...Object.values(ROLE_WEIGHT)));
  });
});

describe('checkLine', () => {
  it('refuses a line to oneself, of any kind', () => {
    for (const kind of LINE_KINDS) expect(checkLine([], { from: 'a', to: 'a', kind })).toBe('self');
  });

  it('refuses the same line twice; conflict and alliance are symmetric, the others directed', () => {
    expect(checkLine([ln('a', 'b', 'influences')], { from: 'a', to: 'b', kind: 'influences' })).toBe('duplicate');
    // a influences b and b influences a are two different facts
    expect(checkLine([ln('a', 'b', 'influences')], { from: 'b', to: 'a', kind: 'influences' })).toBeNull();
    expect(checkLine([ln('a', 'b', 'conflict')], { from: 'b', to: 'a', kind: 'conflict' })).toBe('duplicate');
    expect(checkLine([ln('a', 'b', 'alliance')], { from: 'b', to: 'a', kind: 'alliance' })).toBe('duplicate');
    expect(checkLine([ln('a', 'b', 'reportsTo')], { from: 'a', to: 'b', kind: 'reportsTo' })).toBe('duplicate');
    // a different kind between the same two people is a new line
    expect(checkLine([ln('a', 'b', 'conflict')], { from: 'b', to: 'a', kind: 'alliance' })).toBeNull();
    expect(checkLine([ln('a', 'b', 'influences')], { from: 'a', to: 'b', kind: 'conflict' })).toBeNull();
  });

  it('allows one reports-to manager; a second manager must be a dotted line', () => {
    const existing = [ln('a', 'boss1')];
    expect(checkLine(existing, { from: 'a', to: 'boss2', kind: 'reportsTo' })).toBe('secondManager');
    expect(checkLine(existing, { from: 'a', to: 'boss2', kind: 'dotted' })).toBeNull();
    // a dotted line elsewhere does not use up the solid one
    expect(checkLine([ln('a', 'boss2', 'dotted')], { from: 'a', to: 'boss1', kind: 'reportsTo' })).toBeNull();
    // many people may report to the same manager
    expect(checkLine(existing, { from: 'b', to: 'boss1', kind: 'reportsTo' })).toBeNull();
  });

  it('refuses a reports-to cycle: two, three and a thousand people long', () => {
    expect(checkLine([ln('a', 'b')], { from: 'b', to: 'a', kind: 'reportsTo' })).toBe('cycle');
    // a → b → c; c reporting to a would close a triangle
    expect(checkLine([ln('a', 'b'), ln('b', 'c')], { from: 'c', to: 'a', kind: 'reportsTo' })).toBe('cycle');
    // p0 → p1 → … → p999
    const chain = Array.from({ length: 999 }, (_, i) => ln(`p${i}`, `p${i + 1}`));
    expect(checkLine(chain, { from: 'p999', to: 'p0', kind: 'reportsTo' })).toBe('cycle');
    expect(checkLine(chain, { from: 'p999', to: 'p500', kind: 'reportsTo' })).toBe('cycle');
    expect(checkLine(chain, { from: 'newHire', to: 'p0', kind: 'reportsTo' })).toBeNull();
    expect(checkLine(chain, { from: 'p999', to: 'ceo', kind: 'reportsTo' })).toBeNull();
  });

  it('allows a reports-to into another branch, and ignores loops made of other kinds', () => {
    // ceo ← a ← a1, ceo ← b; a separate tree d ← d1
    const tree = [ln('a', 'ceo'), ln('a1', 'a'), ln('b', 'ceo'), ln('d1', 'd')];
    expect(checkLine(tree, { from: 'd', to: 'a1', kind: 'reportsTo' })).toBeNull();
    // but the ceo may not report into his own tree
    expect(checkLine(tree, { from: 'ceo', to: 'a1', kind: 'reportsTo' })).toBe('cycle');
    // dotted, influence lines do not form reporting chains
    expect(checkLine([ln('b', 'a', 'dotted')], { from: 'a', to: 'b', kind: 'reportsTo' })).toBeNull();
    expect(checkLine([ln('a', 'b'), ln('b', 'c')], { from: 'c', to: 'a', kind: 'influences' })).toBeNull();
  });

  it('terminates on data that already holds a cycle elsewhere', () => {
    // x → y → x (bad legacy data); a new person z reporting to x is not part of it
    expect(checkLine([ln('x', 'y'), ln('y', 'x')], { from: 'z', to: 'x', kind: 'reportsTo' })).toBeNull();
  });
});

describe('lastContacts', () => {
  it('keeps the latest date per person whatever the log order', () => {
    const m = lastContacts([
      { personId: 'a', date: asIsoDate('2025-03-01') },
      { personId: 'b', date: asIsoDate('2024-12-31') },
      { personId: 'a', date: asIsoDate('2025-05-20') },
      { personId: 'a', date: asIsoDate('2025-04-02') },
    ]);
    expect([...m.entries()].sort()).toEqual([
      ['a', '2025-05-20'],
      ['b', '2024-12-31'],
    ]);
    expect(lastContacts([]).size).toBe(0);
  });
});

describe('freshness', () => {
  const ago = (n: number) => freshness(addDays(TODAY, -n), TODAY);

  it('is green up to 14 days, amber up to 30, red beyond, never without a contact', () => {
    expect(ago(0)).toEqual({ level: 'green', days: 0 });
    expect(ago(14)).toEqual({ level: 'green', days: 14 });
    expect(ago(15)).toEqual({ level: 'amber', days: 15 });
    expect(ago(30)).toEqual({ level: 'amber', days: 30 });
    expect(ago(31)).toEqual({ level: 'red', days: 31 });
    expect(ago(400)).toEqual({ level: 'red', days: 400 });
    expect(freshness(undefined, TODAY)).toEqual({ level: 'never', days: null });
  });

  it('counts a contact dated in the future as today', () => {
    expect(freshness(addDays(TODAY, 3), TODAY)).toEqual({ level: 'green', days: 0 });
  });

  it('honours configured thresholds', () => {
    const t = { greenDays: 7, amberDays: 10 };
    expect(freshness(addDays(TODAY, -7), TODAY, t).level).toBe('green');
    expect(freshness(addDays(TODAY, -8), TODAY, t).level).toBe('amber');
    expect(freshness(addDays(TODAY, -11), TODAY, t).level).toBe('red');
  });
});

describe('freshness limits', () => {
  it('allows whole days from 1 to 365 with green strictly below amber', () => {
    expect(FRESHNESS_LIMITS).toEqual({ minDays: 1, maxDays: 365 });
    expect(freshnessProblem(DEFAULT_FRESHNESS)).toBeNull();
    expect(freshnessProblem({ greenDays: 1, amberDays: 2 })).toBeNull();
    expect(freshnessProblem({ greenDays: 364, amberDays: 365 })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(freshnessProblem({ greenDays: 30, amberDays: 30 })).toBe('greenNotBelowAmber');
    expect(freshnessProblem({ greenDays: 40, amberDays: 30 })).toBe('greenNotBelowAmber');
    expect(freshnessProblem({ greenDays: 0, amberDays: 30 })).toBe('outOfRange');
    expect(freshnessProblem({ greenDays: 14, amberDays: 366 })).toBe('outOfRange');
    // out of range comes before order: 400 above 30 is first of all more than a year
    expect(freshnessProblem({ greenDays: 400, amberDays: 30 })).toBe('outOfRange');
    for (const bad of [1.5, '14', null, undefined, Number.NaN, Number.POSITIVE_INFINITY])
      expect(freshnessProblem({ greenDays: bad, amberDays: 30 })).toBe('notWholeDays');
  });

  it('reads a stored preference only when it keeps the limits', () => {
    expect(readFreshness({ greenDays: 7, amberDays: 10 })).toEqual({ greenDays: 7, amberDays: 10 });
    // only the two thresholds are kept from what was stored
    expect(readFreshness({ greenDays: 7, amberDays: 10, extra: 'x' })).toEqual({ greenDays: 7, amberDays: 10 });
    for (const raw of [
      null,
      undefined,
      'x',
      42,
      [],
      {},
      { greenDays: 7 },
      { greenDays: 10, amberDays: 10 },
      { greenDays: 0, amberDays: 10 },
      { greenDays: 7, amberDays: 366 },
      { greenDays: 7.5, amberDays: 10 },
      { greenDays: '7', amberDays: '10' },
    ])
      expect(readFreshness(raw)).toEqual(DEFAULT_FRESHNESS);
  });
});

describe('topFive', () => {
  it('orders by influence, then role weight, then name; skips placeholders; keeps five', () => {
    const people = [
      person('Hal', { influence: 2, buyingRole: 'coach' }),
      person('Ivy', { influence: 4, buyingRole: 'coach' }), // weight 3
      person('dan', { influence: 4, buyingRole: 'approver' }), // weight 6, ties Cleo
      person('Ada', { influence: 5, buyingRole: 'user' }), // weight 1
      person('Gus', { influence: 5, buyingRole: 'economicBuyer', placeholder: true }),
      person('Finn', { influence: 3, buyingRole: 'economicBuyer' }),
      person('Cleo', { influence: 4, buyingRole: 'approver' }),
      person('Eve', { influence: 4, buyingRole: 'decisionMaker' }), // weight 7
      person('Ben', { influence: 5, buyingRole: 'economicBuyer' }), // weight 8
    ];
    const before = people.map((p) => p.id);
    // 5: Ben (8) > Ada (1); 4: Eve (7) > Cleo = dan (6, "Cleo" < "dan" ignoring case) > Ivy (3, sixth)
    expect(topFive(people).map((p) => p.name)).toEqual(['Ben', 'Ada', 'Eve', 'Cleo', 'dan']);
    expect(people.map((p) => p.id)).toEqual(before); // input untouched
  });

  it('compares names numerically and returns fewer when fewer are known', () => {
    const people = [person('Contact 10'), person('Contact 2'), person('CFO', { placeholder: true })];
    expect(topFive(people).map((p) => p.name)).toEqual(['Contact 2', 'Contact 10']);
    expect(topFive([])).toEqual([]);
  });
});

describe('quadrant', () => {
  it('puts 3 and above on the high side of both axes', () => {
    expect(quadrant({ influence: 3, interest: 3 })).toBe('manageClosely');
    expect(quadrant({ influence: 3, interest: 2 })).toBe('keepSatisfied');
    expect(quadrant({ influence: 2, interest: 3 })).toBe('keepInformed');
    expect(quadrant({ influence: 2, interest: 2 })).toBe('monitor');
    expect(quadrant({ influence: 5, interest: 5 })).toBe('manageClosely');
    expect(quadrant({ influence: 5, interest: 1 })).toBe('keepSatisfied');
    expect(quadrant({ influence: 1, interest: 5 })).toBe('keepInformed');
    expect(quadrant({ influence: 1, interest: 1 })).toBe('monitor');
  });
});

describe('predicates', () => {
  it('knows who supports, who decides and who is a key player', () => {
    expect(STANCES.filter(isSupportive)).toEqual(['champion', 'supporter']);
    expect(BUYING_ROLES.filter(isDecider)).toEqual(['economicBuyer', 'decisionMaker', 'approver']);
    expect(isKeyPlayer({ influence: 3, placeholder: false })).toBe(false);
    expect(isKeyPlayer({ influence: 4, placeholder: false })).toBe(true);
    expect(isKeyPlayer({ influence: 5, placeholder: false })).toBe(true);
    expect(isKeyPlayer({ influence: 5, placeholder: true })).toBe(false);
  });
});

describe('mapQuality', () => {
  it('is red without a supportive key player', () => {
    const people = [
      person('Weak Champ', { stance: 'champion', influence: 3, buyingRole: 'economicBuyer' }),
      person('CFO', { stance: 'champion', influence: 5, buyingRole: 'economicBuyer', placeholder: true }),
      person('Big Skeptic', { stance: 'skeptic', influence: 5, buyingRole: 'decisionMaker' }),
      person('Big Neutral', { stance: 'neutral', influence: 4, buyingRole: 'approver' }),
    ];
    expect(mapQuality(people)).toEqual({ level: 'red', reason: 'noSupportiveKeyPlayer', names: [] });
    expect(mapQuality([])).toEqual({ level: 'red', reason: 'noSupportiveKeyPlayer', names: [] });
  });

  it('is amber when supportive key players exist but none decides or approves', () => {
    const people = [
      person('Tess', { stance: 'champion', influence: 4, buyingRole: 'technicalEvaluator' }),
      person('Uli', { stance: 'supporter', influence: 5, buyingRole: 'coach' }),
      person('Vera', { stance: 'opponent', influence: 5, buyingRole: 'economicBuyer' }),
      person('Wim', { stance: 'supporter', influence: 3, buyingRole: 'approver' }), // not key
    ];
    expect(mapQuality(people)).toEqual({ level: 'amber', reason: 'noSupportiveDecider', names: ['Tess', 'Uli'] });
  });

  it('is green with a supportive key player who decides or approves, naming only those', () => {
    const people = [
      person('Tess', { stance: 'champion', influence: 4, buyingRole: 'technicalEvaluator' }),
      person('Xena', { stance: 'supporter', influence: 4, buyingRole: 'approver' }),
      person('Yan', { stance: 'champion', influence: 5, buyingRole: 'economicBuyer' }),
      person('Zoe', { stance: 'neutral', influence: 5, buyingRole: 'decisionMaker' }),
    ];
    expect(mapQuality(people)).toEqual({ level: 'green', reason: 'supportiveDecider', names: ['Xena', 'Yan'] });
  });
});

describe('rows from a newer version or a bad file', () => {
  it('asks before every lookup: only listed values are known', () => {
    expect(LINE_KINDS.every(isLineKind)).toBe(true);
    expect(STANCES.every(isStance) && BUYING_ROLES.every(isBuyingRole) && ORG_LEVELS.every(isOrgLevel)).toBe(true);
    for (const v of ['mentors', '__proto__', 'constructor', 'toString', '', 'ReportsTo', null, undefined, 3, { kind: 'reportsTo' }]) {
      expect(isLineKind(v)).toBe(false);
      expect(isStance(v) || isBuyingRole(v) || isOrgLevel(v)).toBe(false);
    }
  });

  it('reads any value as text or as a bounded finite number without throwing', () => {
    expect([
      textOf('Ann'),
      textOf(42),
      textOf(false),
      textOf(10n),
      textOf(null),
      textOf(undefined),
      textOf({ toString: 1 }),
      textOf(['a']),
      textOf(Object.create(null)),
    ]).toEqual(['Ann', '42', 'false', '10', '', '', '', '', '']);
    expect([
      finiteOr(3),
      finiteOr(NaN),
      finiteOr(Infinity),
      finiteOr(-1e300),
      finiteOr(1e300),
      finiteOr('5'),
      finiteOr(null, 7),
      finiteOr(9, 0, 5),
    ]).toEqual([3, 0, 0, -1e6, 1e6, 0, 7, 5]);
  });

  it('gives "never" freshness for a contact date that is not a date', () => {
    for (const d of ['not a date', '', 20250101, null])
      expect(freshness(d as unknown as undefined, TODAY)).toEqual({ level: 'never', days: null });
  });

  it('ranks, sorts and names people with broken fields instead of throwing', () => {
    const odd = [
      person('Known', { influence: 4, buyingRole: 'approver', stance: 'champion' }),
      { ...person('Newer'), influence: 4, buyingRole: 'sponsor', stance: 'champion' },
      { ...person('x'), name: { toString: 1 }, influence: 'high', stance: 'fan' },
      { ...person('y'), name: 7, influence: NaN },
    ] as unknown as ReturnType<typeof person>[];
    // an unknown role weighs least among equals; bad influence counts as 0; a name that is no text sorts as '' (before '7')
    expect(topFive(odd).map((p) => p.id)).toEqual(['Known', 'Newer', 'x', 'y']);
    expect(mapQuality(odd)).toEqual({ level: 'green', reason: 'supportiveDecider', names: ['Known'] });
    const amber = [
      { ...person('p'), name: { toString: 1 }, influence: 5, stance: 'supporter', buyingRole: 'coach' },
    ] as unknown as ReturnType<typeof person>[];
    expect(mapQuality(amber).names).toEqual(['']);
    expect(quadrant({ influence: 'x', interest: 5 } as unknown as { influence: number; interest: number })).toBe('keepInformed');
  });
});
