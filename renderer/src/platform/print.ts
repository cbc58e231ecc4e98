import { getBridge } from './index';
import { routeHash, type PrintDoc } from '../stores/route';
import { useSettings } from '../stores/settings';
import { safeFileName } from '../lib/fileName';

/**
 * Prints a document to PDF. In Electron the shell renders the report view in a hidden
 * window, calls printToPDF and asks where to save (`pdf:print`); in the browser the same
 * view opens in a new tab whose Print button uses the browser's print to PDF.
 */
export async function printDocument(doc: PrintDoc, id: string, suggestedName: string): Promise<void> {
  const hash = routeHash({ name: 'print', doc, id });
  const bridge = getBridge();
  if (bridge.printPdf) {
    await bridge.printPdf({ hash, paper: useSettings.getState().paper, suggestedName });
    return;
  }
  window.open(`${location.pathname}${location.search}${hash}`, '_blank', 'noopener');
}

/** A PDF file name any file system accepts, from a document's title. */
export const pdfName = (title: string): string => safeFileName(title, 'pdf');
