import type { Page } from '@playwright/test';
import { test, expect } from './pages/fixtures';

/*
 * The pseudo-locale (every letter accented, every string 40 % longer; issue 17) over the main
 * screens: no text may be cut off by a box that hides its overflow (an ellipsis is a deliberate,
 * readable cut and allowed), and no screen may scroll sideways as a whole.
 */

/** Texts cut off by an ancestor that hides overflow, without an ellipsis; and the page's own sideways overflow. */
async function clipped(page: Page): Promise<{ cut: string[]; pageOverflow: number }> {
  return page.evaluate(() => {
    const cut: string[] = [];
    const root = document.querySelector('.app') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const host = n.parentElement;
      if (!text || !host || host.closest('[aria-hidden="true"], svg, .react-flow, [role="dialog"]')) continue;
      const style = getComputedStyle(host);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      for (let a: Element | null = host; a && a !== root; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'hidden' && s.overflowX !== 'clip') continue;
        const box = a.getBoundingClientRect();
        // Screen-reader-only text lives in a 1 px clipped box on purpose.
        if (box.width <= 1 || box.height <= 1) break;
        const ellipsis = s.textOverflow === 'ellipsis' || getComputedStyle(host).textOverflow === 'ellipsis';
        if (!ellipsis && (r.right > box.right + 1 || r.left < box.left - 1))
          cut.push(`${text.slice(0, 60)} (in ${a.tagName.toLowerCase()}.${[...a.classList].join('.')})`);
        break;
      }
    }
    return { cut, pageOverflow: document.documentElement.scrollWidth - window.innerWidth };
  });
}

test('in the pseudo-locale, the main screens show every text whole or with an ellipsis, and none scrolls sideways', async ({
  page,
  list,
}) => {
  await page.addInitScript(() => localStorage.setItem('waypoint.language', 'en-XA'));
  await page.reload();
  await expect(page.getByRole('navigation').first()).toContainText('Åççöûñţŝ');
  await page
    .getByRole('main')
    .getByRole('button')
    .filter({ hasText: /Ļöàď ŝàɱƥļé/ })
    .first()
    .click();
  await expect(page.getByRole('main').getByText('Nordhavn Shipping A/S').first()).toBeVisible();
  // The check itself: a box that hides a text wider than itself is found; with an ellipsis it is not.
  await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.id = 'clip-probe';
    probe.style.cssText = 'width:40px;overflow:hidden;white-space:nowrap';
    probe.textContent = 'A text much wider than its box';
    document.querySelector('.app main')?.append(probe);
  });
  expect((await clipped(page)).cut.some((c) => c.startsWith('A text much wider'))).toBe(true);
  await page.evaluate(() => document.getElementById('clip-probe')?.style.setProperty('text-overflow', 'ellipsis'));
  expect((await clipped(page)).cut.some((c) => c.startsWith('A text much wider'))).toBe(false);
  await page.evaluate(() => document.getElementById('clip-probe')?.remove());

  const screens = [
    '#/accounts',
    '#/roadmap/items',
    '#/roadmap/timeline',
    '#/club/roster',
    '#/portfolio/whale',
    '#/portfolio/buckets',
    '#/memos',
    '#/sync',
    '#/settings',
  ];
  const problems: string[] = [];
  for (const hash of screens) {
    await page.goto(page.url().replace(/#.*$/, hash));
    await page.waitForTimeout(600);
    const { cut, pageOverflow } = await clipped(page);
    for (const c of cut) problems.push(`${hash}: ${c}`);
    if (pageOverflow > 1) problems.push(`${hash}: the page scrolls sideways by ${pageOverflow} px`);
  }
  void list;
  expect(problems).toEqual([]);
});
