// Developer tool: prints the sample account plan to PDF through the report view (the same engine as Electron's printToPDF).
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const base = 'http://127.0.0.1:4396/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve(process.env.SHOTS_DIST ?? 'dist') },
  preview: { port: 4396, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(base);
  await page.getByRole('button', { name: 'Load sample workspace' }).click();
  await page.getByRole('grid').waitFor();
  await page.getByRole('link', { name: 'Nordhavn Shipping A/S' }).first().click();
  await page.getByRole('tab', { name: /Plans/ }).click();
  const popup = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Print plan…' }).first().click();
  const report = await popup;
  report.on('pageerror', (e) => console.error('report pageerror', e.message));
  await report.locator('[data-report-ready]').waitFor({ timeout: 30_000 });
  await report.evaluate(() => document.fonts.ready);
  await report.screenshot({ path: `${out}/report-screen.png`, fullPage: true });
  const t0 = Date.now();
  await report.pdf({ path: `${out}/plan.pdf`, preferCSSPageSize: true, printBackground: true });
  console.log('pdf ms', Date.now() - t0, report.url());
  const printFrom = async (name: string, open: () => Promise<void>) => {
    const next = context.waitForEvent('page');
    await open();
    const doc = await next;
    doc.on('pageerror', (e) => console.error(name, 'pageerror', e.message));
    await doc.locator('[data-report-ready]').waitFor({ timeout: 30_000 });
    await doc.evaluate(() => document.fonts.ready);
    await doc.pdf({ path: `${out}/${name}.pdf`, preferCSSPageSize: true, printBackground: true });
    await doc.close();
  };
  await page.goto(`${base}#/roadmap/quotes`);
  await page.getByRole('table').getByRole('link').first().click();
  await printFrom('quote', async () => {
    await page.getByRole('button', { name: 'Print…' }).click();
    await page.getByRole('menuitem', { name: /Whole quote/ }).click();
  });
  await printFrom('quote-funder', async () => {
    await page.getByRole('button', { name: 'Print…' }).click();
    await page.getByRole('menuitem', { name: /^For / }).first().click();
  });
  await page.goto(`${base}#/club/offers`);
  await page.getByRole('link', { name: 'Atlas Retail Group' }).click();
  await printFrom('offer', () => page.getByRole('button', { name: 'Print offer sheet…' }).click());
  await page.goto(`${base}#/club/retreats`);
  await page.getByRole('link', { name: 'Spring planning retreat' }).click();
  await printFrom('retreat', () => page.getByRole('button', { name: 'Print brief…' }).click());
} finally {
  await browser.close();
  await server.close();
}
