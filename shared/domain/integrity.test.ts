import { describe, expect, it } from 'vitest';
import { findIntegrityIssues, repairFor, type IntegrityFinding } from './integrity';
import { applyPlan, line, member, person, quote, row, tables } from './integrity.fixtures';

const kinds = (fs: readonly IntegrityFinding[]) => fs.map((f) => f.kind);
const only = <K extends IntegrityFinding['kind']>(fs: readonly IntegrityFinding[], kind: K) => {
  const hit = fs.filter((f): f is Extract<IntegrityFinding, { kind: K }> => f.kind === kind);
  expect(hit).toHaveLength(1);
  return hit[0]!;
};

const ada = person('p-ada', 'Ada Lovelace');
const grace = person('p-grace', 'Grace Hopper');
const linus = person('p-linus', 'Linus Pauling');

describe('reporting loops', () => {
  it('two people who report to each other are one loop, named in order, and the newest line becomes dotted', () => {
    const t = tables({ people: [grace, ada], lines: [line('l1', 'p-ada', 'p-grace', 's0002'), line('l2', 'p-grace', 'p-ada', 's0003')] });
    const f = only(findIntegrityIssues(t), 'reportingLoop');
    expect(f.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(f).toMatchObject({
      accountIds: ['acc'],
      accountName: 'Nordlys Energi',
      rowIds: ['l1', 'l2'],
      key: 'reportingLoop:p-ada,p-grace',
    });
    const plan = repairFor(f);
    expect(plan).toEqual({
      kind: 'auto',
      action: 'dotNewestLine',
      subjects: ['Grace Hopper', 'Ada Lovelace'],
      steps: [{ table: 'lines', id: 'l2', patch: { kind: 'dotted' } }],
    });
    expect(findIntegrityIssues(applyPlan(t, plan))).toEqual([]);
  });

  it('a loop of three behind a chain is found once, from its first name, and nothing outside it is touched', () => {
    const tail = person('p-tail', 'Tail');
    const t = tables({
      people: [ada, grace, linus, tail],
      lines: [
        line('l1', 'p-grace', 'p-linus', 's0005'),
        line('l2', 'p-linus', 'p-ada', 's0002'),
        line('l3', 'p-ada', 'p-grace', 's0003'),
        line('l4', 'p-tail', 'p-ada', 's0009'),
      ],
    });
    const f = only(findIntegrityIssues(t), 'reportingLoop');
    expect(f.people.map((p) => p.id)).toEqual(['p-ada', 'p-grace', 'p-linus']);
    expect(f.rowIds).toEqual(['l2', 'l3', 'l1']);
    const plan = repairFor(f);
    expect(plan.kind === 'auto' && plan.steps).toEqual([{ table: 'lines', id: 'l1', patch: { kind: 'dotted' } }]);
    expect(findIntegrityIssues(applyPlan(t, plan))).toEqual([]);
  });

  it('a line that already has its dotted twin is removed instead, and a second reports-to line on the same step goes too', () => {
    const t = tables({
      people: [ada, grace],
      lines: [
        line('l1', 'p-ada', 'p-grace', 's0002'),
        line('l2', 'p-grace', 'p-ada', 's0004'),
        line('l3', 'p-grace', 'p-ada', 's0003'),
        line('d1', 'p-grace', 'p-ada', 's0001', 'dotted'),
      ],
    });
    const plan = repairFor(only(findIntegrityIssues(t), 'reportingLoop'));
    expect(plan.kind === 'auto' && plan.steps).toEqual([
      { table: 'lines', id: 'l2', patch: { deleted: true } },
      { table: 'lines', id: 'l3', patch: { deleted: true } },
    ]);
    expect(findIntegrityIssues(applyPlan(t, plan))).toEqual([]);
  });

  it('ignores dotted, influence and unknown kinds, self lines, tombstones and lines to people who are gone', () => {
    const gone = { ...person('p-gone', 'Gone'), deleted: true };
    const t = tables({
      people: [ada, grace, gone],
      lines: [
        line('l1', 'p-ada', 'p-grace', 's1', 'dotted'),
        line('l2', 'p-grace', 'p-ada', 's1', 'influences'),
        line('l3', 'p-ada', 'p-grace', 's1', 'mentors'),
        line('l4', 'p-ada', 'p-ada'),
        line('l5', 'p-grace', 'p-gone'),
        line('l6', 'p-gone', 'p-grace'),
        line('l7', 'p-ada', 'p-nobody'),
        { ...line('l8', 'p-grace', 'p-ada'), deleted: true },
        line('l9', 'p-grace', 'p-ada'),
      ],
    });
    expect(findIntegrityIssues(t)).toEqual([]);
  });
});

describe('more than one manager', () => {
  it('keeps the oldest reports-to line; the others become dotted, or go when they would draw a line twice', () => {
    const t = tables({
      people: [ada, grace, linus],
      lines: [
        line('l-new', 'p-ada', 'p-linus', 's0005'),
        line('l-old', 'p-ada', 'p-grace', 's0002'),
        line('l-dup', 'p-ada', 'p-grace', 's0007'),
        line('l-mid', 'p-ada', 'p-linus', 's0003'),
      ],
    });
    const f = only(findIntegrityIssues(t), 'twoManagers');
    expect(f.person.name).toBe('Ada Lovelace');
    expect(f.managers.map((m) => m.name)).toEqual(['Grace Hopper', 'Linus Pauling']);
    expect(f.rowIds).toEqual(['l-old', 'l-mid', 'l-new', 'l-dup']);
    const plan = repairFor(f);
    expect(plan).toMatchObject({ action: 'dotOtherManagers', subjects: ['Grace Hopper'] });
    expect(plan.kind === 'auto' && plan.steps).toEqual([
      { table: 'lines', id: 'l-mid', patch: { kind: 'dotted' } },
      { table: 'lines', id: 'l-new', patch: { deleted: true } },
      { table: 'lines', id: 'l-dup', patch: { deleted: true } },
    ]);
    expect(findIntegrityIssues(applyPlan(t, plan))).toEqual([]);
  });

  it('judges the oldest by when the line became reports-to, not by when it was drawn', () => {
    const t = tables({
      people: [ada, grace, linus],
      lines: [
        row('l1', { accountId: 'acc', from: 'p-ada', to: 'p-grace', kind: 'reportsTo' }, 's0001', { kind: 's0008' }),
        line('l2', 'p-ada', 'p-linus', 's0004'),
      ],
    });
    expect(only(findIntegrityIssues(t), 'twoManagers').lines.map((l) => l.id)).toEqual(['l2', 'l1']);
  });
});

describe('club seats', () => {
  const club = row('club', { name: 'Platinum club', seatCap: 2 });

  it('counts invited and members against the cap; the latest to join (an open invitation first) go back to candidate', () => {
    const t = tables({
      clubProgram: club,
      members: [
        member('m1', 'a1', 'member', '2025-06-01', 's0009'),
        member('m2', 'a2', 'invited', null, 's0002'),
        member('m3', 'a3', 'member', '2025-01-01'),
        member('m4', 'a4', 'candidate', null),
        member('m5', 'a5', 'alumni', '2020-01-01'),
      ],
    });
    const f = only(findIntegrityIssues(t), 'seatsOverCap');
    expect(f).toMatchObject({ used: 3, cap: 2, programName: 'Platinum club', accountIds: ['a2'] });
    expect(f.members.map((m) => m.id)).toEqual(['m3', 'm1', 'm2']);
    const plan = repairFor(f);
    expect(plan.kind === 'auto' && plan.steps).toEqual([{ table: 'members', id: 'm2', patch: { status: 'candidate' } }]);
    expect(findIntegrityIssues(applyPlan(t, plan))).toEqual([]);
  });

  it('without a (sane) program row the default cap of 8 holds', () => {
    const nine = Array.from({ length: 9 }, (_, i) => member(`m${i}`, `a${i}`, 'member', `2025-01-0${i + 1}`));
    for (const clubProgram of [undefined, row('club', { seatCap: 'many' }), row('club', { seatCap: -1 }), { ...club, deleted: true }]) {
      expect(only(findIntegrityIssues(tables({ clubProgram, members: nine })), 'seatsOverCap')).toMatchObject({
        used: 9,
        cap: 8,
        accountIds: ['a8'],
      });
    }
    expect(findIntegrityIssues(tables({ members: nine.slice(0, 8) }))).toEqual([]);
  });

  it('one account twice on the roster keeps its most advanced entry (the oldest among equals); the others are removed', () => {
    const t = tables({
      clubProgram: club,
      members: [
        member('m1', 'a1', 'candidate', null, 's0001'),
        member('m2', 'a1', 'invited', null, 's0005'),
        member('m3', 'a1', 'invited', null, 's0003'),
        member('m4', 'a1', 'mystery', null),
      ],
    });
    const f = only(findIntegrityIssues(t), 'duplicateMember');
    expect(f.members.map((m) => m.id)).toEqual(['m3', 'm2', 'm1', 'm4']);
    const plan = repairFor(f);
    expect(plan).toMatchObject({ action: 'removeDuplicateRows', subjects: ['invited'] });
    expect(plan.kind === 'auto' && plan.steps.map((s) => [s.id, s.patch])).toEqual([
      ['m2', { deleted: true }],
      ['m1', { deleted: true }],
      ['m4', { deleted: true }],
    ]);
    expect(findIntegrityIssues(applyPlan(t, plan))).toEqual([]);
  });
});

describe('quotes', () => {
  const item = row('item', { title: 'SSO', plannedQuarter: '2027-Q3', acceleratedFrom: '2027-Q4' });

  it('of two accepted quotes the one accepted first stays; the other goes back to sent and the item to the kept target', () => {
    const first = row(
      'q-b',
      {
        itemId: 'item',
        name: 'Hire early',
        status: 'accepted',
        fromQuarter: '2027-Q4',
        targetQuarter: '2027-Q2',
        funders: [{ accountId: 'a2', shareBp: 10_000 }],
      },
      's0001',
      { status: 's0004' },
    );
    const second = row(
      'q-a',
      {
        itemId: 'item',
        name: 'Contractors',
        status: 'accepted',
        fromQuarter: '2027-Q4',
        targetQuarter: '2027-Q3',
        funders: [{ accountId: 'a1', shareBp: 10_000 }],
      },
      's0001',
      { status: 's0006' },
    );
    const t = tables({ roadmapItems: [item], quotes: [second, first, quote('q-c', { status: 'sent' })] });
    const f = only(findIntegrityIssues(t), 'twoAcceptedQuotes');
    expect(f).toMatchObject({ itemIds: ['item'], accountIds: ['a1', 'a2'], rowIds: ['q-b', 'q-a'], item: { title: 'SSO' } });
    const plan = repairFor(f);
    expect(plan).toEqual({
      kind: 'auto',
      action: 'keepFirstAccepted',
      subjects: ['Hire early'],
      steps: [
        { table: 'quotes', id: 'q-a', patch: { status: 'sent' } },
        { table: 'roadmapItems', id: 'item', patch: { plannedQuarter: '2027-Q2', acceleratedFrom: '2027-Q4' } },
      ],
    });
    const after = applyPlan(t, plan);
    expect(findIntegrityIssues(after)).toEqual([]);
    expect(after.roadmapItems[0]).toMatchObject({ plannedQuarter: '2027-Q2', acceleratedFrom: '2027-Q4' });
  });

  it('custom shares of a quote past draft that do not add up to 100 % are a link to the quote, not a repair', () => {
    const shares = (bp: number[]) => bp.map((shareBp, i) => ({ accountId: `a${i}`, shareBp }));
    const t = tables({
      roadmapItems: [item],
      quotes: [
        quote('q-sent', { status: 'sent', split: 'custom', funders: shares([6_000, 3_000]) }),
        quote('q-draft', { status: 'draft', split: 'custom', funders: shares([1_000]) }),
        quote('q-ok', { status: 'accepted', split: 'custom', funders: shares([6_000, 4_000]) }),
        quote('q-equal', { status: 'sent', split: 'equal', funders: shares([0, 0]) }),
        quote('q-odd', { status: 'sent', split: 'custom', funders: [{ accountId: 'a0', shareBp: 'lots' }, null, 7] }),
      ],
    });
    const found = findIntegrityIssues(t).filter((f) => f.kind === 'sharesNot100');
    expect(found.map((f) => [f.quote.id, f.totalBp, f.itemTitle])).toEqual([
      ['q-odd', 0, 'SSO'],
      ['q-sent', 9_000, 'SSO'],
    ]);
    expect(repairFor(found[1]!)).toEqual({ kind: 'manual', quoteId: 'q-sent' });
  });
});

describe('any input', () => {
  it('never throws on rows of the wrong shape, prototype keys or a missing table', () => {
    const junk: unknown[] = [
      null,
      7,
      'x',
      [],
      [1],
      { id: 3 },
      { id: '' },
      { id: '__proto__', from: {}, to: [], kind: 'reportsTo', stamps: 'no' },
      { id: 'constructor', accountId: 5, status: ['member'] },
      Object.create(null) as unknown,
    ];
    const weird = { accounts: junk, people: junk, lines: junk, members: junk, roadmapItems: junk, quotes: junk, clubProgram: 'club' };
    expect(findIntegrityIssues(weird)).toEqual([]);
    expect(
      findIntegrityIssues({ people: 'no' as unknown as unknown[], lines: {} as unknown as unknown[], members: [], quotes: [] }),
    ).toEqual([]);
  });

  it('finds kinds in a fixed order: lines, club, quotes', () => {
    const t = tables({
      people: [ada, grace, linus],
      lines: [line('l1', 'p-ada', 'p-grace'), line('l2', 'p-grace', 'p-ada'), line('l3', 'p-ada', 'p-linus')],
      members: [member('m1', 'a1', 'invited', null), member('m2', 'a1', 'member', '2025-01-01')],
      clubProgram: row('club', { seatCap: 1 }),
      quotes: [quote('q1', { status: 'accepted' }), quote('q2', { status: 'accepted' })],
    });
    expect(kinds(findIntegrityIssues(t))).toEqual(['reportingLoop', 'twoManagers', 'duplicateMember', 'seatsOverCap', 'twoAcceptedQuotes']);
  });
});
