import { decodeSyncFile, SyncFileError, type DecodedSyncFile, type DecodeStage } from '@shared/sync/codec';

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
  if (Date.parse(decoded.header.createdAt) > latestAllowedMs)
    throw new SyncFileError('futureStamp', { date: decoded.header.createdAt.slice(0, 10) });
  return decoded;
}
