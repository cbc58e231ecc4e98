import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyPieces,
  decodeSyncFile,
  encodeSyncFile,
  MIN_PBKDF2_ITERATIONS,
  peekSyncHeader,
  readSyncHeader,
  SYNC_FORMAT,
  SYNC_FORMAT_VERSION,
  SyncFileError,
  type SyncFileErrorCode,
} from './codec';
import { webPlatform } from './platform';
import { bodyText, CHECKSUM_ZEROS, craftFile, DEV_A, headerFor, sampleInput, stamp, T0 } from './testing';

const OPTS = { latestAllowedMs: T0 + 365 * 86_400_000 };
const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

/** The header line, read with Node alone (no codec code): the format is meant to be readable by hand. */
function splitFile(bytes: Uint8Array): { magic: string; header: Record<string, unknown>; headerText: string; body: Buffer } {
  const buf = Buffer.from(bytes);
  const first = buf.indexOf(10);
  const second = buf.indexOf(10, first + 1);
  const headerText = buf.subarray(first + 1, second).toString('utf8');
  return {
    magic: buf.subarray(0, first + 1).toString('utf8'),
    header: JSON.parse(headerText) as Record<string, unknown>,
    headerText,
    body: buf.subarray(second + 1),
  };
}

async function codeOf(p: Promise<unknown>): Promise<SyncFileErrorCode> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncFileError);
  return (err as SyncFileError).code;
}

// A passphrase with a composed "é": the decoder is given the decomposed form (NFC makes them one).
const PASSPHRASE = 'corr\u00e9ct horse';
const PASSPHRASE_NFD = 'corre\u0301ct horse';
// PBKDF2 at 600,000 iterations costs ~0.1-0.3 s per key: encrypt once, reuse.
let encrypted: Promise<Uint8Array> | null = null;
const encryptedFile = (): Promise<Uint8Array> => (encrypted ??= encodeSyncFile(sampleInput(PASSPHRASE)));

