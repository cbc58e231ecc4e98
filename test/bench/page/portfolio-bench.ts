// Runs inside Chromium on the app's origin, for the portfolio benchmark: seeds a 10,000-account
// workspace through the app's repositories, times the portfolio's read and derive steps in place
// (the same functions the page calls), and draws the whale chart with bare Recharts — the same
// points, bars and chart elements, without the app — as the floor of the chart-draw phase.
import { createElement as h, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { distinctValues, filterPortfolio, NO_PORTFOLIO_FILTER, totalsOf, type PortfolioFilter } from '@shared/domain/portfolio';
import { whaleBars, whaleChartPoints, whaleCurve, type WhaleCurve } from '@shared/domain/whale';
import { defaultSegmentFields } from '@shared/domain/segment';
import { readRows } from '@shared/domain/tables';
import { toPortfolio } from '@shared/domain/portfolio';
import { toMajor, type Bp, type Minor } from '@shared/domain/money';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace } from '../../../renderer/src/db/workspace';
import { createAccounts } from '../../../renderer/src/db/accounts';
import { createSegment, readWorkspaceSettings, updateWorkspaceSettings } from '../../../renderer/src/db/portfolio';
import { readPortfolio } from '../../../renderer/src/features/portfolio/hooks/usePortfolioData';
import { PORTFOLIO_RATES, syntheticPortfolio } from '../synthetic';

const SEED = 15;

export interface PortfolioSeed {
  readonly accounts: number;
  readonly currencies: number;
  readonly regions: number;
  readonly owners: number;
  readonly losing: number;
  readonly withoutCost: number;
  readonly withoutBucket: number;
  readonly unconverted: number;
  /** Accounts that destroy profit: the rows of the what-if table the whale view opens with. */
  readonly destroyers: number;
  readonly chartPoints: number;
  readonly chartBars: number;
  /** A stored account row as JSON (fields, per-field sync stamps), on average: what each IndexedDB read clones. */
  readonly rowBytes: number;
  readonly seedMs: number;
}

/** 10,000 accounts (one intent through the repository), the rates of their currencies into EUR, two segments. */
async function seed(count: number): Promise<PortfolioSeed> {
  const t0 = performance.now();
  const fields = syntheticPortfolio(count, SEED);
  const ws = await openWorkspace(new WaypointDB());
  try {
    await updateWorkspaceSettings(ws, { currency: 'EUR', rates: { ...PORTFOLIO_RATES } });
    await createAccounts(ws, fields);
    await createSegment(
      ws,
      defaultSegmentFields('EUR', {
        name: 'Nordic logistics',
        industry: 'Logistics',
        region: 'Nordics',
        targetCustomers: 1200,
        avgSpend: 6_000_000 as Minor,
        winRateBp: 2000 as Bp,
      }),
    );
    await createSegment(
      ws,
      defaultSegmentFields('EUR', { name: 'DACH elephants', region: 'DACH', sizeClass: 'elephant', targetCustomers: 300, minFit: 60 }),
    );
    const data = await readPortfolio(ws.db);
    const rows = data.portfolio.rows;
    const stored = await ws.db.accounts.limit(500).toArray();
    const curve = whaleCurve(rows);
    return {
      accounts: data.accounts.length,
      currencies: new Set(data.accounts.map((a) => a.currency)).size,
      regions: distinctValues(rows, 'region').length,
      owners: distinctValues(rows, 'owner').length,
      losing: rows.filter((r) => r.profit < 0).length,
      withoutCost: rows.filter((r) => !r.hasCost).length,
      withoutBucket: rows.filter((r) => r.bucket === null).length,
      unconverted: data.portfolio.unconverted.reduce((s, u) => s + u.accounts.length, 0),
      destroyers: curve.destroyers.count,
      chartPoints: whaleChartPoints(curve).length,
      chartBars: whaleBars(curve).length,
      rowBytes: stored.reduce((n, r) => n + JSON.stringify(r).length, 0) / stored.length,
      seedMs: performance.now() - t0,
    };
  } finally {
    ws.db.close();
  }
}

const REGION: PortfolioFilter = { ...NO_PORTFOLIO_FILTER, region: 'Nordics' };

