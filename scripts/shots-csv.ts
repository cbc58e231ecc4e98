// Developer tool: screenshots of every step of the CSV import (issue 14) — the files step with a
// Salesforce report export (Windows-1252, title and total rows), the columns step, the dry run
// with refused rows, and the result; then the imported account's map with its reports-to lines.
// Usage: npx vite build && npx tsx scripts/shots-csv.ts /tmp/shots
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';
import { badRowsExport, salesforceDataLoaderExport, salesforceReportExport } from '../shared/csv/fixtures';

const out = process.argv[2] ?? '/tmp/shots';
const base = 'http://127.0.0.1:4395/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve('dist') },
  preview: { port: 4395, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme: scheme, locale: 'en-US' })
    ).newPage();
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(`${base}#/import`);
    const sf = salesforceDataLoaderExport({ accounts: 40, contactsPerAccount: 6, seed: 4 });
    const report = salesforceReportExport({ accounts: 8, contactsPerAccount: 5, seed: 9 });
    const bad = badRowsExport({ good: 30, bad: 12, seed: 2 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose files…' }).click();
    await (
      await chooser
    ).setFiles([
      { name: 'Account.csv', mimeType: 'text/csv', buffer: buffer(sf.accountsCsv) },
      { name: 'Contact.csv', mimeType: 'text/csv', buffer: buffer(sf.contactsCsv) },
      ...(scheme === 'light' ? [{ name: 'Contacts & Accounts report.csv', mimeType: 'text/csv', buffer: buffer(report.csv) }] : []),
    ]);
    await page.getByText('Contacts with their accounts').or(page.getByText('Contacts ·')).first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/csv-files-${scheme}.png`, fullPage: true });
    if (scheme === 'light') {
      await page.getByRole('button', { name: 'Remove Contacts & Accounts report.csv' }).click();
      const more = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files…' }).click();
      await (await more).setFiles([{ name: 'accounts-with-errors.csv', mimeType: 'text/csv', buffer: buffer(bad.csv) }]);
      await page.getByText('accounts-with-errors.csv').first().waitFor();
      await page.waitForTimeout(400);
    }
    await page.getByRole('button', { name: 'Next: columns' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/csv-columns-${scheme}.png`, fullPage: true });
    const currency = page.getByLabel('Currency if the file has none');
    for (const input of await currency.all()) await input.fill('EUR');
    const orders = page.getByLabel('Dates', { exact: true });
    for (const sel of await orders.all()) await sel.selectOption('dmy');
    await page.getByRole('button', { name: 'Next: check' }).click();
    await page.getByRole('heading', { name: '3. What the import will do' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/csv-check-${scheme}.png`, fullPage: true });
    await page.getByRole('button', { name: /^Import \d/ }).click();
    await page.getByRole('heading', { name: 'Imported' }).waitFor();
    await page.screenshot({ path: `${out}/csv-done-${scheme}.png` });
    if (scheme === 'light') {
      await page.getByRole('link', { name: 'Open the accounts' }).click();
      await page.getByRole('grid').waitFor();
      await page.screenshot({ path: `${out}/csv-accounts.png` });
      const first = sf.model.accounts[0]!.name;
      await page.getByRole('link', { name: first }).first().click();
      await page.getByRole('tab', { name: 'Map' }).click();
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `${out}/csv-map.png` });
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
