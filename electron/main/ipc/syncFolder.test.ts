import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_FOLDER_FILE, SYNC_HEAD_MAX_BYTES, type InvokeChannel } from '@shared/bridge';
import { createFakeElectron, type FakeElectronOptions } from '../testing/fakes';
import { registerIpc } from './index';
import { confinedPath, MAX_SYNC_FILE_BYTES } from './syncFolder';

// Every file the code under test writes, so the temporary name of an atomic write can be inspected.
const written = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const writeFile: typeof actual.writeFile = (file, data, options) => {
    written.push(String(file));
    return actual.writeFile(file, data, options);
  };
  return { ...actual, default: { ...actual, writeFile }, writeFile };
});

const APP_PAGE = 'app://waypoint/index.html';
const NAME = 'waypoint-0123456789abcdef.wpsync';
const OTHER = 'waypoint-fedcba9876543210.wpsync';
let dir = '';
let userData = '';
let folder = '';
let outside = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'waypoint-sync-'));
  userData = path.join(dir, 'userData');
  folder = path.join(dir, 'Dropbox', 'Waypoint');
  outside = path.join(dir, 'outside');
  for (const d of [userData, folder, outside]) mkdirSync(d, { recursive: true });
  written.length = 0;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function setup(options: FakeElectronOptions = {}) {
  const fake = createFakeElectron({ userData, openDialogResult: { canceled: false, filePaths: [folder] }, ...options });
  registerIpc(fake.deps);
  const call = (channel: InvokeChannel, ...args: unknown[]) => fake.ipcMain.invoke(channel, APP_PAGE, ...args);
  return { fake, call };
}

/** A fake whose folder is already chosen. */
async function chosen() {
  const ctx = setup();
  await ctx.call('syncFolder:choose');
  return ctx;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('syncFolder: choosing the folder', () => {
  it('has no folder before a choice', async () => {
    const { call } = setup();
    await expect(call('syncFolder:current')).resolves.toBeNull();
    expect(readdirSync(userData)).toEqual([]);
  });

  it('asks for a directory, stores it in userData/sync-folder.json and returns it', async () => {
    const { fake, call } = setup();
    await expect(call('syncFolder:choose')).resolves.toEqual({ chosen: true, folder });
    expect(fake.dialog.openRequests).toHaveLength(1);
    expect(fake.dialog.openRequests[0]?.properties).toEqual(expect.arrayContaining(['openDirectory']));
    expect(JSON.parse(readFileSync(path.join(userData, 'sync-folder.json'), 'utf8'))).toEqual({ folder });
    expect(readdirSync(userData)).toEqual(['sync-folder.json']); // written atomically: no temp file left
    await expect(call('syncFolder:current')).resolves.toBe(folder);
  });

  it.each([
    { canceled: true, filePaths: [] },
    { canceled: true, filePaths: ['/somewhere/else'] },
    { canceled: false, filePaths: [] },
  ])('returns chosen:false and keeps the old folder when the dialog gives no folder: %o', async (openDialogResult) => {
    await chosen();
    const { call } = setup({ openDialogResult });
    await expect(call('syncFolder:choose')).resolves.toEqual({ chosen: false });
    await expect(call('syncFolder:current')).resolves.toBe(folder);
  });

  it('forgets the folder', async () => {
    const { call } = await chosen();
    await expect(call('syncFolder:forget')).resolves.toBeUndefined();
    await expect(call('syncFolder:current')).resolves.toBeNull();
    await expect(call('syncFolder:list')).rejects.toThrow('no sync folder is set');
  });

  it.each(['not json', JSON.stringify({ folder: 'relative/dir' }), JSON.stringify({ folder: '' }), JSON.stringify({ folder: 42 })])(
    'treats a damaged settings file as no folder: %s',
    async (contents) => {
      writeFileSync(path.join(userData, 'sync-folder.json'), contents);
      const { call } = setup();
      await expect(call('syncFolder:current')).resolves.toBeNull();
    },
  );
});

describe('syncFolder:list', () => {
  it('lists plain files with their sizes, skipping sub-directories and symlinks', async () => {
    const { call } = await chosen();
    writeFileSync(path.join(folder, NAME), 'abc');
    writeFileSync(path.join(folder, OTHER), '');
    writeFileSync(path.join(folder, 'notes.txt'), 'hello');
    mkdirSync(path.join(folder, 'waypoint-1111111111111111.wpsync'));
    writeFileSync(path.join(outside, 'secret'), 'secret');
    symlinkSync(path.join(outside, 'secret'), path.join(folder, 'waypoint-2222222222222222.wpsync'));
    symlinkSync(outside, path.join(folder, 'linked-dir'));
    const entries = (await call('syncFolder:list')) as Array<{ name: string; size: number }>;
    expect([...entries].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'notes.txt', size: 5 },
      { name: NAME, size: 3 },
      { name: OTHER, size: 0 },
    ]);
  });

  it('gives the real size of a file too large to read', async () => {
    const { call } = await chosen();
    writeFileSync(path.join(folder, NAME), '');
    truncateSync(path.join(folder, NAME), MAX_SYNC_FILE_BYTES + 1);
    await expect(call('syncFolder:list')).resolves.toEqual([{ name: NAME, size: MAX_SYNC_FILE_BYTES + 1 }]);
  });
});

