// Portfolio benchmark (portfolio-10k): 10,000 accounts in seven currencies, some losing money and
// some without cost to serve, seeded through the repositories. Opening the whale view from the
// loaded app (the sidebar link, from the accounts list) until the whale curve is drawn, with its
// phases; a Region filter change until the peak sentence and the curve have changed; the longest
// main-thread task of each; the read and derive steps timed in place; and bare Recharts drawing
// the same chart (same points, bars and elements) as the floor of the chart-draw phase. Three more
// opens, filter changes and bare draws run under the V8 sampling profiler (not timed): where their
// main-thread time goes, by kind of code, through the build's source maps (medians).
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { BareRound, PortfolioSeed } from './page/portfolio-bench';
import { emit, median, ROUNDS } from './util';
import { decodeMappings } from './trace';

const COUNT = 10_000;
const BENCH = 'portfolio-10k';
const PAGE = 'test/bench/page/portfolio-bench.html';
/** The Region values a round steps through (each from the one before), back to any region last. */
const REGIONS = ['Nordics', 'DACH', 'APAC', ''] as const;
/** A chart with no change for this long has finished animating (Recharts' line draws in for 1.5 s). */
const QUIET_MS = 800;
/** Opens, filter changes and bare draws run under the profiler (medians reported). */
const PROFILE_ROUNDS = 3;

/**
 * Inside the app's page, from document start: every long task; for each IndexedDB getAll on the
 * accounts store (Dexie's toArray) when it was asked for, answered and its rows deserialized (the
 * first read of `result` clones them into JavaScript); and, once armed, the phases of an open or
 * of a filter change, from a MutationObserver. Times are performance.now(), from navigation start.
 * An open that starts the document (a reload on #/portfolio/…) is armed at once with t0 = 0.
 */
export const PORTFOLIO_PROBE = `
  window.__pf = { mode: null, t0: null, phases: {}, tasks: [], reads: [], lastChart: 0, filter: null };
  const P = window.__pf;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) P.tasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    const getAll = proto.getAll;
    proto.getAll = function (...args) {
      const req = getAll.apply(this, args);
      const store = this instanceof IDBIndex ? this.objectStore.name : this.name;
      if (P.mode !== null && store === 'accounts') {
        const r = { asked: performance.now(), answered: null, cloned: null, rows: 0 };
        P.reads.push(r);
        req.addEventListener('success', () => {
          r.answered = performance.now();
          r.rows = req.result.length;
          r.cloned = performance.now();
        });
      }
      return req;
    };
  }
  const phase = (name) => { if (P.phases[name] === undefined) P.phases[name] = performance.now(); };
  const afterPaint = (name) => requestAnimationFrame(() => setTimeout(() => phase(name), 0));
  const curveD = () => document.querySelector('figure.whale-chart .recharts-line-curve')?.getAttribute('d') ?? '';
  const peakText = () => document.querySelector('[data-testid="whale-peak"]')?.textContent ?? '';
  const inChart = (n) => (n instanceof Element ? n : n.parentElement)?.closest('figure.whale-chart') != null;
  const probe = new MutationObserver((records) => {
    const now = performance.now();
    if (records.some((r) => inChart(r.target))) P.lastChart = now;
    if (P.mode === 'open') {
      if (document.querySelector('.page--loading')) phase('loading');
      if (P.phases.header === undefined && document.querySelector('.portfolio-page .page-title')) { phase('header'); afterPaint('headerPainted'); }
      if (P.phases.peak === undefined && peakText() !== '') phase('peak');
      if (P.phases.chart === undefined && curveD() !== '') { phase('chart'); afterPaint('drawn'); }
    } else if (P.mode === 'filter' && P.filter.t0 !== null) {
      const F = P.filter;
      if (F.peakAt === null && peakText() !== F.peakBefore) F.peakAt = now;
      if (F.curveAt === null && curveD() !== F.dBefore) F.curveAt = now;
      if (F.peakAt !== null && F.curveAt !== null && !F.waiting) {
        F.waiting = true;
        requestAnimationFrame(() => setTimeout(() => { F.doneAt = performance.now(); }, 0));
      }
    }
  });
  const watch = () => probe.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  P.open = () => {
    P.mode = 'open'; P.phases = {}; P.reads = []; P.t0 = performance.now();
    watch();
    document.querySelector('nav a[href="#/portfolio/whale"]').click();
  };
  P.armFilter = () => {
    P.mode = 'filter';
    P.filter = { t0: null, peakBefore: peakText(), dBefore: curveD(), peakAt: null, curveAt: null, doneAt: null, waiting: false };
  };
  // The select's input event comes first (then change, which React reads): the user's choice.
  addEventListener('input', () => { if (P.mode === 'filter' && P.filter.t0 === null) P.filter.t0 = performance.now(); }, true);
  if (location.hash.startsWith('#/portfolio/')) {
    P.mode = 'open'; P.t0 = 0;
    document.addEventListener('DOMContentLoaded', watch);
  }
`;

