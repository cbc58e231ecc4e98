// Developer tool: screenshots of the club, offer and retreat screens for a visual check.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: process.env.SHOTS_DIST ?? 'dist' },
  preview: { port: 4392, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, colorScheme: scheme, locale: 'en-US' });
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto('http://127.0.0.1:4392/');
    await page.getByRole('button', { name: 'Load sample workspace' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/club-list-${scheme}.png` });
    await page.getByRole('link', { name: 'Club & retreats' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/club-roster-${scheme}.png`, fullPage: true });
    await page.getByRole('tab', { name: /Program/ }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/club-program-${scheme}.png`, fullPage: true });
    await page.getByRole('tab', { name: /Retreats/ }).click();
    await page.waitForTimeout(300);
    await page.getByRole('link', { name: 'Spring planning retreat' }).click();
    await page.waitForTimeout(400);
    await page.setViewportSize({ width: 1440, height: 1800 });
    await page.screenshot({ path: `${out}/retreat-${scheme}.png` });
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto('http://127.0.0.1:4392/#/club/offers');
    await page.waitForTimeout(300);
    await page.getByRole('link', { name: 'Atlas Retail Group' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${out}/offer-${scheme}.png`, fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
