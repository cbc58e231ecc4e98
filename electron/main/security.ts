import { APP_HOST, APP_SCHEME, safeExternalUrl } from '@shared/bridge';
import type { SessionLike, ShellLike, WebContentsLike } from './deps';

/**
 * True only for URLs on the app's own origin (app://waypoint, no port, no credentials).
 * Compared by parts rather than `URL.origin`: Node's URL reports "null" as the
 * origin of non-special schemes such as app:, so an origin string compare would
 * either never match or match every custom scheme.
 */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** Opens a link in the system browser only if it is a plain https: URL; returns whether it did. */
export async function openExternalSafely(shell: ShellLike, raw: string): Promise<boolean> {
  const url = safeExternalUrl(raw);
  if (url === null) return false;
  await shell.openExternal(url);
  return true;
}

/**
 * Locks down any web contents the app creates: it may never leave app://waypoint,
 * never open windows and never host <webview>. window.open / target=_blank on an
 * https: link is what a user clicking an external link produces, so that one URL
 * goes to the system browser; everything else is dropped.
 */
export function hardenWebContents(contents: WebContentsLike, shell: ShellLike): void {
  const stayHome = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(shell, url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** The app needs no web permission (camera, notifications, geolocation, …): refuse them all. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
