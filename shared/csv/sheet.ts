/**
 * Text → CsvSheet: the delimiter, every row with the physical line it starts on, the header row
 * (report exports put a title, filters and blank lines above it) and the data rows under it
 * (totals and footers below the data are skipped with the reason). PapaParse does the quoting;
 * the rest is one linear pass, so 60,000 rows take well under a second.
 */
import Papa, { type PapaError } from 'papaparse/papaparse.min.js';
import { decodeCsvBytes } from './decode';
import type { CsvDelimiter, CsvRow, CsvSheet, DecodedText, RowProblem, SkippedRowReason } from './types';

export interface ReadSheetOptions {
  /** The delimiter the user chose; detected when absent. */
  readonly delimiter?: CsvDelimiter;
  /** Index into the sheet's rows of the header row the user chose; guessed when absent or out of range. */
  readonly headerIndex?: number;
}

export interface ChunkedReadOptions extends ReadSheetOptions {
  /** Share of the text parsed so far, 0…1 (called once per chunk and once at the end). */
  onProgress?(fraction: number): void;
  /** Checked after every chunk: true stops the read (readSheetChunked then resolves to null). */
  shouldStop?(): boolean;
  /** Characters per chunk (default 256 Ki). */
  readonly chunkSize?: number;
  /** Lets the thread breathe between chunks (default: a zero timeout, so a worker sees a Cancel message). */
  yieldNow?(): Promise<void>;
}

type Newline = '\n' | '\r' | '\r\n';
const DELIMITERS: readonly CsvDelimiter[] = ['\t', ';', ','];
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_ROWS = 200;
const DEFAULT_CHUNK = 256 * 1024;

// ---------- Delimiter and line ends ----------

/** The first line break outside quotes decides the file's line ends. */
function guessNewline(text: string): Newline {
  let quoted = false;
  const n = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 10) return '\n';
    else if (!quoted && c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return '\n';
}

/** Excel's "sep=;" hint line. */
const SEP_HINT = /^sep=([,;\t])\s*$/i;

function firstLine(text: string): string {
  const m = /[\r\n]/.exec(text.slice(0, 64));
  return m ? text.slice(0, m.index) : text.slice(0, 64);
}

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

interface SampleShape {
  /** Row width → rows of that width (blank rows left out). */
  readonly widths: Map<number, number>;
  /** Quotes out of place for this delimiter: inside an unquoted field, or a closing quote followed by something else. */
  readonly stray: number;
  /** Quoted fields opening right after the delimiter. */
  readonly opens: number;
}

/**
 * How the sample splits with one delimiter, by RFC 4180's rules (a quote opens a field only at
 * its start; inside, "" is a quote). Only rows that end inside the sample count.
 */
function scanSample(sample: string, d: number, complete: boolean): SampleShape {
  const widths = new Map<number, number>();
  let stray = 0;
  let opens = 0;
  let fields = 1;
  let filled = false;
  let rows = 0;
  let i = 0;
  const n = sample.length;
  const endRow = () => {
    if (fields > 1 || filled) widths.set(fields, (widths.get(fields) ?? 0) + 1);
    fields = 1;
    filled = false;
    rows++;
  };
  while (i < n && rows < SAMPLE_ROWS) {
    // At the start of a field.
    if (sample.charCodeAt(i) === 34) {
      if (i > 0 && sample.charCodeAt(i - 1) === d) opens++;
      filled = true;
      i++;
      for (;;) {
        const q = sample.indexOf('"', i);
        if (q < 0) return { widths, stray, opens }; // the quote runs past the sample
        if (sample.charCodeAt(q + 1) === 34) {
          i = q + 2;
          continue;
        }
        i = q + 1;
        const next = sample.charCodeAt(i);
        if (i < n && next !== d && next !== 10 && next !== 13) stray++;
        break;
      }
    }
    // The rest of the field, up to the delimiter or the line end.
    for (; i < n; i++) {
      const c = sample.charCodeAt(i);
      if (c === d) {
        fields++;
        i++;
        break;
      }
      if (c === 10 || c === 13) {
        i += c === 13 && sample.charCodeAt(i + 1) === 10 ? 2 : 1;
        endRow();
        break;
      }
      if (c === 34) stray++;
      else if (c !== 32) filled = true;
    }
  }
  if (complete && i >= n && (fields > 1 || filled)) endRow();
  return { widths, stray, opens };
}

