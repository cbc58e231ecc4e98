import { describe, expect, it } from 'vitest';
import { compareOffer, offerOption, recommend } from './club';

import { figures, m, offer, opt } from './club.fixtures';

describe('compareOffer / offerOption / recommend, hand-computed', () => {
  it('(1) €100,000.00/yr, 3 years, asked 15 %, club €8,000.00/yr: break-even 8 %, the seat is cheaper', () => {
    const o = offer(10_000_000, 3, 1500, 800_000, [opt('A', 0, true), opt('B', 1500, false), opt('C', 750, true), opt('D', 1000, false)]);
    // gross            = 10 000 000 × 3                              = 30 000 000 for every option
    // club over term   =    800 000 × 3                              =  2 400 000 (seat options)
    // A  0 %   + seat: discount 0;                       tcv 30 000 000; net 30 000 000 − 2 400 000 = 27 600 000;
    //                  concession 0 + 2 400 000 = 2 400 000;           vsFirst 0
    // B 15 %   no seat: discount 30 000 000 × 15 %  = 4 500 000; tcv 25 500 000; net 25 500 000;
    //                  concession 4 500 000;                           vsFirst 25 500 000 − 27 600 000 = −2 100 000
    // C  7.5 % + seat: discount 30 000 000 × 7.5 % = 2 250 000; tcv 27 750 000; net 27 750 000 − 2 400 000 = 25 350 000;
    //                  concession 2 250 000 + 2 400 000 = 4 650 000;   vsFirst −2 250 000
    // D 10 %   no seat: discount 30 000 000 × 10 %  = 3 000 000; tcv 27 000 000; net 27 000 000;
    //                  concession 3 000 000;                           vsFirst −600 000
    // break-even = 800 000 ÷ 10 000 000 = 8 % = 800 bp; asked 15 % > 8 % → the seat costs less.
    // best = A (27 600 000); runner-up D (27 000 000), by 600 000.
    const c = compareOffer(o);
    expect(c.results.map(figures)).toEqual([
      { gross: 30_000_000, discountGiven: 0, tcv: 30_000_000, clubCost: 2_400_000, net: 27_600_000, concession: 2_400_000, vsFirst: 0 },
      {
        gross: 30_000_000,
        discountGiven: 4_500_000,
        tcv: 25_500_000,
        clubCost: 0,
        net: 25_500_000,
        concession: 4_500_000,
        vsFirst: -2_100_000,
      },
      {
        gross: 30_000_000,
        discountGiven: 2_250_000,
        tcv: 27_750_000,
        clubCost: 2_400_000,
        net: 25_350_000,
        concession: 4_650_000,
        vsFirst: -2_250_000,
      },
      {
        gross: 30_000_000,
        discountGiven: 3_000_000,
        tcv: 27_000_000,
        clubCost: 0,
        net: 27_000_000,
        concession: 3_000_000,
        vsFirst: -600_000,
      },
    ]);
    expect(c.results.map((r) => r.option)).toEqual(o.options);
    expect(c.breakEven).toEqual({ num: 800_000, den: 10_000_000, bp: 800 });
    expect(c.best).toBe(0);
    expect(recommend(o, c)).toEqual({
      best: 0,
      reason: 'seatCheaper',
      params: { label: 'A', net: 27_600_000, other: 'D', by: 600_000, breakEvenBp: 800, askedBp: 1500 },
    });
    // recommend computes the comparison itself when not given one
    expect(recommend(o)).toEqual(recommend(o, c));
    // offerOption alone: vsFirst is 0 without a first net, net − firstNet with one
    expect(figures(offerOption(o, opt('B', 1500, false)))).toEqual({ ...figures(c.results[1]!), vsFirst: 0 });
    expect(offerOption(o, opt('B', 1500, false), m(27_600_000)).vsFirst).toBe(-2_100_000);
  });

  it('(2) asked 5 % below the 8 % break-even: the discount without a seat (B) wins', () => {
    const o = offer(5_000_000, 2, 500, 400_000, [opt('A', 0, true), opt('B', 500, false), opt('C', 250, true), opt('D', 800, false)]);
    // gross            = 5 000 000 × 2 = 10 000 000
    // club over term   =   400 000 × 2 =    800 000
    // A 0 %    + seat: discount 0;                       tcv 10 000 000; net 10 000 000 − 800 000 = 9 200 000;
    //                  concession 800 000;                          vsFirst 0
    // B 5 %   no seat: discount 10 000 000 × 5 %   = 500 000; tcv 9 500 000; net 9 500 000;
    //                  concession 500 000;                          vsFirst 9 500 000 − 9 200 000 = +300 000
    // C 2.5 %  + seat: discount 10 000 000 × 2.5 % = 250 000; tcv 9 750 000; net 9 750 000 − 800 000 = 8 950 000;
    //                  concession 250 000 + 800 000 = 1 050 000;    vsFirst −250 000
    // D 8 %   no seat (exactly the break-even): discount 800 000; tcv 9 200 000; net 9 200 000;
    //                  concession 800 000;                          vsFirst 0
    // break-even = 400 000 ÷ 5 000 000 = 8 % = 800 bp; asked 5 % < 8 % → the discount costs less.
    // best = B (9 500 000). Runner-up: A and D tie at 9 200 000; the stable sort keeps A (listed first). by 300 000.
    const c = compareOffer(o);
    expect(c.results.map(figures)).toEqual([
      { gross: 10_000_000, discountGiven: 0, tcv: 10_000_000, clubCost: 800_000, net: 9_200_000, concession: 800_000, vsFirst: 0 },
      { gross: 10_000_000, discountGiven: 500_000, tcv: 9_500_000, clubCost: 0, net: 9_500_000, concession: 500_000, vsFirst: 300_000 },
      {
        gross: 10_000_000,
        discountGiven: 250_000,
        tcv: 9_750_000,
        clubCost: 800_000,
        net: 8_950_000,
        concession: 1_050_000,
        vsFirst: -250_000,
      },
      { gross: 10_000_000, discountGiven: 800_000, tcv: 9_200_000, clubCost: 0, net: 9_200_000, concession: 800_000, vsFirst: 0 },
    ]);
    expect(c.breakEven).toEqual({ num: 400_000, den: 5_000_000, bp: 800 });
    expect(c.best).toBe(1);
    expect(recommend(o, c)).toEqual({
      best: 1,
      reason: 'discountCheaper',
      params: { label: 'B', net: 9_500_000, other: 'A', by: 300_000, breakEvenBp: 800, askedBp: 500 },
    });
  });

  it('(3) gross × discount with half a minor unit rounds half away from zero (not to even)', () => {
    const o = offer(1_000_002, 2, 1250, 100_000, [
      opt('A', 0, true),
      opt('B', 1250, false),
      opt('C', 625, true),
      opt('B+seat', 1250, true),
    ]);
    // gross            = 1 000 002 × 2 = 2 000 004
    // club over term   =   100 000 × 2 =   200 000
    // A 0 %      + seat: discount 0; tcv 2 000 004; net 2 000 004 − 200 000 = 1 800 004; concession 200 000; vsFirst 0
    // B 12.5 %  no seat: discount 2 000 004 × 1 250 ÷ 10 000 = 2 000 004 ÷ 8 = 250 000.5 → 250 001
    //                    (half away from zero; banker's rounding would give the even 250 000)
    //                    tcv 2 000 004 − 250 001 = 1 750 003; net 1 750 003; concession 250 001;
    //                    vsFirst 1 750 003 − 1 800 004 = −50 001
    // C 6.25 %   + seat: discount 2 000 004 ÷ 16 = 125 000.25 → 125 000; tcv 1 875 004;
    //                    net 1 875 004 − 200 000 = 1 675 004; concession 125 000 + 200 000 = 325 000; vsFirst −125 000
    // B+seat 12.5 % + seat: discount 250 001; tcv 1 750 003; net 1 750 003 − 200 000 = 1 550 003;
    //                    concession 250 001 + 200 000 = 450 001; vsFirst −250 001
    // break-even = 100 000 ÷ 1 000 002 = 999.998 bp → 1 000 bp. best A; runner-up B by 50 001.
    const c = compareOffer(o);
    expect(c.results.map(figures)).toEqual([
      { gross: 2_000_004, discountGiven: 0, tcv: 2_000_004, clubCost: 200_000, net: 1_800_004, concession: 200_000, vsFirst: 0 },
      { gross: 2_000_004, discountGiven: 250_001, tcv: 1_750_003, clubCost: 0, net: 1_750_003, concession: 250_001, vsFirst: -50_001 },
      {
        gross: 2_000_004,
        discountGiven: 125_000,
        tcv: 1_875_004,
        clubCost: 200_000,
        net: 1_675_004,
        concession: 325_000,
        vsFirst: -125_000,
      },
      {
        gross: 2_000_004,
        discountGiven: 250_001,
        tcv: 1_750_003,
        clubCost: 200_000,
        net: 1_550_003,
        concession: 450_001,
        vsFirst: -250_001,
      },
    ]);
    expect(c.breakEven).toEqual({ num: 100_000, den: 1_000_002, bp: 1000 });
    expect(c.best).toBe(0);
    expect(recommend(o, c)).toEqual({
      best: 0,
      reason: 'seatCheaper',
      params: { label: 'A', net: 1_800_004, other: 'B', by: 50_001, breakEvenBp: 1000, askedBp: 1250 },
    });
  });

  it('(4) club = 1/3 % of list: break-even 33.33 bp shows as 33 bp, and a 33 bp discount beats the seat by the rounding', () => {
    const o = offer(3_000_000, 5, 40, 10_000, [
      opt('A', 0, true),
      opt('B', 40, false),
      opt('C', 20, true),
      opt('D', 33, false),
      opt('E', 34, false),
    ]);
    // gross            = 3 000 000 × 5 = 15 000 000
    // club over term   =    10 000 × 5 =     50 000
    // A 0 bp   + seat: discount 0; tcv 15 000 000; net 15 000 000 − 50 000 = 14 950 000; concession 50 000; vsFirst 0
    // B 40 bp no seat: discount 15 000 000 × 40 ÷ 10 000 = 60 000; tcv 14 940 000; net 14 940 000;
    //                  concession 60 000; vsFirst −10 000
    // C 20 bp  + seat: discount 30 000; tcv 14 970 000; net 14 970 000 − 50 000 = 14 920 000;
    //                  concession 80 000; vsFirst −30 000
    // D 33 bp no seat: discount 15 000 000 × 33 ÷ 10 000 = 49 500; tcv 14 950 500; net 14 950 500;
    //                  concession 49 500; vsFirst +500
    // E 34 bp no seat: discount 51 000; tcv 14 949 000; net 14 949 000; concession 51 000; vsFirst −1 000
    // break-even = 10 000 ÷ 3 000 000 = 1/300 = 33.33… bp → 33 bp (exact fraction kept as 10 000 / 3 000 000).
    // 33 bp < 33.33 bp, so D's discount (49 500) is 500 cheaper than the seat (50 000): best D, runner-up A, by 500.
    const c = compareOffer(o);
    expect(c.results.map(figures)).toEqual([
      { gross: 15_000_000, discountGiven: 0, tcv: 15_000_000, clubCost: 50_000, net: 14_950_000, concession: 50_000, vsFirst: 0 },
      { gross: 15_000_000, discountGiven: 60_000, tcv: 14_940_000, clubCost: 0, net: 14_940_000, concession: 60_000, vsFirst: -10_000 },
      {
        gross: 15_000_000,
        discountGiven: 30_000,
        tcv: 14_970_000,
        clubCost: 50_000,
        net: 14_920_000,
        concession: 80_000,
        vsFirst: -30_000,
      },
      { gross: 15_000_000, discountGiven: 49_500, tcv: 14_950_500, clubCost: 0, net: 14_950_500, concession: 49_500, vsFirst: 500 },
      { gross: 15_000_000, discountGiven: 51_000, tcv: 14_949_000, clubCost: 0, net: 14_949_000, concession: 51_000, vsFirst: -1_000 },
    ]);
    expect(c.breakEven).toEqual({ num: 10_000, den: 3_000_000, bp: 33 });
    expect(c.best).toBe(3);
    expect(recommend(o, c)).toEqual({
      best: 3,
      reason: 'discountCheaper',
      params: { label: 'D', net: 14_950_500, other: 'A', by: 500, breakEvenBp: 33, askedBp: 40 },
    });
  });

  it('rounds the break-even basis points half away from zero', () => {
    const two = [opt('A', 0, true), opt('B', 100, false)];
    // 10 100 ÷ 2 000 000 × 10 000 = 50.5 bp → 51
    expect(compareOffer(offer(2_000_000, 1, 100, 10_100, two)).breakEven).toEqual({ num: 10_100, den: 2_000_000, bp: 51 });
    // 20 000 ÷ 3 000 000 × 10 000 = 66.67 bp → 67
    expect(compareOffer(offer(3_000_000, 1, 100, 20_000, two)).breakEven).toEqual({ num: 20_000, den: 3_000_000, bp: 67 });
    // 1 ÷ 20 000 × 10 000 = 0.5 bp → 1; 1 ÷ 20 001 × 10 000 = 0.49998 bp → 0
    expect(compareOffer(offer(20_000, 1, 100, 1, two)).breakEven!.bp).toBe(1);
    expect(compareOffer(offer(20_001, 1, 100, 1, two)).breakEven!.bp).toBe(0);
    // a club costing more than the list price: 1 500 000 ÷ 1 000 000 = 150 % = 15 000 bp
    expect(compareOffer(offer(1_000_000, 1, 100, 1_500_000, two)).breakEven!.bp).toBe(15_000);
    // no club cost: 0 bp
    expect(compareOffer(offer(1_000_000, 1, 100, 0, two)).breakEven).toEqual({ num: 0, den: 1_000_000, bp: 0 });
  });

  it('has no break-even with a list price of 0', () => {
    const o = offer(0, 3, 1500, 800_000, [opt('A', 0, true), opt('B', 1500, false)]);
    // gross 0: A net 0 − 2 400 000 = −2 400 000; B net 0; B wins, the discount costs nothing.
    const c = compareOffer(o);
    expect(c.breakEven).toBeNull();
    expect(c.results.map((r) => r.net)).toEqual([-2_400_000, 0]);
    expect(c.results.map((r) => r.vsFirst)).toEqual([0, 2_400_000]);
    expect(c.best).toBe(1);
    expect(recommend(o, c)).toEqual({
      best: 1,
      reason: 'discountCheaper',
      params: { label: 'B', net: 0, other: 'A', by: 2_400_000, breakEvenBp: 0, askedBp: 1500 },
    });
  });

  it("'equal' when the asked discount is exactly the break-even; the tie goes to the smaller discount", () => {
    // list 10 000 000, 1 year, club 800 000 (8 %), asked 8 %:
    // A: 10 000 000 − 800 000 = 9 200 000; B: 10 000 000 − 800 000 (8 %) = 9 200 000 → tie, by 0.
    const o = offer(10_000_000, 1, 800, 800_000, [opt('A', 0, true), opt('B', 800, false)]);
    const c = compareOffer(o);
    expect(c.results.map((r) => r.net)).toEqual([9_200_000, 9_200_000]);
    expect(c.results.map((r) => r.vsFirst)).toEqual([0, 0]);
    expect(c.best).toBe(0);
    expect(recommend(o, c)).toEqual({
      best: 0,
      reason: 'equal',
      params: { label: 'A', net: 9_200_000, other: 'B', by: 0, breakEvenBp: 800, askedBp: 800 },
    });

    // listed the other way round, the smaller discount (A, now second) still wins the tie
    const swapped = { ...o, options: [opt('B', 800, false), opt('A', 0, true)] };
    const cs = compareOffer(swapped);
    expect(cs.best).toBe(1);
    expect(recommend(swapped, cs)).toEqual({
      best: 1,
      reason: 'equal',
      params: { label: 'A', net: 9_200_000, other: 'B', by: 0, breakEvenBp: 800, askedBp: 800 },
    });
  });

  it('among equal nets and equal discounts, the option with a seat wins', () => {
    // club cost 0: a seat costs nothing, both options net 1 000 000 × 2 = 2 000 000
    const o = offer(1_000_000, 2, 0, 0, [opt('No seat', 0, false), opt('Seat', 0, true)]);
    const c = compareOffer(o);
    expect(c.results.map((r) => r.net)).toEqual([2_000_000, 2_000_000]);
    expect(c.best).toBe(1);
    expect(recommend(o, c).reason).toBe('equal');
    // listed with the seat first, the first stays best
    expect(compareOffer({ ...o, options: [opt('Seat', 0, true), opt('No seat', 0, false)] }).best).toBe(0);
  });

  it("'highestNet' when best and runner-up are both with a seat (or both without)", () => {
    // list 10 000 000, 3 years, club 800 000: A (0 %, seat) 27 600 000; C (7.5 %, seat) 25 350 000; by 2 250 000
    const seats = offer(10_000_000, 3, 1500, 800_000, [opt('A', 0, true), opt('C', 750, true)]);
    expect(recommend(seats)).toEqual({
      best: 0,
      reason: 'highestNet',
      params: { label: 'A', net: 27_600_000, other: 'C', by: 2_250_000, breakEvenBp: 800, askedBp: 1500 },
    });
    // both without: D (10 %) 27 000 000 beats B (15 %) 25 500 000 by 1 500 000
    const noSeats = offer(10_000_000, 3, 1500, 800_000, [opt('B', 1500, false), opt('D', 1000, false)]);
    expect(recommend(noSeats)).toEqual({
      best: 1,
      reason: 'highestNet',
      params: { label: 'D', net: 27_000_000, other: 'B', by: 1_500_000, breakEvenBp: 800, askedBp: 1500 },
    });
  });

  it("'onlyOption' with a single option or none", () => {
    // one option: 10 000 000 × 3 − 2 400 000 = 27 600 000
    const one = offer(10_000_000, 3, 1500, 800_000, [opt('A', 0, true)]);
    expect(recommend(one)).toEqual({
      best: 0,
      reason: 'onlyOption',
      params: { label: 'A', net: 27_600_000, other: '', by: 0, breakEvenBp: 800, askedBp: 1500 },
    });
    const none = offer(10_000_000, 3, 1500, 800_000, []);
    expect(compareOffer(none)).toEqual({ results: [], breakEven: { num: 800_000, den: 10_000_000, bp: 800 }, best: 0 });
    expect(recommend(none)).toEqual({ best: 0, reason: 'onlyOption', params: {} });
  });
});
