import {
  decodeSyncFile,
  SyncFileError,
  type DecodedSyncFile,
  type DecodeOptions,
  type DecodeStage,
  type SyncFileErrorCode,
  type SyncHeader,
} from '@shared/sync/codec';
import type { AnyRow } from '@shared/sync/merge';

export interface DecodeRequest {
  readonly bytes: Uint8Array;
  readonly passphrase: string | null;
  readonly latestAllowedMs: number;
}

export type DecodeReply =
  | { readonly type: 'stage'; readonly stage: DecodeStage }
  | { readonly type: 'rows'; readonly table: string; readonly rows: readonly AnyRow[] }
  | { readonly type: 'done'; readonly header: SyncHeader }
  | { readonly type: 'refused'; readonly code: SyncFileErrorCode; readonly detail: Record<string, string | number> }
  | { readonly type: 'failed'; readonly message: string };

/**
 * decodeSyncFile in a Web Worker where the platform has one (the app, in Electron or a browser),
 * in place otherwise (unit tests in Node). Same result, same refusals.
 */
export function decodeOffThread(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedSyncFile> {
  if (typeof Worker === 'undefined') return decodeSyncFile(bytes, options);
  return new Promise<DecodedSyncFile>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'waypoint-decode' });
    } catch {
      // A platform that cannot start the worker still gets a checked file, on this thread.
      decodeSyncFile(bytes, options).then(resolve, reject);
      return;
    }
    const done = () => worker.terminate();
    // Own properties only, whatever a table is called (the worker already refused unsafe names).
    const tables: Record<string, AnyRow[]> = Object.create(null) as Record<string, AnyRow[]>;
    worker.onmessage = (e: MessageEvent<DecodeReply>) => {
      const m = e.data;
      if (m.type === 'stage') options.onStage?.(m.stage);
      else if (m.type === 'rows') (tables[m.table] ??= []).push(...m.rows);
      else if (m.type === 'done') {
        done();
        resolve({ header: m.header, tables: { ...tables } });
      } else if (m.type === 'refused') {
        done();
        reject(new SyncFileError(m.code, m.detail));
      } else {
        done();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      done();
      reject(new Error(e.message || 'the file could not be checked'));
    };
    const request: DecodeRequest = {
      bytes: bytes.slice(),
      passphrase: options.passphrase ?? null,
      latestAllowedMs: options.latestAllowedMs,
    };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
