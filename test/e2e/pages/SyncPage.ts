import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type ExportWhat = 'Changes for a device' | 'Everything' | 'One account';
export type ConflictColumn = 'Where' | 'In place now' | 'The other value';
export type BackupKindLabel = 'Daily' | 'Before an import' | 'Made by you' | 'Before a restore';
export type BackupColumn = 'Made' | 'Kind' | 'Accounts' | 'Records' | 'Size';
export type PreviewTerm = 'From' | 'Made' | 'Holds' | 'Records' | 'Made with';

export interface ExportOptions {
  readonly what: ExportWhat;
  /** "Changes for a device": the other device's name in the Device select. */
  readonly device?: string;
  /** "One account": the account's name in the Account select. */
  readonly account?: string;
  /** Ticks "Protect the file with a passphrase" and types it (twice, unless `passphraseAgain` differs). */
  readonly passphrase?: string;
  readonly passphraseAgain?: string;
}

export interface ImportCounts {
  /** The name of the device the file came from. */
  readonly from: string;
  readonly added: number;
  readonly updated: number;
  readonly deleted: number;
  /** 0 (the default) expects "No conflicts." */
  readonly conflicts?: number;
}

/** A file for the file chooser that is not on disk (a PDF, an empty file…). */
export interface FilePayload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fmt = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

const CONFLICT_COLUMNS: readonly ConflictColumn[] = ['Where', 'In place now', 'The other value'];
const BACKUP_COLUMNS: readonly BackupColumn[] = ['Made', 'Kind', 'Accounts', 'Records', 'Size'];

/** Downloads saved in one test get a running number, so two exports of the same kind never overwrite each other. */
let saved = 0;

/**
 * "Sync & backups" (#/sync): conflicts to review, export a sync file (a download in the
 * browser), import one (the file chooser, a preview, "Merge into this device"), the sync
 * folder (desktop only), backups with restore, and this device's name.
 */
