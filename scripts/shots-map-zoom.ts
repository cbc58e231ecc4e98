// Developer tool: the stakeholder map at far, middle and close zoom, light and dark, for a visual
// check of the cards and lines after any change to how the map paints (not part of the test run).
// `npx vite build --outDir /tmp/shots-dist && SHOTS_DIST=/tmp/shots-dist npx tsx scripts/shots-map-zoom.ts /tmp/shots`
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve(process.env.SHOTS_DIST ?? 'dist') },
  preview: { port: 4393, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

async function zoom(page: Page, button: 'Zoom in' | 'Zoom out', times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: button }).click();
  await page.waitForTimeout(400);
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: scheme, locale: 'en-US' });
    await page.goto('http://127.0.0.1:4393/');
    await page.getByRole('button', { name: 'Load sample workspace' }).click();
    await page.getByRole('grid').waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('link', { name: 'Nordhavn Shipping A/S' }).click();
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.getByRole('region', { name: /Stakeholder map/ }).waitFor();
    await page.waitForTimeout(600);
    const canvas = page.locator('.map-canvas');
    await canvas.screenshot({ path: `${out}/map-middle-${scheme}.png` });
    await zoom(page, 'Zoom in', 4);
    await canvas.screenshot({ path: `${out}/map-close-${scheme}.png` });
    await zoom(page, 'Zoom out', 9);
    await canvas.screenshot({ path: `${out}/map-far-${scheme}.png` });
    const zoomNow = await page.evaluate(() => {
      const t = document.querySelector<HTMLElement>('.map-canvas .react-flow__viewport')?.style.transform ?? '';
      return /scale\(([\d.]+)\)/.exec(t)?.[1] ?? '?';
    });
    console.log(`${scheme}: far zoom ${zoomNow}, far class ${await canvas.evaluate((e) => e.classList.contains('map-canvas--far'))}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
