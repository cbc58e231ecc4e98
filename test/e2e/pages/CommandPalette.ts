import { expect, type Locator, type Page } from '@playwright/test';

/** Ctrl+K: jump to an account or run a command. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.input = this.dialog.getByRole('combobox', { name: 'Search accounts and people, or type a command' });
    this.options = this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  option(name: string | RegExp): Locator {
    return this.options.filter({ hasText: name });
  }

  /** Types a query (at once, as a paste or a fast typist does) and waits for the results to follow it. */
  async search(query: string, expectFirst: string | RegExp): Promise<void> {
    await this.input.fill(query);
    await expect(this.options.first()).toContainText(expectFirst);
  }

  /** Runs the single result of the current query with Enter: the first result is always highlighted. */
  async runOnlyResult(name: string | RegExp): Promise<void> {
    await expect(this.options).toHaveCount(1);
    await expect(this.options.first()).toContainText(name);
    await expect(this.options.first()).toHaveAttribute('aria-selected', 'true');
    await this.input.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
