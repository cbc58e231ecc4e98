import { describe, expect, it } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { compareStamps, decodeStamp, ZERO_STAMP } from '@shared/sync/hlc';
import { createAccount, deleteAccount, updateAccount } from '../accounts';
import { createPerson } from '../people';
import { addAction, createPlan, deletePlan } from '../plans';
import { loadSampleWorkspace } from '../sample';
import { SYNCED_TABLES } from '../schema';
import { addMemo, changesFor, decode, dumpSynced, everything, exportBytes, freshDevices, testClock, type Device } from './testing';
import { importBytes } from './service';
import { readDevicesSeen, readKnowledge } from './state';

const device = freshDevices();
const TODAY = asIsoDate('2026-03-02');

const noChange = { added: 0, updated: 0, deleted: 0, conflicts: 0 };
const totals = (r: { added: number; updated: number; deleted: number; conflicts: number }) => ({
  added: r.added,
  updated: r.updated,
  deleted: r.deleted,
  conflicts: r.conflicts,
});

/** A with the sample workspace, B with a full copy of it, then concurrent edits on both sides (one field edited on both). */
async function divergedPair() {
  const wall = testClock();
  const a = await device('Laptop', wall);
  const b = await device('Hotel', wall);
  await loadSampleWorkspace(a.ws, TODAY);
  // The sample has no memos: one more, so every synced table has rows to sync.
  await addMemo(a.ws);
  await importBytes(b, await everything(a), null);
  const objective = (await a.ws.db.objectives.orderBy('id').first())!;
  const plan = (await a.ws.db.plans.get(objective.planId))!;
  const second = (await a.ws.db.accounts.get(plan.accountId))!;
  const first = (await a.ws.db.accounts.filter((x) => x.id !== second.id).first())!;
  wall.tick();
  await updateAccount(a.ws, first.id, { owner: 'Anna', industry: 'Retail' });
  await addAction(a.ws, plan.id, objective.id, { title: 'Added on the laptop' });
  const { account: mine } = await createAccount(a.ws, { name: 'Only on A' });
  await createPerson(a.ws, mine.id, { name: 'Ada' });
  wall.tick();
  await updateAccount(b.ws, first.id, { owner: 'Bert', region: 'North' });
  await deletePlan(b.ws, plan.id);
  await createAccount(b.ws, { name: 'Only on B' });
  await deleteAccount(b.ws, second.id);
  return { wall, a, b, first };
}

