import { expect, type Locator, type Page } from '@playwright/test';

/** Ctrl+K: jump to an account or run a command. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    // cmdk gives its input aria-labelledby → its own label ("Command palette"), which
    // overrides the app's aria-label "Search accounts or type a command" (see report);
    // the placeholder carries that text, and the dialog holds a single combobox.
    this.input = this.dialog.getByRole('combobox').and(this.dialog.getByPlaceholder('Search accounts or type a command'));
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

  /**
   * Types a query and waits until the best match is the highlighted first option
   * (results follow the query through a deferred render), then Enter runs it.
   */
  async search(query: string, expectFirst: string | RegExp): Promise<void> {
    await this.input.fill(query);
    await expect(this.options.first()).toContainText(expectFirst);
    await expect(this.options.first()).toHaveAttribute('aria-selected', 'true');
  }

  async runFirst(): Promise<void> {
    await this.input.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
