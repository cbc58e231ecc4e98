import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '../domain/account';
import { decodeSyncFile, SyncFileError } from './codec';
import { createRow } from './row';
import { bodyBudget, MIN_ROW_BYTES, scanBody } from './scan';
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
