import type { IsoDate } from './dates';
import { CARD_HEIGHT, CARD_WIDTH } from './orgLayout';
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
}

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
  // A name a megabyte long is clipped anyway; bound the work before looking at every character.
  const raw = textOf(v).slice(0, 4 * max + 64);
  let clean = '';
  for (const ch of raw) if (isXmlChar(ch.codePointAt(0) ?? 0)) clean += ch;
  const gs = graphemes(clean);
  const clipped = gs.length > max ? `${gs.slice(0, max - 1).join('')}…` : clean;
  return clipped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="Inter, 'Helvetica Neue', Arial, sans-serif">`,
  );
  out.push(`<title>${text(input.title ?? 'Stakeholder map')}</title>`);
  out.push('<defs>');
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
      `<text x="${round(minX + pad)}" y="${round(minY + pad + 6)}" font-size="16" font-weight="700" fill="#1B1C20">${text(input.title)}</text>`,
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
    out.push(
      `<text x="16" y="24" font-size="13" font-weight="700" fill="#1B1C20">${text(placeholder && !name ? label('placeholder') : name, 26)}</text>`,
    );
    out.push(
      `<text x="16" y="41" font-size="11" fill="#555863">${text([textOf(p.title), textOf(p.department)].filter(Boolean).join(' · '), 32)}</text>`,
    );
    out.push(
      `<text x="16" y="62" font-size="10" font-weight="600" fill="${colour === STANCE_COLOUR.neutral ? '#6B7280' : colour}">${text(label(isStance(p.stance) ? `stance.${p.stance}` : 'stance.unknown'))}</text>`,
    );
    out.push(
      `<text x="16" y="75" font-size="10" fill="#555863">${text(label(isBuyingRole(p.buyingRole) ? `role.${p.buyingRole}` : 'role.unknown'), 22)}</text>`,
    );
    if (!placeholder)
      out.push(
        `<text x="${CARD_WIDTH - 10}" y="75" font-size="10" font-weight="600" text-anchor="end" fill="${FRESHNESS_COLOUR[f.level]}">${text(fresh)}</text>`,
      );
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
