// `npx tsx test/bench/profile-map.ts [people] [bare]`: where the time goes when a stakeholder map of
// 1,000 people (default) opens and is drag-panned. Builds the app unminified into .bench-out/
// (function names survive), records a Chromium trace with the V8 sampling profiler for one
// open and one 2 s pan, and prints per-thread busy time, the main thread's work by kind and
// the JavaScript functions and modules with the most self time; `bare` profiles the bench's bare
// React Flow page (page/bare-map.tsx) on the same rows instead. Not part of `npm run bench`.
import { writeFileSync } from 'node:fs';
import { root } from './util';
import { emptyPanePoint, MAP_LAYOUT, MAP_PROBE, openBare, openMap, panOnce } from './map';
import { profileSession, report, traced } from './trace';

const PEOPLE = Number(process.argv[2] ?? 1000);
const BARE = process.argv[3] === 'bare';
const WHAT = BARE ? 'bare-map' : 'map';
const outDir = `${root}/.bench-out`;

profileSession(outDir, async (browser, base) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.addInitScript(MAP_PROBE);
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  const id = await page.evaluate(([n, layout]) => window.waypointBench.seedMap(`Meridian Shipping ${n}`, n, layout), [
    PEOPLE,
    MAP_LAYOUT,
  ] as const);
  await (BARE ? openBare : openMap)(page, base, id); // warm the HTTP and code caches
  await page.goto(`${base}test/bench/page/bench.html`);
  let drawn = 0;
  const open = await traced(browser, page, async () => {
    await page.goto(
      BARE
        ? `${base}test/bench/page/bare-map.html?account=${encodeURIComponent(id)}`
        : `${base}renderer/index.html#/accounts/${encodeURIComponent(id)}/map`,
    );
    await page.waitForFunction(() => (window as unknown as { __map: { drawn: number | null } }).__map.drawn !== null, undefined, {
      timeout: 60_000,
    });
    drawn = await page.evaluate(() => (window as unknown as { __map: { drawn: number } }).__map.drawn);
  });
  writeFileSync(`${outDir}/${WHAT}-open-${PEOPLE}.trace.json`, JSON.stringify({ traceEvents: open }));
  await report(
    `${WHAT}-open, ${PEOPLE} people: drawn at ${drawn.toFixed(0)} ms after navigation start`,
    open,
    BARE ? 'bare-map.html' : 'renderer/index.html',
  );
  await page.waitForTimeout(1000);
  const from = await emptyPanePoint(page);
  await panOnce(page, from); // warm-up
  let frames: number[] = [];
  const pan = await traced(browser, page, async () => {
    frames = await panOnce(page, from);
  });
  writeFileSync(`${outDir}/${WHAT}-pan-${PEOPLE}.trace.json`, JSON.stringify({ traceEvents: pan }));
  const sorted = [...frames].sort((a, b) => a - b);
  await report(
    `${WHAT}-pan, ${PEOPLE} people: ${frames.length} frames, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms`,
    pan,
  );
  console.log(
    `\n# traces (open in chrome://tracing or DevTools' Performance panel): ${outDir}/${WHAT}-open-${PEOPLE}.trace.json, ${outDir}/${WHAT}-pan-${PEOPLE}.trace.json`,
  );
  await context.close();
});
