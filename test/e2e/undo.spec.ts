import { test, expect } from './pages/fixtures';

test.describe('delete, undo and redo', () => {
  test('deleting an account can be undone from the toast, with Ctrl+Z, and redone with Ctrl+Shift+Z', async ({ shell, list, account }) => {
    await list.loadSample();
    await list.open('Fjord Analytics');
    await account.setField('Industry', 'Data platforms');

    // 1. Delete, then the toast's Undo button.
    await account.delete();
    await expect(list.heading).toBeVisible();
    const toast = shell.toast('Deleted “Fjord Analytics”.');
    await expect(toast).toBeVisible();
    await list.expectCount(11, 11);
    await expect(list.row('Fjord Analytics')).toHaveCount(0);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(toast).toBeHidden();
    await shell.waitSaved();
    await list.expectCount(12, 12);
    await expect(list.row('Fjord Analytics')).toContainText('Data platforms · Nordics');
    await expect(list.row('Fjord Analytics')).toContainText('Mette Lund');

    // Its data is intact, not just its name.
    await list.open('Fjord Analytics');
    await expect(account.field('Industry')).toHaveValue('Data platforms');
    await expect(account.field('Actual ARR')).toHaveValue('380,000');
    await expect(account.field('Owner (our seller)')).toHaveValue('Mette Lund');

    // 2. Delete again, then Ctrl+Z with focus outside any text field.
    await account.delete();
    await list.expectCount(11, 11);
    await shell.focusOutsideFields();
    await shell.undo();
    await list.expectCount(12, 12);
    await expect(list.row('Fjord Analytics')).toContainText('Data platforms · Nordics');

    // 3. Ctrl+Shift+Z redoes the delete.
    await shell.redo();
    await list.expectCount(11, 11);
    await expect(list.row('Fjord Analytics')).toHaveCount(0);

    // The state survives a reload: it is in the database, not only on screen.
    await shell.waitSaved();
    await shell.reload();
    await list.expectCount(11, 11);
    await expect(list.row('Fjord Analytics')).toHaveCount(0);
  });

  test('Ctrl+Z inside a text field is the field’s own text undo, not a data undo', async ({ shell, list, account }) => {
    await list.loadSample();
    await list.open('Pico Robotics');
    await account.setField('Region', 'Americas');

    const industry = account.field('Industry');
    await industry.click();
    await shell.undo();
    // Focus stayed in a text field, so the saved region change is not undone.
    await expect(industry).toBeFocused();
    await shell.waitSaved();
    await expect(account.field('Region')).toHaveValue('Americas');

    await shell.focusOutsideFields();
    await shell.undo();
    await expect(account.field('Region')).toHaveValue('North America');
    await shell.redo();
    await expect(account.field('Region')).toHaveValue('Americas');
  });
});
