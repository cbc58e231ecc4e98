import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clubProgramOf,
  clubProgramSchema,
  DEFAULT_CLUB_PROGRAM,
  defaultOptions,
  offerSchema,
  seatCostPerYear,
  seatRefusal,
  seatsUsed,
  type MemberStatus,
} from './club';

import { m, opt } from './club.fixtures';
import { readRow } from './tables';

describe('seatCostPerYear', () => {
  it('sums the yearly cost of every benefit', () => {
    // 1 200.00 + 350.50 + 0.00 + 49.99 = 1 600.49
    const benefits = [
      { name: 'Retreats', description: '', yearlyCost: m(120_000) },
      { name: 'Advisory board', description: '', yearlyCost: m(35_050) },
      { name: 'Early access', description: '', yearlyCost: m(0) },
      { name: 'Swag', description: '', yearlyCost: m(4_999) },
    ];
    expect(seatCostPerYear({ benefits })).toBe(160_049);
  });

  it('is 0 without benefits', () => {
    expect(seatCostPerYear({ benefits: [] })).toBe(0);
  });
});

describe('seatsUsed', () => {
  it('counts invited and member entries only', () => {
    const roster: { status: MemberStatus }[] = [
      { status: 'candidate' },
      { status: 'invited' },
      { status: 'member' },
      { status: 'member' },
      { status: 'alumni' },
      { status: 'candidate' },
    ];
    expect(seatsUsed(roster)).toBe(3);
    expect(seatsUsed([])).toBe(0);
    expect(seatsUsed([{ status: 'alumni' }, { status: 'candidate' }])).toBe(0);
  });
});

describe('seatRefusal', () => {
  // Two seats taken (1 invited, 2 member), 3 a candidate, 4 an alumnus.
  const roster: { id: string; status: MemberStatus }[] = [
    { id: '1', status: 'invited' },
    { id: '2', status: 'member' },
    { id: '3', status: 'candidate' },
    { id: '4', status: 'alumni' },
  ];

  it('refuses inviting a candidate when invited + member == cap', () => {
    expect(seatRefusal(roster, '3', 'invited', 2)).toEqual({ used: 2, cap: 2 });
    expect(seatRefusal(roster, '3', 'member', 2)).toEqual({ used: 2, cap: 2 });
    expect(seatRefusal(roster, '4', 'invited', 2)).toEqual({ used: 2, cap: 2 });
  });

  it('refuses when already over the cap (cap lowered after the fact)', () => {
    expect(seatRefusal(roster, '3', 'invited', 1)).toEqual({ used: 2, cap: 1 });
  });

  it('allows inviting while below the cap', () => {
    expect(seatRefusal(roster, '3', 'invited', 3)).toBeNull();
    expect(seatRefusal(roster, '4', 'member', 3)).toBeNull();
  });

  it('allows a move between seat statuses at the cap (invited → member, member → invited)', () => {
    expect(seatRefusal(roster, '1', 'member', 2)).toBeNull();
    expect(seatRefusal(roster, '2', 'invited', 2)).toBeNull();
    expect(seatRefusal(roster, '2', 'member', 2)).toBeNull();
  });

  it('allows moves into non-seat statuses at the cap', () => {
    expect(seatRefusal(roster, '3', 'alumni', 2)).toBeNull();
    expect(seatRefusal(roster, '4', 'candidate', 2)).toBeNull();
    expect(seatRefusal(roster, '1', 'alumni', 2)).toBeNull();
    expect(seatRefusal(roster, '2', 'candidate', 2)).toBeNull();
    expect(seatRefusal(roster, null, 'candidate', 2)).toBeNull();
  });

  it('refuses a new entry (id null) into a seat status at the cap, allows it below', () => {
    expect(seatRefusal(roster, null, 'invited', 2)).toEqual({ used: 2, cap: 2 });
    expect(seatRefusal(roster, null, 'member', 2)).toEqual({ used: 2, cap: 2 });
    expect(seatRefusal(roster, null, 'invited', 3)).toBeNull();
    expect(seatRefusal([], null, 'invited', 1)).toBeNull();
  });

  it('treats an id not on the roster as a new entry', () => {
    expect(seatRefusal(roster, '99', 'invited', 2)).toEqual({ used: 2, cap: 2 });
  });
});

