// Sync-folder benchmark (sync-folder-10, sync-folder-25): a team's folder over a 100,000-row
// workspace, 10 and 25 devices (see page/folder-bench.ts for who is real and who is simulated).
// (a) a sync where nothing changed, (b) one edit on one device reaching another, (c) one device
// back from ten days away: how many files carry what it lacks.
import type { Browser } from 'playwright-core';
import type { FolderRound } from './page/folder-bench';
import { emit, median, ROUNDS } from './util';

/** Each round seeds 100,000 rows and copies them to a second device: at most two rounds per size. */
const FOLDER_ROUNDS = Math.max(1, Math.min(ROUNDS, 2));
export const FOLDER_SIZES = [10, 25] as const;

export async function folderBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  for (const n of FOLDER_SIZES) {
    const rounds: FolderRound[] = [];
    for (let i = 0; i < FOLDER_ROUNDS; i++)
      rounds.push(await page.evaluate(([devices, round]) => window.waypointBench.folderRound(devices, round), [n, i] as const));
    const m = (f: (r: FolderRound) => number) => median(rounds.map(f));
    const bench = `sync-folder-${n}`;
    emit(
      bench,
      'workspace-rows',
      m((r) => r.rows),
      'rows',
    );
    emit(
      bench,
      'quiet-sync-ms',
      m((r) => r.quietMs),
      'ms',
    );
    emit(
      bench,
      'quiet-sync-header-bytes-read',
      m((r) => r.quietHeadBytes),
      'bytes',
    );
    emit(
      bench,
      'quiet-sync-bodies-read',
      m((r) => r.quietBodiesRead),
      'count',
    );
    emit(
      bench,
      'edit-send-ms',
      m((r) => r.editSendMs),
      'ms',
    );
    emit(
      bench,
      'edit-file-rows',
      m((r) => r.editFileRows),
      'rows',
    );
    emit(
      bench,
      'edit-file-bytes',
      m((r) => r.editFileBytes),
      'bytes',
    );
    emit(
      bench,
      'edit-receive-ms',
      m((r) => r.editReceiveMs),
      'ms',
    );
    emit(
      bench,
      'edit-receive-body-bytes-read',
      m((r) => r.editReceiveBodyBytes),
      'bytes',
    );
    emit(
      bench,
      'edit-receive-rows-merged',
      m((r) => r.editReceiveRowsMerged),
      'rows',
    );
    emit(
      bench,
      'stale-device-files-carrying-gap-of-2',
      m((r) => r.staleFilesCarryingGap),
      'count',
    );
    emit(
      bench,
      'stale-device-serving-file-rows',
      m((r) => r.staleServerRows),
      'rows',
    );
    emit(
      bench,
      'stale-device-other-file-rows',
      m((r) => r.staleOtherRows),
      'rows',
    );
    emit(
      bench,
      'stale-device-serving-sync-ms',
      m((r) => r.staleServeMs),
      'ms',
    );
  }
  await context.close();
}
