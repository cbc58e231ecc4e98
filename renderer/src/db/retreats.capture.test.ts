import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';

import { type Quarter } from '@shared/domain/quarter';

import type { Importance } from '@shared/domain/roadmap';
import { compareStamps } from '@shared/sync/hlc';
import { deleteAccount } from './accounts';

import { captureRequest, deleteRetreat, type Capture } from './retreats';
import { deleteItem } from './roadmap';

import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';
import {
  getRequest,
  getItem,
  rowCounts,
  rejection,
  retreatRefusal,
  roadmapRefusal,
  setup,
  NEW_ITEM,
  NEW_ITEM_FIELDS,
} from './retreats.fixtures';

const fresh = freshWorkspaces();

describe('captureRequest', () => {
  it("for an existing item: writes one request whose retreatId is the retreat, in one transaction, labelled 'captureRequest'", async () => {
    const ws = await fresh();
    const { retreat, acme, item: existing } = await setup(ws);
    const before = await rowCounts(ws);
    const tx = vi.spyOn(ws.db, 'transaction');

    const { request, item, intent } = await captureRequest(ws, {
      retreatId: retreat.id,
      accountId: acme.id,
      importance: 'critical',
      note: '  Needed for all plants  ',
      item: { id: existing.id },
    });

    expect(tx).toHaveBeenCalledTimes(1);
    expect(tx.mock.calls[0]?.[0]).toBe('rw');
    expect(item).toBeNull();
    const expected = {
      itemId: existing.id,
      accountId: acme.id,
      importance: 'critical',
      note: 'Needed for all plants',
      retreatId: retreat.id,
    };
    expect(request).toEqual({ ...expected, id: request.id, deleted: false, stamps: request.stamps, updatedAt: request.updatedAt });
    expect(Object.keys(request.stamps).sort()).toEqual(['accountId', 'deleted', 'importance', 'itemId', 'note', 'retreatId']);
    expect(new Set(Object.values(request.stamps))).toEqual(new Set([request.updatedAt]));
    expect(await getRequest(ws, request.id)).toEqual(request);
    expect(intent).toEqual({
      label: 'captureRequest',
      changes: [{ table: 'requests', id: request.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
    expect(await rowCounts(ws)).toEqual({ ...before, requests: 1 });
    expect(await getItem(ws, existing.id)).toEqual(existing);
  });

  it("for a new item: writes the item (status 'idea') and the request pointing at it, in one transaction with one stamp", async () => {
    const ws = await fresh();
    const { retreat, globex } = await setup(ws);
    const before = await rowCounts(ws);
    const tx = vi.spyOn(ws.db, 'transaction');

    const { request, item, intent } = await captureRequest(ws, {
      retreatId: retreat.id,
      accountId: globex.id,
      importance: 'important',
      note: '',
      item: NEW_ITEM,
    });

    expect(tx).toHaveBeenCalledTimes(1);
    if (!item) throw new Error('no item returned');
    expect(item).toEqual({ ...NEW_ITEM_FIELDS, id: item.id, deleted: false, stamps: item.stamps, updatedAt: item.updatedAt });
    expect(await getItem(ws, item.id)).toEqual(item);
    const expectedRequest = { itemId: item.id, accountId: globex.id, importance: 'important', note: '', retreatId: retreat.id };
    expect(request).toEqual({ ...expectedRequest, id: request.id, deleted: false, stamps: request.stamps, updatedAt: request.updatedAt });
    expect(await getRequest(ws, request.id)).toEqual(request);
    expect(item.updatedAt).toBe(request.updatedAt);
    expect(intent).toEqual({
      label: 'captureRequest',
      changes: [
        { table: 'roadmapItems', id: item.id, before: { deleted: true }, after: { ...NEW_ITEM_FIELDS, deleted: false } },
        { table: 'requests', id: request.id, before: { deleted: true }, after: { ...expectedRequest, deleted: false } },
      ],
    });
    await expectStamped(ws, intent);
    expect(await rowCounts(ws)).toEqual({ ...before, roadmapItems: 2, requests: 1 });
  });

  type Case = [
    string,
    (s: Awaited<ReturnType<typeof setup>>, ws: Workspace) => Promise<Capture>,
    (p: Promise<unknown>) => Promise<unknown>,
    unknown,
  ];
  const capture = (s: Awaited<ReturnType<typeof setup>>, over: Partial<Capture> = {}): Capture => ({
    retreatId: s.retreat.id,
    accountId: s.acme.id,
    importance: 'critical',
    note: '',
    item: NEW_ITEM,
    ...over,
  });
  const zod = async (p: Promise<unknown>) => (await rejection(p, ZodError)).name;

  it.each<Case>([
    ['an unknown account, new item', async (s) => capture(s, { accountId: 'nope' }), roadmapRefusal, 'missingAccount'],
    ['a deleted account, new item', async (s, ws) => (await deleteAccount(ws, s.acme.id), capture(s)), roadmapRefusal, 'missingAccount'],
    [
      'an unknown account, existing item',
      async (s) => capture(s, { accountId: 'nope', item: { id: s.item.id } }),
      roadmapRefusal,
      'missingAccount',
    ],
    ['a deleted retreat, new item', async (s, ws) => (await deleteRetreat(ws, s.retreat.id), capture(s)), retreatRefusal, 'missingRetreat'],
    [
      'a deleted retreat, existing item',
      async (s, ws) => (await deleteRetreat(ws, s.retreat.id), capture(s, { item: { id: s.item.id } })),
      retreatRefusal,
      'missingRetreat',
    ],
    ['an unknown retreat', async (s) => capture(s, { retreatId: 'nope' }), retreatRefusal, 'missingRetreat'],
    [
      'a deleted existing item',
      async (s, ws) => (await deleteItem(ws, s.item.id), capture(s, { item: { id: s.item.id } })),
      roadmapRefusal,
      'missingItem',
    ],
    [
      'a new item in quarter 2027-Q5',
      async (s) => capture(s, { item: { ...NEW_ITEM, plannedQuarter: '2027-Q5' as Quarter } }),
      retreatRefusal,
      'invalid',
    ],
    ['a new item with an empty title', async (s) => capture(s, { item: { ...NEW_ITEM, title: '   ' } }), retreatRefusal, 'invalid'],
    ['a new item with effort 0', async (s) => capture(s, { item: { ...NEW_ITEM, effortEm: 0 } }), retreatRefusal, 'invalid'],
    [
      'an unknown importance (checked after the item is inserted)',
      async (s) => capture(s, { importance: 'urgent' as Importance }),
      zod,
      'ZodError',
    ],
    [
      'a note of 2001 characters (checked after the item is inserted)',
      async (s) => capture(s, { note: 'x'.repeat(2001) }),
      zod,
      'ZodError',
    ],
  ])('refuses %s and writes nothing at all (no item left behind)', async (_label, make, check, expected) => {
    const ws = await fresh();
    const s = await setup(ws);
    const c = await make(s, ws);
    const before = await rowCounts(ws);
    const items = await ws.db.roadmapItems.toArray();
    const requests = await ws.db.requests.toArray();
    expect(await check(captureRequest(ws, c))).toBe(expected);
    expect(await rowCounts(ws)).toEqual(before);
    expect(before.requests).toBe(0);
    expect(await ws.db.roadmapItems.toArray()).toEqual(items);
    expect(await ws.db.requests.toArray()).toEqual(requests);
  });

  it('undo of a capture with a new item tombstones both, in one intent; redo revives both', async () => {
    const ws = await fresh();
    const { retreat, acme } = await setup(ws);
    const { request, item, intent } = await captureRequest(ws, {
      retreatId: retreat.id,
      accountId: acme.id,
      importance: 'critical',
      note: 'Soon',
      item: NEW_ITEM,
    });
    if (!item) throw new Error('no item returned');

    const tx = vi.spyOn(ws.db, 'transaction');
    const undo = await replayIntent(ws, intent, 'undo');
    expect(tx).toHaveBeenCalledTimes(1);
    expect(undo).toEqual({
      label: 'captureRequest',
      changes: [
        { table: 'requests', id: request.id, before: { deleted: false }, after: { deleted: true } },
        { table: 'roadmapItems', id: item.id, before: { deleted: false }, after: { deleted: true } },
      ],
    });
    await expectStamped(ws, undo);
    const goneItem = await getItem(ws, item.id);
    const goneRequest = await getRequest(ws, request.id);
    expect(goneItem).toEqual({
      ...item,
      deleted: true,
      stamps: { ...item.stamps, deleted: goneItem.updatedAt },
      updatedAt: goneItem.updatedAt,
    });
    expect(goneRequest).toEqual({
      ...request,
      deleted: true,
      stamps: { ...request.stamps, deleted: goneRequest.updatedAt },
      updatedAt: goneRequest.updatedAt,
    });
    expect(compareStamps(item.updatedAt, goneItem.updatedAt)).toBe(-1);

    await replayIntent(ws, intent, 'redo');
    expect((await getItem(ws, item.id)).deleted).toBe(false);
    expect((await getRequest(ws, request.id)).deleted).toBe(false);
  });

  it('undo of a capture for an existing item tombstones only the request', async () => {
    const ws = await fresh();
    const { retreat, acme, item } = await setup(ws);
    const { request, intent } = await captureRequest(ws, {
      retreatId: retreat.id,
      accountId: acme.id,
      importance: 'niceToHave',
      note: '',
      item: { id: item.id },
    });
    const undo = await replayIntent(ws, intent, 'undo');
    expect(undo.changes).toEqual([{ table: 'requests', id: request.id, before: { deleted: false }, after: { deleted: true } }]);
    expect(await getItem(ws, item.id)).toEqual(item);
  });
});
