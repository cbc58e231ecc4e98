import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeSyncFile, encodeSyncFile, MAX_FILE_BYTES, SyncFileError } from './codec';
import type { AnyRow } from './merge';
import { TooLargeError, webPlatform, type SyncPlatform } from './platform';
import { MAX_VALUE_DEPTH } from './validate';
import { CHECKSUM_ZEROS, craftFile, headerFor, prototypeKeys, sampleInput, stamp, T0 } from './testing';

const DAY = 86_400_000;
const LATEST = T0 + 365 * DAY;
const OPTS = { latestAllowedMs: LATEST };
const S = stamp(T0 + 1000);
const MAGIC_LENGTH = 'WAYPOINT-SYNC\n'.length;

/** The code a file is refused with, or 'accepted'; anything but a SyncFileError fails the test. */
async function codeOf(bytes: Uint8Array, opts: { latestAllowedMs: number; passphrase?: string } = OPTS, p?: SyncPlatform): Promise<string> {
  try {
    await decodeSyncFile(bytes, opts, p);
    return 'accepted';
  } catch (e) {
    if (e instanceof SyncFileError) return e.code;
    throw e;
  }
}

async function errorOf(bytes: Uint8Array): Promise<SyncFileError> {
  const e: unknown = await decodeSyncFile(bytes, OPTS).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(SyncFileError);
  return e as SyncFileError;
}

/** One row as JSON text, with room for hand-written extras no object literal would keep. */
const rowText = ({ id = 'r1', value = '"Acme"', extra = '', stamps = '' } = {}): string =>
  `{"id":${JSON.stringify(id)},"name":${value}${extra},"deleted":false,"stamps":{"name":"${S}","deleted":"${S}"${stamps}},"updatedAt":"${S}"}`;
const oneTable = (row: string = rowText()): string => `{"tables":{"deals":[${row}]}}`;
const craft = (
  body: string | Uint8Array,
  tables: Record<string, number> = { deals: 1 },
  overrides: Record<string, unknown> = {},
): Promise<Uint8Array> => headerFor(tables, overrides).then((h) => craftFile(body, h));
/** A file encodeSyncFile writes for these rows (counts and checksum right, rows as given). */
const encodeRows = (tables: Record<string, readonly unknown[]>): Promise<Uint8Array> =>
  encodeSyncFile({ ...sampleInput(), tables: tables as Record<string, AnyRow[]> });

let before: string[] = [];
beforeAll(() => {
  before = prototypeKeys();
});
afterEach(() => {
  // Whatever a file holds, nothing may reach Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual(before);
  expect({}.constructor).toBe(Object);
});

describe('files that are not whole Waypoint files', () => {
  it('the crafted-file helper makes files the codec accepts (so refusals below are about the one change)', async () => {
    expect(await codeOf(await craft(oneTable()))).toBe('accepted');
  });

  it('refuses an empty file as "empty"', async () => {
    expect(await codeOf(new Uint8Array(0))).toBe('empty');
  });

  it('refuses a PDF, a zip and a near miss of the magic as "notOurs"', async () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(await codeOf(enc('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'))).toBe('notOurs');
    expect(await codeOf(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, ...enc('WAYPOINT-SYNC\n')]))).toBe(
      'notOurs',
    );
    expect(await codeOf(enc('waypoint-sync\n{}\n'))).toBe('notOurs');
    expect(await codeOf(enc('\ufeffWAYPOINT-SYNC\n{}\n'))).toBe('notOurs');
    expect(await codeOf(enc('WAYPOINT-SYNC'))).toBe('notOurs');
  });

  it('refuses the magic line with no header line after it as "damaged"', async () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(await codeOf(enc('WAYPOINT-SYNC\n'))).toBe('damaged');
    expect(await codeOf(enc('WAYPOINT-SYNC\n{"format":"waypoint-sync"'))).toBe('damaged');
    expect(await codeOf(enc('WAYPOINT-SYNC\nnot json\n'))).toBe('damaged');
  });

  it('refuses a 200 MB file as "tooLarge" at once, before reading it', async () => {
    const huge = new Uint8Array(200 * 1024 * 1024);
    huge.set(new TextEncoder().encode('WAYPOINT-SYNC\n'));
    const started = performance.now();
    const e = await errorOf(huge);
    expect(performance.now() - started).toBeLessThan(500);
    expect(e).toMatchObject({ code: 'tooLarge', detail: { megabytes: 200 } });
    // The limit itself: one byte over is too large, at the limit the header is read (and this one is damaged).
    const atLimit = huge.subarray(0, MAX_FILE_BYTES);
    expect(await codeOf(atLimit)).toBe('damaged');
    const over = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(await codeOf(over)).toBe('tooLarge');
  });
});

