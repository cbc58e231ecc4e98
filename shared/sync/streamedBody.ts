import { Gunzip } from 'fflate';
import { checkedFrame, type SyncBody } from './body';
import { SyncFileError } from './errors';
import type { SyncPlatform } from './platform';
import { BodyScanner, emptyLayout, type ScanProblem } from './scan';

/** Compressed bytes inflated per step: a few milliseconds of work, a few hundred rows. */
const STEP_BYTES = 128 * 1024;
/** Rows parsed per JSON.parse call: a few tens of KB of text. */
export const PARSE_ROWS = 64;
/**
 * Chromium packs a body about 14 to 1 (Node's gzip up to ~27): the first buffer is never sized past
 * this ratio to the packed bytes (a body that unpacks further grows, at the cost of one copy).
 */
const MAX_RATIO = 16;
/** The frame without its rows is at most this long in a body this version writes (names and brackets). */
const MAX_SKELETON_BYTES = 64 * 1024;

export interface StreamedBodyOptions {
  /** The tables the header declares, in the order the body holds them, with their row counts. */
  readonly tables: Readonly<Record<string, number>>;
  readonly rows: number;
  readonly maxDepth: number;
  /** The most the body may unpack to, and the refusal past it. */
  readonly budget: number;
  readonly tooLarge: () => SyncFileError;
}

/** The gzip trailer's ISIZE: the unpacked length modulo 2^32, little-endian in the last four bytes. */
const readLength = (gz: Uint8Array): number => {
  const n = gz.length;
  return (gz[n - 4]! | (gz[n - 3]! << 8) | (gz[n - 2]! << 16) | (gz[n - 1]! << 24)) >>> 0;
};

const scanError = (p: ScanProblem): SyncFileError =>
  p === 'tooDeep' ? new SyncFileError('tooDeep') : p === 'unbalanced' ? new SyncFileError('damaged') : new SyncFileError('implausible');

/**
 * A large body read as its rows are asked for (issue 18): the gzip stream is inflated, scanned and
 * parsed a batch at a time, all synchronously, so an import does this inside its one merge
 * transaction while the database writes the batch before. The tables are the header's; the body
 * is held to them: each table's array must hold exactly its declared rows, and `finish` (after the
 * last batch) checks the rest of the body (its frame, names and order, nothing after it). Any
 * problem throws SyncFileError, which rolls the import back.
 */
