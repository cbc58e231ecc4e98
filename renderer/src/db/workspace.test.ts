import { afterEach, describe, expect, it } from 'vitest';
import { defaultAccountFields, type AccountFields } from '@shared/domain/account';
import type { PlanFields } from '@shared/domain/plan';
import { compareStamps, encodeStamp, isDeviceId, type Stamp } from '@shared/sync/hlc';
import { createRow, largestStamp } from '@shared/sync/row';
import { WaypointDB, type AccountRow } from './database';
import { openWorkspace, replayIntent, runIntent, type Workspace } from './workspace';

const dbs: WaypointDB[] = [];
function freshDb(name = `t-${crypto.randomUUID()}`): WaypointDB {
  const db = new WaypointDB(name);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A wall clock the test moves by hand. */
function manualWall(start: number) {
  let t = start;
  return { wall: () => t, set: (ms: number) => void (t = ms) };
}

const account = (name: string, patch: Partial<AccountFields> = {}) => defaultAccountFields({ name, ...patch });

async function seedAccount(ws: Workspace, name = 'Acme'): Promise<AccountRow> {
  const { result } = await runIntent(ws, 'seed', (w) => w.insert<AccountFields>('accounts', account(name)));
  return result;
}

async function getAccount(ws: Workspace, id: string): Promise<AccountRow> {
  const row = await ws.db.accounts.get(id);
  if (!row) throw new Error(`account ${id} missing`);
  return row;
}

describe('openWorkspace', () => {
  it('creates a device id once and keeps it across reopen', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const first = await openWorkspace(freshDb(name));
    expect(isDeviceId(first.clock.device)).toBe(true);
    expect((await first.db.meta.get('deviceId'))?.value).toBe(first.clock.device);
    first.db.close();
    const second = await openWorkspace(freshDb(name));
    expect(second.clock.device).toBe(first.clock.device);
    const other = await openWorkspace(freshDb());
    expect(other.clock.device).not.toBe(first.clock.device);
  });

  it('starts the clock after the largest stored updatedAt, even with a wall clock far in the past', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const db = freshDb(name);
    await db.open();
    // A plan stamped by another device in the future; the accounts table holds an older row.
    const future = encodeStamp({ ms: 4_000_000_000_000, counter: 5, device: 'ffffffffffffffff' });
    const older = encodeStamp({ ms: 1_000_000_000_000, counter: 0, device: 'ffffffffffffffff' });
    await db.accounts.add(createRow('a-1', account('Old'), older));
    await db.plans.add(
      createRow<PlanFields>('p-1', { accountId: 'a-1', title: 'P', periodStart: null, periodEnd: null, summary: '' }, future),
    );
    db.close();
    const ws = await openWorkspace(freshDb(name), () => 1000);
    expect(ws.clock.last()).toBe(future);
    const next = ws.clock.now();
    expect(compareStamps(future, next)).toBe(-1);
    const created = await seedAccount(ws, 'New');
    expect(compareStamps(future, created.updatedAt)).toBe(-1);
  });
});