describe('importSyncFile results', () => {
  it('counts added, updated and deleted rows per table, conflicts, and a tombstone of a row never seen as unchanged', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const { account: x } = await createAccount(a.ws, { name: 'Xylo' });
    const { account: y } = await createAccount(a.ws, { name: 'Yarrow' });
    const { account: z } = await createAccount(a.ws, { name: 'Zenith' });
    await createPlan(a.ws, x.id, { title: 'Xylo plan' });
    await importBytes(b, await everything(a), null);
    // B answers, so A knows what B has and its next file holds only what changed since.
    await importBytes(a, await changesFor(b, [a]), null);
    wall.tick();
    await updateAccount(b.ws, z.id, { owner: 'Bert' });
    wall.tick();
    await updateAccount(a.ws, x.id, { industry: 'Retail' });
    await updateAccount(a.ws, z.id, { owner: 'Anna' });
    await deleteAccount(a.ws, y.id);
    const { account: w } = await createAccount(a.ws, { name: 'Willow' });
    const { person } = await createPerson(a.ws, w.id, { name: 'Wanda' });
    const { account: gone } = await createAccount(a.ws, { name: 'Made and deleted on A' });
    await deleteAccount(a.ws, gone.id);

    const file = await changesFor(a, [b]);
    expect((await decode(file)).header.contents.rows).toBe(6);
    const r = await importBytes(b, file, null);
    expect(r).toEqual({
      added: 2,
      updated: 2,
      deleted: 1,
      conflicts: 1,
      unchanged: 1,
      byTable: { accounts: { added: 1, updated: 2, deleted: 1 }, people: { added: 1, updated: 0, deleted: 0 } },
      keptUnknownTables: [],
      from: { device: a.device, name: 'Laptop' },
      complete: true,
    });
    expect(await b.ws.db.accounts.get(x.id)).toMatchObject({ industry: 'Retail', deleted: false });
    expect(await b.ws.db.accounts.get(y.id)).toMatchObject({ deleted: true });
    expect(await b.ws.db.accounts.get(z.id)).toMatchObject({ owner: 'Anna' });
    expect(await b.ws.db.people.get(person.id)).toMatchObject({ name: 'Wanda', accountId: w.id });
    // The tombstone is stored (so a late copy of the row cannot bring it back) but counted as nothing.
    expect(await b.ws.db.accounts.get(gone.id)).toMatchObject({ deleted: true });
    expect((await b.ws.db.conflicts.toArray()).map((c) => [c.rowId, c.field, c.value])).toEqual([[z.id, 'owner', 'Bert']]);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const { a, b } = await divergedPair();
    // A changes file into B, then an everything file of B's into A.
    for (const [from, to, file] of [
      [a, b, await changesFor(a, [b])],
      [b, a, await everything(b)],
    ] as const) {
      const first = await importBytes(to, file, null);
      expect(first.added + first.updated + first.deleted, from.deviceName).toBeGreaterThan(0);
      const before = await dumpSynced(to.ws);
      const conflicts = await to.ws.db.conflicts.toArray();
      const knowledge = await readKnowledge(to.ws.db);
      const again = await importBytes(to, file, null);
      expect(totals(again)).toEqual(noChange);
      for (const counts of Object.values(again.byTable)) expect(counts).toEqual({ added: 0, updated: 0, deleted: 0 });
      expect(await dumpSynced(to.ws)).toEqual(before);
      expect(await to.ws.db.conflicts.toArray()).toEqual(conflicts);
      expect(await readKnowledge(to.ws.db)).toEqual(knowledge);
    }
  });

  it('A→B then B→A leaves both devices with identical synced tables', async () => {
    const { a, b, first } = await divergedPair();
    const ra = await importBytes(b, await changesFor(a, [b]), null);
    expect(ra.conflicts).toBe(1);
    // B's file states that B has seen A's edit, so A detects no conflict of its own — but the review
    // B recorded comes with the file: A, whose value lost, lists it too (issue 12: both devices).
    const rb = await importBytes(a, await changesFor(b, [a]), null);
    expect(rb.conflicts).toBe(1);
    expect((await a.ws.db.conflicts.toArray()).map((c) => [c.field, c.value, c.lostHere, c.resolved])).toEqual([
      ['owner', 'Anna', true, undefined],
    ]);
    const da = await dumpSynced(a.ws);
    expect(da).toEqual(await dumpSynced(b.ws));
    // Everything the sample and the memo have is really there on both (not two empty dumps).
    for (const t of SYNCED_TABLES) expect((da[t] as unknown[]).length, t).toBeGreaterThan(0);
    // The concurrent edit of `owner`: B's was later, so it wins everywhere; the other fields of both edits are kept.
    expect(await a.ws.db.accounts.get(first.id)).toMatchObject({ owner: 'Bert', industry: 'Retail', region: 'North' });
    // Then a further exchange changes nothing on either side.
    expect(totals(await importBytes(b, await changesFor(a, [b]), null))).toEqual(noChange);
    expect(totals(await importBytes(a, await changesFor(b, [a]), null))).toEqual(noChange);
  });

  it('files of two other devices give the same result in either order', async () => {
    const { wall, a, b } = await divergedPair();
    const fa = await everything(a);
    const fb = await everything(b);
    const c = await device('Desk', wall);
    const d = await device('Tablet', wall);
    await importBytes(c, fa, null);
    await importBytes(c, fb, null);
    await importBytes(d, fb, null);
    await importBytes(d, fa, null);
    // User data is the same whatever the order. A review is an observation: each device that sees the
    // conflict records it under the same id (the losing write) with its own stamp; they merge into one.
    const userData = async (d: Device) => {
      const { reviews, ...rest } = await dumpSynced(d.ws);
      return { rest, reviews: (reviews as Array<{ id: string; value: unknown }>).map((r) => [r.id, r.value]) };
    };
    const dc = await userData(c);
    expect(dc.reviews).toHaveLength(1);
    expect(await userData(d)).toEqual(dc);
    // And the two devices that made them agree after one exchange each way.
    await importBytes(a, fb, null);
    await importBytes(b, fa, null);
    expect(await userData(a)).toEqual(dc);
    expect(await userData(b)).toEqual(dc);
    // The observers' reviews merge into one row.
    await importBytes(c, await everything(d), null);
    await importBytes(d, await everything(c), null);
    expect(await dumpSynced(c.ws)).toEqual(await dumpSynced(d.ws));
  });
});

