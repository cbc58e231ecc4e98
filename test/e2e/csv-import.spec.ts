import { readFileSync } from 'node:fs';
import { salesforceDataLoaderExport } from '../../shared/csv/fixtures';
import { salesforceId18 } from '../../shared/csv/ids';
import { test, expect } from './pages/fixtures';
import { CsvImportPage, type CsvFile } from './pages/CsvImportPage';
import { AccountsListPage } from './pages/AccountsListPage';
import { MapTab } from './pages/MapTab';

/** A Salesforce Data Loader export of 6 accounts × 4 contacts, plus one contact whose account is not in the file. */
function files(): { accounts: CsvFile; contacts: CsvFile; model: ReturnType<typeof salesforceDataLoaderExport>['model'] } {
  const sf = salesforceDataLoaderExport({ accounts: 6, contactsPerAccount: 4, seed: 21 });
  const orphan = `"${salesforceId18('0030000000ZZZZZ')}","${salesforceId18('0010000000NoSch')}","Otto","Orphan","CFO","Finance","otto@example.com","",""\n`;
  const contacts = new Uint8Array([...sf.contactsCsv, ...new TextEncoder().encode(orphan)]);
  return { accounts: { name: 'Account.csv', bytes: sf.accountsCsv }, contacts: { name: 'Contact.csv', bytes: contacts }, model: sf.model };
}