interface Probe {
  mode: 'open' | 'filter' | null;
  t0: number | null;
  phases: Partial<Record<'loading' | 'header' | 'headerPainted' | 'peak' | 'chart' | 'drawn', number>>;
  tasks: Array<[number, number]>;
  reads: Array<{ asked: number; answered: number | null; cloned: number | null; rows: number }>;
  lastChart: number;
  filter: { t0: number | null; peakAt: number | null; curveAt: number | null; doneAt: number | null } | null;
  open(): void;
  armFilter(): void;
}
type ProbeWindow = Window & { __pf: Probe };

/** An open, ms from its start (the click, or the navigation start of a reload). */
export interface PortfolioOpen {
  /** The open's start on the page's clock (0 for a reload). */
  readonly t0: number;
  /** The loading placeholder, the page with its header (data read and derived, first render committed), the peak sentence. */
  readonly loadingMs: number;
  readonly headerMs: number;
  readonly headerPaintedMs: number;
  /** The whale curve's path in the DOM with a non-empty `d`, and the frame after it: the open's figure. */
  readonly chartMs: number;
  readonly drawnMs: number;
  /** The last change inside the chart: Recharts' draw-in animations done. */
  readonly settledMs: number;
  /** The accounts' getAll calls (the page's live query and the roadmap's, which the health reads): asked, answered, rows cloned. */
  readonly reads: ReadonlyArray<{ askedMs: number; answeredMs: number; clonedMs: number; rows: number }>;
  /** Long tasks that overlap the open until the curve is drawn, and until it settled. */
  readonly longestTaskToDrawnMs: number;
  readonly longTaskTotalToDrawnMs: number;
  readonly longestTaskToSettledMs: number;
  /** The width of the app's chart, for the bare chart's box. */
  readonly chartWidth: number;
}

async function waitQuiet(page: Page, since: number, timeoutMs = 10_000): Promise<number> {
  return page.evaluate(
    async ([quiet, start, timeout]) => {
      const P = (window as unknown as ProbeWindow).__pf;
      const t = performance.now();
      while (performance.now() - Math.max(P.lastChart, start) < quiet && performance.now() - t < timeout)
        await new Promise((r) => setTimeout(r, 100));
      return Math.max(P.lastChart, start);
    },
    [QUIET_MS, since, timeoutMs] as const,
  );
}

