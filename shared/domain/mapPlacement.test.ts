import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CARD_HEIGHT, CARD_WIDTH, GRID, freeSpot, isFreeSpot, type Position } from './orgLayout';
import { VIEW_MARGIN, cardFits, openArea, placeInView, revealCard, type Box, type CanvasView } from './mapPlacement';

/** A canvas like the app's: 780 × 528 px, the minimap bottom-right (200 × 150, 15 px in), the zoom controls bottom-left. */
const MINIMAP: Box = { x: 565, y: 363, width: 200, height: 150 };
const CONTROLS: Box = { x: 15, y: 420, width: 32, height: 93 };
const view = (viewport = { x: 0, y: 0, zoom: 1 }, size = { width: 780, height: 528 }): CanvasView => ({
  viewport,
  ...size,
  overlays: [MINIMAP, CONTROLS],
});

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** A card at p on screen. */
const onScreen = (p: Position, v: CanvasView): Box => ({
  x: p.x * v.viewport.zoom + v.viewport.x,
  y: p.y * v.viewport.zoom + v.viewport.y,
  width: CARD_WIDTH * v.viewport.zoom,
  height: CARD_HEIGHT * v.viewport.zoom,
});
/** The card is on the canvas, clear of its edges and of every overlay. */
const seenWhole = (p: Position, v: CanvasView): boolean => {
  const b = onScreen(p, v);
  const inside = b.x >= VIEW_MARGIN - 1e-6 && b.y >= VIEW_MARGIN - 1e-6;
  const within = b.x + b.width <= v.width - VIEW_MARGIN + 1e-6 && b.y + b.height <= v.height - VIEW_MARGIN + 1e-6;
  return inside && within && v.overlays.every((o) => !overlaps(b, o));
};

describe('openArea', () => {
  it('is the canvas less the margin and the overlays grown by it, in flow coordinates after pan and zoom', () => {
    const open = openArea(view({ x: 100, y: 40, zoom: 2 }));
    // (12 − 100) / 2 = −44, (12 − 40) / 2 = −14; (780 − 24) / 2 = 378 wide, (528 − 24) / 2 = 252 high
    expect(open.area).toEqual({ x: -44, y: -14, width: 378, height: 252 });
    // the minimap from (565 − 12 − 100) / 2 = 226.5, (363 − 12 − 40) / 2 = 155.5, (200 + 24) / 2 wide
    expect(open.blocked[0]).toEqual({ x: 226.5, y: 155.5, width: 112, height: 87 });
  });
});

