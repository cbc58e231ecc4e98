import { Graph, layout } from '@dagrejs/dagre';
import { finiteOr, type LineFields } from './stakeholders';

export const CARD_WIDTH = 200;
export const CARD_HEIGHT = 84;
export const GRID = 16;

export interface Position {
  readonly x: number;
  readonly y: number;
}

// `+ 0` turns -0 into 0: a stored "-0" would compare unequal in tests and read oddly in files.
const snap = (v: number) => Math.round(v / GRID) * GRID + 0;

/**
 * Past this many people dagre's layered layout (super-linear) could freeze the window: tiers
 * instead. Dagre only ever gets the reporting tree, fewer edges than people, so this bounds both.
 */
export const DAGRE_MAX_PEOPLE = 400;
/** The tiered fallback: cards per row, and steps that are multiples of the grid (a card plus a gap). */
const TIER_COLUMNS = 16;
const COL_STEP = 240; // 200 + 40
const ROW_STEP = 128; // 84 + 44, between the rows of one tier
const TIER_STEP = 160; // 84 + 76, between tiers

type Node = { readonly id: string; readonly x: number; readonly y: number };

/**
 * The org chart's tree: who reports to whom among `ids`, each person at most one manager
 * (the first reports-to line wins), no loops (a line that would close one is skipped), every
 * other line kind ignored. Union–find keeps this near linear however many lines a map has.
 */
export function reportingForest(
  ids: ReadonlySet<string>,
  lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>,
): Map<string, string> {
  const manager = new Map<string, string>();
  const uf = new Map<string, string>();
  const root = (id: string): string => {
    let r = id;
    for (let up = uf.get(r); up !== undefined; up = uf.get(r)) r = up;
    // Path compression: the next look-up from anywhere on this path is one step.
    let at = id;
    while (at !== r) {
      const up = uf.get(at)!;
      uf.set(at, r);
      at = up;
    }
    return r;
  };
  for (const l of lines) {
    if (l.kind !== 'reportsTo' || l.from === l.to || !ids.has(l.from) || !ids.has(l.to) || manager.has(l.from)) continue;
    // `from` has no manager yet, so it is the root of its own tree: a loop iff `to` is in that tree.
    if (root(l.to) === l.from) continue;
    manager.set(l.from, l.to);
    uf.set(l.from, l.to);
  }
  return manager;
}

/** Layered layout by dagre: each card's top-left corner, in dagre's space (it places centres). */
function dagreLayout(moving: readonly Node[], manager: ReadonlyMap<string, string>): Map<string, Position> {
  const g = new Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 32, ranksep: 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // The graph library keeps nodes in plain objects: an id like "toString" or "constructor" (a row
  // from a file) would collide with their properties. Dagre gets index keys; the ids map back.
  const key = new Map(moving.map((n, i) => [n.id, `n${i}`]));
  for (const n of moving) g.setNode(key.get(n.id)!, { width: CARD_WIDTH, height: CARD_HEIGHT });
  // Edges point manager → report so managers rank above their reports.
  for (const [report, boss] of manager) {
    const from = key.get(boss);
    const to = key.get(report);
    if (from !== undefined && to !== undefined) g.setEdge(from, to);
  }
  layout(g);
  const out = new Map<string, Position>();
  for (const n of moving) {
    const p = g.node(key.get(n.id)!);
    out.set(n.id, { x: p.x - CARD_WIDTH / 2, y: p.y - CARD_HEIGHT / 2 });
  }
  return out;
}

/**
 * The fallback for big maps, O(n log n): one tier per reporting depth, each tier in rows of
 * TIER_COLUMNS cards; people appear in tree order (a manager's reports side by side), trees
 * and siblings ordered by where they were. Managers are always in a higher tier than reports.
 */
