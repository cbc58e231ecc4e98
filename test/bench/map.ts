// Stakeholder-map benchmarks: opening a map of 100, 300 and 1,000 people, and drag-panning it
// (300 and 1,000), each against its floor in the same run: bare React Flow (page/bare-map.tsx:
// default nodes and edges, the same rows, layout, canvas size and zoom range) opened and panned
// the same way, app and bare rounds taking turns so that load drift hits both alike. Each app
// figure is printed with the bare one and their ratio (app / bare).
import type { Browser, CDPSession, Page } from 'playwright-core';
import { emit, median, percentile, ROUNDS } from './util';

/** People per map opened, and the maps panned. */
export const MAP_SIZES = [100, 300, 1000] as const;
const PAN_SIZES = [300, 1000] as const;
/** WAYPOINT_BENCH_MAP_PART=open or =pan runs only that half (for comparing one change quickly). */
const PART = process.env.WAYPOINT_BENCH_MAP_PART ?? 'both';
const PAN_MS = 2000;
/** `grid` (default: the whole map on screen after fitView) or `org` (the app's dagre org chart; very wide). */
export const MAP_LAYOUT = process.env.WAYPOINT_BENCH_MAP_LAYOUT === 'org' ? 'org' : 'grid';

/**
 * Marks, inside the page, when the stakeholder map is first drawn: a card on the canvas
 * that React Flow shows (it hides cards until they have a size) and a line in the edges
 * layer, then the next frame. Also notes the phases on the way (the account page shown,
 * the first card in the DOM, the first line) as performance marks, which traces show.
 * performance.now() counts from the navigation's start. Reads inline styles only, so the
 * probe forces no style or layout work of its own.
 */
export const MAP_PROBE = `
  window.__map = { drawn: null, nodes: 0, edges: 0, phases: {} };
  const phase = (name) => {
    if (window.__map.phases[name] !== undefined) return;
    window.__map.phases[name] = performance.now();
    performance.mark('waypoint-map-' + name);
  };
  let seen = false;
  const probe = new MutationObserver(() => {
    if (seen) return;
    if (document.querySelector('.page--account')) phase('shell');
    if (!document.querySelector('.map-canvas')) return;
    const node = document.querySelector('.map-canvas .react-flow__node');
    if (!node) return;
    phase('nodes');
    if (!document.querySelector('.map-canvas .react-flow__edges .react-flow__edge')) return;
    phase('edges');
    if (node.style.visibility === 'hidden') return;
    seen = true;
    probe.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      window.__map.drawn = performance.now();
      performance.mark('waypoint-map-drawn');
      window.__map.nodes = document.querySelectorAll('.map-canvas .react-flow__node').length;
      window.__map.edges = document.querySelectorAll('.map-canvas .react-flow__edge').length;
    }, 0));
  });
  probe.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
`;

/**
 * Phases of an open, ms from the navigation start: the account page in the DOM (app started,
 * map data loading), the first card in the DOM (data read, all cards rendered and committed),
 * the first line (React Flow has measured the cards and their handles).
 */
export const PHASES = ['shell', 'nodes', 'edges'] as const;
interface MapProbe {
  drawn: number | null;
  nodes: number;
  edges: number;
  phases: Partial<Record<(typeof PHASES)[number], number>>;
}
export interface MapOpen {
  ms: number;
  nodes: number;
  edges: number;
  phases: MapProbe['phases'];
}

/** A full navigation to the account's Map tab (from another document, so nothing is reused but the HTTP cache). */
export async function openMap(page: Page, base: string, accountId: string): Promise<MapOpen> {
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.goto(`${base}renderer/index.html#/accounts/${encodeURIComponent(accountId)}/map`);
  await page.waitForFunction(() => (window as unknown as { __map: MapProbe }).__map.drawn !== null, undefined, { timeout: 60_000 });
  const m = await page.evaluate(() => (window as unknown as { __map: MapProbe }).__map);
  return { ms: m.drawn!, nodes: m.nodes, edges: m.edges, phases: m.phases };
}

/** The same open of bare React Flow (page/bare-map.tsx) on the same account's rows, also from another document. */
export async function openBare(page: Page, base: string, accountId: string): Promise<MapOpen> {
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.goto(`${base}test/bench/page/bare-map.html?account=${encodeURIComponent(accountId)}`);
  await page.waitForFunction(() => (window as unknown as { __map: MapProbe }).__map.drawn !== null, undefined, { timeout: 60_000 });
  const m = await page.evaluate(() => (window as unknown as { __map: MapProbe }).__map);
  return { ms: m.drawn!, nodes: m.nodes, edges: m.edges, phases: m.phases };
}

