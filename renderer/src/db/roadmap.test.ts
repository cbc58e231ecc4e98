import { describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { newQuoteFields } from '@shared/domain/acceleration';
import type { Quarter } from '@shared/domain/quarter';
import type { RoadmapItemFields } from '@shared/domain/roadmap';
import { compareStamps } from '@shared/sync/hlc';
import { createAccount, deleteAccount } from './accounts';
import type { RequestRow, RoadmapItemRow } from './database';
import { createQuote } from './quotes';
import { addRequest, createItem, deleteItem, deleteRequest, updateItem, updateRequest } from './roadmap';
import { SYNCED_TABLES } from './schema';
import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';
import { Q1, Q3, Q4, refusal } from './roadmap.fixtures';

const fresh = freshWorkspaces();

const ITEM_KEYS = ['title', 'theme', 'plannedQuarter', 'effortEm', 'onStrategy', 'status', 'notes', 'acceleratedFrom'];

async function getItem(ws: Workspace, id: string): Promise<RoadmapItemRow> {
  const row = await ws.db.roadmapItems.get(id);
  if (!row) throw new Error(`item ${id} missing`);
  return row;
}

async function getRequest(ws: Workspace, id: string): Promise<RequestRow> {
  const row = await ws.db.requests.get(id);
  if (!row) throw new Error(`request ${id} missing`);
  return row;
}

async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

async function itemWithRequests(ws: Workspace) {
  const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3, effortEm: 4.5 });
  const { account: acme } = await createAccount(ws, { name: 'Acme' });
  const { account: globex } = await createAccount(ws, { name: 'Globex' });
  const { request: r1 } = await addRequest(ws, { itemId: item.id, accountId: acme.id, importance: 'critical', note: 'Blocker' });
  const { request: r2 } = await addRequest(ws, { itemId: item.id, accountId: globex.id, importance: 'important', note: '' });
  return { item, acme, globex, r1, r2 };
}

