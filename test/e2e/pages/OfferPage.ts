import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type OfferFieldLabel = 'List price per year' | 'Term' | 'Discount the buyer asks for' | 'Club seat cost per year';
export type OfferRowLabel =
  'Total contract value' | 'Discount given' | 'Club cost' | 'Net revenue' | 'What it costs us' | 'Difference against A';
export type OfferStatusLabel = 'Status: draft' | 'Status: presented' | 'Status: chosen';

/** The default options of a new offer (offer.option.a/b/c). */
export const OPTION_A = 'A · Price held + seat';
export const OPTION_B = 'B · Discount, no seat';
export const OPTION_C = 'C · Smaller discount + seat';

/**
 * A club offer (#/offers/<id>): "The negotiation" (list price, term, asked discount, seat cost;
 * inline fields that autosave) and "Options over N years": a table with one column per option
 * (name, discount, club seat), one row per figure, the "Best for us" column, the break-even
 * discount and the recommendation sentence.
 */
export class OfferPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly name: Locator;
  readonly status: Locator;
  readonly statusBadge: Locator;
  readonly terms: Locator;
  readonly comparison: Locator;
  readonly table: Locator;
  readonly bestColumn: Locator;
  readonly breakEven: Locator;
  readonly recommendation: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.name = this.main.getByRole('textbox', { name: 'Offer name', exact: true });
    this.status = this.main.getByRole('combobox', { name: 'Offer status', exact: true });
    // The badge under the name; the select's options read "Status: draft", so they do not match.
    this.statusBadge = this.main.getByText(/^(Draft|Presented|Chosen)$/);
    this.terms = this.main.getByRole('region', { name: 'The negotiation' });
    this.comparison = this.main.getByRole('region', { name: /^Options over \d+ years?$/ });
    this.table = this.comparison.getByRole('table', { name: 'Options side by side' });
    // The best option's column header carries the tag "Best for us".
    this.bestColumn = this.table.getByRole('columnheader').filter({ hasText: 'Best for us' });
    this.breakEven = this.comparison
      .getByRole('term')
      .filter({ hasText: /^Break-even discount$/ })
      .locator('xpath=following-sibling::dd[1]');
    this.recommendation = this.comparison.getByRole('status');
    this.printButton = this.main.getByRole('button', { name: 'Print offer sheet…', exact: true });
  }

  /** "Print offer sheet…" → internal or customer version: in the browser the sheet opens in a new tab, which is returned. */
  async printSheet(audience: 'internal' | 'customer' = 'internal'): Promise<Page> {
    const tab = this.page.context().waitForEvent('page');
    await this.printButton.click();
    const item =
      audience === 'internal' ? 'Internal: with our cost and the option best for us' : 'For the customer: options and prices only';
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
    return tab;
  }

  /** Waits until the page of the offer called `name` for `account` is shown. */
  async expectOpen(name: string, account: string): Promise<void> {
    await expect(this.name).toHaveValue(name);
    await expect(this.main.getByRole('heading', { name, level: 1 })).toBeAttached();
    await expect(this.accountLink(account)).toBeVisible();
  }

  /** "Club offer · <account>": the account's name links back to its Offers tab. */
  accountLink(account: string): Locator {
    return this.main.getByRole('link', { name: account, exact: true });
  }

  /** An input of "The negotiation" by its label. */
  field(label: OfferFieldLabel): Locator {
    return this.terms.getByLabel(label, { exact: true });
  }

  /** Types into a field of the negotiation, commits it with Enter and waits for "Saved". */
  async setField(label: OfferFieldLabel, value: string): Promise<void> {
    const f = this.field(label);
    await f.fill(value);
    await f.press('Enter');
    await this.shell.waitSaved();
  }

  /** The name of option n (1-based), in its column header. */
  optionName(n: number): Locator {
    return this.table.getByRole('textbox', { name: `Name of option ${n}`, exact: true });
  }

  /** An option's discount in percent, "Discount of <option>". */
  optionDiscount(option: string): Locator {
    return this.table.getByRole('textbox', { name: `Discount of ${option}`, exact: true });
  }

  /** An option's checkbox "<option> includes a club seat". */
  optionSeat(option: string): Locator {
    return this.table.getByRole('checkbox', { name: `${option} includes a club seat`, exact: true });
  }

  /** Types an option's discount, commits it with Enter and waits for "Saved". */
  async setOptionDiscount(option: string, percent: string): Promise<void> {
    const f = this.optionDiscount(option);
    await f.fill(percent);
    await f.press('Enter');
    await this.shell.waitSaved();
  }

  /** A figure's row: its row header starts with the figure's name (the formula follows it). */
  row(label: OfferRowLabel): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
  }

  /** The amounts of a figure's row, one cell per option, left to right. */
  cells(label: OfferRowLabel): Locator {
    return this.row(label).getByRole('cell');
  }

  async setStatus(label: OfferStatusLabel): Promise<void> {
    await this.status.selectOption({ label });
    await this.shell.waitSaved();
  }
}