describe('placeInView', () => {
  it('puts the card in the middle of the view when that is free', () => {
    const v = view({ x: -300, y: -100, zoom: 1 });
    const { spot, inView } = placeInView([], v);
    expect(inView).toBe(true);
    // the middle of the canvas (390, 264) on screen is (690, 364) in flow; the card's corner half a card up-left, snapped
    expect(spot).toEqual({ x: Math.round((690 - CARD_WIDTH / 2) / GRID) * GRID, y: Math.round((364 - CARD_HEIGHT / 2) / GRID) * GRID });
  });

  it('never puts a card under the minimap, where the nearest free cell alone would (nine cards added from the toolbar)', () => {
    const minimap = { x: 785, y: 435, width: 200, height: 150 };
    const v: CanvasView = { viewport: { x: 0, y: 0, zoom: 1 }, width: 1000, height: 600, overlays: [minimap, CONTROLS] };
    const middle = placeInView([], v).spot;
    // Before: each card at the nearest free cell around the middle of the view, ring by ring.
    const before: Position[] = [];
    for (let i = 0; i < 9; i++) before.push(freeSpot(before, middle));
    expect(
      before.some((p) => overlaps(onScreen(p, v), minimap)),
      'the bug: one of them lands under the minimap',
    ).toBe(true);

    const after: Position[] = [];
    for (let i = 0; i < 9; i++) {
      const { spot, inView } = placeInView(after, v);
      expect(inView).toBe(true);
      expect(isFreeSpot(after, spot)).toBe(true);
      expect(seenWhole(spot, v), `card ${i + 1} at ${JSON.stringify(spot)}`).toBe(true);
      after.push(spot);
    }
    expect(after[0]).toEqual(middle);
  });

  it('lines a new card up beside the card in the way, on its row (freeSpot’s order: right first)', () => {
    const v = view();
    const middle = placeInView([], v).spot;
    // a card a grid step off the middle: the new one goes to its right, on the same row
    const kim = { x: middle.x + GRID, y: middle.y + GRID };
    expect(placeInView([kim], v)).toEqual({ spot: { x: kim.x + CARD_WIDTH + 2 * GRID, y: kim.y }, inView: true });
  });

  it('keeps a wished-for point when it is free and in view, and moves it into view when it is not', () => {
    const v = view();
    expect(placeInView([], v, { x: 96, y: 48 })).toEqual({ spot: { x: 96, y: 48 }, inView: true });
    // wished under the minimap: the nearest spot above it or left of it
    const { spot } = placeInView([], v, { x: 600, y: 400 });
    expect(seenWhole(spot, v)).toBe(true);
    expect(Math.hypot(spot.x - 600, spot.y - 400)).toBeLessThan(200);
  });

  it('falls back to the nearest free spot anywhere when the view is full, and the view pans to show it', () => {
    const v = view();
    const taken: Position[] = [];
    for (let x = -400; x <= 1200; x += CARD_WIDTH + GRID) for (let y = -200; y <= 800; y += CARD_HEIGHT + GRID) taken.push({ x, y });
    const { spot, inView } = placeInView(taken, v);
    expect(inView).toBe(false);
    expect(isFreeSpot(taken, spot)).toBe(true);
    const panned = revealCard(spot, v);
    expect(panned).not.toBeNull();
    expect(panned!.zoom).toBe(1);
    expect(seenWhole(spot, { ...v, viewport: panned! })).toBe(true);
  });

  it('zoomed far out, still finds a spot quickly and in view', () => {
    const v = view({ x: 0, y: 0, zoom: 0.1 });
    // 1,000 cards over the top half of what is in view (40 columns × 25 rows, 240 × 128 apart)
    const taken = Array.from({ length: 1000 }, (_, i) => ({ x: (i % 40) * 240, y: Math.floor(i / 40) * 128 }));
    const t0 = performance.now();
    const { spot, inView } = placeInView(taken, v);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(inView).toBe(true);
    expect(isFreeSpot(taken, spot)).toBe(true);
    expect(seenWhole(spot, v)).toBe(true);
  });

  it('a card placed in view is free and seen whole; one placed out of view is free and revealCard shows it whole (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1000, max: 1000 }) }), { maxLength: 80 }),
        fc.record({ x: fc.integer({ min: -800, max: 800 }), y: fc.integer({ min: -600, max: 600 }) }),
        fc.constantFrom(0.25, 0.5, 0.8, 1, 1.5, 2),
        // big enough for a 2× card above the minimap: the app's canvas is at least 420 px high
        fc.record({ width: fc.integer({ min: 640, max: 1600 }), height: fc.integer({ min: 420, max: 1000 }) }),
        (nodes, pan, zoom, size) => {
          const minimap = { x: size.width - 215, y: size.height - 165, width: 200, height: 150 };
          const controls = { x: 15, y: size.height - 108, width: 32, height: 93 };
          const v: CanvasView = { viewport: { ...pan, zoom }, ...size, overlays: [minimap, controls] };
          const { spot, inView } = placeInView(nodes, v);
          if (!isFreeSpot(nodes, spot)) return false;
          if (inView) return seenWhole(spot, v) && cardFits(spot, openArea(v));
          const panned = revealCard(spot, v);
          return panned !== null && seenWhole(spot, { ...v, viewport: panned });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('revealCard', () => {
  it('leaves the view alone when the card is seen whole', () => {
    expect(revealCard({ x: 96, y: 48 }, view())).toBeNull();
  });

  it('pans just enough: a card past the right edge comes in by its overshoot', () => {
    // at x 700 the card ends at 900 on screen; the canvas ends at 780 − 12
    expect(revealCard({ x: 700, y: 48 }, view())).toEqual({ x: -(900 - 768), y: 0, zoom: 1 });
  });

  it('moves a card out from under the minimap by the shorter way', () => {
    const v = view();
    const p = { x: 560, y: 380 };
    const panned = revealCard(p, v);
    expect(panned).not.toBeNull();
    expect(seenWhole(p, { ...v, viewport: panned! })).toBe(true);
    // up by (380 + 84) − (363 − 12) = 113 px beats left by (560 + 200) − (565 − 12) = 207 px
    expect(panned).toEqual({ x: 0, y: -113, zoom: 1 });
  });
});
