// Sync benchmark: export and import of 100,000 changes, against the raw IndexedDB write of the same rows.
import type { Browser } from 'playwright-core';
import type { SyncRound } from './page/sync-bench';
import { emit, median, ROUNDS } from './util';

/** Rounds are heavy (100,000 rows each way): at most three, the median reported. */
const SYNC_ROUNDS = Math.max(1, Math.min(ROUNDS, 3));

export async function syncBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  const rounds: SyncRound[] = [];
  for (let i = 0; i < SYNC_ROUNDS; i++) rounds.push(await page.evaluate((r) => window.waypointBench.syncRound(r), i));
  await context.close();
  const m = (f: (r: SyncRound) => number) => median(rounds.map(f));
  emit(
    'sync-100k',
    'rows',
    m((r) => r.rows),
    'rows',
  );
  emit(
    'sync-100k',
    'export-ms',
    m((r) => r.exportMs),
    'ms',
  );
  emit(
    'sync-100k',
    'file-bytes',
    m((r) => r.fileBytes),
    'bytes',
  );
  emit(
    'sync-100k',
    'import-ms',
    m((r) => r.importMs),
    'ms',
  );
  for (const [name, f] of [
    ['import-decode-ms', (r: SyncRound) => r.decodeMs],
    ['import-decode-start-ms', (r: SyncRound) => r.startMs],
    ['import-decode-unpack-ms', (r: SyncRound) => r.unpackMs],
    ['import-decode-frame-ms', (r: SyncRound) => r.frameMs],
    ['import-backup-ms', (r: SyncRound) => r.backupMs],
    ['import-merge-ms', (r: SyncRound) => r.mergeMs],
  ] as const)
    emit('sync-100k', name, m(f), 'ms');
  emit(
    'sync-100k',
    'reimport-ms',
    m((r) => r.reimportMs),
    'ms',
  );
  emit(
    'sync-100k',
    'reimport-backup-ms',
    m((r) => r.reimportBackupMs),
    'ms',
  );
  emit(
    'sync-100k',
    'reimport-merge-ms',
    m((r) => r.reimportMergeMs),
    'ms',
  );
  emit(
    'sync-100k',
    'raw-idb-ms',
    m((r) => r.rawMs),
    'ms',
  );
  emit(
    'sync-100k',
    'import-longest-main-thread-task-ms',
    m((r) => r.longestTaskMs),
    'ms',
  );
  // Each round's import against that round's raw write (the disk's pace drifts between rounds by
  // more than the import's own cost), the median of those, and their spread.
  const ratios = rounds.map((r) => r.importMs / r.rawMs);
  emit('sync-100k', 'import-ratio-to-raw-idb', median(ratios), 'x');
  emit('sync-100k', 'import-ratio-to-raw-idb-lowest', Math.min(...ratios), 'x');
  emit('sync-100k', 'import-ratio-to-raw-idb-highest', Math.max(...ratios), 'x');
}
