// Developer tool: screenshots of trade-off memos (issue 16) with the sample workspace, light and
// dark, plus a narrow window: the empty list, a memo drafted from a roadmap item (SAP connector:
// keep the plan or pull it forward with its quote), a fair exit drafted from a bucket-4 account
// (Orchid Telecom), a decided memo, and the list.
// Usage: npx vite build && npx tsx scripts/shots-memos.ts /tmp/shots
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { findChromium } from './chromium.mjs';

const out = process.argv[2] ?? '/tmp/shots';
const base = 'http://127.0.0.1:4397/';
const server = await preview({
  configFile: 'vite.config.ts',
  build: { outDir: path.resolve('dist') },
  preview: { port: 4397, strictPort: true, host: '127.0.0.1' },
  logLevel: 'warn',
});
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
/** The page scrolls inside the app's content pane, so the window is made as tall as that content first. */
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  const width = page.viewportSize()?.width ?? 1440;
  const height = await page.evaluate(() => document.querySelector('main')?.scrollHeight ?? 1000);
  await page.setViewportSize({ width, height: Math.max(1000, height + 60) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.setViewportSize({ width, height: 1000 });
};
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of scheme === 'light' ? [1440, 900] : [1440]) {
      const tag = `${scheme}-${width}`;
      const page = await (await browser.newContext({ viewport: { width, height: 1000 }, colorScheme: scheme, locale: 'en-US' })).newPage();
      page.on('pageerror', (e) => console.error('pageerror', e.message));
      page.on('console', (m) => (m.type() === 'error' ? console.error('console', m.text()) : undefined));
      await page.goto(`${base}#/memos`);
      await page.getByRole('heading', { name: 'No trade-off memos yet' }).waitFor();
      await shot(page, `memos-empty-${tag}`);
      await page.goto(`${base}#/accounts`);
      await page
        .getByRole('button', { name: /sample workspace/i })
        .first()
        .click();
      await page.getByText('Nordhavn Shipping A/S').first().waitFor();
      // From a roadmap item.
      await page.goto(`${base}#/roadmap/items`);
      await page.getByRole('link', { name: 'SAP S/4HANA connector' }).first().click();
      await page.getByRole('button', { name: 'Draft a trade-off memo' }).first().click();
      await page.getByRole('heading', { name: 'Pull SAP S/4HANA connector forward?', level: 1 }).waitFor();
      await page.getByLabel('Finance: stance').selectOption({ label: 'For' });
      await page.getByLabel('Finance: reason').fill('The quote pays for the hires and the margin is 20 %.');
      await page.getByLabel('Finance: reason').press('Enter');
      await page.getByLabel('Engineering: stance').selectOption({ label: 'Against' });
      await page.getByLabel('Engineering: reason').fill('Audit trail and mobile inspections would both slip a quarter.');
      await page.getByLabel('Engineering: reason').press('Enter');
      await shot(page, `memo-item-${tag}`);
      const memoUrl = page.url();
      // A fair exit from a bucket-4 account.
      await page.goto(`${base}#/accounts`);
      await page.getByRole('link', { name: 'Orchid Telecom' }).first().click();
      await page.getByRole('button', { name: 'Draft a fair exit' }).first().click();
      await page.getByRole('heading', { name: /A fair exit for Orchid Telecom/, level: 1 }).waitFor();
      for (const [label, value] of [
        ['Refund', '12000'],
        ['Data export help', '24'],
        ['Migration help', '60'],
        ['Referral to a partner', 'Asia Pacific Systems Integrators'],
      ] as const) {
        await page.getByLabel(label, { exact: true }).fill(value);
        await page.getByLabel(label, { exact: true }).press('Enter');
      }
      await shot(page, `memo-exit-${tag}`);
      // Decide the first memo.
      await page.goto(memoUrl);
      await page.getByLabel('Option chosen').selectOption({ index: 2 });
      await page.getByLabel('Decided by').fill('Ines Kowalski');
      await page.getByLabel('Chosen because').fill('Two elephants fund it and nothing on strategy slips past the year.');
      await page.getByRole('button', { name: 'Decide', exact: true }).click();
      await page.getByTestId('decided-line').waitFor();
      await shot(page, `memo-decided-${tag}`);
      await page.goto(`${base}#/memos`);
      await page.getByRole('table', { name: 'Trade-off memos' }).waitFor();
      await shot(page, `memos-list-${tag}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
