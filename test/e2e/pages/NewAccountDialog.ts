import { expect, type Locator, type Page } from '@playwright/test';
import type { SizeClassLabel } from './AccountPage';

export interface NewAccountInput {
  readonly name: string;
  readonly currency?: string;
  readonly sizeClass?: SizeClassLabel;
  readonly owner?: string;
}

/** The Ctrl+N dialog: the few facts an account needs to exist. */
export class NewAccountDialog {
  readonly dialog: Locator;
  readonly name: Locator;
  readonly currency: Locator;
  readonly sizeClass: Locator;
  readonly owner: Locator;
  readonly create: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New account' });
    this.name = this.dialog.getByLabel('Account name');
    this.currency = this.dialog.getByLabel('Currency');
    this.sizeClass = this.dialog.getByLabel('Size class');
    this.owner = this.dialog.getByLabel('Owner (our seller)');
    this.create = this.dialog.getByRole('button', { name: 'Create account' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+n');
    await expect(this.dialog).toBeVisible();
    await expect(this.name).toBeFocused();
  }

  async fill(input: NewAccountInput): Promise<void> {
    await this.name.fill(input.name);
    if (input.currency !== undefined) await this.currency.fill(input.currency);
    if (input.sizeClass !== undefined) await this.sizeClass.selectOption({ label: input.sizeClass });
    if (input.owner !== undefined) await this.owner.fill(input.owner);
  }

  /** Ctrl+N, fill, "Create account"; resolves once the new account's page shows its name. */
  async createAccount(input: NewAccountInput): Promise<void> {
    await this.openWithShortcut();
    await this.fill(input);
    await this.create.click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole('textbox', { name: 'Account name' })).toHaveValue(input.name);
  }
}