describe('encodeSyncFile / decodeSyncFile round trip', () => {
  it('gives back every table, known and unknown, row for row', async () => {
    const input = sampleInput();
    const decoded = await decodeSyncFile(await encodeSyncFile(input), OPTS);
    expect(decoded.tables).toEqual(input.tables);
    expect(Object.keys(decoded.tables).sort()).toEqual(['deals', 'futureTable', 'tasks']);
    expect(decoded.header.contents).toMatchObject({
      kind: 'everything',
      since: input.contents.since,
      account: null,
      rows: 3,
      tables: { deals: 1, tasks: 1, futureTable: 1 },
    });
  });

  it('round-trips an encrypted file, with the passphrase in another Unicode normal form', async () => {
    const decoded = await decodeSyncFile(await encryptedFile(), { ...OPTS, passphrase: PASSPHRASE_NFD });
    expect(decoded.tables).toEqual(sampleInput().tables);
    expect(decoded.header.encryption).not.toBeNull();
  });

  it('keeps an account slice and a changes file as they were declared', async () => {
    const since = stamp(T0 + 500);
    const input = { ...sampleInput(), contents: { kind: 'account' as const, since, account: { id: 'acc-1', name: 'Acme' } } };
    const decoded = await decodeSyncFile(await encodeSyncFile(input), OPTS);
    expect(decoded.header.contents).toMatchObject({ kind: 'account', since, account: { id: 'acc-1', name: 'Acme' } });
  });

  it('round-trips an empty file (no tables)', async () => {
    const decoded = await decodeSyncFile(await encodeSyncFile({ ...sampleInput(), tables: {} }), OPTS);
    expect(decoded.tables).toEqual({});
    expect(decoded.header.contents.rows).toBe(0);
  });

  it('writes the same bytes for the same unencrypted input (no hidden randomness)', async () => {
    const a = await encodeSyncFile(sampleInput());
    const b = await encodeSyncFile(sampleInput());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('encrypts the same data differently each time: a fresh salt and IV, so different bytes', async () => {
    const a = await encryptedFile();
    const b = await encodeSyncFile(sampleInput(PASSPHRASE));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const ea = splitFile(a).header.encryption as { salt: string; iv: string };
    const eb = splitFile(b).header.encryption as { salt: string; iv: string };
    expect(ea.salt).not.toBe(eb.salt);
    expect(ea.iv).not.toBe(eb.iv);
    expect(splitFile(a).body.equals(splitFile(b).body)).toBe(false);
    // Different bytes, same content.
    expect((await decodeSyncFile(b, { ...OPTS, passphrase: PASSPHRASE })).tables).toEqual(sampleInput().tables);
  });
});

describe('the file layout', () => {
  it('is a magic line, a one-line JSON header and a gzip body, readable without the codec', async () => {
    const input = sampleInput();
    const { magic, header, body } = splitFile(await encodeSyncFile(input));
    expect(magic).toBe('WAYPOINT-SYNC\n');
    expect(header).toEqual({
      format: SYNC_FORMAT,
      formatVersion: 1,
      appVersion: '0.1.0',
      source: { device: DEV_A, name: 'Laptop' },
      createdAt: '2026-01-02T03:04:05.000Z',
      // contents may grow fields as the format evolves within version 1; these are the ones every file has.
      contents: expect.objectContaining({
        kind: 'everything',
        since: input.contents.since,
        account: null,
        rows: 3,
        tables: { deals: 1, tasks: 1, futureTable: 1 },
      }) as unknown,
      knowledge: input.knowledge,
      compression: 'gzip',
      encryption: null,
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as unknown,
    });
    expect(SYNC_FORMAT).toBe('waypoint-sync');
    expect(SYNC_FORMAT_VERSION).toBe(1);
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual({ tables: input.tables });
  });

  /** SHA-256 of the file with the checksum written as 64 zeros, computed with node:crypto. */
  const independentChecksum = (bytes: Uint8Array): string => {
    const { headerText, header, body } = splitFile(bytes);
    const draft = Buffer.concat([Buffer.from(`WAYPOINT-SYNC\n${headerText.replace(String(header.checksum), CHECKSUM_ZEROS)}\n`), body]);
    return `sha256:${createHash('sha256').update(draft).digest('hex')}`;
  };

  it('has a checksum that is SHA-256 of the file with the checksum written as 64 zeros', async () => {
    const bytes = await encodeSyncFile(sampleInput());
    expect(independentChecksum(bytes)).toBe(splitFile(bytes).header.checksum);
  });

  it('covers an encrypted body by the checksum too, computed over the raw ciphertext', async () => {
    const bytes = await encryptedFile();
    expect(independentChecksum(bytes)).toBe(splitFile(bytes).header.checksum);
  });

  it('states AES-256-GCM with PBKDF2-SHA-256 at 600,000 iterations, a 16-byte salt and a 12-byte IV', async () => {
    const { header } = splitFile(await encryptedFile());
    const e = header.encryption as { cipher: string; kdf: string; iterations: number; salt: string; iv: string };
    expect(e.cipher).toBe('AES-256-GCM');
    expect(e.kdf).toBe('PBKDF2-SHA-256');
    expect(e.iterations).toBe(MIN_PBKDF2_ITERATIONS);
    expect(e.iterations).toBeGreaterThanOrEqual(600_000);
    expect(Buffer.from(e.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(e.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(e.salt, 'base64').toString('base64')).toBe(e.salt);
  });

  it('keeps the body of an encrypted file unreadable: no gzip magic, no row text', async () => {
    const bytes = await encryptedFile();
    const { body } = splitFile(bytes);
    expect(body[0] === 0x1f && body[1] === 0x8b).toBe(false);
    expect(text(bytes)).not.toContain('Acme');
    // The header stays readable: what a file is, before the passphrase.
    expect(text(bytes)).toContain('"kind":"everything"');
  });

  it('reads the header alone, with where the body starts', async () => {
    const bytes = await encodeSyncFile(sampleInput());
    const { header, bodyAt } = await readSyncHeader(bytes);
    expect(header.contents.rows).toBe(3);
    expect(bytes[bodyAt - 1]).toBe(10);
    expect(Buffer.from(bytes.subarray(bodyAt)).equals(splitFile(bytes).body)).toBe(true);
  });

  it("peeks at the header from the file's first bytes alone, unchecked; the whole file is what the checksum vouches for", async () => {
    const bytes = await encodeSyncFile(sampleInput());
    const { bodyAt } = await readSyncHeader(bytes);
    const head = bytes.slice(0, bodyAt);
    const peeked = peekSyncHeader(head);
    expect(peeked.header).toEqual((await readSyncHeader(bytes)).header);
    expect(peeked.bodyAt).toBe(bodyAt);
    // A damaged body: the peek still reads the header (it claims nothing), the full read refuses it.
    const damaged = bytes.slice();
    damaged[damaged.length - 5] = damaged[damaged.length - 5]! ^ 1;
    expect(peekSyncHeader(damaged).header.checksum).toBe(peeked.header.checksum);
    await expect(readSyncHeader(damaged)).rejects.toMatchObject({ code: 'damaged' });
    // Cut inside the header: no header line yet.
    expect(() => peekSyncHeader(head.slice(0, 40))).toThrow(expect.objectContaining({ code: 'damaged' }) as Error);
    expect(() => peekSyncHeader(new TextEncoder().encode('PK\u0003\u0004 a zip'))).toThrow(
      expect.objectContaining({ code: 'notOurs' }) as Error,
    );
  });
});

describe('header text that looks like the checksum', () => {
  // Once a bug, now fixed: encodeSyncFile puts the checksum in with headerText.replace('"sha256:000…0"', …), which
  // replaces the FIRST match. A device (or account) named exactly "sha256:" + 64 zeros comes before the
  // checksum field, so the name gets the sum, the checksum stays zeros, and the file reads as "damaged".
  it('reads back a file from a device whose name is the zero checksum', async () => {
    const input = { ...sampleInput(), source: { device: DEV_A, name: CHECKSUM_ZEROS } };
    const decoded = await decodeSyncFile(await encodeSyncFile(input), OPTS);
    expect(decoded.header.source.name).toBe(CHECKSUM_ZEROS);
  });

  it('reads back names that merely contain the checksum text', async () => {
    const name = `"${CHECKSUM_ZEROS}" and sha256:`;
    const decoded = await decodeSyncFile(await encodeSyncFile({ ...sampleInput(), source: { device: DEV_A, name } }), OPTS);
    expect(decoded.header.source.name).toBe(name);
  });
});

describe('refused files', () => {
  it('says "wrongPassphrase" for a wrong passphrase', async () => {
    expect(await codeOf(decodeSyncFile(await encryptedFile(), { ...OPTS, passphrase: 'incorrect horse' }))).toBe('wrongPassphrase');
  });

  it('says "needsPassphrase" when an encrypted file is opened without one', async () => {
    const bytes = await encryptedFile();
    expect(await codeOf(decodeSyncFile(bytes, OPTS))).toBe('needsPassphrase');
    expect(await codeOf(decodeSyncFile(bytes, { ...OPTS, passphrase: null }))).toBe('needsPassphrase');
    expect(await codeOf(decodeSyncFile(bytes, { ...OPTS, passphrase: '' }))).toBe('needsPassphrase');
  });

  it('ignores a passphrase given for an unencrypted file', async () => {
    const decoded = await decodeSyncFile(await encodeSyncFile(sampleInput()), { ...OPTS, passphrase: 'anything' });
    expect(decoded.header.encryption).toBeNull();
  });

  it('says "newerFormat" for formatVersion 3, before judging the rest of its header', async () => {
    const body = bodyText(sampleInput().tables);
    const v3 = await craftFile(body, await headerFor({ deals: 1, tasks: 1, futureTable: 1 }, { formatVersion: 3 }));
    const err = await decodeSyncFile(v3, OPTS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncFileError);
    expect(err).toMatchObject({ code: 'newerFormat', detail: { version: 3 } });
    // A v3 header may have fields this version has never heard of, and another compression.
    const odd = await craftFile(body, await headerFor({}, { formatVersion: 3, compression: 'zstd', parts: [1, 2] }));
    expect(await codeOf(decodeSyncFile(odd, OPTS))).toBe('newerFormat');
    expect(await codeOf(readSyncHeader(odd))).toBe('newerFormat');
  });

  it('does not take formatVersion 3 of some other format for a newer Waypoint file', async () => {
    const other = await craftFile('{}', await headerFor({}, { format: 'other-sync', formatVersion: 3 }));
    expect(await codeOf(decodeSyncFile(other, OPTS))).toBe('damaged');
  });

  it('says "damaged" for formatVersion 0, 1.5 or "1"', async () => {
    for (const formatVersion of [0, 1.5, '1']) {
      const f = await craftFile(bodyText({}), await headerFor({}, { formatVersion }));
      expect(await codeOf(decodeSyncFile(f, OPTS))).toBe('damaged');
    }
  });

  it('says "damaged" for PBKDF2 iterations below 600,000 even with a correct checksum', async () => {
    const { header } = splitFile(await encryptedFile());
    const weak = { ...header, encryption: { ...(header.encryption as object), iterations: 1000 }, checksum: CHECKSUM_ZEROS };
    expect(await codeOf(decodeSyncFile(await craftFile(bodyText({}), weak), { ...OPTS, passphrase: PASSPHRASE }))).toBe('damaged');
  });
});

describe('bodyPieces: the body a few hundred rows at a time', () => {
  const p = webPlatform();
  const joined = (tables: Record<string, unknown[]>): string => Buffer.concat([...bodyPieces(tables, p)]).toString('utf8');

  it('is byte for byte JSON.stringify({ tables }) in UTF-8, for any tables, names and rows (property)', () => {
    const rowArb = fc.record({
      id: fc.string({ unit: 'grapheme', maxLength: 12 }),
      n: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constant(null)),
      text: fc.constantFrom('', 'Ромашка', '北京 {"x":[1]}', 'emoji 🚢', '\u2028\u2029', 'tab\t"quote"\\'),
      nested: fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
    });
    const tablesArb = fc.dictionary(
      fc.oneof(fc.constantFrom('accounts', '0', '10', '__proto__', 'Ромашка', ''), fc.string({ maxLength: 6 })),
      fc.oneof(fc.array(rowArb, { maxLength: 5 }), fc.array(rowArb, { minLength: 250, maxLength: 600 })),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(tablesArb, (tables) => {
        expect(joined(tables)).toBe(JSON.stringify({ tables }));
      }),
      { numRuns: 60 },
    );
  });

  it('a row JSON cannot write refuses the file at once (the packing stream fails with it, nothing waits)', async () => {
    const input = sampleInput();
    const [name, rows] = Object.entries(input.tables)[0]!;
    const bad = { ...input, tables: { ...input.tables, [name]: [...rows, { ...rows[0]!, id: 'big', big: 10n }] } };
    const outcome = await Promise.race([
      encodeSyncFile(bad as never, p).then(
        () => 'written',
        (e: unknown) => (e instanceof TypeError ? 'refused' : String(e)),
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 3_000)),
    ]);
    expect(outcome).toBe('refused');
  });

  it('holds no empty table back and nothing for no tables', () => {
    expect(joined({})).toBe('{"tables":{}}');
    expect(joined({ a: [], b: [{ id: 'x' }] })).toBe('{"tables":{"a":[],"b":[{"id":"x"}]}}');
  });
});
