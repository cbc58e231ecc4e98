// Developer tool: screenshots of the main screens for a visual check (not part of the test run).
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
// Builds of your own go to SHOTS_DIST (default dist/) so they never disturb a running e2e suite.
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve(process.env.SHOTS_DIST ?? 'dist') },
  preview: { port: 4390, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, locale: 'en-US' });
    await page.goto('http://127.0.0.1:4390/');
    await page.getByRole('button', { name: 'Load sample workspace' }).waitFor();
    if (scheme === 'light') await page.screenshot({ path: `${out}/empty-${scheme}.png` });
    await page.getByRole('button', { name: 'Load sample workspace' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/list-${scheme}.png` });
    await page.getByRole('link', { name: 'Nordhavn Shipping A/S' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/account-${scheme}.png` });
    await page.getByLabel('Actual ARR').fill('12abc');
    await page.getByLabel('Potential ARR (whole wallet)').focus();
    await page.screenshot({ path: `${out}/account-invalid-${scheme}.png`, clip: { x: 200, y: 200, width: 1240, height: 400 } });
    await page.getByLabel('Actual ARR').press('Escape');
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('region', { name: /Stakeholder map/ }).waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/map-${scheme}.png` });
    for (const view of ['Power / interest', 'Coverage', 'Top-5 review', 'List']) {
      await page.getByRole('tab', { name: view }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/map-${view.replace(/[^a-z]/gi, '').toLowerCase()}-${scheme}.png` });
    }
    await page.getByRole('tab', { name: /Plans/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/plans-${scheme}.png` });
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(200);
    await page.keyboard.type('heal');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/palette-${scheme}.png` });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 760, height: 900 });
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/narrow-${scheme}.png` });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
