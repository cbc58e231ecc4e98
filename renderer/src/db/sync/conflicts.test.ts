import { describe, expect, it } from 'vitest';
import { createAccount, deleteAccount, updateAccount } from '../accounts';
import { RefusedError } from '../refused';
import { dismissAllConflicts, dismissConflict, keepLosingValue, listConflicts } from './conflicts';
import { importBytes } from './service';
import { changesFor, dumpSynced, everything, freshDevices, testClock } from './testing';

const device = freshDevices();

/** A and B share one account, then edit its owner at the same time (B later) and exchange files made before either import. */
async function concurrentOwners() {
  const wall = testClock();
  const a = await device('Laptop', wall);
  const b = await device('Hotel', wall);
  const { account } = await createAccount(a.ws, { name: 'Nordwind', owner: 'Olga' });
  await importBytes(b, await everything(a), null);
  await importBytes(a, await changesFor(b, [a]), null);
  wall.tick();
  await updateAccount(a.ws, account.id, { owner: 'Anna' });
  wall.tick();
  await updateAccount(b.ws, account.id, { owner: 'Bert' });
  const fa = await changesFor(a, [b]);
  const fb = await changesFor(b, [a]);
  const at = new Date(wall() + 500);
  expect((await importBytes(a, fb, null, at)).conflicts).toBe(1);
  expect((await importBytes(b, fa, null, at)).conflicts).toBe(1);
  return { wall, a, b, account, at };
}

