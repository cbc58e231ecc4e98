import { expect, type Locator, type Page } from '@playwright/test';

export interface NewItemInput {
  readonly title: string;
  readonly quarter: string;
  readonly effort: string;
  readonly theme?: string;
  readonly onStrategy?: boolean;
}

/** "New item" on the Roadmap: title, theme, planned quarter, effort and whether it is on strategy. */
export class NewItemDialog {
  readonly dialog: Locator;
  readonly title: Locator;
  readonly theme: Locator;
  readonly quarter: Locator;
  readonly effort: Locator;
  readonly onStrategy: Locator;
  readonly create: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New roadmap item' });
    this.title = this.dialog.getByLabel('Title', { exact: true });
    this.theme = this.dialog.getByLabel('Theme', { exact: true });
    this.quarter = this.dialog.getByLabel('Planned quarter', { exact: true });
    this.effort = this.dialog.getByLabel('Effort (engineer-months)', { exact: true });
    // The checkbox's label also carries its hint ("On strategy — we would build it anyway; …").
    this.onStrategy = this.dialog.getByRole('checkbox', { name: /^On strategy/ });
    this.create = this.dialog.getByRole('button', { name: 'Add to roadmap' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async fill(input: NewItemInput): Promise<void> {
    await this.title.fill(input.title);
    if (input.theme !== undefined) await this.theme.fill(input.theme);
    await this.quarter.fill(input.quarter);
    await this.effort.fill(input.effort);
    if (input.onStrategy !== undefined) await this.onStrategy.setChecked(input.onStrategy);
  }

  /**
   * Asserts a field shows `message` next to it: an alert that is the field's accessible
   * description, with the field marked invalid.
   */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
    await expect(this.dialog.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }
}
