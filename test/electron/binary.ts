import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinary {
  readonly path: string;
  /** True for the electron package's own binary: Playwright then launches it with its loader. */
  readonly fromPackage: boolean;
}

/** Why the smoke test is skipped; Playwright shows it beside the skipped test. */
export const NO_ELECTRON = 'Electron binary not installed';

/**
 * The Electron binary to test with, found without importing `electron` (its index.js tries to
 * download the binary when it is missing): ELECTRON_PATH, else the electron package's
 * dist/<path.txt>. Null when there is none; a set ELECTRON_PATH that names no file is an error.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary | null {
  const chosen = env.ELECTRON_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen))
      throw new Error(`ELECTRON_PATH is set to "${chosen}", but there is no file there: point it at an Electron binary, or unset it.`);
    return { path: chosen, fromPackage: false };
  }
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const name = readFileSync(pathFile, 'utf8').trim();
  if (name === '') return null;
  const binary = path.join(packageDir, 'dist', name);
  return existsSync(binary) ? { path: binary, fromPackage: true } : null;
}
