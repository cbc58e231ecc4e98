import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from '@shared/bridge';
import type { ProtocolLike } from './deps';

/** Reads a file's bytes, or null when there is no readable file at that path. */
export type FileReader = (absolutePath: string) => Promise<Uint8Array | null>;

export interface AppRequest {
  readonly url: string;
  readonly method?: string;
}

/** Registered before `app` is ready (Electron requires it): makes app:// a real, secure origin. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/**
 * Maps a URL path onto a file under `root`, or null if it would land outside it.
 * URL parsing already collapses `..` segments, but percent-encoded separators
 * (`..%2F`, and `..%5C` on Windows) only become separators after decoding, so the
 * decoded path is resolved and checked against the root again.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const absRoot = path.resolve(root);
  const target = path.resolve(absRoot, `.${path.sep}${decoded}`);
  const relative = path.relative(absRoot, target);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return target;
}

/**
 * Answers one app:// request from the built renderer in `root` (vite's dist/).
 * Unknown extension-less paths get index.html so client-side routes survive a
 * reload; every response, errors included, carries the CSP.
 */
export async function serveAppRequest(request: AppRequest, root: string, read: FileReader): Promise<Response> {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');

  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');

  const urlPath = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  const target = resolveInside(root, urlPath);
  if (target === null) return plain(404, 'Not found');

  let file = target;
  let body = await read(file);
  if (body === null && path.extname(file) === '') {
    file = path.join(path.resolve(root), 'index.html');
    body = await read(file);
  }
  if (body === null) return plain(404, 'Not found');

  // Copy into a fresh ArrayBuffer-backed view: Response wants an ArrayBuffer, not a
  // (possibly pooled, SharedArrayBuffer-typed) Node Buffer.
  const payload = method === 'HEAD' ? null : new Uint8Array(body);
  return new Response(payload, { status: 200, headers: headers(contentTypeFor(file)) });
}

export const readFileOrNull: FileReader = async (absolutePath) => {
  try {
    return await readFile(absolutePath);
  } catch {
    return null; // missing, a directory or unreadable: all answered as 404 (or the SPA fallback)
  }
};

export function registerAppProtocol(protocol: ProtocolLike, root: string, read: FileReader = readFileOrNull): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest({ url: request.url, method: request.method }, root, read));
}
