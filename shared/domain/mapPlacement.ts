import { CARD_HEIGHT, CARD_WIDTH, GRID, freeSpot, isFreeSpot, type Position } from './orgLayout';

/** A rectangle: on screen in pixels from the canvas' top-left corner, or in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** React Flow's viewport transform: screen = flow × zoom + (x, y), in pixels from the canvas' top-left corner. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

/** What the user sees of the map, as measured on screen. */
export interface CanvasView {
  readonly viewport: Viewport;
  /** The canvas size in screen pixels. */
  readonly width: number;
  readonly height: number;
  /** What is drawn over the canvas (the minimap, the zoom controls), in screen pixels from its top-left corner. */
  readonly overlays: readonly Box[];
}

/** Screen pixels a placed card keeps from the canvas edge and from an overlay: never touching either. */
export const VIEW_MARGIN = 12;
/** At most this many candidate spots per axis of the view (the step grows when zoomed far out). */
const MAX_STEPS = 48;

const snap = (v: number) => Math.round(v / GRID) * GRID + 0;
const snapUp = (v: number) => Math.ceil(v / GRID) * GRID + 0;
const snapDown = (v: number) => Math.floor(v / GRID) * GRID + 0;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const cardAt = (p: Position): Box => ({ x: p.x, y: p.y, width: CARD_WIDTH, height: CARD_HEIGHT });

/** A screen point (pixels from the canvas' top-left corner) in flow coordinates: (screen − pan) / zoom. */
export const toFlow = (p: Position, v: Viewport): Position => ({ x: (p.x - v.x) / v.zoom, y: (p.y - v.y) / v.zoom });

/** A screen box in flow coordinates. */
const boxToFlow = (b: Box, v: Viewport): Box => {
  const p = toFlow(b, v);
  return { x: p.x, y: p.y, width: b.width / v.zoom, height: b.height / v.zoom };
};

export interface OpenArea {
  /** The visible part of the canvas less the margin, in flow coordinates. */
  readonly area: Box;
  /** The overlays grown by the margin, in flow coordinates: no card may touch them. */
  readonly blocked: readonly Box[];
}

/**
 * The part of the map a new card may go to, in flow coordinates: the canvas rectangle inset by
 * VIEW_MARGIN pixels, minus each overlay grown by VIEW_MARGIN — all divided by the zoom after the pan.
 */
export function openArea(view: CanvasView): OpenArea {
  const m = VIEW_MARGIN;
  const v = view.viewport;
  return {
    area: boxToFlow({ x: m, y: m, width: Math.max(0, view.width - 2 * m), height: Math.max(0, view.height - 2 * m) }, v),
    blocked: view.overlays.map((o) => boxToFlow({ x: o.x - m, y: o.y - m, width: o.width + 2 * m, height: o.height + 2 * m }, v)),
  };
}

/** A card at p lies wholly inside the open area and touches no blocked box. */
export function cardFits(p: Position, open: OpenArea): boolean {
  const c = cardAt(p);
  const a = open.area;
  if (c.x < a.x || c.y < a.y || c.x + c.width > a.x + a.width || c.y + c.height > a.y + a.height) return false;
  return open.blocked.every((b) => !overlaps(c, b));
}

export interface Placement {
  readonly spot: Position;
  /** False when no free spot is in view: the spot is the nearest free one anywhere, and the view has to pan to it. */
  readonly inView: boolean;
}

/** Ring r around a cell, nearest first; equally near cells right, below, left, above (freeSpot's order). */
function ring(r: number): Array<readonly [number, number]> {
  const cells: Array<readonly [number, number]> = [];
  for (let d = -r; d <= r; d++) cells.push([r, d], [d, r], [-r, d], [d, -r]);
  return cells.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
}

/**
 * Where a card added from the toolbar (or at a point) goes: the wished-for spot (by default the
 * middle of the view) if it is free, wholly in view and clear of the minimap and the controls;
 * else the nearest such cell around the card that is in the way (so the new card lines up with
 * it, ring by ring as freeSpot goes); else the nearest such grid spot anywhere in view; and when
 * the view has none, the nearest free spot anywhere (freeSpot), not in view.
 */
