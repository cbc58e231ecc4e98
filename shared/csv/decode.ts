/**
 * Bytes of a CSV file → text. CRMs and spreadsheets write UTF-8 (with or without a byte-order
 * mark), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's "Save as CSV" on Western
 * Windows). The encoding is read from the BOM, then from the pattern of zero bytes (UTF-16
 * without a BOM), then by trying strict UTF-8; bytes that are not UTF-8 are Windows-1252.
 */
import { webPlatform } from '../sync/platform';
import type { CsvEncoding, DecodedText } from './types';

/** Windows-1252 bytes 0x80–0x9F (WHATWG Encoding: the five undefined bytes map to the C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
] as const;

const CHUNK = 8192;

function fromCodeUnits(units: Uint16Array): string {
  const parts: string[] = [];
  for (let at = 0; at < units.length; at += CHUNK) parts.push(String.fromCharCode(...units.subarray(at, at + CHUNK)));
  return parts.join('');
}

/**
 * Windows-1252 → text: a table for 0x80–0x9F, every other byte is its own code point (Latin-1).
 * By hand, because TextDecoder('windows-1252') in Node 20 decodes 0x80–0x9F as Latin-1 (no €).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
  }
  return fromCodeUnits(units);
}

/** UTF-16 code units in the given byte order (an odd trailing byte is dropped as U+FFFD). */
export function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const n = bytes.length >> 1;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    units[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  return fromCodeUnits(units) + (bytes.length % 2 ? '\ufffd' : '');
}

/** Strict UTF-8, or null when the bytes are not UTF-8. */
function tryUtf8(bytes: Uint8Array): string | null {
  try {
    // TextDecoder eats a leading BOM; one that is still there after ours was removed is text.
    const lead = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
    return lead + webPlatform().decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM, told by its zero bytes: in mostly-ASCII text every other byte is 0
 * (odd positions for little-endian, even for big-endian). UTF-8 and Windows-1252 text has no
 * zero bytes at all, so a clear majority is proof enough.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= pairs * 0.6 && evenZero <= pairs * 0.05) return 'utf-16le';
  if (evenZero >= pairs * 0.6 && oddZero <= pairs * 0.05) return 'utf-16be';
  return null;
}

/** Detects the encoding of a CSV file's bytes and decodes them, the BOM removed (see the module comment for the order). */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const body = bytes.subarray(3);
    const text = tryUtf8(body);
    // A UTF-8 BOM before bytes that are not UTF-8: a tool added the mark to a 1252 file.
    return text === null ? { text: decodeWindows1252(body), encoding: 'windows-1252', bom: true } : { text, encoding: 'utf-8', bom: true };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: decodeUtf16(bytes, utf16 === 'utf-16le'), encoding: utf16, bom: false };
  const text = tryUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', bom: false };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
}

// ---------- Writing (fixtures, exports) ----------

let reverse1252: Map<number, number> | null = null;

/** Text → Windows-1252 bytes; a character the code page lacks becomes "?" (as Excel writes it). */
export function encodeWindows1252(text: string): Uint8Array {
  if (!reverse1252) {
    reverse1252 = new Map();
    CP1252_HIGH.forEach((cp, i) => reverse1252!.set(cp, 0x80 + i));
  }
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out[n++] = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : (reverse1252.get(cp) ?? 0x3f);
  }
  return out.subarray(0, n);
}

/** Text → UTF-16 bytes in the given byte order, without a BOM. */
export function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 * i] = littleEndian ? u & 0xff : u >> 8;
    out[2 * i + 1] = littleEndian ? u >> 8 : u & 0xff;
  }
  return out;
}

/** Text → bytes in one of the CSV encodings, optionally with its byte-order mark (Windows-1252 has none). */
export function encodeText(text: string, encoding: CsvEncoding, bom = false): Uint8Array {
  let body: Uint8Array;
  let mark: readonly number[];
  switch (encoding) {
    case 'utf-8':
      body = webPlatform().encode(text);
      mark = [0xef, 0xbb, 0xbf];
      break;
    case 'utf-16le':
      body = encodeUtf16(text, true);
      mark = [0xff, 0xfe];
      break;
    case 'utf-16be':
      body = encodeUtf16(text, false);
      mark = [0xfe, 0xff];
      break;
    case 'windows-1252':
      body = encodeWindows1252(text);
      mark = []; // a code page has no byte-order mark
      break;
  }
  if (!bom) return body;
  const out = new Uint8Array(mark.length + body.length);
  out.set(mark, 0);
  out.set(body, mark.length);
  return out;
}
