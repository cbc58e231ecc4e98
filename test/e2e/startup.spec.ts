import { test, expect } from './pages/fixtures';

/* Issue 13: a start that asks for files the app does not have (a /favicon.ico 404 on every start). */
test('starting the app asks for nothing it does not have, and the tab has the Waypoint icon', async ({ page, shell }) => {
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  await shell.goto();
  await shell.reload();
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon-[\w-]+\.svg$/);
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const res = await page.request.get(new URL(icon!, page.url()).href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('svg');
  expect(missing).toEqual([]);
});