describe('the conflict list', () => {
  it('shows the value that lost, the current value and whether the row changed since', async () => {
    const { wall, a, b, account, at } = await concurrentOwners();
    const row = (await a.ws.db.accounts.get(account.id))!;
    const [view, ...rest] = await listConflicts(a.ws);
    expect(rest).toEqual([]);
    expect(view).toEqual({
      conflict: {
        id: expect.stringContaining(`accounts/${account.id}/owner/`),
        table: 'accounts',
        rowId: account.id,
        field: 'owner',
        value: 'Anna',
        stamp: expect.stringContaining(a.device),
        winnerStamp: row.stamps.owner,
        peerName: 'Hotel',
        lostHere: true,
        createdAt: at.toISOString(),
      },
      row,
      current: 'Bert',
      changedSince: false,
    });
    // B lists the same loser (its own winning value is current there too).
    expect((await listConflicts(b.ws)).map((v) => [v.conflict.value, v.current, v.conflict.peerName])).toEqual([
      ['Anna', 'Bert', 'Laptop'],
    ]);
    // An edit of another field leaves the conflict as it was; an edit of the field marks it.
    wall.tick();
    await updateAccount(a.ws, account.id, { region: 'North' });
    expect((await listConflicts(a.ws))[0]).toMatchObject({ current: 'Bert', changedSince: false });
    await updateAccount(a.ws, account.id, { owner: 'Carla' });
    expect((await listConflicts(a.ws))[0]).toMatchObject({ current: 'Carla', changedSince: true, conflict: { value: 'Anna' } });
  });

  it('keepLosingValue writes the loser as a new edit that wins on the other device at the next exchange', async () => {
    const { wall, a, b, account } = await concurrentOwners();
    const [view] = await listConflicts(a.ws);
    wall.tick();
    const { intent } = await keepLosingValue(a.ws, view!.conflict.id);
    expect(intent.changes).toEqual([{ table: 'accounts', id: account.id, before: { owner: 'Bert' }, after: { owner: 'Anna' } }]);
    const kept = (await a.ws.db.accounts.get(account.id))!;
    expect(kept.owner).toBe('Anna');
    expect(kept.stamps.owner! > view!.conflict.winnerStamp).toBe(true);
    expect(await listConflicts(a.ws)).toEqual([]);

    // It was made knowing B's value, so B takes it without a new conflict; the settled review comes along.
    const r = await importBytes(b, await changesFor(a, [b]), null);
    expect(r).toMatchObject({
      conflicts: 0,
      byTable: { accounts: { added: 0, updated: 1, deleted: 0 }, reviews: { added: 0, updated: 1, deleted: 0 } },
    });
    expect((await b.ws.db.accounts.get(account.id))?.owner).toBe('Anna');
    // Settled on A, settled on B: B's list is empty too.
    expect(await listConflicts(b.ws)).toEqual([]);
    expect((await b.ws.db.conflicts.toArray()).map((c) => c.resolved)).toEqual(['taken']);
    // Both recorded the review under one id; one more exchange and the two rows are one.
    await importBytes(a, await changesFor(b, [a]), null);
    expect(await dumpSynced(b.ws)).toEqual(await dumpSynced(a.ws));
  });

  it('dismissConflict takes one conflict off the list and changes no row; dismissAllConflicts empties it', async () => {
    const { a, b, account } = await concurrentOwners();
    const before = await dumpSynced(a.ws);
    const [view] = await listConflicts(a.ws);
    await dismissConflict(a.ws, view!.conflict.id);
    expect(await listConflicts(a.ws)).toEqual([]);
    // No user data changes; only the synced review says it was settled ("kept").
    const { reviews, ...rest } = await dumpSynced(a.ws);
    const { reviews: reviewsBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect((reviewsBefore as Array<{ resolution: string }>).map((x) => x.resolution)).toEqual(['open']);
    expect((reviews as Array<{ resolution: string }>).map((x) => x.resolution)).toEqual(['kept']);
    expect((await a.ws.db.accounts.get(account.id))?.owner).toBe('Bert');
    await dismissAllConflicts(b.ws);
    expect(await listConflicts(b.ws)).toEqual([]);
    // A conflict that is gone cannot be kept any more.
    await expect(keepLosingValue(a.ws, view!.conflict.id)).rejects.toBeInstanceOf(RefusedError);
    await expect(keepLosingValue(a.ws, view!.conflict.id)).rejects.toMatchObject({ messageKey: 'sync.conflicts.gone' });
  });

  it('a delete on one device and an edit on the other is listed as field "deleted", and keeping it restores the row everywhere', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    await importBytes(b, await everything(a), null);
    await importBytes(a, await changesFor(b, [a]), null);
    wall.tick();
    await deleteAccount(a.ws, account.id);
    wall.tick();
    await updateAccount(b.ws, account.id, { name: 'Nordwind GmbH' });
    const fa = await changesFor(a, [b]);
    const fb = await changesFor(b, [a]);
    const ra = await importBytes(a, fb, null);
    const rb = await importBytes(b, fa, null);
    expect(ra).toMatchObject({ conflicts: 1, deleted: 0 });
    expect(rb).toMatchObject({ conflicts: 1, deleted: 1 });
    // The deletion wins on both, with B's edit kept inside the tombstone.
    for (const d of [a, b]) expect(await d.ws.db.accounts.get(account.id)).toMatchObject({ deleted: true, name: 'Nordwind GmbH' });
    for (const d of [a, b]) {
      const views = await listConflicts(d.ws);
      expect(
        views.map((v) => ({ field: v.conflict.field, value: v.conflict.value, current: v.current, changedSince: v.changedSince })),
      ).toEqual([{ field: 'deleted', value: false, current: true, changedSince: false }]);
    }
    // B (the editor) keeps its edit: the row is back, and comes back on A at the next exchange.
    wall.tick();
    const [view] = await listConflicts(b.ws);
    await keepLosingValue(b.ws, view!.conflict.id);
    expect(await b.ws.db.accounts.get(account.id)).toMatchObject({ deleted: false, name: 'Nordwind GmbH' });
    const back = await importBytes(a, await changesFor(b, [a]), null);
    // The account comes back, and the review is settled on A as well.
    expect(back).toMatchObject({
      conflicts: 0,
      byTable: { accounts: { added: 0, updated: 1, deleted: 0 }, reviews: { added: 0, updated: 1, deleted: 0 } },
    });
    expect(await listConflicts(a.ws)).toEqual([]);
    expect(await a.ws.db.accounts.get(account.id)).toMatchObject({ deleted: false, name: 'Nordwind GmbH' });
    // Both recorded the review; after one more exchange the devices hold the same rows.
    await importBytes(b, await changesFor(a, [b]), null);
    expect(await dumpSynced(a.ws)).toEqual(await dumpSynced(b.ws));
  });

  it("reaches the device whose value won: it lists the conflict from the loser's review, and settling it there settles it on the loser", async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind', owner: 'Olga' });
    await importBytes(b, await everything(a), null);
    await importBytes(a, await changesFor(b, [a]), null);
    wall.tick();
    await updateAccount(b.ws, account.id, { owner: 'Bert' });
    wall.tick();
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    // Files travel one way first: B imports A's later edit, and B's value loses.
    expect((await importBytes(b, await changesFor(a, [b]), null)).conflicts).toBe(1);
    expect(await listConflicts(a.ws)).toEqual([]);
    // B's next file brings the review to A, whose value won.
    expect((await importBytes(a, await changesFor(b, [a]), null)).conflicts).toBe(1);
    const [onA] = await listConflicts(a.ws);
    expect(onA).toMatchObject({ current: 'Anna', conflict: { value: 'Bert', peerName: 'Hotel', lostHere: false } });
    // A keeps its value; at the next exchange the conflict is settled on B too.
    await dismissConflict(a.ws, onA!.conflict.id);
    await importBytes(b, await changesFor(a, [b]), null);
    expect(await listConflicts(b.ws)).toEqual([]);
    expect((await b.ws.db.accounts.get(account.id))?.owner).toBe('Anna');
    // And a further exchange brings nothing back.
    expect((await importBytes(a, await changesFor(b, [a]), null)).conflicts).toBe(0);
    expect(await listConflicts(a.ws)).toEqual([]);
  });
});
