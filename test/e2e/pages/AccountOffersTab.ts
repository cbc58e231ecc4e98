import { expect, type Locator, type Page } from '@playwright/test';

/** The Offers tab of an account: its club offers (with the best option for us) and "New offer". */
export class AccountOffersTab {
  readonly tab: Locator;
  readonly offers: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly emptyHeading: Locator;
  readonly newOfferButton: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.tab = main.getByRole('tablist', { name: 'Account sections' }).getByRole('tab', { name: 'Offers', exact: true });
    // The heading is "Offers", followed by the account's club badge when it is on the roster.
    this.offers = main.getByRole('region', { name: /^Offers/ });
    this.table = this.offers.getByRole('table', { name: 'Offers' });
    this.rows = this.table.getByRole('row').filter({ has: page.getByRole('cell') });
    this.emptyHeading = this.offers.getByRole('heading', { name: 'No offers yet' });
    // In the empty state, and in the section's head once an offer exists: never both.
    this.newOfferButton = this.offers.getByRole('button', { name: 'New offer', exact: true });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  /** An offer's row; on an account's tab the offer's name is the link. */
  row(offerName: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: offerName, exact: true }) });
  }
}
