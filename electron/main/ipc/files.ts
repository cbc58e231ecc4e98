import path from 'node:path';
import type { SaveFileRequest, SaveFileResult } from '@shared/bridge';
import { writeFileAtomic } from '../atomic-write';
import type { AppLike, DialogLike } from '../deps';
import type { Handle } from './handle';

export interface FilesDeps {
  readonly dialog: DialogLike;
  readonly app: Pick<AppLike, 'getPath'>;
}

/**
 * Asks the user where to save, then writes atomically. The renderer only ever
 * learns the file's base name, never the full path of the user's disk.
 */
export async function saveAs({ dialog, app }: FilesDeps, request: SaveFileRequest): Promise<SaveFileResult> {
  const result = await dialog.showSaveDialog({
    defaultPath: path.join(app.getPath('documents'), request.suggestedName),
    filters: request.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === undefined || result.filePath === '') return { saved: false };
  await writeFileAtomic(result.filePath, request.data);
  return { saved: true, name: path.basename(result.filePath) };
}

export function registerFilesIpc(handle: Handle, deps: FilesDeps): void {
  handle('files:saveAs', (request) => saveAs(deps, request));
}
