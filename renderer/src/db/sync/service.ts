import { SyncFileError } from '@shared/sync/codec';
import { createBackup, discardBackup, rotateBackups, type BackupContext } from './backups';
import type { ImportResult } from './importFile';
import { importOffThread, type ImportStage } from './importOffThread';

export type { ImportStage } from './importOffThread';

/**
 * The whole import: open the file, back up, merge in one transaction, checking each row just
 * before it is merged (a refused file writes nothing, and the backup made for it is removed).
 * Throws SyncFileError for a file that is refused.
 */
export async function importBytes(
  ctx: BackupContext,
  bytes: Uint8Array,
  passphrase: string | null,
  now: Date = new Date(),
  onStage?: (stage: ImportStage) => void,
): Promise<ImportResult> {
  let backup: string | null = null;
  let result: ImportResult | null;
  try {
    result = await importOffThread(ctx.ws, bytes, {
      passphrase,
      now,
      ...(onStage ? { onStage } : {}),
      beforeMerge: async () => {
        onStage?.('backingUp');
        backup = (await createBackup(ctx, 'import', now, { rotate: false })).id;
        return true;
      },
    });
  } catch (err) {
    // A refused file changed nothing: its backup goes. Any other failure keeps it (and rotates), in case it came after the merge.
    if (backup !== null) await (err instanceof SyncFileError ? discardBackup(ctx.store, backup) : rotateBackups(ctx.store, 'import'));
    throw err;
  }
  await rotateBackups(ctx.store, 'import');
  if (result === null) throw new Error('the import was skipped');
  return result;
}
