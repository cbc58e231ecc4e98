/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One config for the renderer build, the browser-mode server and the unit tests.
export default defineConfig({
  root: r('./renderer'),
  base: './',
  publicDir: false,
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  resolve: { alias: { '@shared': r('./shared') } },
  // The sync import, export and CSV workers are module workers (renderer/src/db/sync, features/csv).
  worker: { format: 'es' },
  build: {
    outDir: r('./dist'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    // Fonts stay files: inlined, the Inter and Noto Sans SC subsets made the stylesheet 1 MB of
    // base64 that every start parsed, while a file is fetched only when its unicode-range is used.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
  },
  // Browser mode gets the same CSP header the app:// protocol sends in Electron.
  preview: {
    host: '127.0.0.1',
    strictPort: false,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
  },
  test: {
    root: r('.'),
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: [r('./test/setup-unit.ts')],
    restoreMocks: true,
  },
});
