import { describe, expect, it } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { ZERO_STAMP } from '@shared/sync/hlc';
import { createAccount, createAccounts, deleteAccount, updateAccount } from '../accounts';
import { createPlan } from '../plans';
import { loadSampleWorkspace } from '../sample';
import { SYNCED_TABLES } from '../schema';
import { createBackup, listBackups, restoreBackup } from './backups';
import { folderFileName, lastFolderSync, syncWithFolder } from './folder';
import { forgetPeerKnowledge, readDevicesSeen, readKnowledge } from './state';
import {
  addMemo,
  decode,
  dumpSynced,
  exportBytes,
  freshDevices,
  handFile,
  MemoryFolder,
  newDevice,
  rowOf,
  stampAt,
  testClock,
  withHeader,
  type Device,
  type TestClock,
} from './testing';

const device = freshDevices();

/** Devices sharing one folder; every sync runs at a later time than the one before. */
async function folderWith(names: readonly string[]) {
  const wall = testClock();
  const folder = new MemoryFolder();
  const devices: Array<Device & { port: ReturnType<MemoryFolder['port']> }> = [];
  for (const name of names) devices.push({ ...(await device(name, wall)), port: folder.port() });
  const sync = (d: (typeof devices)[number]) => syncWithFolder(d, d.port, new Date(wall.tick(1000)));
  return { wall, folder, devices, sync };
}

/** What an import would change: synced rows, peers, conflicts, knowledge, devices seen, backups. */
async function syncState(d: Device) {
  return {
    synced: await dumpSynced(d.ws),
    peers: await d.ws.db.peers.toArray(),
    conflicts: await d.ws.db.conflicts.toArray(),
    knowledge: await readKnowledge(d.ws.db),
    seen: await readDevicesSeen(d.ws.db),
    backups: await listBackups(d.store),
  };
}

/** A peer's real folder file, made by its own sync into a folder of its own. */
async function folderFileOf(d: Device, wall: TestClock): Promise<Uint8Array> {
  const own = new MemoryFolder();
  await syncWithFolder(d, own.port(), new Date(wall.tick(1000)));
  return own.files.get(folderFileName(d.device))!;
}

