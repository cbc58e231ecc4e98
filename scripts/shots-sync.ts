// Developer tool: screenshots of the Sync & backups page with two devices (two browser contexts).
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const base = 'http://127.0.0.1:4393/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve(process.env.SHOTS_DIST ?? 'dist') },
  preview: { port: 4393, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

async function exportFile(page: Page, choice: RegExp, file: string): Promise<string> {
  await page.goto(`${base}#/sync`);
  await page.getByRole('radio', { name: choice }).check();
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file…' }).click();
  const d = await wait;
  await d.saveAs(file);
  return file;
}
async function importFile(page: Page, file: string): Promise<void> {
  await page.goto(`${base}#/sync`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(file);
  await page.getByRole('button', { name: 'Merge into this device' }).click();
  await page.getByRole('status').filter({ hasText: 'Merged the file' }).waitFor();
}
async function setOwner(page: Page, account: string, owner: string): Promise<void> {
  await page.goto(`${base}#/accounts`);
  await page.getByRole('link', { name: account }).first().click();
  const f = page.getByRole('main').getByLabel('Owner (our seller)', { exact: true });
  await f.fill(owner);
  await f.press('Enter');
  await page.getByText('Saved', { exact: true }).waitFor();
}
try {
  for (const scheme of ['light', 'dark'] as const) {
    const a = await (
      await browser.newContext({ viewport: { width: 1440, height: 1700 }, colorScheme: scheme, locale: 'en-US', acceptDownloads: true })
    ).newPage();
    const b = await (
      await browser.newContext({ viewport: { width: 1440, height: 1700 }, colorScheme: scheme, locale: 'en-US', acceptDownloads: true })
    ).newPage();
    for (const p of [a, b]) p.on('pageerror', (e) => console.error('pageerror', e.message));
    await a.goto(base);
    await a.getByRole('button', { name: 'Load sample workspace' }).click();
    await a.getByRole('grid').waitFor();
    await a.getByRole('button', { name: 'Dismiss' }).click();
    await b.goto(`${base}#/sync`);
    await b.waitForTimeout(500);
    await b.screenshot({ path: `${out}/sync-empty-${scheme}.png`, fullPage: true });
    const f1 = await exportFile(a, /^Everything/, `${out}/everything-${scheme}.wpsync`);
    await importFile(b, f1);
    await b.screenshot({ path: `${out}/sync-imported-${scheme}.png`, fullPage: true });
    await setOwner(a, 'Nordhavn Shipping A/S', 'Anna from the plane');
    await setOwner(b, 'Nordhavn Shipping A/S', 'Bert at the hotel');
    const fb = await exportFile(b, /^Changes for a device/, `${out}/changes-b-${scheme}.wpsync`);
    await importFile(a, fb);
    await a.getByRole('button', { name: 'Back up now' }).click();
    await a.waitForTimeout(600);
    await a.screenshot({ path: `${out}/sync-conflict-${scheme}.png`, fullPage: true });
    if (scheme === 'light') {
      await a.setViewportSize({ width: 760, height: 2200 });
      await a.waitForTimeout(300);
      await a.screenshot({ path: `${out}/sync-narrow.png`, fullPage: true });
      // A refused file.
      const chooser = a.waitForEvent('filechooser');
      await a.getByRole('button', { name: 'Choose a file…' }).click();
      await (await chooser).setFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%…') });
      await a.waitForTimeout(300);
      await a
        .getByRole('alert')
        .first()
        .screenshot({ path: `${out}/sync-refused.png` });
    }
    await a.context().close();
    await b.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