/** The renderer main thread's time so far, cumulative (Performance.getMetrics, seconds → ms); paint, hit testing and compositing are in `task` only. */
async function mainThread(cdp: CDPSession): Promise<Record<'task' | 'script' | 'style' | 'layout', number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

/**
 * A point on the canvas where a press lands on the empty pane (not a card, line, minimap or
 * control) with a few pixels of pane all round: first the margins fitView leaves around the
 * cards, else the gaps between them, nearest the centre. (A string: tsx's helpers do not
 * exist in the page.)
 */
const EMPTY_PANE_POINT = `(() => {
  const onPane = (x, y) => document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') ?? false;
  const clear = (x, y, r) => [[0, 0], [r, 0], [-r, 0], [0, r], [0, -r], [r, r], [-r, -r], [r, -r], [-r, r]].every(([dx, dy]) => onPane(x + dx, y + dy));
  const canvas = document.querySelector('.map-canvas').getBoundingClientRect();
  const cx = canvas.left + canvas.width / 2;
  const cy = canvas.top + canvas.height / 2;
  const cards = [...document.querySelectorAll('.map-canvas .react-flow__node')].map((n) => n.getBoundingClientRect());
  const top = Math.min(...cards.map((r) => r.top));
  const bottom = Math.max(...cards.map((r) => r.bottom));
  const left = Math.min(...cards.map((r) => r.left));
  const right = Math.max(...cards.map((r) => r.right));
  const margins = [
    { x: cx, y: (canvas.top + top) / 2 },
    { x: cx, y: (bottom + canvas.bottom) / 2 },
    { x: (canvas.left + left) / 2, y: cy },
    { x: (right + canvas.right) / 2, y: cy },
  ];
  for (const m of margins) if (clear(m.x, m.y, 8)) return m;
  const gaps = [];
  for (let y = canvas.top + 12; y < canvas.bottom - 12; y += 4) {
    for (let x = canvas.left + 12; x < canvas.right - 12; x += 4) if (onPane(x, y)) gaps.push({ x, y, d: Math.hypot(x - cx, y - cy) });
  }
  return gaps.sort((a, b) => a.d - b.d).find((g) => clear(g.x, g.y, 3)) ?? null;
})()`;

export async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = (await page.evaluate(EMPTY_PANE_POINT)) as { x: number; y: number } | null;
  if (!point) throw new Error('no empty spot on the map pane to drag');
  return point;
}