export class SyncPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly heading: Locator;
  /** The sidebar's "Sync" link; its name ends with the conflict count when there is one ("Sync 1 conflict to review"). */
  readonly navLink: Locator;
  /** The count beside the sidebar link, named "<n> conflict(s) to review". */
  readonly navConflictCount: Locator;
  // conflicts
  readonly conflictsSection: Locator;
  readonly conflictsTable: Locator;
  readonly conflictRows: Locator;
  readonly noConflicts: Locator;
  // export
  readonly exportSection: Locator;
  readonly exportDevice: Locator;
  readonly exportAccount: Locator;
  readonly noPeersNotice: Locator;
  readonly encrypt: Locator;
  readonly exportPassphrase: Locator;
  readonly exportPassphraseAgain: Locator;
  readonly exportButton: Locator;
  readonly exportResult: Locator;
  // import
  readonly importSection: Locator;
  readonly chooseButton: Locator;
  readonly importRefusal: Locator;
  readonly preview: Locator;
  readonly importPassphrase: Locator;
  readonly mergeButton: Locator;
  readonly cancelImportButton: Locator;
  readonly importResult: Locator;
  readonly importResultHead: Locator;
  // sync folder
  readonly folderSection: Locator;
  // backups
  readonly backupsSection: Locator;
  readonly backUpNowButton: Locator;
  readonly backupMessage: Locator;
  readonly backupsTable: Locator;
  readonly backupRows: Locator;
  readonly restoreDialog: Locator;
  readonly restoreConfirmButton: Locator;
  readonly restoreCancelButton: Locator;
  // devices
  readonly devicesSection: Locator;
  readonly deviceName: Locator;
  readonly otherDevicesTable: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { name: 'Sync & backups', level: 1 });
    this.navLink = this.shell.nav.getByRole('link', { name: /^Sync\b/ });
    this.navConflictCount = this.navLink.getByLabel(/^\d+ conflicts? to review$/);

    this.conflictsSection = this.main.getByRole('region', { name: /^Conflicts to review/ });
    this.conflictsTable = this.conflictsSection.getByRole('table', { name: 'Conflicts to review' });
    this.conflictRows = this.conflictsTable.getByRole('row').filter({ has: page.getByRole('cell') });
    this.noConflicts = this.conflictsSection.getByText(/^No conflicts\. When two devices change the same field/);

    this.exportSection = this.main.getByRole('region', { name: 'Export a sync file' });
    this.exportDevice = this.exportSection.getByLabel('Device', { exact: true });
    this.exportAccount = this.exportSection.getByLabel('Account', { exact: true });
    this.noPeersNotice = this.exportSection.getByText('No other device has sent this one a file yet. Export everything the first time.');
    this.encrypt = this.exportSection.getByRole('checkbox', { name: 'Protect the file with a passphrase (AES-256)' });
    this.exportPassphrase = this.exportSection.getByLabel('Passphrase', { exact: true });
    this.exportPassphraseAgain = this.exportSection.getByLabel('Passphrase again', { exact: true });
    this.exportButton = this.exportSection.getByRole('button', { name: 'Export file…' });
    // "Saved “<file name>”: <n> records, <size>." (the spinner is a status too, named "Preparing the file…")
    this.exportResult = this.exportSection.getByRole('status').filter({ hasText: /^Saved “/ });

    this.importSection = this.main.getByRole('region', { name: 'Import a sync file' });
    this.chooseButton = this.importSection.getByRole('button', { name: 'Choose a file…' });
    this.importRefusal = this.importSection.getByRole('alert').filter({ hasText: / was not imported: / });
    this.preview = this.importSection.getByRole('group', { name: 'File to import' });
    this.importPassphrase = this.preview.getByLabel('Passphrase', { exact: true });
    this.mergeButton = this.preview.getByRole('button', { name: 'Merge into this device' });
    this.cancelImportButton = this.preview.getByRole('button', { name: 'Cancel' });
    this.importResult = this.importSection.getByRole('status').filter({ hasText: /^Merged the file from / });
    this.importResultHead = this.importResult.getByText(/^Merged the file from /);

    this.folderSection = this.main.getByRole('region', { name: 'Sync folder' });

    this.backupsSection = this.main.getByRole('region', { name: 'Backups' });
    this.backUpNowButton = this.backupsSection.getByRole('button', { name: 'Back up now' });
    this.backupMessage = this.backupsSection.getByRole('status').or(this.backupsSection.getByRole('alert'));
    this.backupsTable = this.backupsSection.getByRole('table', { name: 'Backups' });
    this.backupRows = this.backupsTable.getByRole('row').filter({ has: page.getByRole('cell') });
    this.restoreDialog = page.getByRole('alertdialog', { name: /^Restore the backup from .+\?$/ });
    this.restoreConfirmButton = this.restoreDialog.getByRole('button', { name: 'Replace with this backup' });
    this.restoreCancelButton = this.restoreDialog.getByRole('button', { name: 'Cancel' });

    this.devicesSection = this.main.getByRole('region', { name: 'Devices' });
    this.deviceName = this.devicesSection.getByLabel("This device's name", { exact: true });
    this.otherDevicesTable = this.devicesSection.getByRole('table', { name: 'Other devices' });
  }

  async goto(): Promise<void> {
    await this.shell.goto('#/sync');
    await expect(this.heading).toBeVisible();
  }

  /** The sidebar's "Sync" link. */
  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.navLink).toHaveAttribute('aria-current', 'page');
    await expect(this.heading).toBeVisible();
    await this.shell.waitReady();
  }

  // ---- this device ---------------------------------------------------------------------

  /**
   * Renames this device. The name is device-local bookkeeping (no "Saved" in the top bar),
   * so the Sync page is left and opened again until the field shows the stored name.
   */
  async setDeviceName(name: string): Promise<void> {
    await this.deviceName.fill(name);
    await this.deviceName.press('Enter');
    await this.shell.nav.getByRole('link', { name: 'Accounts', exact: true }).click();
    await expect(this.heading).toBeHidden();
    await this.open();
    await expect(this.deviceName).toHaveValue(name);
  }

  /** A row of "Other devices" (devices this one has imported a file from). */
  otherDevice(name: string): Locator {
    return this.otherDevicesTable.getByRole('row').filter({ has: this.page.getByRole('cell').getByText(name, { exact: true }) });
  }

  // ---- export --------------------------------------------------------------------------

  /** The radio of an export choice; its name also holds the hint under it. */
  exportChoice(what: ExportWhat): Locator {
    return this.exportSection.getByRole('radio', { name: new RegExp(`^${escapeRe(what)}\\b`) });
  }

  /** Fills the export form without exporting: the choice, its device or account, and the passphrase. */
  async fillExport(opts: ExportOptions): Promise<void> {
    await this.exportChoice(opts.what).check();
    if (opts.device !== undefined) await this.exportDevice.selectOption({ label: opts.device });
    if (opts.account !== undefined) await this.exportAccount.selectOption({ label: opts.account });
    if (opts.passphrase !== undefined) {
      await this.encrypt.check();
      await this.exportPassphrase.fill(opts.passphrase);
      await this.exportPassphraseAgain.fill(opts.passphraseAgain ?? opts.passphrase);
    } else {
      await this.encrypt.uncheck();
    }
  }

  /**
   * Exports a sync file: fills the form, presses "Export file…", and saves the download
   * into the test's output folder. Resolves with the saved file's path.
   */
  async exportFile(opts: ExportOptions): Promise<string> {
    await this.fillExport(opts);
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    const d = await download;
    const name = d.suggestedFilename();
    expect(name).toMatch(/^Waypoint .+ \d{4}-\d{2}-\d{2}\.wpsync$/);
    const path = test.info().outputPath(`${String(++saved).padStart(2, '0')}-${name}`);
    await d.saveAs(path);
    await expect(this.exportResult).toContainText(`Saved “${name}”: `);
    return path;
  }

  /** Asserts the export form shows `message` next to a field: an alert that describes it, with the field marked invalid. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }

  // ---- import --------------------------------------------------------------------------

  /** "Choose a file…" and hands the file chooser a path or an in-memory file. */
  async chooseFile(file: string | FilePayload): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.chooseButton.click();
    await (await chooser).setFiles(file);
  }

  /** A value in the import preview, e.g. "From" → the sending device's name. */
  previewValue(term: PreviewTerm): Locator {
    return this.preview
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRe(term)}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** The number of records the previewed file holds ("Everything · 1,234 records"). */
  async previewRecords(): Promise<number> {
    const holds = (await this.previewValue('Holds').textContent()) ?? '';
    const m = /([\d,]+) records?$/.exec(holds);
    expect(m, `"Holds" should end with a record count: ${holds}`).not.toBeNull();
    return Number(m![1]!.replace(/,/g, ''));
  }

  /** "Merge into this device" on the preview, and waits for the result summary. */
  async merge(): Promise<void> {
    await this.mergeButton.click();
    await expect(this.importResult).toBeVisible();
    await expect(this.preview).toBeHidden();
  }

  /** Chooses a file, types its passphrase when it has one, merges it and waits for the summary. */
  async importFile(file: string | FilePayload, passphrase?: string): Promise<void> {
    await this.chooseFile(file);
    await expect(this.preview).toBeVisible();
    if (passphrase !== undefined) await this.importPassphrase.fill(passphrase);
    await this.merge();
  }

  /** "Merged the file from <device>: <n> added, <n> updated, <n> deleted. No conflicts." */
  async expectImportResult(r: ImportCounts): Promise<void> {
    const conflicts = r.conflicts ?? 0;
    const tail = conflicts === 0 ? 'No conflicts.' : `${fmt(conflicts)} ${plural(conflicts, 'conflict', 'conflicts')} to review above.`;
    await expect(this.importResultHead).toHaveText(
      `Merged the file from ${r.from}: ${fmt(r.added)} added, ${fmt(r.updated)} updated, ${fmt(r.deleted)} deleted. ${tail}`,
    );
  }

  /** The per-table lines under the result ("Account: 1 added, 1 updated"). */
  importResultTables(): Locator {
    return this.importResult.getByRole('listitem');
  }

  /** The sentence a refused file gets: "“<name>” was not imported: <reason>". */
  async expectRefused(fileName: string, reason: string | RegExp): Promise<void> {
    const text =
      typeof reason === 'string'
        ? `“${fileName}” was not imported: ${reason}`
        : new RegExp(`^“${escapeRe(fileName)}” was not imported: ${reason.source}`);
    await expect(this.importRefusal).toHaveText(text);
    await expect(this.preview).toBeHidden();
  }

  // ---- conflicts -----------------------------------------------------------------------

  /** The conflict row of one field of a record, found by its "Use the other value" button. */
  conflictRow(name: string, field: string): Locator {
    return this.conflictRows.filter({
      has: this.page.getByRole('button', { name: `Use the other value for ${field} of ${name}`, exact: true }),
    });
  }

  conflictCell(name: string, field: string, column: ConflictColumn): Locator {
    return this.conflictRow(name, field).getByRole('cell').nth(CONFLICT_COLUMNS.indexOf(column));
  }

  /** "Use this value" (named "Use the other value for <field> of <name>"). */
  useOtherValueButton(name: string, field: string): Locator {
    return this.conflictsTable.getByRole('button', { name: `Use the other value for ${field} of ${name}`, exact: true });
  }

  /** "Keep current" (named "Keep the current <field> of <name>"). */
  keepCurrentButton(name: string, field: string): Locator {
    return this.conflictsTable.getByRole('button', { name: `Keep the current ${field} of ${name}`, exact: true });
  }

  /** Takes the value that lost back: it becomes a new edit, and the conflict leaves the list. */
  async useOtherValue(name: string, field: string): Promise<void> {
    await this.useOtherValueButton(name, field).click();
    await expect(this.conflictRow(name, field)).toHaveCount(0);
    await this.shell.waitSaved();
  }

  // ---- backups -------------------------------------------------------------------------

  /** Backup rows of one kind ("Made by you", "Before an import"…), newest first. */
  backupsOfKind(kind: BackupKindLabel): Locator {
    return this.backupRows.filter({ has: this.page.getByRole('cell', { name: kind, exact: true }) });
  }

  backupCell(row: Locator, column: BackupColumn): Locator {
    return row.getByRole('cell').nth(BACKUP_COLUMNS.indexOf(column));
  }

  /** "Back up now": waits for "Backed up <n> records (<size>)." and the new "Made by you" row. */
  async backUpNow(): Promise<void> {
    const before = await this.backupsOfKind('Made by you').count();
    await this.backUpNowButton.click();
    await expect(this.backupMessage).toHaveText(/^Backed up [\d,]+ records \(.+\)\.$/);
    await expect(this.backupsOfKind('Made by you')).toHaveCount(before + 1);
  }

  /** "Restore…" on a backup row (named "Restore the backup from <when>"): opens the confirmation. */
  async openRestore(row: Locator): Promise<void> {
    await row.getByRole('button', { name: /^Restore the backup from / }).click();
    await expect(this.restoreDialog).toBeVisible();
  }

  /** Confirms the open restore dialog and waits for "Restored the backup from …". */
  async confirmRestore(): Promise<void> {
    await this.restoreConfirmButton.click();
    await expect(this.restoreDialog).toBeHidden();
    await expect(this.backupMessage).toHaveText(/^Restored the backup from .+\. A backup of what it replaced is in the list\.$/);
  }

  /** Restores a backup row: "Restore…", then "Replace with this backup". */
  async restore(row: Locator): Promise<void> {
    await this.openRestore(row);
    await this.confirmRestore();
  }
}
