import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '../domain/account';
import { parsedBody, readChecked, type SyncBody } from './body';
import { SyncFileError } from './errors';
import type { AnyRow } from './merge';
import { webPlatform } from './platform';
import { createRow } from './row';
import { PARSE_ROWS, streamedBody } from './streamedBody';
import { stamp, T0 } from './testing';

const enc = (s: string) => new TextEncoder().encode(s);
const p = webPlatform();
const S = stamp(T0 + 1000);
const LATEST = T0 + 365 * 86_400_000;

/** Accounts with names that hold JSON's own structure, escapes and scripts beyond Latin. */
function accounts(n: number): AnyRow[] {
  const names = ['Acme ]},{"x": [ \\"quoted\\" }', '北京 {', 'Ромашка, ООО', 'tab\tand\nnewline', 'back\\slash\\', 'emoji 🚢 ,]'];
  return Array.from({ length: n }, (_, i) => {
    const fields: Record<string, unknown> = {
      ...defaultAccountFields({ name: `${names[i % names.length]} ${i}` }),
      extra: [['x', i], { y: [] }],
    };
    return createRow(`a${i}`, fields, S) as AnyRow;
  });
}

/** A body as an import reads it: packed, with the tables its header declares. */
function streamed(text: string, tables: Record<string, number>): SyncBody {
  const rows = Object.values(tables).reduce((n, x) => n + x, 0);
  const tooLarge = () => new SyncFileError('implausible');
  return streamedBody(gzipSync(enc(text)), { tables, rows, maxDepth: 40, budget: 64 * 1024 * 1024, tooLarge }, p);
}

/** The code a body is refused with once read to its end, or 'read'. */
function outcome(text: string, tables: Record<string, number>): string {
  try {
    readChecked(streamed(text, tables), LATEST);
    return 'read';
  } catch (e) {
    return e instanceof SyncFileError ? e.code : String(e);
  }
}

/** Every row of a body, read in batches of `size`. */
function batches(body: SyncBody, size: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  body.tables.forEach((t, i) => {
    const rows: unknown[] = [];
    for (let at = 0; at < t.rows; at += size) rows.push(...body.rows(i, at, Math.min(at + size, t.rows)));
    out[t.name] = rows;
  });
  return out;
}

