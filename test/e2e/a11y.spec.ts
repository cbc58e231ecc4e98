import { test, expect } from './pages/fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';

/** axe-core: no serious or critical violations on the main screens, in both themes. */
for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${theme} theme)`, () => {
    test.use({ colorScheme: theme });

    test('empty state', async ({ page, list }) => {
      await expect(list.emptyHeading).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousA11yViolations(page, `empty state (${theme})`);
    });

    test('accounts list with the sample workspace', async ({ page, list, shell }) => {
      await list.loadSample();
      // Let the "sample loaded" toast go so it is not part of the scan.
      await shell.toast('Sample workspace loaded').getByRole('button', { name: 'Dismiss' }).click();
      await expect(shell.toast('Sample workspace loaded')).toHaveCount(0);
      await expectNoSeriousA11yViolations(page, `accounts list (${theme})`);
    });

    test('account overview', async ({ page, list, account }) => {
      await list.loadSample();
      await list.open('Nordhavn Shipping A/S');
      await expect(account.checks).toBeVisible();
      await expectNoSeriousA11yViolations(page, `account overview (${theme})`);
    });

    test('plans tab', async ({ page, list, account, plans }) => {
      await list.loadSample();
      await list.open('Nordhavn Shipping A/S');
      await account.openPlans();
      await expect(plans.plan('FY27 expansion: group-wide terminal planning')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `plans tab (${theme})`);
    });

    for (const view of ['Canvas', 'List', 'Power / interest', 'Coverage', 'Top-5 review'] as const) {
      test(`map tab: ${view} view`, async ({ page, list, map }) => {
        await list.loadSample();
        await list.open('Nordhavn Shipping A/S');
        await map.open();
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await expect(map.nodes).toHaveCount(7);
        if (view !== 'Canvas') await map.openView(view);
        await expect(map.viewPanel).toHaveAccessibleName(view);
        await expectNoSeriousA11yViolations(page, `map tab, ${view} view (${theme})`);
      });
    }

    test('command palette open', async ({ page, list, palette }) => {
      await list.loadSample();
      await palette.open();
      await expect(palette.options.first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, `command palette (${theme})`);
    });

    test('new account dialog with a validation error', async ({ page, newAccount }) => {
      await newAccount.openWithShortcut();
      await newAccount.create.click();
      await expect(newAccount.name).toHaveAccessibleDescription('Required.');
      await expectNoSeriousA11yViolations(page, `new account dialog (${theme})`);
    });
  });
}
