import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { CARD_HEIGHT, CARD_WIDTH, freeSpot, type Position } from '@shared/domain/orgLayout';
import { placeInView, revealCard, toFlow, type Box, type CanvasView } from '@shared/domain/mapPlacement';

/** Drawn over the canvas: a card placed under them would be hidden. */
const OVERLAYS = '.react-flow__minimap, .react-flow__controls';
/** After an add the side panel opens and the canvas narrows: look again once that layout has happened. */
const SETTLE_MS = 80;

/**
 * Where a new card goes and how it is shown: measures what is in view (React Flow's pan and zoom,
 * the canvas size, the minimap and controls over it) and asks the placement rule in shared/domain.
 * Must be used inside the map's ReactFlowProvider.
 */
export function useCardPlacement() {
  const store = useStoreApi();
  const flow = useReactFlow();

  const measure = useCallback((): CanvasView | null => {
    const { domNode, transform } = store.getState();
    if (!domNode) return null;
    // The live box, not the store's last resize: the panel may have narrowed the canvas a moment ago.
    const r = domNode.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return null;
    const overlays: Box[] = [...domNode.querySelectorAll(OVERLAYS)].map((el) => {
      const b = el.getBoundingClientRect();
      return { x: b.left - r.left, y: b.top - r.top, width: b.width, height: b.height };
    });
    const [x, y, zoom] = transform;
    return { viewport: { x, y, zoom }, width: r.width, height: r.height, overlays };
  }, [store]);

  /** Pans (zoom kept) until a card at p is seen whole, clear of the minimap and controls; now and once the layout settles. */
  const reveal = useCallback(
    (p: Position) => {
      const show = () => {
        const view = measure();
        const to = view ? revealCard(p, view) : null;
        if (to) void flow.setViewport(to, { duration: 200 });
      };
      show();
      setTimeout(show, SETTLE_MS);
    },
    [measure, flow],
  );

  /**
   * The spot for a new card: nearest free spot to where the pointer asks (client coordinates),
   * else to the middle of the view, that is wholly in view and under no overlay.
   */
  const spotFor = useCallback(
    (at?: { clientX: number; clientY: number }): Position => {
      const nodes = flow.getNodes().map((n) => n.position);
      const view = measure();
      const { domNode } = store.getState();
      let wish: Position | undefined;
      if (at && view && domNode) {
        const r = domNode.getBoundingClientRect();
        const p = toFlow({ x: at.clientX - r.left, y: at.clientY - r.top }, view.viewport);
        wish = { x: p.x - CARD_WIDTH / 2, y: p.y - CARD_HEIGHT / 2 };
      }
      if (!view) return freeSpot(nodes, wish ?? { x: 0, y: 0 });
      return placeInView(nodes, view, wish).spot;
    },
    [flow, measure, store],
  );

  return { spotFor, reveal };
}
