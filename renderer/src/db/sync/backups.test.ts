import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { createAccount, deleteAccount, updateAccount } from '../accounts';
import { addObjective, createPlan, deletePlan } from '../plans';
import { loadSampleWorkspace } from '../sample';
import { openWorkspace } from '../workspace';
import { BackupDB, backupIfDue, createBackup, KEEP_PER_KIND, listBackups, readBackup, restoreBackup } from './backups';
import { importBytes } from './service';
import { readKnowledge } from './state';
import { changesFor, dumpSynced, everything, freshDevices, handFile, newDevice, rowOf, stampAt, testClock, type Device } from './testing';

const device = freshDevices();

const day = (d: number, hour = 9) => new Date(2026, 2, d, hour, 30);

describe('createBackup', () => {
  it(`keeps the last ${KEEP_PER_KIND} of each kind and leaves the other kinds alone`, async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    await createAccount(a.ws, { name: 'Nordwind' });
    const manual = [await createBackup(a, 'manual', day(1, 8)), await createBackup(a, 'manual', day(1, 10))];
    const imported = await createBackup(a, 'import', day(1, 11));
    const daily = [];
    for (let d = 1; d <= 16; d++) daily.push(await createBackup(a, 'daily', day(d)));
    expect(KEEP_PER_KIND).toBe(14);
    const list = await listBackups(a.store);
    const kept = (kind: string) => list.filter((b) => b.kind === kind).map((b) => b.id);
    expect(kept('daily')).toEqual(
      daily
        .slice(2)
        .reverse()
        .map((b) => b.id),
    );
    expect(kept('manual')).toEqual(manual.reverse().map((b) => b.id));
    expect(kept('import')).toEqual([imported.id]);
    // Newest first, with sizes rather than bytes.
    expect(list.map((b) => b.createdAt)).toEqual([...list.map((b) => b.createdAt)].sort().reverse());
    expect(list[0]).toEqual({
      id: daily[15]!.id,
      kind: 'daily',
      createdAt: day(16).toISOString(),
      rows: 1,
      accounts: 1,
      bytes: expect.any(Number),
    });
    await expect(readBackup(a.store, daily[0]!.id)).rejects.toThrow('no backup');
  });

  it('counts live accounts and every row (tombstones too)', async () => {
    const a = await device('Laptop', testClock());
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    await createAccount(a.ws, { name: 'Südwind' });
    await deleteAccount(a.ws, account.id);
    expect(await createBackup(a, 'manual')).toMatchObject({ rows: 2, accounts: 1 });
  });
});

describe('backupIfDue', () => {
  it('makes one daily backup per calendar day', async () => {
    const a = await device('Laptop', testClock());
    await createAccount(a.ws, { name: 'Nordwind' });
    expect(await backupIfDue(a, day(3, 9))).toMatchObject({ kind: 'daily', createdAt: day(3, 9).toISOString() });
    expect(await backupIfDue(a, day(3, 18))).toBeNull();
    // Other kinds made today do not count.
    await createBackup(a, 'manual', day(4, 7));
    expect(await backupIfDue(a, day(4, 8))).not.toBeNull();
    expect(await backupIfDue(a, day(4, 23))).toBeNull();
    expect(await backupIfDue(a, day(5, 0))).not.toBeNull();
    expect(await backupIfDue(a, day(5, 12))).toBeNull();
    expect((await listBackups(a.store)).filter((b) => b.kind === 'daily').map((b) => b.createdAt)).toEqual(
      [day(5, 0), day(4, 8), day(3, 9)].map((d) => d.toISOString()),
    );
  });
});

