/**
 * A look at an unpacked sync-file body before it is parsed (issue 12: bounded work). A 100 KB
 * file can unpack to 35 million empty objects; JSON.parse of that takes over a minute and
 * gigabytes. One pass over the bytes, with no allocation, tells a real body from that: every
 * row of a real file is at least MIN_ROW_BYTES long (an id, a stamp map, updatedAt, deleted),
 * the rows number no more than the header says, and nothing nests deeper than the rows allow.
 */
export const MIN_ROW_BYTES = 100;
/** Depth of a row inside the body: { "tables": { "name": [ row ] } }. */
const ROW_DEPTH = 3;
/** Containers at most per row (a retreat's budget lines, an offer's options: tens, not thousands). */
const CONTAINERS_PER_ROW = 1_000;

export type ScanProblem = 'tooManyRows' | 'shortRow' | 'tooManyContainers' | 'tooDeep' | 'unbalanced';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** How far closingQuote looks byte by byte before it asks the native search. */
const NEAR_BYTES = 64;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Where the string whose text starts at `start` ends, searching from `from` up to `end`: the next
 * quote not escaped by an odd run of backslashes; -1 if none yet.
 */
function closingQuote(bytes: Uint8Array, start: number, from: number, end: number): number {
  // Most strings are short (keys, ids, stamps): looking at their bytes here costs less than a call
  // to the native search, which then takes the long ones.
  const near = Math.min(end, from + NEAR_BYTES);
  let q = -1;
  for (let i = from; i < near; i++)
    if (bytes[i] === QUOTE) {
      q = i;
      break;
    }
  if (q < 0 && near < end) q = bytes.indexOf(QUOTE, near);
  while (q >= 0 && q < end) {
    let slashes = 0;
    while (q - 1 - slashes >= start && bytes[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q;
    q = bytes.indexOf(QUOTE, q + 1);
  }
  return -1;
}

/**
 * Where a body's rows are, found by the same pass (so an import can parse them a batch at a time,
 * each batch just before it is merged): per table array, its brackets; per element, where it starts
 * and where the comma or bracket after it is. Byte offsets: JSON's structure is ASCII, and no byte of
 * a multi-byte UTF-8 character is.
 */
export interface BodyLayout {
  /** Offsets of each table array's '[' and its ']' (arrays one level below the body's "tables"). */
  readonly arrays: number[];
  /** Per element, in order over all arrays: its first byte and the byte after its last. */
  readonly starts: number[];
  readonly ends: number[];
  /** How many elements each array has. */
  readonly counts: number[];
  /** An object where a table's array belongs: the body is not laid out as this version writes it. */
  odd: boolean;
}

export const emptyLayout = (): BodyLayout => ({ arrays: [], starts: [], ends: [], counts: [], odd: false });

/**
 * The scan, resumable: a body that arrives in pieces (inflated as its rows are needed) is scanned
 * as far as it has arrived, and on from there when more has. `bytes` is the body so far each time
 * (the same bytes, perhaps in a larger buffer). Never allocates per byte (but for `layout`, per row).
 */
export class BodyScanner {
  private readonly maxContainers: number;
  private at = 0;
  private depth = 0;
  /** Where the text of the string being scanned starts, or -1 outside strings. */
  private stringStart = -1;
  private containers = 0;
  private rows = 0;
  private rowStart = -1;
  // At depth 3 (inside a table's array) a new element starts after '[' or ','.
  private expectElement = false;
  /** A comma at depth 3 that no element has followed yet: a ']' then is a trailing comma, not JSON. */
  private commaPending = false;

  constructor(
    private readonly declaredRows: number,
    private readonly maxDepth: number,
    readonly layout?: BodyLayout,
  ) {
    this.maxContainers = 16 + declaredRows * CONTAINERS_PER_ROW;
  }

  /** Scans on up to `available`; the first problem, or null (so far). */
  scan(buffer: Uint8Array, available: number): ScanProblem | null {
    // A view of what has arrived: a native search for a quote never runs into the buffer's empty tail
    // (once per step for the string that spans it: quadratic in a long one, a review found).
    const bytes = available < buffer.length ? buffer.subarray(0, available) : buffer;
    const { layout, maxDepth } = this;
    let { at: i, depth, containers, rows, rowStart, expectElement, commaPending } = this;
    let problem: ScanProblem | null = null;
    for (; i < available; i++) {
      if (this.stringStart >= 0) {
        // Most of a body is inside strings: jump to the closing quote (native search, not byte by byte).
        const end = closingQuote(bytes, this.stringStart, i, available);
        if (end < 0) {
          i = available;
          break;
        }
        i = end;
        this.stringStart = -1;
        continue;
      }
      const b = bytes[i]!;
      if (depth === ROW_DEPTH && expectElement && !isSpace(b) && b !== CLOSE_ARRAY) {
        expectElement = false;
        commaPending = false;
        rows++;
        if (rows > this.declaredRows) {
          problem = 'tooManyRows';
          break;
        }
        rowStart = i;
        layout?.starts.push(i);
      }
      if (b === QUOTE) this.stringStart = i + 1;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
        if (++containers > this.maxContainers) {
          problem = 'tooManyContainers';
          break;
        }
        if (++depth > maxDepth) {
          problem = 'tooDeep';
          break;
        }
        if (depth === ROW_DEPTH && b === OPEN_ARRAY) {
          expectElement = true;
          layout?.arrays.push(i);
          layout?.counts.push(0);
        } else if (depth === ROW_DEPTH && layout) layout.odd = true;
      } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        if (depth === 0) {
          problem = 'unbalanced';
          break;
        }
        if (depth === ROW_DEPTH && commaPending) {
          problem = 'unbalanced';
          break;
        }
        if (depth === ROW_DEPTH && layout && b === CLOSE_ARRAY) closeElement(layout, i, true);
        depth--;
        if (depth === ROW_DEPTH && rowStart >= 0) {
          if (i + 1 - rowStart < MIN_ROW_BYTES) {
            problem = 'shortRow';
            break;
          }
          rowStart = -1;
        }
      } else if (b === COMMA && depth === ROW_DEPTH) {
        // A primitive element (a number, null) ends here: shorter than any row.
        if (rowStart >= 0 && i - rowStart < MIN_ROW_BYTES) {
          problem = 'shortRow';
          break;
        }
        rowStart = -1;
        expectElement = true;
        commaPending = true;
        if (layout) closeElement(layout, i, false);
      }
    }
    Object.assign(this, { at: i, depth, containers, rows, rowStart, expectElement, commaPending });
    return problem;
  }

  /** Once the whole body is scanned: whether it ended where it began, outside any string or container. */
  end(): ScanProblem | null {
    return this.depth === 0 && this.stringStart < 0 ? null : 'unbalanced';
  }
}

/** The first reason this body cannot be the file its header describes, or null. */
export function scanBody(bytes: Uint8Array, declaredRows: number, maxDepth: number, layout?: BodyLayout): ScanProblem | null {
  const scanner = new BodyScanner(declaredRows, maxDepth, layout);
  return scanner.scan(bytes, bytes.length) ?? scanner.end();
}

/** The element before a comma or a table's closing bracket ends at `at`. */
function closeElement(layout: BodyLayout, at: number, closesArray: boolean): void {
  if (layout.starts.length > layout.ends.length) {
    layout.ends.push(at);
    layout.counts[layout.counts.length - 1]!++;
  }
  if (closesArray) layout.arrays.push(at);
}

/** The most an honest body of `rows` rows unpacks to: generous per row (long notes), far below a bomb. */
export function bodyBudget(rows: number, absoluteMax: number): number {
  return Math.min(absoluteMax, 64 * 1024 + rows * 4 * 1024 * 1024);
}
