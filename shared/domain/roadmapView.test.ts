import { describe, expect, it } from 'vitest';
import { newQuoteFields, type QuoteFields } from './acceleration';
import { roadmapChecks } from './checks';
import { asMinor } from './money';
import { asQuarter } from './quarter';
import { DEFAULT_ROADMAP_SETTINGS, type RoadmapItemFields } from './roadmap';
import { accountRoadmapFacts, arrIn, demandByItem, evaluateInRoadmap, slipsFor, type RoadmapData } from './roadmapView';

const q = asQuarter;
const item = (id: string, f: Partial<RoadmapItemFields> = {}) => ({
  id,
  title: `Item ${id}`,
  theme: '',
  plannedQuarter: q('2027-Q4'),
  effortEm: 6,
  onStrategy: true,
  status: 'planned' as const,
  notes: '',
  acceleratedFrom: null,
  ...f,
});
const account = (id: string, arr: number, currency = 'EUR', bucket: 1 | 2 | 3 | 4 = 1) =>
  [id, { id, name: `Acc ${id}`, arr: asMinor(arr), currency, bucket }] as const;
const quote = (id: string, f: Partial<QuoteFields>): QuoteFields & { id: string } => ({
  id,
  ...newQuoteFields({
    itemId: 'i1',
    name: id,
    fromQuarter: q('2027-Q4'),
    targetQuarter: q('2027-Q2'),
    effortEm: 6,
    currency: 'EUR',
    hoursPerMonth: 160,
    staffing: 'hire',
    funderIds: ['A', 'B'],
    minorPerMajor: 100,
  }),
  ...f,
});

function data(over: Partial<RoadmapData> = {}): RoadmapData {
  return {
    items: [item('i1'), item('i2', { plannedQuarter: q('2027-Q2'), effortEm: 10 })],
    requests: [
      { id: 'r1', itemId: 'i1', accountId: 'A', importance: 'critical', note: '', retreatId: null },
      { id: 'r2', itemId: 'i2', accountId: 'B', importance: 'important', note: '', retreatId: null },
      { id: 'r3', itemId: 'i2', accountId: 'S', importance: 'critical', note: '', retreatId: null },
    ],
    quotes: [],
    capacity: new Map([[q('2027-Q2'), 12]]),
    settings: { ...DEFAULT_ROADMAP_SETTINGS, rates: { SEK: 87_000 } },
    accounts: new Map([account('A', 60_000_000), account('B', 40_000_000), account('S', 100_000_000, 'SEK')]),
    ...over,
  };
}

describe('demandByItem', () => {
  it('weighs each item by its requesters, converting other currencies at the set rate', () => {
    const d = demandByItem(data());
    // i1: A €600,000.00 × 100 % = €600,000.00
    expect(d.get('i1')?.total).toBe(60_000_000);
    // i2: B €400,000.00 × 50 % = €200,000.00; S 1,000,000.00 SEK × 0.087 = €87,000.00 × 100 % → €287,000.00
    expect(d.get('i2')?.total).toBe(28_700_000);
  });
});

describe('arrIn', () => {
  it('uses the account currency as is, converts into the settings currency, and gives null otherwise', () => {
    const d = data();
    expect(arrIn(d, 'A', 'EUR')).toBe(60_000_000);
    expect(arrIn(d, 'S', 'EUR')).toBe(8_700_000);
    expect(arrIn(d, 'A', 'USD')).toBeNull();
    expect(arrIn(d, 'missing', 'EUR')).toBeNull();
  });
});

