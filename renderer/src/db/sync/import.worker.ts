/// <reference lib="webworker" />
import { SyncFileError, type OpenedSyncFile } from '@shared/sync/codec';
import { WaypointDB } from '../database';
import { openChecked } from './decodeChecked';
import { importSyncFile } from './importFile';
import type { ImportGo, ImportReply, ImportStart } from './importOffThread';
import { lentClock } from './lentClock';

/**
 * Checking a sync file (decrypt, unpack, scan; each row is parsed and checked as it is merged) and merging it, off the main
 * thread, on this worker's own connection to the workspace database (issue 12: no file, however
 * large or hostile, freezes the window; issue 18: a 100,000-row file is not copied across threads).
 * Between the two the main thread is asked to go on: it makes the backup, or decides the file
 * was already merged.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (m: ImportReply) => scope.postMessage(m);

let opened: OpenedSyncFile | null = null;
let start: ImportStart | null = null;
/** This worker's connection, opened while the main thread makes the backup. */
let connection: { db: WaypointDB; open: Promise<{ failed: unknown } | null> } | null = null;

scope.onmessage = async (e: MessageEvent<ImportStart | ImportGo>) => {
  const m = e.data;
  if (m.type === 'start') {
    start = m;
    try {
      opened = await openChecked(m.bytes, m.passphrase, m.latestAllowedMs, (stage) => reply({ type: 'stage', stage }));
      const db = new WaypointDB(m.dbName);
      // A failure to open is reported when the merge needs the connection, not here.
      const open = db.open().then(
        () => null,
        (failed: unknown) => ({ failed }),
      );
      connection = { db, open };
      reply({ type: 'checked', header: opened.header });
    } catch (err) {
      fail(err);
    }
    return;
  }
  if (m.type === 'skip' || !opened || !start || !connection) {
    connection?.db.close();
    reply({ type: 'skipped' });
    return;
  }
  const { db, open } = connection;
  try {
    reply({ type: 'stage', stage: 'merging' });
    const refused = await open;
    if (refused) throw refused.failed;
    const clock = lentClock(start.device, start.stamp);
    const result = await importSyncFile({ db, clock }, opened, { now: new Date(start.now), latestAllowedMs: start.latestAllowedMs });
    reply({ type: 'merged', result, seen: clock.seen() });
  } catch (err) {
    fail(err);
  } finally {
    db.close();
  }
};

function fail(err: unknown): void {
  if (err instanceof SyncFileError) reply({ type: 'refused', code: err.code, detail: { ...err.detail } });
  else reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
}
