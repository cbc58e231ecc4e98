// Bundles the Electron main process and preload into dist-electron/ (see package.json "main").
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  // Electron is provided by the runtime; everything else (zod, shared/) is inlined so
  // the packaged app needs no node_modules.
  external: ['electron'],
  tsconfig: 'electron/tsconfig.json',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/** Builds both bundles; resolves to false (after esbuild has printed why) if either fails. */
export async function buildElectron() {
  try {
    await Promise.all([
      build({
        ...common,
        entryPoints: { main: 'electron/main/index.ts' },
        outdir: 'dist-electron',
        outExtension: { '.js': '.cjs' },
        platform: 'node',
        target: 'node22', // Electron 45 ships Node 22
      }),
      build({
        ...common,
        entryPoints: { preload: 'electron/preload/index.ts' },
        outdir: 'dist-electron',
        outExtension: { '.js': '.cjs' },
        // A sandboxed preload runs in the renderer with only require('electron'):
        // the browser platform makes esbuild refuse any Node built-in that slips in.
        platform: 'browser',
        target: 'chrome130', // same floor as the renderer build (vite.config.ts); Electron 45 is newer
        // Parsed on every page load, so keep it small; the source map keeps it debuggable.
        minify: true,
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ok = await buildElectron();
  if (!ok) {
    console.error('Building the Electron shell failed (see the errors above).');
    process.exit(1);
  }
}
