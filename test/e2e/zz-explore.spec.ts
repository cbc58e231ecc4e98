import { test } from './pages/fixtures';
import { writeFileSync } from 'node:fs';

test('explore', async ({ page, list, shell }) => {
  await list.loadSample();
  await shell.nav.getByRole('link', { name: 'Roadmap' }).click();
  await page.waitForTimeout(500);
  writeFileSync('/tmp/explore/items.txt', await page.locator('body').ariaSnapshot());
  await page.getByRole('tab', { name: 'Quarter timeline' }).click();
  await page.waitForTimeout(500);
  writeFileSync('/tmp/explore/timeline.txt', await page.locator('body').ariaSnapshot());
  await page.getByRole('tab', { name: /Acceleration quotes/ }).click();
  await page.waitForTimeout(500);
  writeFileSync('/tmp/explore/quotes.txt', await page.locator('body').ariaSnapshot());
  await page.getByRole('link', { name: 'SAP S/4HANA connector' }).first().click();
  await page.waitForTimeout(500);
  writeFileSync('/tmp/explore/quote.txt', await page.locator('body').ariaSnapshot());
  await shell.goto('#/roadmap/items');
  await page.getByRole('link', { name: 'SAP S/4HANA connector' }).click();
  await page.waitForTimeout(500);
  writeFileSync('/tmp/explore/item.txt', await page.locator('body').ariaSnapshot());
  await page.getByRole('main').getByRole('button', { name: 'New quote' }).first().click();
  await page.waitForTimeout(500);
  writeFileSync('/tmp/explore/newquote.txt', await page.locator('body').ariaSnapshot());
});
