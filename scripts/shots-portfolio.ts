// Developer tool: screenshots of every Portfolio view (issue 15) with the sample workspace, light
// and dark, plus a narrow window. Usage: npx vite build && npx tsx scripts/shots-portfolio.ts /tmp/shots
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const only = process.argv[3];
const base = 'http://127.0.0.1:4396/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve('dist') },
  preview: { port: 4396, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of scheme === 'light' ? [1440, 900] : [1440]) {
      const page = await (await browser.newContext({ viewport: { width, height: 1000 }, colorScheme: scheme, locale: 'en-US' })).newPage();
      page.on('pageerror', (e) => console.error('pageerror', e.message));
      page.on('console', (m) => (m.type() === 'error' ? console.error('console', m.text()) : undefined));
      await page.goto(`${base}#/accounts`);
      await page
        .getByRole('button', { name: /sample workspace/i })
        .first()
        .click();
      await page.getByText('Nordhavn Shipping A/S').first().waitFor();
      for (const view of ['whale', 'buckets', 'matrix', 'segments', 'relationships']) {
        if (only && only !== view) continue;
        await page.goto(`${base}#/portfolio/${view}`);
        await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
        await page.waitForTimeout(900);
        await page.screenshot({ path: `${out}/portfolio-${view}-${scheme}-${width}.png`, fullPage: true });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
