import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Bp } from '@shared/domain/money';
import type { Quarter } from '@shared/domain/quarter';
import { compareStamps } from '@shared/sync/hlc';
import type { CapacityRow, SettingsRow } from './database';
import { setCapacity, updateRoadmapSettings } from './roadmap';
import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';
import { Q3, Q4, refusal } from './roadmap.fixtures';

const fresh = freshWorkspaces();

async function getCapacity(ws: Workspace, id: string): Promise<CapacityRow> {
  const row = await ws.db.capacity.get(id);
  if (!row) throw new Error(`capacity ${id} missing`);
  return row;
}

async function getSettings(ws: Workspace): Promise<SettingsRow> {
  const row = await ws.db.settings.get('roadmap');
  if (!row) throw new Error('settings missing');
  return row;
}

describe('setCapacity', () => {
  it('writes a row whose id is the quarter; a second call updates the same row, stamping engineerMonths only', async () => {
    const ws = await fresh();
    const first = await setCapacity(ws, Q3, 10);
    const created = await getCapacity(ws, '2027-Q3');
    expect(created).toEqual({
      id: '2027-Q3',
      quarter: '2027-Q3',
      engineerMonths: 10,
      deleted: false,
      stamps: { quarter: created.updatedAt, engineerMonths: created.updatedAt, deleted: created.updatedAt },
      updatedAt: created.updatedAt,
    });
    expect(first).toEqual({
      label: 'setCapacity',
      changes: [
        { table: 'capacity', id: '2027-Q3', before: { deleted: true }, after: { quarter: '2027-Q3', engineerMonths: 10, deleted: false } },
      ],
    });

    const second = await setCapacity(ws, Q3, 12.5);
    const updated = await getCapacity(ws, '2027-Q3');
    expect(await ws.db.capacity.count()).toBe(1);
    expect(compareStamps(created.updatedAt, updated.updatedAt)).toBe(-1);
    expect(updated).toEqual({
      ...created,
      engineerMonths: 12.5,
      stamps: { ...created.stamps, engineerMonths: updated.updatedAt },
      updatedAt: updated.updatedAt,
    });
    expect(second.changes).toEqual([{ table: 'capacity', id: '2027-Q3', before: { engineerMonths: 10 }, after: { engineerMonths: 12.5 } }]);

    await setCapacity(ws, Q4, 0);
    expect(await ws.db.capacity.count()).toBe(2);
    expect((await getCapacity(ws, '2027-Q4')).engineerMonths).toBe(0);
  });

  it('undo of the first setting tombstones the row; setting it again revives the same row', async () => {
    const ws = await fresh();
    const intent = await setCapacity(ws, Q3, 10);
    await replayIntent(ws, intent, 'undo');
    expect((await getCapacity(ws, '2027-Q3')).deleted).toBe(true);
    const again = await setCapacity(ws, Q3, 8);
    expect(await ws.db.capacity.count()).toBe(1);
    expect(await getCapacity(ws, '2027-Q3')).toMatchObject({ engineerMonths: 8, deleted: false });
    expect(again.changes).toEqual([
      { table: 'capacity', id: '2027-Q3', before: { engineerMonths: 10, deleted: true }, after: { engineerMonths: 8, deleted: false } },
    ]);
    await expectStamped(ws, again);
  });

  it.each([
    ['a negative value', -1],
    ['two decimals', 4.55],
    ['more than the maximum', 10_000.1],
    ['NaN', Number.NaN],
  ])("refuses %s with 'capacity' and writes nothing", async (_label, em) => {
    const ws = await fresh();
    const err = await refusal(setCapacity(ws, Q3, em));
    expect(err.reason).toBe('capacity');
    expect(err.messageKey).toBe('roadmap.refused.capacity');
    expect(await ws.db.capacity.count()).toBe(0);
  });

  it('a refused value leaves an existing row as it was', async () => {
    const ws = await fresh();
    await setCapacity(ws, Q3, 10);
    const before = await getCapacity(ws, '2027-Q3');
    expect((await refusal(setCapacity(ws, Q3, -3))).reason).toBe('capacity');
    expect(await getCapacity(ws, '2027-Q3')).toEqual(before);
  });

  it("refuses a quarter that does not exist ('capacity'), writing nothing", async () => {
    const ws = await fresh();
    expect((await refusal(setCapacity(ws, '2027-Q9' as Quarter, 5))).reason).toBe('capacity');
    expect(await ws.db.capacity.count()).toBe(0);
  });

  it('two devices setting the same quarter write rows with the same natural id', async () => {
    const laptop = await fresh();
    const desktop = await fresh();
    await setCapacity(laptop, Q3, 10);
    await setCapacity(desktop, Q3, 14);
    const a = await laptop.db.capacity.toArray();
    const b = await desktop.db.capacity.toArray();
    expect(a.map((r) => [r.id, r.engineerMonths])).toEqual([['2027-Q3', 10]]);
    expect(b.map((r) => [r.id, r.engineerMonths])).toEqual([['2027-Q3', 14]]);
    // Different devices, different stamps: a merge keeps one row and picks a value by stamp.
    expect(a[0]?.stamps.engineerMonths).not.toBe(b[0]?.stamps.engineerMonths);
  });
});

