import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  applyNodeChanges,
  getNodesBounds,
  getViewportForBounds,
  useStore,
  type Viewport,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnConnectEnd,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { GRID } from '@shared/domain/orgLayout';
import { stanceColour } from '@shared/domain/mapSvg';
import type { IsoDate } from '@shared/domain/dates';
import type { PersonFields } from '@shared/domain/stakeholders';
import { useSettings } from '../../../stores/settings';
import type { MapData } from '../hooks/useMapData';
import type { MapActions } from '../hooks/useMapActions';
import { useCardPlacement } from '../hooks/useCardPlacement';
import type { FocusRequest } from '../hooks/useFocusRequest';
import { useShowOnCanvas } from '../hooks/useShowOnCanvas';
import { PersonNode, type PersonNodeType } from './PersonNode';
import { useCanvasEdges, useCanvasNodes } from './useCanvasNodes';
import { copyToClipboard, pasteFromClipboard } from './clipboard';
import { CardWordsContext, FarContext, cardWords } from './cardWords';
import { lineLabelKey } from './known';

const nodeTypes = { person: PersonNode };
const FAR_ZOOM = 0.45;
const FIT = { padding: 0.2, maxZoom: 1 } as const;
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 2;
const isMod = (e: React.KeyboardEvent) => e.ctrlKey || e.metaKey;

/**
 * The drawing surface: add by double-click, drag, connect from a handle, box- and
 * Shift-select, delete, copy/paste, arrows nudge, snap to grid, zoom, pan, fit, minimap.
 * Every change that matters is written through the map actions (undoable).
 */
