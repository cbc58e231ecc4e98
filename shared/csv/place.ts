import { CARD_HEIGHT, CARD_WIDTH, GRID, orgChartLayout, type Position } from '../domain/orgLayout';

/** Past this many new people in one account the full org-chart layout (dagre or tiers) is worth its cost. */
export const SMALL_TREE = 30;
const COL = CARD_WIDTH + 2 * GRID;
const ROW = CARD_HEIGHT + 4 * GRID;
/** A manager's direct reports without reports of their own wrap after this many cards. */
const LEAVES_PER_ROW = 6;

/**
 * Where the people an import adds to one account go on its map: as an org chart (managers above
 * their reports), in a block to the right of the cards already there, so nothing lands on top of
 * a card the user placed. Small trees (the usual CRM account: a handful of contacts) get a simple
 * tidy-tree layout that costs microseconds, so 10,000 accounts are placed in well under a second;
 * a large account gets the map's own org-chart layout.
 *
 * `managerOf` holds the reports-to lines the import will leave in place (person → manager),
 * among new and existing people; only new people move.
 */
export function placeImported(
  existing: ReadonlyArray<Position>,
  newIds: readonly string[],
  managerOf: ReadonlyMap<string, string>,
): Map<string, Position> {
  const out = new Map<string, Position>();
  if (newIds.length === 0) return out;
  let maxX = -Infinity;
  let minY = Infinity;
  for (const p of existing) {
    if (Number.isFinite(p.x)) maxX = Math.max(maxX, p.x);
    if (Number.isFinite(p.y)) minY = Math.min(minY, p.y);
  }
  const origin = existing.length === 0 || maxX === -Infinity ? { x: 0, y: 0 } : { x: maxX + CARD_WIDTH + 6 * GRID, y: minY };
  const fresh = new Set(newIds);

  if (newIds.length > SMALL_TREE) {
    const nodes = newIds.map((id) => ({ id, x: origin.x, y: origin.y }));
    const lines = newIds.flatMap((id) => {
      const to = managerOf.get(id);
      return to !== undefined && fresh.has(to) ? [{ from: id, to, kind: 'reportsTo' as const }] : [];
    });
    return orgChartLayout(nodes, lines);
  }

  const reports = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of newIds) {
    const m = managerOf.get(id);
    if (m !== undefined && fresh.has(m) && m !== id) reports.set(m, [...(reports.get(m) ?? []), id]);
    else roots.push(id);
  }
  // A loop among new people (the plan refuses those lines, but be safe) leaves people without a root: they become roots.
  const placed = new Set<string>();
  let nextCol = 0;
  const layout = (id: string, depth: number): number => {
    placed.add(id);
    const kids = (reports.get(id) ?? []).filter((k) => !placed.has(k));
    if (kids.length === 0) {
      out.set(id, at(nextCol, depth));
      return nextCol++;
    }
    const leaves = kids.filter((k) => (reports.get(k) ?? []).length === 0);
    const managers = kids.filter((k) => (reports.get(k) ?? []).length > 0);
    const cols: number[] = [];
    if (leaves.length > LEAVES_PER_ROW) {
      // Many direct reports: rows of LEAVES_PER_ROW under the manager instead of one long row.
      const first = nextCol;
      leaves.forEach((k, i) => {
        placed.add(k);
        out.set(k, at(first + (i % LEAVES_PER_ROW), depth + 1 + Math.floor(i / LEAVES_PER_ROW)));
      });
      cols.push(first, first + LEAVES_PER_ROW - 1);
      nextCol = first + LEAVES_PER_ROW;
    } else for (const k of leaves) cols.push(layout(k, depth + 1));
    for (const k of managers) cols.push(layout(k, depth + 1));
    const col = (Math.min(...cols) + Math.max(...cols)) / 2;
    out.set(id, at(col, depth));
    return col;
  };
  const at = (col: number, depth: number): Position => ({
    x: snap(origin.x + col * COL),
    y: snap(origin.y + depth * ROW),
  });
  for (const r of roots) if (!placed.has(r)) layout(r, 0);
  for (const id of newIds) if (!placed.has(id)) layout(id, 0);
  return out;
}

const snap = (v: number) => Math.round(v / GRID) * GRID + 0;
