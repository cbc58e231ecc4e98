import { z } from 'zod';
import { isStamp, type Stamp, ZERO_STAMP } from './hlc';
import type { AnyRow, Knowledge } from './merge';
import { TooLargeError, type CryptoKeyLike, type SyncPlatform, webPlatform } from './platform';
import { parsedBody, readChecked, type SyncBody } from './body';
import { SyncFileError } from './errors';
import { bodyBudget, scanBody } from './scan';
import { streamedBody } from './streamedBody';
import { MAX_VALUE_DEPTH } from './validate';

export { SyncFileError, type SyncFileErrorCode } from './errors';

/**
 * The sync file (PRODUCT §6): one file, versioned, with a readable header and a
 * compressed (optionally encrypted) body.
 *
 *   WAYPOINT-SYNC\n
 *   {header JSON}\n
 *   body: gzip(JSON {tables}) — or AES-256-GCM of it
 *
 * The header's checksum is SHA-256 over the whole file with the checksum itself
 * written as 64 zeros, so a flipped byte anywhere (header or body) is "damaged",
 * never a misleading "wrong passphrase".
 */
export const SYNC_FORMAT = 'waypoint-sync';
/** Plain files are written as version 1, which every Waypoint with sync reads. */
export const SYNC_FORMAT_VERSION = 1;
/**
 * Encrypted files are written as version 2: the header is AES-GCM additional data, so nobody
 * without the passphrase can change what the file claims (its knowledge, its device, its date).
 * Version 1 encrypted files stay readable.
 */
export const SEALED_FORMAT_VERSION = 2;
const NEWEST_FORMAT_VERSION = SEALED_FORMAT_VERSION;
const MAGIC = 'WAYPOINT-SYNC\n';
/** Sync files of 100,000 changes are a few MB; anything this big is not ours. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_BODY_BYTES = 768 * 1024 * 1024;
const MAX_HEADER_BYTES = 1024 * 1024;
/** Bodies past this size are scanned before they are parsed (see scan.ts). */
export const SCAN_FROM_BYTES = 1024 * 1024;
/** Bodies packed larger than this are inflated and parsed as their rows are read (streamedBody.ts). */
export const STREAM_FROM_BYTES = 64 * 1024;
export const MIN_PBKDF2_ITERATIONS = 600_000;
const MAX_PBKDF2_ITERATIONS = 10_000_000;
const CHECKSUM_PLACEHOLDER = '0'.repeat(64);

export type SyncFileKind = 'changes' | 'everything' | 'account' | 'backup';

const stampSchema = z.string().refine(isStamp, 'a clock stamp');
const deviceSchema = z.string().regex(/^[0-9a-f]{16}$/);
const base64Schema = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(64);
const isoInstant = z.iso.datetime({ offset: false }).refine((s) => {
  const y = Number(s.slice(0, 4));
  return y >= 2000 && y <= 2999;
}, 'a date between the years 2000 and 2999');

export const syncHeaderSchema = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  formatVersion: z.union([z.literal(SYNC_FORMAT_VERSION), z.literal(SEALED_FORMAT_VERSION)]),
  appVersion: z.string().min(1).max(40),
  source: z.strictObject({ device: deviceSchema, name: z.string().max(200) }),
  createdAt: isoInstant,
  contents: z.strictObject({
    kind: z.enum(['changes', 'everything', 'account', 'backup']),
    since: stampSchema,
    account: z.strictObject({ id: z.string().min(1).max(200), name: z.string().max(500) }).nullable(),
    /** What the file takes the receiver to have already (rows it left out): per device, a stamp. */
    assumed: z.record(deviceSchema, stampSchema),
    rows: z.number().int().min(0).max(10_000_000),
    tables: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), z.number().int().min(0)),
  }),
  knowledge: z.record(deviceSchema, stampSchema),
  compression: z.literal('gzip'),
  encryption: z
    .strictObject({
      cipher: z.literal('AES-256-GCM'),
      kdf: z.literal('PBKDF2-SHA-256'),
      iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
      salt: base64Schema,
      iv: base64Schema,
    })
    .nullable(),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
});

export type SyncHeader = z.infer<typeof syncHeaderSchema>;

export interface SyncContents {
  readonly kind: SyncFileKind;
  readonly since: Stamp;
  readonly account: { readonly id: string; readonly name: string } | null;
  /** Knowledge the receiver is taken to have: rows fully within it were left out. */
  readonly assumed?: Knowledge;
}