describe('every truncation and every flipped byte of a valid file', () => {
  /** Expected: nothing at all is "empty", a cut magic is "notOurs", everything after is "damaged". */
  const expectedAt = (offset: number): string => (offset === 0 ? 'empty' : offset < MAGIC_LENGTH ? 'notOurs' : 'damaged');

  it.each([
    ['unencrypted', null],
    ['encrypted', 'pass'],
  ])('refuses a %s file cut at every byte offset', async (_label, passphrase) => {
    const bytes = await encodeSyncFile(sampleInput(passphrase));
    const opts = { ...OPTS, passphrase: passphrase ?? undefined };
    expect(await codeOf(bytes, opts)).toBe('accepted');
    const wrong: string[] = [];
    for (let cut = 0; cut < bytes.length; cut++) {
      const code = await codeOf(bytes.subarray(0, cut), opts);
      if (code !== expectedAt(cut)) wrong.push(`${cut}: ${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['unencrypted', null],
    ['encrypted', 'pass'],
  ])(
    'refuses a %s file with any one byte flipped (xor 0x01, xor 0xff) as damaged, never as a wrong passphrase',
    async (_label, passphrase) => {
      const bytes = await encodeSyncFile(sampleInput(passphrase));
      // The right passphrase is given: a flipped byte must still be "damaged" (the checksum comes before decryption).
      const opts = { ...OPTS, passphrase: passphrase ?? undefined };
      const wrong: string[] = [];
      // The version digit is read before the checksum (a newer format may have another header): 2 ^ 1 reads as version 3.
      const versionDigit = new TextDecoder().decode(bytes).indexOf('"formatVersion":') + '"formatVersion":'.length;
      for (let at = 0; at < bytes.length; at++) {
        for (const mask of [0x01, 0xff]) {
          const copy = bytes.slice();
          copy[at]! ^= mask;
          const code = await codeOf(copy, opts);
          const expected =
            at < MAGIC_LENGTH ? 'notOurs' : at === versionDigit && copy[at]! >= 0x33 && copy[at]! <= 0x39 ? 'newerFormat' : 'damaged';
          if (code !== expected) wrong.push(`${at}^${mask}: ${code}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('bodies that are not a gzip of a tables object', () => {
  it('refuses a body that is not gzip, a cut gzip, and a gzip of text that is not JSON or not UTF-8', async () => {
    expect(await codeOf(await craft(new TextEncoder().encode(oneTable())))).toBe('damaged');
    const gz = gzipSync(Buffer.from(oneTable()));
    expect(await codeOf(await craft(new Uint8Array(gz.subarray(0, gz.length - 6))))).toBe('damaged');
    expect(await codeOf(await craft('{"tables":'))).toBe('damaged');
    expect(await codeOf(await craft(new Uint8Array(gzipSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))))).toBe('damaged');
  });

  it('refuses bodies of the wrong shape as "damaged"', async () => {
    for (const body of [
      'null',
      '[]',
      '"tables"',
      '{}',
      '{"tables":[]}',
      '{"tables":{"deals":{}}}',
      '{"tables":{"1abc":[]}}',
      `{"tables":{"deals":[${rowText()}]},"extra":1}`,
    ]) {
      expect([body, await codeOf(await craft(body, {}))]).toEqual([body, 'damaged']);
    }
  });

  it('says "implausible" when the body unpacks past what its rows could fill (a decompression bomb)', async () => {
    // The real budget (4 MB a row) is slow to reach here: a platform that stops at 1 kB shows the mapping.
    const small: SyncPlatform = { ...webPlatform(), gunzip: (data) => webPlatform().gunzip(data, 1024) };
    const bomb = await craft(oneTable(rowText({ value: JSON.stringify('x'.repeat(5000)) })));
    expect(await codeOf(bomb, OPTS, small)).toBe('implausible');
    expect(await codeOf(bomb)).toBe('accepted');
  });

  it('gunzip stops with TooLargeError past maxBytes, and returns the exact bytes within it', async () => {
    const zeros = new Uint8Array(gzipSync(Buffer.alloc(4 * 1024 * 1024)));
    const p = webPlatform();
    await expect(p.gunzip(zeros, 1024 * 1024)).rejects.toBeInstanceOf(TooLargeError);
    await expect(p.gunzip(zeros, 4 * 1024 * 1024 - 1)).rejects.toBeInstanceOf(TooLargeError);
    const out = await p.gunzip(zeros, 4 * 1024 * 1024);
    expect(out.length).toBe(4 * 1024 * 1024);
    expect(out.every((b) => b === 0)).toBe(true);
    await expect(p.gunzip(new Uint8Array([1, 2, 3, 4]), 1024)).rejects.not.toBeInstanceOf(TooLargeError);
  });
});

describe('malicious bodies in a valid file', () => {
  it('refuses a field value nested 10,000 deep as "tooDeep" (arrays or objects), without blowing the stack', async () => {
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    expect(await codeOf(await craft(oneTable(rowText({ value: arrays }))))).toBe('tooDeep');
    expect(await codeOf(await craft(oneTable(rowText({ value: objects }))))).toBe('tooDeep');
    // Outside any row it is just not the body's shape.
    expect(await codeOf(await craft(`{"tables":{},"x":${arrays}}`, {}))).toBe('damaged');
  });

  it(`accepts values nested ${MAX_VALUE_DEPTH} deep and refuses ${MAX_VALUE_DEPTH + 1}`, async () => {
    const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n);
    expect(await codeOf(await craft(oneTable(rowText({ value: nest(MAX_VALUE_DEPTH) }))))).toBe('accepted');
    expect(await codeOf(await craft(oneTable(rowText({ value: nest(MAX_VALUE_DEPTH + 1) }))))).toBe('tooDeep');
  });

  describe.each(['__proto__', 'constructor', 'prototype'])('the key %s', (key) => {
    const payload = `"${key}":{"polluted":"yes"}`;
    it.each([
      ['on a row, with a stamp', oneTable(rowText({ extra: `,${payload}`, stamps: `,"${key}":"${S}"` })), { deals: 1 }],
      ['inside a field value', oneTable(rowText({ value: `{"a":{${payload}}}` })), { deals: 1 }],
      ['inside an array in a field value', oneTable(rowText({ value: `[1,{${payload}}]` })), { deals: 1 }],
      ["in a row's stamps", oneTable(rowText({ stamps: `,"${key}":"${S}"` })), { deals: 1 }],
      ['as a table name', `{"tables":{"${key}":[${rowText()}]}}`, {}],
      ['at the top of the body', `{"tables":{"deals":[${rowText()}]},${payload}}`, { deals: 1 }],
    ])('is refused as "unsafeKeys" %s', async (_where, body, counts) => {
      const e = await errorOf(await craft(body, counts));
      expect(e.code).toBe('unsafeKeys');
      expect(e.detail).toEqual({ key });
    });
  });

  it('refuses a header with a "__proto__" key as "damaged", without pollution', async () => {
    const text = JSON.stringify(await headerFor({ deals: 1 })).replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"');
    expect(text).toContain(CHECKSUM_ZEROS);
    expect(await codeOf(await craftFile(oneTable(), text))).toBe('damaged');
  });

  it('drops a "__proto__" key inside the header\'s knowledge (zod records skip it): accepted, nothing applied', async () => {
    const text = JSON.stringify(await headerFor({ deals: 1 })).replace('"knowledge":{', '"knowledge":{"__proto__":{"polluted":"yes"},');
    const { header } = await decodeSyncFile(await craftFile(oneTable(), text), OPTS);
    expect(Object.keys(header.knowledge)).toEqual(Object.keys(sampleInput().knowledge));
    expect(Object.getPrototypeOf(header.knowledge)).toBe(Object.prototype);
    expect((header.knowledge as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses one id in two tables as "idCollision", and one id twice in a table too', async () => {
    const e = await errorOf(await craft(`{"tables":{"deals":[${rowText()}],"tasks":[${rowText()}]}}`, { deals: 1, tasks: 1 }));
    expect(e).toMatchObject({ code: 'idCollision', detail: { id: 'r1', table: 'tasks', other: 'deals' } });
    expect(await codeOf(await craft(`{"tables":{"deals":[${rowText()},${rowText()}]}}`, { deals: 2 }))).toBe('idCollision');
  });

  it('accepts rows of tables this version does not know, and returns them', async () => {
    const body = `{"tables":{"deals":[${rowText()}],"retreatsV9":[${rowText({ id: 'r2', value: '{"seats":12}' })}]}}`;
    const decoded = await decodeSyncFile(await craft(body, { deals: 1, retreatsV9: 1 }), OPTS);
    expect(Object.keys(decoded.tables)).toEqual(['deals', 'retreatsV9']);
    expect(decoded.tables.retreatsV9).toEqual([
      { id: 'r2', name: { seats: 12 }, deleted: false, stamps: { name: S, deleted: S }, updatedAt: S },
    ]);
  });
});

describe('stamps and dates from the future', () => {
  // Year 30000 is past what 9 base-36 digits of milliseconds hold (the year 5138): it needs 10.
  const Y30000 = `${Date.UTC(30000, 0, 1).toString(36)}-0000-${'0'.repeat(14)}aa`;

  // Once a bug, now fixed: checkRow tests updatedAt's format before looking at the stamps, so a consistent row whose
  // stamps (and so updatedAt) are all in the year 30000 is refused as "badRow" ("no valid updatedAt"),
  // never reaching the 10-digit "futureStamp" branch meant for exactly this case.
  it('refuses a row stamped in the year 30000 as "futureStamp"', async () => {
    expect(Y30000.split('-')[0]).toHaveLength(10);
    const row = { id: 'r1', name: 'x', deleted: false, stamps: { name: Y30000, deleted: Y30000 }, updatedAt: Y30000 };
    expect(await codeOf(await encodeRows({ deals: [row] }))).toBe('futureStamp');
  });

  it('refuses a field stamp in the year 30000 as "futureStamp" when updatedAt is a valid stamp', async () => {
    const row = { id: 'r1', name: 'x', deleted: false, stamps: { name: Y30000, deleted: S }, updatedAt: S };
    expect(await codeOf(await encodeRows({ deals: [row] }))).toBe('futureStamp');
  });

  it('refuses a stamp 2 days past latestAllowedMs as "futureStamp", and accepts one exactly at it', async () => {
    const at = (ms: number): Promise<Uint8Array> => {
      const s = stamp(ms);
      return encodeRows({ deals: [{ id: 'r1', name: 'x', deleted: false, stamps: { name: s, deleted: S }, updatedAt: s }] });
    };
    const e = await errorOf(await at(LATEST + 2 * DAY));
    expect(e).toMatchObject({ code: 'futureStamp', detail: { date: new Date(LATEST + 2 * DAY).toISOString().slice(0, 10) } });
    expect(await codeOf(await at(LATEST + 1))).toBe('futureStamp');
    expect(await codeOf(await at(LATEST))).toBe('accepted');
  });

  it('refuses a field value "30000-01-01" (and other impossible years) as "badDate"', async () => {
    const e = await errorOf(await craft(oneTable(rowText({ value: '"30000-01-01"' }))));
    expect(e).toMatchObject({ code: 'badDate', detail: { table: 'deals', field: 'name', value: '30000-01-01' } });
    for (const v of ['+030000-01-01', '30000-01-01T00:00:00.000Z', '0999-12-31', '3000-01-01']) {
      expect([v, await codeOf(await craft(oneTable(rowText({ value: JSON.stringify([{ due: v }]) }))))]).toEqual([v, 'badDate']);
    }
    for (const v of ['2026-05-01', '2999-12-31T23:59:59Z', '1000-01-01', '30000 apples', '2026-13-01']) {
      expect([v, await codeOf(await craft(oneTable(rowText({ value: JSON.stringify(v) }))))]).toEqual([v, 'accepted']);
    }
  });

  it('refuses a header createdAt in the year 30000 (or 1999) as "damaged"', async () => {
    for (const createdAt of ['30000-01-01T00:00:00.000Z', '+030000-01-01T00:00:00.000Z', '1999-12-31T23:59:59.000Z', '2026-01-02']) {
      const bytes = await encodeSyncFile({ ...sampleInput(), createdAt });
      expect([createdAt, await codeOf(bytes)]).toEqual([createdAt, 'damaged']);
    }
  });
});

describe('rows that break the sync meta', () => {
  const good = { id: 'r1', name: 'x', deleted: false, stamps: { name: S, deleted: S }, updatedAt: S };
  const later = stamp(T0 + 5000);
  it.each([
    ['updatedAt is not the largest stamp', { ...good, stamps: { name: later, deleted: S } }, 'updatedAt is not its latest stamp'],
    ['updatedAt is larger than every stamp', { ...good, updatedAt: later }, 'updatedAt is not its latest stamp'],
    ['a field has no stamp', { ...good, note: 'unstamped' }, 'no stamp for note'],
    ['deleted is a string', { ...good, deleted: 'false' }, 'no deleted flag'],
    ['deleted is missing', { id: 'r1', name: 'x', stamps: good.stamps, updatedAt: S }, 'no deleted flag'],
    ['the tombstone has no stamp', { ...good, stamps: { name: S } }, 'no stamp for deleted'],
    ['a meta field has a stamp', { ...good, stamps: { ...good.stamps, id: S } }, 'a stamp for id'],
    ['a stamp is not a stamp', { ...good, stamps: { ...good.stamps, name: 'yesterday' } }, 'an invalid stamp for name'],
    ['updatedAt is not a stamp', { ...good, updatedAt: 'now' }, 'no valid updatedAt'],
    ['the id is empty', { ...good, id: '' }, 'no valid id'],
    ['the id is a number', { ...good, id: 7 }, 'no valid id'],
    ['the id holds a control character', { ...good, id: 'r\n1' }, 'no valid id'],
    ['stamps is an array', { ...good, stamps: [S] }, 'no stamps'],
    ['the row is not an object', 42, 'not an object'],
    ['the row is null', null, 'not an object'],
  ])('refuses a row where %s as "badRow"', async (_what, row, reason) => {
    const e = await errorOf(await encodeRows({ deals: [good, row].map((r, i) => (i === 0 ? { ...good, id: 'r0' } : r)) }));
    expect(e).toMatchObject({ code: 'badRow', detail: { table: 'deals', index: 1, reason } });
  });
});

describe('a header that does not match its body', () => {
  it('refuses a per-table row count that differs from the body as "damaged"', async () => {
    expect(await codeOf(await craft(oneTable(), { deals: 2 }))).toBe('damaged');
    expect(await codeOf(await craft(oneTable(), { deals: 0 }))).toBe('damaged');
    // A table in the body the header does not list.
    expect(await codeOf(await craft(`{"tables":{"deals":[${rowText()}],"tasks":[${rowText({ id: 'r2' })}]}}`, { deals: 1 }))).toBe(
      'damaged',
    );
    // A table the header lists with rows the body does not have.
    expect(await codeOf(await craft(oneTable(), { deals: 1, tasks: 1 }))).toBe('damaged');
    // Listing a table with zero rows is fine.
    expect(await codeOf(await craft(oneTable(), { deals: 1, tasks: 0 }))).toBe('accepted');
  });

  // Once a bug, now fixed: decodeSyncFile compares the per-table counts but never contents.rows, so the preview's
  // "N rows" can be anything.
  it('refuses a total row count (contents.rows) that differs from the body as "damaged"', async () => {
    const h = await headerFor({ deals: 1 });
    const contents = { ...(h.contents as object), rows: 5 };
    expect(await codeOf(await craftFile(oneTable(), { ...h, contents }))).toBe('damaged');
  });

  // Once a bug, now fixed: `tables[name]?.length` reads inherited members of the body's tables object: for a header
  // table named "constructor" (allowed by the name pattern) it is Object.length === 1, so a header claiming
  // one "constructor" row the body lacks passes the count check (same for hasOwnProperty, isPrototypeOf...).
  it('refuses a header listing a "constructor" table with a row the body does not have', async () => {
    expect(await codeOf(await craft(oneTable(), { deals: 1, constructor: 1 }))).toBe('damaged');
  });
});
