// Developer tool: screenshots of the roadmap and quote screens for a visual check.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: process.env.SHOTS_DIST ?? 'dist' },
  preview: { port: 4391, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: scheme, locale: 'en-US' });
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto('http://127.0.0.1:4391/#/roadmap/items');
    if (scheme === 'light') await page.screenshot({ path: `${out}/roadmap-empty.png` });
    await page.goto('http://127.0.0.1:4391/');
    await page.getByRole('button', { name: 'Load sample workspace' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('link', { name: 'Roadmap' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/roadmap-items-${scheme}.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Quarter timeline' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/roadmap-timeline-${scheme}.png`, fullPage: true });
    await page.getByRole('tab', { name: /Acceleration quotes/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/roadmap-quotes-${scheme}.png`, fullPage: true });
    await page.getByRole('link', { name: 'SAP S/4HANA connector' }).first().click();
    await page.waitForTimeout(300);
    await page.setViewportSize({ width: 1440, height: 1900 });
    await page.screenshot({ path: `${out}/quote-${scheme}.png` });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.getByRole('button', { name: /Compare/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/compare-${scheme}.png`, fullPage: true });
    await page.getByRole('link', { name: 'SAP S/4HANA connector' }).first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/item-${scheme}.png`, fullPage: true });
    if (scheme === 'light') {
      await page.getByRole('button', { name: 'New quote' }).first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/new-quote.png` });
      await page.keyboard.press('Escape');
      await page.goto('http://127.0.0.1:4391/#/settings');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/settings.png`, fullPage: true });
      await page.setViewportSize({ width: 760, height: 1000 });
      await page.goto('http://127.0.0.1:4391/#/roadmap/quotes');
      await page.getByRole('link', { name: 'Audit trail export (7-year retention)' }).click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/quote-narrow.png`, fullPage: true });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
