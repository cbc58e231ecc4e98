import { useEffect, useMemo, useRef, useState } from 'react';
import { MarkerType, Position, type Edge, type NodeHandle } from '@xyflow/react';
import { freshness, type FreshnessThresholds } from '@shared/domain/stakeholders';
import { CARD_HEIGHT, CARD_WIDTH } from '@shared/domain/orgLayout';
import { lineStyle } from '@shared/domain/mapSvg';
import type { IsoDate } from '@shared/domain/dates';
import type { LineRow } from '../../../db/database';
import type { MapData } from '../hooks/useMapData';
import type { PersonNodeType } from './PersonNode';
import { shownKind } from './known';

/** Where a card's four handles sit (10 px squares centred on each side, as map.css draws them). */
const HANDLE = 10;
export const CARD_HANDLES: readonly NodeHandle[] = [
  { id: 't', type: 'source', position: Position.Top, x: CARD_WIDTH / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE },
  {
    id: 'r',
    type: 'source',
    position: Position.Right,
    x: CARD_WIDTH - HANDLE / 2,
    y: CARD_HEIGHT / 2 - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  {
    id: 'b',
    type: 'source',
    position: Position.Bottom,
    x: CARD_WIDTH / 2 - HANDLE / 2,
    y: CARD_HEIGHT - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  },
  { id: 'l', type: 'source', position: Position.Left, x: -HANDLE / 2, y: CARD_HEIGHT / 2 - HANDLE / 2, width: HANDLE, height: HANDLE },
];

/**
 * React Flow nodes kept in local state (so drags are smooth) and rebuilt from the database
 * only where a row really changed (same updatedAt → same node object → no re-render).
 */
export function useCanvasNodes(
  data: MapData,
  today: IsoDate,
  thresholds: FreshnessThresholds,
  label: (p: MapData['people'][number]) => string,
) {
  const [nodes, setNodes] = useState<PersonNodeType[]>([]);
  useEffect(() => {
    setNodes((prev) => {
      const old = new Map(prev.map((n) => [n.id, n]));
      // Reading order (top to bottom, left to right) is the Tab order between cards.
      const ordered = [...data.people].sort((a, b) => a.y - b.y || a.x - b.x);
      return ordered.map((person) => {
        const fresh = freshness(data.last.get(person.id), today, thresholds);
        const o = old.get(person.id);
        if (o && o.data.person.updatedAt === person.updatedAt && o.data.fresh.level === fresh.level && o.data.fresh.days === fresh.days)
          return o;
        return {
          id: person.id,
          type: 'person',
          position: { x: person.x, y: person.y },
          width: CARD_WIDTH,
          height: CARD_HEIGHT,
          // Known size and handles: React Flow draws the cards and their lines in the first frame,
          // instead of after measuring every card (which put the lines ~0.4 s behind at 1,000 people).
          // Given as already measured, the first resize observation finds nothing changed and
          // re-renders nothing (a card whose box differs is still measured and updated).
          measured: { width: CARD_WIDTH, height: CARD_HEIGHT },
          handles: [...CARD_HANDLES],
          data: { person, fresh },
          selected: o?.selected ?? false,
          ariaLabel: label(person),
        };
      });
    });
  }, [data.people, data.last, today, thresholds, label]);
  return [nodes, setNodes] as const;
}

type Side = 't' | 'r' | 'b' | 'l';

/** Which sides two cards face each other on, so lines never cross their own card. */
function sides(a: { x: number; y: number }, b: { x: number; y: number }): [Side, Side] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (Math.abs(dy) * (CARD_WIDTH / CARD_HEIGHT) >= Math.abs(dx) * 0.9) return dy < 0 ? ['t', 'b'] : ['b', 't'];
  return dx < 0 ? ['l', 'r'] : ['r', 'l'];
}

/**
 * One line as an edge, styled by kind (the same styles as the SVG export). A kind a newer
 * version drew is a plain grey line whose label says "unknown kind"; it stays selectable and
 * deletable, and double-clicking it offers to change its kind.
 */
export function lineEdge(
  l: Pick<LineRow, 'id' | 'from' | 'to' | 'kind'>,
  sourceHandle: string,
  targetHandle: string,
  ariaLabel: string,
): Edge {
  const st = lineStyle(l.kind);
  const kind = shownKind(l.kind);
  const edge: Edge = {
    id: l.id,
    source: l.from,
    target: l.to,
    sourceHandle,
    targetHandle,
    type: kind === 'reportsTo' || kind === 'dotted' ? 'smoothstep' : 'default',
    style: { stroke: st.stroke, strokeWidth: st.width, strokeDasharray: st.dash ?? undefined },
    ariaLabel,
    data: { kind },
    className: `edge edge--${kind}`,
  };
  if (st.arrow) edge.markerEnd = { type: MarkerType.ArrowClosed, color: st.stroke, width: 18, height: 18 };
  return edge;
}

/** Lines as edges. */
export function useCanvasEdges(
  data: MapData,
  nodes: readonly PersonNodeType[],
  kindLabel: (kind: unknown, from: string, to: string) => string,
): Edge[] {
  const pos = useMemo(() => new Map(nodes.map((n) => [n.id, n.position])), [nodes]);
  const names = useMemo(() => new Map(data.people.map((p) => [p.id, p.name])), [data.people]);
  // Edge objects are reused while their line and sides are unchanged: a drag re-renders only the lines it moves.
  const cache = useRef(new Map<string, { key: string; edge: Edge }>());
  return useMemo(
    () =>
      data.lines.flatMap((l) => {
        const a = pos.get(l.from);
        const b = pos.get(l.to);
        if (!a || !b) return [];
        const [sourceHandle, targetHandle] = sides(a, b);
        const key = `${l.updatedAt}|${sourceHandle}|${targetHandle}|${names.get(l.from)}|${names.get(l.to)}`;
        const hit = cache.current.get(l.id);
        if (hit && hit.key === key) return [hit.edge];
        const edge = lineEdge(l, sourceHandle, targetHandle, kindLabel(l.kind, names.get(l.from) ?? '', names.get(l.to) ?? ''));
        cache.current.set(l.id, { key, edge });
        return [edge];
      }),
    [data.lines, pos, names, kindLabel],
  );
}
