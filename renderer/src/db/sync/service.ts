import { decodeSyncFile, SyncFileError, type DecodedSyncFile } from '@shared/sync/codec';
import { createBackup, type BackupContext } from './backups';
import { importSyncFile, type ImportResult } from './importFile';

/** Stamps more than a day ahead of this device's clock are refused (a wrong clock elsewhere). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export async function decodeForImport(bytes: Uint8Array, passphrase: string | null, now: Date = new Date()): Promise<DecodedSyncFile> {
  const latestAllowedMs = now.getTime() + FUTURE_TOLERANCE_MS;
  const decoded = await decodeSyncFile(bytes, { passphrase, latestAllowedMs });
  // A file "made" in the future would pin what we think its device has (later honest files look older).
  if (Date.parse(decoded.header.createdAt) > latestAllowedMs) throw new SyncFileError('futureStamp', { date: decoded.header.createdAt.slice(0, 10) });
  return decoded;
}

/**
 * The whole import: check the file (a refused file writes nothing), back up, merge
 * in one transaction. Throws SyncFileError for a file that is refused.
 */
export async function importBytes(ctx: BackupContext, bytes: Uint8Array, passphrase: string | null, now: Date = new Date()): Promise<ImportResult> {
  const decoded = await decodeForImport(bytes, passphrase, now);
  await createBackup(ctx, 'import', now);
  return importSyncFile(ctx.ws, decoded, now);
}