/** Records every frame interval, and how many different viewport positions the frames showed. */
const FRAME_RECORDER = `
  window.__frames = [];
  window.__framesOn = true;
  const viewport = document.querySelector('.map-canvas .react-flow__viewport');
  const shown = new Set();
  window.__panPositions = () => shown.size;
  let last = null;
  const tick = (t) => {
    if (last !== null) window.__frames.push(t - last);
    last = t;
    shown.add(viewport.style.transform);
    if (window.__framesOn) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

/**
 * One continuous drag-pan of PAN_MS on the empty pane: the pointer runs a closed Lissajous
 * path (back to where it started) in small steps, paced by the clock, while a
 * requestAnimationFrame loop records every frame interval. Returns the intervals.
 */
export async function panOnce(page: Page, from: { x: number; y: number }): Promise<number[]> {
  await page.mouse.move(from.x, from.y);
  await page.evaluate(FRAME_RECORDER);
  await page.mouse.down();
  const t0 = Date.now();
  for (let t = 0; t < PAN_MS; t = Date.now() - t0) {
    const phase = (2 * Math.PI * t) / PAN_MS;
    await page.mouse.move(from.x + 220 * Math.sin(2 * phase), from.y + 110 * Math.sin(3 * phase));
  }
  await page.mouse.move(from.x, from.y);
  await page.mouse.up();
  const { frames, positions } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean; __panPositions: () => number };
    w.__framesOn = false;
    return { frames: w.__frames.slice(1), positions: w.__panPositions() };
  });
  // A drag that started on a card would move the card, not the map: then the figures would mean nothing.
  if (positions < Math.min(5, frames.length / 2))
    throw new Error(`the drag did not pan the map (${positions} positions in ${frames.length} frames)`);
  return frames;
}

/** A map open on its own page, settled, with where a drag on its empty pane starts. */
async function readyToPan(page: Page, open: () => Promise<MapOpen>): Promise<{ x: number; y: number }> {
  await open();
  await page.waitForTimeout(1000); // let fitView, the minimap and late effects settle
  return emptyPanePoint(page);
}

export async function mapBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.addInitScript(MAP_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);

  // The toolbar's "Lay out org chart" runs dagre on the main thread; what it costs at 1,000 people.
  const layouts: number[] = [];
  for (let i = 0; i < 3; i++) layouts.push(await page.evaluate((n) => window.waypointBench.orgLayoutMs(n), 1000));
  emit('org-layout', 'people-1000-ms', median(layouts), 'ms');

  const ids = new Map<number, string>();
  for (const n of MAP_SIZES) {
    ids.set(
      n,
      await page.evaluate(([name, people, layout]) => window.waypointBench.seedMap(name, people, layout), [
        `Meridian Shipping ${n}`,
        n,
        MAP_LAYOUT,
      ] as const),
    );
  }

  for (const n of PART === 'pan' ? [] : MAP_SIZES) {
    const opens: MapOpen[] = [];
    const bare: MapOpen[] = [];
    // App and bare take turns; round 0 of each warms the HTTP and V8 code caches.
    for (let i = 0; i < ROUNDS + 1; i++) {
      const r = await openMap(page, base, ids.get(n)!);
      const b = await openBare(page, base, ids.get(n)!);
      if (i === 0) continue;
      opens.push(r);
      bare.push(b);
    }
    const app = median(opens.map((o) => o.ms));
    const floor = median(bare.map((o) => o.ms));
    emit('map-open', `people-${n}-ms`, app, 'ms');
    emit('map-open', `bare-people-${n}-ms`, floor, 'ms');
    emit('map-open', `ratio-to-bare-${n}`, app / floor, 'x');
    emit('map-open', `nodes-drawn-${n}`, opens.at(-1)!.nodes, 'count');
    emit('map-open', `edges-drawn-${n}`, opens.at(-1)!.edges, 'count');
    emit('map-open', `bare-nodes-drawn-${n}`, bare.at(-1)!.nodes, 'count');
    emit('map-open', `bare-edges-drawn-${n}`, bare.at(-1)!.edges, 'count');
    // Where the time goes: when the account page, the first card and the first line reached the DOM (the bare page has no shell).
    for (const p of PHASES) {
      emit('map-open', `people-${n}-${p}-at-ms`, median(opens.map((o) => o.phases[p] ?? NaN)), 'ms');
      if (p !== 'shell') emit('map-open', `bare-people-${n}-${p}-at-ms`, median(bare.map((o) => o.phases[p] ?? NaN)), 'ms');
    }
  }

  // The bare map pans on a page of its own beside the app's, so that both keep their map (and
  // warm-up pan) while their pans take turns; the page that pans is brought to the front.
  const barePage = await context.newPage();
  for (const n of PART === 'open' ? [] : PAN_SIZES) {
    const from = await readyToPan(page, () => openMap(page, base, ids.get(n)!));
    const bareFrom = await readyToPan(barePage, () => openBare(barePage, base, ids.get(n)!));
    const frames: number[] = [];
    const bareFrames: number[] = [];
    const work = { wall: 0, task: 0, script: 0, style: 0, layout: 0 };
    for (let i = 0; i < ROUNDS + 1; i++) {
      await page.bringToFront();
      const w0 = Date.now();
      const before = await mainThread(cdp);
      const f = await panOnce(page, from);
      const after = await mainThread(cdp);
      const wall = Date.now() - w0;
      await page.waitForTimeout(200);
      await barePage.bringToFront();
      const b = await panOnce(barePage, bareFrom);
      await barePage.waitForTimeout(200);
      if (i === 0) continue; // warm-up pans
      frames.push(...f);
      bareFrames.push(...b);
      work.wall += wall;
      for (const k of ['task', 'script', 'style', 'layout'] as const) work[k] += after[k] - before[k];
    }
    const p95 = percentile(frames, 95);
    const bareP95 = percentile(bareFrames, 95);
    emit('map-pan', `p50-frame-ms-${n}`, percentile(frames, 50), 'ms');
    emit('map-pan', `p95-frame-ms-${n}`, p95, 'ms');
    emit('map-pan', `bare-p95-frame-ms-${n}`, bareP95, 'ms');
    emit('map-pan', `p95-ratio-to-bare-${n}`, p95 / bareP95, 'x');
    if (n === PAN_SIZES.at(-1)) {
      // How busy the renderer's main thread was while the app panned, and with what (Performance.getMetrics).
      const pct = (x: number) => (100 * x) / work.wall;
      emit('map-pan', `main-busy-pct-${n}`, pct(work.task), '%');
      emit('map-pan', `main-script-pct-${n}`, pct(work.script), '%');
      emit('map-pan', `main-style-layout-pct-${n}`, pct(work.style + work.layout), '%');
      emit('map-pan', `main-other-pct-${n}`, pct(work.task - work.script - work.style - work.layout), '%');
    }
  }
  await context.close();
}
