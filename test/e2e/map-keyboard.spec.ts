import { expect, test } from './pages/fixtures';

// The canvas by keyboard alone: add with N, Tab between people, arrows nudge (saved),
// Enter edits, Ctrl+A selects all, Delete deletes and Ctrl+Z brings them back.
test.describe('stakeholder map by keyboard', () => {
  test('add, move, edit, select all, delete and undo without a mouse', async ({ page, shell, newAccount, map }) => {
    await newAccount.createAccount({ name: 'Keyboard Oy' });
    await map.open();
    await map.emptyAddPerson.click();
    await map.rename('New person', 'Kim');
    await map.closePanel();

    // N on the focused canvas adds a second person and opens the panel.
    await map.node('Kim').focus();
    await page.keyboard.press('n');
    await map.rename('New person', 'Lee');
    await map.closePanel();
    await expect(map.nodes).toHaveCount(2);

    // N placed Lee beside Kim, not on top; Tab goes through the cards in reading order.
    await map.node('Kim').focus();
    await page.keyboard.press('Tab');
    await expect(map.node('Lee')).toBeFocused();
    await page.keyboard.press('Enter');
    const before = await map.transform('Lee');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => map.transform('Lee')).not.toBe(before);
    const moved = await map.transform('Lee');
    // Enter saves the nudges at once (they are otherwise saved when the keys rest) and edits.
    await page.keyboard.press('Enter');
    await expect(map.panel('Lee')).toBeVisible();
    await shell.waitSaved();
    await map.closePanel();

    // The nudge was saved: it survives a reload.
    await page.reload();
    await expect(map.node('Lee')).toBeVisible();
    expect(await map.transform('Lee')).toBe(moved);

    // Ctrl+A selects everyone, Delete removes them, Ctrl+Z restores both.
    await map.node('Kim').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(map.nodes).toHaveCount(0);
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect(map.nodes).toHaveCount(2);
  });
});