export interface SyncFileInput {
  readonly appVersion: string;
  readonly source: { readonly device: string; readonly name: string };
  readonly createdAt: string;
  readonly contents: SyncContents;
  readonly knowledge: Knowledge;
  /** Table name → rows; unknown tables are written as they are. */
  readonly tables: Readonly<Record<string, readonly AnyRow[]>>;
  readonly passphrase?: string | null;
}

export interface DecodedSyncFile {
  readonly header: SyncHeader;
  readonly tables: Readonly<Record<string, readonly AnyRow[]>>;
}

const toB64 = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
};
const fromB64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
declare function btoa(s: string): string;
declare function atob(s: string): string;

/** The checksum is the header's last field: replacing the last match never touches a name that looks like one. */
function replaceLast(text: string, find: string, by: string): string {
  const at = text.lastIndexOf(find);
  return at < 0 ? text : text.slice(0, at) + by + text.slice(at + find.length);
}

const hex = (buf: ArrayBuffer): string => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');

async function deriveKey(p: SyncPlatform, passphrase: string, salt: Uint8Array, iterations: number, usage: 'encrypt' | 'decrypt') {
  const base = await p.subtle.importKey('raw', p.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return p.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, x) => n + x.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}

/** What an encrypted file's cipher authenticates besides the body: the magic line and the header with its checksum zeroed. */
const sealedData = (p: SyncPlatform, headerWithZeroChecksum: string): Uint8Array => p.encode(MAGIC + headerWithZeroChecksum);

/** Rows stringified per piece of the body: some hundred kilobytes of text. */
const PIECE_ROWS = 256;

/**
 * The body's bytes, exactly JSON.stringify({ tables }) in UTF-8 for rows that are data (from
 * IndexedDB or JSON: no toJSON, no functions), a few hundred rows at a time (issue
 * 18): a 100,000-row body was one 120 MB string, two bytes a character as soon as one name was
 * not Latin-1, and its encoding alone took longer than packing it.
 */
export function* bodyPieces(tables: Readonly<Record<string, readonly unknown[]>>, p: SyncPlatform): Generator<Uint8Array> {
  let text = '{"tables":{';
  let firstTable = true;
  for (const [name, rows] of Object.entries(tables)) {
    text += `${firstTable ? '' : ','}${JSON.stringify(name)}:[`;
    firstTable = false;
    for (let at = 0; at < rows.length; at += PIECE_ROWS) {
      const part = JSON.stringify(rows.slice(at, at + PIECE_ROWS));
      yield p.encode(`${text}${at === 0 ? '' : ','}${part.slice(1, -1)}`);
      text = '';
    }
    text += ']';
  }
  yield p.encode(`${text}}}`);
}