describe('createItem', () => {
  it('writes one row with defaults, every field stamped with one stamp, in one transaction', async () => {
    const ws = await fresh();
    const tx = vi.spyOn(ws.db, 'transaction');
    const { item, intent } = await createItem(ws, { title: '  Single sign-on  ', plannedQuarter: Q3, effortEm: 4.5 });
    expect(tx).toHaveBeenCalledTimes(1);
    expect(tx.mock.calls[0]?.[0]).toBe('rw');

    const expected: RoadmapItemFields = {
      title: 'Single sign-on',
      theme: '',
      plannedQuarter: Q3,
      effortEm: 4.5,
      onStrategy: true,
      status: 'planned',
      notes: '',
      acceleratedFrom: null,
    };
    expect(item).toEqual({ ...expected, id: item.id, deleted: false, stamps: item.stamps, updatedAt: item.updatedAt });
    expect(await getItem(ws, item.id)).toEqual(item);
    expect(await ws.db.roadmapItems.count()).toBe(1);
    expect(Object.keys(item.stamps).sort()).toEqual([...ITEM_KEYS, 'deleted'].sort());
    expect(new Set(Object.values(item.stamps))).toEqual(new Set([item.updatedAt]));
    expect(intent).toEqual({
      label: 'createItem',
      changes: [{ table: 'roadmapItems', id: item.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
  });

  it('keeps the fields it is given over the defaults', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, {
      title: 'Audit log',
      plannedQuarter: Q4,
      theme: 'Security',
      effortEm: 2,
      onStrategy: false,
      status: 'idea',
      notes: 'n',
    });
    expect(await getItem(ws, item.id)).toMatchObject({
      title: 'Audit log',
      plannedQuarter: Q4,
      theme: 'Security',
      effortEm: 2,
      onStrategy: false,
      status: 'idea',
      notes: 'n',
      acceleratedFrom: null,
    });
  });

  it.each([
    ['a negative effort', { title: 'A', plannedQuarter: Q3, effortEm: -1 }],
    ['an effort of 0', { title: 'A', plannedQuarter: Q3, effortEm: 0 }],
    ['an effort of 4.55 (two decimals)', { title: 'A', plannedQuarter: Q3, effortEm: 4.55 }],
    ['the quarter 2027-Q5', { title: 'A', plannedQuarter: '2027-Q5' as Quarter }],
    ['an empty title', { title: '', plannedQuarter: Q3 }],
    ['a blank title', { title: '   ', plannedQuarter: Q3 }],
  ])('refuses %s and writes nothing', async (_label, fields) => {
    const ws = await fresh();
    await expect(createItem(ws, fields)).rejects.toThrow(ZodError);
    expect(await ws.db.roadmapItems.count()).toBe(0);
  });
});

describe('updateItem', () => {
  it('stamps exactly the changed fields with one later stamp and labels the edit', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const intent = await updateItem(ws, item.id, { title: 'SSO', theme: 'Security', effortEm: 3.5 });
    const stored = await getItem(ws, item.id);
    expect(stored).toMatchObject({ title: 'SSO', theme: 'Security', effortEm: 3.5, plannedQuarter: Q3 });
    expect(compareStamps(item.updatedAt, stored.updatedAt)).toBe(-1);
    expect(stored.stamps).toEqual({ ...item.stamps, theme: stored.updatedAt, effortEm: stored.updatedAt });
    expect(intent).toEqual({
      label: 'editItem',
      changes: [{ table: 'roadmapItems', id: item.id, before: { theme: '', effortEm: 1 }, after: { theme: 'Security', effortEm: 3.5 } }],
    });
  });

  it("labels a patch of only plannedQuarter 'moveItem', with other fields 'editItem'", async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const move = await updateItem(ws, item.id, { plannedQuarter: Q4 });
    expect(move).toEqual({
      label: 'moveItem',
      changes: [{ table: 'roadmapItems', id: item.id, before: { plannedQuarter: Q3 }, after: { plannedQuarter: Q4 } }],
    });
    const moved = await getItem(ws, item.id);
    expect(moved.stamps).toEqual({ ...item.stamps, plannedQuarter: moved.updatedAt });

    const edit = await updateItem(ws, item.id, { plannedQuarter: Q1, status: 'inProgress' });
    expect(edit?.label).toBe('editItem');
    expect(await getItem(ws, item.id)).toMatchObject({ plannedQuarter: Q1, status: 'inProgress' });
  });

  it('returns null for a missing or deleted item, or when nothing changes, writing nothing', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    expect(await updateItem(ws, 'missing', { title: 'X' })).toBeNull();
    expect(await ws.db.roadmapItems.count()).toBe(1);
    expect(await updateItem(ws, item.id, { title: 'SSO' })).toBeNull();
    expect(await getItem(ws, item.id)).toEqual(item);

    await deleteItem(ws, item.id);
    const deleted = await getItem(ws, item.id);
    expect(await updateItem(ws, item.id, { title: 'Revived?' })).toBeNull();
    expect(await getItem(ws, item.id)).toEqual(deleted);
  });

  it.each([
    ['a negative effort', { effortEm: -2 }],
    ['an effort of 0', { effortEm: 0 }],
    ['an effort of 4.55', { effortEm: 4.55 }],
    ['the quarter 2027-Q5', { plannedQuarter: '2027-Q5' as Quarter }],
    ['an empty title', { title: '' }],
    ['an unknown status', { status: 'someday' as RoadmapItemFields['status'] }],
    ['an acceleratedFrom that is no quarter', { acceleratedFrom: 'soon' as Quarter }],
  ])('refuses %s and writes nothing', async (_label, patch) => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    await expect(updateItem(ws, item.id, patch)).rejects.toThrow(ZodError);
    expect(await getItem(ws, item.id)).toEqual(item);
  });
});

