import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '../domain/account';
import { decodeSyncFile, SyncFileError } from './codec';
import { createRow } from './row';
import fc from 'fast-check';
import { BodyScanner, bodyBudget, emptyLayout, MIN_ROW_BYTES, scanBody } from './scan';
import { craftFile, headerFor, stamp, T0 } from './testing';

const enc = (s: string) => new TextEncoder().encode(s);
const S = stamp(T0 + 1000);
const OPTS = { latestAllowedMs: T0 + 365 * 86_400_000 };

describe('scanBody: a real body from a bomb, before parsing', () => {
  it('passes real rows, with strings that hold brackets, quotes and escapes', () => {
    const rows = [
      createRow('a1', defaultAccountFields({ name: 'Acme ]},{"x": [ \\"quoted\\" }' }), S),
      createRow('a2', defaultAccountFields({ name: '北京 {' }), S),
    ];
    const body = JSON.stringify({ tables: { accounts: rows, lines: [] } });
    expect(scanBody(enc(body), 2, 40)).toBeNull();
  });

  it('finds the same rows whether it sees the body at once or in pieces cut anywhere, whatever the strings hold', () => {
    // Short and long strings full of quotes, backslashes and brackets: where a string ends is found
    // byte by byte near its start and by the native search further on, across the cuts too.
    const text = fc.string({ unit: fc.constantFrom('"', '\\', '\\\\', '\\"', '{', ']', ',', 'a', '北', ' '), maxLength: 90 });
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
        (names, cuts) => {
          const rows = names.map((name, i) => createRow(`r${i}`, defaultAccountFields({ name, notes: name.repeat(3) }), S));
          const bytes = enc(JSON.stringify({ tables: { accounts: rows } }));
          const whole = emptyLayout();
          expect(scanBody(bytes, rows.length, 40, whole)).toBeNull();
          const pieces = emptyLayout();
          const scanner = new BodyScanner(rows.length, 40, pieces);
          let at = 0;
          for (let k = 0; at < bytes.length; k++) {
            at = Math.min(bytes.length, at + cuts[k % cuts.length]!);
            expect(scanner.scan(bytes, at)).toBeNull();
          }
          expect(scanner.end()).toBeNull();
          expect(pieces).toEqual(whole);
          expect(
            whole.starts
              .map((s, i) => JSON.parse(new TextDecoder().decode(bytes.subarray(s, whole.ends[i]))))
              .map((r: { id: string }) => r.id),
          ).toEqual(rows.map((r) => r.id));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the smallest valid row is longer than MIN_ROW_BYTES', () => {
    const smallest = JSON.stringify({ id: 'x', stamps: { deleted: S }, updatedAt: S, deleted: false });
    expect(smallest.length).toBeGreaterThan(MIN_ROW_BYTES);
  });

  it('refuses rows too small to be rows, more rows than declared, and nesting past the limit', () => {
    expect(scanBody(enc('{"tables":{"accounts":[{},{}]}}'), 2, 40)).toBe('shortRow');
    expect(scanBody(enc('{"tables":{"accounts":[1,2,3]}}'), 3, 40)).toBe('shortRow');
    const row = JSON.stringify(createRow('a1', { name: 'x'.repeat(60) }, S));
    expect(scanBody(enc(`{"tables":{"accounts":[${row},${row}]}}`), 1, 40)).toBe('tooManyRows');
    expect(scanBody(enc(`{"tables":{"accounts":[${'['.repeat(50)}${']'.repeat(50)}]}}`), 1, 40)).toBe('tooDeep');
    expect(scanBody(enc('{"tables":{"accounts":[]}'), 0, 40)).toBe('unbalanced');
  });

  it('bounds what a body may unpack to by its declared rows', () => {
    expect(bodyBudget(0, 768 << 20)).toBe(64 * 1024);
    expect(bodyBudget(1, 768 << 20)).toBe(64 * 1024 + 4 * 1024 * 1024);
    expect(bodyBudget(10_000_000, 768 << 20)).toBe(768 << 20);
  });
});

describe('a 100 KB file that unpacks to tens of millions of objects', () => {
  // 35 million empty objects: about 105 MB of JSON, about 100 KB gzipped.
  const COUNT = 35_000_000;
  const bomb = (() => {
    const unit = Buffer.from('{},'.repeat(1_000_000));
    const parts = [Buffer.from('{"tables":{"accounts":[')];
    for (let i = 0; i < COUNT / 1_000_000; i++) parts.push(unit);
    parts.push(Buffer.from('{}]}}'));
    return new Uint8Array(gzipSync(Buffer.concat(parts), { level: 9 }));
  })();

  async function refusedIn(declaredRows: number): Promise<{ code: string; ms: number }> {
    const file = await craftFile(bomb, await headerFor({ accounts: declaredRows }));
    const t0 = performance.now();
    const err: unknown = await decodeSyncFile(file, OPTS).catch((e: unknown) => e);
    const ms = performance.now() - t0;
    expect(err).toBeInstanceOf(SyncFileError);
    return { code: (err as SyncFileError).code, ms };
  }

  it('is about 100 KB', () => {
    expect(bomb.length).toBeLessThan(200 * 1024);
  });

  it('is refused in well under 5 s when its header tells the truth about nothing (a small row count)', async () => {
    const r = await refusedIn(3);
    expect(r.code).toBe('implausible');
    expect(r.ms).toBeLessThan(5000);
  });

  it('is refused in under 5 s when its header claims 10 million rows', async () => {
    const r = await refusedIn(10_000_000);
    expect(r.code).toBe('implausible');
    expect(r.ms).toBeLessThan(5000);
  }, 20_000);
});
