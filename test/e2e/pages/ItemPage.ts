import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type ImportanceLabel = 'Nice to have' | 'Important' | 'Critical';
export type ItemFigureLabel = 'ARR-weighted demand' | 'Accounts asking' | 'Planned quarter' | 'Effort';

/** One roadmap item (#/roadmap/item/<id>): title, figures, requests, its quotes and the details panel. */
export class ItemPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly title: Locator;
  readonly figures: Locator;
  readonly requests: Locator;
  readonly requestsTable: Locator;
  readonly addRequestForm: Locator;
  readonly requestAccount: Locator;
  readonly requestImportance: Locator;
  readonly requestNote: Locator;
  readonly addRequestButton: Locator;
  readonly quotes: Locator;
  readonly quotesTable: Locator;
  readonly newQuoteButton: Locator;
  readonly details: Locator;
  readonly onStrategy: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.title = this.main.getByRole('textbox', { name: 'Title', exact: true });
    this.figures = this.main.locator('dl').filter({ has: page.getByRole('term') });
    this.requests = this.main.getByRole('region', { name: 'Requests', exact: true });
    this.requestsTable = this.requests.getByRole('table', { name: 'Requests' });
    this.addRequestForm = this.requests.getByRole('form', { name: 'Add request' });
    this.requestAccount = this.addRequestForm.getByLabel('Account', { exact: true });
    this.requestImportance = this.addRequestForm.getByLabel('Importance', { exact: true });
    this.requestNote = this.addRequestForm.getByLabel('Note', { exact: true });
    this.addRequestButton = this.addRequestForm.getByRole('button', { name: 'Add request' });
    this.quotes = this.main.getByRole('region', { name: 'Acceleration quotes' });
    this.quotesTable = this.quotes.getByRole('table', { name: 'Acceleration quotes' });
    this.newQuoteButton = this.quotes.getByRole('button', { name: 'New quote' });
    this.details = this.main.getByRole('region', { name: 'Details' });
    // The checkbox's label also carries its hint ("On strategy — we would build it anyway; …").
    this.onStrategy = this.details.getByRole('checkbox', { name: /^On strategy/ });
  }

  /** Waits until the page of the item called `title` is shown. */
  async expectOpen(title: string): Promise<void> {
    await expect(this.title).toHaveValue(title);
    await expect(this.main.getByRole('heading', { name: title, level: 1 })).toBeAttached();
  }

  /** The value (<dd>) of a figure in the header. */
  figure(label: ItemFigureLabel): Locator {
    return this.figures
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** A field of the Details panel by its label ("Planned quarter", "Effort (engineer-months)"). */
  detail(label: string): Locator {
    return this.details.getByLabel(label, { exact: true });
  }

  /** The row of an account's request in the requests table. */
  requestRow(account: string): Locator {
    return this.requestsTable.getByRole('row').filter({ has: this.page.getByRole('link', { name: account, exact: true }) });
  }

  /** What a request adds to demand (the row's "Adds to demand" cell). */
  requestWeighted(account: string): Locator {
    return this.requestRow(account).getByRole('cell').nth(4);
  }

  /** The table footer: the item's ARR-weighted demand. */
  requestsTotal(): Locator {
    return this.requestsTable
      .getByRole('row', { name: /^ARR-weighted demand/ })
      .getByRole('cell')
      .first();
  }

  /** Fills the "Add request" form (Account, Importance, Note), presses "Add request" and waits for the row. */
  async addRequest(account: string, importance: ImportanceLabel, note = ''): Promise<void> {
    await this.requestAccount.selectOption({ label: account });
    await this.requestImportance.selectOption({ label: importance });
    await this.requestNote.fill(note);
    await this.addRequestButton.click();
    await expect(this.requestRow(account)).toBeVisible();
    await this.shell.waitSaved();
    // The form resets once the request is added.
    await expect(this.requestAccount).toHaveValue('');
  }

  /** Checks or unchecks "On strategy"; it is controlled by the database, so wait for the state. */
  async setOnStrategy(on: boolean): Promise<void> {
    await expect(this.onStrategy).toBeChecked({ checked: !on });
    await this.onStrategy.click();
    await expect(this.onStrategy).toBeChecked({ checked: on });
    await this.shell.waitSaved();
  }
}
