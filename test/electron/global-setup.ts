import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { electronBinary, NO_ELECTRON } from './binary';
import { ensureDisplay } from './display';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where the Electron binary is installed: builds the app as `npm run build` does (dist/ and
 * dist-electron/), and gives Electron a display where the machine has none. Without the binary
 * it does nothing: the smoke test is skipped and needs no build.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (electronBinary() === null) {
    console.log(`${NO_ELECTRON}: the Electron smoke test is skipped (\`node node_modules/electron/install.js\` downloads it).`);
    return undefined;
  }
  await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn' });
  const shell = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (shell.status !== 0) throw new Error("Waypoint's desktop shell could not be built (see the errors above).");
  const display = await ensureDisplay();
  if (display === null) return undefined;
  // Workers start after this and inherit the environment.
  process.env.DISPLAY = display.name;
  return () => display.stop();
}