describe('restoreBackup', () => {
  it('brings the database back exactly as it was, after a backup of what it replaces', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    // Rows of a table this version does not know are part of the workspace too.
    const n = newDevice();
    const s = stampAt(wall.tick(), n);
    await importBytes(
      a,
      await handFile({ device: n, knowledge: { [n]: s }, tables: { notes: [rowOf('note-1', { text: 'Keep me' }, s)] } }),
      null,
    );
    await createAccount(b.ws, { name: 'Only on B' });
    await importBytes(a, await everything(b), null);
    const accounts = await a.ws.db.accounts.orderBy('id').toArray();
    await deleteAccount(a.ws, accounts[0]!.id);
    const saved = await dumpSynced(a.ws);
    const knowledge = await readKnowledge(a.ws.db);
    const backup = await createBackup(a, 'manual', new Date(wall()));

    // Edits, deletes, new rows, and more from B and N after the backup.
    wall.tick();
    await updateAccount(a.ws, accounts[1]!.id, { name: 'Renamed', owner: 'Anna' });
    await deleteAccount(a.ws, accounts[2]!.id);
    const plan = (await a.ws.db.plans.filter((p) => !p.deleted).first())!;
    await deletePlan(a.ws, plan.id);
    const { account } = await createAccount(a.ws, { name: 'After the backup' });
    const { plan: newPlan } = await createPlan(a.ws, account.id, { title: 'New' });
    await addObjective(a.ws, newPlan.id, 'New objective');
    await a.ws.db.foreign.clear();
    await createAccount(b.ws, { name: 'B after the backup' });
    await importBytes(a, await changesFor(b, [a]), null);
    const replaced = await dumpSynced(a.ws);
    expect(replaced).not.toEqual(saved);
    expect(await readKnowledge(a.ws.db)).not.toEqual(knowledge);

    const at = new Date(wall() + 1000);
    const { rows } = await restoreBackup(a, backup.id, at);
    expect(rows).toBe(backup.rows);
    expect(await dumpSynced(a.ws)).toEqual(saved);
    expect((await a.ws.db.foreign.toArray()).map((f) => f.row.text)).toEqual(['Keep me']);
    // Knowledge goes back to what the backup knew (of other devices; this one's own writes are implied).
    expect(await readKnowledge(a.ws.db)).toEqual(knowledge);

    // What was replaced is in a 'restore' backup, which restores it in turn.
    const restoreBackups = (await listBackups(a.store)).filter((x) => x.kind === 'restore');
    expect(restoreBackups).toMatchObject([{ createdAt: at.toISOString() }]);
    await restoreBackup(a, restoreBackups[0]!.id, new Date(wall() + 2000));
    expect(await dumpSynced(a.ws)).toEqual(replaced);
    // Backups themselves are never touched by a restore.
    expect((await listBackups(a.store)).map((x) => x.kind).sort()).toEqual(['import', 'import', 'import', 'manual', 'restore', 'restore']);
  });

  it('an unknown backup id changes nothing and makes no backup', async () => {
    const a = await device('Laptop', testClock());
    await createAccount(a.ws, { name: 'Nordwind' });
    const before = await dumpSynced(a.ws);
    await expect(restoreBackup(a, 'no-such-id')).rejects.toThrow('no backup');
    expect(await dumpSynced(a.ws)).toEqual(before);
    expect(await listBackups(a.store)).toEqual([]);
  });

  it('edits after a restore still get later stamps than anything the workspace ever held', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    const backup = await createBackup(a, 'manual');
    wall.tick();
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    const latest = (await a.ws.db.accounts.get(account.id))!.updatedAt;
    await restoreBackup(a, backup.id);
    await updateAccount(a.ws, account.id, { owner: 'Bert' });
    expect((await a.ws.db.accounts.get(account.id))!.stamps.owner! > latest).toBe(true);
  });

  // BUG: the clock's high-water mark is not kept. After a restore removed this device's newest rows,
  // a restart starts the clock from the newest row still stored (openWorkspace), so while the wall
  // clock is behind the stamps this device already sent (e.g. it had observed a peer whose clock runs
  // 2 h ahead), new edits get stamps the peer's knowledge already covers: "changes since" leaves them
  // out and the peer never receives them.
  it('after a restore and a restart, new edits still reach a peer that has seen this device’s later stamps', async () => {
    const aWall = testClock();
    const bWall = testClock(aWall() + 2 * 3_600_000);
    const a = await device('Laptop', aWall);
    const b = await device('Hotel', bWall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    const backup = await createBackup(a, 'manual');
    await createAccount(b.ws, { name: 'Made on B' });
    await importBytes(a, await everything(b), null);
    aWall.tick();
    // Stamped after B's rows, i.e. at B's (later) time.
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    await importBytes(b, await changesFor(a, [b]), null);
    await importBytes(a, await changesFor(b, [a]), null);
    await restoreBackup(a, backup.id);
    // The app restarts: the workspace is opened again, with a new clock.
    const restarted: Device = { ...a, ws: await openWorkspace(a.ws.db, aWall) };
    aWall.tick();
    await updateAccount(restarted.ws, account.id, { region: 'North' });
    await importBytes(b, await changesFor(restarted, [b]), null);
    expect((await b.ws.db.accounts.get(account.id))?.region).toBe('North');
  });
});

describe('BackupDB version 2', () => {
  it("moves each backup's bytes out of the list rows, and restores from them as before", async () => {
    const a = await device('Laptop', testClock());
    await createAccount(a.ws, { name: 'Nordwind' });
    const made = await createBackup(a, 'manual', day(3));
    const bytes = (await a.store.backupBytes.get(made.id))!.bytes;
    // The same backup as version 1 stored it: one row, bytes inside.
    const name = `v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ backups: 'id, createdAt, kind' });
    const { bytes: size, ...rest } = made;
    await v1.table('backups').add({ ...rest, bytes });
    v1.close();
    expect(size).toBe(bytes.length);
    const v2 = new BackupDB(name);
    try {
      expect(await listBackups(v2)).toEqual([made]);
      expect(await v2.backups.get(made.id)).not.toHaveProperty('bytes');
      expect((await readBackup(v2, made.id)).tables.accounts?.map((r) => r.id)).toEqual(
        (await readBackup(a.store, made.id)).tables.accounts?.map((r) => r.id),
      );
    } finally {
      await v2.delete();
    }
  });
});
