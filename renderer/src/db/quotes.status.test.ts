import { describe, expect, it, vi } from 'vitest';
import { compareStamps } from '@shared/sync/hlc';
import type { RoadmapItemRow } from './database';
import { createQuote, deleteQuote, setQuoteStatus, updateQuote } from './quotes';
import { updateItem } from './roadmap';
import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';
import { getQuote, Q1, Q2, Q3, Q4, quoteWithStatus, refusal, setup } from './quotes.fixtures';

const fresh = freshWorkspaces();

async function getItem(ws: Workspace, id: string): Promise<RoadmapItemRow> {
  const row = await ws.db.roadmapItems.get(id);
  if (!row) throw new Error(`item ${id} missing`);
  return row;
}

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
    const { quote } = await createQuote(
      ws,
      fields({
        split: 'custom',
        funders: [
          { accountId: acme.id, shareBp: 5000 },
          { accountId: globex.id, shareBp: 4999 },
        ],
      }),
    );
    expect(await refusal(setQuoteStatus(ws, quote.id, 'sent'))).toBe('sharesNot100');
    expect(await getQuote(ws, quote.id)).toEqual(quote);
  });

  it('sends a quote: only its status is stamped', async () => {
    const ws = await fresh();
    const { item, fields } = await setup(ws);
    const { quote } = await createQuote(ws, fields());
    const intent = await setQuoteStatus(ws, quote.id, 'sent');
    const stored = await getQuote(ws, quote.id);
    expect(intent).toEqual({
      label: 'quoteStatus',
      changes: [{ table: 'quotes', id: quote.id, before: { status: 'draft' }, after: { status: 'sent' } }],
    });
    expect(stored).toEqual({
      ...quote,
      status: 'sent',
      stamps: { ...quote.stamps, status: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
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
        {
          table: 'roadmapItems',
          id: item.id,
          before: { plannedQuarter: Q3, acceleratedFrom: null },
          after: { plannedQuarter: Q1, acceleratedFrom: Q3 },
        },
        { table: 'quotes', id: sent.id, before: { status: 'sent' }, after: { status: 'accepted' } },
      ],
    });
    const movedItem = await getItem(ws, item.id);
    const accepted = await getQuote(ws, sent.id);
    expect(movedItem).toEqual({
      ...item,
      plannedQuarter: Q1,
      acceleratedFrom: Q3,
      stamps: { ...item.stamps, plannedQuarter: movedItem.updatedAt, acceleratedFrom: movedItem.updatedAt },
      updatedAt: movedItem.updatedAt,
    });
    expect(accepted).toEqual({
      ...sent,
      status: 'accepted',
      stamps: { ...sent.stamps, status: accepted.updatedAt },
      updatedAt: accepted.updatedAt,
    });
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
        {
          table: 'roadmapItems',
          id: item.id,
          before: { plannedQuarter: Q1, acceleratedFrom: Q3 },
          after: { plannedQuarter: Q3, acceleratedFrom: null },
        },
        { table: 'quotes', id: accepted.id, before: { status: 'accepted' }, after: { status: 'declined' } },
      ],
    });
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q3, acceleratedFrom: null });
    expect((await getQuote(ws, accepted.id)).status).toBe('declined');
    await expectStamped(ws, intent!);
  });

  it('a new target on an accepted quote moves the item along; declining then brings it home', async () => {
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
        {
          table: 'roadmapItems',
          id: item.id,
          before: { plannedQuarter: Q1, acceleratedFrom: Q3 },
          after: { plannedQuarter: Q3, acceleratedFrom: null },
        },
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
    expect(intent).toEqual({
      label: 'deleteQuote',
      changes: [{ table: 'quotes', id: quote.id, before: { deleted: false }, after: { deleted: true } }],
    });
    const stored = await getQuote(ws, quote.id);
    expect(stored).toEqual({
      ...quote,
      deleted: true,
      stamps: { ...quote.stamps, deleted: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(await getItem(ws, item.id)).toEqual(item);
    expect((await deleteQuote(ws, quote.id)).changes).toEqual([]);
    expect((await deleteQuote(ws, 'nope')).changes).toEqual([]);
  });
});
