// Long-task benchmark (long-tasks): a workspace of 10,000 accounts and 100,000 people, and what a
// user does in it — open an account from the list, edit a field, open a 300-person map, type in
// the command palette. For each action, the longest main-thread task (PerformanceObserver
// "longtask": every task over 50 ms) from the action's start until the screen has settled, and
// how many went over 200 ms.
import type { Browser, Page } from 'playwright-core';
import { emit, median, ROUNDS } from './util';
import { MAP_PROBE } from './map';

const ACCOUNTS = 10_000;
const PEOPLE = 100_000;
const MAP_PEOPLE = 300;
/** Long tasks at or above this count as the kind the issue rules out. */
const LIMIT_MS = 200;
const LONG_TASK_PROBE = `
  window.__lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
`;

type Tasks = Array<[number, number]>;
const now = (page: Page) => page.evaluate(() => performance.now());
/** The longest task that started at or after `from` (ms since navigation), and how many reached the limit. */
async function tasksSince(page: Page, from: number): Promise<{ longest: number; over: number }> {
  const tasks = (await page.evaluate(() => (window as unknown as { __lt: Tasks }).__lt)).filter(([start]) => start >= from - 1);
  return { longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0), over: tasks.filter(([, d]) => d >= LIMIT_MS).length };
}

/** Until no long task has been seen for `quietMs`, at most `maxMs`. */
async function settle(page: Page, quietMs = 600, maxMs = 15_000): Promise<void> {
  const t0 = Date.now();
  let seen = -1;
  for (;;) {
    await page.waitForTimeout(quietMs);
    const n = await page.evaluate(() => (window as unknown as { __lt: Tasks }).__lt.length);
    if (n === seen || Date.now() - t0 > maxMs) return;
    seen = n;
  }
}

/** An account's name, read from the app's database in the page (raw IndexedDB: no app code runs). */
export async function accountName(page: Page, id: string): Promise<string> {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('waypoint');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const row = await new Promise<{ name: string }>((res) => {
      const g = db.transaction('accounts').objectStore('accounts').get(key);
      g.onsuccess = () => res(g.result as { name: string });
    });
    db.close();
    return row.name;
  }, id);
}

export async function longTaskBench(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await context.addInitScript(LONG_TASK_PROBE);
  await context.addInitScript(MAP_PROBE);
  const page = await context.newPage();
  await page.goto(`${base}test/bench/page/bench.html`);
  await page.waitForFunction(() => window.waypointBench?.ready === true);
  const ids = await page.evaluate(([a, p, m]) => window.waypointBench.seedLarge(a, p, m), [ACCOUNTS, PEOPLE, MAP_PEOPLE] as const);

  const results: Record<'open-account' | 'edit-field' | 'open-map-300' | 'palette-typing', Array<{ longest: number; over: number }>> = {
    'open-account': [],
    'edit-field': [],
    'open-map-300': [],
    'palette-typing': [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto(`${base}test/bench/page/bench.html`);
    await page.goto(`${base}renderer/index.html#/accounts`);
    const filter = page.getByRole('searchbox', { name: 'Filter accounts' });
    await filter.waitFor();
    await page.getByRole('row').nth(2).waitFor();
    await settle(page);

    // Open an account from the list (filtered to it, as a user finds one).
    const name = await accountName(page, ids.account);
    await filter.fill(name);
    await settle(page, 300);
    let t = await now(page);
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('tab', { name: 'Overview' }).waitFor();
    await settle(page);
    results['open-account'].push(await tasksSince(page, t));

    // Edit a field: type a new owner and leave the field (the edit is saved).
    const owner = page.getByRole('main').getByLabel('Owner (our seller)', { exact: true });
    t = await now(page);
    await owner.fill(`Owner ${round}`);
    await owner.press('Tab');
    await settle(page);
    results['edit-field'].push(await tasksSince(page, t));

    // Open the 300-person map (its account's Map tab, from inside the app).
    await page.evaluate((id) => (location.hash = `#/accounts/${encodeURIComponent(id)}/overview`), ids.mapAccount);
    await page.getByRole('tab', { name: 'Map' }).waitFor();
    await settle(page);
    await page.evaluate(() => {
      const w = window as unknown as { __map: { drawn: number | null } };
      w.__map.drawn = null;
    });
    t = await now(page);
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.locator('.map-canvas .react-flow__node').first().waitFor();
    await settle(page);
    results['open-map-300'].push(await tasksSince(page, t));

    // Type in the palette: it searches accounts, people (all 100,000), roadmap items and memos.
    await page.keyboard.press('Escape');
    t = await now(page);
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox');
    await input.waitFor();
    for (const ch of 'kestrel') {
      await page.keyboard.type(ch);
      await page.waitForTimeout(120);
    }
    await settle(page);
    results['palette-typing'].push(await tasksSince(page, t));
    await page.keyboard.press('Escape');
  }
  await context.close();
  for (const [action, list] of Object.entries(results)) {
    emit('long-tasks', `${action}-longest-task-ms`, median(list.map((r) => r.longest)), 'ms');
    emit('long-tasks', `${action}-worst-longest-task-ms`, Math.max(...list.map((r) => r.longest)), 'ms');
    emit('long-tasks', `${action}-tasks-over-${LIMIT_MS}-ms`, Math.max(...list.map((r) => r.over)), 'count');
  }
}
