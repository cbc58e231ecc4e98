import type { IsoDate } from './dates';
import { CARD_HEIGHT, CARD_WIDTH } from './orgLayout';
import { fitText, textWidth, type InterWeight } from './textFit';
import {
  DEFAULT_FRESHNESS,
  finiteOr,
  freshness,
  isBuyingRole,
  isLineKind,
  isStance,
  textOf,
  type FreshnessLevel,
  type FreshnessThresholds,
  type LineFields,
  type LineKind,
  type PersonFields,
  type Stance,
} from './stakeholders';

/** Okabe–Ito stance palette (UI.md): safe for colour-blind readers, always paired with a label. */
export const STANCE_COLOUR: Readonly<Record<Stance, string>> = {
  champion: '#009E73',
  supporter: '#56B4E9',
  neutral: '#999999',
  skeptic: '#E69F00',
  opponent: '#D55E00',
};

/** A stance's colour; one this version does not know is drawn as neutral (its word says "unknown"). */
export const stanceColour = (s: unknown): string => (isStance(s) ? STANCE_COLOUR[s] : STANCE_COLOUR.neutral);

export const FRESHNESS_COLOUR: Readonly<Record<FreshnessLevel, string>> = {
  green: '#047857',
  amber: '#A16207',
  red: '#C2410C',
  never: '#6B7280',
};

export interface LineStyle {
  readonly stroke: string;
  readonly dash: string | null;
  readonly width: number;
  readonly arrow: boolean;
}

/** How each line kind is drawn, on screen and on paper alike. */
export const LINE_STYLE: Readonly<Record<LineKind, LineStyle>> = {
  reportsTo: { stroke: '#6B7280', dash: null, width: 1.6, arrow: false },
  dotted: { stroke: '#6B7280', dash: '5 4', width: 1.4, arrow: false },
  influences: { stroke: '#4F46E5', dash: null, width: 1.6, arrow: true },
  conflict: { stroke: '#D55E00', dash: '2 3', width: 2, arrow: false },
  alliance: { stroke: '#009E73', dash: '8 3 2 3', width: 2, arrow: false },
};

/** A line of a kind a newer version drew: light grey, plain, no arrow — visibly "not one of ours". */
export const UNKNOWN_LINE_STYLE: LineStyle = { stroke: '#9CA3AF', dash: null, width: 1.4, arrow: false };

/** The style of a line of any kind: its own when known, the neutral one when not. */
export const lineStyle = (kind: unknown): LineStyle => (isLineKind(kind) ? LINE_STYLE[kind] : UNKNOWN_LINE_STYLE);

export type MapSvgLabel =
  `stance.${Stance | 'unknown'}` | `role.${string}` | 'kind.unknown' | 'freshness.never' | 'freshness.days' | 'placeholder';

export interface MapSvgInput {
  readonly people: ReadonlyArray<PersonFields & { readonly id: string }>;
  readonly lines: ReadonlyArray<LineFields & { readonly id: string }>;
  readonly last: ReadonlyMap<string, IsoDate>;
  readonly today: IsoDate;
  readonly thresholds?: FreshnessThresholds;
  /** Translated words: stance, role and freshness labels, "unknown" for values a newer version sent, and the placeholder word. */
  readonly label: (key: MapSvgLabel, n?: number) => string;
  readonly title?: string;
  /**
   * Inter faces to embed (an SVG file or image sees no fonts but its own): the text is fitted to
   * Inter's widths, so a drawing rasterised or opened elsewhere must be drawn in Inter too.
   */
  readonly fonts?: readonly EmbeddedFace[];
}

/** One Inter face as a data: URL, with the characters it covers (its CSS unicode-range). */
export interface EmbeddedFace {
  readonly weight: InterWeight;
  readonly unicodeRange: string;
  /** data:font/woff2;base64,… */
  readonly src: string;
}

/** The character ranges of the Inter subsets the drawings embed (as @fontsource/inter declares them). */
export const INTER_SUBSETS = {
  latin:
    'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
  latinExt:
    'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF',
  greek: 'U+0370-0377, U+037A-037F, U+0384-038A, U+038C, U+038E-03A1, U+03A3-03FF',
  cyrillic: 'U+0301, U+0400-045F, U+0490-0491, U+04B0-04B1, U+2116',
} as const;

/** The family the drawing names first, and the one embedded faces are declared under. */
export const MAP_FONT_FAMILY = 'Inter';
const DATA_WOFF2 = /^data:font\/woff2;base64,[A-Za-z0-9+/]+=*$/;
const UNICODE_RANGE = /^[Uu]\+[0-9A-Fa-f?]+(-[0-9A-Fa-f]+)?(, ?[Uu]\+[0-9A-Fa-f?]+(-[0-9A-Fa-f]+)?)*$/;