describe('syncWithFolder', () => {
  it('two devices converge through the folder, each writing only its own file', async () => {
    const { wall, folder, devices, sync } = await folderWith(['Laptop', 'Hotel']);
    const [a, b] = devices as [(typeof devices)[number], (typeof devices)[number]];
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    const { account } = await createAccount(b.ws, { name: 'Only on B' });
    expect(await sync(a)).toMatchObject({ imported: [], skipped: [], ignored: 0, wrote: true });
    const rb = await sync(b);
    expect(rb.imported.map((i) => [i.name, i.result.from.device])).toEqual([[folderFileName(a.device), a.device]]);
    expect(rb.wrote).toBe(true);
    const ra = await sync(a);
    expect(ra.imported.map((i) => i.name)).toEqual([folderFileName(b.device)]);
    expect(ra.imported[0]!.result).toMatchObject({ added: 1, complete: true });
    expect(await dumpSynced(a.ws)).toEqual(await dumpSynced(b.ws));

    // Concurrent edits, then another round.
    wall.tick();
    const first = (await a.ws.db.accounts.orderBy('id').first())!;
    await updateAccount(a.ws, first.id, { owner: 'Anna' });
    await createPlan(a.ws, account.id, { title: 'Plan made on A' });
    await updateAccount(b.ws, first.id, { region: 'North' });
    await deleteAccount(b.ws, (await b.ws.db.accounts.orderBy('id').last())!.id);
    await sync(a);
    await sync(b);
    await sync(a);
    const da = await dumpSynced(a.ws);
    expect(da).toEqual(await dumpSynced(b.ws));
    expect(await a.ws.db.accounts.get(first.id)).toMatchObject({ owner: 'Anna', region: 'North' });
    expect(new Set(a.port.writes)).toEqual(new Set([folderFileName(a.device)]));
    expect(new Set(b.port.writes)).toEqual(new Set([folderFileName(b.device)]));
    expect([...folder.files.keys()].sort()).toEqual([folderFileName(a.device), folderFileName(b.device)].sort());
    expect(folderFileName(a.device)).toMatch(/^waypoint-[0-9a-f]{16}\.wpsync$/);
  });

  it('three devices converge, also when the third joins after the other two have been syncing for a while', async () => {
    const { wall, folder, devices, sync } = await folderWith(['Laptop', 'Hotel', 'Desk']);
    const [a, b, c] = devices as [(typeof devices)[number], (typeof devices)[number], (typeof devices)[number]];
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    // The sample has no memos: one more, so every synced table has rows to sync.
    await addMemo(a.ws);
    await createAccount(b.ws, { name: 'Only on B' });
    await createAccount(c.ws, { name: 'Only on C' });
    for (let round = 0; round < 3; round++) {
      wall.tick();
      await createAccount(round % 2 ? a.ws : b.ws, { name: `Round ${round}` });
      await sync(a);
      await sync(b);
    }
    // A's and B's files are now changes files for each other: partial for C.
    expect((await decode(folder.files.get(folderFileName(a.device))!)).header.contents.kind).toBe('changes');
    const joined = await sync(c);
    expect(joined.imported.length).toBe(2);
    expect(joined.imported.map((i) => i.result.complete)).toEqual([false, false]);
    // One 'import' backup per sync that imports, however many files it reads.
    expect((await listBackups(c.store)).map((x) => x.kind)).toEqual(['import']);
    for (let round = 0; round < 2; round++) for (const d of [a, b, c]) await sync(d);
    const dc = await dumpSynced(c.ws);
    expect(await dumpSynced(a.ws)).toEqual(dc);
    expect(await dumpSynced(b.ws)).toEqual(dc);
    // Every table the sample and the memo fill (no conflict happened, so no reviews).
    for (const t of SYNCED_TABLES.filter((x) => x !== 'reviews')) expect((dc[t] as unknown[]).length, t).toBeGreaterThan(0);
    // C now knows every device's writes.
    expect(Object.keys(await readKnowledge(c.ws.db)).sort()).toEqual([a.device, b.device].sort());
    for (const d of [a, b, c]) expect(new Set(d.port.writes)).toEqual(new Set([folderFileName(d.device)]));
  });

  it('ignores files that are not Waypoint’s, skips unreadable ones without writing anything from them, and imports them once whole', async () => {
    const { wall, folder, devices, sync } = await folderWith(['Laptop']);
    const a = devices[0]!;
    await createAccount(a.ws, { name: 'Nordwind' });
    const b = await device('Hotel', wall);
    await createAccount(b.ws, { name: 'Only on B' });
    const whole = await folderFileOf(b, wall);
    const other = newDevice();
    const strays: Array<[string, Uint8Array]> = [
      ['desktop.ini', new TextEncoder().encode('[.ShellClassInfo]\n')],
      ['.DS_Store', new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49])],
      [`${folderFileName(b.device)}.tmp`, whole],
      [`waypoint-${b.device} (conflicted copy).wpsync`, whole],
      [`waypoint-${b.device.toUpperCase()}.wpsync`, whole],
      [`waypoint-${b.device}.wpsync.bak`, whole],
    ];
    for (const [name, data] of strays) folder.files.set(name, data);
    folder.files.set(folderFileName(other), new Uint8Array(0));
    folder.files.set(folderFileName(b.device), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const before = await syncState(a);

    const r = await sync(a);
    expect(r).toMatchObject({ imported: [], ignored: strays.length, wrote: true });
    expect(r.skipped).toEqual([
      { name: folderFileName(other), code: 'empty' },
      { name: folderFileName(b.device), code: 'damaged' },
    ]);
    expect(a.port.reads).toEqual([folderFileName(b.device)]);
    expect(await syncState(a)).toEqual(before);
    expect(await lastFolderSync(a)).toEqual(r);

    // The whole file arrives: the next sync imports it (once).
    folder.files.set(folderFileName(b.device), whole);
    const r2 = await sync(a);
    expect(r2.imported.map((i) => [i.name, i.result.added])).toEqual([[folderFileName(b.device), 1]]);
    expect(r2.skipped).toEqual([{ name: folderFileName(other), code: 'empty' }]);
    expect((await a.ws.db.accounts.toArray()).map((x) => x.name).sort()).toEqual(['Nordwind', 'Only on B']);
    expect((await sync(a)).imported).toEqual([]);
    for (const [name, data] of strays) expect(folder.files.get(name)).toBe(data);
  });

  it('skips a file that names one device but was made by another, a newer format, a locked file and an unreadable one', async () => {
    const { wall, folder, devices } = await folderWith(['Laptop']);
    const a = devices[0]!;
    const b = await device('Hotel', wall);
    await createAccount(b.ws, { name: 'Only on B' });
    const x = newDevice();
    const y = newDevice();
    const z = newDevice();
    folder.files.set(folderFileName(x), await folderFileOf(b, wall));
    folder.files.set(
      folderFileName(y),
      withHeader(await folderFileOf(b, wall), (h) => ((h.formatVersion = 3), ((h.source as { device: string }).device = y))),
    );
    folder.files.set(folderFileName(b.device), await exportBytes(b, { kind: 'everything' }, { passphrase: 'secret words here' }));
    folder.files.set(folderFileName(z), new Uint8Array([1, 2, 3]));
    const port = {
      ...a.port,
      read: (name: string) => (name === folderFileName(z) ? Promise.reject(new Error('EBUSY')) : a.port.read(name)),
      readHead: (name: string) => (name === folderFileName(z) ? Promise.reject(new Error('EBUSY')) : a.port.readHead(name)),
    };
    const before = await syncState(a);
    const r = await syncWithFolder(a, port, new Date(wall.tick()));
    expect(r.imported).toEqual([]);
    expect(new Map(r.skipped.map((s) => [s.name, s.code]))).toEqual(
      new Map([
        [folderFileName(x), 'damaged'],
        [folderFileName(y), 'newerFormat'],
        [folderFileName(b.device), 'needsPassphrase'],
        [folderFileName(z), 'unreadable'],
      ]),
    );
    expect(await syncState(a)).toEqual(before);
    expect((await a.ws.db.accounts.count()) + (await a.ws.db.peers.count())).toBe(0);
  });

  it('a file whose rows are refused after its backup was made leaves no backup behind; the next file backs up for itself', async () => {
    const { wall, folder, devices } = await folderWith(['Laptop']);
    const a = devices[0]!;
    const x = newDevice();
    const sx = stampAt(wall.tick(), x);
    const text = 'Renewal terms, pricing and the CFO meeting. '.repeat(8);
    const rows = Array.from({ length: 3_000 }, (_, i) => rowOf(`note-${i}`, { text: `${i} ${text}` }, sx));
    // Row 2,500 (in the second batch) has a field without a stamp.
    rows[2_500] = { ...rows[2_500]!, pinned: true };
    folder.files.set(folderFileName(x), await handFile({ device: x, knowledge: { [x]: sx }, tables: { notes: rows } }));
    const before = await syncState(a);
    const r = await syncWithFolder(a, a.port, new Date(wall.tick()));
    expect(r.skipped).toEqual([{ name: folderFileName(x), code: 'badRow' }]);
    expect(await syncState(a)).toEqual(before);
    expect(await listBackups(a.store)).toEqual([]);
    // A good file after it in the same sync is backed up for, once.
    const y = newDevice();
    const sy = stampAt(wall.tick(), y);
    folder.files.set(
      folderFileName(y),
      await handFile({ device: y, knowledge: { [y]: sy }, tables: { notes: [rowOf('note-y', { text: 'Fine' }, sy)] } }),
    );
    const again = await syncWithFolder(a, a.port, new Date(wall.tick()));
    expect(again.imported.map((i) => i.name)).toEqual([folderFileName(y)]);
    expect((await listBackups(a.store)).map((b) => b.kind)).toEqual(['import']);
  });

  it('remembers a refused file by its checksum and size: not read again until it changes, or Waypoint is updated', async () => {
    const { wall, folder, devices } = await folderWith(['Laptop']);
    const a = devices[0]!;
    const b = await device('Hotel', wall);
    await createAccount(b.ws, { name: 'Only on B' });
    const good = await folderFileOf(b, wall);
    // A file of B that this version refuses: a newer format.
    folder.files.set(
      folderFileName(b.device),
      withHeader(good, (h) => (h.formatVersion = 3)),
    );
    let reads = 0;
    const port = { ...a.port, read: (name: string) => (reads++, a.port.read(name)) };
    const first = await syncWithFolder(a, port, new Date(wall.tick()));
    expect(first.skipped).toEqual([{ name: folderFileName(b.device), code: 'newerFormat' }]);
    const memo = (await a.ws.db.meta.get('sync.folder.refused'))?.value as {
      appVersion: string;
      files: Record<string, { print: string; code: string }>;
    };
    expect(memo.files[folderFileName(b.device)]).toMatchObject({
      code: 'newerFormat',
      print: expect.stringMatching(/^head:[0-9a-f]{64}:\d+$/) as unknown,
    });
    // Still refused (from memory), and still reported.
    const second = await syncWithFolder(a, port, new Date(wall.tick()));
    expect(second.skipped).toEqual([{ name: folderFileName(b.device), code: 'newerFormat' }]);
    // Once the file changes it is read again, and merged.
    folder.files.set(folderFileName(b.device), good);
    const third = await syncWithFolder(a, port, new Date(wall.tick()));
    expect(third.imported.map((i) => i.name)).toEqual([folderFileName(b.device)]);
    expect(((await a.ws.db.meta.get('sync.folder.refused'))?.value as { files: object }).files).toEqual({});
    // The newer format shows in the header: the refused file's body was never read, the good one once.
    expect(reads).toBe(1);
  });

  it('a sync with nothing new neither rewrites our file nor imports again; a local edit writes it again', async () => {
    const { wall, folder, devices, sync } = await folderWith(['Laptop', 'Hotel']);
    const [a, b] = devices as [(typeof devices)[number], (typeof devices)[number]];
    await createAccount(a.ws, { name: 'Nordwind' });
    await createAccount(b.ws, { name: 'Only on B' });
    // Two rounds carry the rows; a third lets each side learn what the other now has (the files
    // shrink to nothing new), after which the folder is quiet.
    for (let round = 0; round < 3; round++) {
      await sync(a);
      await sync(b);
    }
    const ownFile = folder.files.get(folderFileName(a.device));
    const writes = a.port.writes.length;
    const backups = (await listBackups(a.store)).length;
    const r = await sync(a);
    expect(r).toMatchObject({ imported: [], skipped: [], ignored: 0, wrote: false });
    expect(a.port.writes.length).toBe(writes);
    expect(folder.files.get(folderFileName(a.device))).toBe(ownFile);
    expect((await listBackups(a.store)).length).toBe(backups);
    expect((await sync(b)).wrote).toBe(false);

    wall.tick();
    await updateAccount(a.ws, (await a.ws.db.accounts.orderBy('id').first())!.id, { owner: 'Anna' });
    expect((await sync(a)).wrote).toBe(true);
    const bBackups = (await listBackups(b.store)).length;
    const rb = await sync(b);
    expect(rb.imported.map((i) => i.result.updated)).toEqual([1]);
    // One small edit after a backup made minutes ago: no new backup (the value replaced is in the conflict list anyway).
    expect((await listBackups(b.store)).length).toBe(bBackups);
    // Our file deleted from the folder (by hand): written again although nothing changed.
    folder.files.delete(folderFileName(a.device));
    expect((await sync(a)).wrote).toBe(true);
  });

  // BUG: restoreBackup resets knowledge, but folder sync does not notice: the workspace clock did not
  // move, so our file (still claiming the knowledge we had before the restore) is not rewritten, and
  // peers' files are skipped as already imported (peers.lastFileCreatedAt is unchanged). Peers never
  // learn they should send again "everything since", so the rows the backup lacks do not come back
  // (restoreBackup's comment promises the next sync asks peers again for everything since).
  it('after a restore, the next syncs ask peers again for what the backup lacks', async () => {
    const { wall, devices, sync } = await folderWith(['Laptop', 'Hotel']);
    const [a, b] = devices as [(typeof devices)[number], (typeof devices)[number]];
    await createAccount(a.ws, { name: 'Nordwind' });
    await sync(a);
    await sync(b);
    await sync(a);
    const backup = await createBackup(a, 'manual', new Date(wall.tick()));
    wall.tick();
    const { account } = await createAccount(b.ws, { name: 'Made on B after the backup' });
    await sync(b);
    await sync(a);
    expect(await a.ws.db.accounts.get(account.id)).toBeDefined();
    await restoreBackup(a, backup.id, new Date(wall.tick()));
    expect(await a.ws.db.accounts.get(account.id)).toBeUndefined();
    expect((await sync(a)).wrote).toBe(true);
    await sync(b);
    await sync(a);
    expect(await a.ws.db.accounts.get(account.id)).toBeDefined();
  });

  it('a sync with nothing new reads only the start of each peer file (its header), never a body', async () => {
    const { wall, folder, devices, sync } = await folderWith(['Laptop', 'Hotel', 'Desk']);
    const [a, b, c] = devices as [(typeof devices)[number], (typeof devices)[number], (typeof devices)[number]];
    await createAccount(a.ws, { name: 'Nordwind' });
    await createAccount(b.ws, { name: 'Only on B' });
    for (let round = 0; round < 3; round++) for (const d of [a, b, c]) await sync(d);
    const reads = a.port.reads.length;
    const heads = a.port.heads.length;
    const r = await sync(a);
    expect(r).toMatchObject({ imported: [], skipped: [], wrote: false, unchanged: 2 });
    expect(a.port.reads.length).toBe(reads);
    expect(a.port.heads.length).toBe(heads + 2);
    // What readHead returns is the header line and no more.
    const head = await a.port.readHead(folderFileName(b.device));
    expect(head.length).toBeLessThan(folder.files.get(folderFileName(b.device))!.length);
    expect(new TextDecoder().decode(head)).toMatch(/^WAYPOINT-SYNC\n\{.*\}\n$/s);
    // C only reads: its file starts after what its peers have, not from the beginning (no rereading every row).
    wall.tick();
    await createAccount(a.ws, { name: 'Later' });
    await sync(a);
    await sync(c);
    const cFile = await decode(folder.files.get(folderFileName(c.device))!);
    expect(cFile.header.contents.since).not.toBe(ZERO_STAMP);
    expect(cFile.header.contents.rows).toBe(1); // B has not seen it yet
  });

  it('a half-copied file is refused, and merged once the rest of it arrives (same header, other size)', async () => {
    const { wall, folder, devices } = await folderWith(['Laptop']);
    const a = devices[0]!;
    const b = await device('Hotel', wall);
    await createAccounts(
      b.ws,
      Array.from({ length: 40 }, (_, i) => ({ name: `Account ${i}` })),
    );
    const whole = await folderFileOf(b, wall);
    folder.files.set(folderFileName(b.device), whole.slice(0, whole.length - 100));
    const first = await syncWithFolder(a, a.port, new Date(wall.tick()));
    expect(first.skipped).toEqual([{ name: folderFileName(b.device), code: 'damaged' }]);
    folder.files.set(folderFileName(b.device), whole);
    const second = await syncWithFolder(a, a.port, new Date(wall.tick()));
    expect(second.imported.map((i) => i.result.added)).toEqual([40]);
  });

  it('one device away for weeks is served by one device only, and catches up from that file in one sync', async () => {
    const { wall, folder, devices, sync } = await folderWith(['Laptop', 'Hotel', 'Desk', 'Drawer']);
    const byId = [...devices].sort((x, y) => (x.device < y.device ? -1 : 1));
    const away = byId[1]!; // not the lowest id: the lowest of the others serves it
    const active = byId.filter((d) => d !== away);
    const server = active[0]!;
    await createAccount(byId[3]!.ws, { name: 'Before the trip' });
    for (let round = 0; round < 3; round++) for (const d of devices) await sync(d);
    // Away for eight days, while the others keep working and syncing.
    wall.tick(8 * 24 * 60 * 60 * 1000);
    await createAccounts(
      active[2]!.ws,
      Array.from({ length: 30 }, (_, i) => ({ name: `While away ${i}` })),
    );
    for (let round = 0; round < 3; round++) for (const d of active) await sync(d);
    const rowsIn = async (d: Device) => (await decode(folder.files.get(folderFileName(d.device))!)).header.contents.rows;
    // Only the serving device's file carries what the away device lacks; the others' are empty.
    expect(await rowsIn(server)).toBe(30);
    for (const d of active.slice(1)) expect(await rowsIn(d)).toBe(0);
    expect((await sync(server)).serving).toBe(1);
    // Back: one sync brings everything, and its knowledge is complete.
    const back = await sync(away);
    expect(back.imported.find((i) => i.name === folderFileName(server.device))?.result).toMatchObject({ added: 30, complete: true });
    expect(await dumpSynced(away.ws)).toEqual(await dumpSynced(server.ws));
    // Once its new file says so, the server's file shrinks too.
    await sync(server);
    expect(await rowsIn(server)).toBe(0);
  });

  it('"send everything next time" makes our file serve that peer in full, whoever else serves it', async () => {
    const { folder, devices, sync } = await folderWith(['Laptop', 'Hotel', 'Desk']);
    const byId = [...devices].sort((x, y) => (x.device < y.device ? -1 : 1));
    await createAccounts(
      byId[0]!.ws,
      Array.from({ length: 5 }, (_, i) => ({ name: `Account ${i}` })),
    );
    for (let round = 0; round < 3; round++) for (const d of devices) await sync(d);
    const [, middle, last] = byId as [Device, (typeof devices)[number], (typeof devices)[number]];
    await forgetPeerKnowledge(last.ws.db, middle.device);
    await sync(last);
    expect((await decode(folder.files.get(folderFileName(last.device))!)).header.contents.rows).toBe(5);
  });

  it('backs up before merging when the newest backup is over an hour old, or when a file carries 1,000 rows or more', async () => {
    const { wall, devices, sync } = await folderWith(['Laptop', 'Hotel']);
    const [a, b] = devices as [(typeof devices)[number], (typeof devices)[number]];
    const backups = async () => (await listBackups(b.store)).length;
    const { account } = await createAccount(a.ws, { name: 'First' });
    await sync(a);
    await sync(b);
    expect(await backups()).toBe(1); // no backup yet: one first
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    await sync(a);
    await sync(b);
    expect(await backups()).toBe(1); // a small edit minutes later: none
    wall.tick(61 * 60 * 1000);
    await updateAccount(a.ws, account.id, { owner: 'Bo' });
    await sync(a);
    await sync(b);
    expect(await backups()).toBe(2); // over an hour since the last one
    await createAccounts(
      a.ws,
      Array.from({ length: 1000 }, (_, i) => ({ name: `Bulk ${i}` })),
    );
    await sync(a);
    const r = await sync(b);
    expect(r.imported.map((x) => x.result.added)).toEqual([1000]);
    expect(await backups()).toBe(3); // a big file: always
  });
});
