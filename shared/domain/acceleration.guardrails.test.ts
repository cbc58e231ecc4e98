import { describe, expect, it } from 'vitest';
import { evaluateQuote } from './acceleration';
import { asMinor, type Bp } from './money';

import { m, q, quote, context, other, partsOf } from './acceleration.fixtures';

describe('evaluateQuote guardrails', () => {
  const ids = (ev: ReturnType<typeof evaluateQuote>) => ev.guardrails.map((g) => g.id);

  it('warns (without blocking) when the item is not on strategy', () => {
    const ev = evaluateQuote(quote(), context({ item: { title: 'Custom report', onStrategy: false, plannedQuarter: q('2027-Q4') } }));
    expect(ev.guardrails).toEqual([{ id: 'notOnStrategy', blocking: false, params: { item: 'Custom report' } }]);
    expect(ev.blocked).toBe(false);
    expect(ev.split).not.toBeNull();
  });

  it('warns, with the loss, when the price is below cost (a negative margin); a waived quote is a deliberate gift', () => {
    const ev = evaluateQuote(quote({ marginBp: -2000 as Bp }), context());
    const g = ev.guardrails.find((x) => x.id === 'belowCost');
    expect(g).toBeDefined();
    expect(g!.blocking).toBe(false);
    // price = cost ÷ (1 − (−20 %)) = cost ÷ 1.2; the loss is cost − price, in minor units.
    expect(g!.params).toEqual({ loss: ev.price.cost - ev.price.price, cost: ev.price.cost, price: ev.price.price });
    expect(Number(g!.params.loss)).toBeGreaterThan(0);
    expect(ids(evaluateQuote(quote({ marginBp: 0 as Bp }), context()))).not.toContain('belowCost');
    expect(ids(evaluateQuote(quote({ marginBp: -2000 as Bp, waived: true }), context()))).not.toContain('belowCost');
  });

  it('blocks a target that is not earlier, same quarter or later', () => {
    const same = evaluateQuote(quote({ targetQuarter: q('2027-Q4') }), context());
    expect(same.guardrails).toEqual([{ id: 'notEarlier', blocking: true, params: { target: '2027-Q4', from: '2027-Q4' } }]);
    expect(same.blocked).toBe(true);
    expect(same.split).toBeNull();
    // nothing is pulled forward: 0 months of hiring
    expect([same.price.months, same.price.cost, same.price.price]).toEqual([0, 0, 0]);
    const later = evaluateQuote(quote({ targetQuarter: q('2028-Q1') }), context());
    expect(later.guardrails).toEqual([{ id: 'notEarlier', blocking: true, params: { target: '2028-Q1', from: '2027-Q4' } }]);
    expect(later.blocked).toBe(true);
    expect(later.split).toBeNull();
  });

  it('blocks custom shares that do not add up to 100 %', () => {
    const over = evaluateQuote(
      quote({
        split: 'custom',
        funders: [
          { accountId: 'A', shareBp: 6000 },
          { accountId: 'B', shareBp: 6000 },
        ],
      }),
      context(),
    );
    expect(over.guardrails).toEqual([{ id: 'sharesNot100', blocking: true, params: { totalBp: 12_000 } }]);
    expect(over.split).toBeNull();
    expect(over.blocked).toBe(true);
    const under = evaluateQuote(
      quote({
        split: 'custom',
        funders: [
          { accountId: 'A', shareBp: 5000 },
          { accountId: 'B', shareBp: 3000 },
        ],
      }),
      context(),
    );
    expect(under.guardrails).toEqual([{ id: 'sharesNot100', blocking: true, params: { totalBp: 8000 } }]);
    expect(under.split).toBeNull();
    // shares are ignored outside the custom split
    expect(
      ids(
        evaluateQuote(
          quote({
            funders: [
              { accountId: 'A', shareBp: 6000 },
              { accountId: 'B', shareBp: 6000 },
            ],
          }),
          context(),
        ),
      ),
    ).toEqual([]);
  });

  it('blocks an ARR split when a funder has no ARR in the quote currency', () => {
    const ev = evaluateQuote(
      quote({
        split: 'arr',
        funders: [
          { accountId: 'A', shareBp: 0 },
          { accountId: 'N', shareBp: 0 },
        ],
      }),
      context(),
    );
    expect(ev.guardrails).toEqual([{ id: 'noArr', blocking: true, params: { names: 'Nordic', count: 1 } }]);
    expect(ev.split).toBeNull();
    expect(ev.blocked).toBe(true);
    // a funder the context does not know counts as missing too, named "?"
    const ghost = evaluateQuote(
      quote({
        split: 'arr',
        funders: [
          { accountId: 'N', shareBp: 0 },
          { accountId: 'ghost', shareBp: 0 },
        ],
      }),
      context(),
    );
    expect(ghost.guardrails).toEqual([{ id: 'noArr', blocking: true, params: { names: 'Nordic, ?', count: 2 } }]);
    // the same funders split equally need no ARR
    expect(
      ids(
        evaluateQuote(
          quote({
            funders: [
              { accountId: 'A', shareBp: 0 },
              { accountId: 'N', shareBp: 0 },
            ],
          }),
          context(),
        ),
      ),
    ).toEqual([]);
  });

  it('names the funders when nobody has ARR to split by (ARR zero, not only a missing rate)', () => {
    const zero = evaluateQuote(
      quote({
        split: 'arr',
        funders: [
          { accountId: 'Z1', shareBp: 0 },
          { accountId: 'Z2', shareBp: 0 },
        ],
      }),
      {
        ...context(),
        funders: new Map([
          ['Z1', { id: 'Z1', name: 'Zero One', bucket: 1, arr: asMinor(0) }],
          ['Z2', { id: 'Z2', name: 'Zero Two', bucket: 1, arr: asMinor(0) }],
        ]),
      },
    );
    expect(zero.guardrails).toEqual([{ id: 'noArr', blocking: true, params: { names: 'Zero One, Zero Two', count: 2 } }]);
  });

  it('adds no funding-share warning to a quote that is already blocked (its split means nothing)', () => {
    const ev = evaluateQuote(quote({ targetQuarter: q('2027-Q4') }), context({ targetCapacityEm: 1 }));
    expect(ev.guardrails.map((g) => g.id)).toEqual(['notEarlier']);
  });

  it('warns once per bucket-4 funder', () => {
    const ev = evaluateQuote(
      quote({
        funders: [
          { accountId: 'D', shareBp: 0 },
          { accountId: 'A', shareBp: 0 },
          { accountId: 'E', shareBp: 0 },
        ],
      }),
      context(),
    );
    expect(ev.guardrails).toEqual([
      { id: 'bucket4', blocking: false, params: { name: 'Delta' } },
      { id: 'bucket4', blocking: false, params: { name: 'Echo' } },
    ]);
    expect(ev.blocked).toBe(false);
    // 22 770 000 ÷ 3 = 7 590 000 each
    expect(partsOf(ev.split)).toEqual([
      ['D', 7_590_000, false],
      ['A', 7_590_000, false],
      ['E', 7_590_000, false],
    ]);
  });

  it('remembers a funder who got an accepted quote for free, not a draft one', () => {
    const others = [
      other({ id: 'o1', itemTitle: 'Audit log', targetQuarter: q('2027-Q3'), price: m(0), shares: { A: 1 } }),
      other({ id: 'o2', itemTitle: 'Dark mode', status: 'draft', price: m(0), shares: { A: 0.5, B: 0.5 } }),
      other({ id: 'o3', itemTitle: 'Exports', price: m(500_000), shares: { B: 1 } }),
      other({ id: 'o4', itemTitle: 'SCIM', status: 'declined', price: m(0), shares: { B: 1 } }),
    ];
    const ev = evaluateQuote(quote(), context({ others }));
    expect(ev.guardrails).toEqual([{ id: 'freeBefore', blocking: false, params: { name: 'Alpha', count: 1, items: 'Audit log' } }]);
    expect(ev.blocked).toBe(false);
    const twice = evaluateQuote(
      quote(),
      context({
        others: [
          ...others,
          other({ id: 'o5', itemTitle: 'Webhooks', targetQuarter: q('2028-Q1'), price: m(0), shares: { A: 0.5, C: 0.5 } }),
        ],
      }),
    );
    expect(twice.guardrails).toEqual([
      { id: 'freeBefore', blocking: false, params: { name: 'Alpha', count: 2, items: 'Audit log, Webhooks' } },
    ]);
    // only the draft: nothing
    expect(evaluateQuote(quote(), context({ others: [others[1]!] })).guardrails).toEqual([]);
  });

  it('warns when one funder would fund more than the limit of the target quarter', () => {
    // capacity 12 EM, limit 30 % → 3.6 EM.
    // this quote: 6 EM × ½ = 3 EM each for Alpha and Beta.
    // Alpha also funds half of an accepted 2 EM quote in 2027-Q2: 2 × 0.5 = 1 EM → 4 EM = 4/12 = 33.3 % > 30 %.
    // Beta: 3 EM = 25 %. The draft and the other quarter's quote do not count.
    const others = [
      other({ id: 'o1', effortEm: 2, shares: { A: 0.5, C: 0.5 } }),
      other({ id: 'o2', status: 'draft', effortEm: 10, shares: { A: 1 } }),
      other({ id: 'o3', targetQuarter: q('2027-Q3'), effortEm: 10, shares: { A: 1 } }),
    ];
    const ev = evaluateQuote(quote(), context({ others, targetCapacityEm: 12 }));
    expect(ev.guardrails).toEqual([
      {
        id: 'fundingShare',
        blocking: false,
        params: { name: 'Alpha', fundedEm: 4, capacityEm: 12, quarter: '2027-Q2', ratio: 4 / 12, limit: 0.3 },
      },
    ]);
    expect(ev.blocked).toBe(false);
    expect(ev.split).not.toBeNull();
  });

  it('does not warn at exactly the funding limit, and does just above it', () => {
    // 1.2 EM × 0.5 = 0.6 EM + 3 EM = 3.6 EM = 3.6/12 = 30 % exactly → no warning
    const at = evaluateQuote(quote(), context({ others: [other({ effortEm: 1.2, shares: { A: 0.5 } })], targetCapacityEm: 12 }));
    expect(at.guardrails).toEqual([]);
    // 1.4 EM × 0.5 = 0.7 EM + 3 EM = 3.7 EM = 30.83 % → warning
    const above = evaluateQuote(quote(), context({ others: [other({ effortEm: 1.4, shares: { A: 0.5 } })], targetCapacityEm: 12 }));
    expect(ids(above)).toEqual(['fundingShare']);
    expect(above.guardrails[0]!.params).toMatchObject({ name: 'Alpha', fundedEm: 3.7, capacityEm: 12, quarter: '2027-Q2', limit: 0.3 });
    expect(above.guardrails[0]!.params.ratio).toBeCloseTo(3.7 / 12, 12);
    // a single funder of a 4 EM quote in a 12 EM quarter: 4/12 > 30 % with nothing else
    const alone = evaluateQuote(quote({ effortEm: 4, funders: [{ accountId: 'C', shareBp: 0 }] }), context({ targetCapacityEm: 12 }));
    expect(alone.guardrails).toEqual([
      {
        id: 'fundingShare',
        blocking: false,
        params: { name: 'Gamma', fundedEm: 4, capacityEm: 12, quarter: '2027-Q2', ratio: 4 / 12, limit: 0.3 },
      },
    ]);
  });

  it('warns when the target quarter overflows after the added staff, not when the staff covers it', () => {
    // hire 1 engineer: load 10 + 6 = 16 EM > capacity 12 + 1 × 3 = 15 EM
    const one = evaluateQuote(quote({ engineers: 1 }), context({ targetLoadEm: 10, targetCapacityEm: 12 }));
    expect(one.guardrails).toEqual([
      { id: 'capacityExceeded', blocking: false, params: { quarter: '2027-Q2', loadEm: 16, capacityEm: 15 } },
    ]);
    expect(one.addedCapacityEm).toBe(3);
    expect(one.blocked).toBe(false);
    // hire 2 engineers: 16 EM ≤ 12 + 2 × 3 = 18 EM → fine
    const two = evaluateQuote(quote({ engineers: 2 }), context({ targetLoadEm: 10, targetCapacityEm: 12 }));
    expect(two.guardrails).toEqual([]);
    expect(two.addedCapacityEm).toBe(6);
    // contractors add the whole effort: 12.5 + 6 = 18.5 > 12 + 6 = 18 → warning; 12 + 6 = 18 ≤ 18 → fine
    const c = quote({ staffing: 'contractors' });
    expect(evaluateQuote(c, context({ targetLoadEm: 12.5, targetCapacityEm: 12 })).guardrails).toEqual([
      { id: 'capacityExceeded', blocking: false, params: { quarter: '2027-Q2', loadEm: 18.5, capacityEm: 18 } },
    ]);
    expect(evaluateQuote(c, context({ targetLoadEm: 12, targetCapacityEm: 12 })).guardrails).toEqual([]);
  });

  it('lists several guardrails together, in a fixed order', () => {
    const ev = evaluateQuote(
      quote({ targetQuarter: q('2027-Q4'), split: 'custom', funders: [{ accountId: 'D', shareBp: 5000 }] }),
      context({ item: { title: 'X', onStrategy: false, plannedQuarter: q('2027-Q4') } }),
    );
    expect(ids(ev)).toEqual(['notOnStrategy', 'notEarlier', 'sharesNot100', 'bucket4']);
    expect(ev.blocked).toBe(true);
    expect(ev.split).toBeNull();
  });
});