export function streamedBody(compressed: Uint8Array, options: StreamedBodyOptions, p: SyncPlatform): SyncBody {
  const names = Object.keys(options.tables);
  const counts = names.map((n) => options.tables[n]!);
  const firstRow: number[] = [];
  let total = 0;
  for (const c of counts) {
    firstRow.push(total);
    total += c;
  }
  const layout = emptyLayout();
  const scanner = new BodyScanner(options.rows, options.maxDepth, layout);
  // Sized from the trailer's length, the sender's word: wrong, it costs a copy. Bounded by the budget
  // and by what JSON this size packs from, so a small file that claims gigabytes does not get them
  // before it is refused. (A 120 MB body grown by doubling from a guess was a large copy too many.)
  const told = compressed.length >= 18 ? readLength(compressed) : 0;
  const guess = told > 0 ? Math.min(told, compressed.length * MAX_RATIO) : compressed.length * 8;
  let buf = new Uint8Array(Math.min(options.budget, Math.max(1 << 20, guess)));
  let length = 0;
  let fed = 0;
  let inflated = false;
  const gunzip = new Gunzip((chunk) => {
    if (length + chunk.length > options.budget) throw options.tooLarge();
    if (length + chunk.length > buf.length) {
      const grown = new Uint8Array(Math.min(options.budget, Math.max(buf.length * 2, length + chunk.length)));
      grown.set(buf.subarray(0, length));
      buf = grown;
    }
    buf.set(chunk, length);
    length += chunk.length;
  });
  /** Inflates one more step and scans what it gave; false once the whole body is in. */
  const step = (): boolean => {
    if (inflated) return false;
    const end = Math.min(compressed.length, fed + STEP_BYTES);
    try {
      gunzip.push(compressed.subarray(fed, end), end === compressed.length);
    } catch (err) {
      throw err instanceof SyncFileError ? err : new SyncFileError('damaged');
    }
    fed = end;
    inflated = end === compressed.length;
    // fflate does not check the gzip trailer; its length field is checked here (the CRC adds nothing
    // to the file's SHA-256, which was checked before anything was unpacked).
    if (inflated && (compressed.length < 18 || readLength(compressed) !== length % 2 ** 32)) throw new SyncFileError('damaged');
    const problem = scanner.scan(buf, length);
    if (problem) throw scanError(problem);
    // A table's array closed with other than its declared rows: not the file its header describes.
    for (let a = 1; a < layout.arrays.length; a += 2)
      if (layout.counts[(a - 1) / 2] !== counts[(a - 1) / 2]) throw new SyncFileError('damaged');
    return true;
  };
  /** Inflates and scans until element `n` (over all tables) has ended, or the body has. */
  const reach = (n: number): void => {
    while (layout.ends.length < n && step());
    if (layout.ends.length < n) throw new SyncFileError('damaged');
  };

  // The first step now, while the file is opened: a bomb or a body that is not JSON at its start is
  // refused before any backup is made for it, let alone a transaction opened.
  step();

  return {
    tables: names.map((name, i) => ({ name, rows: counts[i]! })),
    rows: (index, from, to) => {
      const end = Math.min(to, counts[index]!);
      if (from >= end) return [];
      const a = firstRow[index]! + from;
      const b = firstRow[index]! + end - 1;
      reach(b + 1);
      const { arrays, starts, ends } = layout;
      // The rows must lie inside this table's own array (an earlier array holding more than declared is refused when it closes).
      const open = arrays[index * 2];
      const close = arrays[index * 2 + 1];
      if (open === undefined || starts[a]! < open || (close !== undefined && ends[b]! > close)) throw new SyncFileError('damaged');
      // A few hundred rows per parse: their text stays small enough to die young (a batch's 2 MB
      // string went to the old generation and took the collector's threads from the database).
      const rows: unknown[] = [];
      for (let i = a; i <= b; i += PARSE_ROWS) {
        const j = Math.min(b, i + PARSE_ROWS - 1);
        // A row starts with ASCII: a byte-order mark there would be dropped by the decoder and read as JSON it is not.
        if (buf[starts[i]!]! >= 0x80) throw new SyncFileError('damaged');
        let part: unknown;
        try {
          part = JSON.parse(`[${p.decode(buf.subarray(starts[i]!, ends[j]!))}]`);
        } catch {
          throw new SyncFileError('damaged');
        }
        // The scan and JSON must agree on where rows start and end, or the file is not what it seems.
        if (!Array.isArray(part) || part.length !== j - i + 1) throw new SyncFileError('damaged');
        for (const r of part) rows.push(r);
      }
      return rows;
    },
    finish: () => {
      while (step());
      const ended = scanner.end();
      if (ended) throw scanError(ended);
      const { arrays } = layout;
      if (layout.odd || layout.starts.length !== layout.ends.length || arrays.length !== names.length * 2)
        throw new SyncFileError('damaged');
      // The body with every table's rows cut out: {"tables":{"name":[],...}}, parsed and checked as a whole body would be.
      const pieces: Uint8Array[] = [];
      let size = 0;
      let from = 0;
      for (let i = 0; i <= arrays.length; i += 2) {
        const to = i < arrays.length ? arrays[i]! + 1 : length;
        size += to - from;
        if (size > MAX_SKELETON_BYTES) throw new SyncFileError('damaged');
        pieces.push(buf.subarray(from, to));
        from = i < arrays.length ? arrays[i + 1]! : length;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(pieces.map((x) => p.decode(x)).join(''));
      } catch {
        throw new SyncFileError('damaged');
      }
      const frame = checkedFrame(raw);
      const found = Object.keys(frame);
      // Each name once, in the header's order, with its rows where the scan found them.
      if (found.length !== names.length || found.some((n, i) => n !== names[i] || frame[n]!.length !== 0))
        throw new SyncFileError('damaged');
    },
  };
}
