import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke test: the built desktop app, launched through Playwright's Electron
 * support (`npm run test:electron`, the last step of `npm test`). Skipped where the Electron
 * binary was never downloaded.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Four launches of the app, a PDF and two folder syncs.
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
});
