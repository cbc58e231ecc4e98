import { describe, expect, it, vi } from 'vitest';
import { newQuoteFields, type QuoteFields } from '@shared/domain/acceleration';
import { asMinor } from '@shared/domain/money';
import { asQuarter } from '@shared/domain/quarter';
import { compareStamps } from '@shared/sync/hlc';
import { createAccount } from './accounts';
import type { QuoteRow, RoadmapItemRow } from './database';
import { createQuote, deleteQuote, duplicateQuote, QuoteRefusedError, setQuoteStatus, updateQuote, type QuoteProblem } from './quotes';
import { createItem, deleteItem, updateItem } from './roadmap';
import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';

const fresh = freshWorkspaces();

const Q1 = asQuarter('2027-Q1');
const Q2 = asQuarter('2027-Q2');
const Q3 = asQuarter('2027-Q3');
const Q4 = asQuarter('2027-Q4');

const QUOTE_KEYS = Object.keys(newQuoteFields({ itemId: 'x', name: 'x', fromQuarter: Q3, targetQuarter: Q1, effortEm: 1, currency: 'EUR', hoursPerMonth: 160, staffing: 'hire', funderIds: ['a'], minorPerMajor: 100 })).sort();

async function getItem(ws: Workspace, id: string): Promise<RoadmapItemRow> {
  const row = await ws.db.roadmapItems.get(id);
  if (!row) throw new Error(`item ${id} missing`);
  return row;
}

async function getQuote(ws: Workspace, id: string): Promise<QuoteRow> {
  const row = await ws.db.quotes.get(id);
  if (!row) throw new Error(`quote ${id} missing`);
  return row;
}

/** The refusal a promise rejects with; fails the test if it resolves or rejects with something else. */
async function refusal(p: Promise<unknown>): Promise<QuoteProblem> {
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
async function setup(ws: Workspace) {
  const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3, effortEm: 4.5 });
  const { account: acme } = await createAccount(ws, { name: 'Acme' });
  const { account: globex } = await createAccount(ws, { name: 'Globex' });
  const fields = (over: Partial<QuoteFields> = {}): QuoteFields => ({
    ...newQuoteFields({ itemId: item.id, name: 'Hire early', fromQuarter: Q3, targetQuarter: Q1, effortEm: 4.5, currency: 'EUR', hoursPerMonth: 160, staffing: 'hire', funderIds: [acme.id, globex.id], minorPerMajor: 100 }),
    ...over,
  });
  return { item, acme, globex, fields };
}