describe('evaluateInRoadmap', () => {
  it('counts the rest of the target quarter and the capacity set for it', () => {
    // Q2 holds i2 (10 EM) of 12. Pulling i1 (6 EM) in with 2 hired engineers (+6 EM): 16 ≤ 18.
    // Equal split: A and B fund 3 EM each = 25 % of 12, within 30 %. No guardrail.
    expect(evaluateInRoadmap(data(), quote('q1', {})).guardrails).toEqual([]);
    // With Q2 at 8 EM: 3 / 8 = 37.5 % each (> 30 %), and 16 > 8 + 6 = 14.
    const tight = evaluateInRoadmap(data({ capacity: new Map([[q('2027-Q2'), 8]]) }), quote('q1', {}));
    expect(tight.guardrails.map((g) => [g.id, g.params.name ?? g.params.loadEm])).toEqual([
      ['fundingShare', 'Acc A'],
      ['fundingShare', 'Acc B'],
      ['capacityExceeded', 16],
    ]);
  });

  it('adds what a funder already funds in that quarter through accepted quotes', () => {
    // An accepted quote for i2 → Q2 (10 EM, A alone) already puts 10 EM of 12 on A.
    const accepted = quote('q0', {
      itemId: 'i2',
      fromQuarter: q('2027-Q4'),
      effortEm: 10,
      status: 'accepted',
      funders: [{ accountId: 'A', shareBp: 10_000 }],
    });
    const ev = evaluateInRoadmap(data({ quotes: [accepted] }), quote('q1', {}));
    const a = ev.guardrails.find((g) => g.id === 'fundingShare' && g.params.name === 'Acc A');
    // 10 + 6 × 50 % = 13 EM of 12
    expect(a?.params.fundedEm).toBe(13);
    expect(ev.guardrails.some((g) => g.id === 'fundingShare' && g.params.name === 'Acc B')).toBe(false);
  });
});

describe('slipsFor', () => {
  it("uses the quote's effort for the accelerated item", () => {
    // Q2: i2 10 + i1 6 = 16 > 12 → i2, the only item there that may move, → Q3.
    expect(slipsFor(data(), { itemId: 'i1', targetQuarter: q('2027-Q2'), effortEm: 6 }).slips).toEqual([
      { id: 'i2', from: '2027-Q2', to: '2027-Q3' },
    ]);
    // At 2 EM it fits: 12 ≤ 12.
    expect(slipsFor(data(), { itemId: 'i1', targetQuarter: q('2027-Q2'), effortEm: 2 }).slips).toEqual([]);
  });
});

describe('accountRoadmapFacts and roadmapChecks', () => {
  it('finds free accelerations, committed items and the heaviest funded quarter', () => {
    const free1 = quote('f1', { status: 'accepted', waived: true, funders: [{ accountId: 'A', shareBp: 10_000 }] });
    const free2 = quote('f2', {
      itemId: 'i2',
      status: 'accepted',
      waived: true,
      effortEm: 4,
      targetQuarter: q('2027-Q1'),
      funders: [{ accountId: 'A', shareBp: 10_000 }],
    });
    const draft = quote('d', { status: 'draft', waived: true, funders: [{ accountId: 'A', shareBp: 10_000 }] });
    const facts = accountRoadmapFacts(data({ quotes: [free1, free2, draft] }), 'A');
    expect(facts.freeAccelerations).toEqual(['Item i1', 'Item i2']);
    expect(facts.committedItems).toEqual(['Item i1', 'Item i2']);
    // Q2: 6 EM of 12 = 50 %; Q1: 4 of 12 (default capacity) = 33 %. The heaviest is Q2.
    expect(facts.heaviest).toEqual({ quarter: '2027-Q2', fundedEm: 6, capacityEm: 12, ratio: 0.5 });
    expect(facts.limit).toBe(0.3);
    expect(roadmapChecks({ bucket: 4 }, facts).map((c) => c.id)).toEqual(['freeAccelerations', 'bucket4Roadmap', 'fundsTooMuch']);
    expect(roadmapChecks({ bucket: 1 }, { ...facts, freeAccelerations: ['one'], heaviest: { ...facts.heaviest!, ratio: 0.3 } })).toEqual(
      [],
    );
  });
});
