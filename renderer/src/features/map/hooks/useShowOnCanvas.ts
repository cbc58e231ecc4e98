import { useCallback, type Dispatch, type SetStateAction } from 'react';
import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { CARD_HEIGHT, CARD_WIDTH } from '@shared/domain/orgLayout';
import type { PersonNodeType } from '../components/PersonNode';
import { useFocusRequest, type FocusRequest } from './useFocusRequest';

/** Centring on a person keeps the zoom when cards are readable at it, else shows them at their own size. */
const READABLE_ZOOM = 0.8;

/**
 * The person a request names, on the canvas: selected alone (as a click selects them: other
 * cards and lines let go), centred at a readable zoom, then given keyboard focus. Waits until
 * their card is drawn and React Flow has made its first fit. Must be used inside the map's
 * ReactFlowProvider.
 */
export function useShowOnCanvas(
  request: FocusRequest | null | undefined,
  nodes: readonly PersonNodeType[],
  setNodes: Dispatch<SetStateAction<PersonNodeType[]>>,
  clearEdgeSelection: () => void,
  done: (() => void) | undefined,
): void {
  const flow = useReactFlow<PersonNodeType>();
  const store = useStoreApi<PersonNodeType>();
  const initialized = useNodesInitialized();
  const id = request?.id;
  const ready = initialized && id !== undefined && nodes.some((n) => n.id === id);
  const show = useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id);
      if (!node) return;
      clearEdgeSelection();
      setNodes((ns) => ns.map((n) => ((n.id === id) === Boolean(n.selected) ? n : { ...n, selected: n.id === id })));
      const zoom = store.getState().transform[2];
      const card = () => store.getState().domNode?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      void flow
        .setCenter(node.internals.positionAbsolute.x + CARD_WIDTH / 2, node.internals.positionAbsolute.y + CARD_HEIGHT / 2, {
          zoom: zoom >= READABLE_ZOOM ? zoom : 1,
          duration: 200,
        })
        // Focused once in view: React Flow pans to a focused card itself only when it is out of view.
        .then(() => card()?.focus({ preventScroll: true }));
    },
    [flow, store, setNodes, clearEdgeSelection],
  );
  useFocusRequest(request, show, done, ready);
}