/** @font-face rules for the embedded faces; a face that is not a base64 woff2 data: URL with a plain range is left out. */
export function fontFaceCss(faces: readonly EmbeddedFace[]): string {
  return faces
    .filter((f) => [400, 600, 700].includes(f.weight) && DATA_WOFF2.test(f.src) && UNICODE_RANGE.test(f.unicodeRange))
    .map(
      (f) =>
        `@font-face{font-family:${MAP_FONT_FAMILY};font-style:normal;font-weight:${f.weight};src:url(${f.src}) format('woff2');unicode-range:${f.unicodeRange}}`,
    )
    .join('\n');
}

/** Where a card's text starts, and how far its right-hand words stay from the right edge. */
const TEXT_X = 16;
const TEXT_RIGHT = 10;
/** The width a line of card text may take: to the right padding, less 2 px for kerning and anti-aliasing. */
export const CARD_TEXT_WIDTH = CARD_WIDTH - TEXT_X - TEXT_RIGHT - 2;
/** The card's lines: size (px) and weight of the name, the title line, the stance, the role and the freshness. */
export const CARD_TEXT = {
  name: { size: 13, weight: 700 },
  title: { size: 11, weight: 400 },
  stance: { size: 10, weight: 600 },
  role: { size: 10, weight: 400 },
  fresh: { size: 10, weight: 600 },
} as const satisfies Record<string, { size: number; weight: InterWeight }>;
const MAP_TITLE = { size: 16, weight: 700 } as const;
/** The freshness ("12 days", "No contact") may take this much of the bottom line; the role gets the rest. */
const FRESH_WIDTH = 100;

/** XML 1.0 `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and the astral planes; nothing else may appear in the file. */
const isXmlChar = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
const graphemes = (s: string): string[] => (segmenter ? Array.from(segmenter.segment(s), (g) => g.segment) : [...s]);

/**
 * Any value as text that is safe inside the SVG: only XML characters (a lone surrogate or a
 * control character would make the file unreadable), clipped by whole characters with an
 * ellipsis, then escaped. Clipping comes before escaping so a cut never falls inside an entity.
 */
function text(v: unknown, max = 200): string {
  const clean = xmlText(v, max);
  const gs = graphemes(clean);
  return escape(gs.length > max ? `${gs.slice(0, max - 1).join('')}…` : clean);
}