/**
 * One pass of what the whale view computes, each step timed on its own (ms): the accounts'
 * IndexedDB read (getAll and structured clone), the row checks, the settings and segments, the
 * conversion into the reporting currency, `readPortfolio` as the page's live query runs it, the
 * filters' option lists and totals, the whale curve, the chart's points and bars, and the derive
 * part of a Region filter change.
 */
async function detail(): Promise<Record<string, number>> {
  const db = new WaypointDB();
  await db.open();
  const out: Record<string, number> = {};
  const time = async <T>(key: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    const r = await work();
    out[key] = performance.now() - t0;
    return r;
  };
  try {
    const raw = await time('idb-accounts-getall', () => db.accounts.toArray());
    const accounts = await time('read-rows', () => readRows('accounts', raw).filter((a) => !a.deleted));
    const settings = await time('settings-and-segments', async () => {
      const [s] = await Promise.all([readWorkspaceSettings(db), db.segments.toArray()]);
      return s;
    });
    const portfolio = await time('to-portfolio', () => toPortfolio(accounts, settings));
    await time('read-portfolio', () => readPortfolio(db));
    const rows = portfolio.rows;
    await time('filter-options-totals', () => {
      const shown = filterPortfolio(rows, NO_PORTFOLIO_FILTER, new Map());
      return [distinctValues(rows, 'owner'), distinctValues(rows, 'region'), totalsOf(shown)];
    });
    const curve = await time('whale-curve', () => whaleCurve(rows));
    await time('chart-points-bars', () => [whaleChartPoints(curve), whaleBars(curve)]);
    await time('region-filter-derive', () => {
      const shown = filterPortfolio(rows, REGION, new Map());
      const c = whaleCurve(shown);
      return [totalsOf(shown), whaleChartPoints(c), whaleBars(c)];
    });
  } finally {
    db.close();
  }
  return out;
}

interface CurveDatum {
  readonly x: number;
  readonly y: number | null;
}
interface BarDatum {
  readonly key: string;
  readonly value: number;
  readonly profit: number;
}
let chartData: { curve: WhaleCurve; points: CurveDatum[]; bars: BarDatum[] } | null = null;

/** The seeded portfolio's curve as the app draws it (the same domain functions), computed once and untimed. */
async function prepareBare(): Promise<{ points: number; bars: number }> {
  const db = new WaypointDB();
  try {
    const data = await readPortfolio(db);
    const curve = whaleCurve(data.portfolio.rows);
    const currency = data.settings.currency;
    chartData = {
      curve,
      points: whaleChartPoints(curve).map((p) => ({ x: p.x, y: p.y })),
      bars: whaleBars(curve).map((b) => ({ key: `${b.from}-${b.to}`, value: toMajor(b.profit, currency), profit: b.profit })),
    };
    return { points: chartData.points.length, bars: chartData.bars.length };
  } finally {
    db.close();
  }
}

const pct = (n: number) => `${Math.round(n)} %`;

