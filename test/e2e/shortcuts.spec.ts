import { test, expect } from './pages/fixtures';

test.describe('keyboard shortcuts from one command record', () => {
  test('? lists every shortcut, marks those of other screens, and types a "?" inside a field', async ({ page, list, palette }) => {
    await list.loadSample();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    const row = (label: string) =>
      help
        .locator('div')
        .filter({ has: page.locator('dt', { hasText: label }) })
        .last();
    await expect(row('New account')).toContainText('Ctrl');
    await expect(row('New account')).toContainText('N');
    await expect(row('Redo')).toContainText('Ctrl ⇧ Z');
    await expect(row('Redo')).toContainText('Ctrl Y');
    await expect(row('Filter the accounts list')).toContainText('/');
    // The retreat page's key is listed, as belonging to another screen.
    await expect(row('Capture a request (retreat page)')).toContainText('(On another screen)');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // In a text field the key types.
    const filter = page.getByRole('searchbox', { name: /filter/i }).first();
    await filter.click();
    await page.keyboard.press('?');
    await expect(filter).toHaveValue('?');
    await expect(help).toBeHidden();

    // The palette offers the same commands, with the same keys.
    await filter.fill('');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await palette.open();
    await palette.search('shortcuts', 'Keyboard shortcuts');
    await palette.runOnlyResult('Keyboard shortcuts');
    await expect(help).toBeVisible();
  });
});
