import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createClock, encodeStamp, ZERO_STAMP, type Stamp } from './hlc';
import { createRow, largestStamp, patchRow, sameValue, type Row } from './row';

const DEV = '0123456789abcdef';
const s = (ms: number, counter = 0): Stamp => encodeStamp({ ms, counter, device: DEV });
const S1 = s(1000);
const S2 = s(2000);
const S3 = s(3000);

interface Fields {
  name: string;
  tags: string[];
  icp: Record<string, number>;
  arr: number;
}

const fields = (): Fields => ({ name: 'Acme', tags: ['a', 'b'], icp: { industryFit: 4 }, arr: 100 });

describe('sameValue', () => {
  it('compares primitives, arrays and plain objects structurally', () => {
    expect(sameValue(1, 1)).toBe(true);
    expect(sameValue('a', 'b')).toBe(false);
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue({ x: 1, y: [1, { z: 2 }] }, { y: [1, { z: 2 }], x: 1 })).toBe(true);
    expect(sameValue({ x: 1, y: [1, { z: 2 }] }, { x: 1, y: [1, { z: 3 }] })).toBe(false);
    expect(sameValue({ x: undefined }, { y: undefined })).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue({ 0: 'a' }, ['a'])).toBe(false);
  });

  it('is reflexive on any JSON value and agrees with a structured clone (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(sameValue(v, v)).toBe(true);
        expect(sameValue(v, structuredClone(v))).toBe(true);
      }),
    );
  });
});

describe('createRow', () => {
  it('stamps every field and the tombstone with the same stamp', () => {
    const row = createRow('id-1', fields(), S1);
    expect(row).toEqual({
      ...fields(),
      id: 'id-1',
      deleted: false,
      updatedAt: S1,
      stamps: { name: S1, tags: S1, icp: S1, arr: S1, deleted: S1 },
    });
  });

  it('gives meta keys no stamp of their own', () => {
    const row = createRow('id-2', { id: 'ignored', updatedAt: 'x', title: 't' }, S1);
    expect(Object.keys(row.stamps).sort()).toEqual(['deleted', 'title']);
    expect(row.id).toBe('id-2');
    expect(row.updatedAt).toBe(S1);
  });
});

describe('patchRow', () => {
  it('stamps exactly the changed fields; unchanged fields keep their old stamp', () => {
    const row = createRow('r', fields(), S1);
    const result = patchRow(row, { name: 'Acme Corp', arr: 100, tags: ['a', 'b'] }, S2);
    expect(result).not.toBeNull();
    expect(result?.row.stamps).toEqual({ name: S2, tags: S1, icp: S1, arr: S1, deleted: S1 });
    expect(result?.row.name).toBe('Acme Corp');
    expect(result?.row.updatedAt).toBe(S2);
    expect(result?.before).toEqual({ name: 'Acme' });
    expect(result?.after).toEqual({ name: 'Acme Corp' });
  });

  it('compares arrays and objects structurally, not by reference', () => {
    const row = createRow('r', fields(), S1);
    expect(patchRow(row, { tags: ['a', 'b'], icp: { industryFit: 4 } }, S2)).toBeNull();
    const changed = patchRow(row, { tags: ['a', 'c'], icp: { industryFit: 4 } }, S2);
    expect(changed?.row.stamps).toEqual({ name: S1, tags: S2, icp: S1, arr: S1, deleted: S1 });
    expect(changed?.before).toEqual({ tags: ['a', 'b'] });
    expect(changed?.after).toEqual({ tags: ['a', 'c'] });
  });

  it('returns null when nothing changed (and for undefined values or meta keys)', () => {
    const row = createRow('r', fields(), S1);
    expect(patchRow(row, {}, S2)).toBeNull();
    expect(patchRow(row, { name: 'Acme', arr: 100 }, S2)).toBeNull();
    expect(patchRow(row, { name: undefined }, S2)).toBeNull();
    expect(patchRow(row as Row<Fields & { updatedAt: Stamp }>, { updatedAt: S3 }, S2)).toBeNull();
  });

  it('stamps the tombstone when deleting', () => {
    const row = createRow('r', fields(), S1);
    const result = patchRow(row, { deleted: true }, S2);
    expect(result?.row.deleted).toBe(true);
    expect(result?.row.stamps).toEqual({ name: S1, tags: S1, icp: S1, arr: S1, deleted: S2 });
    expect(result?.before).toEqual({ deleted: false });
    expect(result?.after).toEqual({ deleted: true });
  });

  it('does not mutate the input row', () => {
    const row = createRow('r', fields(), S1);
    const snapshot = structuredClone(row);
    patchRow(row, { name: 'x', deleted: true }, S2);
    expect(row).toEqual(snapshot);
  });
});

describe('largestStamp', () => {
  it('is the maximum of a stamp map, ZERO_STAMP when empty', () => {
    expect(largestStamp({})).toBe(ZERO_STAMP);
    expect(largestStamp({ a: S2, b: S3, c: S1 })).toBe(S3);
  });

  it('updatedAt === largestStamp(stamps) after any sequence of patches stamped by one clock (property)', () => {
    const patch = fc.record(
      {
        name: fc.constantFrom('Acme', 'Beta', 'Gamma'),
        tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
        icp: fc.dictionary(fc.constantFrom('industryFit', 'companySize'), fc.integer({ min: 0, max: 5 })),
        arr: fc.integer({ min: 0, max: 3 }),
        deleted: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(patch, fc.integer({ min: -5, max: 5 })), { maxLength: 30 }), (steps) => {
        let wall = 1000;
        const clock = createClock(DEV, () => wall);
        let row: Row<Fields> = createRow('r', fields(), clock.now());
        for (const [p, drift] of steps) {
          wall += drift;
          const stamp = clock.now();
          const result = patchRow(row, p, stamp);
          if (result === null) continue;
          // Exactly the keys in `after` got the new stamp.
          for (const [key, st] of Object.entries(result.row.stamps)) expect(st === stamp).toBe(key in result.after);
          row = result.row;
          expect(row.updatedAt).toBe(largestStamp(row.stamps));
        }
        expect(row.updatedAt).toBe(largestStamp(row.stamps));
      }),
    );
  });
});
