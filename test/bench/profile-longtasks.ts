// `npx tsx test/bench/profile-longtasks.ts [open-account|edit-field|open-map|palette]`: where the long tasks
// of one long-tasks action come from (longtasks.ts: 10,000 accounts, 100,000 people). Builds the
// app unminified into .bench-out/ (function names survive), seeds the workspace, does the action
// once to warm the caches, then again inside a Chromium trace with the V8 sampling profiler, and
// prints what ran in each long task (trace.ts). Not part of `npm run bench`.
import { writeFileSync } from 'node:fs';
import { root } from './util';
import { accountName } from './longtasks';
import { profileSession, report, traced } from './trace';

const ACTION = process.argv[2] ?? 'open-account';
const outDir = `${root}/.bench-out`;

profileSession(outDir, async (browser, base) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  const ids = await page.evaluate(() => window.waypointBench.seedLarge(10_000, 100_000, 300));
  const name = await accountName(page, ACTION === 'open-map' ? ids.mapAccount : ids.account);
  const action = async (): Promise<void> => {
    if (ACTION === 'open-account') {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
    } else if (ACTION === 'open-map') {
      await page.getByRole('tab', { name: 'Map' }).click();
      await page.locator('.map-canvas .react-flow__node').first().waitFor();
    } else if (ACTION === 'edit-field') {
      const owner = page.getByRole('main').getByLabel('Owner (our seller)', { exact: true });
      await owner.fill(`Owner ${Date.now()}`);
      await owner.press('Tab');
    } else {
      await page.keyboard.press('Control+k');
      for (const ch of 'kestrel') {
        await page.keyboard.type(ch);
        await page.waitForTimeout(120);
      }
    }
    await page.waitForTimeout(1500);
  };
  const ready = async (): Promise<void> => {
    // Through another document: a change of the hash alone would keep the app (and an open palette).
    await page.goto(`${base}test/bench/page/bench.html`);
    await page.goto(`${base}renderer/index.html#/accounts`);
    await page.getByRole('row').nth(2).waitFor();
    await page.getByRole('searchbox', { name: 'Filter accounts' }).fill(name);
    await page.waitForTimeout(800);
    if (ACTION !== 'open-account') {
      await page.getByRole('link', { name, exact: true }).click();
      await page.getByRole('tab', { name: 'Overview' }).waitFor();
      await page.waitForTimeout(1500);
    }
  };
  await ready();
  await action(); // warm the caches
  await ready();
  const events = await traced(browser, page, action);
  writeFileSync(`${outDir}/longtasks-${ACTION}.trace.json`, JSON.stringify({ traceEvents: events }));
  await report(`long tasks: ${ACTION}`, events);
  console.log(`\n# trace: ${outDir}/longtasks-${ACTION}.trace.json`);
  await context.close();
});
