import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeElectron } from '../testing/fakes';
import { registerIpc } from './index';

const APP_PAGE = 'app://waypoint/index.html';
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'waypoint-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const request = {
  suggestedName: 'accounts.csv',
  data: 'name,owner\nAcme,Ada\n',
  filters: [{ name: 'CSV', extensions: ['csv'] }],
};

describe('files:saveAs', () => {
  it('offers the suggested name and filters, writes the file and returns only its base name', async () => {
    const target = path.join(dir, 'chosen.csv');
    const fake = createFakeElectron({ documents: '/docs', saveDialogResult: { canceled: false, filePath: target } });
    registerIpc(fake.deps);

    await expect(fake.ipcMain.invoke('files:saveAs', APP_PAGE, request)).resolves.toEqual({ saved: true, name: 'chosen.csv' });
    expect(fake.dialog.requests[0]).toMatchObject({
      defaultPath: path.join('/docs', 'accounts.csv'),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(readFileSync(target, 'utf8')).toBe(request.data);
    expect(readdirSync(dir)).toEqual(['chosen.csv']); // no temp file left behind
  });

  it('writes bytes and replaces an existing file whole', async () => {
    const target = path.join(dir, 'plan.pdf');
    const fake = createFakeElectron({ saveDialogResult: { canceled: false, filePath: target } });
    registerIpc(fake.deps);
    await fake.ipcMain.invoke('files:saveAs', APP_PAGE, { ...request, suggestedName: 'plan.pdf', data: 'old, longer contents' });
    await fake.ipcMain.invoke('files:saveAs', APP_PAGE, { ...request, suggestedName: 'plan.pdf', data: new Uint8Array([37, 80, 68, 70]) });
    expect(readFileSync(target, 'latin1')).toBe('%PDF');
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
  });

  it('returns saved:false and writes nothing when the user cancels', async () => {
    const fake = createFakeElectron({ saveDialogResult: { canceled: true, filePath: '' } });
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('files:saveAs', APP_PAGE, request)).resolves.toEqual({ saved: false });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a suggested name that is a path', async () => {
    const fake = createFakeElectron({ saveDialogResult: { canceled: false, filePath: path.join(dir, 'x.csv') } });
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('files:saveAs', APP_PAGE, { ...request, suggestedName: '../../.bashrc' })).rejects.toThrow(
      /files:saveAs refused: invalid arguments/,
    );
    expect(fake.dialog.requests).toEqual([]);
  });
});
