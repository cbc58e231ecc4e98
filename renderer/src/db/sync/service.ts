import { createBackup, type BackupContext } from './backups';
import type { ImportResult } from './importFile';
import { importOffThread, type ImportStage } from './importOffThread';

export type { ImportStage } from './importOffThread';

/**
 * The whole import: check the file (a refused file writes nothing), back up, merge in one
 * transaction. Throws SyncFileError for a file that is refused.
 */
export async function importBytes(
  ctx: BackupContext,
  bytes: Uint8Array,
  passphrase: string | null,
  now: Date = new Date(),
  onStage?: (stage: ImportStage) => void,
): Promise<ImportResult> {
  const result = await importOffThread(ctx.ws, bytes, {
    passphrase,
    now,
    ...(onStage ? { onStage } : {}),
    beforeMerge: async () => {
      onStage?.('backingUp');
      await createBackup(ctx, 'import', now);
      return true;
    },
  });
  if (result === null) throw new Error('the import was skipped');
  return result;
}
