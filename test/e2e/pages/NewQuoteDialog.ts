import { expect, type Locator, type Page } from '@playwright/test';

export type StaffingLabel = 'Hire a planned engineer early' | 'Contractors';

/** "New quote": the item to pull forward, the target quarter, the funders and the staffing. */
export class NewQuoteDialog {
  readonly dialog: Locator;
  readonly item: Locator;
  readonly target: Locator;
  readonly funders: Locator;
  readonly addFunder: Locator;
  readonly name: Locator;
  readonly create: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New acceleration quote' });
    this.item = this.dialog.getByLabel('Item', { exact: true });
    this.target = this.dialog.getByLabel('Target quarter', { exact: true });
    this.funders = this.dialog.getByRole('group', { name: 'Funding accounts' });
    // A select whose first option is "Add a funder…".
    this.addFunder = this.funders.getByRole('combobox', { name: 'Add a funding account' });
    this.name = this.dialog.getByLabel('Quote name', { exact: true });
    this.create = this.dialog.getByRole('button', { name: 'Create quote' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.dialog).toBeVisible();
  }

  /**
   * A funder's checkbox. Its name is the account's name, followed by "asks for it"
   * when the account requested the item.
   */
  funder(account: string): Locator {
    return this.funders.getByRole('checkbox', { name: new RegExp(`^${account.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( asks for it)?$`) });
  }

  staffing(label: StaffingLabel): Locator {
    return this.dialog.getByRole('group', { name: 'Staffing' }).getByRole('radio', { name: label, exact: true });
  }

  /** Picks the item by its option label, "<title> · <planned quarter>". */
  async chooseItem(title: string, plannedQuarter: string): Promise<void> {
    await this.item.selectOption({ label: `${title} · ${plannedQuarter}` });
  }

  async setTarget(quarter: string): Promise<void> {
    await this.target.fill(quarter);
  }

  /** "Add a funder…": adds an account that did not ask for the item; it shows as a checked box. */
  async addFunderNamed(account: string): Promise<void> {
    await this.addFunder.selectOption({ label: account });
    await expect(this.funder(account)).toBeChecked();
  }

  /** Asserts a field shows `message` next to it (an alert that is its accessible description). */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
    await expect(this.dialog.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }

  /** "Create quote": the dialog closes and the new quote's page opens. */
  async submit(): Promise<void> {
    await this.create.click();
    await expect(this.dialog).toBeHidden();
  }
}
