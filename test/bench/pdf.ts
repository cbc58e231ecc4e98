// PDF benchmark: a long account plan (60 people on the map, 450 actions) from the report view to PDF bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { emit, median, ROUNDS } from './util';

const PEOPLE = 60;
const ACTIONS = 450;

export async function pdfBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  const planId = await page.evaluate(([p, a]) => window.waypointBench.seedLongPlan(p, a), [PEOPLE, ACTIONS] as const);
  const dir = mkdtempSync(path.join(tmpdir(), 'waypoint-pdf-bench-'));
  const times: number[] = [];
  let pages = 0;
  try {
    for (let i = 0; i < ROUNDS + 1; i++) {
      await page.goto(`${base}test/bench/page/bench.html`);
      const t0 = Date.now();
      // From opening the document to the PDF's bytes: what "Print plan…" costs the user.
      await page.goto(`${base}renderer/index.html#/print/plan/${planId}`);
      await page.locator('[data-report-ready]').waitFor({ timeout: 60_000 });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const ms = Date.now() - t0;
      if (i === 0) continue; // warm-up
      times.push(ms);
      const file = path.join(dir, 'plan.pdf');
      writeFileSync(file, pdf);
      pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }
  emit('pdf-plan', 'ms', median(times), 'ms');
  emit('pdf-plan', 'pages', pages, 'pages');
}
