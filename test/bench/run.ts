// `npm run bench`: benchmarks in real Chromium. Prints one JSON line per figure:
// {"bench": ..., "metric": ..., "value": <number>, "unit": ...}. Figures, not pass/fail.
// Env: WAYPOINT_BENCH_ROUNDS (default 5), WAYPOINT_BENCH_ONLY (insert,list,map,sync,csv,pdf,portfolio), WAYPOINT_BENCH_MAP_LAYOUT
// (grid | org), WAYPOINT_BENCH_PORT. Where the map's time goes: `npx tsx test/bench/profile-map.ts`.
import os from 'node:os';
import { build, preview } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { findChromium } from '../../scripts/chromium.mjs';
import { benchBuild, emit, median, PORT, ROUNDS } from './util';
import { mapBench } from './map';
import { syncBench } from './sync';
import { csvBench } from './csv';
import { pdfBench } from './pdf';
import { portfolioBench, withPortfolioPage } from './portfolio';

const COUNT = 10_000;
/** Comma-separated subset of insert,list,map,sync,csv,pdf,portfolio (default: all). */
const ONLY = new Set((process.env.WAYPOINT_BENCH_ONLY ?? 'insert,list,map,sync,csv,pdf,portfolio').split(',').map((x) => x.trim()));
const config = withPortfolioPage(benchBuild());

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
  emit('accounts-insert-10k', 'ratio-to-raw-idb', median(repo) / median(raw), 'x');
  // How much of the gap is the repository's own JavaScript; the rest is Dexie's middleware.
  emit('accounts-insert-10k', 'repo-js-ms', median(prepare), 'ms');
}

/** Marks, inside the page, when the 10,000-row list first shows data and when each filter keystroke has painted. */
const LIST_PROBE = `
  window.__bench = { firstVisible: null, keystrokes: [] };
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

async function listBench(page: Page, base: string): Promise<void> {
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  await page.evaluate((n) => window.waypointBench.seedApp(n), COUNT);
  const first: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // From another document: a goto to the URL the page is already on (hash and all) would not reload it.
    await page.goto(`${base}test/bench/page/bench.html`);
    await page.goto(`${base}renderer/index.html#/accounts`);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { firstVisible: number | null } }).__bench.firstVisible !== null,
      undefined,
      { timeout: 60_000 },
    );
    first.push(await page.evaluate(() => (window as unknown as { __bench: { firstVisible: number } }).__bench.firstVisible));
    const filter = page.getByRole('searchbox', { name: 'Filter accounts' });
    for (const word of ['nor', 'kest']) {
      await filter.fill('');
      await page.waitForTimeout(150);
      for (const ch of word) {
        const before = await page.evaluate(() => (window as unknown as { __bench: { keystrokes: number[] } }).__bench.keystrokes.length);
        await filter.press(ch);
        await page
          .waitForFunction((b) => (window as unknown as { __bench: { keystrokes: number[] } }).__bench.keystrokes.length > b, before, {
            timeout: 10_000,
          })
          .catch(() => undefined);
      }
    }
    keys.push(...(await page.evaluate(() => (window as unknown as { __bench: { keystrokes: number[] } }).__bench.keystrokes)));
  }
  emit('accounts-list-10k', 'first-visible-ms', median(first), 'ms');
  emit('accounts-list-10k', 'filter-keystroke-ms', median(keys), 'ms');
}

async function main(): Promise<void> {
  await build(config);
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