/** Reads the probe once the curve is drawn and the chart has gone quiet; `t0` is the open's start. */
async function collectOpen(page: Page): Promise<PortfolioOpen> {
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__pf.phases.drawn !== undefined, undefined, { timeout: 60_000 });
  const drawn = await page.evaluate(() => (window as unknown as ProbeWindow).__pf.phases.drawn!);
  const settled = await waitQuiet(page, drawn);
  const p = await page.evaluate(() => {
    const P = (window as unknown as ProbeWindow).__pf;
    const width = document.querySelector('figure.whale-chart')?.getBoundingClientRect().width ?? 0;
    return { t0: P.t0!, phases: P.phases, tasks: P.tasks, reads: P.reads, width };
  });
  const at = (t: number | undefined | null) => (t === undefined || t === null ? Number.NaN : t - p.t0);
  // Tasks that overlap the open (the click runs inside a task that began just before it).
  const tasksTo = (end: number) => p.tasks.filter(([start, d]) => start + d >= p.t0 && start <= end).map(([, d]) => d);
  return {
    t0: p.t0,
    loadingMs: at(p.phases.loading),
    headerMs: at(p.phases.header),
    headerPaintedMs: at(p.phases.headerPainted),
    chartMs: at(p.phases.chart),
    drawnMs: at(p.phases.drawn),
    settledMs: at(settled),
    reads: p.reads.map((r) => ({ askedMs: at(r.asked), answeredMs: at(r.answered), clonedMs: at(r.cloned), rows: r.rows })),
    longestTaskToDrawnMs: Math.max(0, ...tasksTo(drawn)),
    longTaskTotalToDrawnMs: tasksTo(drawn).reduce((s, d) => s + d, 0),
    longestTaskToSettledMs: Math.max(0, ...tasksTo(settled)),
    chartWidth: p.width,
  };
}

/** The app on its accounts list (10,000 rows shown, start-up work done), from a fresh document. */
async function loadApp(page: Page, base: string): Promise<void> {
  await page.goto(`${base}${PAGE}`);
  await page.goto(`${base}renderer/index.html#/accounts`);
  await page.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 60_000 });
  // Until no long task for 500 ms (the list's start-up work and late effects).
  await page.waitForFunction(
    () => {
      const tasks = (window as unknown as ProbeWindow).__pf.tasks;
      const [start, duration] = tasks[tasks.length - 1] ?? [0, 0];
      return performance.now() - (start + duration) > 500;
    },
    undefined,
    { polling: 100, timeout: 30_000 },
  );
}

/** Opens the whale view with the sidebar's Portfolio link from the loaded app. */
export async function openPortfolio(page: Page, base: string): Promise<PortfolioOpen> {
  await loadApp(page, base);
  await page.evaluate(() => (window as unknown as ProbeWindow).__pf.open());
  return collectOpen(page);
}

/** A reload on #/portfolio/whale: from the navigation start, the app's start-up included. */
async function coldOpen(page: Page, base: string): Promise<PortfolioOpen> {
  await page.goto(`${base}${PAGE}`);
  await page.goto(`${base}renderer/index.html#/portfolio/whale`);
  return collectOpen(page);
}

export interface FilterChange {
  /** The choice, on the page's clock. */
  readonly t0: number;
  /** From the select's input event to the peak sentence changed, the curve's path changed, and the frame after both. */
  readonly peakMs: number;
  readonly curveMs: number;
  readonly ms: number;
  /** …to the chart quiet again (Recharts animates the line from the old curve to the new one). */
  readonly settledMs: number;
  readonly longestTaskMs: number;
}

/** Picks `region` ('' = any) in the Region filter and times the page's answer. */
async function changeRegion(page: Page, region: string): Promise<FilterChange> {
  await page.evaluate(() => (window as unknown as ProbeWindow).__pf.armFilter());
  await page.getByRole('search', { name: 'Portfolio filters' }).getByLabel('Region').selectOption(region);
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__pf.filter?.doneAt !== null, undefined, { timeout: 30_000 });
  const f = await page.evaluate(() => (window as unknown as ProbeWindow).__pf.filter!);
  const settled = await waitQuiet(page, f.doneAt!);
  const tasks = await page.evaluate(
    ([from, to]) =>
      (window as unknown as ProbeWindow).__pf.tasks.filter(([start, d]) => start + d >= from && start <= to).map(([, d]) => d),
    [f.t0!, settled] as const,
  );
  return {
    t0: f.t0!,
    peakMs: f.peakAt! - f.t0!,
    curveMs: f.curveAt! - f.t0!,
    ms: f.doneAt! - f.t0!,
    settledMs: settled - f.t0!,
    longestTaskMs: Math.max(0, ...tasks),
  };
}

