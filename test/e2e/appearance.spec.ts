import { test, expect } from './pages/fixtures';

test.describe('theme', () => {
  test('Ctrl+Shift+D toggles light/dark on <html data-theme> and survives reload', async ({ shell, list }) => {
    await expect(list.emptyHeading).toBeVisible();
    const html = shell.page.locator('html');
    const initial = await shell.theme();
    expect(['light', 'dark']).toContain(initial);
    const other = initial === 'dark' ? 'light' : 'dark';

    await shell.toggleTheme();
    await expect(html).toHaveAttribute('data-theme', other);
    await shell.reload();
    await expect(html).toHaveAttribute('data-theme', other);

    await shell.toggleTheme();
    await expect(html).toHaveAttribute('data-theme', initial!);
    await shell.reload();
    await expect(html).toHaveAttribute('data-theme', initial!);
  });

  test('an explicit choice wins over the system colour scheme', async ({ shell, list }) => {
    await shell.page.emulateMedia({ colorScheme: 'dark' });
    await expect(shell.page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await shell.toggleTheme();
    await expect(shell.page.locator('html')).toHaveAttribute('data-theme', 'light');
    await shell.reload();
    await expect(list.emptyHeading).toBeVisible();
    await expect(shell.page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('narrow window', () => {
  test.use({ viewport: { width: 800, height: 700 } });

  const longName = (seed: string) => `${seed} `.repeat(40).slice(0, 200).trimEnd().padEnd(200, 'x');

  test('a 200-character account name fits an 800×700 window and stays editable', async ({ shell, newAccount, account, plans }) => {
    // One unbreakable word: the hardest case for the breadcrumb and the header.
    const name = 'Hafenlogistik'.repeat(16).slice(0, 200);
    expect(name).toHaveLength(200);
    await newAccount.createAccount({ name, owner: 'Mette Lund' });
    await shell.waitSaved();
    await account.setField('Actual ARR', '1,250,000');
    await account.setField('Potential ARR (whole wallet)', '20m');

    expect(await shell.hasHorizontalOverflow(), 'the document must not scroll sideways at 800px').toBe(false);
    await expect(account.name).toBeVisible();
    await expect(account.deleteButton).toBeVisible();
    await expect(account.figure('Penetration')).toBeInViewport();

    // Editable: replace the name and commit with Enter.
    const renamed = longName('Renamed Hafenbetrieb');
    await account.name.fill(renamed);
    await account.name.press('Enter');
    await shell.waitSaved();
    await expect(shell.breadcrumb.getByText(renamed, { exact: true })).toBeAttached();
    expect(await shell.hasHorizontalOverflow(), 'no sideways scroll after renaming').toBe(false);

    await account.openPlans();
    await plans.createPlan('A plan with a long account name');
    expect(await shell.hasHorizontalOverflow(), 'no sideways scroll on the Plans tab').toBe(false);

    await shell.reload();
    await account.expectOpen(renamed);
    expect(await shell.hasHorizontalOverflow(), 'no sideways scroll after reload').toBe(false);
  });

  test('in a narrow window the checks come first but short: two, and "Show all" for the rest', async ({ page, newAccount }) => {
    await newAccount.createAccount({ name: 'Narrow Checks AS' });
    const panel = page.getByRole('region', { name: 'Checks' });
    const shown = panel.getByRole('listitem').filter({ visible: true });
    await expect(shown).toHaveCount(2);
    const more = panel.getByRole('button', { name: /^Show all \d+ checks$/ });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const total = Number((await more.textContent())!.match(/\d+/)![0]);
    await more.click();
    await expect(shown).toHaveCount(total);
    await panel.getByRole('button', { name: 'Show fewer' }).click();
    await expect(shown).toHaveCount(2);
  });

  test('the accounts list at 800px has no horizontal document overflow', async ({ shell, list }) => {
    await list.loadSample();
    expect(await shell.hasHorizontalOverflow(), 'the grid may scroll inside itself, never the document').toBe(false);
  });
});
