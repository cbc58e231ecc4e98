import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, locateChromium, NOT_FOUND_MESSAGE, systemChromiumPaths } from './chromium.mjs';

/** A file system that holds exactly these files. */
const only =
  (...files: string[]) =>
  (file: string): boolean =>
    files.includes(file);

const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
const noPlaywright = (): string | null => null;

describe('locateChromium', () => {
  it('takes CHROMIUM_PATH first, even when a system Chromium exists', () => {
    const found = locateChromium({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      platform: 'linux',
      exists: only('/opt/chrome/chrome', '/usr/bin/chromium'),
      playwrightPath: noPlaywright,
    });
    expect(found).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that names no file, naming it, instead of quietly using another browser', () => {
    const run = () =>
      locateChromium({
        env: { CHROMIUM_PATH: '/nope' },
        platform: 'linux',
        exists: only('/usr/bin/chromium'),
        playwrightPath: noPlaywright,
      });
    expect(run).toThrow(ChromiumNotFoundError);
    expect(run).toThrow('CHROMIUM_PATH is set to "/nope", but there is no file there');
  });

  it('treats an empty CHROMIUM_PATH as unset', () => {
    const found = locateChromium({
      env: { CHROMIUM_PATH: '' },
      platform: 'linux',
      exists: only('/usr/bin/chromium'),
      playwrightPath: noPlaywright,
    });
    expect(found).toEqual({ path: '/usr/bin/chromium', source: 'system' });
  });

  it("tries the system's Chromium and Chrome in order on Linux", () => {
    const exists = only('/snap/bin/chromium', '/usr/bin/google-chrome');
    expect(locateChromium({ env: {}, platform: 'linux', exists, playwrightPath: noPlaywright })).toEqual({
      path: '/usr/bin/google-chrome',
      source: 'system',
    });
  });

  it('finds Chrome on macOS and on Windows under Program Files', () => {
    expect(
      locateChromium({
        env: { HOME: '/Users/me' },
        platform: 'darwin',
        exists: only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
        playwrightPath: noPlaywright,
      }).path,
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(
      locateChromium({
        env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
        platform: 'win32',
        exists: only('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'),
        playwrightPath: noPlaywright,
      }).path,
    ).toBe('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
  });

  it("falls back to Playwright's Chromium only when that file exists", () => {
    expect(locateChromium({ env: {}, platform: 'linux', exists: only(PLAYWRIGHT), playwrightPath: () => PLAYWRIGHT })).toEqual({
      path: PLAYWRIGHT,
      source: 'playwright',
    });
    // Playwright names its path whether or not the browser was ever downloaded.
    expect(() => locateChromium({ env: {}, platform: 'linux', exists: only(), playwrightPath: () => PLAYWRIGHT })).toThrow(
      NOT_FOUND_MESSAGE,
    );
  });

  it('says in one sentence how to get a Chromium on each platform when there is none', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(() => locateChromium({ env: {}, platform, exists: only(), playwrightPath: noPlaywright })).toThrow(NOT_FOUND_MESSAGE);
    }
    expect(NOT_FOUND_MESSAGE.match(/\.(\s|$)/g)).toHaveLength(1);
    for (const hint of ['npm run setup', 'dnf install chromium', 'brew install --cask chromium', 'Windows', 'CHROMIUM_PATH']) {
      expect(NOT_FOUND_MESSAGE).toContain(hint);
    }
  });
});

describe('systemChromiumPaths', () => {
  it('looks in every Windows program folder that is set, and skips the unset ones', () => {
    expect(systemChromiumPaths('win32', { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' })).toEqual([
      'C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    ]);
  });
});
