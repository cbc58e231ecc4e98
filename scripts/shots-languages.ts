// Developer tool: the main screens in each language (and the pseudo-locale) with the sample
// workspace, for looking at clipped or overflowing text (issue 17).
// Usage: npx vite build && npx tsx scripts/shots-languages.ts /tmp/shots [lang…]
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const langs = process.argv.length > 3 ? process.argv.slice(3) : ['da', 'nl', 'ru', 'zh-Hans', 'en-XA'];
const base = 'http://127.0.0.1:4398/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve('dist') },
  preview: { port: 4398, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const lang of langs) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    await context.addInitScript((l) => localStorage.setItem('waypoint.language', l), lang);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e.message));
    await page.goto(`${base}#/accounts`);
    await page.locator('.empty button.btn--primary, .empty .btn').first().click();
    await page.getByText('Nordhavn Shipping A/S').first().waitFor();
    for (const hash of ['#/accounts', '#/roadmap/items', '#/portfolio/buckets', '#/memos', '#/sync', '#/settings', '#/club/roster']) {
      await page.goto(`${base}${hash}`);
      await page.waitForTimeout(700);
      await page.screenshot({ path: `${out}/lang-${lang}-${hash.replace(/[#/]+/g, '-').replace(/^-|-$/g, '')}.png` });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