const stopProfiler = (cdp: CDPSession) => cdp.send('Profiler.stop');
type CpuProfile = Awaited<ReturnType<typeof stopProfiler>>['profile'];

/** Maps positions in the served bundle to source files (their hidden source maps, fetched once each). */
function sourceMapper(): (url: string, line: number, column: number) => Promise<string> {
  const maps = new Map<string, Promise<{ sources: string[]; lines: Array<Array<[number, number, number]>> } | null>>();
  return async (url, line, column) => {
    if (!url.startsWith('http')) return '';
    if (!maps.has(url))
      maps.set(
        url,
        fetch(`${url}.map`)
          .then((r) => r.json() as Promise<{ sources: string[]; mappings: string }>)
          .then((m) => ({ sources: m.sources, lines: decodeMappings(m.mappings) }))
          .catch(() => null),
      );
    const map = await maps.get(url)!;
    const segs = map?.lines[line];
    if (!map || !segs?.length) return url;
    let hit = segs[0]!;
    for (const seg of segs) if (seg[0] <= column) hit = seg;
    // Sources are relative to the build's folder: from node_modules/, shared/, renderer/ or test/ on.
    return `${map.sources[hit[1]]!.replace(/^.*?\b((?:node_modules|shared|renderer|test)\/)/, '$1')}:${hit[2] + 1}`;
  };
}

/**
 * Where a sample's time goes. Recharts: any frame of recharts in the stack (its components, hooks,
 * layout reads and the d3/redux code it calls). Otherwise by the innermost frame that has a
 * source (a browser API counts for its caller): Dexie, the row checks (readRow), the rest of
 * shared/ (the derive), the renderer's components and hooks, React, i18next. `gc` is the garbage
 * collector; `browser` is the rest of the main thread's native work (style, layout, paint, parsing).
 */
const KINDS = ['recharts', 'dexie', 'read-rows', 'derive', 'app-ui', 'react', 'i18n', 'gc', 'browser', 'other'] as const;
type Kind = (typeof KINDS)[number];
function kindOf(stack: readonly string[], fn: string): Kind {
  if (fn === '(garbage collector)') return 'gc';
  if (stack.some((s) => s.includes('node_modules/recharts/'))) return 'recharts';
  const src = stack.find((s) => s !== '');
  if (src === undefined) return 'browser';
  if (src.includes('node_modules/dexie')) return 'dexie';
  if (src.includes('shared/domain/tables.ts')) return 'read-rows';
  if (src.startsWith('shared/')) return 'derive';
  if (src.startsWith('renderer/src/')) return 'app-ui';
  if (/node_modules\/(react|react-dom|scheduler)\//.test(src)) return 'react';
  if (/node_modules\/(i18next|react-i18next)\//.test(src)) return 'i18n';
  return 'other';
}

interface Attribution {
  readonly busyMs: number;
  readonly byKind: Readonly<Record<Kind, number>>;
  /** Self time per source file (node_modules/… or the app's path). */
  readonly byFile: ReadonlyMap<string, number>;
  /** The functions with the most self time ("name @ source:line"), with their ms. */
  readonly top: ReadonlyArray<readonly [string, number]>;
}

/** The profile's main-thread time from `from` to `to` ms after the moment that falls at `at` on the profile's clock (µs). */
async function attribute(
  profile: CpuProfile,
  at: number,
  from: number,
  to: number,
  source: ReturnType<typeof sourceMapper>,
): Promise<Attribution> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const where = new Map<number, string>();
  for (const n of profile.nodes) where.set(n.id, await source(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber));
  const lo = at + from * 1000;
  const hi = at + to * 1000;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  let busy = 0;
  let t = profile.startTime;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    t += deltas[i]!;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const id = samples[i]!;
    const fn = byId.get(id)!.callFrame.functionName;
    if (t < lo || t > hi || fn === '(idle)' || fn === '(root)') continue;
    const stack: string[] = [];
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) stack.push(where.get(x)!);
    byKind[kindOf(stack, fn)] += dt;
    const name = `${fn || '(anonymous)'} @ ${where.get(id) || '(native)'}`.replace(/node_modules\//g, '');
    self.set(name, (self.get(name) ?? 0) + dt);
    const file = (where.get(id) ?? '').replace(/:\d+$/, '');
    byFile.set(file, (byFile.get(file) ?? 0) + dt);
    busy += dt;
  }
  return { busyMs: busy, byKind, byFile, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, 10) };
}

