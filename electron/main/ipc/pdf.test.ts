import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintPdfRequest } from '@shared/bridge';
import { createFakeElectron, type FakeElectronOptions, type FakeWebContents, type FakeWindow } from '../testing/fakes';
import { registerIpc } from './index';
import { REPORT_READY_SCRIPT } from '@shared/bridge';
import { printPdf, READY_TIMEOUT_MS, type PdfDeps } from './pdf';

// Every file the code under test writes, so the temporary name of the atomic write can be checked.
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
const PLAN_ID = '777b3051-03cb-4fbf-9eb9-d37fbebd843a';
const FAKE_PDF = '%PDF-1.7 fake';
const request: PrintPdfRequest = {
  hash: `#/print/plan/${PLAN_ID}`,
  paper: 'A4',
  suggestedName: 'FY27 expansion- group-wide terminal planning.pdf',
};

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'waypoint-pdf-'));
  written.length = 0;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fake Electron, the pdf deps made of it, and a sleep that records its waits and returns at once. */
function setup(options: FakeElectronOptions = {}) {
  const fake = createFakeElectron({ documents: '/home/ada/Documents', ...options });
  const sleeps: number[] = [];
  const deps: PdfDeps = {
    BrowserWindow: fake.deps.BrowserWindow,
    dialog: fake.dialog,
    app: fake.app,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
  // The report window is the one window printPdf opens.
  const reportWindow = (): FakeWindow => {
    expect(fake.windows).toHaveLength(1);
    return fake.windows[0]!;
  };
  /** Shapes the web contents of every window opened from now on (like Electron, the fake announces each one on the app). */
  const onContents = (shape: (contents: FakeWebContents) => void): void => {
    fake.app.on('web-contents-created', (_event: unknown, contents: FakeWebContents) => shape(contents));
  };
  return { fake, deps, sleeps, reportWindow, onContents };
}

/** A readiness check that answers false `n` times, then true. */
function readyAfter(n: number): () => boolean {
  let calls = 0;
  return () => ++calls > n;
}

describe('pdf:print (printPdf)', () => {
  it('renders the report in a hidden, locked-down window without preload, waits until it is ready, prints with the CSS page size and saves it atomically', async () => {
    const target = path.join(dir, 'Nordhavn plan.pdf');
    const { fake, deps, sleeps, reportWindow, onContents } = setup({ saveDialogResult: { canceled: false, filePath: target } });
    // "Not ready" three times (the data, then the fonts, still loading), then ready.
    onContents((contents) => (contents.scriptResult = readyAfter(3)));
    // What the report window looked like when the save dialog came up.
    const dialogSaw: Array<{ destroyed: boolean; printed: number }> = [];
    const dialog: PdfDeps['dialog'] = {
      showSaveDialog: (o) => {
        const w = fake.windows[0]!;
        dialogSaw.push({ destroyed: w.isDestroyed(), printed: w.webContents.printed.length });
        return fake.dialog.showSaveDialog(o);
      },
    };
    const result = await printPdf({ ...deps, dialog }, request);

    expect(result).toEqual({ saved: true, name: 'Nordhavn plan.pdf' });
    const w = reportWindow();

    expect(w.options.show).toBe(false);
    // No preload at all: the report view needs no bridge to the shell.
    expect(w.options.webPreferences).not.toHaveProperty('preload');
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(w.loadedUrls).toEqual([`app://waypoint/index.html#/print/plan/${PLAN_ID}`]);
    // Polls with the readiness check until it says true, sleeping the poll interval between checks.
    expect(w.webContents.scripts).toHaveLength(4);
    // The shared readiness check: the report's data, a frame, then every face it uses.
    for (const script of w.webContents.scripts) expect(script).toBe(REPORT_READY_SCRIPT);
    expect(sleeps).toEqual([100, 100, 100]);
    expect(w.webContents.printed).toEqual([{ preferCSSPageSize: true, printBackground: true, pageSize: 'A4' }]);
    // Closed after printing, before asking where to save.
    expect(w.calls).toEqual(['close']);
    expect(w.isDestroyed()).toBe(true);
    expect(dialogSaw).toEqual([{ destroyed: true, printed: 1 }]);

    expect(fake.dialog.requests).toEqual([
      {
        defaultPath: path.join('/home/ada/Documents', request.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
    expect(readFileSync(target, 'latin1')).toBe(FAKE_PDF);
    // Atomic: written to a temporary file beside the target, then renamed over it; nothing left behind.
    expect(written).toHaveLength(1);
    expect(path.dirname(written[0]!)).toBe(dir);
    expect(path.basename(written[0]!)).toMatch(/^\.Nordhavn plan\.pdf\..+\.tmp$/);
    expect(readdirSync(dir)).toEqual(['Nordhavn plan.pdf']);
  });

  it('prints on Letter when the request asks for it', async () => {
    const target = path.join(dir, 'letter.pdf');
    const { deps, reportWindow } = setup({ saveDialogResult: { canceled: false, filePath: target } });
    await expect(printPdf(deps, { ...request, paper: 'Letter' })).resolves.toEqual({ saved: true, name: 'letter.pdf' });
    expect(reportWindow().webContents.printed).toEqual([{ preferCSSPageSize: true, printBackground: true, pageSize: 'Letter' }]);
  });

  it('replaces an existing file whole', async () => {
    const target = path.join(dir, 'plan.pdf');
    writeFileSync(target, 'an older and much longer PDF that must not survive in part');
    const { deps } = setup({ saveDialogResult: { canceled: false, filePath: target } });
    await printPdf(deps, request);
    expect(readFileSync(target, 'latin1')).toBe(FAKE_PDF);
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
  });

  it('returns saved:false and writes nothing when the user cancels the save dialog', async () => {
    const { fake, deps, reportWindow } = setup({ saveDialogResult: { canceled: true, filePath: '' } });
    await expect(printPdf(deps, request)).resolves.toEqual({ saved: false });
    expect(fake.dialog.requests).toHaveLength(1);
    expect(reportWindow().isDestroyed()).toBe(true);
    expect(written).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats an empty path from the dialog as a cancel', async () => {
    const { deps } = setup({ saveDialogResult: { canceled: false, filePath: '' } });
    await expect(printPdf(deps, request)).resolves.toEqual({ saved: false });
    expect(written).toEqual([]);
  });

  it('rejects with the 30 s message when the report never becomes ready, closes the window and asks nothing', async () => {
    const { fake, deps, sleeps, onContents } = setup({ saveDialogResult: { canceled: false, filePath: path.join(dir, 'never.pdf') } });
    onContents((contents) => (contents.scriptResult = () => false));
    await expect(printPdf(deps, request)).rejects.toThrow('the document did not finish drawing in 30 s');
    const w = fake.windows[0]!;
    expect(w.isDestroyed()).toBe(true);
    expect(w.webContents.printed).toEqual([]);
    // The whole 30 s in 100 ms polls, with the injected sleep (the test itself takes no time).
    expect(READY_TIMEOUT_MS).toBe(30_000);
    expect(w.webContents.scripts).toHaveLength(300);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBe(30_000);
    expect(fake.dialog.requests).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('closes the window when printing fails, and saves nothing', async () => {
    const { fake, deps, onContents } = setup({ saveDialogResult: { canceled: false, filePath: path.join(dir, 'x.pdf') } });
    onContents((contents) => (contents.printToPDF = () => Promise.reject(new Error('printing failed'))));
    await expect(printPdf(deps, request)).rejects.toThrow('printing failed');
    expect(fake.windows[0]!.isDestroyed()).toBe(true);
    expect(fake.dialog.requests).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('pdf:print over IPC', () => {
  const valid = { hash: `#/print/plan/${PLAN_ID}`, paper: 'Letter', suggestedName: 'plan.pdf' };

  it('prints a valid request from the app and returns the saved base name', async () => {
    const target = path.join(dir, 'chosen.pdf');
    const fake = createFakeElectron({ saveDialogResult: { canceled: false, filePath: target } });
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('pdf:print', APP_PAGE, valid)).resolves.toEqual({ saved: true, name: 'chosen.pdf' });
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.loadedUrls).toEqual([`app://waypoint/index.html#/print/plan/${PLAN_ID}`]);
    expect(fake.windows[0]!.webContents.printed).toEqual([{ preferCSSPageSize: true, printBackground: true, pageSize: 'Letter' }]);
    expect(readFileSync(target, 'latin1')).toBe(FAKE_PDF);
  });

  it.each([
    ['a route that is not a report', { ...valid, hash: '#/accounts' }],
    ['a path out of the report route', { ...valid, hash: '#/print/plan/../x' }],
    ['a javascript: URL', { ...valid, hash: 'javascript:alert(1)' }],
    ['a hash with a query', { ...valid, hash: `#/print/plan/${PLAN_ID}?x=1` }],
    ['an unknown document kind', { ...valid, hash: `#/print/invoice/${PLAN_ID}` }],
    ['a whole URL', { ...valid, hash: `https://evil.example/#/print/plan/${PLAN_ID}` }],
    ['an empty id', { ...valid, hash: '#/print/plan/' }],
    ['a name with a slash', { ...valid, suggestedName: 'reports/plan.pdf' }],
    ['a name with a backslash', { ...valid, suggestedName: '..\\..\\plan.pdf' }],
    ['a name that climbs out', { ...valid, suggestedName: '../../.bashrc' }],
    ['the name ".."', { ...valid, suggestedName: '..' }],
    ['an empty name', { ...valid, suggestedName: '' }],
    ['an unknown paper size', { ...valid, paper: 'Legal' }],
    ['an extra field', { ...valid, path: '/etc/passwd' }],
  ])('refuses %s before opening any window', async (_what, bad) => {
    const fake = createFakeElectron({ saveDialogResult: { canceled: false, filePath: path.join(dir, 'x.pdf') } });
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('pdf:print', APP_PAGE, bad)).rejects.toThrow(/^pdf:print refused: invalid arguments/);
    expect(fake.windows).toEqual([]);
    expect(fake.dialog.requests).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a missing request', async () => {
    const fake = createFakeElectron();
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('pdf:print', APP_PAGE)).rejects.toThrow(/^pdf:print refused: invalid arguments/);
    expect(fake.windows).toEqual([]);
  });

  it.each([
    ['a foreign origin', 'https://evil.example/index.html'],
    ['a look-alike app origin', 'app://waypoint.evil/index.html'],
    ['a file: page', 'file:///home/ada/index.html'],
  ])('refuses a call from %s', async (_what, sender) => {
    const fake = createFakeElectron({ saveDialogResult: { canceled: false, filePath: path.join(dir, 'x.pdf') } });
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('pdf:print', sender, valid)).rejects.toThrow(
      `pdf:print refused: sender "${sender}" is not the app's origin`,
    );
    expect(fake.windows).toEqual([]);
    expect(fake.dialog.requests).toEqual([]);
  });

  it('refuses a call whose frame is gone', async () => {
    const fake = createFakeElectron();
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('pdf:print', null, valid)).rejects.toThrow('pdf:print refused: the calling frame is gone');
    expect(fake.windows).toEqual([]);
  });
});

describe('the print hash rule follows the document kinds', () => {
  it('accepts every kind in PRINT_DOCS and nothing else', async () => {
    const { PRINT_DOCS, PRINT_HASH } = await import('../../../shared/bridge');
    for (const doc of PRINT_DOCS) expect(PRINT_HASH.test(`#/print/${doc}/abc-123`), doc).toBe(true);
    for (const bad of ['#/print/brochure/abc', '#/print/plan/', '#/print/plan/a b', '#/accounts/abc', '#/print/plan/abc/def'])
      expect(PRINT_HASH.test(bad), bad).toBe(false);
  });
});
