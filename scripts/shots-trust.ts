// Developer tool: screenshots of what issue 12 added — "To review" after a merge broke a rule, a refused
// file, the devices table with "Send everything next time", a newer version's line on the map, and
// the "Load sample workspace" question on a workspace with data.
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';
import { malformedRowFile, mergedLoopFile, newerVersionFile } from '../test/e2e/seedHostile';
import type { FilePayload } from '../test/e2e/pages/SyncPage';

const out = process.argv[2] ?? '/tmp/shots';
const base = 'http://127.0.0.1:4394/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve('dist') },
  preview: { port: 4394, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

async function choose(page: Page, file: FilePayload): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(file);
}
async function importFile(page: Page, file: FilePayload): Promise<void> {
  await page.goto(`${base}#/sync`);
  await choose(page, file);
  await page.getByRole('button', { name: 'Merge into this device' }).click();
  await page.getByRole('status').filter({ hasText: 'Merged the file' }).waitFor();
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 1400 }, colorScheme: scheme, locale: 'en-US' })
    ).newPage();
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(base);
    await page.getByRole('button', { name: 'Load sample workspace' }).click();
    await page.getByRole('grid').waitFor();
    await importFile(page, await mergedLoopFile());
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/trust-review-${scheme}.png`, fullPage: true });
    if (scheme === 'light') {
      await page.goto(`${base}#/sync`);
      await choose(page, await malformedRowFile());
      await page.getByRole('button', { name: 'Merge into this device' }).click();
      await page.getByRole('alert').filter({ hasText: 'was not imported' }).waitFor();
      await page.getByRole('region', { name: 'Import a sync file' }).screenshot({ path: `${out}/trust-refused.png` });
      await page.getByRole('region', { name: 'Devices' }).screenshot({ path: `${out}/trust-devices.png` });
      const newer = await newerVersionFile();
      await importFile(page, newer.file);
      await page.goto(`${base}#/accounts`);
      await page.getByRole('link', { name: 'Nordlys Energi' }).first().click();
      await page.getByRole('tab', { name: 'Map' }).click();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${out}/trust-map-unknown.png` });
      await page.goto(`${base}#/accounts`);
      await page.keyboard.press('Control+k');
      await page.getByRole('dialog').getByRole('combobox').fill('sample');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/trust-sample-dialog.png` });
      await page.setViewportSize({ width: 760, height: 1400 });
      await page.keyboard.press('Escape');
      await page.goto(`${base}#/sync`);
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/trust-review-narrow.png`, fullPage: true });
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
