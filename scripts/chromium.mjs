// The Chromium that the end-to-end tests, benchmarks and screenshots drive. No browser is
// downloaded for them: CHROMIUM_PATH, else the system's Chromium or Chrome, else one that
// Playwright downloaded earlier (`npx playwright install chromium`), if any.
// `node scripts/chromium.mjs --check` says which one, or says in one sentence how to get one.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NOT_FOUND_MESSAGE =
  'No Chromium or Chrome was found for the end-to-end tests: on Debian or Ubuntu run `npm run setup` ' +
  '(or `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`), on macOS run `brew install --cask chromium` ' +
  'or install Google Chrome, on Windows install Google Chrome, or set CHROMIUM_PATH to a Chromium or Chrome executable.';

export class ChromiumNotFoundError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ChromiumNotFoundError';
  }
}

/** Where a Chromium or Chrome is installed by the usual installers of each platform, in the order tried. */
export function systemChromiumPaths(platform, env) {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [path.posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((dir) => [
      path.posix.join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
      path.posix.join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r) => typeof r === 'string' && r !== '');
    return [
      ...roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => path.win32.join(root, 'Chromium', 'Application', 'chrome.exe')),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

/** The path where Playwright keeps its own Chromium (whether or not it was downloaded), or null. */
export function playwrightChromiumPath() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const found = chromium.executablePath();
    return typeof found === 'string' && found !== '' ? found : null;
  } catch {
    // playwright-core not installed yet, or a platform it has no build for.
    return null;
  }
}

/**
 * The Chromium to use and where it came from: CHROMIUM_PATH (a set path that does not exist
 * is an error, never silently replaced), the system's Chromium or Chrome, then Playwright's
 * downloaded one. Throws ChromiumNotFoundError with the sentence to show when there is none.
 */
export function locateChromium({
  env = process.env,
  platform = process.platform,
  exists = existsSync,
  playwrightPath = playwrightChromiumPath,
} = {}) {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (exists(chosen)) return { path: chosen, source: 'CHROMIUM_PATH' };
    throw new ChromiumNotFoundError(
      `CHROMIUM_PATH is set to "${chosen}", but there is no file there: point it at a Chromium or Chrome executable, or unset it to use the one installed on this machine.`,
    );
  }
  const system = systemChromiumPaths(platform, env).find((candidate) => exists(candidate));
  if (system !== undefined) return { path: system, source: 'system' };
  const downloaded = playwrightPath();
  if (downloaded !== null && exists(downloaded)) return { path: downloaded, source: 'playwright' };
  throw new ChromiumNotFoundError(NOT_FOUND_MESSAGE);
}

/** The executable path of the Chromium to drive (see locateChromium). */
export function findChromium() {
  return locateChromium().path;
}

const SOURCE_WORDS = {
  CHROMIUM_PATH: 'the Chromium set in CHROMIUM_PATH',
  system: "this machine's Chromium",
  playwright: "Playwright's downloaded Chromium",
};

// Run as a script (`node scripts/chromium.mjs --check`): say which one, or how to get one.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const found = locateChromium();
    console.log(`End-to-end tests use ${SOURCE_WORDS[found.source]}: ${found.path}`);
  } catch (error) {
    if (!(error instanceof ChromiumNotFoundError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
