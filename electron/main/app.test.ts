import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/bridge';
import { createMain } from './app';
import { createFakeElectron, navigationEvent, type FakeElectronOptions } from './testing/fakes';
import { readWindowState, windowStatePath, writeWindowState } from './window-state';
import { secureWebPreferences, START_URL } from './window';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'waypoint-app-'));
  mkdirSync(path.join(dir, 'app', 'dist'), { recursive: true });
  writeFileSync(path.join(dir, 'app', 'dist', 'index.html'), '<!doctype html><title>Waypoint</title>');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: FakeElectronOptions = {}) {
  const fake = createFakeElectron({ appPath: path.join(dir, 'app'), userData: path.join(dir, 'userData'), ...options });
  const main = createMain(fake.deps);
  await main.ready;
  return { fake, main };
}

describe('createMain', () => {
  it('creates one window with the exact security flags and the bundled preload', async () => {
    const { fake } = await start();
    expect(fake.windows).toHaveLength(1);
    const options = fake.windows[0]?.options;
    expect(options?.webPreferences).toEqual({
      preload: path.join(dir, 'app', 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    });
    expect(options?.webPreferences).toEqual(secureWebPreferences(path.join(dir, 'app', 'dist-electron', 'preload.cjs')));
    expect(fake.windows[0]?.loadedUrls).toEqual([START_URL]);
    expect(START_URL).toBe('app://waypoint/index.html');
  });

  it('shows the window only when ready, on a background matching the theme', async () => {
    const light = (await start()).fake.windows[0];
    expect(light?.options.show).toBe(false);
    expect(light?.options.backgroundColor).toBe('#F7F7F8');
    expect(light?.calls).not.toContain('show');
    light?.emit('ready-to-show');
    expect(light?.calls).toContain('show');
    expect((await start({ dark: true })).fake.windows[0]?.options.backgroundColor).toBe('#131418');
  });

  it('registers app:// as a privileged scheme and serves dist/ with the CSP', async () => {
    const { fake } = await start();
    expect(fake.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handler = fake.protocol.handlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    const response = await handler(new Request('app://waypoint/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('Waypoint');
    expect((await handler(new Request('app://waypoint/..%2F..%2Fetc%2Fpasswd'))).status).toBe(404);
  });

  it('denies permissions and hardens the window it creates', async () => {
    const { fake } = await start();
    const answers: boolean[] = [];
    fake.session.requestHandler?.({}, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(fake.session.checkHandler?.({}, 'notifications')).toBe(false);

    const contents = fake.windows[0]?.webContents;
    const away = navigationEvent('https://evil.example/');
    contents?.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(contents?.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('restores the saved window position', async () => {
    writeWindowState(windowStatePath(path.join(dir, 'userData')), { x: 100, y: 50, width: 1000, height: 700, isMaximized: true });
    const { fake } = await start();
    expect(fake.windows[0]?.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 });
    expect(fake.windows[0]?.calls).toContain('maximize');
    fake.windows[0]?.emit('close', { preventDefault: () => undefined });
    expect(readWindowState(windowStatePath(path.join(dir, 'userData')))).toMatchObject({ x: 100, y: 50, isMaximized: true });
  });
});

describe('single instance', () => {
  it('quits at once, creating nothing, when another instance holds the lock', async () => {
    const fake = createFakeElectron({ lock: false, appPath: path.join(dir, 'app') });
    const main = createMain(fake.deps);
    await main.ready;
    expect(main.isPrimary).toBe(false);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.windows).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.app.count('second-instance')).toBe(0);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    const { fake, main } = await start();
    const window = fake.windows[0];
    if (window === undefined) throw new Error('no window');
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['waypoint'], '/');
    expect(window.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
    expect(main.mainWindow()).toBe(window);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('lifecycle', () => {
  it('opens a new window for a second instance when macOS left none open', async () => {
    const { fake } = await start({ platform: 'darwin' });
    const first = fake.windows[0];
    if (first !== undefined) first.destroyed = true;
    fake.app.emit('second-instance', {}, ['waypoint'], '/');
    expect(fake.windows).toHaveLength(2);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const linux = (await start()).fake;
    linux.app.emit('window-all-closed');
    expect(linux.app.quitCalls).toBe(1);
    const mac = (await start({ platform: 'darwin' })).fake;
    mac.app.emit('window-all-closed');
    expect(mac.app.quitCalls).toBe(0);
  });

  it('reopens a window on macOS dock activation when none is left', async () => {
    const { fake } = await start({ platform: 'darwin' });
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(1);
    const first = fake.windows[0];
    if (first !== undefined) first.destroyed = true;
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(2);
  });
});