const BAD_NAMES = [
  '../x.wpsync',
  `${NAME}/../../etc`,
  `../${NAME}`,
  '..\\evil',
  `..\\${NAME}`,
  '/etc/passwd',
  `/tmp/${NAME}`,
  'C:\\Windows\\waypoint-0123456789abcdef.wpsync',
  'desktop.ini',
  'waypoint-0123456789ABCDEF.wpsync',
  'waypoint-0123456789abcde.wpsync',
  'waypoint-0123456789abcdef0.wpsync',
  `${NAME}\n`,
  `${NAME}.tmp`,
  `.${NAME}.0b0d1e6c-3c9e-4a0e-9f57-5a4f3c2b1a00.tmp`,
  '',
];

describe('syncFolder:read and syncFolder:write: names', () => {
  it.each(BAD_NAMES)('refuses %j in the channel validation and in confinedPath', async (name) => {
    const { call } = await chosen();
    await expect(call('syncFolder:read', name)).rejects.toThrow(/syncFolder:read refused: invalid arguments/);
    await expect(call('syncFolder:readHead', name)).rejects.toThrow(/syncFolder:readHead refused: invalid arguments/);
    await expect(call('syncFolder:write', name, bytes('x'))).rejects.toThrow(/syncFolder:write refused: invalid arguments/);
    expect(() => confinedPath(folder, name)).toThrow(/not a sync file name/);
  });

  it('refuses a name of the right form made absolute', async () => {
    const absolute = path.join(outside, NAME);
    const { call } = await chosen();
    await expect(call('syncFolder:read', absolute)).rejects.toThrow(/invalid arguments/);
    await expect(call('syncFolder:write', absolute, bytes('x'))).rejects.toThrow(/invalid arguments/);
    expect(() => confinedPath(folder, absolute)).toThrow();
    expect(existsSync(absolute)).toBe(false);
  });

  it('refuses arguments of the wrong type or count', async () => {
    const { call } = await chosen();
    await expect(call('syncFolder:read')).rejects.toThrow(/invalid arguments/);
    await expect(call('syncFolder:read', 42)).rejects.toThrow(/invalid arguments/);
    await expect(call('syncFolder:write', NAME, 'text, not bytes')).rejects.toThrow(/invalid arguments/);
    await expect(call('syncFolder:write', NAME, [1, 2, 3])).rejects.toThrow(/invalid arguments/);
    await expect(call('syncFolder:write', NAME, bytes('x'), 'extra')).rejects.toThrow(/invalid arguments/);
    await expect(call('syncFolder:list', 'extra')).rejects.toThrow(/invalid arguments/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('keeps a good name directly inside the folder', () => {
    expect(confinedPath(folder, NAME)).toBe(path.join(folder, NAME));
    expect(confinedPath(`${folder}${path.sep}`, NAME)).toBe(path.join(folder, NAME));
    expect(confinedPath(path.join(folder, '..', 'Waypoint'), NAME)).toBe(path.join(folder, NAME));
  });
});

describe('syncFolder:read and syncFolder:write: files', () => {
  it('writes bytes and reads them back', async () => {
    const { call } = await chosen();
    await expect(call('syncFolder:write', NAME, bytes('sync file v1'))).resolves.toBeUndefined();
    expect(readFileSync(path.join(folder, NAME), 'utf8')).toBe('sync file v1');
    const read = await call('syncFolder:read', NAME);
    expect(read).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(read as Uint8Array)).toBe('sync file v1');
  });

  it("reads a file's start up to the end of its header line, and no further", async () => {
    const { call } = await chosen();
    const body = new Uint8Array(200_000).fill(7);
    const head = 'WAYPOINT-SYNC\n' + JSON.stringify({ format: 'waypoint-sync', pad: 'x'.repeat(40_000) }) + '\n';
    writeFileSync(path.join(folder, NAME), Buffer.concat([Buffer.from(head), body]));
    const read = (await call('syncFolder:readHead', NAME)) as Uint8Array;
    expect(read).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(read)).toBe(head); // across several chunks, and stops at the header's newline
    // A file without a header line: all of it, when it is short…
    writeFileSync(path.join(folder, NAME), 'no newline at all');
    expect(new TextDecoder().decode((await call('syncFolder:readHead', NAME)) as Uint8Array)).toBe('no newline at all');
    // …and never more than the magic line and a 1 MB header.
    writeFileSync(path.join(folder, NAME), Buffer.concat([Buffer.from('WAYPOINT-SYNC\n'), new Uint8Array(3 * 1024 * 1024).fill(65)]));
    expect(((await call('syncFolder:readHead', NAME)) as Uint8Array).length).toBe(SYNC_HEAD_MAX_BYTES);
  });

  it('writes atomically through a temporary name that never matches a sync file', async () => {
    const { call } = await chosen();
    writeFileSync(path.join(folder, NAME), 'the old, much longer contents of the file');
    await call('syncFolder:write', NAME, bytes('new'));
    expect(readFileSync(path.join(folder, NAME), 'utf8')).toBe('new'); // replaced whole
    expect(readdirSync(folder)).toEqual([NAME]); // no temp file left
    const temps = written.filter((f) => path.dirname(f) === folder);
    expect(temps).toHaveLength(1);
    const temp = path.basename(temps[0] ?? '');
    expect(temp.startsWith('.')).toBe(true);
    expect(temp.endsWith('.tmp')).toBe(true);
    expect(SYNC_FOLDER_FILE.test(temp)).toBe(false);
    expect(() => confinedPath(folder, temp)).toThrow(/not a sync file name/);
  });

  it('refuses a symlink named like a sync file, leaving its target untouched', async () => {
    const { call } = await chosen();
    const target = path.join(outside, 'private.key');
    writeFileSync(target, 'do not touch');
    symlinkSync(target, path.join(folder, NAME));
    await expect(call('syncFolder:read', NAME)).rejects.toThrow(/not a plain file/);
    await expect(call('syncFolder:readHead', NAME)).rejects.toThrow(/not a plain file/);
    await expect(call('syncFolder:write', NAME, bytes('overwritten'))).rejects.toThrow(/not a plain file/);
    expect(readFileSync(target, 'utf8')).toBe('do not touch');
    expect(lstatSync(path.join(folder, NAME)).isSymbolicLink()).toBe(true);
    expect(readdirSync(outside)).toEqual(['private.key']);
    expect(readdirSync(folder)).toEqual([NAME]);
  });

  it('refuses a symlink to a directory outside, and a directory named like a sync file', async () => {
    const { call } = await chosen();
    symlinkSync(outside, path.join(folder, NAME));
    mkdirSync(path.join(folder, OTHER));
    await expect(call('syncFolder:write', NAME, bytes('x'))).rejects.toThrow(/not a plain file/);
    await expect(call('syncFolder:read', OTHER)).rejects.toThrow(/not a plain file/);
    await expect(call('syncFolder:write', OTHER, bytes('x'))).rejects.toThrow(/not a plain file/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(path.join(folder, OTHER))).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual([NAME, OTHER].sort());
  });

  it('refuses to read a file over 100 MB', async () => {
    expect(MAX_SYNC_FILE_BYTES).toBe(100 * 1024 * 1024);
    const { call } = await chosen();
    writeFileSync(path.join(folder, NAME), '');
    truncateSync(path.join(folder, NAME), MAX_SYNC_FILE_BYTES + 1); // sparse: takes no disk space
    await expect(call('syncFolder:read', NAME)).rejects.toThrow(/too large/);
  });

  it('refuses to write more than 100 MB', async () => {
    const { call } = await chosen();
    await expect(call('syncFolder:write', NAME, new Uint8Array(MAX_SYNC_FILE_BYTES + 1))).rejects.toThrow(/at most 100 MB/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('rejects with a clear message, and writes nothing, when no folder is chosen', async () => {
    const { call } = setup();
    await expect(call('syncFolder:read', NAME)).rejects.toThrow('no sync folder is set');
    await expect(call('syncFolder:write', NAME, bytes('x'))).rejects.toThrow('no sync folder is set');
    await expect(call('syncFolder:list')).rejects.toThrow('no sync folder is set');
    expect(readdirSync(folder)).toEqual([]);
  });

  it('rejects reading a file that does not exist', async () => {
    const { call } = await chosen();
    await expect(call('syncFolder:read', NAME)).rejects.toThrow(/ENOENT/);
  });
});

describe('syncFolder: callers', () => {
  it.each(['https://evil.example', 'https://evil.example/app://waypoint/', 'file:///etc/index.html', 'app://evil/index.html', null])(
    'refuses every channel to %s',
    async (sender) => {
      const { fake } = await chosen();
      writeFileSync(path.join(folder, NAME), 'ours');
      const attempts: Array<[InvokeChannel, ...unknown[]]> = [
        ['syncFolder:current'],
        ['syncFolder:choose'],
        ['syncFolder:forget'],
        ['syncFolder:list'],
        ['syncFolder:read', NAME],
        ['syncFolder:write', NAME, bytes('theirs')],
      ];
      for (const [channel, ...args] of attempts) {
        await expect(fake.ipcMain.invoke(channel, sender, ...args)).rejects.toThrow(new RegExp(`${channel} refused`));
      }
      expect(fake.dialog.openRequests).toHaveLength(1); // only the setup's choice
      expect(readFileSync(path.join(folder, NAME), 'utf8')).toBe('ours');
      await expect(fake.ipcMain.invoke('syncFolder:current', APP_PAGE)).resolves.toBe(folder);
    },
  );
});
