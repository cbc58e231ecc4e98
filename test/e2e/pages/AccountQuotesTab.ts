import { expect, type Locator, type Page } from '@playwright/test';

/** The Quotes tab of an account: the acceleration quotes it funds (with its own share) and its roadmap requests. */
export class AccountQuotesTab {
  readonly tab: Locator;
  readonly quotes: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly emptyHeading: Locator;
  readonly requests: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.tab = main.getByRole('tablist', { name: 'Account sections' }).getByRole('tab', { name: 'Quotes', exact: true });
    this.quotes = main.getByRole('region', { name: 'Acceleration quotes this account funds' });
    this.table = this.quotes.getByRole('table', { name: 'Acceleration quotes' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.emptyHeading = this.quotes.getByRole('heading', { name: 'No acceleration quotes' });
    this.requests = main.getByRole('region', { name: 'Roadmap requests' });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  /** A quote's row: the item title is the link and the quote name is under it. */
  row(itemTitle: string, quoteName: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: itemTitle, exact: true }) }).filter({ hasText: quoteName });
  }

  columnIndex(header: string): Promise<number> {
    return this.table.getByRole('columnheader').evaluateAll((ths, h) => ths.findIndex((th) => th.textContent?.trim() === h), header);
  }

  /** The cell of a quote's row under a column header ("Price", "This account pays"). */
  async cell(itemTitle: string, quoteName: string, header: string): Promise<Locator> {
    const i = await this.columnIndex(header);
    expect(i, `column "${header}"`).toBeGreaterThanOrEqual(0);
    return this.row(itemTitle, quoteName).getByRole('cell').nth(i);
  }
}
