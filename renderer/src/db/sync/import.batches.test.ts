import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '@shared/domain/account';
import { STREAM_FROM_BYTES, SyncFileError } from '@shared/sync/codec';
import { craftFile, headerFor } from '@shared/sync/testing';
import type { AnyRow } from '@shared/sync/merge';
import type { Stamp } from '@shared/sync/hlc';
import { createAccount } from '../accounts';
import { createBackup, KEEP_PER_KIND, listBackups } from './backups';
import { importBytes } from './service';
import { dumpAll, freshDevices, handFile, newDevice, rowOf, stampAt, testClock } from './testing';

const device = freshDevices();

/** Rows of a table this version does not know, long enough that the file's body is read through its layout. */
function notes(count: number, s: Stamp): AnyRow[] {
  const text = 'Quarterly review notes: pricing, renewal terms and the CFO meeting. '.repeat(6);
  return Array.from({ length: count }, (_, i) => rowOf(`note-${String(i).padStart(5, '0')}`, { text: `${i} ${text}` }, s));
}

describe('an import checks each batch of rows just before it merges it', () => {
  it('a bad row in a later batch refuses the file after earlier batches were written: all rolled back, the backup made for it removed, older backups kept', async () => {
    const wall = testClock();
    const b = await device('Hotel', wall);
    await createAccount(b.ws, { name: 'Nordwind' });
    for (let i = 0; i < KEEP_PER_KIND; i++) await createBackup(b, 'import', new Date(wall.tick()));
    const kept = (await listBackups(b.store)).map((x) => x.id);
    const n = newDevice();
    const s = stampAt(wall.tick(), n);
    const rows = notes(5_000, s);
    // Row 4,321 of the table claims a field without a stamp: only its batch's check can see it.
    rows[4_321] = { ...rows[4_321]!, pinned: true } as AnyRow;
    const file = await handFile({ device: n, knowledge: { [n]: s }, tables: { notes: rows } });
    const before = await dumpAll(b.ws);
    const err: unknown = await importBytes(b, file, null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncFileError);
    expect(err).toMatchObject({ code: 'badRow', detail: { table: 'notes', index: 4_321, reason: 'no stamp for pinned' } });
    expect(await dumpAll(b.ws)).toStrictEqual(before);
    expect((await listBackups(b.store)).map((x) => x.id).sort()).toEqual([...kept].sort());
  });

  it('a good file of the same size merges every batch, and its backup rotates the oldest out', async () => {
    const wall = testClock();
    const b = await device('Hotel', wall);
    for (let i = 0; i < KEEP_PER_KIND; i++) await createBackup(b, 'import', new Date(wall.tick()));
    const oldest = (await listBackups(b.store)).at(-1)!.id;
    const n = newDevice();
    const s = stampAt(wall.tick(), n);
    const file = await handFile({ device: n, knowledge: { [n]: s }, tables: { notes: notes(5_000, s) } });
    const r = await importBytes(b, file, null);
    expect(r).toMatchObject({ added: 5_000, keptUnknownTables: ['notes'], complete: true });
    expect(await b.ws.db.foreign.count()).toBe(5_000);
    const after = await listBackups(b.store);
    expect(after).toHaveLength(KEEP_PER_KIND);
    expect(after.map((x) => x.id)).not.toContain(oldest);
  });

  it('a large body read as it is merged, whose end is not what its header says, is refused after all its rows were merged: nothing kept', async () => {
    const wall = testClock();
    const b = await device('Hotel', wall);
    await createAccount(b.ws, { name: 'Nordwind' });
    const x = newDevice();
    const s = stampAt(wall.tick(), x);
    // Text that does not pack well, so the packed body is read as it is merged.
    const noise = (i: number) => Array.from({ length: 12 }, (_, k) => ((i * 7919 + k * 104729) ** 2 % 2 ** 32).toString(36)).join(' ');
    const rows = Array.from({ length: 4_000 }, (_, i) => rowOf(`note-${i}`, { text: noise(i) }, s));
    const body = JSON.stringify({ tables: { notes: rows } });
    const header = await headerFor({ notes: rows.length }, { source: { device: x, name: 'Other' }, knowledge: { [x]: s } });
    const good = await craftFile(body, header);
    expect(good.length - JSON.stringify(header).length).toBeGreaterThan(STREAM_FROM_BYTES);
    const before = await dumpAll(b.ws);
    for (const [bad, code] of [
      [`${body.slice(0, -1)},"extra":true}`, 'damaged'],
      [`${body} []`, 'damaged'],
      [body.replace('"tables":{"notes":', '"tables":{"memos":[],"notes":'), 'damaged'],
    ] as const) {
      const err: unknown = await importBytes(b, await craftFile(bad, header), null).catch((e: unknown) => e);
      expect(err).toMatchObject({ code });
      expect(await dumpAll(b.ws)).toStrictEqual(before);
      expect(await listBackups(b.store)).toEqual([]);
    }
    expect(await importBytes(b, good, null)).toMatchObject({ added: 4_000 });
  });
});

/** B holding an account C wrote, received in an account file: rows, but no knowledge of C. */
async function accountFromC() {
  const wall = testClock();
  const b = await device('Hotel', wall);
  const c = newDevice();
  const p = newDevice();
  const c1 = stampAt(wall.tick(), c);
  const account = rowOf('acc-1', { ...defaultAccountFields({ name: 'Nordwind', owner: 'Carla' }) }, c1);
  const file = await handFile({
    device: c,
    kind: 'account',
    account: { id: 'acc-1', name: 'Nordwind' },
    knowledge: { [c]: c1 },
    tables: { accounts: [account] },
  });
  await importBytes(b, file, null);
  expect(await b.ws.db.accounts.get('acc-1')).toMatchObject({ owner: 'Carla' });
  return { wall, b, c, p, c1, account };
}

describe('what a file proves it knows is only whole after its last batch', () => {
  it('a value the sender had seen (proven only by the stamps the file carries) is not reported as lost', async () => {
    const { wall, b, c, p, c1, account } = await accountFromC();
    // P saw C's write (its other fields still carry C's stamp) and then changed the owner.
    const p1 = stampAt(wall.tick(), p);
    const changed = { ...account, owner: 'Piet', stamps: { ...account.stamps, owner: p1 }, updatedAt: p1 } as AnyRow;
    const r = await importBytes(b, await handFile({ device: p, knowledge: { [c]: c1, [p]: p1 }, tables: { accounts: [changed] } }), null);
    expect(r).toMatchObject({ updated: 1, conflicts: 0 });
    expect(await b.ws.db.conflicts.count()).toBe(0);
    expect(await b.ws.db.accounts.get('acc-1')).toMatchObject({ owner: 'Piet' });
  });

  it('a value the sender had not seen is still reported', async () => {
    const { wall, b, p, c1 } = await accountFromC();
    // P never saw C's row: its own version of the row has only its stamps.
    const p1 = stampAt(wall.tick(), p);
    const theirs = rowOf('acc-1', { ...defaultAccountFields({ name: 'Nordwind', owner: 'Piet' }) }, p1);
    const r = await importBytes(b, await handFile({ device: p, knowledge: { [p]: p1 }, tables: { accounts: [theirs] } }), null);
    expect(r.conflicts).toBeGreaterThan(0);
    const lost = await b.ws.db.conflicts.toArray();
    expect(lost.find((x) => x.field === 'owner')).toMatchObject({ value: 'Carla', stamp: c1, winnerStamp: p1, lostHere: true });
  });
});
