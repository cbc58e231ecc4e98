import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type SplitLabel = 'Split equally' | 'Split by ARR' | 'Custom shares';
export type QuoteFigureLabel = 'Total price' | 'Vendor cost' | 'Vendor margin' | 'Funders' | 'Guardrail warnings';

/**
 * An acceleration quote (#/quotes/<id>): its terms on the left (inline fields that autosave),
 * "How the price is built", "Price per funder", "Guardrails" and "Quarter shift" on the right.
 */
export class QuotePage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly name: Locator;
  readonly status: Locator;
  readonly figures: Locator;
  readonly terms: Locator;
  readonly funders: Locator;
  readonly sharesTotal: Locator;
  readonly calculation: Locator;
  readonly calcTable: Locator;
  readonly perFunder: Locator;
  readonly perFunderTable: Locator;
  readonly remainder: Locator;
  readonly noSplit: Locator;
  readonly guardrails: Locator;
  readonly guardrailItems: Locator;
  readonly noGuardrail: Locator;
  readonly shift: Locator;
  /** "Print…": a menu with the internal version and, per funder, "For <name>: customer version (their price only)". */
  readonly printMenuButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.name = this.main.getByRole('textbox', { name: 'Quote name', exact: true });
    this.status = this.main.getByRole('combobox', { name: 'Quote status' });
    this.figures = this.main.locator('dl').filter({ has: page.getByRole('term') });
    this.terms = this.main.getByRole('region', { name: 'Terms of the acceleration' });
    this.funders = this.terms.getByRole('group', { name: 'Funding accounts' });
    this.sharesTotal = this.funders.getByRole('status');
    this.calculation = this.main.getByRole('region', { name: 'How the price is built' });
    this.calcTable = this.calculation.getByRole('table', { name: 'Price calculation' });
    this.perFunder = this.main.getByRole('region', { name: 'Price per funder' });
    this.perFunderTable = this.perFunder.getByRole('table', { name: 'Price per funder' });
    this.remainder = this.perFunder.getByText(/^Shares are rounded down to the cent; /);
    this.noSplit = this.perFunder.getByText('No price per funder while a blocking problem stands: see the guardrails.');
    this.guardrails = this.main.getByRole('region', { name: 'Guardrails' });
    this.guardrailItems = this.guardrails.getByRole('list', { name: 'Guardrails' }).getByRole('listitem');
    this.noGuardrail = this.guardrails.getByText('No guardrail is tripped.');
    this.shift = this.main.getByRole('region', { name: 'Quarter shift' });
    this.printMenuButton = this.main.getByRole('button', { name: 'Print…', exact: true });
  }

  /** The items of the "Print…" menu, top to bottom (opens the menu). */
  async printMenuItems(): Promise<string[]> {
    await this.printMenuButton.click();
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    const items = (await menu.getByRole('menuitem').allTextContents()).map((s) => s.trim());
    await this.page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    return items;
  }

  /**
   * "Print…" → an item of the menu; in the browser the report opens in a new tab, which is
   * returned. `funder` picks that funder's customer version, none the internal version.
   */
  async print(funder?: string): Promise<Page> {
    const tab = this.page.context().waitForEvent('page');
    await this.printMenuButton.click();
    await this.page
      .getByRole('menuitem', {
        name:
          funder === undefined
            ? 'Internal: the whole quote, with our cost and margin'
            : `For ${funder}: customer version (their price only)`,
        exact: true,
      })
      .click();
    return tab;
  }

  /** Waits until the page of the quote called `name` is shown. */
  async expectOpen(name: string): Promise<void> {
    await expect(this.name).toHaveValue(name);
    await expect(this.main.getByRole('heading', { name, level: 1 })).toBeAttached();
  }

  /** The value (<dd>) of a figure in the header. */
  figure(label: QuoteFigureLabel): Locator {
    return this.figures
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** An inline field of the terms by its label ("Target quarter", "PM/QA overhead", "Share paid by <name>"). */
  field(label: string): Locator {
    return this.terms.getByLabel(label, { exact: true });
  }

  /** A funder's custom share (shown with "Custom shares" only). */
  share(account: string): Locator {
    return this.field(`Share paid by ${account}`);
  }

  /** Types into an inline field and commits it with Enter, then waits for "Saved". */
  async setField(label: string, value: string): Promise<void> {
    const f = this.field(label);
    await f.fill(value);
    await f.press('Enter');
    await this.shell.waitSaved();
  }

  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
    await expect(this.terms.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }

  splitRadio(label: SplitLabel): Locator {
    return this.terms.getByRole('group', { name: 'Split among funders' }).getByRole('radio', { name: label, exact: true });
  }

  /** Picks a split mode (saved at once) and waits for the radio to follow the database. */
  async chooseSplit(label: SplitLabel): Promise<void> {
    await this.splitRadio(label).click();
    await expect(this.splitRadio(label)).toBeChecked();
    await this.shell.waitSaved();
  }

  /** A line of "How the price is built": its row header starts with the line's label. */
  calcLine(label: string): Locator {
    return this.calcTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) });
  }

  /** The amount of a calculation line. */
  calcAmount(label: string): Locator {
    return this.calcLine(label).getByRole('cell');
  }

  /** A funder's row in "Price per funder": cells Basis, Share, Pays. */
  funderRow(account: string): Locator {
    return this.perFunderTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: account, exact: true }) });
  }

  /** What a funder pays (the last cell of its row). */
  pays(account: string): Locator {
    return this.funderRow(account).getByRole('cell').last();
  }

  /** The footer of "Price per funder": "Price to the funders". */
  splitTotal(): Locator {
    return this.perFunderTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: 'Price to the funders', exact: true }) })
      .getByRole('cell');
  }

  /** A guardrail by its title, e.g. "Not on strategy". */
  guardrail(title: string): Locator {
    return this.guardrailItems.filter({ hasText: title });
  }
}
