import { ZERO_STAMP, type Stamp } from '@shared/sync/hlc';
import { SYNCED_TABLES } from '../schema';
import type { Workspace } from '../workspace';
import { exportSyncFile, sinceForAll, type ExportedFile, type ExportOptions } from './exportFile';

export interface ExportRequest {
  readonly dbName: string;
  readonly device: string;
  readonly clockLast: Stamp;
  readonly options: Omit<ExportOptions, 'now'> & { readonly now: string };
}

export type ExportReply = { readonly type: 'done'; readonly file: ExportedFile } | { readonly type: 'failed'; readonly message: string };

/** Files up to this many rows are built in place (a few tens of ms); bigger ones in a worker. */
export const IN_PLACE_ROWS = 2_000;

/** Whether a "changes" file for these peers is small: rows changed after its start, counted by index. */
async function isSmall(ws: Workspace, peers: readonly string[]): Promise<boolean> {
  const since = await sinceForAll(ws, peers);
  if (since === ZERO_STAMP) return false;
  let n = 0;
  for (const name of [...SYNCED_TABLES, 'foreign'] as const) {
    n += await ws.db.table(name).where('updatedAt').above(since).count();
    if (n > IN_PLACE_ROWS) return false;
  }
  return true;
}

/**
 * exportSyncFile, in a Web Worker when the file may be large (a backup, everything, or changes
 * reaching far back) and the platform has workers (the app); in place otherwise (small changes
 * files, one account, unit tests in Node). Same file either way.
 */
export async function exportOffThread(ws: Workspace, opts: ExportOptions): Promise<ExportedFile> {
  const scope = opts.scope;
  const small = scope.kind === 'account' || (scope.kind === 'changes' && (await isSmall(ws, scope.peers)));
  if (small || typeof Worker === 'undefined') return exportSyncFile(ws, opts);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'waypoint-export' });
  } catch {
    return exportSyncFile(ws, opts);
  }
  const request: ExportRequest = {
    dbName: ws.db.name,
    device: ws.clock.device,
    clockLast: ws.clock.last(),
    options: { ...opts, now: (opts.now ?? new Date()).toISOString() },
  };
  return new Promise<ExportedFile>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ExportReply>) => {
      worker.terminate();
      if (e.data.type === 'done') resolve(e.data.file);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the file could not be made'));
    };
    worker.postMessage(request);
  });
}
