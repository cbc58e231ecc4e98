// `npm run bench`: benchmarks in real Chromium. Prints one JSON line per figure:
// {"bench": ..., "metric": ..., "value": <number>, "unit": ...}. Figures, not pass/fail.
// The list and the map are each measured against the bare library they stand on, in the same run
// and in turns with the app (page/bare-list.tsx: TanStack Virtual; page/bare-map.tsx: React Flow;
// built with the app from the same packages): the app figure, the bare one and app / bare.
// Env: WAYPOINT_BENCH_ROUNDS (default 5), WAYPOINT_BENCH_ONLY (insert,list,map,sync,folder,longtasks,csv,pdf,portfolio), WAYPOINT_BENCH_MAP_LAYOUT, WAYPOINT_BENCH_MAP_PART (open|pan)
// (grid | org), WAYPOINT_BENCH_PORT. Where the map's time goes: `npx tsx test/bench/profile-map.ts`.
import os from 'node:os';
import { preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { findChromium } from '../../scripts/chromium.mjs';
import { buildForBench, emit, median, PORT, ROUNDS, startupBytes } from './util';
import { mapBench } from './map';
import { syncBench } from './sync';
import { folderBench } from './folder';
import { longTaskBench } from './longtasks';
import { csvBench } from './csv';
import { pdfBench } from './pdf';
import { portfolioBench } from './portfolio';

const COUNT = 10_000;
/** Comma-separated subset of insert,list,map,sync,folder,longtasks,csv,pdf,portfolio (default: all). */
const ONLY = new Set(
  (process.env.WAYPOINT_BENCH_ONLY ?? 'insert,list,map,sync,folder,longtasks,csv,pdf,portfolio').split(',').map((x) => x.trim()),
);

async function insertBench(page: Page): Promise<void> {
  const repo: number[] = [];
  const raw: number[] = [];
  const prepare: number[] = [];
  for (let i = 0; i < ROUNDS + 1; i++) {
    const r = await page.evaluate(([round, n]) => window.waypointBench.insertRound(round, n), [i, COUNT] as const);
    if (i === 0) continue; // warm-up round: JIT and IndexedDB start-up
    repo.push(r.repoMs);
    raw.push(r.rawMs);
    prepare.push(r.prepareMs);
  }
  emit('accounts-insert-10k', 'repo-ms', median(repo), 'ms');
  emit('accounts-insert-10k', 'raw-idb-ms', median(raw), 'ms');
  // The median of each round's ratio: IndexedDB's speed drifts between rounds, and a round's pair shares the drift.
  emit('accounts-insert-10k', 'ratio-to-raw-idb', median(repo.map((r, i) => r / raw[i]!)), 'x');
  // How much of the gap is the repository's own JavaScript; the rest is Dexie's middleware.
  emit('accounts-insert-10k', 'repo-js-ms', median(prepare), 'ms');
}

/**
 * Marks, inside the page, when the 10,000-row list first shows data and when each filter keystroke
 * has painted (the footer's count changed, then the next frame). Works on the app's list and on
 * the bare one (page/bare-list.tsx). A keystroke that leaves the count as it was is never marked:
 * `forget` drops it, or clearing the filter would be timed from it.
 */
const LIST_PROBE = `
  window.__bench = { firstVisible: null, keystrokes: [], forget: () => { pending = null; } };
  let pending = null;
  const footText = () => document.querySelector('[role="grid"]')?.parentElement?.querySelector('[aria-live="polite"]')?.textContent ?? '';
  new MutationObserver(() => {
    if (window.__bench.firstVisible === null && document.querySelector('[role="row"][aria-rowindex="2"]') && /10,000/.test(footText())) {
      requestAnimationFrame(() => setTimeout(() => { if (window.__bench.firstVisible === null) window.__bench.firstVisible = performance.now(); }, 0));
    }
    if (pending !== null && footText() !== pending.before) {
      const t0 = pending.t0; pending = null;
      requestAnimationFrame(() => setTimeout(() => window.__bench.keystrokes.push(performance.now() - t0), 0));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'search') pending = { t0: performance.now(), before: footText() };
  }, true);
`;
interface ListProbe {
  firstVisible: number | null;
  keystrokes: number[];
  forget: () => void;
}
/** The filter words typed each round, a key at a time (the same on the app and on the bare list). */
const FILTER_WORDS = ['nor', 'kest'] as const;
/** A keystroke that changes the count paints well within this; one that does not is never marked. */
const KEYSTROKE_TIMEOUT_MS = 5000;

/** One round on one list page: until the first rows show, then the filter words typed; the ms of each. */
async function listRound(page: Page, base: string, url: string): Promise<{ first: number; keys: number[] }> {
  // From another document: a goto to the URL the page is already on (hash and all) would not reload it.
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bench: ListProbe }).__bench.firstVisible !== null, undefined, {
    timeout: 60_000,
  });
  const first = await page.evaluate(() => (window as unknown as { __bench: { firstVisible: number } }).__bench.firstVisible);
  const filter = page.getByRole('searchbox', { name: 'Filter accounts' });
  for (const word of FILTER_WORDS) {
    await filter.fill('');
    await page.waitForTimeout(150);
    for (const ch of word) {
      const before = await page.evaluate(() => (window as unknown as { __bench: ListProbe }).__bench.keystrokes.length);
      await filter.press(ch);
      await page
        .waitForFunction((b) => (window as unknown as { __bench: ListProbe }).__bench.keystrokes.length > b, before, {
          timeout: KEYSTROKE_TIMEOUT_MS,
        })
        .catch(() => undefined);
      await page.evaluate(() => (window as unknown as { __bench: ListProbe }).__bench.forget());
    }
  }
  return { first, keys: await page.evaluate(() => (window as unknown as { __bench: ListProbe }).__bench.keystrokes) };
}

