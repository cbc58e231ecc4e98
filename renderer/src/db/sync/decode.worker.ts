/// <reference lib="webworker" />
import { decodeSyncFile, SyncFileError } from '@shared/sync/codec';
import type { DecodeReply, DecodeRequest } from './decodeOffThread';

/**
 * Decoding a sync file (decrypt, unpack, scan, parse, check every row) off the main thread, so no
 * file — however large or hostile — freezes the window (issue 12: at most 200 ms at a time).
 */
const ROWS_PER_MESSAGE = 5_000;
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (m: DecodeReply) => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  const { bytes, passphrase, latestAllowedMs } = e.data;
  try {
    const decoded = await decodeSyncFile(bytes, { passphrase, latestAllowedMs, onStage: (stage) => reply({ type: 'stage', stage }) });
    // Rows go over in chunks: one huge message would be one long task to receive on the main thread.
    for (const [table, rows] of Object.entries(decoded.tables)) {
      if (rows.length === 0) reply({ type: 'rows', table, rows: [] });
      for (let at = 0; at < rows.length; at += ROWS_PER_MESSAGE)
        reply({ type: 'rows', table, rows: rows.slice(at, at + ROWS_PER_MESSAGE) });
    }
    reply({ type: 'done', header: decoded.header });
  } catch (err) {
    if (err instanceof SyncFileError) reply({ type: 'refused', code: err.code, detail: { ...err.detail } });
    else reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