/**
 * Where the page's performance.now() starts on the profile's clock (µs): the document's navigation
 * start, from Performance.getMetrics, on the same monotonic clock as the profile's samples.
 */
async function pageClock(cdp: CDPSession): Promise<number> {
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((x) => x.name === 'NavigationStart')?.value ?? Number.NaN) * 1e6;
}

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, CpuProfile]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await work();
  const { profile } = await stopProfiler(cdp);
  return [r, profile];
}

function describe(what: string, a: Attribution): string {
  const kinds = KINDS.filter((k) => a.byKind[k] >= 0.5)
    .map((k) => `${k} ${Math.round(a.byKind[k])}`)
    .join(', ');
  const top = a.top.map(([f, ms]) => `${Math.round(ms)} ${f}`).join('; ');
  return `# ${BENCH} ${what}: ${Math.round(a.busyMs)} ms busy (ms: ${kinds}); most self time: ${top}`;
}

export async function portfolioBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.addInitScript(PORTFOLIO_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const source = sourceMapper();
  try {
    await page.goto(`${base}${PAGE}`);
    await page.waitForFunction(() => window.portfolioBench?.ready === true);
    const seeded: PortfolioSeed = await page.evaluate((n) => window.portfolioBench.seed(n), COUNT);
    console.log(
      `# ${BENCH}: ${seeded.accounts} accounts in ${seeded.currencies} currencies (${seeded.unconverted} without a rate), ` +
        `${seeded.regions} regions, ${seeded.owners} owners; ${seeded.losing} lose money, ${seeded.withoutCost} have no cost to serve, ` +
        `${seeded.withoutBucket} no bucket; the curve draws ${seeded.chartPoints} points and ${seeded.chartBars} bars; ` +
        `${seeded.destroyers} destroy profit (the what-if lists at most 50); a stored row is ${Math.round(seeded.rowBytes)} bytes as JSON; ` +
        `seeded in ${Math.round(seeded.seedMs)} ms`,
    );

    const details: Array<Record<string, number>> = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      const d = await page.evaluate(() => window.portfolioBench.detail());
      if (i > 0) details.push(d); // round 0 warms the JIT
    }

    const opens: PortfolioOpen[] = [];
    const filters: FilterChange[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      const o = await openPortfolio(page, base);
      const changes: FilterChange[] = [];
      for (const region of REGIONS) changes.push(await changeRegion(page, region));
      if (i === 0) continue; // round 0 warms the HTTP and V8 code caches
      opens.push(o);
      filters.push(...changes);
    }
    const colds: PortfolioOpen[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      const o = await coldOpen(page, base);
      if (i > 0) colds.push(o);
    }

    // Where the time goes: more opens and Region changes, under the profiler (not timed).
    const openWork: Attribution[] = [];
    const animation: Attribution[] = [];
    const filterWork: Attribution[] = [];
    /** Keeps a profiled round's figures (and prints the first one's); `t0` on the page's clock, `from` and `to` ms after it. */
    const keep = async (list: Attribution[], what: string, profile: CpuProfile, t0: number, from: number, to: number) => {
      list.push(await attribute(profile, (await pageClock(cdp)) + t0 * 1000, from, to, source));
      if (list.length === 1) console.log(describe(`${what}, ${Math.round(to - from)} ms profiled`, list[0]!));
    };
    for (let i = 0; i < PROFILE_ROUNDS; i++) {
      await loadApp(page, base);
      const [po, openProfile] = await profiled(cdp, async () => {
        await page.evaluate(() => (window as unknown as ProbeWindow).__pf.open());
        return collectOpen(page);
      });
      await keep(openWork, 'open (click to curve drawn)', openProfile, po.t0, 0, po.drawnMs);
      await keep(animation, 'open (curve drawn to animation end)', openProfile, po.t0, po.drawnMs, po.settledMs);
      const [pf, filterProfile] = await profiled(cdp, () => changeRegion(page, REGIONS[0]));
      await keep(filterWork, `filter change (to ${REGIONS[0]})`, filterProfile, pf.t0, 0, pf.ms);
    }

    // The floor: bare Recharts drawing the same chart in a box as wide as the app's.
    const width = Math.round(median(opens.map((o) => o.chartWidth)));
    await page.goto(`${base}${PAGE}`);
    await page.waitForFunction(() => window.portfolioBench?.ready === true);
    await page.evaluate(() => window.portfolioBench.prepareBare());
    const bares: BareRound[] = [];
    for (let i = 0; i < ROUNDS + 1; i++) {
      const b = await page.evaluate((w) => window.portfolioBench.bareRound(w), width);
      if (i > 0) bares.push(b);
    }
    const bareWork: Attribution[] = [];
    for (let i = 0; i < PROFILE_ROUNDS; i++) {
      const [pb, bareProfile] = await profiled(cdp, () => page.evaluate((w) => window.portfolioBench.bareRound(w), width));
      await keep(bareWork, 'bare chart (render to curve drawn)', bareProfile, pb.t0, 0, pb.drawnMs);
    }

    const m = <T>(xs: readonly T[], f: (x: T) => number) => median(xs.map(f));
    const e = (metric: string, value: number, unit = 'ms') => emit(BENCH, metric, value, unit);
    e('accounts', seeded.accounts, 'rows');
    e('chart-points', seeded.chartPoints, 'count');
    e('chart-bars', seeded.chartBars, 'count');
    e('profit-destroyers', seeded.destroyers, 'rows');
    e('row-json-bytes', seeded.rowBytes, 'bytes');
    const phases = (prefix: string, xs: readonly PortfolioOpen[]) => {
      e(
        `${prefix}-ms`,
        m(xs, (o) => o.drawnMs),
      );
      e(
        `${prefix}-loading-at-ms`,
        m(xs, (o) => o.loadingMs),
      );
      // The accounts' getAll calls, when the page asks IndexedDB (none when Dexie's cache of the list's query answers).
      const reads = Math.min(...xs.map((o) => o.reads.length));
      e(`${prefix}-accounts-idb-reads`, reads, 'count');
      for (let k = 0; k < reads; k++) {
        e(
          `${prefix}-accounts-read-${k + 1}-asked-at-ms`,
          m(xs, (o) => o.reads[k]!.askedMs),
        );
        e(
          `${prefix}-accounts-read-${k + 1}-answered-at-ms`,
          m(xs, (o) => o.reads[k]!.answeredMs),
        );
        e(
          `${prefix}-accounts-read-${k + 1}-clone-ms`,
          m(xs, (o) => o.reads[k]!.clonedMs - o.reads[k]!.answeredMs),
        );
        e(
          `${prefix}-accounts-read-${k + 1}-rows`,
          m(xs, (o) => o.reads[k]!.rows),
          'rows',
        );
      }
      e(
        `${prefix}-header-at-ms`,
        m(xs, (o) => o.headerMs),
      );
      e(
        `${prefix}-header-painted-at-ms`,
        m(xs, (o) => o.headerPaintedMs),
      );
      e(
        `${prefix}-chart-path-at-ms`,
        m(xs, (o) => o.chartMs),
      );
      e(
        `${prefix}-chart-drawn-at-ms`,
        m(xs, (o) => o.drawnMs),
      );
      e(
        `${prefix}-animation-end-at-ms`,
        m(xs, (o) => o.settledMs),
      );
      e(
        `${prefix}-longest-main-thread-task-ms`,
        m(xs, (o) => o.longestTaskToDrawnMs),
      );
      e(
        `${prefix}-long-task-total-ms`,
        m(xs, (o) => o.longTaskTotalToDrawnMs),
      );
      e(
        `${prefix}-longest-task-until-animation-end-ms`,
        m(xs, (o) => o.longestTaskToSettledMs),
      );
    };
    // Opening from the loaded app (the accounts list), ms from the click on the sidebar's Portfolio link.
    phases('open', opens);
    // A reload on #/portfolio/whale, ms from the navigation start (the app's start-up included).
    phases('cold-open', colds);
    // A Region filter change, ms from the choice.
    e(
      'filter-ms',
      m(filters, (f) => f.ms),
    );
    e(
      'filter-peak-at-ms',
      m(filters, (f) => f.peakMs),
    );
    e(
      'filter-curve-at-ms',
      m(filters, (f) => f.curveMs),
    );
    e('filter-max-ms', Math.max(...filters.map((f) => f.ms)));
    e(
      'filter-animation-end-at-ms',
      m(filters, (f) => f.settledMs),
    );
    e(
      'filter-longest-main-thread-task-ms',
      m(filters, (f) => f.longestTaskMs),
    );
    // The steps of the read and derive, timed in place (outside the page's own work).
    for (const key of Object.keys(details[0] ?? {}))
      e(
        `detail-${key}`,
        m(details, (d) => d[key] ?? Number.NaN),
      );
    // Main-thread time by kind of code (medians of the profiled rounds; the sampling profiler slows the page, so
    // these are larger than the timed figures: read them as shares): open (click to drawn), its animation, a
    // filter change, the bare chart (render to drawn).
    e('profile-rounds', PROFILE_ROUNDS, 'count');
    for (const [name, as] of [
      ['open', openWork],
      ['open-animation', animation],
      ['filter', filterWork],
      ['bare', bareWork],
    ] as const) {
      e(
        `profile-${name}-busy-ms`,
        m(as, (a) => a.busyMs),
      );
      for (const k of KINDS)
        e(
          `profile-${name}-${k}-ms`,
          m(as, (a) => a.byKind[k]),
        );
    }
    // The chart-draw phase: Recharts' main-thread time (its code and what it calls) from the click to the curve
    // drawn in the app, against the same from render() to the curve drawn for the bare chart. Of which Recharts
    // measuring its box (getComputedStyle, clientWidth), which forces the style and layout of the whole new page.
    const measure = (a: Attribution) => a.byFile.get('node_modules/recharts/es6/util/useElementSize.js') ?? 0;
    const appChart = m(openWork, (a) => a.byKind.recharts);
    const bareChart = m(bareWork, (a) => a.byKind.recharts);
    e('chart-draw-app-ms', appChart);
    e('chart-draw-app-measure-ms', m(openWork, measure));
    e('chart-draw-bare-ms', bareChart);
    e('chart-draw-bare-measure-ms', m(bareWork, measure));
    e('chart-draw-ratio-to-bare', appChart / bareChart, 'x');
    e(
      'bare-ms',
      m(bares, (b) => b.drawnMs),
    );
    e(
      'bare-chart-path-at-ms',
      m(bares, (b) => b.chartMs),
    );
    e(
      'bare-animation-end-at-ms',
      m(bares, (b) => b.settledMs),
    );
    e(
      'bare-longest-main-thread-task-ms',
      m(bares, (b) => b.longestTaskMs),
    );
    e('open-ratio-to-bare', m(opens, (o) => o.drawnMs) / m(bares, (b) => b.drawnMs), 'x');
    e('chart-width', width, 'px');
  } finally {
    await context.close();
  }
}
