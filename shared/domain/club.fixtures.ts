/** Shared inputs of the club tests: options, an offer's inputs, one result's money figures. */
import type { OfferFields, OfferOption, OptionResult } from './club';
import { asBp, asMinor } from './money';

export const m = asMinor;
export const opt = (label: string, bp: number, seat: boolean): OfferOption => ({ label, discountBp: asBp(bp), seat });

export type OfferInput = Pick<OfferFields, 'listPrice' | 'termYears' | 'clubCostPerYear' | 'options' | 'askedDiscountBp'>;
export const offer = (
  listPrice: number,
  termYears: number,
  askedBp: number,
  clubCostPerYear: number,
  options: OfferOption[],
): OfferInput => ({
  listPrice: m(listPrice),
  termYears,
  askedDiscountBp: asBp(askedBp),
  clubCostPerYear: m(clubCostPerYear),
  options,
});

/** The money figures of one result, without the option itself. */
export const figures = (r: OptionResult) => ({
  gross: r.gross,
  discountGiven: r.discountGiven,
  tcv: r.tcv,
  clubCost: r.clubCost,
  net: r.net,
  concession: r.concession,
  vsFirst: r.vsFirst,
});