describe('Writer', () => {
  it('stamps every field of a new row with the one stamp of its intent', async () => {
    const ws = await openWorkspace(freshDb(), () => 1_700_000_000_000);
    const { result, intent } = await runIntent(ws, 'two', async (w) => {
      const first = await w.insert('accounts', account('A'));
      const second = await w.insert('accounts', account('B'));
      return [first, second] as const;
    });
    const [a, b] = result;
    expect(a.updatedAt).toBe(b.updatedAt);
    expect(new Set(Object.values(a.stamps))).toEqual(new Set([a.updatedAt]));
    expect(Object.keys(a.stamps).sort()).toEqual([...Object.keys(account('A')), 'deleted'].sort());
    expect(await ws.db.accounts.get(a.id)).toEqual(a);
    expect(intent.changes.map((c) => [c.table, c.id, c.before])).toEqual([
      ['accounts', a.id, { deleted: true }],
      ['accounts', b.id, { deleted: true }],
    ]);
  });

  it('inserts many rows a chunk at a time under one stamp, in order, and a bad row in a later chunk writes none of them', async () => {
    const ws = await openWorkspace(freshDb(), () => 1_700_000_000_000);
    const list = Array.from({ length: 2_345 }, (_, i) => account(`Account ${i}`));
    const { result, intent } = await runIntent(ws, 'many', (w) => w.insertMany<AccountFields>('accounts', list));
    expect(result.map((r) => r.name)).toEqual(list.map((f) => f.name));
    expect(new Set(result.map((r) => r.updatedAt)).size).toBe(1);
    expect(intent.changes.map((c) => c.id)).toEqual(result.map((r) => r.id));
    expect(await ws.db.accounts.count()).toBe(2_345);

    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      const bad = [...list.slice(0, 2_100), { ...account('Broken'), tags: 'not a list' } as unknown as AccountFields];
      await expect(runIntent(ws, 'bad', (w) => w.insertMany<AccountFields>('accounts', bad))).rejects.toMatchObject({
        messageKey: 'errors.invalidFields',
      });
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onRejection);
    }
    expect(rejections).toEqual([]);
    expect(await ws.db.accounts.count()).toBe(2_345);
  });

  it('inserts rows with the ids a caller chose only where none is stored yet: one taken refuses the whole intent', async () => {
    const ws = await openWorkspace(freshDb());
    const taken = await seedAccount(ws, 'Already here');
    const list = Array.from({ length: 1_500 }, (_, i) => account(`Planned ${i}`));
    const ids: string[] = list.map(() => crypto.randomUUID());
    ids[1_200] = taken.id;
    await expect(runIntent(ws, 'planned', (w) => w.insertMany<AccountFields>('accounts', list, ids))).rejects.toThrow();
    expect(await ws.db.accounts.count()).toBe(1);
    expect((await getAccount(ws, taken.id)).name).toBe('Already here');
  });

  it('stamps exactly the fields that changed; other stamps stay, updatedAt is the new stamp', async () => {
    const wall = manualWall(1_700_000_000_000);
    const ws = await openWorkspace(freshDb(), wall.wall);
    const created = await seedAccount(ws);
    wall.set(1_700_000_050_000);
    const { result, intent } = await runIntent(ws, 'edit', (w) =>
      w.update<AccountFields>('accounts', created.id, { name: 'Acme Corp', arr: created.arr, tags: ['x'] }),
    );
    const stored = await getAccount(ws, created.id);
    expect(result).toEqual(stored);
    const s = stored.updatedAt;
    expect(compareStamps(created.updatedAt, s)).toBe(-1);
    expect(stored.stamps).toEqual({ ...created.stamps, name: s, tags: s });
    expect(stored.updatedAt).toBe(largestStamp(stored.stamps));
    expect(stored).toEqual({ ...created, name: 'Acme Corp', tags: ['x'], stamps: stored.stamps, updatedAt: s });
    expect(intent.changes).toEqual([
      { table: 'accounts', id: created.id, before: { name: 'Acme', tags: [] }, after: { name: 'Acme Corp', tags: ['x'] } },
    ]);
  });

  it('writes nothing and records nothing when a patch changes nothing or the row is missing', async () => {
    const ws = await openWorkspace(freshDb());
    const created = await seedAccount(ws);
    const { result, intent } = await runIntent(ws, 'noop', async (w) => [
      await w.update('accounts', created.id, { name: 'Acme' }),
      await w.update('accounts', 'missing', { name: 'x' }),
    ]);
    expect(result).toEqual([null, null]);
    expect(intent.changes).toEqual([]);
    expect(await getAccount(ws, created.id)).toEqual(created);
  });

  it('deletes by tombstone: the row stays, deleted is true and stamped', async () => {
    const ws = await openWorkspace(freshDb());
    const created = await seedAccount(ws);
    const { intent } = await runIntent(ws, 'delete', (w) => w.remove('accounts', created.id));
    const stored = await getAccount(ws, created.id);
    expect(stored.deleted).toBe(true);
    expect(compareStamps(created.updatedAt, stored.stamps.deleted ?? created.updatedAt)).toBe(-1);
    expect(stored.stamps).toEqual({ ...created.stamps, deleted: stored.updatedAt });
    expect(stored.name).toBe('Acme');
    expect(await ws.db.accounts.count()).toBe(1);
    expect(intent.changes).toEqual([{ table: 'accounts', id: created.id, before: { deleted: false }, after: { deleted: true } }]);
  });
});