describe('knowledge, peers and the clock after an import', () => {
  it('a complete file advances knowledge; an account file and a partial changes file do not', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const c = await device('Desk', wall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    const full = await everything(a);
    const r = await importBytes(b, full, null);
    expect(r.complete).toBe(true);
    expect(await readKnowledge(b.ws.db)).toEqual({ [a.device]: a.ws.clock.last() });
    expect(await readKnowledge(b.ws.db)).toEqual((await decode(full)).header.knowledge);

    // C gets one account of A's: the rows, but no claim to know A's writes.
    wall.tick();
    await createAccount(a.ws, { name: 'Other' });
    const slice = await exportBytes(a, { kind: 'account', accountId: account.id });
    const rs = await importBytes(c, slice, null);
    expect(rs.complete).toBe(false);
    expect(rs.added).toBe(1);
    expect(await readKnowledge(c.ws.db)).toEqual({});
    expect(await readDevicesSeen(c.ws.db)).toEqual([a.device]);
    // A's changes for B start after what B has: C, which has less, must not claim A's knowledge from it.
    await importBytes(a, await changesFor(b, [a]), null);
    wall.tick();
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    const partial = await changesFor(a, [b]);
    expect((await decode(partial)).header.contents.since).not.toBe(ZERO_STAMP);
    const rp = await importBytes(c, partial, null);
    expect(rp.complete).toBe(false);
    expect(await readKnowledge(c.ws.db)).toEqual({});
    // B, which had everything before it, does.
    expect((await importBytes(b, partial, null)).complete).toBe(true);
    expect((await readKnowledge(b.ws.db))[a.device]).toBe(a.ws.clock.last());
  });

  it('records the peer with the knowledge its latest file stated, and an older file imported late does not roll it back', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await createAccount(a.ws, { name: 'Nordwind' });
    const t1 = new Date(wall());
    const older = await exportBytes(a, { kind: 'everything' }, { now: t1 });
    wall.tick(60_000);
    await createAccount(a.ws, { name: 'Südwind' });
    const t2 = new Date(wall());
    const newer = await exportBytes(a, { kind: 'everything' }, { now: t2 });
    const importedAt = new Date(wall() + 5000);
    await importBytes(b, newer, null, importedAt);
    const expected = {
      device: a.device,
      name: 'Laptop',
      knowledge: (await decode(newer)).header.knowledge,
      lastImportAt: importedAt.toISOString(),
      lastFileCreatedAt: t2.toISOString(),
      lastFileChecksum: (await decode(newer)).header.checksum,
    };
    expect(await b.ws.db.peers.toArray()).toEqual([expected]);
    await importBytes(b, older, null, new Date(wall() + 9000));
    expect(await b.ws.db.peers.toArray()).toEqual([expected]);
    // A file of this device itself (e.g. exported and opened again) makes no peer of it.
    expect(totals(await importBytes(b, await everything(b), null))).toEqual(noChange);
    expect((await b.ws.db.peers.toArray()).map((p) => p.device)).toEqual([a.device]);
  });

  it('moves the local clock past every imported stamp, even when this device’s wall clock is behind', async () => {
    const aWall = testClock();
    const bWall = testClock(aWall() - 3 * 3_600_000);
    const a = await device('Laptop', aWall);
    const b = await device('Hotel', bWall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    const latest = (await a.ws.db.accounts.get(account.id))!.updatedAt;
    await importBytes(b, await everything(a), null);
    expect(b.ws.clock.last()).toBe(latest);
    bWall.tick();
    await updateAccount(b.ws, account.id, { owner: 'Bert' });
    const edited = (await b.ws.db.accounts.get(account.id))!;
    expect(compareStamps(edited.stamps.owner!, latest)).toBeGreaterThan(0);
    expect(decodeStamp(edited.stamps.owner!).device).toBe(b.device);
    // So B's later edit wins on A too, without a conflict (B had seen Anna).
    const r = await importBytes(a, await changesFor(b, [a]), null);
    expect(r.conflicts).toBe(0);
    expect((await a.ws.db.accounts.get(account.id))?.owner).toBe('Bert');
  });
});
