/**
 * The few web-platform pieces the sync codec uses (Web Crypto, compression streams,
 * text encoding). They exist in Chromium and in Node 20 alike, but not in the ES lib
 * that shared/ compiles against, so they are typed here and looked up once.
 */
export interface CryptoKeyLike {
  readonly type: string;
}

export interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    key: Uint8Array,
    algorithm: 'PBKDF2',
    extractable: false,
    usages: readonly ['deriveKey'],
  ): Promise<CryptoKeyLike>;
  deriveKey(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Uint8Array; iterations: number },
    base: CryptoKeyLike,
    derived: { name: 'AES-GCM'; length: 256 },
    extractable: false,
    usages: readonly ['encrypt' | 'decrypt'],
  ): Promise<CryptoKeyLike>;
  encrypt(
    algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData?: Uint8Array },
    key: CryptoKeyLike,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
  decrypt(
    algorithm: { name: 'AES-GCM'; iv: Uint8Array; additionalData?: Uint8Array },
    key: CryptoKeyLike,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
}

interface ReaderLike {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
interface WriterLike {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}
interface TransformLike {
  readonly writable: { getWriter(): WriterLike };
  readonly readable: { getReader(): ReaderLike };
}

interface WebGlobals {
  crypto: { subtle: SubtleLike; getRandomValues(a: Uint8Array): Uint8Array };
  CompressionStream: new (format: 'gzip') => TransformLike;
  DecompressionStream: new (format: 'gzip') => TransformLike;
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(b: Uint8Array): string };
}

export interface SyncPlatform {
  readonly subtle: SubtleLike;
  randomBytes(n: number): Uint8Array;
  encode(s: string): Uint8Array;
  /** Strict UTF-8: invalid bytes throw instead of turning into U+FFFD. */
  decode(b: Uint8Array): string;
  /** Packs the bytes, or the pieces in order as one stream (a large body need never be one buffer). */
  gzip(data: Uint8Array | Iterable<Uint8Array>): Promise<Uint8Array>;
  /** Throws TooLargeError past `maxBytes` of output (a small file can unpack to gigabytes). */
  gunzip(data: Uint8Array, maxBytes: number): Promise<Uint8Array>;
}

export class TooLargeError extends Error {}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The input in pieces of at most a megabyte. */
function* pieces(data: Uint8Array | Iterable<Uint8Array>): Generator<Uint8Array> {
  const CHUNK = 1 << 20;
  if (!(data instanceof Uint8Array)) {
    yield* data;
    return;
  }
  for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
}

async function pump(t: TransformLike, data: Uint8Array | Iterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const writer = t.writable.getWriter();
  const reader = t.readable.getReader();
  // Feeding and draining at once: a stream that is only written to stalls on back-pressure.
  const fed = (async () => {
    try {
      for (const piece of pieces(data)) await writer.write(piece);
      await writer.close();
    } catch (err) {
      // A piece that could not be made (a row JSON cannot write): the stream fails with it, so the
      // reading below ends with this error instead of waiting for bytes that never come.
      await writer.abort(err).catch(() => undefined);
      throw err;
    }
  })();
  fed.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      await writer.abort().catch(() => undefined);
      throw new TooLargeError(`more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  await fed;
  return concat(chunks, total);
}

let cached: SyncPlatform | null = null;

/** The platform of the running JavaScript engine (Chromium, Electron's renderer, Node 20). */
export function webPlatform(): SyncPlatform {
  if (cached) return cached;
  const g = globalThis as unknown as WebGlobals;
  const encoder = new g.TextEncoder();
  const decoder = new g.TextDecoder('utf-8', { fatal: true });
  cached = {
    subtle: g.crypto.subtle,
    randomBytes: (n) => g.crypto.getRandomValues(new Uint8Array(n)),
    encode: (s) => encoder.encode(s),
    decode: (b) => decoder.decode(b),
    gzip: (data) => pump(new g.CompressionStream('gzip'), data, Number.MAX_SAFE_INTEGER),
    gunzip: (data, maxBytes) => pump(new g.DecompressionStream('gzip'), data, maxBytes),
  };
  return cached;
}
