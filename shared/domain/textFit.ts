import { INTER_ADVANCE, INTER_RANGES } from './interMetrics';

/** The Inter weights the drawings use: regular, semi-bold, bold. */
export type InterWeight = 400 | 600 | 700;

/** A character Inter does not have is drawn by another font: count it as a wide one (CJK and emoji are about 1–1.25 em). */
const MISSING_EM = 1.25;
const ELLIPSIS = '…';
/** A name a megabyte long is clipped anyway: never look at more characters than this. */
const MAX_GRAPHEMES = 400;

const tables = new Map<InterWeight, Map<number, number>>();
function advances(weight: InterWeight): Map<number, number> {
  let t = tables.get(weight);
  if (!t) {
    t = new Map();
    const row = INTER_ADVANCE[weight];
    let i = 0;
    for (const [lo, hi] of INTER_RANGES) for (let c = lo; c <= hi; c++) t.set(c, (row[i++] ?? 1000) / 1000);
    tables.set(weight, t);
  }
  return t;
}

/** The width of one code point in em: its own advance, else its base letter's (é → e), 0 for a mark or a format character. */
function em(cp: number, t: Map<number, number>): number {
  const own = t.get(cp);
  if (own !== undefined) return own;
  const ch = String.fromCodePoint(cp);
  if (/^[\p{M}\p{Cf}]$/u.test(ch)) return 0;
  const base = ch.normalize('NFD').codePointAt(0);
  if (base !== undefined && base !== cp) return em(base, t);
  return MISSING_EM;
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
const graphemes = (s: string): string[] =>
  segmenter ? Array.from(segmenter.segment(s.slice(0, 4 * MAX_GRAPHEMES)), (g) => g.segment).slice(0, MAX_GRAPHEMES) : [...s];

/**
 * The width in pixels of text set in Inter at `size` px: the sum of its characters' advance widths
 * (Inter's own metrics, interMetrics.ts). Kerning is left out: Inter's kerning nearly always tightens.
 */
export function textWidth(s: string, size: number, weight: InterWeight): number {
  const t = advances(weight);
  let w = 0;
  for (const ch of s) w += em(ch.codePointAt(0) ?? 0, t);
  return w * size;
}

/**
 * The text as it fits `maxWidth` pixels in Inter at `size` px: unchanged when it fits, else cut
 * by whole characters (never inside an emoji or an accented letter) with an ellipsis after them.
 */
export function fitText(s: string, maxWidth: number, size: number, weight: InterWeight): string {
  const gs = graphemes(s);
  // Past MAX_GRAPHEMES the text was cut short already: far too wide for any card.
  const complete = gs.join('').length === s.length;
  if (complete && textWidth(s, size, weight) <= maxWidth) return s;
  const room = maxWidth - textWidth(ELLIPSIS, size, weight);
  let used = 0;
  let n = 0;
  for (const g of gs) {
    const w = textWidth(g, size, weight);
    if (used + w > room) break;
    used += w;
    n += 1;
  }
  // A space before the ellipsis reads as a dangling word gap: drop it.
  return `${gs.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
}