/** A quote moved out of draft to `status` through the repository. */
async function quoteWithStatus(ws: Workspace, fields: QuoteFields, status: 'sent' | 'accepted'): Promise<QuoteRow> {
  const { quote } = await createQuote(ws, fields);
  await setQuoteStatus(ws, quote.id, 'sent');
  if (status === 'accepted') await setQuoteStatus(ws, quote.id, 'accepted');
  return getQuote(ws, quote.id);
}

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
    expect(intent).toEqual({ label: 'createQuote', changes: [{ table: 'quotes', id: quote.id, before: { deleted: true }, after: { ...expected, deleted: false } }] });
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
    ['the same funder twice', (f, ids) => f({ funders: [{ accountId: ids.acme, shareBp: 5000 }, { accountId: ids.acme, shareBp: 5000 }] }), 'invalid'],
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
  it("copies every field into a new draft with the new name, even from a sent quote", async () => {
    const ws = await fresh();
    const { fields, acme, globex } = await setup(ws);
    const original = await quoteWithStatus(ws, fields({ staffing: 'contractors', split: 'custom', funders: [{ accountId: acme.id, shareBp: 7000 }, { accountId: globex.id, shareBp: 3000 }], terms: 'Net 30', marginBp: 2500 as QuoteFields['marginBp'] }), 'sent');
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
    expect(intent).toEqual({ label: 'duplicateQuote', changes: [{ table: 'quotes', id: copy.id, before: { deleted: true }, after: { ...expected, deleted: false } }] });
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
    expect(stored).toEqual({ ...quote, split: 'custom', funders, stamps: { ...quote.stamps, split: stored.updatedAt, funders: stored.updatedAt }, updatedAt: stored.updatedAt });
    expect(compareStamps(quote.updatedAt, stored.updatedAt)).toBe(-1);
    expect(intent).toEqual({ label: 'editQuote', changes: [{ table: 'quotes', id: quote.id, before: { split: 'equal', funders: quote.funders }, after: { split: 'custom', funders } }] });
    await expectStamped(ws, intent!);
  });

  it('lets a draft move its target to a quarter that is not earlier', async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    expect((await updateQuote(ws, quote.id, { targetQuarter: Q4 }))?.changes).toEqual([{ table: 'quotes', id: quote.id, before: { targetQuarter: Q1 }, after: { targetQuarter: Q4 } }]);
  });

  it("refuses a sent quote's patch that breaks 100 % ('sharesNot100') or an earlier target ('notEarlier'), writing nothing", async () => {
    const ws = await fresh();
    const { fields, acme, globex } = await setup(ws);
    const sent = await quoteWithStatus(ws, fields({ split: 'custom', funders: [{ accountId: acme.id, shareBp: 6000 }, { accountId: globex.id, shareBp: 4000 }] }), 'sent');

    expect(await refusal(updateQuote(ws, sent.id, { funders: [{ accountId: acme.id, shareBp: 5000 }, { accountId: globex.id, shareBp: 4000 }] }))).toBe('sharesNot100');
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
    expect(ok?.changes).toEqual([{ table: 'quotes', id: sent.id, before: { funders: sent.funders, targetQuarter: Q1 }, after: { funders, targetQuarter: Q2 } }]);
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

describe('setQuoteStatus', () => {
  it("refuses 'sent' with 'notEarlier' when the target is the planned quarter or later, writing nothing", async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    for (const targetQuarter of [Q3, Q4]) {
      const { quote } = await createQuote(ws, fields({ targetQuarter }));
      expect(await refusal(setQuoteStatus(ws, quote.id, 'sent'))).toBe('notEarlier');
      expect(await refusal(setQuoteStatus(ws, quote.id, 'accepted'))).toBe('notEarlier');
      expect(await getQuote(ws, quote.id)).toEqual(quote);
    }
    expect(await getItem(ws, item.id)).toEqual(item);
  });

  it("refuses 'sent' with 'sharesNot100' for custom shares off 100 %", async () => {
    const ws = await fresh();
    const { fields, acme, globex } = await setup(ws);
    const { quote } = await createQuote(ws, fields({ split: 'custom', funders: [{ accountId: acme.id, shareBp: 5000 }, { accountId: globex.id, shareBp: 4999 }] }));
    expect(await refusal(setQuoteStatus(ws, quote.id, 'sent'))).toBe('sharesNot100');
    expect(await getQuote(ws, quote.id)).toEqual(quote);
  });

  it('sends a quote: only its status is stamped', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    const intent = await setQuoteStatus(ws, quote.id, 'sent');
    const stored = await getQuote(ws, quote.id);
    expect(intent).toEqual({ label: 'quoteStatus', changes: [{ table: 'quotes', id: quote.id, before: { status: 'draft' }, after: { status: 'sent' } }] });
    expect(stored).toEqual({ ...quote, status: 'sent', stamps: { ...quote.stamps, status: stored.updatedAt }, updatedAt: stored.updatedAt });
    expect(await getItem(ws, item.id)).toEqual(item);
    expect(await setQuoteStatus(ws, quote.id, 'sent')).toBeNull();
    expect(await setQuoteStatus(ws, 'nope', 'sent')).toBeNull();
  });

  it('accepting moves the item to the target and remembers the old quarter, in the same intent', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const sent = await quoteWithStatus(ws, fields(), 'sent');
    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await setQuoteStatus(ws, sent.id, 'accepted');
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent).toEqual({
      label: 'acceptQuote',
      changes: [
        { table: 'roadmapItems', id: item.id, before: { plannedQuarter: Q3, acceleratedFrom: null }, after: { plannedQuarter: Q1, acceleratedFrom: Q3 } },
        { table: 'quotes', id: sent.id, before: { status: 'sent' }, after: { status: 'accepted' } },
      ],
    });
    const movedItem = await getItem(ws, item.id);
    const accepted = await getQuote(ws, sent.id);
    expect(movedItem).toEqual({ ...item, plannedQuarter: Q1, acceleratedFrom: Q3, stamps: { ...item.stamps, plannedQuarter: movedItem.updatedAt, acceleratedFrom: movedItem.updatedAt }, updatedAt: movedItem.updatedAt });
    expect(accepted).toEqual({ ...sent, status: 'accepted', stamps: { ...sent.stamps, status: accepted.updatedAt }, updatedAt: accepted.updatedAt });
    expect(accepted.updatedAt).toBe(movedItem.updatedAt);
    await expectStamped(ws, intent!);
  });

  it('accepting a second quote for the item sets the first accepted one back to sent', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const first = await quoteWithStatus(ws, fields({ name: 'To Q1' }), 'accepted');
    const second = await quoteWithStatus(ws, fields({ name: 'To Q2', targetQuarter: Q2 }), 'sent');
    const intent = await setQuoteStatus(ws, second.id, 'accepted');
    expect(intent?.changes).toEqual([
      { table: 'roadmapItems', id: item.id, before: { plannedQuarter: Q1 }, after: { plannedQuarter: Q2 } },
      { table: 'quotes', id: first.id, before: { status: 'accepted' }, after: { status: 'sent' } },
      { table: 'quotes', id: second.id, before: { status: 'sent' }, after: { status: 'accepted' } },
    ]);
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q2, acceleratedFrom: Q3 });
    expect((await getQuote(ws, first.id)).status).toBe('sent');
    expect((await getQuote(ws, second.id)).status).toBe('accepted');
    await expectStamped(ws, intent!);

    // Declining the one that holds brings the item back to where it was first planned.
    await setQuoteStatus(ws, second.id, 'declined');
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null });
  });

  it('declining an accepted quote moves the item back (plannedQuarter = acceleratedFrom, acceleratedFrom null)', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const accepted = await quoteWithStatus(ws, fields(), 'accepted');
    const intent = await setQuoteStatus(ws, accepted.id, 'declined');
    expect(intent).toEqual({
      label: 'quoteStatus',
      changes: [
        { table: 'roadmapItems', id: item.id, before: { plannedQuarter: Q1, acceleratedFrom: Q3 }, after: { plannedQuarter: Q3, acceleratedFrom: null } },
        { table: 'quotes', id: accepted.id, before: { status: 'accepted' }, after: { status: 'declined' } },
      ],
    });
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null });
    expect((await getQuote(ws, accepted.id)).status).toBe('declined');
    await expectStamped(ws, intent!);
  });

  it("a new target on an accepted quote moves the item along; declining then brings it home", async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const accepted = await quoteWithStatus(ws, fields(), 'accepted');
    const intent = await updateQuote(ws, accepted.id, { targetQuarter: Q2 });
    expect(intent?.changes.map((c) => [c.table, c.after])).toEqual([
      ['roadmapItems', { plannedQuarter: Q2 }],
      ['quotes', { targetQuarter: Q2 }],
    ]);
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q2, acceleratedFrom: Q3 });
    await setQuoteStatus(ws, accepted.id, 'declined');
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null });
  });

  it('an item moved by hand stays where the user put it when its quote stops being accepted', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const accepted = await quoteWithStatus(ws, fields(), 'accepted');
    await updateItem(ws, item.id, { plannedQuarter: Q4 });
    await deleteQuote(ws, accepted.id);
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q4, acceleratedFrom: null });
  });

  it('stores trimmed text on edits', async () => {
    const ws = await fresh();
    const { fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    await updateQuote(ws, quote.id, { name: '  spaced  ' });
    expect((await getQuote(ws, quote.id)).name).toBe('spaced');
  });

  it('declining a quote that was only sent leaves the item alone', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const sent = await quoteWithStatus(ws, fields(), 'sent');
    const intent = await setQuoteStatus(ws, sent.id, 'declined');
    expect(intent?.changes).toEqual([{ table: 'quotes', id: sent.id, before: { status: 'sent' }, after: { status: 'declined' } }]);
    expect(await getItem(ws, item.id)).toEqual(item);
  });

  it('moving an accepted quote back to draft also moves the item back', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const accepted = await quoteWithStatus(ws, fields(), 'accepted');
    await setQuoteStatus(ws, accepted.id, 'draft');
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null });
    expect((await getQuote(ws, accepted.id)).status).toBe('draft');
  });

  it('undo of the accept restores the item and the quote; redo accepts again', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const sent = await quoteWithStatus(ws, fields(), 'sent');
    const intent = await setQuoteStatus(ws, sent.id, 'accepted');
    const undo = await replayIntent(ws, intent!, 'undo');
    expect(undo.label).toBe('acceptQuote');
    expect(undo.changes.map((c) => [c.table, c.after])).toEqual([
      ['quotes', { status: 'sent' }],
      ['roadmapItems', { plannedQuarter: Q3, acceleratedFrom: null }],
    ]);
    const restoredItem = await getItem(ws, item.id);
    const restoredQuote = await getQuote(ws, sent.id);
    expect(restoredItem).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null, deleted: false });
    expect(restoredQuote).toMatchObject({ status: 'sent', deleted: false });
    // The undo is a new write with later stamps, so other devices see it too.
    expect(compareStamps(item.stamps.plannedQuarter!, restoredItem.stamps.plannedQuarter!)).toBe(-1);
    await expectStamped(ws, undo);

    await replayIntent(ws, intent!, 'redo');
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q1, acceleratedFrom: Q3 });
    expect((await getQuote(ws, sent.id)).status).toBe('accepted');
  });
});