test.describe('CSV import from a CRM export', () => {
  test('accounts and contacts through the mapping screen, the dry run, the import, the map; Undo takes it all back; the same files again change nothing', async ({
    page,
    shell,
    list,
    map,
  }) => {
    const { accounts, contacts, model } = files();
    const imp = new CsvImportPage(page);
    await imp.openFromAccounts();
    await imp.choose([accounts, contacts]);
    await expect(imp.file('Account.csv')).toContainText('Accounts · 6 rows');
    await expect(imp.file('Contact.csv')).toContainText('Contacts · 25 rows');

    // The columns, matched by Salesforce API names; one changed with the mouse, one with the keyboard.
    await imp.nextColumns.click();
    await expect(imp.fieldSelect('Account.csv', 'Name')).toHaveValue('account.name');
    await expect(imp.fieldSelect('Contact.csv', 'ReportsToId')).toHaveValue('person.reportsToSourceId');
    await expect(imp.region('Account.csv').getByRole('row', { name: /Industry/ })).toContainText('Salesforce API name');
    await imp.fieldSelect('Account.csv', 'BillingCountry').selectOption({ label: 'Leave out' });
    await expect(imp.fieldSelect('Account.csv', 'BillingCountry')).toHaveValue('');
    const phone = imp.fieldSelect('Contact.csv', 'Phone');
    await phone.focus();
    await page.keyboard.press('Home');
    await expect(phone).toHaveValue('');
    await imp.region('Account.csv').getByLabel('Currency if the file has none').fill('EUR');
    // Kept for next time: a saved mapping, found by the column names.
    await imp.region('Account.csv').getByLabel('Save this mapping as').fill('Salesforce accounts');
    await imp.region('Account.csv').getByRole('button', { name: 'Save mapping' }).click();

    // The dry run: what will happen, and the one refused row with its line and reason.
    await imp.nextCheck.click();
    await expect(page.getByRole('heading', { name: '3. What the import will do' })).toBeVisible();
    expect(await imp.count('Accounts', 'New')).toBe(6);
    expect(await imp.count('Contacts', 'New')).toBe(24);
    const managers = model.contacts.filter((c) => c.manager !== null).length;
    expect(await imp.count('Reports-to lines', 'New')).toBe(managers);
    const refused = imp.refusedTable.getByRole('row').filter({ hasText: 'Contact.csv' });
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText('26');
    await expect(refused).toContainText('is not in this file or in Waypoint');
    // errors.csv: the refused row as it is in the file, with why, ready to fix and import again.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download errors.csv' }).click();
    const errors = readFileSync(await (await download).path(), 'utf8');
    const [header, row, ...rest] = errors
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toBe('Id,AccountId,FirstName,LastName,Title,Department,Email,Phone,ReportsToId,Why Waypoint left this row out');
    expect(row).toContain('Otto,Orphan,CFO');
    expect(row).toContain('is not in this file or in Waypoint');
    expect(rest).toEqual([]);

    await imp.importButton.click();
    await expect(imp.done).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '6 new and 0 updated accounts, 24 new' })).toBeVisible();

    // The accounts are there, and an account's map has its org chart.
    await page.getByRole('link', { name: 'Open the accounts' }).click();
    await list.expectCount(6, 6);
    const first = model.accounts[0]!;
    await list.open(first.name);
    await map.open();
    const people = model.contacts.filter((c) => c.account === 0);
    await expect(map.nodes).toHaveCount(people.length);
    await expect(map.edges).toHaveCount(people.filter((c) => c.manager !== null).length);

    // One import, one undo.
    await page.goto('./#/accounts');
    await shell.waitReady();
    await shell.focusOutsideFields();
    await shell.undo();
    await expect(page.getByRole('heading', { name: 'Plan your largest accounts, offline' })).toBeVisible();
    await shell.redo();
    await list.expectCount(6, 6);

    // The same files with the same mapping: everything unchanged, nothing to write.
    await imp.openFromAccounts();
    await imp.choose([accounts, contacts]);
    await imp.nextColumns.click();
    await imp.region('Account.csv').getByLabel('Use a saved mapping').selectOption({ label: 'Salesforce accounts' });
    await expect(imp.fieldSelect('Account.csv', 'BillingCountry')).toHaveValue('');
    await expect(imp.region('Account.csv').getByLabel('Currency if the file has none')).toHaveValue('EUR');
    await imp.fieldSelect('Contact.csv', 'Phone').selectOption({ label: 'Leave out' });
    await imp.nextCheck.click();
    expect(await imp.count('Accounts', 'Unchanged')).toBe(6);
    expect(await imp.count('Contacts', 'Unchanged')).toBe(24);
    expect(await imp.count('Accounts', 'New')).toBe(0);
    await expect(page.getByRole('button', { name: 'Nothing to import: everything is up to date' })).toBeDisabled();
  });

  test('export accounts and people as CSV, and import them into a fresh profile: the same records and org charts', async ({
    page,
    browser,
    list,
    map,
  }) => {
    await list.loadSample();
    const names = (await list.names()).sort();
    await page.goto('./#/sync');
    const section = page.getByRole('region', { name: 'Export CSV' });
    await expect(section.getByRole('checkbox', { name: /^Accounts/ })).toBeChecked();
    await expect(section.getByRole('checkbox', { name: /^People/ })).toBeChecked();
    const downloads: CsvFile[] = [];
    page.on('download', async (d) => {
      const path = await d.path();
      downloads.push({ name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) });
    });
    await section.getByRole('button', { name: 'Export CSV…' }).click();
    await expect(section.getByRole('status')).toContainText('people.csv');
    await expect.poll(() => downloads.length).toBe(2);
    expect(downloads.map((d) => d.name).sort()).toEqual(['accounts.csv', 'people.csv']);

    // A fresh profile: another browser context, its own empty IndexedDB.
    const fresh = await browser.newContext({ locale: 'en-US', timezoneId: 'Europe/Copenhagen', viewport: { width: 1440, height: 900 } });
    const other = await fresh.newPage();
    await other.goto('./#/import');
    const imp = new CsvImportPage(other);
    await expect(imp.heading).toBeVisible();
    await imp.choose(downloads);
    await imp.nextColumns.click();
    await imp.nextCheck.click();
    expect(await imp.count('Accounts', 'New')).toBe(names.length);
    await expect(imp.refusedTable).toHaveCount(0);
    await imp.importButton.click();
    await expect(imp.done).toBeVisible();
    await other.getByRole('link', { name: 'Open the accounts' }).click();
    const otherList = new AccountsListPage(other);
    expect((await otherList.names()).sort()).toEqual(names);

    // The same org chart on both sides for an account of the sample.
    const name = 'Nordhavn Shipping A/S';
    await list.goto();
    await list.open(name);
    await map.open();
    const edgesHere = await map.edges.count();
    await otherList.open(name);
    const otherMap = new MapTab(other);
    await otherMap.open();
    const reportsTo = await otherMap.edges.count();
    expect(reportsTo).toBeGreaterThan(0);
    expect(reportsTo).toBeLessThanOrEqual(edgesHere);
    await fresh.close();
  });
});
