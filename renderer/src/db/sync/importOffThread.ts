import { SyncFileError, type DecodeStage, type SyncFileErrorCode, type SyncHeader } from '@shared/sync/codec';
import type { Stamp } from '@shared/sync/hlc';
import type { Workspace } from '../workspace';
import { latestAllowed, openChecked } from './decodeChecked';
import { importSyncFile, type ImportResult } from './importFile';

/** Where an import is, for its progress line. */
export type ImportStage = DecodeStage | 'backingUp' | 'merging';

export interface ImportOptions {
  readonly passphrase: string | null;
  readonly now?: Date;
  readonly onStage?: (stage: ImportStage) => void;
  /**
   * Called once the file is opened (header, cipher, packing and frame sound) and before anything is
   * written (make the backup here). Its rows are checked as they are merged: a refused row rolls the
   * merge back, and the import throws (a caller that made a backup for it removes it).
   * False leaves the workspace as it is and the import returns null; a throw refuses the file.
   */
  readonly beforeMerge?: (header: SyncHeader) => Promise<boolean>;
}

/** What the main thread sends the import worker to start with. */
export interface ImportStart {
  readonly type: 'start';
  readonly bytes: Uint8Array;
  readonly passphrase: string | null;
  readonly latestAllowedMs: number;
  readonly dbName: string;
  readonly device: string;
  /** A stamp issued for this import by the main thread's clock: the worker's only new stamp (a review). */
  readonly stamp: Stamp;
  readonly now: string;
}

/** The main thread's answer once the file is checked. */
export type ImportGo = { readonly type: 'merge' } | { readonly type: 'skip' };

export type ImportReply =
  | { readonly type: 'stage'; readonly stage: DecodeStage | 'merging' }
  | { readonly type: 'checked'; readonly header: SyncHeader }
  | { readonly type: 'merged'; readonly result: ImportResult; readonly seen: Stamp }
  | { readonly type: 'skipped' }
  | { readonly type: 'refused'; readonly code: SyncFileErrorCode; readonly detail: Record<string, string | number> }
  | { readonly type: 'failed'; readonly message: string };

/** Files up to this size are checked and merged in place: a few milliseconds, less than starting a worker. */
export const IN_PLACE_BYTES = 8 * 1024;

/**
 * Checks a sync file and merges it in one transaction (a refused file writes nothing). Large files
 * do both in a Web Worker on its own connection to the same database: the 100,000 rows are never
 * copied to the main thread and back, and the window keeps painting (Dexie tells this window's live
 * queries what changed). Small files, platforms without workers and unit tests in Node do the same
 * in place.
 */
export async function importOffThread(ws: Workspace, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult | null> {
  const now = options.now ?? new Date();
  const latestAllowedMs = latestAllowed(now);
  if (bytes.length <= IN_PLACE_BYTES || typeof Worker === 'undefined') return importInPlace(ws, bytes, options, now, latestAllowedMs);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'waypoint-import' });
  } catch {
    // A platform that cannot start the worker still gets a checked file, on this thread.
    return importInPlace(ws, bytes, options, now, latestAllowedMs);
  }
  return new Promise<ImportResult | null>((resolve, reject) => {
    const finish = (f: () => void) => {
      worker.terminate();
      f();
    };
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      const m = e.data;
      switch (m.type) {
        case 'stage':
          options.onStage?.(m.stage);
          return;
        case 'checked': {
          const ask = options.beforeMerge ? options.beforeMerge(m.header) : Promise.resolve(true);
          ask.then(
            (go) => worker.postMessage((go ? { type: 'merge' } : { type: 'skip' }) satisfies ImportGo),
            (err: unknown) => finish(() => reject(err)),
          );
          return;
        }
        case 'merged':
          // What the worker stamped or saw moves this device's clock on (it never stamps with the worker's).
          ws.clock.observe(m.seen);
          finish(() => resolve(m.result));
          return;
        case 'skipped':
          finish(() => resolve(null));
          return;
        case 'refused':
          finish(() => reject(new SyncFileError(m.code, m.detail)));
          return;
        case 'failed':
          finish(() => reject(new Error(m.message)));
      }
    };
    worker.onerror = (e) => finish(() => reject(new Error(e.message || 'the file could not be merged')));
    const start: ImportStart = {
      type: 'start',
      bytes: bytes.slice(),
      passphrase: options.passphrase,
      latestAllowedMs,
      dbName: ws.db.name,
      device: ws.clock.device,
      stamp: ws.clock.now(),
      now: now.toISOString(),
    };
    worker.postMessage(start, [start.bytes.buffer]);
  });
}

async function importInPlace(
  ws: Workspace,
  bytes: Uint8Array,
  options: ImportOptions,
  now: Date,
  latestAllowedMs: number,
): Promise<ImportResult | null> {
  const opened = await openChecked(bytes, options.passphrase, latestAllowedMs, options.onStage);
  if (options.beforeMerge && !(await options.beforeMerge(opened.header))) return null;
  options.onStage?.('merging');
  return importSyncFile(ws, opened, { now, latestAllowedMs });
}