describe('defaultOptions', () => {
  const labels = { a: 'Hold price + seat', b: 'Discount', c: 'Half + seat' };

  it('gives A (0 % + seat), B (asked, no seat), C (half the asked + seat)', () => {
    expect(defaultOptions(1500, labels)).toEqual([
      { label: 'Hold price + seat', discountBp: 0, seat: true },
      { label: 'Discount', discountBp: 1500, seat: false },
      { label: 'Half + seat', discountBp: 750, seat: true },
    ]);
  });

  it('rounds C = asked ÷ 2 to a whole basis point', () => {
    expect(defaultOptions(1250, labels)[2]!.discountBp).toBe(625);
    // 15 ÷ 2 = 7.5 → 8; 1 ÷ 2 = 0.5 → 1; 0 → 0
    expect(defaultOptions(15, labels)[2]!.discountBp).toBe(8);
    expect(defaultOptions(1, labels)[2]!.discountBp).toBe(1);
    expect(defaultOptions(0, labels).map((o) => o.discountBp)).toEqual([0, 0, 0]);
    expect(defaultOptions(10_000, labels).map((o) => o.discountBp)).toEqual([0, 10_000, 5000]);
  });
});

describe('clubProgramSchema', () => {
  const valid = {
    name: 'Platinum club',
    seatCap: 8,
    currency: 'EUR',
    benefits: [{ name: 'Retreats', description: 'Two a year', yearlyCost: 150_000 }],
    retreatsPerYear: 2,
  };
  const parses = (patch: Record<string, unknown>) => clubProgramSchema.safeParse({ ...valid, ...patch }).success;
  const failedPaths = (patch: Record<string, unknown>) => {
    const r = clubProgramSchema.safeParse({ ...valid, ...patch });
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a valid programme and the default', () => {
    expect(parses({})).toBe(true);
    expect(clubProgramSchema.safeParse(DEFAULT_CLUB_PROGRAM).success).toBe(true);
    expect(parses({ seatCap: 1 })).toBe(true);
    expect(parses({ seatCap: 200 })).toBe(true);
    expect(parses({ benefits: [{ name: 'Free', description: '', yearlyCost: 0 }] })).toBe(true);
  });

  it('refuses seatCap 0 (and above 200 or fractional)', () => {
    expect(failedPaths({ seatCap: 0 })).toEqual(['seatCap']);
    expect(parses({ seatCap: 201 })).toBe(false);
    expect(parses({ seatCap: 2.5 })).toBe(false);
  });

  it('refuses a benefit with a negative or fractional cost', () => {
    expect(failedPaths({ benefits: [{ name: 'Retreats', description: '', yearlyCost: -1 }] })).toEqual(['benefits.0.yearlyCost']);
    expect(parses({ benefits: [{ name: 'Retreats', description: '', yearlyCost: 10.5 }] })).toBe(false);
  });

  it('refuses an unknown or malformed currency', () => {
    expect(failedPaths({ currency: 'QQQ' })).toEqual(['currency']);
    expect(parses({ currency: 'eur' })).toBe(false);
    expect(parses({ currency: 'EURO' })).toBe(false);
    expect(parses({ currency: 'SEK' })).toBe(true);
  });
});

describe('clubProgramOf (the one merge of the stored program row with its defaults)', () => {
  const meta = { id: 'club', stamps: {}, updatedAt: 's0001', deleted: false };

  it('is the defaults without a live row', () => {
    for (const row of [undefined, null, 'club', 42, [], { ...meta, name: 'Gold', deleted: true }])
      expect(clubProgramOf(row)).toEqual(DEFAULT_CLUB_PROGRAM);
  });

  it('takes what a row sets and the defaults for the rest, without the row meta', () => {
    const benefits = [{ name: 'Retreats', description: 'Two a year', yearlyCost: 150_000 }];
    expect(clubProgramOf({ ...meta, name: 'Gold circle', seatCap: 5, benefits })).toEqual({
      ...DEFAULT_CLUB_PROGRAM,
      name: 'Gold circle',
      seatCap: 5,
      benefits,
    });
  });

  it('reads a field that breaks its rule as its default (a row merged from a bad file, or an older version)', () => {
    for (const seatCap of ['many', -1, 0, 2.5, 201, null]) expect(clubProgramOf({ ...meta, seatCap }).seatCap).toBe(8);
    expect(clubProgramOf({ ...meta, name: '   ', currency: 'QQQ', retreatsPerYear: 13 })).toEqual(DEFAULT_CLUB_PROGRAM);
    expect(clubProgramOf({ ...meta, benefits: [{ name: 'Retreats', description: '', yearlyCost: -1 }] }).benefits).toEqual([]);
  });

  it('hands out its own benefits list, never the defaults’ one', () => {
    clubProgramOf(undefined).benefits.push({ name: 'Leak', description: '', yearlyCost: m(1) });
    expect(DEFAULT_CLUB_PROGRAM.benefits).toEqual([]);
  });

  it('agrees with the settings rules a stored row is read with', () => {
    const anyValue = fc.oneof(fc.string(), fc.integer({ min: -5, max: 300 }), fc.constant(null), fc.constantFrom('EUR', 'SEK', 'Gold'));
    const field = fc.option(anyValue, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          name: field,
          seatCap: field,
          currency: field,
          retreatsPerYear: field,
          benefits: fc.option(fc.constant([]), { nil: undefined }),
        }),
        (fields) => {
          const row = { ...meta, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
          const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...read } = readRow('settings', row);
          expect(clubProgramOf(row)).toEqual({ ...DEFAULT_CLUB_PROGRAM, ...read });
        },
      ),
    );
  });
});

