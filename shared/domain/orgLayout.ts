import { Graph, layout } from '@dagrejs/dagre';
import type { LineFields } from './stakeholders';

export const CARD_WIDTH = 200;
export const CARD_HEIGHT = 84;
export const GRID = 16;

export interface Position {
  readonly x: number;
  readonly y: number;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * Automatic org chart from reports-to lines (managers above their reports), laid out by
 * dagre. Only `ids` move; the block keeps its top-left corner where it was, so laying out a
 * selection does not throw it across the map. Positions snap to the grid.
 */
export function orgChartLayout(
  nodes: ReadonlyArray<{ readonly id: string; readonly x: number; readonly y: number }>,
  lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>,
  ids: ReadonlySet<string> = new Set(nodes.map((n) => n.id)),
): Map<string, Position> {
  const moving = nodes.filter((n) => ids.has(n.id));
  const out = new Map<string, Position>();
  if (moving.length === 0) return out;
  const g = new Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 32, ranksep: 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of moving) g.setNode(n.id, { width: CARD_WIDTH, height: CARD_HEIGHT });
  const movingIds = new Set(moving.map((n) => n.id));
  for (const l of lines) {
    // Edges point manager → report so managers rank above their reports; both must be on the map.
    if (l.kind === 'reportsTo' && movingIds.has(l.from) && movingIds.has(l.to)) g.setEdge(l.to, l.from);
  }
  layout(g);
  const minX = Math.min(...moving.map((n) => n.x));
  const minY = Math.min(...moving.map((n) => n.y));
  let laidMinX = Infinity;
  let laidMinY = Infinity;
  for (const n of moving) {
    const p = g.node(n.id);
    laidMinX = Math.min(laidMinX, p.x - CARD_WIDTH / 2);
    laidMinY = Math.min(laidMinY, p.y - CARD_HEIGHT / 2);
  }
  for (const n of moving) {
    const p = g.node(n.id);
    out.set(n.id, { x: snap(minX + p.x - CARD_WIDTH / 2 - laidMinX), y: snap(minY + p.y - CARD_HEIGHT / 2 - laidMinY) });
  }
  return out;
}

/**
 * Where a new card goes: the wished-for spot (snapped) if no card is there, else the nearest
 * free grid cell around it, searched ring by ring (right, then below, then left, then above).
 */
export function freeSpot(nodes: ReadonlyArray<{ readonly x: number; readonly y: number }>, wish: Position): Position {
  const stepX = CARD_WIDTH + 2 * GRID;
  const stepY = CARD_HEIGHT + 2 * GRID;
  const base = { x: snap(wish.x), y: snap(wish.y) };
  const free = (p: Position) => nodes.every((n) => Math.abs(n.x - p.x) >= CARD_WIDTH + GRID || Math.abs(n.y - p.y) >= CARD_HEIGHT + GRID);
  if (free(base)) return base;
  for (let ring = 1; ring <= 50; ring++) {
    const cells: Array<[number, number]> = [];
    for (let d = -ring; d <= ring; d++) cells.push([ring, d], [d, ring], [-ring, d], [d, -ring]);
    cells.sort((a, b) => Math.hypot(a[0], a[1]) - Math.hypot(b[0], b[1]));
    for (const [dx, dy] of cells) {
      const p = { x: base.x + dx * stepX, y: base.y + dy * stepY };
      if (free(p)) return p;
    }
  }
  return base;
}
