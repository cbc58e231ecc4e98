import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/bridge';
import { contentTypeFor, resolveInside, serveAppRequest, type FileReader } from './protocol';

const root = path.resolve('/srv/waypoint/dist');
const outside = path.resolve('/srv/waypoint/secret.txt');

/** A virtual disk that also records every path the server tried to read. */
function virtualDisk() {
  const files = new Map<string, string>([
    [path.join(root, 'index.html'), '<!doctype html><title>Waypoint</title>'],
    [path.join(root, 'assets', 'app.js'), 'console.log(1)'],
    [path.join(root, 'assets', 'app.css'), 'body{}'],
    [path.join(root, 'assets', 'inter.woff2'), 'font'],
    [outside, 'top secret'],
  ]);
  const reads: string[] = [];
  const read: FileReader = async (p) => {
    reads.push(p);
    const text = files.get(p);
    return text === undefined ? null : new TextEncoder().encode(text);
  };
  return { read, reads };
}

async function get(url: string, method = 'GET') {
  const disk = virtualDisk();
  const response = await serveAppRequest({ url, method }, root, disk.read);
  return { response, reads: disk.reads };
}

describe('serveAppRequest', () => {
  it('serves index.html for the root with the CSP and nosniff headers', async () => {
    const { response } = await get('app://waypoint/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Waypoint</title>');
  });

  it('uses a CSP that allows only the app itself, no remote host', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[a-z0-9-]+\.[a-z]{2,}/i);
  });

  it('sets the right Content-Type per asset', async () => {
    expect((await get('app://waypoint/assets/app.js')).response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://waypoint/assets/app.css')).response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect((await get('app://waypoint/assets/inter.woff2')).response.headers.get('Content-Type')).toBe('font/woff2');
    expect(contentTypeFor('x.unknownext')).toBe('application/octet-stream');
  });

  it.each([
    'app://waypoint/../secret.txt',
    'app://waypoint/%2e%2e/secret.txt',
    'app://waypoint/..%2Fsecret.txt',
    'app://waypoint/assets/..%2F..%2Fsecret.txt',
    'app://waypoint/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://waypoint/..%5C..%5Csecret.txt',
    'app://waypoint/%00index.html',
    'app://waypoint/%E0%A4%A',
  ])('refuses path traversal and junk: %s', async (url) => {
    const { response, reads } = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('top secret');
    for (const p of reads) expect(p.startsWith(root + path.sep)).toBe(true);
  });

  it('falls back to index.html for client-side routes without an extension', async () => {
    const { response } = await get('app://waypoint/accounts/42/plan');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it('answers 404 (not index.html) for a missing file with an extension', async () => {
    const { response } = await get('app://waypoint/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves only its own host and only GET/HEAD', async () => {
    expect((await get('app://elsewhere/index.html')).response.status).toBe(404);
    expect((await get('app://waypoint:8080/index.html')).response.status).toBe(404);
    expect((await get('app://waypoint/index.html', 'POST')).response.status).toBe(405);
    const head = (await get('app://waypoint/index.html', 'HEAD')).response;
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('resolveInside', () => {
  it('keeps paths under the root and rejects the rest', () => {
    expect(resolveInside(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveInside(root, '/..foo')).toBe(path.join(root, '..foo'));
    expect(resolveInside(root, '/../secret.txt')).toBeNull();
    expect(resolveInside(root, '/a/../../secret.txt')).toBeNull();
  });
});