export function MapCanvas(props: {
  data: MapData;
  today: IsoDate;
  actions: MapActions;
  dark: boolean;
  onSelection: (ids: string[]) => void;
  onEdit: (id: string) => void;
  onConnectRequest: (from: string, to: string) => void;
  /** Double-click on a line: change its kind. */
  onEditLine: (id: string) => void;
  accountName: string;
  /** A person to select, centre and focus (asked for from the palette), and how to say it is done. */
  focus?: FocusRequest | null;
  onFocused?: () => void;
}) {
  const { t } = useTranslation();
  const { data, actions } = props;
  const thresholds = useSettings((s) => s.freshness);
  // The first view is the fitted one, worked out here from the known card positions and the canvas
  // size, so the first render already draws cards for that zoom (at 1,000 people: plain ones)
  // instead of full cards at zoom 1 that the fit then redraws.
  const canvasRef = useRef<HTMLDivElement>(null);
  const [initial, setInitial] = useState<Viewport | null>(null);
  // Zoomed far out, card text is a few pixels tall: draw plain coloured cards (far cheaper to build, lay out and pan).
  const far = useStore((s) => (s.panZoom ? s.transform[2] : (initial?.zoom ?? 1)) < FAR_ZOOM);
  const words = useMemo(() => cardWords(t), [t]);
  const label = useCallback(
    (p: MapData['people'][number]) =>
      [p.name || words.placeholderName, p.title, words.stance(p.stance), words.role(p.buyingRole)].filter(Boolean).join(', '),
    [words],
  );
  const kindLabel = useCallback(
    // A kind a newer version drew reads "… and …: unknown kind", never a raw translation key.
    (kind: unknown, from: string, to: string) =>
      t(lineLabelKey(kind), { from: from || t('map.placeholderName'), to: to || t('map.placeholderName') }),
    [t],
  );
  const [nodes, setNodes] = useCanvasNodes(data, props.today, thresholds, label);
  const ready = nodes.length > 0 || data.people.length === 0;
  useLayoutEffect(() => {
    if (initial !== null || !ready || !canvasRef.current) return;
    const r = canvasRef.current.getBoundingClientRect();
    setInitial(
      nodes.length === 0
        ? { x: 0, y: 0, zoom: 1 }
        : getViewportForBounds(getNodesBounds(nodes), r.width, r.height, MIN_ZOOM, FIT.maxZoom, FIT.padding),
    );
  }, [initial, ready, nodes]);
  const baseEdges = useCanvasEdges(data, nodes, kindLabel);
  const selectedEdges = useRef(new Set<string>());
  const [edgeSelection, setEdgeSelection] = useState<ReadonlySet<string>>(new Set());
  const edges = useMemo(
    () => (edgeSelection.size === 0 ? baseEdges : baseEdges.map((e) => (edgeSelection.has(e.id) ? { ...e, selected: true } : e))),
    [baseEdges, edgeSelection],
  );
  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    let changed = false;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      changed = true;
      if (c.selected) selectedEdges.current.add(c.id);
      else selectedEdges.current.delete(c.id);
    }
    if (changed) setEdgeSelection(new Set(selectedEdges.current));
  }, []);
  const pendingMoves = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;

  const flushMoves = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const moves = new Map<string, Partial<PersonFields>>();
    for (const n of nodesRef.current)
      if (pendingMoves.current.has(n.id)) moves.set(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) });
    pendingMoves.current.clear();
    if (moves.size > 0) actions.movePeople(moves);
  }, [actions]);
  useEffect(() => {
    // Nudges waiting for the keys to rest are saved when the page is hidden or closed, too.
    window.addEventListener('pagehide', flushMoves);
    return () => {
      window.removeEventListener('pagehide', flushMoves);
      flushMoves();
    };
  }, [flushMoves]);

  const onNodesChange = useCallback(
    (changes: NodeChange<PersonNodeType>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      let moved = false;
      for (const c of changes) {
        if (c.type === 'position' && c.dragging === false) {
          pendingMoves.current.add(c.id);
          moved = true;
        }
      }
      // Keyboard nudges arrive one by one: save once the keys rest.
      if (moved) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(flushMoves, 300);
      }
    },
    [setNodes, flushMoves],
  );

  // Deleting goes through the repository (tombstones with their lines and contacts); the live
  // query then removes them. Selection is read from our own state, which a key press has
  // already updated — React Flow's store catches up a frame later.
  const deleteSelection = useCallback(() => {
    const gone = nodesRef.current.filter((n) => n.selected);
    if (gone.length > 0)
      actions.deletePeople(
        gone.map((n) => n.id),
        gone.map((n) => n.data.person.name || t('map.placeholderName')).join(', '),
      );
    else if (selectedEdges.current.size > 0) actions.deleteLines([...selectedEdges.current]);
    selectedEdges.current.clear();
  }, [actions, t]);

  const { onSelection, onEdit, onConnectRequest } = props;
  // Stable handlers: React Flow re-subscribes (and re-reports the selection) when they change.
  const handleSelection = useCallback(({ nodes: sel }: { nodes: PersonNodeType[] }) => onSelection(sel.map((n) => n.id)), [onSelection]);
  const handleConnect = useCallback((c: Connection) => onConnectRequest(c.source, c.target), [onConnectRequest]);
  // Letting go anywhere on another card connects to it, not only on its small handles.
  const handleConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      if (state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node')?.getAttribute('data-id');
      if (target && target !== state.fromNode.id) onConnectRequest(state.fromNode.id, target);
    },
    [onConnectRequest],
  );
  const { onEditLine } = props;
  const handleEdgeDoubleClick = useCallback((_: React.MouseEvent, e: { id: string }) => onEditLine(e.id), [onEditLine]);
  const handleDoubleClick = useCallback((_: React.MouseEvent, n: PersonNodeType) => onEdit(n.id), [onEdit]);

  const clearEdgeSelection = useCallback(() => {
    selectedEdges.current.clear();
    setEdgeSelection(new Set());
  }, []);
  useShowOnCanvas(props.focus, nodes, setNodes, clearEdgeSelection, props.onFocused);

  const placement = useCardPlacement();
  /** Adds a person where the pointer is (or in the middle of the view), at the nearest free spot in view. */
  const addAt = async (at?: { clientX: number; clientY: number }) => {
    const spot = placement.spotFor(at);
    const out = await actions.addPerson({ name: t('map.newPerson'), ...spot });
    if (!out) return;
    props.onEdit(out.person.id);
    placement.reveal(spot);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    // Any key but another nudge saves the nudges so far at once.
    if (!e.key.startsWith('Arrow') && pendingMoves.current.size > 0) flushMoves();
    const selected = nodes.filter((n) => n.selected);
    if ((e.key === 'Delete' || e.key === 'Backspace') && !isMod(e)) {
      e.preventDefault();
      deleteSelection();
    } else if (isMod(e) && e.key.toLowerCase() === 'a') {
      e.preventDefault();
      setNodes((ns) => ns.map((n) => (n.selected ? n : { ...n, selected: true })));
    } else if (isMod(e) && e.key.toLowerCase() === 'c' && selected.length > 0) {
      copyToClipboard(
        selected.map((n) => n.data.person),
        data.lines,
      );
    } else if (isMod(e) && e.key.toLowerCase() === 'v') {
      const clip = pasteFromClipboard();
      if (clip) void actions.pastePeople(clip.people, clip.lines, GRID * 2);
    } else if (e.key.toLowerCase() === 'n' && !isMod(e) && !e.altKey) {
      // N adds a person in the middle of what is in view (the keyboard way to add).
      e.preventDefault();
      void addAt();
    } else if (e.key === 'Enter' && selected.length === 1) {
      e.preventDefault();
      props.onEdit(selected[0]!.id);
    }
  };

  return (
    <CardWordsContext.Provider value={words}>
      <FarContext.Provider value={far}>
        <div
          ref={canvasRef}
          className={`map-canvas ${far ? 'map-canvas--far' : ''}`}
          role="region"
          aria-label={t('map.canvasLabel', { account: props.accountName })}
          onKeyDown={onKeyDown}
          onDoubleClick={(e) => {
            // Only the empty pane adds a person: nodes, lines and the map's own controls keep their double-click.
            const target = e.target as HTMLElement;
            if (
              target.closest('.react-flow__pane') &&
              !target.closest('.react-flow__node, .react-flow__edge, .react-flow__panel, .react-flow__controls, .react-flow__minimap')
            )
              void addAt({ clientX: e.clientX, clientY: e.clientY });
          }}
        >
          {initial === null ? null : (
            <ReactFlow<PersonNodeType>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onNodeDragStop={flushMoves}
              onEdgesChange={onEdgesChange}
              onConnect={handleConnect}
              onConnectEnd={handleConnectEnd}
              onSelectionChange={handleSelection}
              onNodeDoubleClick={handleDoubleClick}
              onEdgeDoubleClick={handleEdgeDoubleClick}
              connectionMode={ConnectionMode.Loose}
              selectionMode={SelectionMode.Partial}
              multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
              selectionKeyCode="Shift"
              deleteKeyCode={null}
              snapToGrid
              snapGrid={[GRID, GRID]}
              zoomOnDoubleClick={false}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              defaultViewport={initial}
              fitView
              fitViewOptions={FIT}
              colorMode={props.dark ? 'dark' : 'light'}
              proOptions={{ hideAttribution: true }}
              ariaLabelConfig={{
                'node.a11yDescription.default': t('map.a11y.node'),
                'node.a11yDescription.keyboardDisabled': t('map.a11y.node'),
                'edge.a11yDescription.default': t('map.a11y.edge'),
                'controls.ariaLabel': t('map.a11y.controls'),
                'controls.zoomIn.ariaLabel': t('map.zoomIn'),
                'controls.zoomOut.ariaLabel': t('map.zoomOut'),
                'controls.fitView.ariaLabel': t('map.fit'),
                'controls.interactive.ariaLabel': t('map.lock'),
                'minimap.ariaLabel': t('map.minimap'),
                'handle.ariaLabel': t('map.a11y.handle'),
              }}
            >
              <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />
              <Controls showInteractive={false} />
              <MiniMap pannable zoomable nodeColor={(n) => stanceColour((n as PersonNodeType).data.person.stance)} nodeStrokeWidth={0} />
            </ReactFlow>
          )}
        </div>
      </FarContext.Provider>
    </CardWordsContext.Provider>
  );
}
