import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '../domain/account';
import { defaultPersonFields } from '../domain/stakeholders';
import { decodeSyncFile, encodeSyncFile, SyncFileError } from './codec';
import type { AnyRow } from './merge';
import { createRow } from './row';
import { sampleInput, stamp, T0 } from './testing';

const OPTS = { latestAllowedMs: T0 + 365 * 86_400_000 };
const S = stamp(T0 + 1000);
const row = (id: string, fields: object): AnyRow => JSON.parse(JSON.stringify(createRow(id, fields, S))) as AnyRow;
const file = (tables: Record<string, AnyRow[]>) => encodeSyncFile({ ...sampleInput(), tables });

async function refusal(bytes: Uint8Array): Promise<SyncFileError> {
  const e: unknown = await decodeSyncFile(bytes, OPTS).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(SyncFileError);
  return e as SyncFileError;
}

describe('rows of known tables pass the table rules at the door', () => {
  it('accepts whole valid rows and returns them', async () => {
    const a = row('acc-1', defaultAccountFields({ name: 'Nordlys Energi' }));
    const p = row('p-1', defaultPersonFields('acc-1', { name: 'Ада Лавлейс' }));
    const decoded = await decodeSyncFile(await file({ accounts: [a], people: [p] }), OPTS);
    expect(decoded.tables.accounts).toEqual([a]);
    expect(decoded.tables.people).toEqual([p]);
  });

  it('refuses an account without potentialArr, naming the table, the record and the field', async () => {
    const { potentialArr: _p, ...fields } = defaultAccountFields({ name: 'Nordlys Energi' });
    const e = await refusal(await file({ accounts: [row('acc-1', fields)] }));
    expect(e.code).toBe('badField');
    expect(e.detail).toEqual({ table: 'accounts', id: 'acc-1', label: 'Nordlys Energi', field: 'potentialArr', reason: 'missing' });
  });

  it('names the record without control or bidi characters, so a file cannot rewrite the sentence it is refused with', async () => {
    const { potentialArr: _p, ...fields } = defaultAccountFields({ name: 'Acme\u202Efdp.exe\u0007 \ud800Ltd' });
    const e = await refusal(await file({ accounts: [row('acc-1', fields)] }));
    expect(e.detail).toMatchObject({ label: 'Acmefdp.exe Ltd' });
  });

  it('refuses a number where a string belongs, and a non-string department', async () => {
    expect(
      (await refusal(await file({ accounts: [row('acc-1', { ...defaultAccountFields({ name: 'X' }), owner: 12 })] }))).detail,
    ).toMatchObject({ field: 'owner', reason: 'invalid' });
    expect(
      (await refusal(await file({ people: [row('p-1', { ...defaultPersonFields('a'), department: { boom: 1 } })] }))).detail,
    ).toMatchObject({ table: 'people', field: 'department' });
  });

  it('lets a newer version\u2019s line kind and fields through, and rows of unknown tables untouched', async () => {
    const line = row('l-1', { accountId: 'a', from: 'x', to: 'y', kind: 'mentors', strength: 3 });
    const future = row('f-1', { anything: [1, { deep: true }] });
    const decoded = await decodeSyncFile(await file({ lines: [line], dealRooms: [future] }), OPTS);
    expect(decoded.tables.lines).toEqual([line]);
    expect(decoded.tables.dealRooms).toEqual([future]);
  });
});

describe('encrypted files authenticate their header (format version 2)', () => {
  const PASS = 'correct horse battery staple';
  /** The header rewritten with its checksum recomputed: what anyone can do without the passphrase. */
  async function forge(bytes: Uint8Array, edit: (h: Record<string, unknown>) => void): Promise<Uint8Array> {
    const magic = 'WAYPOINT-SYNC\n'.length;
    const nl = bytes.indexOf(10, magic);
    const h = JSON.parse(new TextDecoder().decode(bytes.subarray(magic, nl))) as Record<string, unknown>;
    edit(h);
    h.checksum = `sha256:${'0'.repeat(64)}`;
    const body = bytes.subarray(nl + 1);
    const draft = (hh: string) => new Uint8Array([...new TextEncoder().encode(`WAYPOINT-SYNC\n${hh}\n`), ...body]);
    const sum = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', draft(JSON.stringify(h)))), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    h.checksum = `sha256:${sum}`;
    return draft(JSON.stringify(h));
  }

  it('writes encrypted files as version 2 and plain files as version 1, and reads both back', async () => {
    const sealed = await encodeSyncFile({ ...sampleInput(), passphrase: PASS });
    const plain = await encodeSyncFile(sampleInput());
    const h = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b.subarray(14, b.indexOf(10, 14)))) as { formatVersion: number };
    expect(h(sealed).formatVersion).toBe(2);
    expect(h(plain).formatVersion).toBe(1);
    expect((await decodeSyncFile(sealed, { ...OPTS, passphrase: PASS })).tables.deals).toHaveLength(1);
    expect((await decodeSyncFile(plain, OPTS)).tables.deals).toHaveLength(1);
  });

  it('refuses an encrypted file whose knowledge was changed (checksum recomputed), even with the right passphrase', async () => {
    const sealed = await encodeSyncFile({ ...sampleInput(), passphrase: PASS });
    const forged = await forge(sealed, (h) => {
      (h.knowledge as Record<string, string>)['00000000000000aa'] = `${Date.UTC(2999, 0, 1).toString(36)}-0000-00000000000000aa`;
    });
    await expect(decodeSyncFile(forged, { ...OPTS, passphrase: PASS })).rejects.toMatchObject({ code: 'wrongPassphrase' });
    // Downgrading it to version 1 (no header authentication) does not help either.
    const downgraded = await forge(sealed, (h) => (h.formatVersion = 1));
    await expect(decodeSyncFile(downgraded, { ...OPTS, passphrase: PASS })).rejects.toMatchObject({ code: 'wrongPassphrase' });
  });
});
