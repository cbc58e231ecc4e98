import { describe, expect, it, vi } from 'vitest';
import type { Table } from 'dexie';
import { asIsoDate } from '@shared/domain/dates';
import { SyncFileError } from '@shared/sync/codec';
import { createAccount, updateAccount } from '../accounts';
import { addObjective, createPlan } from '../plans';
import { loadSampleWorkspace } from '../sample';
import { listBackups, readBackup } from './backups';
import { dismissConflict, listConflicts } from './conflicts';
import { importBytes } from './service';
import {
  changesFor,
  decode,
  dumpAll,
  dumpSynced,
  everything,
  exportBytes,
  flipByte,
  freshDevices,
  idsIn,
  testClock,
  withHeader,
  type Device,
} from './testing';

const device = freshDevices();

/** The code a refused import rejects with (fails the test for anything else). */
async function refusedWith(p: Promise<unknown>): Promise<string> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncFileError);
  return (err as SyncFileError).code;
}

/** B with data and sync state of its own (a peer, knowledge, a conflict), and A with a file for it. */
async function receiverWithHistory() {
  const wall = testClock();
  const a = await device('Laptop', wall);
  const b = await device('Hotel', wall);
  const { account } = await createAccount(a.ws, { name: 'Nordwind' });
  const { plan } = await createPlan(a.ws, account.id, { title: 'Grow' });
  await addObjective(a.ws, plan.id, 'Land the CFO');
  await importBytes(b, await everything(a), null);
  wall.tick();
  await updateAccount(a.ws, account.id, { owner: 'Anna' });
  wall.tick();
  await updateAccount(b.ws, account.id, { owner: 'Bert' });
  await createAccount(b.ws, { name: 'Only on B' });
  await importBytes(b, await changesFor(a, [b]), null);
  expect(await b.ws.db.conflicts.count()).toBe(1);
  // A adds rows to several tables, so its next file is written table by table.
  wall.tick();
  const { account: second } = await createAccount(a.ws, { name: 'Südwind' });
  const { plan: p2 } = await createPlan(a.ws, second.id, { title: 'Enter' });
  await addObjective(a.ws, p2.id, 'First meeting');
  await updateAccount(a.ws, account.id, { region: 'North' });
  // Backups of the imports above are not what these tests look at.
  await b.store.backups.clear();
  return { wall, a, b };
}

/** Runs a refused or failing import and checks that the workspace database (every table, meta included) is as it was. */
async function expectDatabaseUnchanged(b: Device, run: () => Promise<unknown>): Promise<void> {
  const before = await dumpAll(b.ws);
  await run();
  expect(await dumpAll(b.ws)).toStrictEqual(before);
}

describe('a refused file writes nothing', () => {
  it('a file of a newer format version is refused before anything is written, not even a backup', async () => {
    const { a, b } = await receiverWithHistory();
    const newer = withHeader(await everything(a), (h) => {
      h.formatVersion = 3;
      h.somethingNew = { chunks: 3 };
    });
    await expectDatabaseUnchanged(b, async () => expect(await refusedWith(importBytes(b, newer, null))).toBe('newerFormat'));
    expect(await listBackups(b.store)).toEqual([]);
  });

  it.each([
    ['a flipped byte in the body', (f: Uint8Array) => flipByte(f, f.length - 10), 'damaged'],
    ['a flipped byte in the header', (f: Uint8Array) => flipByte(f, f.indexOf(0x7d /* } */) - 3), 'damaged'],
    ['a flipped byte in the magic line', (f: Uint8Array) => flipByte(f, 2), 'notOurs'],
    ['the last byte cut off', (f: Uint8Array) => f.subarray(0, f.length - 1), 'damaged'],
    ['only the header', (f: Uint8Array) => f.subarray(0, f.indexOf(10, 14) + 1), 'damaged'],
    ['no bytes at all', () => new Uint8Array(0), 'empty'],
    ['a header edited by hand', (f: Uint8Array) => withHeader(f, (h) => ((h.source as { name: string }).name = 'Evil')), 'damaged'],
  ] as const)('a broken file (%s) is refused and writes nothing', async (_what, damage, code) => {
    const { a, b } = await receiverWithHistory();
    const file = damage(await changesFor(a, [b]));
    await expectDatabaseUnchanged(b, async () => expect(await refusedWith(importBytes(b, file, null))).toBe(code));
    expect(await listBackups(b.store)).toEqual([]);
  });

  it('an encrypted file with a wrong or no passphrase writes nothing', async () => {
    const { a, b } = await receiverWithHistory();
    const locked = await exportBytes(a, { kind: 'changes', peers: [b.device] }, { passphrase: 'correct horse battery' });
    await expectDatabaseUnchanged(b, async () => {
      expect(await refusedWith(importBytes(b, locked, 'correct horse batterY'))).toBe('wrongPassphrase');
      expect(await refusedWith(importBytes(b, locked, null))).toBe('needsPassphrase');
    });
    expect(await listBackups(b.store)).toEqual([]);
    // The right passphrase opens it.
    expect((await importBytes(b, locked, 'correct horse battery')).added).toBe(3);
  });
});

