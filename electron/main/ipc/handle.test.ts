import { describe, expect, it } from 'vitest';
import { invokeChannels } from '@shared/bridge';
import { createFakeElectron } from '../testing/fakes';
import { createHandle } from './handle';
import { registerIpc } from './index';

const APP_PAGE = 'app://waypoint/index.html';

function withHandler() {
  const fake = createFakeElectron();
  const received: unknown[][] = [];
  const handle = createHandle(fake.ipcMain);
  handle('theme:setSource', (source) => {
    received.push([source]);
    return undefined;
  });
  handle('shell:openExternal', (url) => {
    received.push([url]);
    return url.length > 0;
  });
  return { fake, received };
}

describe('handle()', () => {
  it('runs the implementation with parsed arguments for the app origin', async () => {
    const { fake, received } = withHandler();
    await expect(fake.ipcMain.invoke('theme:setSource', APP_PAGE, 'dark')).resolves.toBeUndefined();
    await expect(fake.ipcMain.invoke('shell:openExternal', 'app://waypoint/accounts/1', 'https://a.example')).resolves.toBe(true);
    expect(received).toEqual([['dark'], ['https://a.example']]);
  });

  it.each(['https://evil.example/', 'file:///home/me/index.html', 'app://evil/', 'http://127.0.0.1:4173/', 'devtools://devtools/'])(
    'rejects a call from a foreign frame: %s',
    async (sender) => {
      const { fake, received } = withHandler();
      await expect(fake.ipcMain.invoke('theme:setSource', sender, 'dark')).rejects.toThrow(
        /theme:setSource refused: sender .* is not the app's origin/,
      );
      expect(received).toEqual([]);
    },
  );

  it('rejects a call whose frame is gone', async () => {
    const { fake, received } = withHandler();
    await expect(fake.ipcMain.invoke('theme:setSource', null, 'dark')).rejects.toThrow(/calling frame is gone/);
    expect(received).toEqual([]);
  });

  it('rejects bad arguments with a readable zod message', async () => {
    const { fake, received } = withHandler();
    await expect(fake.ipcMain.invoke('theme:setSource', APP_PAGE, 'purple')).rejects.toThrow(/theme:setSource refused: invalid arguments/);
    await expect(fake.ipcMain.invoke('theme:setSource', APP_PAGE)).rejects.toThrow(/invalid arguments/);
    await expect(fake.ipcMain.invoke('theme:setSource', APP_PAGE, 'dark', 'extra')).rejects.toThrow(/invalid arguments/);
    await expect(fake.ipcMain.invoke('shell:openExternal', APP_PAGE, { href: 'https://a.example' })).rejects.toThrow(/invalid arguments/);
    expect(received).toEqual([]);
  });
});

describe('registerIpc', () => {
  it('registers every channel of the bridge, and nothing else', () => {
    const fake = createFakeElectron();
    registerIpc(fake.deps);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(invokeChannels).sort());
  });

  it('answers app:info and theme:setSource', async () => {
    const fake = createFakeElectron({ dark: true });
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('app:info', APP_PAGE)).resolves.toEqual({ version: '1.2.3', platform: 'linux', shell: 'electron' });
    await fake.ipcMain.invoke('theme:setSource', APP_PAGE, 'light');
    expect(fake.nativeTheme.themeSource).toBe('light');
  });

  it('opens only https links through shell:openExternal', async () => {
    const fake = createFakeElectron();
    registerIpc(fake.deps);
    await expect(fake.ipcMain.invoke('shell:openExternal', APP_PAGE, 'javascript:alert(1)')).resolves.toBe(false);
    await expect(fake.ipcMain.invoke('shell:openExternal', APP_PAGE, 'https://example.com/')).resolves.toBe(true);
    expect(fake.shell.opened).toEqual(['https://example.com/']);
  });

  it('repaints window backgrounds when the native theme changes', () => {
    const fake = createFakeElectron();
    registerIpc(fake.deps);
    const window = new fake.deps.BrowserWindow({ backgroundColor: '#F7F7F8' });
    fake.nativeTheme.shouldUseDarkColors = true;
    fake.nativeTheme.emit('updated');
    expect(fake.windows[0]?.background).toBe('#131418');
    expect(window.isDestroyed()).toBe(false);
  });
});
