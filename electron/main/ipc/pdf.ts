import path from 'node:path';
import { REPORT_READY_SCRIPT, type PrintPdfRequest, type SaveFileResult } from '@shared/bridge';
import { writeFileAtomic } from '../atomic-write';
import type { AppLike, BrowserWindowClass, DialogLike, WindowLike } from '../deps';
import { secureWebPreferences, START_URL } from '../window';
import type { Handle } from './handle';

export interface PdfDeps {
  readonly BrowserWindow: BrowserWindowClass;
  readonly dialog: Pick<DialogLike, 'showSaveDialog'>;
  readonly app: Pick<AppLike, 'getPath'>;
  /** Waits between readiness checks (tests pass a fast one). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A report that is not ready in this time is reported as an error instead of printed half-drawn. */
export const READY_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

async function whenReady(window: WindowLike, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let waited = 0; waited < READY_TIMEOUT_MS; waited += POLL_MS) {
    if ((await window.webContents.executeJavaScript(REPORT_READY_SCRIPT)) === true) return;
    await sleep(POLL_MS);
  }
  throw new Error('the document did not finish drawing in 30 s');
}

/**
 * Prints a report view to PDF: a hidden window of the app (same origin, so the same
 * IndexedDB) shows the report, Chromium's print engine makes the PDF with the report's
 * own @page rules, and the user chooses where to save it.
 */
export async function printPdf(deps: PdfDeps, request: PrintPdfRequest): Promise<SaveFileResult> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  // No preload: the report needs no shell powers.
  const { preload: _none, ...webPreferences } = secureWebPreferences('');
  const window = new deps.BrowserWindow({ show: false, width: 1024, height: 1400, webPreferences });
  let pdf: Uint8Array;
  try {
    await window.loadURL(`${START_URL}${request.hash}`);
    await whenReady(window, sleep);
    pdf = await window.webContents.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
      pageSize: request.paper === 'Letter' ? 'Letter' : 'A4',
    });
  } finally {
    if (!window.isDestroyed()) window.close();
  }
  const result = await deps.dialog.showSaveDialog({
    defaultPath: path.join(deps.app.getPath('documents'), request.suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === undefined || result.filePath === '') return { saved: false };
  await writeFileAtomic(result.filePath, pdf);
  return { saved: true, name: path.basename(result.filePath) };
}

export function registerPdfIpc(handle: Handle, deps: PdfDeps): void {
  handle('pdf:print', (request) => printPdf(deps, request));
}
