import type { IsoDate } from './dates';
import { CARD_HEIGHT, CARD_WIDTH } from './orgLayout';
import { freshness, type FreshnessThresholds, DEFAULT_FRESHNESS, type LineFields, type PersonFields, type Stance, type LineKind, type FreshnessLevel } from './stakeholders';

/** Okabe–Ito stance palette (UI.md): safe for colour-blind readers, always paired with a label. */
export const STANCE_COLOUR: Readonly<Record<Stance, string>> = {
  champion: '#009E73',
  supporter: '#56B4E9',
  neutral: '#999999',
  skeptic: '#E69F00',
  opponent: '#D55E00',
};

export const FRESHNESS_COLOUR: Readonly<Record<FreshnessLevel, string>> = { green: '#047857', amber: '#A16207', red: '#C2410C', never: '#6B7280' };

/** How each line kind is drawn, on screen and on paper alike. */
export const LINE_STYLE: Readonly<Record<LineKind, { stroke: string; dash: string | null; width: number; arrow: boolean }>> = {
  reportsTo: { stroke: '#6B7280', dash: null, width: 1.6, arrow: false },
  dotted: { stroke: '#6B7280', dash: '5 4', width: 1.4, arrow: false },
  influences: { stroke: '#4F46E5', dash: null, width: 1.6, arrow: true },
  conflict: { stroke: '#D55E00', dash: '2 3', width: 2, arrow: false },
  alliance: { stroke: '#009E73', dash: '8 3 2 3', width: 2, arrow: false },
};

export interface MapSvgInput {
  readonly people: ReadonlyArray<PersonFields & { readonly id: string }>;
  readonly lines: ReadonlyArray<LineFields & { readonly id: string }>;
  readonly last: ReadonlyMap<string, IsoDate>;
  readonly today: IsoDate;
  readonly thresholds?: FreshnessThresholds;
  /** Translated words: stance, role and freshness labels, and the placeholder word. */
  readonly label: (key: `stance.${Stance}` | `role.${string}` | 'freshness.never' | 'freshness.days' | 'placeholder', n?: number) => string;
  readonly title?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Clips by whole characters (never half an emoji) and marks the cut with an ellipsis. */
const clip = (s: string, max: number) => {
  const cs = [...s];
  return cs.length > max ? `${cs.slice(0, max - 1).join('')}…` : s;
};

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
 */
export function mapToSvg(input: MapSvgInput): string {
  const { people, lines, last, today } = input;
  const pad = 32;
  const xs = people.map((p) => p.x);
  const ys = people.map((p) => p.y);
  const minX = (people.length ? Math.min(...xs) : 0) - pad;
  const minY = (people.length ? Math.min(...ys) : 0) - pad - (input.title ? 28 : 0);
  const width = (people.length ? Math.max(...xs) + CARD_WIDTH : CARD_WIDTH) - minX + pad;
  const height = (people.length ? Math.max(...ys) + CARD_HEIGHT : CARD_HEIGHT) - minY + pad;
  const byId = new Map(people.map((p) => [p.id, p]));
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${width}" height="${height}" font-family="Inter, 'Helvetica Neue', Arial, sans-serif">`);
  out.push(`<title>${esc(input.title ?? 'Stakeholder map')}</title>`);
  out.push('<defs>');
  for (const kind of Object.keys(LINE_STYLE) as LineKind[]) {
    const st = LINE_STYLE[kind];
    if (st.arrow) out.push(`<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${st.stroke}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#FFFFFF"/>`);
  if (input.title) out.push(`<text x="${minX + pad}" y="${minY + pad + 6}" font-size="16" font-weight="700" fill="#1B1C20">${esc(input.title)}</text>`);
  for (const l of lines) {
    const a = byId.get(l.from);
    const b = byId.get(l.to);
    if (!a || !b) continue;
    const st = LINE_STYLE[l.kind];
    const [ax, ay] = [a.x + CARD_WIDTH / 2, a.y + CARD_HEIGHT / 2];
    const [bx, by] = [b.x + CARD_WIDTH / 2, b.y + CARD_HEIGHT / 2];
    const [x1, y1] = exitPoint(ax, ay, bx, by);
    const [x2, y2] = exitPoint(bx, by, ax, ay);
    out.push(
      `<line data-kind="${l.kind}" x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${st.stroke}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}${st.arrow ? ` marker-end="url(#arrow-${l.kind})"` : ''}/>`,
    );
  }
  for (const p of people) {
    const colour = STANCE_COLOUR[p.stance];
    const ring = 1 + p.influence * 0.7;
    const f = freshness(last.get(p.id), today, input.thresholds ?? DEFAULT_FRESHNESS);
    const fresh = f.level === 'never' ? input.label('freshness.never') : input.label('freshness.days', f.days ?? 0);
    out.push(`<g data-person="${esc(p.id)}" transform="translate(${p.x} ${p.y})">`);
    out.push(
      `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="10" fill="#FFFFFF" stroke="${p.placeholder ? '#9CA3AF' : colour}" stroke-width="${p.placeholder ? 1.5 : ring.toFixed(1)}"${p.placeholder ? ' stroke-dasharray="6 4"' : ''}/>`,
    );
    out.push(`<rect x="0" y="0" width="6" height="${CARD_HEIGHT}" rx="3" fill="${p.placeholder ? '#D1D5DB' : colour}"/>`);
    out.push(`<text x="16" y="24" font-size="13" font-weight="700" fill="#1B1C20">${esc(clip(p.placeholder && !p.name ? input.label('placeholder') : p.name, 26))}</text>`);
    out.push(`<text x="16" y="41" font-size="11" fill="#555863">${esc(clip([p.title, p.department].filter(Boolean).join(' · '), 32))}</text>`);
    out.push(`<text x="16" y="62" font-size="10" font-weight="600" fill="${colour === '#999999' ? '#6B7280' : colour}">${esc(input.label(`stance.${p.stance}`))}</text>`);
    out.push(`<text x="16" y="75" font-size="10" fill="#555863">${esc(clip(input.label(`role.${p.buyingRole}`), 22))}</text>`);
    if (!p.placeholder) out.push(`<text x="${CARD_WIDTH - 10}" y="75" font-size="10" font-weight="600" text-anchor="end" fill="${FRESHNESS_COLOUR[f.level]}">${esc(fresh)}</text>`);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