/**
 * The delimiter that splits the sample into the most rows of one width (at least 2 columns),
 * less twice the quotes it leaves out of place ('"Acme, Inc.";1.234,56' split on commas breaks
 * the quotes). Ties go to the delimiter that more quoted fields open after, then to more
 * columns, then to tab, semicolon, comma — commas turn up inside values (decimal marks,
 * "Acme, Inc.") far more often than the other two.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const hint = SEP_HINT.exec(firstLine(text));
  if (hint) return hint[1] as CsvDelimiter;
  const sample = text.slice(0, SAMPLE_CHARS);
  const complete = sample.length === text.length;
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  let bestOpens = 0;
  let bestWidth = 0;
  for (const delimiter of DELIMITERS) {
    const shape = scanSample(sample, delimiter.charCodeAt(0), complete);
    let width = 0;
    let rows = 0;
    for (const [w, c] of shape.widths) if (c > rows || (c === rows && w > width)) [width, rows] = [w, c];
    if (width < 2) continue;
    const score = rows - 2 * shape.stray;
    const better =
      score > bestScore || (score === bestScore && (shape.opens > bestOpens || (shape.opens === bestOpens && width > bestWidth)));
    if (better) [best, bestScore, bestOpens, bestWidth] = [delimiter, score, shape.opens, width];
  }
  return best;
}

// ---------- Rows ----------

interface ParsedChunk {
  readonly rows: string[][];
  readonly errors: readonly PapaError[];
  /** Characters of the text consumed so far. */
  readonly consumed: number;
}

/** Papa's core parser over the text in chunks, each ending on a complete row (a row cut by the chunk is carried into the next). */
function* parseChunks(text: string, delimiter: CsvDelimiter, newline: Newline, chunkSize: number): Generator<ParsedChunk> {
  let partial = '';
  let base = 0;
  for (let at = 0; at < text.length || at === 0; at += chunkSize) {
    const finished = at + chunkSize >= text.length;
    const aggregate = partial + text.slice(at, at + chunkSize);
    const res = new Papa.Parser({ delimiter, newline }).parse(aggregate, base, !finished);
    if (!finished) {
      partial = aggregate.slice(res.meta.cursor - base);
      base = res.meta.cursor;
    }
    yield { rows: res.data, errors: res.errors, consumed: finished ? text.length : base };
    if (finished) return;
  }
}

