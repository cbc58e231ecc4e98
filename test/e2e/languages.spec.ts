import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect } from './pages/fixtures';

/*
 * The interface in Danish, Dutch, Russian and Simplified Chinese (issue 17): chosen in Settings,
 * switched live (no reload), and read on the accounts list, an account, the map views, a quote and
 * the Sync page. Expected words come from the translation files themselves; one screenshot each.
 */
type Tree = { readonly [key: string]: string | Tree };
const load = (lang: string): Tree =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../renderer/src/i18n/${lang}.json`, import.meta.url)), 'utf8')) as Tree;
const word = (tree: Tree, key: string): string => {
  const v = key.split('.').reduce<string | Tree | undefined>((o, k) => (typeof o === 'object' ? o[k] : undefined), tree);
  if (typeof v !== 'string') throw new Error(`no string at ${key}`);
  return v;
};

const LANGS = [
  { lang: 'da', name: 'Dansk', locale: 'da' },
  { lang: 'nl', name: 'Nederlands', locale: 'nl' },
  { lang: 'ru', name: 'Русский', locale: 'ru' },
  { lang: 'zh-Hans', name: '简体中文', locale: 'zh-Hans' },
] as const;

async function shot(
  page: Page,
  testInfo: { outputPath(name: string): string; attach(name: string, o: { path: string; contentType: string }): Promise<void> },
  name: string,
) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const { lang, name, locale } of LANGS) {
  test(`in ${name}: chosen in Settings and switched at once; the accounts list, an account, the map views, a quote and the Sync page read in it`, async ({
    page,
    list,
  }, testInfo) => {
    const tr = load(lang);
    const w = (key: string) => word(tr, key);
    await list.loadSample();
    const main = page.getByRole('main');
    const nav = page.getByRole('navigation', { name: w('nav.label') });

    // Settings → Language, in English; every screen changes at once, without a reload.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
    const marker = await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = Date.now()));
    await main.getByLabel('Language', { exact: true }).selectOption({ label: name });
    await expect(main.getByRole('heading', { name: w('settings.title'), level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(marker);

    await nav.getByRole('link', { name: w('nav.accounts'), exact: true }).click();
    await expect(main.getByRole('heading', { name: w('accounts.title'), level: 1 })).toBeVisible();
    await shot(page, testInfo, `${lang}-accounts`);

    await main.getByRole('link', { name: 'Nordhavn Shipping A/S', exact: true }).click();
    const tabs = main.getByRole('tablist', { name: w('account.tabsLabel') });
    await expect(tabs.getByRole('tab', { name: w('account.tab.overview') })).toHaveAttribute('aria-selected', 'true');
    // Figures in the language's own conventions: the ARR of 2,400,000 kroner as this locale groups it.
    await expect(main.getByText(new Intl.NumberFormat(locale).format(2_400_000), { exact: false }).first()).toBeVisible();
    await shot(page, testInfo, `${lang}-account`);

    await tabs.getByRole('tab', { name: w('account.tab.map') }).click();
    const views = main.getByRole('tablist', { name: w('map.views') });
    for (const view of ['list', 'grid', 'coverage', 'top5', 'map'] as const) {
      await views.getByRole('tab', { name: w(`map.view.${view}`), exact: true }).click();
      await expect(views.getByRole('tab', { name: w(`map.view.${view}`), exact: true })).toHaveAttribute('aria-selected', 'true');
    }
    await shot(page, testInfo, `${lang}-map`);

    await nav.getByRole('link', { name: w('nav.roadmap'), exact: true }).click();
    await page.goto(page.url().replace(/#.*$/, '#/roadmap/quotes'));
    await main.getByRole('row').filter({ hasText: 'Hire early' }).getByRole('link', { name: 'SAP S/4HANA connector', exact: true }).click();
    await expect(main.getByRole('heading', { name: 'Hire early', level: 1 })).toBeAttached();
    await expect(main.getByText(w('quote.eyebrow'), { exact: false }).first()).toBeVisible();
    await shot(page, testInfo, `${lang}-quote`);

    await nav.getByRole('link', { name: w('nav.sync'), exact: true }).click();
    await expect(main.getByRole('heading', { name: w('sync.title'), level: 1 })).toBeVisible();
    await shot(page, testInfo, `${lang}-sync`);
  });
}