async function listBench(page: Page, base: string): Promise<void> {
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  await page.evaluate((n) => window.waypointBench.seedApp(n), COUNT);
  const first: number[] = [];
  const keys: number[] = [];
  const bareFirst: number[] = [];
  const bareKeys: number[] = [];
  // App and bare list take turns, so that load drift hits both alike.
  for (let i = 0; i < ROUNDS; i++) {
    const app = await listRound(page, base, `${base}renderer/index.html#/accounts`);
    first.push(app.first);
    keys.push(...app.keys);
    const bare = await listRound(page, base, `${base}test/bench/page/bare-list.html`);
    bareFirst.push(bare.first);
    bareKeys.push(...bare.keys);
  }
  emit('accounts-list-10k', 'first-visible-ms', median(first), 'ms');
  emit('accounts-list-10k', 'bare-first-visible-ms', median(bareFirst), 'ms');
  emit('accounts-list-10k', 'first-visible-ratio-to-bare', median(first) / median(bareFirst), 'x');
  emit('accounts-list-10k', 'filter-keystroke-ms', median(keys), 'ms');
  emit('accounts-list-10k', 'bare-filter-keystroke-ms', median(bareKeys), 'ms');
  emit('accounts-list-10k', 'filter-keystroke-ratio-to-bare', median(keys) / median(bareKeys), 'x');
}

async function main(): Promise<void> {
  const config = await buildForBench();
  const server = await preview({ ...config, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    console.log(
      `# machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join('/')}, node ${process.version}, chromium ${browser.version()}, ${ROUNDS} rounds (median)`,
    );
    const base = `http://127.0.0.1:${PORT}/`;
    // What every start loads before the first screen can draw (the other screens load when first shown).
    const first = startupBytes();
    emit('startup', 'first-load-js-kb', Math.round(first.js), 'kB');
    emit('startup', 'first-load-css-kb', Math.round(first.css), 'kB');
    if (ONLY.has('insert') || ONLY.has('list')) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      await context.addInitScript(LIST_PROBE);
      const page = await context.newPage();
      await page.goto(`${base}test/bench/page/bench.html`);
      await page.waitForFunction(() => window.waypointBench?.ready === true);
      if (ONLY.has('insert')) await insertBench(page);
      if (ONLY.has('list')) await listBench(page, base);
      await context.close();
    }
    // A fresh context (empty IndexedDB) for the maps.
    if (ONLY.has('map')) await mapBench(browser, base);
    if (ONLY.has('sync')) await syncBench(browser, base);
    if (ONLY.has('folder')) await folderBench(browser, base);
    if (ONLY.has('longtasks')) await longTaskBench(browser, base);
    if (ONLY.has('csv')) await csvBench(browser, base);
    if (ONLY.has('pdf')) await pdfBench(browser, base);
    if (ONLY.has('portfolio')) await portfolioBench(browser, base);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(`Benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
