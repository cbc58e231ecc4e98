import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, QUIT_REQUESTED_CHANNEL } from '@shared/bridge';
import { createMain, type MainOptions } from './app';
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
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: FakeElectronOptions = {}, mainOptions: MainOptions = {}) {
  const fake = createFakeElectron({ appPath: path.join(dir, 'app'), userData: path.join(dir, 'userData'), ...options });
  const main = createMain(fake.deps, mainOptions);
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

describe('sync on quit', () => {
  const APP_PAGE = 'app://waypoint/index.html';
  const quitEvent = () => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    return event;
  };
  const quitRequests = (fake: Awaited<ReturnType<typeof start>>['fake'], index = 0) =>
    fake.windows[index]?.webContents.sent.filter((m) => m.channel === QUIT_REQUESTED_CHANNEL).length;

  it('registers one before-quit listener and the app:quitReady channel', async () => {
    const { fake } = await start();
    expect(fake.app.count('before-quit')).toBe(1);
    expect(fake.ipcMain.handlers.has('app:quitReady')).toBe(true);
  });

  it('holds a quit until the renderer invokes app:quitReady, then quits once', async () => {
    const { fake } = await start();
    const event = quitEvent();
    fake.app.emit('before-quit', event);
    expect(event.prevented).toBe(true);
    expect(quitRequests(fake)).toBe(1);
    expect(fake.app.quitCalls).toBe(0);

    await expect(fake.ipcMain.invoke('app:quitReady', APP_PAGE)).resolves.toBeUndefined();
    expect(fake.app.quitCalls).toBe(1);
    await fake.ipcMain.invoke('app:quitReady', APP_PAGE);
    expect(fake.app.quitCalls).toBe(1);

    const again = quitEvent();
    fake.app.emit('before-quit', again);
    expect(again.prevented).toBe(false);
  });

  it('refuses app:quitReady from a foreign origin: the quit stays held', async () => {
    const { fake } = await start({}, { quitWaitMs: 60_000 });
    fake.app.emit('before-quit', quitEvent());
    await expect(fake.ipcMain.invoke('app:quitReady', 'https://evil.example')).rejects.toThrow(/app:quitReady refused/);
    expect(fake.app.quitCalls).toBe(0);
    await fake.ipcMain.invoke('app:quitReady', APP_PAGE);
    expect(fake.app.quitCalls).toBe(1);
  });

  it('quits after quitWaitMs when the renderer never answers', async () => {
    vi.useFakeTimers();
    const { fake } = await start({}, { quitWaitMs: 250 });
    fake.app.emit('before-quit', quitEvent());
    vi.advanceTimersByTime(249);
    expect(fake.app.quitCalls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(fake.app.quitCalls).toBe(1);
  });

  it('does not hold a quit when no window is open', async () => {
    const { fake } = await start({ platform: 'darwin' });
    const first = fake.windows[0];
    if (first !== undefined) first.destroyed = true;
    const event = quitEvent();
    fake.app.emit('before-quit', event);
    expect(event.prevented).toBe(false);
  });

  it('holds closing the window, closes it on app:quitReady, and holds again for a reopened window', async () => {
    const { fake, main } = await start({ platform: 'darwin' });
    const first = fake.windows[0];
    if (first === undefined) throw new Error('no window');
    first.close();
    expect(first.destroyed).toBe(false);
    expect(quitRequests(fake)).toBe(1);
    await fake.ipcMain.invoke('app:quitReady', APP_PAGE);
    expect(first.destroyed).toBe(true);
    expect(main.mainWindow()).toBeNull();

    fake.app.emit('activate');
    const second = fake.windows[1];
    if (second === undefined) throw new Error('no second window');
    second.close();
    expect(second.destroyed).toBe(false);
    expect(quitRequests(fake, 1)).toBe(1);
    await fake.ipcMain.invoke('app:quitReady', APP_PAGE);
    expect(second.destroyed).toBe(true);
    expect(fake.app.quitCalls).toBe(0);
  });
});
