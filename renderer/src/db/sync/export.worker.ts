/// <reference lib="webworker" />
import { createClock } from '@shared/sync/hlc';
import { WaypointDB } from '../database';
import { exportSyncFile } from './exportFile';
import type { ExportReply, ExportRequest } from './exportOffThread';

/**
 * Building a large sync file or backup (reading every row, JSON, gzip, encryption, checksum) off
 * the main thread, on its own connection to the same database: a 100,000-row backup was a
 * 1.7-second freeze of the window when it ran on the main thread.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { dbName, device, clockLast, options } = e.data;
  const db = new WaypointDB(dbName);
  try {
    await db.open();
    const clock = createClock(device);
    clock.observe(clockLast);
    const file = await exportSyncFile({ db, clock }, { ...options, now: new Date(options.now) });
    const reply: ExportReply = { type: 'done', file };
    scope.postMessage(reply, [file.bytes.buffer]);
  } catch (err) {
    const reply: ExportReply = { type: 'failed', message: err instanceof Error ? err.message : String(err) };
    scope.postMessage(reply);
  } finally {
    db.close();
  }
};
