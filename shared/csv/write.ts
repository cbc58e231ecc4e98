/**
 * CSV out: RFC 4180 (fields with a delimiter, a quote or a line break are quoted, quotes doubled,
 * CRLF line ends) plus the OWASP defence against formula injection: a cell a spreadsheet would
 * run as a formula gets a leading apostrophe.
 */
import type { CsvDelimiter } from './types';

/** A cell that is only a negative number ("-42", "-1.5", "-1,234.56"): a spreadsheet reads it as a number, never a formula. */
const NEGATIVE_NUMBER = /^-\d(?:[\d.,]*\d)?$/;

function startsFormula(cell: string): boolean {
  const c = cell.charAt(0);
  if (c === '=' || c === '+' || c === '@' || c === '\t' || c === '\r') return true;
  return c === '-' && !NEGATIVE_NUMBER.test(cell);
}

/**
 * Whether `escapeFormula` prefixes the cell: it starts with = + - @ a tab or a carriage return
 * (a plain negative number excepted), or with apostrophes before such a start — so that
 * `unescapeFormula` can take exactly one apostrophe back off and every cell round-trips.
 */
function needsEscape(cell: string): boolean {
  let i = 0;
  while (cell.charCodeAt(i) === 39) i++;
  return startsFormula(i === 0 ? cell : cell.slice(i));
}

/** OWASP CSV injection: "=SUM(A1)" → "'=SUM(A1)"; "-42" stays a number. */
export function escapeFormula(cell: string): string {
  return needsEscape(cell) ? `'${cell}` : cell;
}

/** The inverse of escapeFormula, for reading back a file Waypoint wrote. */
export function unescapeFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 && needsEscape(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Quote a field that holds any of the three delimiters (not just the one in use, so a reader's guess stays right), a quote or a line break. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

export function quoteCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export interface ToCsvOptions {
  /** Start with U+FEFF so Excel reads the UTF-8 file as UTF-8. */
  readonly bom?: boolean;
  readonly delimiter?: CsvDelimiter;
  /** Formula escaping is on unless turned off (only for files no spreadsheet will open). */
  readonly escapeFormulas?: boolean;
}

/** Rows → CSV text: every cell formula-escaped then quoted as needed, CRLF after every row. */
export function toCsv(rows: readonly (readonly string[])[], opts: ToCsvOptions = {}): string {
  const delimiter = opts.delimiter ?? ',';
  const escape = opts.escapeFormulas !== false;
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map((cell) => quoteCell(escape ? escapeFormula(cell) : cell)).join(delimiter));
  return (opts.bom ? '\ufeff' : '') + lines.map((l) => l + '\r\n').join('');
}
