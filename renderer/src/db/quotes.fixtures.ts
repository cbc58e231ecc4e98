/** Shared inputs and helpers of the quote repository tests. */
import { expect } from 'vitest';
import { newQuoteFields, type QuoteFields } from '@shared/domain/acceleration';
import { asQuarter } from '@shared/domain/quarter';
import { createAccount } from './accounts';
import type { QuoteRow } from './database';
import { createQuote, QuoteRefusedError, setQuoteStatus, type QuoteProblem } from './quotes';
import { createItem } from './roadmap';
import type { Workspace } from './workspace';

export const Q1 = asQuarter('2027-Q1');
export const Q2 = asQuarter('2027-Q2');
export const Q3 = asQuarter('2027-Q3');
export const Q4 = asQuarter('2027-Q4');

export async function getQuote(ws: Workspace, id: string): Promise<QuoteRow> {
  const row = await ws.db.quotes.get(id);
  if (!row) throw new Error(`quote ${id} missing`);
  return row;
}

/** The refusal a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function refusal(p: Promise<unknown>): Promise<QuoteProblem> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QuoteRefusedError);
  const problem = (err as QuoteRefusedError).problem;
  expect((err as QuoteRefusedError).messageKey).toBe(`quote.refused.${problem}`);
  return problem;
}

/** An item planned in 2027-Q3 (4.5 EM), two accounts, and quote fields pulling it into 2027-Q1. */
export async function setup(ws: Workspace) {
  const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3, effortEm: 4.5 });
  const { account: acme } = await createAccount(ws, { name: 'Acme' });
  const { account: globex } = await createAccount(ws, { name: 'Globex' });
  const fields = (over: Partial<QuoteFields> = {}): QuoteFields => ({
    ...newQuoteFields({
      itemId: item.id,
      name: 'Hire early',
      fromQuarter: Q3,
      targetQuarter: Q1,
      effortEm: 4.5,
      currency: 'EUR',
      hoursPerMonth: 160,
      staffing: 'hire',
      funderIds: [acme.id, globex.id],
      minorPerMajor: 100,
    }),
    ...over,
  });
  return { item, acme, globex, fields };
}

/** A quote moved out of draft to `status` through the repository. */
export async function quoteWithStatus(ws: Workspace, fields: QuoteFields, status: 'sent' | 'accepted'): Promise<QuoteRow> {
  const { quote } = await createQuote(ws, fields);
  await setQuoteStatus(ws, quote.id, 'sent');
  if (status === 'accepted') await setQuoteStatus(ws, quote.id, 'accepted');
  return getQuote(ws, quote.id);
}
