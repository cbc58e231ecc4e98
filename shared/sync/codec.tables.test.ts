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

  it('refuses a number where a string belongs, and a non-string department', async () => {
    expect((await refusal(await file({ accounts: [row('acc-1', { ...defaultAccountFields({ name: 'X' }), owner: 12 })] }))).detail).toMatchObject({ field: 'owner', reason: 'invalid' });
    expect((await refusal(await file({ people: [row('p-1', { ...defaultPersonFields('a'), department: { boom: 1 } })] }))).detail).toMatchObject({ table: 'people', field: 'department' });
  });

  it('lets a newer version\u2019s line kind and fields through, and rows of unknown tables untouched', async () => {
    const line = row('l-1', { accountId: 'a', from: 'x', to: 'y', kind: 'mentors', strength: 3 });
    const future = row('f-1', { anything: [1, { deep: true }] });
    const decoded = await decodeSyncFile(await file({ lines: [line], dealRooms: [future] }), OPTS);
    expect(decoded.tables.lines).toEqual([line]);
    expect(decoded.tables.dealRooms).toEqual([future]);
  });
});