describe('runIntent', () => {
  it('rolls back every write when the intent throws midway', async () => {
    const ws = await openWorkspace(freshDb());
    const existing = await seedAccount(ws);
    const attempt = runIntent(ws, 'broken', async (w) => {
      await w.insert('accounts', account('Half-written'));
      await w.update<AccountFields>('accounts', existing.id, { name: 'Renamed' });
      await w.insert<PlanFields>('plans', { accountId: existing.id, title: 'P', periodStart: null, periodEnd: null, summary: '' });
      await w.remove('accounts', existing.id);
      throw new Error('boom');
    });
    await expect(attempt).rejects.toThrow('boom');
    expect(await ws.db.accounts.toArray()).toEqual([existing]);
    expect(await ws.db.plans.count()).toBe(0);
  });

  it('rolls back when a write itself fails (duplicate id)', async () => {
    const ws = await openWorkspace(freshDb());
    const existing = await seedAccount(ws);
    const attempt = runIntent(ws, 'dup', async (w) => {
      await w.insert('accounts', account('New'), 'fresh-id');
      await w.insert('accounts', account('Clash'), existing.id);
    });
    await expect(attempt).rejects.toThrow();
    expect(await ws.db.accounts.toArray()).toEqual([existing]);
  });
});

describe('replayIntent (undo / redo)', () => {
  it('undo restores the previous values with new, later stamps; redo re-applies', async () => {
    const wall = manualWall(1_700_000_000_000);
    const ws = await openWorkspace(freshDb(), wall.wall);
    const created = await seedAccount(ws);
    const { intent } = await runIntent(ws, 'edit', (w) => w.update<AccountFields>('accounts', created.id, { name: 'Renamed', notes: 'n' }));
    const edited = await getAccount(ws, created.id);

    wall.set(1_600_000_000_000); // the wall clock jumps back: stamps must still move forward
    const undo = await replayIntent(ws, intent, 'undo');
    const undone = await getAccount(ws, created.id);
    expect(undone).toMatchObject({ name: 'Acme', notes: '' });
    expect(compareStamps(edited.stamps.name as Stamp, undone.stamps.name as Stamp)).toBe(-1);
    expect(compareStamps(edited.stamps.notes as Stamp, undone.stamps.notes as Stamp)).toBe(-1);
    expect(undone.stamps.arr).toBe(created.stamps.arr);
    expect(undone.updatedAt).toBe(undone.stamps.name);
    expect(undo.changes).toEqual([
      { table: 'accounts', id: created.id, before: { name: 'Renamed', notes: 'n' }, after: { name: 'Acme', notes: '' } },
    ]);

    await replayIntent(ws, intent, 'redo');
    const redone = await getAccount(ws, created.id);
    expect(redone).toMatchObject({ name: 'Renamed', notes: 'n' });
    expect(compareStamps(undone.updatedAt, redone.updatedAt)).toBe(-1);
    expect(redone.stamps.name).toBe(redone.updatedAt);
  });

  it('undo of an insert tombstones the row; redo brings it back', async () => {
    const ws = await openWorkspace(freshDb());
    const { result, intent } = await runIntent(ws, 'create', (w) => w.insert('accounts', account('Fresh')));
    await replayIntent(ws, intent, 'undo');
    const undone = await getAccount(ws, result.id);
    expect(undone.deleted).toBe(true);
    expect(compareStamps(result.updatedAt, undone.stamps.deleted as Stamp)).toBe(-1);
    await replayIntent(ws, intent, 'redo');
    const redone = await getAccount(ws, result.id);
    expect(redone.deleted).toBe(false);
    expect(redone.name).toBe('Fresh');
  });

  it('undo walks a multi-step intent backwards so the oldest value wins', async () => {
    const ws = await openWorkspace(freshDb());
    const created = await seedAccount(ws);
    const { intent } = await runIntent(ws, 'twice', async (w) => {
      await w.update<AccountFields>('accounts', created.id, { name: 'Step 1' });
      await w.update<AccountFields>('accounts', created.id, { name: 'Step 2' });
    });
    await replayIntent(ws, intent, 'undo');
    expect((await getAccount(ws, created.id)).name).toBe('Acme');
    await replayIntent(ws, intent, 'redo');
    expect((await getAccount(ws, created.id)).name).toBe('Step 2');
  });
});

