import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test as base, expect } from './pages/fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { AppShell } from './pages/AppShell';
import { AccountsListPage } from './pages/AccountsListPage';
import { AccountPage } from './pages/AccountPage';
import { MapTab } from './pages/MapTab';
import { PlansTab } from './pages/PlansTab';
import { NewAccountDialog } from './pages/NewAccountDialog';
import { SyncPage } from './pages/SyncPage';

/**
 * Sync & backups in browser mode: no sync folder, so files travel by download (export) and
 * the file chooser (import). A "device" is its own browser context, hence its own IndexedDB:
 * two contexts are two laptops that only meet through the files the test carries across.
 */

/** One device: a browser profile of its own with the page models on its one page. */
interface Device {
  readonly page: Page;
  readonly shell: AppShell;
  readonly list: AccountsListPage;
  readonly account: AccountPage;
  readonly map: MapTab;
  readonly plans: PlansTab;
  readonly newAccount: NewAccountDialog;
  readonly sync: SyncPage;
}

const test = base.extend<{ openDevice: () => Promise<Device> }>({
  /** Opens the app in a new browser context (empty IndexedDB) with the project's context options; closes them all after the test. */
  openDevice: async ({ browser, baseURL, viewport, locale, timezoneId, colorScheme }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, locale, timezoneId, colorScheme, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      const device: Device = {
        page,
        shell: new AppShell(page),
        list: new AccountsListPage(page),
        account: new AccountPage(page),
        map: new MapTab(page),
        plans: new PlansTab(page),
        newAccount: new NewAccountDialog(page),
        sync: new SyncPage(page),
      };
      await device.shell.goto();
      return device;
    });
    // The config's screenshot-on-failure covers the `page` fixture only: take the devices' pages here.
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, c] of contexts.entries()) {
        for (const p of c.pages()) await testInfo.attach(`device ${i + 1}`, { body: await p.screenshot({ fullPage: true }), contentType: 'image/png' });
      }
    }
    for (const c of contexts) await c.close();
  },
});

const NORDHAVN = 'Nordhavn Shipping A/S';
const KESTREL = 'Kestrel Energy';
const PICO = 'Pico Robotics';
const SAMPLE_ACCOUNTS = 12;

const DAMAGED = 'the file is damaged or incomplete (its checksum does not match). Copy it again or export a new one.';

/** Opens the (empty) accounts screen and loads the sample workspace: 12 accounts. */
async function loadSample(d: Device): Promise<void> {
  await d.list.goto();
  await d.list.loadSample();
}

async function nameDevice(d: Device, name: string): Promise<void> {
  await d.sync.open();
  await d.sync.setDeviceName(name);
}

/** The accounts list as "<name> · <owner>" lines, in the list's order. */
async function accountsWithOwners(d: Device, total: number): Promise<string[]> {
  await d.list.goto();
  await d.list.expectCount(total, total);
  return d.list.namesAndOwners();
}

/** Everyone on an account's map (the List view's row headers: name, then title · department), sorted. */
async function mapPeople(d: Device, account: string): Promise<string[]> {
  await d.list.goto();
  await d.list.open(account);
  await d.map.open();
  await d.map.openView('List');
  return (await d.map.peopleTable.getByRole('rowheader').allTextContents()).sort();
}

/** The entries of an account's plan list (title, period, progress), sorted; the list's "New plan" button left out. */
async function planEntries(d: Device, account: string): Promise<string[]> {
  await d.list.goto();
  await d.list.open(account);
  await d.account.openPlans();
  const entries = d.plans.planList.getByRole('button').filter({ hasNotText: /^New plan$/ });
  await expect(entries.first()).toBeVisible();
  return (await entries.allTextContents()).sort();
}

/** Sets an inline field of an account (from the accounts list) and waits for "Saved". */
async function setAccountField(d: Device, account: string, label: string, value: string): Promise<void> {
  await d.list.goto();
  await d.list.open(account);
  await d.account.setField(label, value);
  await expect(d.account.field(label)).toHaveValue(value);
}