describe('an import is one transaction', () => {
  it('a failure writing the second table rolls back the first one too, and a retry then works', async () => {
    const { a, b } = await receiverWithHistory();
    const file = await changesFor(a, [b]);
    expect(Object.keys((await decode(file)).tables)).toEqual(['accounts', 'plans', 'objectives']);
    const proto = b.ws.db.Table.prototype;
    const bulkPut = proto.bulkPut;
    const written: string[] = [];
    const spy = vi.spyOn(proto, 'bulkPut').mockImplementation(function (this: Table, ...args: unknown[]) {
      written.push(this.name);
      if (written.length === 2) throw new Error('disk full');
      return (bulkPut as (...x: unknown[]) => Promise<unknown>).apply(this, args);
    } as typeof bulkPut);
    const before = await dumpSynced(b.ws);
    const state = await dumpAll(b.ws);
    await expect(importBytes(b, file, null)).rejects.toThrow('disk full');
    expect(written).toEqual(['accounts', 'plans']);
    expect(await dumpSynced(b.ws)).toEqual(before);
    expect(await dumpAll(b.ws)).toStrictEqual(state);
    expect((await listBackups(b.store)).map((x) => x.kind)).toEqual(['import']);
    spy.mockRestore();
    const r = await importBytes(b, file, null);
    expect(r).toMatchObject({ added: 3, updated: 1, deleted: 0, conflicts: 0, complete: true });
  });

  it('a failure at the very last write (the peer record) leaves rows, conflicts, knowledge and peers as they were', async () => {
    const { wall, a, b } = await receiverWithHistory();
    wall.tick();
    // One more concurrent edit, so this import would also record a conflict.
    const nordwind = (await a.ws.db.accounts.where('name').equals('Nordwind').first())!;
    await updateAccount(b.ws, nordwind.id, { region: 'South' });
    const file = await changesFor(a, [b]);
    const proto = b.ws.db.Table.prototype;
    const put = proto.put;
    vi.spyOn(proto, 'put').mockImplementation(function (this: Table, ...args: unknown[]) {
      if (this.name === 'peers') throw new Error('quota exceeded');
      return (put as (...x: unknown[]) => Promise<unknown>).apply(this, args);
    } as typeof put);
    await expectDatabaseUnchanged(b, () => expect(importBytes(b, file, null)).rejects.toThrow('quota exceeded'));
    // Only the backup made before the merge remains.
    expect((await listBackups(b.store)).map((x) => x.kind)).toEqual(['import']);
  });
});

describe('the automatic backup', () => {
  it('is made before each import and holds the database as it was before that import', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    const { account } = await createAccount(b.ws, { name: 'Only on B' });
    const beforeFirst = await dumpSynced(b.ws);
    const t1 = new Date(wall() + 1000);
    await importBytes(b, await everything(a), null, t1);
    const afterFirst = await dumpSynced(b.ws);
    wall.tick(5000);
    await updateAccount(a.ws, (await a.ws.db.accounts.orderBy('id').first())!.id, { owner: 'Anna' });
    const t2 = new Date(wall() + 1000);
    await importBytes(b, await changesFor(a, [b]), null, t2);

    const list = await listBackups(b.store);
    expect(list.map((x) => [x.kind, x.createdAt])).toEqual([
      ['import', t2.toISOString()],
      ['import', t1.toISOString()],
    ]);
    expect(list[1]).toMatchObject({ accounts: 1, rows: 1 });
    const first = await readBackup(b.store, list[1]!.id);
    expect(first.header.contents.kind).toBe('backup');
    expect(first.tables).toEqual({ accounts: [expect.objectContaining({ id: account.id })] });
    expect(first.tables.accounts).toEqual((beforeFirst.accounts as unknown[]).map((r) => expect.objectContaining(r as object)));
    const second = await readBackup(b.store, list[0]!.id);
    for (const [table, rows] of Object.entries(afterFirst)) {
      if (table === 'foreign') continue;
      expect(idsIn(second, table), table).toEqual((rows as Array<{ id: string }>).map((r) => r.id).sort());
    }
  });
});

describe('an account file imported twice', () => {
  // BUG: an account file gives no knowledge, so a value it loses is found "unseen" again at every
  // import: the second import of the same file reports the conflict again, and a conflict the user
  // dismissed comes back (with a new createdAt).
  it('does not report (or bring back) a conflict the first import already recorded', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    await importBytes(b, await everything(a), null);
    await importBytes(a, await changesFor(b, [a]), null);
    wall.tick();
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    wall.tick();
    await updateAccount(b.ws, account.id, { owner: 'Bert' });
    const slice = await exportBytes(a, { kind: 'account', accountId: account.id });
    expect((await importBytes(b, slice, null)).conflicts).toBe(1);
    const [c] = await listConflicts(b.ws);
    expect(c?.conflict.value).toBe('Anna');
    await dismissConflict(b.ws, c!.conflict.id);
    const again = await importBytes(b, slice, null);
    expect(again.conflicts).toBe(0);
    expect(await listConflicts(b.ws)).toEqual([]);
  });
});
