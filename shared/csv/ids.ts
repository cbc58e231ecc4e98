/**
 * Source ids of imported records. A Salesforce record id has a 15-character, case-sensitive
 * form (reports, the UI) and an 18-character form (API, Data Loader) that adds a 3-character
 * checksum of the capital letters so the id survives case-insensitive tools; both name the
 * same record, so both normalise to one key.
 */
import type { CsvSource } from './types';

const ALNUM = /^[a-zA-Z0-9]+$/;
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Salesforce's empty reference ("000000000000000" / "000000000000000AAA"): no record. */
const EMPTY_ID = '000000000000000';

/** The 3-character suffix of an 18-character id: per block of 5 characters, a bit for each capital letter (bit i = character i). */
export function salesforceChecksum(id15: string): string {
  let out = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += CHECKSUM_ALPHABET[bits];
  }
  return out;
}

/**
 * The 15-character key of a Salesforce id, or null when the text is not one: 15 letters and
 * digits, or 18 whose last 3 are the checksum of the first 15 (a wrong checksum means the id
 * was changed, e.g. lower-cased by a spreadsheet, and no longer names its record).
 */
export function salesforceKey(id: string): string | null {
  const s = id.trim();
  if ((s.length !== 15 && s.length !== 18) || !ALNUM.test(s)) return null;
  if (s.length === 15) return s;
  const head = s.slice(0, 15);
  return salesforceChecksum(head) === s.slice(15).toUpperCase() ? head : null;
}

export function looksLikeSalesforceId(id: string): boolean {
  return salesforceKey(id) !== null;
}

/** The 18-character form of a 15-character key (for exports a Salesforce tool will read back). */
export function salesforceId18(key15: string): string {
  return key15 + salesforceChecksum(key15);
}

/**
 * The key an imported record remembers: `salesforce:<15-char key>`, `hubspot:<id>`,
 * `other:<id>` (trimmed). Empty, Salesforce's empty reference, or (for Salesforce) text that
 * is not a Salesforce id → null.
 */
export function sourceKeyOf(source: CsvSource, raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  if (source === 'salesforce') {
    const key = salesforceKey(s);
    return key === null || key === EMPTY_ID ? null : `salesforce:${key}`;
  }
  return `${source}:${s}`;
}

/** Salesforce's placeholder for "no record" in a lookup column (some tools export it instead of an empty cell). */
export function isEmptySalesforceId(raw: string): boolean {
  return salesforceKey(raw) === EMPTY_ID;
}
