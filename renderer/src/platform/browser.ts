import type { Bridge, SaveFileRequest, SaveFileResult, ThemeSource } from '@shared/bridge';
import { safeExternalUrl } from '@shared/bridge';

/**
 * The Bridge in plain Chromium (browser mode and end-to-end tests): downloads
 * instead of save dialogs, a new tab instead of the system browser, no native menu.
 */
export function createBrowserBridge(version: string): Bridge {
  return {
    kind: 'browser',
    appInfo: () => Promise.resolve({ version, platform: navigator.platform, shell: 'browser' }),
    openExternal(url: string) {
      const safe = safeExternalUrl(url);
      if (!safe) return Promise.resolve(false);
      window.open(safe, '_blank', 'noopener,noreferrer');
      return Promise.resolve(true);
    },
    setThemeSource: (_source: ThemeSource) => Promise.resolve(),
    // No native menu in a browser: the page's own words are all there is.
    setLanguage: () => Promise.resolve(),
    saveFile(req: SaveFileRequest): Promise<SaveFileResult> {
      const blob = new Blob([typeof req.data === 'string' ? req.data : new Uint8Array(req.data)]);
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = req.suggestedName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      return Promise.resolve({ saved: true, name: req.suggestedName });
    },
    onMenuCommand: () => () => undefined,
    // Browser mode: single sync files by download and upload; no folder, no quit to wait for.
    syncFolder: null,
    printPdf: null,
    onQuitRequested: () => () => undefined,
  };
}