describe('streamedBody: rows inflated, scanned and parsed a batch at a time', () => {
  const tables = { accounts: accounts(400), empty: [], notes: accounts(70).map((r) => ({ ...r, id: `n-${r.id}` })) };
  const declared = { accounts: 400, empty: 0, notes: 70 };

  it.each([
    ['compact', JSON.stringify({ tables })],
    ['indented', JSON.stringify({ tables }, null, 2)],
    ['with tabs and line breaks between elements', JSON.stringify({ tables }).replaceAll('},{"id"', '}\r\n\t, {"id"')],
  ])('gives the rows JSON.parse gives, in any batch size (%s)', (_what, text) => {
    const whole = (JSON.parse(text) as { tables: Record<string, unknown[]> }).tables;
    for (const size of [1, 7, 400, 5000]) {
      const body = streamed(text, declared);
      expect(body.tables).toEqual([
        { name: 'accounts', rows: 400 },
        { name: 'empty', rows: 0 },
        { name: 'notes', rows: 70 },
      ]);
      expect(batches(body, size)).toEqual(whole);
      expect(() => body.finish()).not.toThrow();
    }
    expect(readChecked(streamed(text, declared), LATEST)).toEqual(readChecked(parsedBody(JSON.parse(text)), LATEST));
  });

  it('holds the body to its header: each table its declared rows, in the declared order, nothing else', () => {
    const rows = JSON.stringify(accounts(3));
    const one = (name: string) => `{"tables":{"${name}":${rows}}}`;
    expect(outcome(one('accounts'), { accounts: 3 })).toBe('read');
    expect(outcome(one('accounts'), { accounts: 2 })).toBe('implausible'); // more rows than declared in all
    expect(outcome(one('accounts'), { accounts: 4 })).toBe('damaged');
    expect(outcome(one('accounts'), { accounts: 3, notes: 0 })).toBe('damaged');
    expect(outcome(`{"tables":{"notes":[],"accounts":${rows}}}`, { accounts: 3, notes: 0 })).toBe('damaged');
    // A name twice (JSON.parse would keep only the last array).
    expect(outcome(`{"tables":{"accounts":${rows},"accounts":[]}}`, { accounts: 3, empty: 0 })).toBe('damaged');
    // An object where a table's array belongs, and an array outside "tables".
    expect(outcome(`{"tables":{"accounts":{"a":${rows}}}}`, { accounts: 3 })).toBe('damaged');
    expect(outcome(`{"tables":{"accounts":${rows}},"x":{"y":[]}}`, { accounts: 3 })).toBe('damaged');
    expect(outcome(`${one('accounts')} []`, { accounts: 3 })).toBe('damaged');
    expect(outcome(one('accounts').slice(0, -1), { accounts: 3 })).toBe('damaged');
  });

  it('refuses a frame that is wrong as a whole body would be', () => {
    const rows = JSON.stringify(accounts(2));
    expect(outcome(`{"tables":{"constructor":${rows}}}`, { constructor: 2 })).toBe('unsafeKeys');
    expect(outcome(`{"tables":{"accounts":${rows}},"extra":true}`, { accounts: 2 })).toBe('damaged');
  });

  it('refuses rows the scan and JSON do not agree on, bombs and nesting past the limit', () => {
    const [a, b] = accounts(2).map((r) => JSON.stringify(r));
    // Two rows with no comma between them: one element to the scan, not to JSON.
    expect(outcome(`{"tables":{"accounts":[${a} ${b}]}}`, { accounts: 1 })).toBe('damaged');
    expect(outcome(`{"tables":{"accounts":[${'{},'.repeat(1000)}{}]}}`, { accounts: 1001 })).toBe('implausible');
    expect(outcome(`{"tables":{"accounts":[${'['.repeat(50)}${']'.repeat(50)}]}}`, { accounts: 1 })).toBe('tooDeep');
    expect(outcome(`{"tables":{"accounts":["${'x'.repeat(200)}]}}`, { accounts: 1 })).toBe('damaged');
    // A trailing comma (found by the property below): each row parses alone, the body is not JSON.
    expect(outcome(`{"tables":{"accounts":[${a}, ]}}`, { accounts: 1 })).toBe('damaged');
    // An empty element between two commas is shorter than any row.
    expect(outcome(`{"tables":{"accounts":[${a},,${b}]}}`, { accounts: 2 })).toBe('implausible');
    expect(outcome(`{"tables":{"accounts":[ ]}}`, { accounts: 0 })).toBe('read');
  });

  it('refuses what a review found it read that JSON does not: a byte-order mark before a batch, bad UTF-8 in the frame, a broken gzip trailer, rows of another table', () => {
    const [a, b] = accounts(2).map((r) => JSON.stringify(r));
    const bom = streamed(`{"tables":{"accounts":[${a},\uFEFF${b}]}}`, { accounts: 2 });
    expect(bom.rows(0, 0, 1)).toHaveLength(1);
    expect(() => bom.rows(0, 1, 2)).toThrow(expect.objectContaining({ code: 'damaged' }) as Error);
    // A batch is parsed a few rows at a time: a mark before the first row of any of its parts is found too.
    const many = accounts(PARSE_ROWS + 5).map((r) => JSON.stringify(r));
    for (const at of [PARSE_ROWS, 3]) {
      const marked = many.map((r, i) => (i === at ? `\uFEFF${r}` : r)).join(',');
      const body = streamed(`{"tables":{"accounts":[${marked}]}}`, { accounts: many.length });
      expect(() => body.rows(0, 0, many.length)).toThrow(expect.objectContaining({ code: 'damaged' }) as Error);
    }
    const options = { tables: { accounts: 1 }, rows: 1, maxDepth: 40, budget: 1 << 20, tooLarge: () => new SyncFileError('tooLarge') };
    const readAll = (packed: Uint8Array) => () => readChecked(streamedBody(packed, options, p), LATEST);
    const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((x) => [...x]));
    expect(readAll(gzipSync(join(enc(`{"tables":{"accounts":[${a}]},"`), Uint8Array.of(0xff), enc('":1}'))))).toThrow(
      expect.objectContaining({ code: 'damaged' }) as Error,
    );
    const gz = gzipSync(enc(`{"tables":{"accounts":[${a}]}}`));
    expect(readAll(gz)).not.toThrow();
    const wrongLength = gz.slice();
    wrongLength[wrongLength.length - 1]! ^= 0x01;
    expect(readAll(wrongLength)).toThrow(expect.objectContaining({ code: 'damaged' }) as Error);
    expect(readAll(gz.subarray(0, gz.length - 8))).toThrow(SyncFileError);
    // The trailer's length sizes the first buffer; a short or huge claim only changes how it grows
    // (a body of several steps: the noise does not pack).
    let seed2 = 11;
    const noise2 = Array.from({ length: 600_000 }, () => ((seed2 = (seed2 * 48271) % 2147483647) % 36).toString(36)).join('');
    const many2 = JSON.stringify({ tables: { accounts: [...accounts(299), { ...accounts(1)[0]!, id: 'noisy', extra: noise2 }] } });
    const truth = gzipSync(enc(many2));
    expect(truth.length).toBeGreaterThan(3 * 128 * 1024);
    expect(
      batches(streamedBody(truth, { ...options, tables: { accounts: 300 }, rows: 300, budget: 64 << 20 }, p), 100).accounts,
    ).toHaveLength(300);
    for (const claim of [1, 0xffffffff]) {
      const packed = truth.slice();
      new DataView(packed.buffer, packed.byteOffset).setUint32(packed.length - 4, claim, true);
      const read = () => batches(streamedBody(packed, { ...options, tables: { accounts: 300 }, rows: 300, budget: 64 << 20 }, p), 100);
      // The claim is still checked against what was unpacked once the body is all in.
      expect(read).toThrow(expect.objectContaining({ code: 'damaged' }) as Error);
    }
    // Table a declared with one row but holding more, its array closing only later (after a row that does not pack):
    // b's first row must not be taken from a's array.
    let seed = 7;
    const noise = Array.from({ length: 400_000 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
    const big = JSON.stringify({ ...JSON.parse(a!), id: 'big', extra: noise });
    const other = streamed(`{"tables":{"a":[${a},${b},${big}],"b":[]}}`, { a: 1, b: 2 });
    expect(() => other.rows(1, 0, 1)).toThrow(expect.objectContaining({ code: 'damaged' }) as Error);
  });

  it('stops at its budget, on the step taken as it is opened (a bomb is refused before any backup is made for it)', () => {
    const text = JSON.stringify({ tables: { accounts: accounts(50) } });
    const options = { tables: { accounts: 50 }, rows: 50, maxDepth: 40, budget: 10_000, tooLarge: () => new SyncFileError('tooLarge') };
    expect(() => streamedBody(gzipSync(enc(text)), options, p)).toThrow(expect.objectContaining({ code: 'tooLarge' }) as Error);
  });
});

describe('streamedBody against JSON.parse of the whole body (property)', () => {
  /** Rows of a table no rule names, with any text, nesting and numbers in their fields. */
  const rowArb = fc.record({
    text: fc.string({ unit: 'grapheme', maxLength: 40 }),
    note: fc.constantFrom('', '"', '\\', '\\"', '}]', '[{', ',', 'Ромашка', '北京', '🚢'),
    n: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    list: fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  });
  const bodyArb = fc.record({
    notes: fc.array(rowArb, { maxLength: 30 }),
    memosOld: fc.array(rowArb, { maxLength: 10 }),
    indent: fc.constantFrom(undefined, 0, 1, 2, '\t'),
  });
  const toTables = (b: { notes: unknown[]; memosOld: unknown[] }) => ({
    notes: b.notes.map((f, i) => createRow(`n${i}`, f as Record<string, unknown>, S)),
    memosOld: b.memosOld.map((f, i) => createRow(`m${i}`, f as Record<string, unknown>, S)),
  });

  it('reads exactly what JSON.parse reads, in any batch size and layout', () => {
    fc.assert(
      fc.property(bodyArb, fc.integer({ min: 1, max: 40 }), (b, size) => {
        const tables = toTables(b);
        const text = JSON.stringify({ tables }, null, b.indent);
        const body = streamed(text, { notes: tables.notes.length, memosOld: tables.memosOld.length });
        expect(batches(body, size)).toEqual(JSON.parse(text).tables);
        body.finish();
      }),
      { numRuns: 150 },
    );
  });

  it('never reads a damaged body as anything other than what JSON.parse would read', () => {
    fc.assert(
      fc.property(
        bodyArb,
        fc.nat(),
        fc.constantFrom('"', '\\', ',', '[', ']', '{', '}', ' ', 'x', ':', ''),
        fc.boolean(),
        (b, at, ch, insert) => {
          const tables = toTables(b);
          const good = JSON.stringify({ tables }, null, b.indent);
          const i = at % good.length;
          // A character replaced, inserted or (replaced by nothing) deleted.
          const text = good.slice(0, i) + ch + good.slice(insert ? i : i + 1);
          const declared = { notes: tables.notes.length, memosOld: tables.memosOld.length };
          let read: Record<string, unknown[]> | null = null;
          try {
            const body = streamed(text, declared);
            read = batches(body, 7);
            body.finish();
          } catch (e) {
            expect(e).toBeInstanceOf(SyncFileError);
            return;
          }
          // Read: the whole body (as its bytes say: a lone surrogate is U+FFFD in UTF-8) must parse to the same tables.
          expect((JSON.parse(new TextDecoder().decode(enc(text))) as { tables: unknown }).tables).toEqual(read);
        },
      ),
      { numRuns: 400 },
    );
  });
});
