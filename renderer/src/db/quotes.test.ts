import { describe, expect, it, vi } from 'vitest';
import { newQuoteFields, type QuoteFields } from '@shared/domain/acceleration';
import { asMinor } from '@shared/domain/money';
import { compareStamps } from '@shared/sync/hlc';
import { createQuote, deleteQuote, duplicateQuote, updateQuote, type QuoteProblem } from './quotes';
import { deleteItem } from './roadmap';
import { expectStamped, freshWorkspaces } from './testing';
import { getQuote, Q1, Q2, Q3, Q4, quoteWithStatus, refusal, setup } from './quotes.fixtures';

const fresh = freshWorkspaces();

const QUOTE_KEYS = Object.keys(
  newQuoteFields({
    itemId: 'x',
    name: 'x',
    fromQuarter: Q3,
    targetQuarter: Q1,
    effortEm: 1,
    currency: 'EUR',
    hoursPerMonth: 160,
    staffing: 'hire',
    funderIds: ['a'],
    minorPerMajor: 100,
  }),
).sort();

describe('createQuote', () => {
  it('writes the quote with every field stamped with one stamp, in one transaction', async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const input = fields({ name: '  Hire early  ' });
    const tx = vi.spyOn(ws.db, 'transaction');
    const { quote, intent } = await createQuote(ws, input);
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = { ...input, name: 'Hire early' };
    expect(quote).toEqual({ ...expected, id: quote.id, deleted: false, stamps: quote.stamps, updatedAt: quote.updatedAt });
    expect(await getQuote(ws, quote.id)).toEqual(quote);
    expect(quote).toMatchObject({ status: 'draft', monthlyCost: 1_200_000, engineers: 2, hourlyRate: 9500, split: 'equal' });
    expect(quote.funders.map((f) => f.shareBp)).toEqual([5000, 5000]);
    expect(Object.keys(quote.stamps).sort()).toEqual([...QUOTE_KEYS, 'deleted'].sort());
    expect(new Set(Object.values(quote.stamps))).toEqual(new Set([quote.updatedAt]));
    expect(intent).toEqual({
      label: 'createQuote',
      changes: [{ table: 'quotes', id: quote.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it("refuses 'missingItem' for a deleted or unknown item and writes nothing", async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    await deleteItem(ws, item.id);
    expect(await refusal(createQuote(ws, fields()))).toBe('missingItem');
    expect(await refusal(createQuote(ws, fields({ itemId: 'nope' })))).toBe('missingItem');
    expect(await ws.db.quotes.count()).toBe(0);
  });

  it.each<[string, (f: (o?: Partial<QuoteFields>) => QuoteFields, ids: { acme: string; globex: string }) => QuoteFields, QuoteProblem]>([
    ['no funders', (f) => f({ funders: [] }), 'lastFunder'],
    ['a funder share of 12 000 bp', (f, ids) => f({ split: 'custom', funders: [{ accountId: ids.acme, shareBp: 12_000 }] }), 'invalid'],
    [
      'the same funder twice',
      (f, ids) =>
        f({
          funders: [
            { accountId: ids.acme, shareBp: 5000 },
            { accountId: ids.acme, shareBp: 5000 },
          ],
        }),
      'invalid',
    ],
    ['an empty name', (f) => f({ name: '  ' }), 'invalid'],
    ['an effort of 4.55', (f) => f({ effortEm: 4.55 }), 'invalid'],
    ['a price that overflows', (f) => f({ monthlyCost: asMinor(1_000_000_000_000_000) }), 'tooLarge'],
  ])('refuses %s and writes nothing', async (_label, make, problem) => {
    const ws = await fresh();
    const { acme, globex, fields } = await setup(ws);
    expect(await refusal(createQuote(ws, make(fields, { acme: acme.id, globex: globex.id })))).toBe(problem);
    expect(await ws.db.quotes.count()).toBe(0);
  });

  it('allows a draft whose target is not earlier (it cannot be sent yet)', async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields({ targetQuarter: Q4 }));
    expect((await getQuote(ws, quote.id)).targetQuarter).toBe(Q4);
  });
});

describe('duplicateQuote', () => {
  it('copies every field into a new draft with the new name, even from a sent quote', async () => {
    const ws = await fresh();
    const { fields, acme, globex } = await setup(ws);
    const original = await quoteWithStatus(
      ws,
      fields({
        staffing: 'contractors',
        split: 'custom',
        funders: [
          { accountId: acme.id, shareBp: 7000 },
          { accountId: globex.id, shareBp: 3000 },
        ],
        terms: 'Net 30',
        marginBp: 2500 as QuoteFields['marginBp'],
      }),
      'sent',
    );
    expect(original.status).toBe('sent');

    const { quote: copy, intent } = await duplicateQuote(ws, original.id, 'Contractors, 25 %');
    const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...originalFields } = original;
    const expected = { ...originalFields, name: 'Contractors, 25 %', status: 'draft' };
    expect(copy).toEqual({ ...expected, id: copy.id, deleted: false, stamps: copy.stamps, updatedAt: copy.updatedAt });
    expect(copy.id).not.toBe(original.id);
    expect(await getQuote(ws, copy.id)).toEqual(copy);
    expect(await getQuote(ws, original.id)).toEqual(original);
    expect(await ws.db.quotes.count()).toBe(2);
    expect(Object.keys(copy.stamps).sort()).toEqual([...QUOTE_KEYS, 'deleted'].sort());
    expect(compareStamps(original.updatedAt, copy.updatedAt)).toBe(-1);
    expect(intent).toEqual({
      label: 'duplicateQuote',
      changes: [{ table: 'quotes', id: copy.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it("refuses an unknown or deleted quote ('invalid') and an empty name, writing nothing", async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    expect(await refusal(duplicateQuote(ws, 'nope', 'Copy'))).toBe('invalid');
    expect(await refusal(duplicateQuote(ws, quote.id, ' '))).toBe('invalid');
    await deleteQuote(ws, quote.id);
    expect(await refusal(duplicateQuote(ws, quote.id, 'Copy'))).toBe('invalid');
    expect(await ws.db.quotes.count()).toBe(1);
  });
});

describe('updateQuote', () => {
  it('lets a draft hold custom shares that do not add up to 100 %, stamping only the changed fields', async () => {
    const ws = await fresh();
    const { fields, acme, globex } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    const funders = [
      { accountId: acme.id, shareBp: 5000 },
      { accountId: globex.id, shareBp: 3000 },
    ];
    const intent = await updateQuote(ws, quote.id, { split: 'custom', funders, name: 'Hire early' });
    const stored = await getQuote(ws, quote.id);
    expect(stored).toEqual({
      ...quote,
      split: 'custom',
      funders,
      stamps: { ...quote.stamps, split: stored.updatedAt, funders: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(compareStamps(quote.updatedAt, stored.updatedAt)).toBe(-1);
    expect(intent).toEqual({
      label: 'editQuote',
      changes: [{ table: 'quotes', id: quote.id, before: { split: 'equal', funders: quote.funders }, after: { split: 'custom', funders } }],
    });
    await expectStamped(ws, intent!);
  });

  it('lets a draft move its target to a quarter that is not earlier', async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    expect((await updateQuote(ws, quote.id, { targetQuarter: Q4 }))?.changes).toEqual([
      { table: 'quotes', id: quote.id, before: { targetQuarter: Q1 }, after: { targetQuarter: Q4 } },
    ]);
  });

  it("refuses a sent quote's patch that breaks 100 % ('sharesNot100') or an earlier target ('notEarlier'), writing nothing", async () => {
    const ws = await fresh();
    const { fields, acme, globex } = await setup(ws);
    const sent = await quoteWithStatus(
      ws,
      fields({
        split: 'custom',
        funders: [
          { accountId: acme.id, shareBp: 6000 },
          { accountId: globex.id, shareBp: 4000 },
        ],
      }),
      'sent',
    );

    expect(
      await refusal(
        updateQuote(ws, sent.id, {
          funders: [
            { accountId: acme.id, shareBp: 5000 },
            { accountId: globex.id, shareBp: 4000 },
          ],
        }),
      ),
    ).toBe('sharesNot100');
    expect(await refusal(updateQuote(ws, sent.id, { targetQuarter: Q3 }))).toBe('notEarlier');
    expect(await refusal(updateQuote(ws, sent.id, { targetQuarter: Q4 }))).toBe('notEarlier');
    expect(await refusal(updateQuote(ws, sent.id, { fromQuarter: Q1 }))).toBe('notEarlier');
    expect(await getQuote(ws, sent.id)).toEqual(sent);

    // Shares that still add up to 100 % and an earlier target are fine.
    const funders = [
      { accountId: acme.id, shareBp: 5000 },
      { accountId: globex.id, shareBp: 5000 },
    ];
    const ok = await updateQuote(ws, sent.id, { funders, targetQuarter: Q2 });
    expect(ok?.changes).toEqual([
      { table: 'quotes', id: sent.id, before: { funders: sent.funders, targetQuarter: Q1 }, after: { funders, targetQuarter: Q2 } },
    ]);
    expect(await getQuote(ws, sent.id)).toMatchObject({ status: 'sent', funders, targetQuarter: Q2 });
  });

  it("refuses removing the last funder ('lastFunder') and invalid values ('invalid', 'tooLarge'), writing nothing", async () => {
    const ws = await fresh();
    const { fields, acme } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    expect(await refusal(updateQuote(ws, quote.id, { funders: [] }))).toBe('lastFunder');
    expect(await refusal(updateQuote(ws, quote.id, { funders: [{ accountId: acme.id, shareBp: 12_000 }] }))).toBe('invalid');
    expect(await refusal(updateQuote(ws, quote.id, { name: '' }))).toBe('invalid');
    expect(await refusal(updateQuote(ws, quote.id, { monthlyCost: asMinor(1_000_000_000_000_000) }))).toBe('tooLarge');
    expect(await getQuote(ws, quote.id)).toEqual(quote);

    const sent = await quoteWithStatus(ws, fields({ name: 'Sent' }), 'sent');
    expect(await refusal(updateQuote(ws, sent.id, { funders: [] }))).toBe('lastFunder');
    expect(await getQuote(ws, sent.id)).toEqual(sent);
  });

  it('returns null for a missing or deleted quote, or a patch that changes nothing', async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    expect(await updateQuote(ws, 'nope', { name: 'X' })).toBeNull();
    expect(await updateQuote(ws, quote.id, { name: 'Hire early', engineers: 2 })).toBeNull();
    expect(await getQuote(ws, quote.id)).toEqual(quote);
    await deleteQuote(ws, quote.id);
    const deleted = await getQuote(ws, quote.id);
    expect(await updateQuote(ws, quote.id, { name: 'X' })).toBeNull();
    expect(await getQuote(ws, quote.id)).toEqual(deleted);
  });
});
