import { decodeSyncFile, type DecodedSyncFile } from '@shared/sync/codec';
import { createBackup, type BackupContext } from './backups';
import { importSyncFile, type ImportResult } from './importFile';

/** Stamps more than a day ahead of this device's clock are refused (a wrong clock elsewhere). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export function decodeForImport(bytes: Uint8Array, passphrase: string | null, now: Date = new Date()): Promise<DecodedSyncFile> {
  return decodeSyncFile(bytes, { passphrase, latestAllowedMs: now.getTime() + FUTURE_TOLERANCE_MS });
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
