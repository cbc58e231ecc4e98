import { readFileSync } from 'node:fs';
import { expect } from './pages/fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { DAMAGED, NORDHAVN, PICO, SAMPLE_ACCOUNTS, loadSample, nameDevice, setAccountField, shareSample, test } from './pages/devices';

test.describe('sync safety and backups', () => {
  test('an encrypted file: the passphrase is checked on export; a wrong one on import changes nothing and keeps what was typed; the right one merges', async ({
    openDevice,
  }) => {
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
      const message =
        'that passphrase does not open this file, or the file was changed after it was made. Check the passphrase with the sender and try again; if it is right, ask for a fresh export.';
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
      {
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1'),
        reason: 'this is not a Waypoint sync file. Choose a .wpsync file exported by Waypoint.',
      },
      {
        name: 'cut-in-half.wpsync',
        mimeType: 'application/octet-stream',
        buffer: good.subarray(0, Math.floor(good.length / 2)),
        reason: DAMAGED,
      },
      {
        name: 'empty.wpsync',
        mimeType: 'application/octet-stream',
        buffer: Buffer.alloc(0),
        reason: 'the file is empty. Copy it again from the other device.',
      },
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

  test('backups: "Back up now", then a restore asks first, Cancel keeps the data, and "Replace with this backup" brings the old name back', async ({
    list,
    account,
    sync,
  }) => {
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
});

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