function tieredLayout(moving: readonly Node[], manager: ReadonlyMap<string, string>): Map<string, Position> {
  const byPlace = (a: Node, b: Node) =>
    finiteOr(a.x) - finiteOr(b.x) || finiteOr(a.y) - finiteOr(b.y) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const reports = new Map<string, Node[]>();
  const roots: Node[] = [];
  for (const n of moving) {
    const boss = manager.get(n.id);
    if (boss === undefined) roots.push(n);
    else {
      const list = reports.get(boss);
      if (list) list.push(n);
      else reports.set(boss, [n]);
    }
  }
  const tiers: Node[][] = [];
  // Depth-first, iteratively (a reporting chain thousands deep must not overflow the stack).
  const stack: Array<[Node, number]> = roots
    .sort(byPlace)
    .reverse()
    .map((n) => [n, 0]);
  while (stack.length > 0) {
    const [n, depth] = stack.pop()!;
    (tiers[depth] ??= []).push(n);
    const kids = (reports.get(n.id) ?? []).sort(byPlace);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
  const out = new Map<string, Position>();
  let top = 0;
  for (const tier of tiers) {
    tier.forEach((n, i) => out.set(n.id, { x: (i % TIER_COLUMNS) * COL_STEP, y: top + Math.floor(i / TIER_COLUMNS) * ROW_STEP }));
    top += (Math.ceil(tier.length / TIER_COLUMNS) - 1) * ROW_STEP + TIER_STEP;
  }
  return out;
}

/**
 * Automatic org chart from reports-to lines (managers above their reports), laid out by
 * dagre, or past DAGRE_MAX_PEOPLE people in simple tiers so a dense map never freezes. Only
 * `ids` move; the block keeps its top-left corner where it was, so laying out a selection
 * does not throw it across the map. Positions snap to the grid.
 */
export function orgChartLayout(
  nodes: readonly Node[],
  lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>,
  ids: ReadonlySet<string> = new Set(nodes.map((n) => n.id)),
): Map<string, Position> {
  const movingIds = new Set<string>();
  const moving: Node[] = [];
  for (const n of nodes) {
    // One card per id, even if a bad row repeats one.
    if (!ids.has(n.id) || movingIds.has(n.id)) continue;
    movingIds.add(n.id);
    moving.push(n);
  }
  const out = new Map<string, Position>();
  if (moving.length === 0) return out;
  const manager = reportingForest(movingIds, lines);
  const laid = moving.length > DAGRE_MAX_PEOPLE ? tieredLayout(moving, manager) : dagreLayout(moving, manager);
  let [minX, minY, laidMinX, laidMinY] = [Infinity, Infinity, Infinity, Infinity];
  // Loops, not Math.min(...): thousands of arguments would overflow the stack.
  const at = (id: string) => laid.get(id) ?? { x: 0, y: 0 };
  for (const n of moving) {
    const p = at(n.id);
    [minX, minY, laidMinX, laidMinY] = [
      Math.min(minX, finiteOr(n.x)),
      Math.min(minY, finiteOr(n.y)),
      Math.min(laidMinX, p.x),
      Math.min(laidMinY, p.y),
    ];
  }
  for (const n of moving) {
    const p = at(n.id);
    out.set(n.id, { x: snap(minX + p.x - laidMinX), y: snap(minY + p.y - laidMinY) });
  }
  return out;
}

/** A card at p is clear of every card: at least one grid step of gap to each, across or down. */
export function isFreeSpot(nodes: ReadonlyArray<{ readonly x: number; readonly y: number }>, p: Position): boolean {
  return nodes.every((n) => Math.abs(n.x - p.x) >= CARD_WIDTH + GRID || Math.abs(n.y - p.y) >= CARD_HEIGHT + GRID);
}

/**
 * Where a new card goes: the wished-for spot (snapped) if no card is there, else the nearest
 * free grid cell around it, searched ring by ring (right, then below, then left, then above).
 */
export function freeSpot(nodes: ReadonlyArray<{ readonly x: number; readonly y: number }>, wish: Position): Position {
  const stepX = CARD_WIDTH + 2 * GRID;
  const stepY = CARD_HEIGHT + 2 * GRID;
  const base = { x: snap(wish.x), y: snap(wish.y) };
  const free = (p: Position) => isFreeSpot(nodes, p);
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