/** Line breaks inside a cell (a quoted cell may hold "\r\n", "\n" or "\r"): each moves the next row one line down. */
function breaksIn(cell: string): number {
  if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return 0;
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && cell.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Accumulates rows chunk by chunk with their physical line numbers and the parser's quote problems. */
class RowCollector {
  readonly rows: CsvRow[] = [];
  readonly problems: RowProblem[] = [];
  private line = 1;

  add(chunk: ParsedChunk): void {
    const first = this.rows.length;
    for (const cells of chunk.rows) {
      this.rows.push({ line: this.line, cells });
      let span = 1;
      for (const c of cells) span += breaksIn(c);
      this.line += span;
    }
    for (const e of chunk.errors) {
      if (e.type !== 'Quotes') continue;
      const row = this.rows[first + (e.row ?? 0)] ?? this.rows[this.rows.length - 1];
      const line = row?.line ?? 1;
      const key = e.code === 'MissingQuotes' ? 'csv.reason.unclosedQuote' : 'csv.reason.strayQuote';
      this.problems.push({ line, kind: 'line', reason: { key, params: { line } } });
    }
  }

  /** A file ending in a line break has an empty last "row" that is no row at all. */
  finish(text: string): void {
    const last = this.rows[this.rows.length - 1];
    const endsInBreak = text.endsWith('\n') || text.endsWith('\r');
    if (last && endsInBreak && last.cells.length === 1 && last.cells[0] === '') this.rows.pop();
  }
}

// ---------- Header row ----------

/** Very common header names (API names and report labels), squeezed to letters and digits: a row holding several is the header. */
const KNOWN_HEADERS = new Set(
  [
    'Id',
    'Record ID',
    'Name',
    'Account Name',
    'Account',
    'Company',
    'Company name',
    'Email',
    'E-mail',
    'First Name',
    'Last Name',
    'Full Name',
    'Title',
    'Job Title',
    'Phone',
    'Website',
    'Industry',
    'Owner',
    'Account Owner',
    'Contact Owner',
    'Department',
    'Reports To',
    'Account ID',
    'Contact ID',
    'AccountId',
    'OwnerId',
    'ReportsToId',
    'AnnualRevenue',
    'Annual Revenue',
    'CurrencyIsoCode',
    'Currency',
    'BillingCountry',
    'Billing Country',
    'Country',
    'Region',
    'ARR',
    'Company Domain Name',
    'Associated Company',
    'Mobile',
    'Created Date',
  ].map((h) => squeeze(h)),
);

function squeeze(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A cell that holds a value rather than a label: a number, an amount, a date, a percentage, an e-mail address. */
function isValueLike(cell: string): boolean {
  if (cell.includes('@')) return true;
  const s = cell.replace(/[€$£¥\s]|\b[A-Z]{3}\b/g, '');
  return /\d/.test(s) && /^[-+(]?[\d.,:/'\-TZ]+[)%]?$/.test(s);
}

/** The widest common row width among non-blank rows (ties to the wider): how wide data rows are. */
function dataWidth(rows: readonly CsvRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (!isBlank(r.cells)) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let width = 0;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && w > width)) [width, n] = [w, c];
  return width;
}

const HEADER_WINDOW = 100;

/**
 * The header row: the first row near the top that is about as wide as most data rows and
 * whose cells are mostly filled, not values (numbers, dates, amounts, e-mail addresses) and
 * distinct; among those, a row with more known header names ("Account Name", "Email") wins.
 * Title, "Filtered By:" and blank rows above it are narrower and so never qualify.
 */
export function guessHeaderRow(rows: readonly CsvRow[]): number {
  const width = dataWidth(rows);
  const end = Math.min(rows.length, HEADER_WINDOW);
  let first = -1;
  let firstKnown = 0;
  let best = -1;
  let bestKnown = 0;
  for (let i = 0; i < end; i++) {
    const cells = rows[i]!.cells.map((c) => c.trim());
    if (cells.length < Math.max(1, Math.ceil(width * 0.8))) continue;
    const filled = cells.filter((c) => c !== '');
    if (filled.length === 0 || filled.length < width * 0.5) continue;
    const labels = filled.filter((c) => !isValueLike(c));
    if (labels.length < filled.length * 0.75) continue;
    if (new Set(filled.map((c) => c.toLowerCase())).size < filled.length * 0.9) continue;
    const known = filled.filter((c) => KNOWN_HEADERS.has(squeeze(c))).length;
    if (first < 0) [first, firstKnown] = [i, known];
    if (known > bestKnown) [best, bestKnown] = [i, known];
  }
  if (first < 0) {
    const i = rows.findIndex((r) => r.cells.length >= width && !isBlank(r.cells));
    return Math.max(0, i);
  }
  return best >= 0 && bestKnown >= 2 && bestKnown > firstKnown ? best : first;
}

// ---------- Data rows, totals and footers ----------

/** "Total", "Totals", "Grand Totals (40 records)", "Subtotal", "Sum:", "I alt" — the whole first cell, not "Total Gym Ltd". */
const TOTAL = /^(?:grand\s+)?(?:sub-?)?(?:totals?|totalt|sum|summe|gesamt(?:summe)?|i alt)\s*(?::.*|\(.*\)|\d[\d.,\s]*)?$/i;
/** Report footers: "Copyright (c) 2000-2026 salesforce.com, inc.", "Confidential Information - Do Not Distribute", "Generated By: …". */
const FOOTER = /^(?:copyright\b|\(c\)|©|generated\s+by\b|confidential\b|powered\s+by\b)/i;

function firstFilled(cells: readonly string[]): string {
  for (const c of cells) {
    const t = c.trim();
    if (t !== '') return t;
  }
  return '';
}

/** The sheet read with the given header row: headers, data rows under it, and why every other row is left out. */
export function withHeader(
  base: Pick<CsvSheet, 'encoding' | 'bom' | 'delimiter' | 'rows' | 'problems'>,
  headerIndex: number = guessHeaderRow(base.rows),
): CsvSheet {
  const rows = base.rows;
  const h = Number.isInteger(headerIndex) && headerIndex >= 0 && headerIndex < rows.length ? headerIndex : guessHeaderRow(rows);
  const headerCells = rows[h]?.cells ?? [];
  const headers = headerCells.map((c) => c.trim());
  const skipped: { line: number; reason: SkippedRowReason }[] = [];
  for (let i = 0; i < h && i < rows.length; i++) {
    const r = rows[i]!;
    skipped.push({ line: r.line, reason: isBlank(r.cells) ? 'blank' : 'title' });
  }
  const data: CsvRow[] = [];
  // After a blank line, a total or a footer, a row narrower than the header is more footer.
  let gap = false;
  for (let i = h + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (isBlank(r.cells)) {
      skipped.push({ line: r.line, reason: 'blank' });
      if (data.length > 0) gap = true;
      continue;
    }
    const lead = firstFilled(r.cells);
    if (FOOTER.test(lead)) {
      skipped.push({ line: r.line, reason: 'footer' });
      gap = true;
    } else if (TOTAL.test(lead)) {
      skipped.push({ line: r.line, reason: 'total' });
      gap = true;
    } else if (gap && r.cells.length < headers.length) {
      skipped.push({ line: r.line, reason: 'footer' });
    } else {
      data.push(r);
    }
  }
  const sheet: CsvSheet = {
    encoding: base.encoding,
    bom: base.bom,
    delimiter: base.delimiter,
    rows,
    headerIndex: h,
    headers,
    data,
    skipped,
  };
  return base.problems && base.problems.length > 0 ? { ...sheet, problems: base.problems } : sheet;
}

// ---------- Entry points ----------

function asDecoded(input: string | DecodedText): DecodedText {
  if (typeof input !== 'string') return input;
  return input.charCodeAt(0) === 0xfeff
    ? { text: input.slice(1), encoding: 'utf-8', bom: true }
    : { text: input, encoding: 'utf-8', bom: false };
}

function assemble(decoded: DecodedText, delimiter: CsvDelimiter, collector: RowCollector, opts: ReadSheetOptions): CsvSheet {
  collector.finish(decoded.text);
  const base = { encoding: decoded.encoding, bom: decoded.bom, delimiter, rows: collector.rows, problems: collector.problems };
  return withHeader(base, opts.headerIndex ?? guessHeaderRow(collector.rows));
}

/** Reads a whole CSV text (a string, or decoded bytes with their encoding) into a sheet. */
export function readSheet(input: string | DecodedText, opts: ReadSheetOptions = {}): CsvSheet {
  const decoded = asDecoded(input);
  const delimiter = opts.delimiter ?? detectDelimiter(decoded.text);
  const collector = new RowCollector();
  for (const chunk of parseChunks(decoded.text, delimiter, guessNewline(decoded.text), Number.MAX_SAFE_INTEGER)) collector.add(chunk);
  return assemble(decoded, delimiter, collector, opts);
}

/** Bytes of a file → sheet (encoding detected, BOM removed). */
export function sheetFromBytes(bytes: Uint8Array, opts: ReadSheetOptions = {}): CsvSheet {
  return readSheet(decodeCsvBytes(bytes), opts);
}

function defaultYield(): Promise<void> {
  const g = globalThis as { setTimeout?: (fn: () => void, ms: number) => unknown };
  return new Promise((resolve) => (g.setTimeout ? g.setTimeout(resolve, 0) : resolve()));
}

/**
 * readSheet in chunks for a Web Worker: progress after each chunk, a pause between chunks so
 * the worker's message queue runs (a Cancel can arrive), and null when `shouldStop` says so.
 * The sheet is the same as readSheet's for the same text.
 */
export async function readSheetChunked(input: string | DecodedText, opts: ChunkedReadOptions = {}): Promise<CsvSheet | null> {
  const decoded = asDecoded(input);
  const text = decoded.text;
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const collector = new RowCollector();
  const pause = opts.yieldNow ?? defaultYield;
  const size = Math.max(1024, Math.floor(opts.chunkSize ?? DEFAULT_CHUNK));
  for (const chunk of parseChunks(text, delimiter, guessNewline(text), size)) {
    collector.add(chunk);
    opts.onProgress?.(text.length === 0 ? 1 : chunk.consumed / text.length);
    if (opts.shouldStop?.()) return null;
    if (chunk.consumed < text.length) await pause();
  }
  const sheet = assemble(decoded, delimiter, collector, opts);
  opts.onProgress?.(1);
  return sheet;
}
