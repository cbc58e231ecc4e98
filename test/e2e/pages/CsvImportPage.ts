import { expect, type Locator, type Page } from '@playwright/test';

export interface CsvFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Accounts → Import CSV: the four steps, by roles and labels. */
export class CsvImportPage {
  readonly heading: Locator;
  readonly chooseButton: Locator;
  readonly files: Locator;
  readonly nextColumns: Locator;
  readonly nextCheck: Locator;
  readonly importButton: Locator;
  readonly refusedTable: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Import from CSV', level: 1 });
    this.chooseButton = page.getByRole('button', { name: 'Choose files…' });
    this.files = page.getByRole('list', { name: 'Files to import' }).getByRole('listitem');
    this.nextColumns = page.getByRole('button', { name: 'Next: columns' });
    this.nextCheck = page.getByRole('button', { name: 'Next: check' });
    this.importButton = page.getByRole('button', { name: /^Import \d/ });
    this.refusedTable = page.getByRole('table', { name: 'Rows left out' });
    this.done = page.getByRole('heading', { name: 'Imported' });
  }

  async openFromAccounts(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import CSV' }).first().click();
    await expect(this.heading).toBeVisible();
  }

  async choose(files: readonly CsvFile[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.chooseButton.click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: buffer(f.bytes) })));
    for (const f of files) await expect(this.file(f.name).getByText(/\d+ rows?/)).toBeVisible();
  }

  file(name: string): Locator {
    return this.page.getByRole('listitem', { name, exact: true });
  }

  /** The Waypoint field chosen for a column of a file, as the select shows it. */
  fieldSelect(fileName: string, column: string): Locator {
    return this.region(fileName).getByRole('combobox', { name: `Waypoint field for “${column}”` });
  }

  /** A file's columns card (its heading is the file name and the kind of records). */
  region(fileName: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }

  counts(kind: 'Accounts' | 'Contacts' | 'Reports-to lines'): Locator {
    return this.page.getByRole('group', { name: kind });
  }

  async count(kind: 'Accounts' | 'Contacts' | 'Reports-to lines', label: string): Promise<number> {
    const dd = this.counts(kind)
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
    return Number((await dd.innerText()).replace(/[^\d]/g, ''));
  }
}
