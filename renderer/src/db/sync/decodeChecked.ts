import {
  decodeSyncFile,
  openSyncFile,
  SyncFileError,
  type DecodedSyncFile,
  type DecodeStage,
  type OpenedSyncFile,
  type SyncHeader,
} from '@shared/sync/codec';

/** Stamps more than a day ahead of this device's clock are refused (a wrong clock elsewhere). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The latest stamp time a file read now may carry. */
export const latestAllowed = (now: Date): number => now.getTime() + FUTURE_TOLERANCE_MS;

/**
 * decodeSyncFile and the one check it cannot make alone: a file "made" in the future would pin
 * what we think its device has (later honest files would look older). Runs wherever it is called
 * (the import worker, or in place for small files and in Node).
 */
export async function decodeChecked(
  bytes: Uint8Array,
  passphrase: string | null,
  latestAllowedMs: number,
  onStage?: (stage: DecodeStage) => void,
): Promise<DecodedSyncFile> {
  const decoded = await decodeSyncFile(bytes, { passphrase, latestAllowedMs, ...(onStage ? { onStage } : {}) });
  checkMade(decoded.header, latestAllowedMs);
  return decoded;
}

/** openSyncFile and the same check: the rows are checked by the import that reads them (importFile.ts). */
export async function openChecked(
  bytes: Uint8Array,
  passphrase: string | null,
  latestAllowedMs: number,
  onStage?: (stage: DecodeStage) => void,
): Promise<OpenedSyncFile> {
  const opened = await openSyncFile(bytes, { passphrase, ...(onStage ? { onStage } : {}) });
  checkMade(opened.header, latestAllowedMs);
  return opened;
}

function checkMade(header: SyncHeader, latestAllowedMs: number): void {
  if (Date.parse(header.createdAt) > latestAllowedMs) throw new SyncFileError('futureStamp', { date: header.createdAt.slice(0, 10) });
}