describe('changed since a stamp', () => {
  it('is a range query on updatedAt returning exactly the rows changed after S', async () => {
    const wall = manualWall(1_700_000_000_000);
    const ws = await openWorkspace(freshDb(), wall.wall);
    const a = await seedAccount(ws, 'A');
    const b = await seedAccount(ws, 'B');
    const S = ws.clock.last();
    wall.set(1_700_000_001_000);
    const c = await seedAccount(ws, 'C');
    await runIntent(ws, 'touch A', (w) => w.update<AccountFields>('accounts', a.id, { notes: 'changed' }));
    const changed = await ws.db.accounts.where('updatedAt').above(S).toArray();
    expect(changed.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(changed.map((r) => r.id)).not.toContain(b.id);
    // Tombstones count as changes too.
    const S2 = ws.clock.last();
    await runIntent(ws, 'drop B', (w) => w.remove('accounts', b.id));
    const afterDelete = await ws.db.accounts.where('updatedAt').above(S2).toArray();
    expect(afterDelete.map((r) => [r.id, r.deleted])).toEqual([[b.id, true]]);
  });
});

describe('the table rules at the repository door (shared/domain/tables.ts)', () => {
  it('has one rule set for every synced table, and none for a table that does not sync', async () => {
    const { TABLE_RULES } = await import('@shared/domain/tables');
    const { SYNCED_TABLES } = await import('./schema');
    expect(Object.keys(TABLE_RULES).sort()).toEqual([...SYNCED_TABLES].sort());
  });

  it('refuses a write that breaks a field rule, names the fields, and writes nothing of the intent', async () => {
    const ws = await openWorkspace(freshDb());
    const a = await seedAccount(ws);
    const { RefusedError } = await import('./refused');
    const attempt = runIntent(ws, 'bad', async (w) => {
      await w.update<AccountFields>('accounts', a.id, { owner: 'Kim' });
      await w.update('accounts', a.id, { tags: 'not a list' } as never);
    });
    await expect(attempt).rejects.toBeInstanceOf(RefusedError);
    await expect(attempt).rejects.toMatchObject({ messageKey: 'errors.invalidFields', params: { table: 'accounts', fields: 'tags' } });
    expect((await ws.db.accounts.get(a.id))?.owner).toBe('');
    await expect(runIntent(ws, 'partial', (w) => w.insert('accounts', { name: 'No fields' }))).rejects.toMatchObject({
      messageKey: 'errors.invalidFields',
    });
    await expect(
      runIntent(ws, 'unknown', (w) => w.insert('lines', { accountId: a.id, from: 'x', to: 'y', kind: 'mentors' })),
    ).rejects.toMatchObject({ params: { fields: 'kind' } });
    expect(await ws.db.lines.count()).toBe(0);
  });
});