export function placeInView(nodes: ReadonlyArray<Position>, view: CanvasView, wish?: Position): Placement {
  const open = openArea(view);
  const { area } = open;
  const base = wish
    ? { x: snap(wish.x), y: snap(wish.y) }
    : { x: snap(area.x + area.width / 2 - CARD_WIDTH / 2), y: snap(area.y + area.height / 2 - CARD_HEIGHT / 2) };
  const [x0, x1] = [snapUp(area.x), snapDown(area.x + area.width - CARD_WIDTH)];
  const [y0, y1] = [snapUp(area.y), snapDown(area.y + area.height - CARD_HEIGHT)];
  if (Number.isFinite(x0 + x1 + y0 + y1) && x1 >= x0 && y1 >= y0) {
    // Only cards near the view can be in the way.
    const near = nodes.filter(
      (n) => n.x > x0 - CARD_WIDTH - GRID && n.x < x1 + CARD_WIDTH + GRID && n.y > y0 - CARD_HEIGHT - GRID && n.y < y1 + CARD_HEIGHT + GRID,
    );
    const ok = (p: Position) => cardFits(p, open) && isFreeSpot(near, p);
    if (ok(base)) return { spot: base, inView: true };
    // Beside the card in the way, on its rows and columns.
    const d = (p: Position) => Math.hypot(p.x - base.x, p.y - base.y);
    const inWay = near.filter((n) => !isFreeSpot([n], base)).sort((a, b) => d(a) - d(b))[0];
    if (inWay) {
      const [stepX, stepY] = [CARD_WIDTH + 2 * GRID, CARD_HEIGHT + 2 * GRID];
      const anchor = { x: snap(inWay.x), y: snap(inWay.y) };
      const rings = Math.ceil(Math.max(area.width / stepX, area.height / stepY)) + 1;
      for (let r = 1; r <= rings; r++)
        for (const [dx, dy] of ring(r)) {
          const p = { x: anchor.x + dx * stepX, y: anchor.y + dy * stepY };
          if (ok(p)) return { spot: p, inView: true };
        }
    }
    // Anywhere in view, nearest first; the step grows when zoomed far out.
    const step = GRID * Math.max(1, Math.ceil(Math.max(x1 - x0, y1 - y0) / GRID / MAX_STEPS));
    const cells: Position[] = [];
    for (let x = x0; x <= x1; x += step) for (let y = y0; y <= y1; y += step) cells.push({ x, y });
    cells.sort((a, b) => d(a) - d(b) || a.y - b.y || a.x - b.x);
    for (const c of cells) if (ok(c)) return { spot: c, inView: true };
  }
  return { spot: freeSpot(nodes, base), inView: false };
}

/**
 * The viewport that shows a card at p in the open area with the shortest pan (the zoom is kept):
 * first into the canvas, then out from under each overlay in turn (left, right, up or down);
 * null when the card is already there. A canvas too small for the card centres it.
 */
export function revealCard(p: Position, view: CanvasView): Viewport | null {
  const open = openArea(view);
  if (cardFits(p, open)) return null;
  const { area } = open;
  const into = (lo: number, size: number, at: number, card: number) =>
    size < card ? lo + size / 2 - card / 2 - at : Math.min(Math.max(at, lo), lo + size - card) - at;
  const clamped = { x: into(area.x, area.width, p.x, CARD_WIDTH), y: into(area.y, area.height, p.y, CARD_HEIGHT) };
  const escapes = (d: Position): Position[] =>
    open.blocked.flatMap((b) => [
      { x: b.x - CARD_WIDTH - p.x, y: d.y },
      { x: b.x + b.width - p.x, y: d.y },
      { x: d.x, y: b.y - CARD_HEIGHT - p.y },
      { x: d.x, y: b.y + b.height - p.y },
    ]);
  // A move out from under one overlay can land under the other: try two escapes deep.
  const first = escapes(clamped);
  const moves = [clamped, ...first, ...first.flatMap(escapes)];
  const fitting = moves.filter((d) => cardFits({ x: p.x + d.x, y: p.y + d.y }, open));
  const best = fitting.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y))[0] ?? {
    x: area.x + area.width / 2 - CARD_WIDTH / 2 - p.x,
    y: area.y + area.height / 2 - CARD_HEIGHT / 2 - p.y,
  };
  const v = view.viewport;
  // Moving the card by d flow units on screen is panning by d × zoom pixels.
  return { x: v.x + best.x * v.zoom, y: v.y + best.y * v.zoom, zoom: v.zoom };
}
