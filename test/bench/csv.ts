// CSV benchmark: a Salesforce-style export of 10,000 accounts and 60,000 contacts (with reports-to)
// through the app's import — parse, map, dry run, import — against the raw IndexedDB write of the
// same rows, the longest main-thread block while importing, then the CSV export of that workspace.
// `csv-import detail-*` figures time the parts of each phase in place, to say where the time goes.
import type { Browser } from 'playwright-core';
import type { CsvRound, Watched } from './page/csv-bench';
import { emit, median, ROUNDS } from './util';

/** Rounds are heavy (70,000 records and 50,000 lines each): at most three, the median reported. */
const CSV_ROUNDS = Math.max(1, Math.min(ROUNDS, 3));

function describe(w: Watched): string {
  const phases = Object.entries(w.perPhase)
    .map(([phase, t]) => `${phase} ${t.count} (${Math.round(t.ms)} ms, longest ${Math.round(t.longest)})`)
    .join(', ');
  const top = w.top.map((t) => `${t.ms} ms in ${t.phase} at +${t.atMs} ms`).join('; ');
  return (
    `longest task ${Math.round(w.longestTaskMs)} ms in ${w.longestTaskPhase}; longest heartbeat gap ${Math.round(w.heartbeatGapMs)} ms ` +
    `in ${w.heartbeatGapPhase}; long tasks per phase: ${phases || 'none'}; longest: ${top || 'none'}`
  );
}

export async function csvBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  const rounds: CsvRound[] = [];
  for (let i = 0; i < CSV_ROUNDS; i++) {
    const r = await page.evaluate((n) => window.waypointBench.csvRound(n), i);
    console.log(`# csv-import round ${i}: ${describe(r.importWatch)}`);
    console.log(`# csv-export round ${i}: ${describe(r.exportWatch)}`);
    rounds.push(r);
  }
  await context.close();
  const m = (f: (r: CsvRound) => number) => median(rounds.map(f));
  const imp = (metric: string, f: (r: CsvRound) => number, unit = 'ms') => emit('csv-import', metric, m(f), unit);
  imp('rows', (r) => r.rows, 'rows');
  imp('accounts', (r) => r.accounts, 'rows');
  imp('people', (r) => r.people, 'rows');
  imp('lines', (r) => r.lines, 'rows');
  imp('file-bytes', (r) => r.fileBytes, 'bytes');
  imp('generate-ms', (r) => r.generateMs);
  imp('parse-ms', (r) => r.parseMs);
  imp('map-ms', (r) => r.mapMs);
  imp('dry-run-ms', (r) => r.dryRunMs);
  imp('write-ms', (r) => r.writeMs);
  imp('raw-idb-ms', (r) => r.rawMs);
  emit('csv-import', 'write-ratio-to-raw-idb', m((r) => r.writeMs) / m((r) => r.rawMs), 'x');
  imp('longest-main-thread-block-ms', (r) => r.importWatch.longestTaskMs);
  imp('longest-heartbeat-gap-ms', (r) => r.importWatch.heartbeatGapMs);
  for (const key of Object.keys(rounds[0]?.detail ?? {}))
    imp(`detail-${key}`, (r) => r.detail[key] ?? Number.NaN, key.endsWith('-bytes') ? 'bytes' : 'ms');
  emit(
    'csv-export',
    'ms',
    m((r) => r.exportMs),
    'ms',
  );
  emit(
    'csv-export',
    'bytes',
    m((r) => r.exportBytes),
    'bytes',
  );
  emit(
    'csv-export',
    'rows',
    m((r) => r.exportRows),
    'rows',
  );
  emit(
    'csv-export',
    'longest-main-thread-block-ms',
    m((r) => r.exportWatch.longestTaskMs),
    'ms',
  );
}
