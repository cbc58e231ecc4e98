/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import pkg from './package.json' with { type: 'json' };

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One config for the renderer build, the browser-mode server and the unit tests.
export default defineConfig({
  root: r('./renderer'),
  base: './',
  publicDir: false,
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  resolve: { alias: { '@shared': r('./shared') } },
  build: {
    outDir: r('./dist'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  preview: { host: '127.0.0.1', strictPort: false },
  test: {
    root: r('.'),
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: [r('./test/setup-unit.ts')],
    restoreMocks: true,
  },
});
