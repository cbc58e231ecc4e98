/** Most file systems (NTFS, APFS, ext4) allow 255 bytes (or UTF-16 units) per name; UTF-8 bytes is the strictest count. */
export const MAX_NAME_BYTES = 255;

/** Bidi controls: "invoice" + U+202E + "fdp.exe" shows as "invoiceexe.pdf". They never belong in a name. */
const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Windows device names, which stay devices whatever extension follows ("nul.tar.gz" is NUL). */
const RESERVED = /^(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[1-9¹²³]|LPT[1-9¹²³])$/i;
const FORBIDDEN = '\\/:*?"<>|';

const encoder = new TextEncoder();
const byteLength = (s: string) => encoder.encode(s).length;
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
/** User-perceived characters (an emoji with its modifiers, a letter with its accents), lazily; code points without Intl.Segmenter. */
function* graphemes(s: string): Generator<string> {
  if (!segmenter) yield* s;
  else for (const g of segmenter.segment(s)) yield g.segment;
}

const dropped = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || BIDI.has(c) || (c >= 0xd800 && c <= 0xdfff);
/** Windows drops trailing dots and spaces (so "a." and "a" clash); leading ones hide the file or look blank. */
const tidy = (s: string) => s.replace(/^[\s.]+|[\s.]+$/gu, '');

/** The longest start of `s` within both limits, never splitting a character. */
function cut(s: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const g of graphemes(s)) {
    const b = byteLength(g);
    if (chars >= maxChars || bytes + b > maxBytes) break;
    out += g;
    chars += 1;
    bytes += b;
  }
  return out;
}

function stemOf(title: string, max: number, budget: number): string {
  // A lone surrogate (half an emoji) cannot be written as UTF-8: it goes with the control characters.
  const clean = Array.from(title, (ch) => (dropped(ch.codePointAt(0) ?? 0) ? '' : FORBIDDEN.includes(ch) ? '-' : ch)).join('');
  const stem = tidy(cut(tidy(clean), max, budget));
  const device = RESERVED.test((stem.split('.')[0] ?? '').trimEnd());
  return device ? tidy(cut(`_${stem}`, max, budget)) : stem;
}

/**
 * A file name every file system accepts, from a title: \ / : * ? " < > | become "-", control
 * and bidi characters go, leading and trailing dots and spaces go, a Windows device name
 * (CON, NUL.tar…) gets a "_" in front, and the name with its extension is cut to `max`
 * characters and 255 UTF-8 bytes by whole characters (the fallback when nothing is left).
 */
export function safeFileName(title: string, extension: string, fallback = 'Waypoint', max = 150): string {
  const ext = `.${extension}`;
  const budget = MAX_NAME_BYTES - byteLength(ext);
  return `${stemOf(title, max, budget) || stemOf(fallback, max, budget) || 'Waypoint'}${ext}`;
}