describe('updateRoadmapSettings', () => {
  it("creates the row 'roadmap' holding only the patched fields, then updates it", async () => {
    const ws = await fresh();
    const first = await updateRoadmapSettings(ws, { currency: 'SEK' });
    const created = await getSettings(ws);
    expect(created).toEqual({
      id: 'roadmap',
      currency: 'SEK',
      deleted: false,
      stamps: { currency: created.updatedAt, deleted: created.updatedAt },
      updatedAt: created.updatedAt,
    });
    expect(first).toEqual({
      label: 'editRoadmapSettings',
      changes: [{ table: 'settings', id: 'roadmap', before: { deleted: true }, after: { currency: 'SEK', deleted: false } }],
    });

    const second = await updateRoadmapSettings(ws, { currency: 'SEK', maxFundingShareBp: 2500 as Bp, rates: { EUR: 11_500_000 } });
    const updated = await getSettings(ws);
    expect(await ws.db.settings.count()).toBe(1);
    expect(compareStamps(created.updatedAt, updated.updatedAt)).toBe(-1);
    expect(updated).toEqual({
      id: 'roadmap',
      currency: 'SEK',
      maxFundingShareBp: 2500,
      rates: { EUR: 11_500_000 },
      deleted: false,
      stamps: { currency: created.updatedAt, deleted: created.updatedAt, maxFundingShareBp: updated.updatedAt, rates: updated.updatedAt },
      updatedAt: updated.updatedAt,
    });
    expect(second.changes).toEqual([
      {
        table: 'settings',
        id: 'roadmap',
        before: { maxFundingShareBp: undefined, rates: undefined },
        after: { maxFundingShareBp: 2500 as Bp, rates: { EUR: 11_500_000 } },
      },
    ]);
    await expectStamped(ws, second);
  });

  it.each([
    ['an unknown currency', { currency: 'XXY' }],
    ['a lower-case currency', { currency: 'eur' }],
    ['maxFundingShareBp 0', { maxFundingShareBp: 0 as Bp }],
    ['maxFundingShareBp above 100 %', { maxFundingShareBp: 10_001 as Bp }],
    ['hoursPerMonth 0', { hoursPerMonth: 0 }],
  ])('refuses %s (zod) and writes nothing', async (_label, patch) => {
    const ws = await fresh();
    await expect(updateRoadmapSettings(ws, patch)).rejects.toThrow(ZodError);
    expect(await ws.db.settings.count()).toBe(0);
    await updateRoadmapSettings(ws, { currency: 'USD' });
    const before = await getSettings(ws);
    await expect(updateRoadmapSettings(ws, patch)).rejects.toThrow(ZodError);
    expect(await getSettings(ws)).toEqual(before);
  });
});
