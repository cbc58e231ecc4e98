import { useEffect, useRef } from 'react';

/** A request to show one person in the map's current view; `seq` tells two requests for the same person apart. */
export interface FocusRequest {
  readonly id: string;
  readonly seq: number;
}

/**
 * Long enough for the side panel to have opened (the canvas narrows, and React Flow hears of
 * it a frame later) and for a closing dialog (the palette) to have handed keyboard focus back.
 */
export const FOCUS_SETTLE_MS = 80;

/**
 * Shows the person a request names once the view is `ready` and its layout has settled, then
 * reports it `done`. A view that goes away first leaves the request for the next view.
 */
export function useFocusRequest(
  request: FocusRequest | null | undefined,
  show: (id: string) => void,
  done: (() => void) | undefined,
  ready = true,
): void {
  // The latest callbacks, without restarting the wait each time the view re-renders.
  const showRef = useRef(show);
  const doneRef = useRef(done);
  useEffect(() => {
    showRef.current = show;
    doneRef.current = done;
  });
  useEffect(() => {
    if (!request || !ready) return;
    const timer = setTimeout(() => {
      showRef.current(request.id);
      doneRef.current?.();
    }, FOCUS_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [request, ready]);
}
