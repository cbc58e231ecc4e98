import { decodeSyncFile, SyncFileError, type DecodedSyncFile, type DecodeOptions, type DecodeStage, type SyncFileErrorCode, type SyncHeader } from '@shared/sync/codec';
import type { AnyRow } from '@shared/sync/merge';

export interface DecodeRequest {
  readonly bytes: Uint8Array;
  readonly passphrase: string | null;
  readonly latestAllowedMs: number;
}

export type DecodeReply =
  | { readonly type: 'stage'; readonly stage: DecodeStage }
  | { readonly type: 'done'; readonly header: SyncHeader; readonly tables: Readonly<Record<string, readonly AnyRow[]>> }
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
    worker.onmessage = (e: MessageEvent<DecodeReply>) => {
      const m = e.data;
      if (m.type === 'stage') options.onStage?.(m.stage);
      else if (m.type === 'done') {
        done();
        resolve({ header: m.header, tables: m.tables });
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
    const request: DecodeRequest = { bytes: bytes.slice(), passphrase: options.passphrase ?? null, latestAllowedMs: options.latestAllowedMs };
    worker.postMessage(request, [request.bytes.buffer]);
  });
}
