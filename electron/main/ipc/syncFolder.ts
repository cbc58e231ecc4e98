import { constants } from 'node:fs';
import { lstat, open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SYNC_FOLDER_FILE, SYNC_HEAD_MAX_BYTES, type ChooseFolderResult, type SyncFolderEntry } from '@shared/bridge';
import { writeFileAtomic } from '../atomic-write';
import type { AppLike, DialogLike } from '../deps';
import type { Handle } from './handle';

export interface SyncFolderDeps {
  readonly dialog: Pick<DialogLike, 'showOpenDialog'>;
  readonly app: Pick<AppLike, 'getPath'>;
}

/** Sync files are a few MB; a bigger file by our name is not ours and is not read into memory. */
export const MAX_SYNC_FILE_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5000;
const settingsSchema = z.object({ folder: z.string().min(1).max(4096) });

const settingsPath = (deps: SyncFolderDeps): string => path.join(deps.app.getPath('userData'), 'sync-folder.json');

export async function currentFolder(deps: SyncFolderDeps): Promise<string | null> {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsPath(deps), 'utf8')));
    return parsed.success && path.isAbsolute(parsed.data.folder) ? parsed.data.folder : null;
  } catch {
    return null;
  }
}

async function requireFolder(deps: SyncFolderDeps): Promise<string> {
  const folder = await currentFolder(deps);
  if (folder === null) throw new Error('no sync folder is set');
  return folder;
}

/**
 * The path of one of our files in the folder. Only names of the form
 * waypoint-<device>.wpsync pass, and the result must sit directly in the folder:
 * nothing the renderer sends can reach a path outside it.
 */
export function confinedPath(folder: string, name: string): string {
  if (!SYNC_FOLDER_FILE.test(name)) throw new Error(`not a sync file name: ${name}`);
  const root = path.resolve(folder);
  const target = path.resolve(root, name);
  if (path.dirname(target) !== root) throw new Error('path escapes the sync folder');
  return target;
}

export async function chooseFolder(deps: SyncFolderDeps): Promise<ChooseFolderResult> {
  const result = await deps.dialog.showOpenDialog({ title: 'Choose a sync folder', properties: ['openDirectory', 'createDirectory'] });
  const folder = result.filePaths[0];
  if (result.canceled || folder === undefined) return { chosen: false };
  await writeFileAtomic(settingsPath(deps), JSON.stringify({ folder }));
  return { chosen: true, folder };
}

export async function listFolder(deps: SyncFolderDeps): Promise<SyncFolderEntry[]> {
  const folder = await requireFolder(deps);
  const all = await readdir(folder, { withFileTypes: true });
  // Our files first: a folder crowded with other files must not push them past the cap.
  const entries = [...all.filter((e) => SYNC_FOLDER_FILE.test(e.name)), ...all.filter((e) => !SYNC_FOLDER_FILE.test(e.name))].slice(
    0,
    MAX_ENTRIES,
  );
  const out: SyncFolderEntry[] = [];
  for (const e of entries) {
    // Plain files only: a symlink named like ours could point anywhere on the disk.
    if (!e.isFile()) continue;
    try {
      const s = await lstat(path.join(folder, e.name));
      out.push({ name: e.name, size: s.size });
    } catch {
      // Removed between the listing and the stat (a sync client at work): skip it this time.
    }
  }
  return out;
}

/** Opens one of our files for reading: a plain file only, never through a symlink. */
async function openPlain(deps: SyncFolderDeps, name: string) {
  const target = confinedPath(await requireFolder(deps), name);
  // O_NOFOLLOW and a stat of the open handle: a file swapped for a symlink after a check is never read.
  const handle = await open(target, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch((err: unknown) => {
    throw (err as { code?: string }).code === 'ELOOP' ? new Error(`${name} is not a plain file`) : err;
  });
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new Error(`${name} is not a plain file`);
    if (s.size > MAX_SYNC_FILE_BYTES) throw new Error(`${name} is too large to be a sync file`);
    return handle;
  } catch (err) {
    await handle.close();
    throw err;
  }
}

export async function readFolderFile(deps: SyncFolderDeps, name: string): Promise<Uint8Array> {
  const handle = await openPlain(deps, name);
  try {
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** Bytes read at a time for a header: most headers are a few KB. */
const HEAD_CHUNK = 16 * 1024;

/**
 * The file's start up to and including its second newline (the magic line, then the header line),
 * at most SYNC_HEAD_MAX_BYTES: a sync with nothing new reads this much of each peer's file.
 */
export async function readFolderHead(deps: SyncFolderDeps, name: string): Promise<Uint8Array> {
  const handle = await openPlain(deps, name);
  try {
    const out = new Uint8Array(SYNC_HEAD_MAX_BYTES);
    let have = 0;
    let newlines = 0;
    while (have < out.length) {
      const { bytesRead } = await handle.read(out, have, Math.min(HEAD_CHUNK, out.length - have), have);
      if (bytesRead === 0) break;
      for (let i = have; i < have + bytesRead; i++) {
        if (out[i] === 10 && ++newlines === 2) return out.slice(0, i + 1);
      }
      have += bytesRead;
    }
    return out.slice(0, have);
  } finally {
    await handle.close();
  }
}

export async function writeFolderFile(deps: SyncFolderDeps, name: string, data: Uint8Array): Promise<void> {
  const target = confinedPath(await requireFolder(deps), name);
  const existing = await lstat(target).catch(() => null);
  if (existing !== null && !existing.isFile()) throw new Error(`${name} exists and is not a plain file`);
  // A temporary name that no reader takes for a sync file, then an atomic rename.
  await writeFileAtomic(target, data);
}

export function registerSyncFolderIpc(handle: Handle, deps: SyncFolderDeps): void {
  handle('syncFolder:current', () => currentFolder(deps));
  handle('syncFolder:choose', () => chooseFolder(deps));
  handle('syncFolder:forget', async () => {
    await writeFileAtomic(settingsPath(deps), JSON.stringify({}));
    return undefined;
  });
  handle('syncFolder:list', () => listFolder(deps));
  handle('syncFolder:read', (name) => readFolderFile(deps, name));
  handle('syncFolder:readHead', (name) => readFolderHead(deps, name));
  handle('syncFolder:write', async (name, data) => {
    await writeFolderFile(deps, name, data);
    return undefined;
  });
}