/** A value's text with only XML characters, bounded first: a name a megabyte long is clipped anyway. */
function xmlText(v: unknown, max = 200): string {
  const raw = textOf(v).slice(0, 4 * max + 64);
  let clean = '';
  for (const ch of raw) if (isXmlChar(ch.codePointAt(0) ?? 0)) clean += ch;
  return clean;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Any value as safe SVG text that fits `width` pixels in Inter (fitText), clipped before it is escaped. */
function fitted(v: unknown, width: number, font: { readonly size: number; readonly weight: InterWeight }): string {
  return escape(fitText(xmlText(v), width, font.size, font.weight));
}

/** A number as it may appear in an attribute: finite, within ±1e6, at most two decimals, never "-0" or "1e21". */
const round = (n: number): number => Math.round(n * 100) / 100 + 0;
const num = (v: unknown): number => round(finiteOr(v));
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** The point where the segment from a card's centre towards (tx, ty) leaves the card. */
function exitPoint(cx: number, cy: number, tx: number, ty: number): [number, number] {
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const sx = dx === 0 ? Infinity : CARD_WIDTH / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : CARD_HEIGHT / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [cx + dx * s, cy + dy * s];
}

/**
 * The stakeholder map as a standalone vector SVG (what the canvas shows, without the UI
 * chrome): cards coloured by stance, ring width by influence, role and freshness written out,
 * placeholders dashed, lines styled by kind. Used for SVG/PNG export and the plan PDF.
 * Whatever a row holds, every number written is finite and every text escaped XML: a value a
 * newer version sent (a line kind, a stance) is drawn neutrally and named "unknown".
 */
export function mapToSvg(input: MapSvgInput): string {
  const { last, today } = input;
  const people = input.people.filter(isObject).map((p) => ({ p, x: num(p.x), y: num(p.y) }));
  const label = (key: MapSvgLabel, n?: number) => textOf(input.label(key, n));
  const pad = 32;
  let [loX, loY, hiX, hiY] = people.length ? [Infinity, Infinity, -Infinity, -Infinity] : [0, 0, 0, 0];
  // A loop, not Math.min(...xs): a spread of many thousand arguments overflows the stack.
  for (const { x, y } of people) [loX, loY, hiX, hiY] = [Math.min(loX, x), Math.min(loY, y), Math.max(hiX, x), Math.max(hiY, y)];
  const minX = round(loX - pad);
  const minY = round(loY - pad - (input.title ? 28 : 0));
  const width = round(hiX + CARD_WIDTH - minX + pad);
  const height = round(hiY + CARD_HEIGHT - minY + pad);
  const byId = new Map(people.map((e) => [e.p.id, e]));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="${MAP_FONT_FAMILY}, 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif">`,
  );
  out.push(`<title>${text(input.title ?? 'Stakeholder map')}</title>`);
  out.push('<defs>');
  const css = input.fonts ? fontFaceCss(input.fonts) : '';
  if (css) out.push(`<style>${css}</style>`);
  for (const kind of Object.keys(LINE_STYLE) as LineKind[]) {
    const st = LINE_STYLE[kind];
    if (st.arrow)
      out.push(
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${st.stroke}"/></marker>`,
      );
  }
  out.push('</defs>');
  out.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#FFFFFF"/>`);
  if (input.title)
    out.push(
      `<text x="${round(minX + pad)}" y="${round(minY + pad + 6)}" font-size="${MAP_TITLE.size}" font-weight="${MAP_TITLE.weight}" fill="#1B1C20">${fitted(input.title, width - 2 * pad, MAP_TITLE)}</text>`,
    );
  for (const l of input.lines) {
    if (!isObject(l)) continue;
    const a = byId.get(l.from);
    const b = byId.get(l.to);
    if (!a || !b) continue;
    const known = isLineKind(l.kind);
    const st = lineStyle(l.kind);
    const [ax, ay] = [a.x + CARD_WIDTH / 2, a.y + CARD_HEIGHT / 2];
    const [bx, by] = [b.x + CARD_WIDTH / 2, b.y + CARD_HEIGHT / 2];
    const [x1, y1] = exitPoint(ax, ay, bx, by);
    const [x2, y2] = exitPoint(bx, by, ax, ay);
    const attrs = `x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}`;
    out.push(
      known
        ? `<line data-kind="${l.kind}" ${attrs}${st.arrow ? ` marker-end="url(#arrow-${l.kind})"` : ''}/>`
        : `<line data-kind="unknown" ${attrs}><title>${text(label('kind.unknown'))}</title></line>`,
    );
  }
  for (const { p, x, y } of people) {
    const colour = stanceColour(p.stance);
    const placeholder = p.placeholder === true;
    const ring = 1 + Math.min(5, Math.max(0, finiteOr(p.influence))) * 0.7;
    const f = freshness(last.get(p.id), today, input.thresholds ?? DEFAULT_FRESHNESS);
    const fresh = f.level === 'never' ? label('freshness.never') : label('freshness.days', f.days ?? 0);
    const name = textOf(p.name);
    out.push(`<g data-person="${text(p.id)}" transform="translate(${x} ${y})">`);
    out.push(
      `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="10" fill="#FFFFFF" stroke="${placeholder ? '#9CA3AF' : colour}" stroke-width="${placeholder ? 1.5 : ring.toFixed(1)}"${placeholder ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    out.push(`<rect x="0" y="0" width="6" height="${CARD_HEIGHT}" rx="3" fill="${placeholder ? '#D1D5DB' : colour}"/>`);
    const t = CARD_TEXT;
    const attrs = (f: { readonly size: number; readonly weight: InterWeight }) =>
      `font-size="${f.size}"${f.weight === 400 ? '' : ` font-weight="${f.weight}"`}`;
    out.push(
      `<text x="${TEXT_X}" y="24" ${attrs(t.name)} fill="#1B1C20">${fitted(placeholder && !name ? label('placeholder') : name, CARD_TEXT_WIDTH, t.name)}</text>`,
    );
    out.push(
      `<text x="${TEXT_X}" y="41" ${attrs(t.title)} fill="#555863">${fitted([textOf(p.title), textOf(p.department)].filter(Boolean).join(' · '), CARD_TEXT_WIDTH, t.title)}</text>`,
    );
    out.push(
      `<text x="${TEXT_X}" y="62" ${attrs(t.stance)} fill="${colour === STANCE_COLOUR.neutral ? '#6B7280' : colour}">${fitted(label(isStance(p.stance) ? `stance.${p.stance}` : 'stance.unknown'), CARD_TEXT_WIDTH, t.stance)}</text>`,
    );
    // The role and the freshness share the bottom line: the role gets what the freshness leaves.
    const freshText = placeholder ? '' : fitText(xmlText(fresh), FRESH_WIDTH, t.fresh.size, t.fresh.weight);
    const roleWidth = freshText ? CARD_TEXT_WIDTH - textWidth(freshText, t.fresh.size, t.fresh.weight) - 8 : CARD_TEXT_WIDTH;
    out.push(
      `<text x="${TEXT_X}" y="75" ${attrs(t.role)} fill="#555863">${fitted(label(isBuyingRole(p.buyingRole) ? `role.${p.buyingRole}` : 'role.unknown'), roleWidth, t.role)}</text>`,
    );
    if (freshText)
      out.push(
        `<text x="${CARD_WIDTH - TEXT_RIGHT}" y="75" ${attrs(t.fresh)} text-anchor="end" fill="${FRESHNESS_COLOUR[f.level]}">${escape(freshText)}</text>`,
      );
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
