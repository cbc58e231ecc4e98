import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '@shared/domain/account';
import type { AnyRow } from '@shared/sync/merge';
import { createAccount, updateAccount } from '../accounts';
import { foreignKey } from './importFile';
import { importBytes } from './service';
import { changesFor, decode, dumpSynced, everything, freshDevices, handFile, idsIn, newDevice, rowOf, stampAt, testClock } from './testing';

const device = freshDevices();

/**
 * What a newer Waypoint (on device N) writes: a table 'notes' this version lacks, and a field 'tier'
 * accounts lack. (The table was called 'memos' until schema v10 made that a known table.)
 */
function newerRows(n: string, ms: number) {
  const s = stampAt(ms, n);
  const account = rowOf('acc-n', { ...defaultAccountFields({ name: 'Memo Corp' }), tier: 'gold', tags: ['a', 'b'] }, s);
  const note1 = rowOf('note-1', { accountId: 'acc-n', text: 'Call back', pinned: true, meta: { color: 'red' } }, s);
  const note2 = rowOf('note-2', { accountId: 'acc-n', text: 'Send deck', pinned: false, meta: null }, s);
  return { s, account, note1, note2 };
}

/** A later write of some fields of a row, as another device makes it. */
function edited(row: AnyRow, patch: Record<string, unknown>, s: ReturnType<typeof stampAt>): AnyRow {
  const stamps = { ...row.stamps };
  for (const k of Object.keys(patch)) stamps[k] = s;
  return { ...row, ...patch, stamps, updatedAt: s } as AnyRow;
}

describe('tables and fields of a newer Waypoint', () => {
  it('are kept on import, survive local edits, and pass on in everything and changes files', async () => {
    const wall = testClock();
    const b = await device('Hotel', wall);
    const c = await device('Desk', wall);
    await createAccount(b.ws, { name: 'Nordwind' });
    await importBytes(c, await everything(b), null);
    await importBytes(b, await changesFor(c, [b]), null);

    // N's first file: everything it has.
    const n = newDevice();
    const v1 = newerRows(n, wall.tick());
    const file1 = await handFile({
      device: n,
      name: 'New laptop',
      appVersion: '0.9.0',
      knowledge: { [n]: v1.s },
      tables: { accounts: [v1.account], notes: [v1.note1, v1.note2] },
    });
    const r1 = await importBytes(b, file1, null);
    expect(r1).toMatchObject({
      added: 3,
      keptUnknownTables: ['notes'],
      complete: true,
      byTable: { accounts: { added: 1, updated: 0, deleted: 0 }, notes: { added: 2, updated: 0, deleted: 0 } },
    });
    expect(await b.ws.db.foreign.toArray()).toEqual([
      { key: foreignKey('notes', 'note-1'), table: 'notes', updatedAt: v1.s, row: v1.note1 },
      { key: foreignKey('notes', 'note-2'), table: 'notes', updatedAt: v1.s, row: v1.note2 },
    ]);
    expect(await b.ws.db.accounts.get('acc-n')).toEqual(v1.account);

    // A local edit of a known field keeps the unknown one (and its stamp).
    wall.tick();
    await updateAccount(b.ws, 'acc-n', { name: 'Memo Corporation' });
    const renamed = (await b.ws.db.accounts.get('acc-n'))!;
    expect(renamed).toMatchObject({ name: 'Memo Corporation', tier: 'gold', tags: ['a', 'b'] });
    expect(renamed.stamps).toMatchObject({ tier: v1.s, tags: v1.s });

    // An everything file of B's holds both, as N wrote them.
    const all = await decode(await everything(b));
    expect(all.tables.notes).toEqual([v1.note1, v1.note2]);
    expect(all.tables.accounts?.find((r) => r.id === 'acc-n')).toEqual(renamed);

    // A changes file to C passes them on; C (this version too) keeps them the same way.
    const rc = await importBytes(c, await changesFor(b, [c]), null);
    expect(rc.keptUnknownTables).toEqual(['notes']);
    expect(await c.ws.db.foreign.toArray()).toEqual(await b.ws.db.foreign.toArray());
    expect(await c.ws.db.accounts.get('acc-n')).toEqual(renamed);
    await importBytes(b, await changesFor(c, [b]), null);

    // N's next file: a changed note, a new one, and a new value of the unknown field.
    const s2 = stampAt(wall.tick(), n);
    const note1v2 = edited(v1.note1, { text: 'Call back on Monday', meta: { color: 'blue' } }, s2);
    const note3 = rowOf('note-3', { accountId: 'acc-n', text: 'New', pinned: false, meta: null }, s2);
    const accountV2 = edited(v1.account, { tier: 'platinum' }, s2);
    const file2 = await handFile({
      device: n,
      name: 'New laptop',
      kind: 'changes',
      since: v1.s,
      knowledge: { [n]: s2 },
      tables: { accounts: [accountV2], notes: [note1v2, note3] },
    });
    const r2 = await importBytes(b, file2, null);
    expect(r2).toMatchObject({
      added: 1,
      updated: 2,
      conflicts: 0,
      complete: true,
      byTable: { notes: { added: 1, updated: 1, deleted: 0 }, accounts: { added: 0, updated: 1, deleted: 0 } },
    });
    expect((await b.ws.db.foreign.get(foreignKey('notes', 'note-1')))?.row).toEqual(note1v2);
    expect(await b.ws.db.accounts.get('acc-n')).toMatchObject({ name: 'Memo Corporation', tier: 'platinum' });

    // B's next changes file for C starts after what C has: the changed rows only, unknown table included.
    const next = await decode(await changesFor(b, [c]));
    expect(next.header.contents.since).toBe(v1.s);
    expect(Object.keys(next.tables).sort()).toEqual(['accounts', 'notes']);
    expect(idsIn(next, 'notes')).toEqual(['note-1', 'note-3']);
    expect(idsIn(next, 'accounts')).toEqual(['acc-n']);
    const rc2 = await importBytes(c, await changesFor(b, [c]), null);
    expect(rc2).toMatchObject({ added: 1, updated: 2, conflicts: 0 });
    expect(await dumpSynced(c.ws)).toEqual(await dumpSynced(b.ws));
  });

  it('a deletion of an unknown row passes on like any other', async () => {
    const wall = testClock();
    const b = await device('Hotel', wall);
    const c = await device('Desk', wall);
    const n = newDevice();
    const v1 = newerRows(n, wall.tick());
    await importBytes(b, await handFile({ device: n, knowledge: { [n]: v1.s }, tables: { notes: [v1.note1] } }), null);
    const s2 = stampAt(wall.tick(), n);
    const gone = edited(v1.note1, { deleted: true }, s2);
    const r = await importBytes(
      b,
      await handFile({ device: n, kind: 'changes', since: v1.s, knowledge: { [n]: s2 }, tables: { notes: [gone] } }),
      null,
    );
    expect(r.byTable.notes).toEqual({ added: 0, updated: 0, deleted: 1 });
    await importBytes(c, await everything(b), null);
    expect((await c.ws.db.foreign.get(foreignKey('notes', 'note-1')))?.row).toEqual(gone);
  });
});