describe('offerSchema', () => {
  const valid = {
    accountId: 'acc-1',
    name: 'Renewal 2027',
    status: 'draft',
    currency: 'EUR',
    listPrice: 10_000_000,
    termYears: 3,
    askedDiscountBp: 1500,
    clubCostPerYear: 800_000,
    options: defaultOptions(1500, { a: 'A', b: 'B', c: 'C' }),
    notes: '',
  };
  const parses = (patch: Record<string, unknown>) => offerSchema.safeParse({ ...valid, ...patch }).success;
  const failedPaths = (patch: Record<string, unknown>) => {
    const r = offerSchema.safeParse({ ...valid, ...patch });
    return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
  };

  it('accepts a valid offer and the boundaries', () => {
    expect(parses({})).toBe(true);
    expect(parses({ termYears: 1 })).toBe(true);
    expect(parses({ termYears: 10 })).toBe(true);
    expect(parses({ askedDiscountBp: 10_000 })).toBe(true);
    expect(parses({ options: [opt('A', 0, true), opt('B', 10_000, false)] })).toBe(true);
  });

  it('refuses termYears 0 and 11', () => {
    expect(failedPaths({ termYears: 0 })).toEqual(['termYears']);
    expect(failedPaths({ termYears: 11 })).toEqual(['termYears']);
  });

  it('refuses a discount above 10 000 bp (asked or on an option)', () => {
    expect(failedPaths({ askedDiscountBp: 10_001 })).toEqual(['askedDiscountBp']);
    expect(failedPaths({ options: [opt('A', 0, true), opt('B', 10_001, false)] })).toEqual(['options.1.discountBp']);
    expect(parses({ askedDiscountBp: -1 })).toBe(false);
  });

  it('refuses fewer than 2 options (and more than 8)', () => {
    expect(failedPaths({ options: [opt('A', 0, true)] })).toEqual(['options']);
    expect(parses({ options: [] })).toBe(false);
    expect(parses({ options: Array.from({ length: 9 }, (_, i) => opt(String(i), 0, true)) })).toBe(false);
    expect(parses({ options: Array.from({ length: 8 }, (_, i) => opt(String(i), 0, true)) })).toBe(true);
  });
});

describe('followAskedDiscount (one rule for the options when the asked discount changes)', () => {
  const labels = { a: 'A', b: 'B', c: 'C' };
  it('B (the asked discount) and C (half of it, with a seat) follow; A and options set by hand stay', async () => {
    const { defaultOptions, followAskedDiscount } = await import('./club');
    const opts = [...defaultOptions(1200, labels), { label: 'D', discountBp: 500 as never, seat: true }];
    expect(followAskedDiscount(opts, 1200, 2000).map((o) => [o.label, o.discountBp])).toEqual([
      ['A', 0],
      ['B', 2000],
      ['C', 1000],
      ['D', 500],
    ]);
    // C set by hand to something else stays; B edited away from the asked discount stays too.
    const edited = opts.map((o) =>
      o.label === 'C' ? { ...o, discountBp: 700 as never } : o.label === 'B' ? { ...o, discountBp: 900 as never } : o,
    );
    expect(followAskedDiscount(edited, 1200, 2000).map((o) => o.discountBp)).toEqual([0, 900, 700, 500]);
    // From an asked discount of 0 nothing follows (every option at 0 would otherwise jump).
    expect(followAskedDiscount(defaultOptions(0, labels), 0, 1500).map((o) => o.discountBp)).toEqual([0, 0, 0]);
  });
});
