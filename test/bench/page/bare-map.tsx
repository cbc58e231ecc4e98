// The floor under the stakeholder map benchmark (map.ts): bare @xyflow/react drawing the same
// people and lines, read from the same Dexie database, at the same size and place, with React
// Flow's own default nodes and edges and none of the app (no cards, no store, no i18n).
// Open as bare-map.html?account=<id>; map.ts's MAP_PROBE, emptyPanePoint and panOnce work on
// it unchanged (the container has the app's class, `map-canvas`).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, MiniMap, ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { CARD_HEIGHT, CARD_WIDTH } from '@shared/domain/orgLayout';
import { WaypointDB } from '../../../renderer/src/db/database';

/**
 * The app's `.map-canvas` at a 1440×900 viewport: its getBoundingClientRect() on an account's
 * Map tab in the bench build (sidebar open, 300 people; the canvas is calc(100vh - 372px) high
 * and reaches 13 px below the fold, as here).
 */
const CANVAS = { left: 248, top: 385.47, width: 1160, height: 528 } as const;

function BareMap(props: { nodes: Node[]; edges: Edge[] }) {
  // Controlled, as in React Flow's quick start and as the app is: changes (sizes, selection) come back through state.
  const [nodes, , onNodesChange] = useNodesState(props.nodes);
  const [edges, , onEdgesChange] = useEdgesState(props.edges);
  return (
    <div className="map-canvas" style={{ position: 'absolute', ...CANVAS }}>
      {/* The app's zoom range and fit: the same view of the same layout (React Flow's default minZoom, 0.5, cannot show 1,000 cards). */}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        minZoom={0.1}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls />
        <MiniMap />
      </ReactFlow>
    </div>
  );
}

async function start(): Promise<void> {
  const accountId = new URLSearchParams(location.search).get('account') ?? '';
  const db = new WaypointDB();
  // The reads the app's map makes (useMapData): the account's people and lines by index, live rows only.
  const [people, lines] = await Promise.all([
    db.people.where('accountId').equals(accountId).toArray(),
    db.lines.where('accountId').equals(accountId).toArray(),
  ]);
  const live = people.filter((p) => !p.deleted);
  const ids = new Set(live.map((p) => p.id));
  const nodes: Node[] = live.map((p) => ({
    id: p.id,
    type: 'default',
    position: { x: p.x, y: p.y },
    data: { label: p.name },
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
  }));
  const edges: Edge[] = lines
    .filter((l) => !l.deleted && ids.has(l.from) && ids.has(l.to))
    .map((l) => ({ id: l.id, source: l.from, target: l.to }));
  const root = document.getElementById('root');
  if (!root) throw new Error('bare-map.html has no #root');
  // StrictMode as in the app's renderer/src/main.tsx (a no-op in a production build).
  createRoot(root).render(
    <StrictMode>
      <BareMap nodes={nodes} edges={edges} />
    </StrictMode>,
  );
}

void start();
