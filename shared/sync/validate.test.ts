import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRow, patchRow } from './row';
import { checkRows, MAX_VALUE_DEPTH, UNSAFE_KEYS } from './validate';
import { stamp, T0 } from './testing';

const LATEST = T0 + 365 * 86_400_000;
const S = stamp(T0 + 1000);
const S2 = stamp(T0 + 2000);

/** A valid row as a parsed file holds it; override or add any key. */
const row = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'r1',
  name: 'Acme',
  deleted: false,
  stamps: { name: S, deleted: S },
  updatedAt: S,
  ...over,
});
const body = (...rows: unknown[]): unknown => ({ tables: { deals: rows } });
/** What a parsed file gives for hand-written JSON (keys like "__proto__" stay own keys). */
const parsed = (json: string): unknown => JSON.parse(json);
const check = (b: unknown): ReturnType<typeof checkRows> => checkRows(b, LATEST);

describe('checkRows: accepted bodies', () => {
  it('accepts valid rows in several tables, unknown tables and empty tables', () => {
    expect(
      check({
        tables: {
          deals: [row()],
          tasks: [row({ id: 'p1' })],
          fromV9: [row({ id: 'x1', extra: [1, { a: 'b' }], stamps: { name: S, deleted: S, extra: S } })],
          empty: [],
        },
      }),
    ).toBeNull();
    expect(check({ tables: {} })).toBeNull();
  });

  it('accepts a stamp for a field the row does not carry (a value that was undefined)', () => {
    expect(check(body(row({ stamps: { name: S, deleted: S, note: S } })))).toBeNull();
  });

  it('accepts any row made by createRow and patchRow, after a JSON round trip (property)', () => {
    const value = fc
      .jsonValue({ maxDepth: 4 })
      .filter((v) => !/"(__proto__|constructor|prototype)"|"[+-]?\d{4,6}-(0[1-9]|1[0-2])-/.test(JSON.stringify(v)));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('name', 'size', 'tags', 'icp'), value),
        fc.dictionary(fc.constantFrom('name', 'note', 'deleted'), value),
        (fields, patch) => {
          const created = createRow('r1', fields, S);
          const patched = patchRow(created, { ...patch, deleted: patch.deleted === true }, S2)?.row ?? created;
          expect(check(JSON.parse(JSON.stringify(body(patched))))).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('checkRows: problems', () => {
  it('reports a body that is not { tables: { name: rows[] } } as "shape"', () => {
    for (const b of [null, 42, 'x', [], {}, { tables: [] }, { tables: null }, { tables: { deals: {} } }, { tables: { deals: 'rows' } }]) {
      expect([b, check(b)]).toEqual([b, { kind: 'shape' }]);
    }
  });

  it('reports an unsafe key anywhere: body, tables, row, stamps, a value, an array in a value', () => {
    for (const key of UNSAFE_KEYS) {
      const k = JSON.stringify(key);
      const rowJson = `{"id":"r1","name":"x","deleted":false,"stamps":{"name":"${S}","deleted":"${S}"},"updatedAt":"${S}"}`;
      const cases = [
        `{"tables":{},${k}:{}}`,
        `{"tables":{${k}:[${rowJson}]}}`,
        `{"tables":{"t":[${rowJson.replace('"name":"x"', `"name":"x",${k}:1`)}]}}`,
        `{"tables":{"t":[${rowJson.replace('"deleted":"', `${k}:"${S}","deleted":"`)}]}}`,
        `{"tables":{"t":[${rowJson.replace('"name":"x"', `"name":{"a":{${k}:{"polluted":1}}}`)}]}}`,
        `{"tables":{"t":[${rowJson.replace('"name":"x"', `"name":[0,[{${k}:1}]]`)}]}}`,
      ];
      for (const json of cases) expect([json, check(parsed(json))]).toEqual([json, { kind: 'unsafeKey', key }]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports an unsafe key even where the object is malformed otherwise', () => {
    // Not plain objects (a null prototype), but with a "constructor" key: named as the unsafe key.
    const bare = Object.assign(Object.create(null) as object, { constructor: 1 });
    expect(check(bare)).toEqual({ kind: 'unsafeKey', key: 'constructor' });
    expect(check({ tables: bare })).toEqual({ kind: 'unsafeKey', key: 'constructor' });
    expect(check(body(bare))).toEqual({ kind: 'unsafeKey', key: 'constructor' });
    expect(check(body(row({ stamps: bare })))).toEqual({ kind: 'unsafeKey', key: 'constructor' });
    // Without an unsafe key, a null-prototype row is just not an object.
    expect(check(body(Object.create(null)))).toEqual({ kind: 'badRow', table: 'deals', index: 0, reason: 'not an object' });
  });

  it(`reports nesting past ${MAX_VALUE_DEPTH} levels as "tooDeep", also 10,000 levels (no recursion)`, () => {
    const nest = (n: number): unknown => JSON.parse('['.repeat(n) + ']'.repeat(n));
    expect(check(body(row({ name: nest(MAX_VALUE_DEPTH) })))).toBeNull();
    expect(check(body(row({ name: nest(MAX_VALUE_DEPTH + 1) })))).toEqual({ kind: 'tooDeep' });
    expect(check(body(row({ name: nest(10_000) })))).toEqual({ kind: 'tooDeep' });
    expect(check(body(row({ name: JSON.parse('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)) })))).toEqual({ kind: 'tooDeep' });
  });

  it('reports one id in two tables (or twice in one) as "idCollision"', () => {
    expect(check({ tables: { deals: [row()], tasks: [row()] } })).toEqual({
      kind: 'idCollision',
      id: 'r1',
      table: 'tasks',
      other: 'deals',
    });
    expect(check(body(row(), row()))).toEqual({ kind: 'idCollision', id: 'r1', table: 'deals', other: 'deals' });
  });

  it('reports an updatedAt past latestAllowedMs as "futureStamp" with its time', () => {
    const late = stamp(LATEST + 2 * 86_400_000);
    expect(check(body(row({ stamps: { name: late, deleted: S }, updatedAt: late })))).toEqual({
      kind: 'futureStamp',
      ms: LATEST + 2 * 86_400_000,
    });
    const edge = stamp(LATEST);
    expect(check(body(row({ stamps: { name: edge, deleted: S }, updatedAt: edge })))).toBeNull();
  });

  it('reports a 10-digit (year 30000) field stamp as "futureStamp"', () => {
    const y30000 = `${Date.UTC(30000, 0, 1).toString(36)}-0000-00000000000000aa`;
    expect(check(body(row({ stamps: { name: y30000, deleted: S } })))).toEqual({ kind: 'futureStamp', ms: 8.64e15 });
  });

  it('reports impossible years in strings, at any depth, as "badDate"', () => {
    expect(check(body(row({ name: '30000-01-01' })))).toEqual({ kind: 'badDate', table: 'deals', field: 'name', value: '30000-01-01' });
    expect(check(body(row({ name: { due: ['0999-12-31T00:00:00Z'] } })))).toEqual({
      kind: 'badDate',
      table: 'deals',
      field: 'name',
      value: '0999-12-31T00:00:00Z',
    });
    for (const ok of ['1000-01-01', '2999-12-31', '2026-05-01T10:00:00Z', '30000', 'on 30000-01-01', '2026-00-01', '2026-01-32']) {
      expect([ok, check(body(row({ name: ok })))]).toEqual([ok, null]);
    }
  });

  it('reports broken sync meta as "badRow" with the table, the row index and why', () => {
    const bad = (r: unknown, reason: string): void => {
      expect(check({ tables: { tasks: [row({ id: 'ok' }), r] } })).toEqual({ kind: 'badRow', table: 'tasks', index: 1, reason });
    };
    bad('row', 'not an object');
    bad([row()], 'not an object');
    bad(row({ id: 7 }), 'no valid id');
    bad(row({ id: '' }), 'no valid id');
    bad(row({ id: 'x'.repeat(201) }), 'no valid id');
    bad(row({ id: 'a\u0000b' }), 'no valid id');
    bad(row({ stamps: 'S' }), 'no stamps');
    bad(row({ deleted: 0 }), 'no deleted flag');
    bad(row({ updatedAt: 'later' }), 'no valid updatedAt');
    bad(row({ stamps: { name: S, deleted: S, updatedAt: S } }), 'a stamp for updatedAt');
    bad(row({ stamps: { name: 'S', deleted: S } }), 'an invalid stamp for name');
    // A stamp repeated from the field before is not checked twice; anything else after it still is.
    bad(row({ stamps: { name: S, deleted: S, note: '' }, note: 'x' }), 'an invalid stamp for note');
    bad(row({ stamps: { name: '', deleted: S } }), 'an invalid stamp for name');
    bad(row({ stamps: { name: S, deleted: null } }), 'an invalid stamp for deleted');
    bad(row({ stamps: { name: null, deleted: null } }), 'an invalid stamp for name');
    bad(row({ stamps: { name: S2, deleted: S } }), 'updatedAt is not its latest stamp');
    bad(row({ stamps: { name: S } }), 'no stamp for deleted');
    bad(row({ note: 'x' }), 'no stamp for note');
    bad(row({ name: 'x'.repeat(1_000_001) }), 'field name is too long');
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 500; i++) wide[`f${i}`] = i;
    bad(row(wide), 'too many fields');
    expect(check(body(row({ id: 'x'.repeat(200) })))).toBeNull();
  });

  it('returns the first problem in file order, and leaves the body untouched', () => {
    const b = { tables: { deals: [row({ deleted: 'no' })], tasks: [row({ id: 'p', name: '30000-01-01' })] } };
    const before = JSON.stringify(b);
    expect(check(b)).toMatchObject({ kind: 'badRow', table: 'deals' });
    expect(JSON.stringify(b)).toBe(before);
  });

  it('never throws, whatever JSON it is given (property)', () => {
    const rowish = fc.record(
      {
        id: fc.oneof(fc.string(), fc.jsonValue()),
        deleted: fc.jsonValue(),
        stamps: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string(), fc.constantFrom(S, S2, 'x'))),
        updatedAt: fc.constantFrom(S, S2, 'x', 1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.string(), fc.array(fc.oneof(rowish, fc.jsonValue()))).map((tables) => ({ tables })),
        ),
        (b) => {
          const r = check(b);
          expect(r === null || typeof r.kind === 'string').toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