/** A (holding the sample workspace) exports everything, and B merges that file: both hold the same 12 accounts. */
async function shareSample(a: Device, b: Device, aName: string): Promise<number> {
  await a.sync.open();
  const file = await a.sync.exportFile({ what: 'Everything' });
  await b.sync.open();
  await b.sync.chooseFile(file);
  await expect(b.sync.previewValue('From')).toHaveText(aName);
  await expect(b.sync.previewValue('Holds')).toHaveText(/^Everything · [\d,]+ records$/);
  const records = await b.sync.previewRecords();
  await b.sync.merge();
  await b.sync.expectImportResult({ from: aName, added: records, updated: 0, deleted: 0 });
  return records;
}

test.describe('sync and backups', () => {
  test('two devices exchange files both ways and converge; the owner conflict is reviewed, taken back, and reaches the other device', async ({ openDevice }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    const OFFICE = 'Office laptop';
    const HOTEL = 'Hotel laptop';

    await test.step('each device gets a readable name; in the browser there is no sync folder', async () => {
      await nameDevice(a, OFFICE);
      await expect(a.sync.folderSection).toContainText('Sync folders need the Waypoint desktop app. In the browser, export a file here and import it on the other device.');
      await expect(a.sync.devicesSection).toContainText('No other device has sent this one a file yet.');
      await nameDevice(b, HOTEL);
    });

    await test.step('A loads the sample and exports everything; B imports it and has the same accounts', async () => {
      await loadSample(a);
      await shareSample(a, b, OFFICE);
      // B now knows A; A does not know B yet.
      await expect(b.sync.otherDevice(OFFICE)).toBeVisible();
      const onA = await accountsWithOwners(a, SAMPLE_ACCOUNTS);
      const onB = await accountsWithOwners(b, SAMPLE_ACCOUNTS);
      expect(onB).toEqual(onA);
      for (const name of [NORDHAVN, KESTREL, PICO, 'Sakura Logistics K.K.']) await expect(b.list.row(name)).toBeVisible();
      await expect(b.list.ownerCell(NORDHAVN)).toHaveText('Mette Lund');
    });

    await test.step('offline, A changes the owner of Nordhavn, adds a person to its map and a plan with an action', async () => {
      await setAccountField(a, NORDHAVN, 'Owner (our seller)', 'Anna Berg');
      await a.map.open();
      await a.map.addPersonNamed('Ida Feldt');
      await a.map.setPanelField('Title', 'Head of Terminal IT');
      await a.map.closePanel();
      await a.account.openPlans();
      await a.plans.createPlan('Rotterdam pilot');
      await a.plans.addObjectiveNamed('Win the pilot');
      await a.plans.addAction('Win the pilot', 'Send the pilot proposal');
    });

    await test.step('offline and later, B changes the same owner to another value and the industry of another account', async () => {
      await setAccountField(b, NORDHAVN, 'Owner (our seller)', 'Bert Olsen');
      await setAccountField(b, KESTREL, 'Industry', 'Offshore wind');
    });

    await test.step('B exports its changes for A; A merges them and has a conflict to review', async () => {
      // A has never had a file from B: it cannot export changes for it yet.
      await a.sync.open();
      await a.sync.exportChoice('Changes for a device').check();
      await expect(a.sync.noPeersNotice).toBeVisible();
      await expect(a.sync.exportDevice).toHaveCount(0);

      await b.sync.open();
      await b.sync.exportChoice('Changes for a device').check();
      await expect(b.sync.exportDevice.getByRole('option')).toHaveText([OFFICE]);
      const fromB = await b.sync.exportFile({ what: 'Changes for a device', device: OFFICE });

      await expect(a.sync.navConflictCount).toHaveCount(0);
      await a.sync.chooseFile(fromB);
      await expect(a.sync.previewValue('From')).toHaveText(HOTEL);
      await expect(a.sync.previewValue('Holds')).toHaveText(/^Changes since the last exchange · [\d,]+ records?$/);
      await a.sync.merge();
      // Nordhavn (owner) and Kestrel (industry).
      await a.sync.expectImportResult({ from: HOTEL, added: 0, updated: 2, deleted: 0, conflicts: 1 });
      await expect(a.sync.importResultTables()).toHaveText(['Account: 2 updated']);
      await expect(a.sync.otherDevice(HOTEL)).toBeVisible();
    });

    await test.step('A shows the conflict with both values, the later edit in place, and the count in the sidebar', async () => {
      await expect(a.sync.conflictRows).toHaveCount(1);
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'Where')).toHaveText(/Account\s*Nordhavn Shipping A\/S\s*Owner/);
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'In place now')).toContainText('Bert Olsen');
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'The other value')).toContainText('Anna Berg');
      await expect(a.sync.navConflictCount).toHaveText('1');
      await expect(a.sync.navConflictCount).toHaveAccessibleName('1 conflict to review');
      await expect(a.sync.navLink).toHaveAccessibleName('Sync 1 conflict to review');
    });

    await test.step('A exports its changes for B; B merges them', async () => {
      await a.sync.exportChoice('Changes for a device').check();
      await expect(a.sync.exportDevice.getByRole('option')).toHaveText([HOTEL]);
      const fromA = await a.sync.exportFile({ what: 'Changes for a device', device: HOTEL });
      // The file is named after the device it is for.
      expect(fromA).toMatch(/Waypoint changes for Hotel laptop \d{4}-\d{2}-\d{2}\.wpsync$/);
      await b.sync.chooseFile(fromA);
      await expect(b.sync.previewValue('From')).toHaveText(OFFICE);
      await b.sync.merge();
      // The person, the plan, its objective and its action. A's owner lost on A already, so
      // it does not travel: the conflict is reviewed on A, the device whose value lost.
      await b.sync.expectImportResult({ from: OFFICE, added: 4, updated: 0, deleted: 0 });
      await expect(b.sync.importResultTables()).toHaveText(['Plan: 1 added', 'Objective: 1 added', 'Action: 1 added', 'Person: 1 added']);
      await expect(b.sync.conflictRows).toHaveCount(0);
      await expect(b.sync.navConflictCount).toHaveCount(0);
    });

    await test.step('both devices show the same accounts and owners, the same map people and the same plans', async () => {
      const onA = await accountsWithOwners(a, SAMPLE_ACCOUNTS);
      const onB = await accountsWithOwners(b, SAMPLE_ACCOUNTS);
      expect(onB).toEqual(onA);
      expect(onA).toContain(`${NORDHAVN} · Bert Olsen`);

      await expectAccountField(a, KESTREL, 'Industry', 'Offshore wind');

      const peopleA = await mapPeople(a, NORDHAVN);
      const peopleB = await mapPeople(b, NORDHAVN);
      expect(peopleB).toEqual(peopleA);
      expect(peopleA).toContainEqual(expect.stringMatching(/^Ida Feldt\s*Head of Terminal IT$/));
      expect(peopleA).toHaveLength(8);

      const plansA = await planEntries(a, NORDHAVN);
      const plansB = await planEntries(b, NORDHAVN);
      expect(plansB).toEqual(plansA);
      expect(plansA).toHaveLength(2);
      await b.plans.planEntry('Rotterdam pilot').click();
      await expect(b.plans.plan('Rotterdam pilot')).toBeVisible();
      await expect(b.plans.objective('Win the pilot')).toBeVisible();
      await expect(b.plans.doneCheckbox('Send the pilot proposal')).not.toBeChecked();
    });

    await test.step('on A, "Use this value" makes the other value current and clears the count', async () => {
      await a.sync.open();
      await a.sync.useOtherValue(NORDHAVN, 'Owner');
      await expect(a.sync.conflictRows).toHaveCount(0);
      await expect(a.sync.noConflicts).toBeVisible();
      await expect(a.sync.navConflictCount).toHaveCount(0);
      await expect(a.sync.navLink).toHaveAccessibleName('Sync');
      await a.list.goto();
      await expect(a.list.ownerCell(NORDHAVN)).toHaveText('Anna Berg');
    });

    await test.step('after another exchange B shows it too', async () => {
      await a.sync.open();
      const again = await a.sync.exportFile({ what: 'Changes for a device', device: HOTEL });
      await b.sync.open();
      await b.sync.importFile(again);
      await b.sync.expectImportResult({ from: OFFICE, added: 0, updated: 1, deleted: 0 });
      await b.list.goto();
      await expect(b.list.ownerCell(NORDHAVN)).toHaveText('Anna Berg');
      expect(await accountsWithOwners(b, SAMPLE_ACCOUNTS)).toEqual(await accountsWithOwners(a, SAMPLE_ACCOUNTS));
    });
  });

  test('the import summary counts what was added, updated and deleted; the same file again changes nothing', async ({ openDevice }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    const ZEPHYR = 'Zephyr Freight AB';
    const YARROW = 'Yarrow Mining Oy';
    await nameDevice(a, 'Laptop A');
    await nameDevice(b, 'Laptop B');

    let everything = '';
    await test.step('a clean import of everything: all added, "No conflicts."', async () => {
      await loadSample(a);
      await a.newAccount.createAccount({ name: ZEPHYR });
      await a.shell.waitSaved();
      await a.sync.open();
      everything = await a.sync.exportFile({ what: 'Everything' });
      await b.sync.open();
      await b.sync.chooseFile(everything);
      const records = await b.sync.previewRecords();
      await expect(b.sync.previewValue('Records')).toContainText('Account 13');
      await b.sync.merge();
      await b.sync.expectImportResult({ from: 'Laptop A', added: records, updated: 0, deleted: 0 });
      await expect(b.sync.importResultTables().filter({ hasText: /^Account: / })).toHaveText('Account: 13 added');
      await b.list.goto();
      await b.list.expectCount(13, 13);
    });

    await test.step('the same file a second time: 0 added, 0 updated, 0 deleted', async () => {
      await b.sync.open();
      await b.sync.importFile(everything);
      await b.sync.expectImportResult({ from: 'Laptop A', added: 0, updated: 0, deleted: 0 });
      await expect(b.sync.importResultTables()).toHaveCount(0);
      await expect(b.sync.conflictRows).toHaveCount(0);
      // Each import was backed up first.
      await expect(b.sync.backupsOfKind('Before an import')).toHaveCount(2);
    });

    await test.step('B answers with its changes (nothing A lacks), so A learns of B', async () => {
      const fromB = await b.sync.exportFile({ what: 'Changes for a device', device: 'Laptop A' });
      await a.sync.chooseFile(fromB);
      await a.sync.merge();
      await a.sync.expectImportResult({ from: 'Laptop B', added: 0, updated: 0, deleted: 0 });
    });

    let changes = '';
    await test.step('A adds one account, renames one and deletes one; B gets 1 added, 1 updated, 1 deleted', async () => {
      await a.newAccount.createAccount({ name: YARROW });
      await a.shell.waitSaved();
      await setAccountField(a, PICO, 'Account name', 'Pico Robotics Europe');
      await a.list.goto();
      await a.list.open(ZEPHYR);
      await a.account.delete();
      await a.shell.waitSaved();
      await a.list.expectCount(13, 13);

      await a.sync.open();
      changes = await a.sync.exportFile({ what: 'Changes for a device', device: 'Laptop B' });
      await b.sync.importFile(changes);
      await b.sync.expectImportResult({ from: 'Laptop A', added: 1, updated: 1, deleted: 1 });
      await expect(b.sync.importResultTables()).toHaveText(['Account: 1 added, 1 updated, 1 deleted']);
      await b.list.goto();
      await b.list.expectCount(13, 13);
      await expect(b.list.row(YARROW)).toBeVisible();
      await expect(b.list.row('Pico Robotics Europe')).toBeVisible();
      await expect(b.list.row(ZEPHYR)).toHaveCount(0);
    });

    await test.step('those changes a second time: 0 added, 0 updated, 0 deleted', async () => {
      await b.sync.open();
      await b.sync.importFile(changes);
      await b.sync.expectImportResult({ from: 'Laptop A', added: 0, updated: 0, deleted: 0 });
      await b.list.goto();
      await b.list.expectCount(13, 13);
    });
  });

  test('an encrypted file: the passphrase is checked on export; a wrong one on import changes nothing and keeps what was typed; the right one merges', async ({ openDevice }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    const PASS = 'correct horse battery';
    const WRONG = 'correct horse batteries';
    let downloads = 0;
    a.page.on('download', () => downloads++);

    await nameDevice(a, 'Laptop A');
    await loadSample(a);
    await a.sync.open();
    let file = '';
    await test.step('export: too short, then two different passphrases, are refused next to the field', async () => {
      await a.sync.fillExport({ what: 'Everything', passphrase: 'short' });
      await a.sync.exportButton.click();
      await a.sync.expectFieldError(a.sync.exportPassphrase, 'Use at least 8 characters.');
      await expect(a.sync.exportSection.getByRole('alert').filter({ hasText: 'Use at least 8 characters.' })).toBeVisible();

      await a.sync.exportPassphrase.fill(PASS);
      await a.sync.exportPassphraseAgain.fill(WRONG);
      await a.sync.exportButton.click();
      await a.sync.expectFieldError(a.sync.exportPassphraseAgain, 'The two passphrases differ: type the same one twice.');
      await expect(a.sync.exportPassphrase).not.toHaveAttribute('aria-invalid', 'true');
      await expect(a.sync.exportResult).toHaveCount(0);
      expect(downloads, 'no file is saved while a passphrase is refused').toBe(0);

      file = await a.sync.exportFile({ what: 'Everything', passphrase: PASS });
      expect(downloads).toBe(1);
      // The header says how the body is protected; the body itself is not readable.
      const header = readFileSync(file).toString('latin1').split('\n')[1]!;
      expect(JSON.parse(header)).toMatchObject({ encryption: { cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256' } });
    });

    await test.step('B holds one account of its own', async () => {
      await b.newAccount.createAccount({ name: 'Solo Freight AB' });
      await b.shell.waitSaved();
      await b.list.goto();
      await b.list.expectCount(1, 1);
    });

    await test.step('a wrong passphrase is refused next to the field, keeps what was typed, and changes nothing', async () => {
      await b.sync.open();
      await b.sync.chooseFile(file);
      await expect(b.sync.importPassphrase).toBeVisible();
      await expect(b.sync.preview).toContainText('This file is encrypted. Type the passphrase its sender chose.');
      await expect(b.sync.mergeButton).toBeDisabled();
      await b.sync.importPassphrase.fill(WRONG);
      await expect(b.sync.mergeButton).toBeEnabled();
      await b.sync.mergeButton.click();
      const message = 'that passphrase does not open this file. Check it with the sender and try again.';
      await b.sync.expectFieldError(b.sync.importPassphrase, message);
      await expect(b.sync.preview.getByRole('alert')).toHaveText(message);
      await expect(b.sync.importPassphrase).toHaveValue(WRONG);
      await expect(b.sync.importPassphrase).toBeFocused();
      await expect(b.sync.preview).toBeVisible();
      await expect(b.sync.importResult).toHaveCount(0);
      await expect(b.sync.backupsOfKind('Before an import')).toHaveCount(0);
      await b.list.goto();
      await b.list.expectCount(1, 1);
    });

    await test.step('the right passphrase (Enter in the field) merges the file', async () => {
      await b.sync.open();
      await b.sync.chooseFile(file);
      const records = await b.sync.previewRecords();
      await b.sync.importPassphrase.fill(PASS);
      await b.sync.importPassphrase.press('Enter');
      await expect(b.sync.importResult).toBeVisible();
      await b.sync.expectImportResult({ from: 'Laptop A', added: records, updated: 0, deleted: 0 });
      await expect(b.sync.backupsOfKind('Before an import')).toHaveCount(1);
      await b.list.goto();
      await b.list.expectCount(SAMPLE_ACCOUNTS + 1, SAMPLE_ACCOUNTS + 1);
    });
  });

  test('bad files are refused with what to do next, and change nothing', async ({ list, sync }) => {
    test.setTimeout(120_000);
    await list.loadSample();
    await sync.open();
    const good = readFileSync(await sync.exportFile({ what: 'Everything' }));
    const flipped = Buffer.from(good);
    const mid = Math.floor(flipped.length / 2);
    flipped[mid] = flipped[mid]! ^ 0xff;

    const cases = [
      { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'), reason: 'this is not a Waypoint sync file. Choose a .wpsync file exported by Waypoint.' },
      { name: 'cut-in-half.wpsync', mimeType: 'application/octet-stream', buffer: good.subarray(0, Math.floor(good.length / 2)), reason: DAMAGED },
      { name: 'empty.wpsync', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0), reason: 'the file is empty. Copy it again from the other device.' },
      { name: 'one-byte-flipped.wpsync', mimeType: 'application/octet-stream', buffer: flipped, reason: DAMAGED },
    ];
    for (const c of cases) {
      await test.step(`${c.name}: “${c.reason}”`, async () => {
        await sync.chooseFile({ name: c.name, mimeType: c.mimeType, buffer: c.buffer });
        await sync.expectRefused(c.name, c.reason);
        await expect(sync.mergeButton).toHaveCount(0);
        await expect(sync.importResult).toHaveCount(0);
        await expect(sync.backupsOfKind('Before an import')).toHaveCount(0);
        await list.goto();
        await list.expectCount(SAMPLE_ACCOUNTS, SAMPLE_ACCOUNTS);
        await sync.open();
        await expect(sync.backupsOfKind('Before an import')).toHaveCount(0);
      });
    }

    await test.step('the good file still previews after the refusals', async () => {
      await sync.chooseFile({ name: 'good.wpsync', mimeType: 'application/octet-stream', buffer: good });
      await expect(sync.importRefusal).toHaveCount(0);
      await expect(sync.preview).toBeVisible();
      await sync.cancelImportButton.click();
      await expect(sync.preview).toBeHidden();
    });
  });

  test('backups: "Back up now", then a restore asks first, Cancel keeps the data, and "Replace with this backup" brings the old name back', async ({ list, account, sync }) => {
    test.setTimeout(120_000);
    await list.loadSample();
    await sync.open();
    await expect(sync.backupsOfKind('Made by you')).toHaveCount(0);
    await sync.backUpNow();
    const mine = sync.backupsOfKind('Made by you').first();
    await expect(sync.backupCell(mine, 'Accounts')).toHaveText('12');
    const records = (await sync.backupCell(mine, 'Records').textContent())!;
    expect(records).toMatch(/^[\d,]+$/);
    const label = (await mine.getByRole('button', { name: /^Restore the backup from / }).getAttribute('aria-label'))!;

    await test.step('rename an account after the backup', async () => {
      await list.goto();
      await list.open(PICO);
      await account.name.fill('Pico Robotics Europe');
      await account.name.press('Enter');
      await account.shell.waitSaved();
      await list.goto();
      await expect(list.row('Pico Robotics Europe')).toBeVisible();
    });

    await test.step('"Restore…" states what will be replaced; Cancel changes nothing', async () => {
      await sync.open();
      await sync.openRestore(mine);
      await expect(sync.restoreDialog).toHaveAccessibleName(`${label}?`);
      await expect(sync.restoreDialog).toHaveAccessibleDescription(
        `This replaces everything on this device — ${records} records in 12 accounts — with the backup's ${records} records in 12 accounts. Edits made on this device since then are replaced.`,
      );
      await expect(sync.restoreDialog).toContainText('A backup of the current data is made first');
      await sync.restoreCancelButton.click();
      await expect(sync.restoreDialog).toBeHidden();
      await expect(sync.backupsOfKind('Before a restore')).toHaveCount(0);
      await list.goto();
      await expect(list.row('Pico Robotics Europe')).toBeVisible();
      await expect(list.row(PICO)).toHaveCount(0);
    });

    await test.step('"Replace with this backup" restores the old name and keeps a "Before a restore" backup', async () => {
      await sync.open();
      await sync.restore(sync.backupsOfKind('Made by you').first());
      await expect(sync.backupsOfKind('Before a restore')).toHaveCount(1);
      await expect(sync.backupCell(sync.backupsOfKind('Before a restore').first(), 'Accounts')).toHaveText('12');
      await list.goto();
      await list.expectCount(12, 12);
      await expect(list.row(PICO)).toBeVisible();
      await expect(list.row('Pico Robotics Europe')).toHaveCount(0);
    });
  });

  test('"One account" exports that account with its map and plans; a fresh profile gets exactly that account', async ({ openDevice }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    await nameDevice(a, 'Laptop A');
    await loadSample(a);
    const people = await mapPeople(a, NORDHAVN);
    const plansOnA = await planEntries(a, NORDHAVN);
    expect(people).toHaveLength(7);

    await a.sync.open();
    await a.sync.exportChoice('One account').check();
    // The select lists the accounts by name, Nordhavn among them.
    await expect(a.sync.exportAccount.getByRole('option')).toHaveCount(SAMPLE_ACCOUNTS);
    const file = await a.sync.exportFile({ what: 'One account', account: NORDHAVN });
    expect(file).toContain(`account ${NORDHAVN.replace('/', '-')}`);

    await b.sync.open();
    await b.sync.chooseFile(file);
    await expect(b.sync.previewValue('Holds')).toHaveText(new RegExp(`^The account ${NORDHAVN.replace('/', '\\/')} · [\\d,]+ records$`));
    const records = await b.sync.previewRecords();
    await b.sync.merge();
    await b.sync.expectImportResult({ from: 'Laptop A', added: records, updated: 0, deleted: 0 });

    await b.list.goto();
    await b.list.expectCount(1, 1);
    expect(await b.list.names()).toEqual([NORDHAVN]);
    await expect(b.list.ownerCell(NORDHAVN)).toHaveText('Mette Lund');
    expect(await mapPeople(b, NORDHAVN)).toEqual(people);
    await expect(b.map.quality).toBeVisible();
    expect(await planEntries(b, NORDHAVN)).toEqual(plansOnA);
  });
});

/** Opens an account on a device and checks one of its inline fields. */
async function expectAccountField(d: Device, account: string, label: string, value: string): Promise<void> {
  await d.list.goto();
  await d.list.open(account);
  await expect(d.account.field(label)).toHaveValue(value);
}

/** axe-core on the Sync page with a conflict to review and an import summary, in both themes. */
for (const theme of ['light', 'dark'] as const) {
  test.describe(`sync accessibility (${theme} theme)`, () => {
    test.use({ colorScheme: theme });

    test('Sync page with a conflict to review', async ({ openDevice }) => {
      test.setTimeout(120_000);
      const a = await openDevice();
      const b = await openDevice();
      await nameDevice(a, 'Office laptop');
      await nameDevice(b, 'Hotel laptop');
      await loadSample(a);
      // Let the "sample loaded" toast go so it is not part of the scan.
      await a.shell.toast('Sample workspace loaded').getByRole('button', { name: 'Dismiss' }).click();
      await expect(a.shell.toast('Sample workspace loaded')).toHaveCount(0);
      await shareSample(a, b, 'Office laptop');
      await setAccountField(a, NORDHAVN, 'Owner (our seller)', 'Anna Berg');
      await setAccountField(b, NORDHAVN, 'Owner (our seller)', 'Bert Olsen');
      await b.sync.open();
      const fromB = await b.sync.exportFile({ what: 'Changes for a device' });
      await a.sync.open();
      await a.sync.importFile(fromB);
      await expect(a.sync.conflictRows).toHaveCount(1);
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'The other value')).toContainText('Anna Berg');
      await expect(a.page.locator('html')).toHaveAttribute('data-theme', theme);
      await expectNoSeriousA11yViolations(a.page, `sync page with a conflict (${theme})`);
    });
  });
}