describe('deleteQuote', () => {
  it('deleting an accepted quote moves the item back, in one intent', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const accepted = await quoteWithStatus(ws, fields(), 'accepted');
    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteQuote(ws, accepted.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent).toEqual({
      label: 'deleteQuote',
      changes: [
        { table: 'roadmapItems', id: item.id, before: { plannedQuarter: Q1, acceleratedFrom: Q3 }, after: { plannedQuarter: Q3, acceleratedFrom: null } },
        { table: 'quotes', id: accepted.id, before: { deleted: false }, after: { deleted: true } },
      ],
    });
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null, deleted: false });
    expect((await getQuote(ws, accepted.id)).deleted).toBe(true);
    await expectStamped(ws, intent);

    await replayIntent(ws, intent, 'undo');
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q1, acceleratedFrom: Q3 });
    expect(await getQuote(ws, accepted.id)).toMatchObject({ status: 'accepted', deleted: false });
  });

  it('deleting a draft leaves the item alone', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    const intent = await deleteQuote(ws, quote.id);
    expect(intent).toEqual({ label: 'deleteQuote', changes: [{ table: 'quotes', id: quote.id, before: { deleted: false }, after: { deleted: true } }] });
    const stored = await getQuote(ws, quote.id);
    expect(stored).toEqual({ ...quote, deleted: true, stamps: { ...quote.stamps, deleted: stored.updatedAt }, updatedAt: stored.updatedAt });
    expect(await getItem(ws, item.id)).toEqual(item);
    expect((await deleteQuote(ws, quote.id)).changes).toEqual([]);
    expect((await deleteQuote(ws, 'nope')).changes).toEqual([]);
  });
});
