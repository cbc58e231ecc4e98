import { SyncFileError, type DecodedSyncFile, type DecodeStage } from '@shared/sync/codec';
import { decodeOffThread } from './decodeOffThread';
import { createBackup, type BackupContext } from './backups';
import { importSyncFile, type ImportResult } from './importFile';

/** Stamps more than a day ahead of this device's clock are refused (a wrong clock elsewhere). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

export async function decodeForImport(
  bytes: Uint8Array,
  passphrase: string | null,
  now: Date = new Date(),
  onStage?: (stage: DecodeStage) => void,
): Promise<DecodedSyncFile> {
  const latestAllowedMs = now.getTime() + FUTURE_TOLERANCE_MS;
  const decoded = await decodeOffThread(bytes, { passphrase, latestAllowedMs, ...(onStage ? { onStage } : {}) });
  // A file "made" in the future would pin what we think its device has (later honest files look older).
  if (Date.parse(decoded.header.createdAt) > latestAllowedMs)
    throw new SyncFileError('futureStamp', { date: decoded.header.createdAt.slice(0, 10) });
  return decoded;
}

/**
 * The whole import: check the file (a refused file writes nothing), back up, merge
 * in one transaction. Throws SyncFileError for a file that is refused.
 */
/** Where an import is, for its progress line. */
export type ImportStage = DecodeStage | 'backingUp' | 'merging';

export async function importBytes(
  ctx: BackupContext,
  bytes: Uint8Array,
  passphrase: string | null,
  now: Date = new Date(),
  onStage?: (stage: ImportStage) => void,
): Promise<ImportResult> {
  const decoded = await decodeForImport(bytes, passphrase, now, onStage);
  onStage?.('backingUp');
  await createBackup(ctx, 'import', now);
  onStage?.('merging');
  return importSyncFile(ctx.ws, decoded, now);
}