describe('deleteItem', () => {
  it('tombstones the item, its requests and its quotes in one intent; undo brings all back', async () => {
    const ws = await fresh();
    const { item, acme, globex, r1, r2 } = await itemWithRequests(ws);
    const { item: other } = await createItem(ws, { title: 'Other', plannedQuarter: Q3 });
    const { request: otherRequest } = await addRequest(ws, { itemId: other.id, accountId: acme.id, importance: 'niceToHave', note: '' });
    const fields = newQuoteFields({
      itemId: item.id,
      name: 'Hire',
      fromQuarter: Q3,
      targetQuarter: Q1,
      effortEm: 4.5,
      currency: 'EUR',
      hoursPerMonth: 160,
      staffing: 'hire',
      funderIds: [acme.id, globex.id],
      minorPerMajor: 100,
    });
    const { quote } = await createQuote(ws, fields);
    const before = await rowCounts(ws);

    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteItem(ws, item.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteItem');
    // Children first, the item last, so an undo (replayed backwards) revives the item first.
    expect(intent.changes.slice(0, 2).map((c) => c.table)).toEqual(['requests', 'requests']);
    expect(intent.changes.slice(2).map((c) => [c.table, c.id])).toEqual([
      ['quotes', quote.id],
      ['roadmapItems', item.id],
    ]);
    expect(
      intent.changes
        .map((c) => c.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([r1.id, r2.id].sort());
    expect(intent.changes.map((c) => [c.before, c.after])).toEqual(intent.changes.map(() => [{ deleted: false }, { deleted: true }]));
    expect(await rowCounts(ws)).toEqual(before);
    expect((await getItem(ws, item.id)).deleted).toBe(true);
    expect((await getRequest(ws, r1.id)).deleted).toBe(true);
    expect((await getRequest(ws, r2.id)).deleted).toBe(true);
    expect((await ws.db.quotes.get(quote.id))?.deleted).toBe(true);
    expect((await getItem(ws, other.id)).deleted).toBe(false);
    expect((await getRequest(ws, otherRequest.id)).deleted).toBe(false);
    await expectStamped(ws, intent);

    const undo = await replayIntent(ws, intent, 'undo');
    expect(undo.changes).toHaveLength(4);
    expect((await getItem(ws, item.id)).deleted).toBe(false);
    expect((await getRequest(ws, r1.id)).deleted).toBe(false);
    expect((await getRequest(ws, r2.id)).deleted).toBe(false);
    expect((await ws.db.quotes.get(quote.id))?.deleted).toBe(false);
    await expectStamped(ws, undo);
  });

  it('leaves requests that were already deleted out of the intent', async () => {
    const ws = await fresh();
    const { item, r1, r2 } = await itemWithRequests(ws);
    await deleteRequest(ws, r1.id);
    const intent = await deleteItem(ws, item.id);
    expect(intent.changes.map((c) => c.id)).toEqual([r2.id, item.id]);
    const undo = await replayIntent(ws, intent, 'undo');
    expect(undo.changes.map((c) => c.id)).toEqual([item.id, r2.id]);
    expect((await getRequest(ws, r1.id)).deleted).toBe(true);
    expect((await getRequest(ws, r2.id)).deleted).toBe(false);
  });
});

describe('requests', () => {
  it('addRequest writes the request with retreatId null and a trimmed note', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const { account } = await createAccount(ws, { name: 'Acme' });
    const { request, intent } = await addRequest(ws, {
      itemId: item.id,
      accountId: account.id,
      importance: 'critical',
      note: '  Needed for audit  ',
    });
    const expected = { itemId: item.id, accountId: account.id, importance: 'critical', note: 'Needed for audit', retreatId: null };
    expect(request).toEqual({ ...expected, id: request.id, deleted: false, stamps: request.stamps, updatedAt: request.updatedAt });
    expect(await getRequest(ws, request.id)).toEqual(request);
    expect(Object.keys(request.stamps).sort()).toEqual(['accountId', 'deleted', 'importance', 'itemId', 'note', 'retreatId']);
    expect(new Set(Object.values(request.stamps))).toEqual(new Set([request.updatedAt]));
    expect(intent).toEqual({
      label: 'addRequest',
      changes: [{ table: 'requests', id: request.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
  });

  it('addRequest keeps a given retreatId', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const { account } = await createAccount(ws, { name: 'Acme' });
    const { request } = await addRequest(ws, {
      itemId: item.id,
      accountId: account.id,
      importance: 'important',
      note: '',
      retreatId: 'retreat-1',
    });
    expect((await getRequest(ws, request.id)).retreatId).toBe('retreat-1');
  });

  it('addRequest treats an explicit undefined retreatId as none', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const { account } = await createAccount(ws, { name: 'Acme' });
    const { request } = await addRequest(ws, {
      itemId: item.id,
      accountId: account.id,
      importance: 'important',
      note: '',
      retreatId: undefined,
    });
    expect((await getRequest(ws, request.id)).retreatId).toBeNull();
  });

  it('edits store trimmed text, like creates; a deleted request is left alone', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    await updateItem(ws, item.id, { title: '  Padded  ' });
    expect((await ws.db.roadmapItems.get(item.id))?.title).toBe('Padded');
    const { account } = await createAccount(ws, { name: 'Acme' });
    const { request } = await addRequest(ws, { itemId: item.id, accountId: account.id, importance: 'important', note: '' });
    await updateRequest(ws, request.id, { note: '  spaced  ' });
    expect((await getRequest(ws, request.id)).note).toBe('spaced');
    await deleteRequest(ws, request.id);
    const gone = await getRequest(ws, request.id);
    expect(await updateRequest(ws, request.id, { importance: 'critical' })).toBeNull();
    expect(await getRequest(ws, request.id)).toEqual(gone);
  });

  it("refuses 'missingItem' for an unknown or deleted item, writing nothing", async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const { account } = await createAccount(ws, { name: 'Acme' });
    expect((await refusal(addRequest(ws, { itemId: 'nope', accountId: account.id, importance: 'critical', note: '' }))).reason).toBe(
      'missingItem',
    );
    await deleteItem(ws, item.id);
    const err = await refusal(addRequest(ws, { itemId: item.id, accountId: account.id, importance: 'critical', note: '' }));
    expect(err.reason).toBe('missingItem');
    expect(err.messageKey).toBe('roadmap.refused.missingItem');
    expect(await ws.db.requests.count()).toBe(0);
  });

  it("refuses 'missingAccount' for an unknown or deleted account, writing nothing", async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const { account } = await createAccount(ws, { name: 'Acme' });
    expect((await refusal(addRequest(ws, { itemId: item.id, accountId: 'nope', importance: 'critical', note: '' }))).reason).toBe(
      'missingAccount',
    );
    await deleteAccount(ws, account.id);
    const err = await refusal(addRequest(ws, { itemId: item.id, accountId: account.id, importance: 'critical', note: '' }));
    expect(err.reason).toBe('missingAccount');
    expect(err.messageKey).toBe('roadmap.refused.missingAccount');
    expect(await ws.db.requests.count()).toBe(0);
  });

  it('refuses an unknown importance and writes nothing', async () => {
    const ws = await fresh();
    const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3 });
    const { account } = await createAccount(ws, { name: 'Acme' });
    await expect(addRequest(ws, { itemId: item.id, accountId: account.id, importance: 'urgent' as 'critical', note: '' })).rejects.toThrow(
      ZodError,
    );
    expect(await ws.db.requests.count()).toBe(0);
  });

  it('updateRequest stamps the changed fields and validates the importance', async () => {
    const ws = await fresh();
    const { r1 } = await itemWithRequests(ws);
    const intent = await updateRequest(ws, r1.id, { importance: 'niceToHave', note: 'Blocker' });
    const stored = await getRequest(ws, r1.id);
    expect(stored.importance).toBe('niceToHave');
    expect(compareStamps(r1.updatedAt, stored.updatedAt)).toBe(-1);
    expect(stored.stamps).toEqual({ ...r1.stamps, importance: stored.updatedAt });
    expect(intent).toEqual({
      label: 'editRequest',
      changes: [{ table: 'requests', id: r1.id, before: { importance: 'critical' }, after: { importance: 'niceToHave' } }],
    });

    await expect(updateRequest(ws, r1.id, { importance: 'urgent' as 'critical' })).rejects.toThrow(ZodError);
    await expect(updateRequest(ws, r1.id, { note: 'x'.repeat(2001) })).rejects.toThrow(ZodError);
    expect(await getRequest(ws, r1.id)).toEqual(stored);
    expect(await updateRequest(ws, r1.id, { importance: 'niceToHave' })).toBeNull();
    expect(await updateRequest(ws, 'missing', { importance: 'critical' })).toBeNull();
  });

  it('deleteRequest tombstones the request; undo restores it', async () => {
    const ws = await fresh();
    const { r1, r2 } = await itemWithRequests(ws);
    const intent = await deleteRequest(ws, r1.id);
    expect(intent).toEqual({
      label: 'deleteRequest',
      changes: [{ table: 'requests', id: r1.id, before: { deleted: false }, after: { deleted: true } }],
    });
    const stored = await getRequest(ws, r1.id);
    expect(stored.deleted).toBe(true);
    expect(stored.stamps).toEqual({ ...r1.stamps, deleted: stored.updatedAt });
    expect((await getRequest(ws, r2.id)).deleted).toBe(false);
    expect(await ws.db.requests.count()).toBe(2);
    await replayIntent(ws, intent, 'undo');
    expect((await getRequest(ws, r1.id)).deleted).toBe(false);
  });

  it("deleteAccount tombstones that account's requests in the same intent; undo restores them", async () => {
    const ws = await fresh();
    const { item, acme, r1, r2 } = await itemWithRequests(ws);
    const { item: other } = await createItem(ws, { title: 'Other', plannedQuarter: Q4 });
    const { request: r3 } = await addRequest(ws, { itemId: other.id, accountId: acme.id, importance: 'important', note: '' });

    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteAccount(ws, acme.id);
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('deleteAccount');
    expect(intent.changes.map((c) => c.table)).toEqual(['requests', 'requests', 'accounts']);
    expect(
      intent.changes
        .map((c) => c.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([r1.id, r3.id].sort());
    expect(intent.changes.map((c) => [c.before, c.after])).toEqual(intent.changes.map(() => [{ deleted: false }, { deleted: true }]));
    expect(intent.changes[2]?.id).toBe(acme.id);
    await expectStamped(ws, intent);
    expect((await getRequest(ws, r1.id)).deleted).toBe(true);
    expect((await getRequest(ws, r3.id)).deleted).toBe(true);
    expect((await getRequest(ws, r2.id)).deleted).toBe(false);
    expect((await getItem(ws, item.id)).deleted).toBe(false);

    await replayIntent(ws, intent, 'undo');
    expect((await getRequest(ws, r1.id)).deleted).toBe(false);
    expect((await getRequest(ws, r3.id)).deleted).toBe(false);
    expect((await ws.db.accounts.get(acme.id))?.deleted).toBe(false);
  });
});