/** The app's whale chart element for element (LineChart with grid, axes, tail area, 100 % line, tooltip, line and peak; BarChart with cells), plain values in place of the app's texts. */
function BareWhale({ curve, points, bars }: { curve: WhaleCurve; points: CurveDatum[]; bars: BarDatum[] }): ReactElement {
  const peak = curve.peak!;
  const peakX = peak.accountShare * 100;
  const peakY = (peak.profitShare ?? 0) * 100;
  const yMin = Math.min(0, Math.floor(Math.min(...points.map((p) => p.y ?? 0)) / 20) * 20);
  const yMax = Math.max(100, Math.ceil(peakY / 20) * 20);
  const common = { responsive: true, style: { width: '100%' }, accessibilityLayer: true };
  const tick = { fill: '#555', fontSize: 11 };
  return h(
    'figure',
    { className: 'bare-whale', style: { margin: 0 } },
    h(
      LineChart,
      { ...common, height: 320, data: points, margin: { top: 16, right: 24, bottom: 8, left: 8 } },
      h(CartesianGrid, { stroke: '#ddd', strokeDasharray: '2 4', vertical: false }),
      h(XAxis, {
        type: 'number',
        dataKey: 'x',
        domain: [0, 100],
        ticks: [0, 20, 40, 60, 80, 100],
        tickFormatter: pct,
        stroke: '#888',
        tick,
        label: { value: 'Share of accounts', position: 'insideBottomRight', offset: -4, fill: '#888', fontSize: 11 },
      }),
      h(YAxis, { type: 'number', domain: [yMin, yMax], tickFormatter: pct, stroke: '#888', tick, width: 48 }),
      h(ReferenceArea, { x1: peakX, x2: 100, fill: '#c00', fillOpacity: 0.07, stroke: 'none', ifOverflow: 'hidden' }),
      h(ReferenceLine, {
        y: 100,
        stroke: '#888',
        strokeDasharray: '4 4',
        label: { value: '100 % of profit', position: 'insideTopLeft', fill: '#555', fontSize: 11 },
      }),
      h(Tooltip, { cursor: { stroke: '#bbb' } }),
      h(Line, { type: 'linear', dataKey: 'y', stroke: '#2563eb', strokeWidth: 2, dot: false, activeDot: { r: 5 }, connectNulls: true }),
      h(ReferenceDot, {
        x: peakX,
        y: peakY,
        r: 5,
        fill: '#fff',
        stroke: '#2563eb',
        strokeWidth: 2,
        label: { value: `Peak ${Math.round(peakY)} %`, position: 'top', fill: '#111', fontSize: 12, fontWeight: 600 },
      }),
    ),
    h(
      BarChart,
      { ...common, height: Math.round(320 * 0.42), data: bars, margin: { top: 4, right: 24, bottom: 4, left: 8 }, barCategoryGap: 1 },
      h(XAxis, { dataKey: 'key', hide: true }),
      h(YAxis, { type: 'number', stroke: '#888', tick: { fill: '#555', fontSize: 10 }, width: 48, tickCount: 4 }),
      h(ReferenceLine, { y: 0, stroke: '#bbb' }),
      h(Tooltip, { cursor: { fill: '#f4f4f4' } }),
      h(
        Bar,
        { dataKey: 'value' },
        bars.map((b) => h(Cell, { key: b.key, fill: b.profit < 0 ? '#c00' : '#2563eb', fillOpacity: b.profit < 0 ? 0.85 : 0.55 })),
      ),
    ),
  );
}

export interface BareRound {
  /** The render() call, on the page's clock. */
  readonly t0: number;
  /** From root.render() to the line's path in the DOM with a non-empty `d`. */
  readonly chartMs: number;
  /** …and the frame after it (the curve on screen, its draw-in animation started). */
  readonly drawnMs: number;
  /** The last change inside the chart: the end of Recharts' draw-in animations. */
  readonly settledMs: number;
  readonly longestTaskMs: number;
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

/** Mounts the bare chart into a box as wide as the app's chart, times it, and unmounts it. */
async function bareRound(width: number): Promise<BareRound> {
  if (!chartData) throw new Error('prepareBare first');
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  document.body.append(box);
  const tasks: number[] = [];
  const lt = new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration)));
  lt.observe({ type: 'longtask', buffered: false });
  let last = 0;
  let chartAt: number | null = null;
  let onChart: (() => void) | null = null;
  const mo = new MutationObserver(() => {
    last = performance.now();
    if (chartAt === null && box.querySelector('.recharts-line-curve')?.getAttribute('d')) {
      chartAt = last;
      onChart?.();
    }
  });
  mo.observe(box, { subtree: true, childList: true, attributes: true, characterData: true });
  const root = createRoot(box);
  const t0 = performance.now();
  root.render(h(BareWhale, chartData));
  await new Promise<void>((resolve) => {
    onChart = resolve;
    if (chartAt !== null) resolve();
  });
  const drawnAt = await nextFrame();
  // Quiet for 800 ms (Recharts' line animates for 1.5 s by default).
  while (performance.now() - Math.max(last, drawnAt) < 800 && performance.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 100));
  mo.disconnect();
  lt.disconnect();
  root.unmount();
  box.remove();
  return {
    t0,
    chartMs: chartAt! - t0,
    drawnMs: drawnAt - t0,
    settledMs: Math.max(last, chartAt!) - t0,
    longestTaskMs: Math.max(0, ...tasks),
  };
}

declare global {
  interface Window {
    portfolioBench: {
      seed: typeof seed;
      detail: typeof detail;
      prepareBare: typeof prepareBare;
      bareRound: typeof bareRound;
      ready: boolean;
    };
  }
}
window.portfolioBench = { seed, detail, prepareBare, bareRound, ready: true };