/** Writes a sync file. Encrypted files get a fresh salt and IV each time. */
export async function encodeSyncFile(input: SyncFileInput, p: SyncPlatform = webPlatform()): Promise<Uint8Array> {
  const counts: Record<string, number> = {};
  let rows = 0;
  for (const [name, list] of Object.entries(input.tables)) {
    counts[name] = list.length;
    rows += list.length;
  }
  const plain = await p.gzip(bodyPieces(input.tables, p));
  let encryption: SyncHeader['encryption'] = null;
  let seal: { key: CryptoKeyLike; iv: Uint8Array } | null = null;
  if (input.passphrase) {
    const salt = p.randomBytes(16);
    const iv = p.randomBytes(12);
    seal = { key: await deriveKey(p, input.passphrase, salt, MIN_PBKDF2_ITERATIONS, 'encrypt'), iv };
    encryption = { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256', iterations: MIN_PBKDF2_ITERATIONS, salt: toB64(salt), iv: toB64(iv) };
  }
  const header: SyncHeader = {
    format: SYNC_FORMAT,
    formatVersion: seal ? SEALED_FORMAT_VERSION : SYNC_FORMAT_VERSION,
    appVersion: input.appVersion,
    source: { ...input.source },
    createdAt: input.createdAt,
    contents: {
      kind: input.contents.kind,
      since: input.contents.since,
      account: input.contents.account,
      assumed: { ...(input.contents.assumed ?? {}) },
      rows,
      tables: counts,
    },
    knowledge: { ...input.knowledge },
    compression: 'gzip',
    encryption,
    checksum: `sha256:${CHECKSUM_PLACEHOLDER}`,
  };
  const headerText = JSON.stringify(header);
  const body = seal
    ? new Uint8Array(await p.subtle.encrypt({ name: 'AES-GCM', iv: seal.iv, additionalData: sealedData(p, headerText) }, seal.key, plain))
    : plain;
  const draft = join([p.encode(MAGIC), p.encode(headerText), p.encode('\n'), body]);
  const sum = hex(await p.subtle.digest('SHA-256', draft));
  const finalHeader = p.encode(replaceLast(headerText, `"sha256:${CHECKSUM_PLACEHOLDER}"`, `"sha256:${sum}"`));
  return join([p.encode(MAGIC), finalHeader, p.encode('\n'), body]);
}

/** The most a file's start can take before its header ends: the magic line, a header of at most 1 MB, its newline. */
export const MAX_HEAD_BYTES = MAGIC.length + MAX_HEADER_BYTES + 1;

/**
 * The header as a file's first bytes state it, NOT checked against the checksum (that needs the
 * whole file). Enough to tell a file already merged (same checksum as the one merged) without
 * reading its body; nothing it says is believed beyond that. `head` may be the whole file or
 * only its start (up to and including the header's newline).
 */
export function peekSyncHeader(
  head: Uint8Array,
  p: SyncPlatform = webPlatform(),
): { header: SyncHeader; bodyAt: number; headerText: string } {
  if (head.length === 0) throw new SyncFileError('empty');
  const magic = p.encode(MAGIC);
  if (head.length < magic.length || magic.some((b, i) => head[i] !== b)) throw new SyncFileError('notOurs');
  const limit = Math.min(head.length, MAX_HEAD_BYTES);
  let nl = -1;
  for (let i = magic.length; i < limit; i++) {
    if (head[i] === 10) {
      nl = i;
      break;
    }
  }
  if (nl < 0) throw new SyncFileError('damaged');
  let headerText: string;
  let raw: unknown;
  try {
    headerText = p.decode(head.subarray(magic.length, nl));
    raw = JSON.parse(headerText);
  } catch {
    throw new SyncFileError('damaged');
  }
  // The version first: a newer format may have a header this version cannot parse.
  if (typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === SYNC_FORMAT) {
    const v = (raw as { formatVersion?: unknown }).formatVersion;
    if (typeof v === 'number' && Number.isInteger(v) && v > NEWEST_FORMAT_VERSION) throw new SyncFileError('newerFormat', { version: v });
  }
  const parsed = syncHeaderSchema.safeParse(raw);
  if (!parsed.success) throw new SyncFileError('damaged');
  return { header: parsed.data, bodyAt: nl + 1, headerText };
}

/** The header alone (cheap: no decompression), checked against the whole file's checksum: for listings and the import preview. */
export async function readSyncHeader(
  bytes: Uint8Array,
  p: SyncPlatform = webPlatform(),
): Promise<{ header: SyncHeader; bodyAt: number; zeroed: string }> {
  if (bytes.length > MAX_FILE_BYTES) throw new SyncFileError('tooLarge', { megabytes: Math.round(bytes.length / 1_048_576) });
  const { header, bodyAt, headerText } = peekSyncHeader(bytes, p);
  const zeroed = replaceLast(headerText, `"${header.checksum}"`, `"sha256:${CHECKSUM_PLACEHOLDER}"`);
  const draft = join([p.encode(MAGIC), p.encode(zeroed), bytes.subarray(bodyAt - 1)]);
  const sum = hex(await p.subtle.digest('SHA-256', draft));
  if (`sha256:${sum}` !== header.checksum) throw new SyncFileError('damaged');
  return { header, bodyAt, zeroed };
}

export interface DecodeOptions {
  readonly passphrase?: string | null;
  /** Stamps later than this (epoch ms) are refused: they would win every merge for years. */
  readonly latestAllowedMs: number;
  /** Told as each step starts, for a progress line ("Unpacking…"). */
  readonly onStage?: (stage: DecodeStage) => void;
}

export type DecodeStage = 'decrypting' | 'unpacking' | 'reading' | 'checking';

/** A sync file whose header, checksum and cipher are sound; its rows (and a large body's frame) are checked as they are read (body.ts). */
export interface OpenedSyncFile {
  readonly header: SyncHeader;
  readonly body: SyncBody;
}

/**
 * Opens a sync file: header and checksum, cipher, then the body. A small body is unpacked (bounded
 * by the header's row count), scanned, parsed and its frame checked now; a large one takes its first
 * step now and the rest as its rows are read, its frame checked by `finish()`. Throws SyncFileError
 * for anything that is not a whole, untampered Waypoint file this version can read; the rows
 * themselves are checked by whoever reads them (decodeSyncFile, or an import batch by batch).
 */
export async function openSyncFile(
  bytes: Uint8Array,
  options: Omit<DecodeOptions, 'latestAllowedMs'>,
  p: SyncPlatform = webPlatform(),
): Promise<OpenedSyncFile> {
  const { header, bodyAt, zeroed } = await readSyncHeader(bytes, p);
  let body = bytes.subarray(bodyAt);
  if (header.encryption) {
    if (!options.passphrase) throw new SyncFileError('needsPassphrase');
    options.onStage?.('decrypting');
    const e = header.encryption;
    try {
      const key = await deriveKey(p, options.passphrase, fromB64(e.salt), e.iterations, 'decrypt');
      const params =
        header.formatVersion >= SEALED_FORMAT_VERSION
          ? { name: 'AES-GCM' as const, iv: fromB64(e.iv), additionalData: sealedData(p, zeroed) }
          : { name: 'AES-GCM' as const, iv: fromB64(e.iv) };
      body = new Uint8Array(await p.subtle.decrypt(params, key, body));
    } catch {
      throw new SyncFileError('wrongPassphrase');
    }
  }
  // The header's row count bounds the work: a body far larger than its rows could fill is refused while unpacking.
  const budget = bodyBudget(header.contents.rows, MAX_BODY_BYTES);
  const tooLarge = (): SyncFileError =>
    budget < MAX_BODY_BYTES
      ? new SyncFileError('implausible')
      : new SyncFileError('tooLarge', { megabytes: Math.round(MAX_BODY_BYTES / 1_048_576) });
  options.onStage?.('unpacking');
  let opened: SyncBody;
  if (body.length > STREAM_FROM_BYTES) {
    // Inflated, scanned and parsed as its rows are read: by the import, inside its merge.
    const { tables, rows } = header.contents;
    opened = streamedBody(body, { tables, rows, maxDepth: MAX_VALUE_DEPTH + 5, budget, tooLarge }, p);
  } else {
    let unpacked: Uint8Array;
    try {
      unpacked = await p.gunzip(body, budget);
    } catch (err) {
      throw err instanceof TooLargeError ? tooLarge() : new SyncFileError('damaged');
    }
    // Small bodies parse in milliseconds whatever they hold, and the row checks then say precisely what is wrong.
    const shape = unpacked.length > SCAN_FROM_BYTES ? scanBody(unpacked, header.contents.rows, MAX_VALUE_DEPTH + 5) : null;
    if (shape === 'tooDeep') throw new SyncFileError('tooDeep');
    if (shape === 'unbalanced') throw new SyncFileError('damaged');
    if (shape !== null) throw new SyncFileError('implausible');
    options.onStage?.('reading');
    opened = parsedBody(parseWhole(unpacked, p));
  }
  let total = 0;
  for (const [name, count] of Object.entries(header.contents.tables)) {
    if ((opened.tables.find((t) => t.name === name)?.rows ?? 0) !== count) throw new SyncFileError('damaged');
    total += count;
  }
  if (total !== header.contents.rows) throw new SyncFileError('damaged');
  if (opened.tables.some((t) => !Object.prototype.hasOwnProperty.call(header.contents.tables, t.name))) throw new SyncFileError('damaged');
  return { header, body: opened };
}

function parseWhole(unpacked: Uint8Array, p: SyncPlatform): unknown {
  try {
    return JSON.parse(p.decode(unpacked));
  } catch {
    throw new SyncFileError('damaged');
  }
}

/**
 * Reads and checks a whole sync file, every row included. Throws SyncFileError for anything that
 * is not a whole, untampered Waypoint file this version can merge safely.
 */
export async function decodeSyncFile(bytes: Uint8Array, options: DecodeOptions, p: SyncPlatform = webPlatform()): Promise<DecodedSyncFile> {
  const { header, body } = await openSyncFile(bytes, options, p);
  options.onStage?.('checking');
  return { header, tables: readChecked(body, options.latestAllowedMs) };
}

/** Convenience for tests and listings: the zero stamp a full file starts after. */
export const FROM_THE_START = ZERO_STAMP;
