import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type ColumnLabel = 'Account' | 'Owner' | 'Size' | 'Bucket' | 'ARR' | 'Potential ARR' | 'Penetration' | 'Renewal' | 'Updated';
export type MoneyColumn = Extract<ColumnLabel, 'ARR' | 'Potential ARR'>;
const MONEY_CELL: Record<MoneyColumn, number> = { ARR: 4, 'Potential ARR': 5 };

/** The accounts list (an ARIA grid) with its filters, and the welcome screen before any account exists. */
export class AccountsListPage {
  readonly shell: AppShell;
  readonly emptyHeading: Locator;
  readonly loadSampleButton: Locator;
  readonly newAccountButton: Locator;
  readonly heading: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly filterText: Locator;
  readonly sizeFilter: Locator;
  readonly bucketFilter: Locator;
  readonly ownerFilter: Locator;
  readonly clearFilters: Locator;
  readonly noMatchHeading: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    const main = page.getByRole('main');
    this.emptyHeading = main.getByRole('heading', { name: 'Plan your largest accounts, offline' });
    this.loadSampleButton = main.getByRole('button', { name: 'Load sample workspace' });
    this.newAccountButton = main.getByRole('button', { name: /^New account/ });
    this.heading = main.getByRole('heading', { name: 'Accounts', level: 1 });
    this.grid = main.getByRole('grid', { name: 'Accounts' });
    // Data rows only: the header row holds column headers, not grid cells.
    this.rows = this.grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    this.filterText = main.getByRole('searchbox', { name: 'Filter accounts' });
    this.sizeFilter = main.getByRole('combobox', { name: 'Size class' });
    this.bucketFilter = main.getByRole('combobox', { name: 'Portfolio bucket' });
    this.ownerFilter = main.getByRole('combobox', { name: 'Owner' });
    this.clearFilters = main.getByRole('button', { name: 'Clear filters' }).first();
    this.noMatchHeading = main.getByRole('heading', { name: 'No accounts match' });
  }

  async goto(): Promise<void> {
    await this.shell.goto('#/accounts');
  }

  /** The sidebar's "Accounts" link (no reload). */
  async openFromNav(): Promise<void> {
    await this.shell.nav.getByRole('link', { name: 'Accounts', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** From the welcome screen: "Load sample workspace", then wait for the 12 accounts. */
  async loadSample(): Promise<void> {
    await expect(this.emptyHeading).toBeVisible();
    await this.loadSampleButton.click();
    await this.shell.waitSaved();
    await this.expectCount(12, 12);
  }

  /** The grid's footer, e.g. "3 of 12 accounts" (a polite live region). */
  countText(): Locator {
    return this.page.getByText(/^[\d,]+ of [\d,]+ accounts$/);
  }

  async expectCount(shown: number, total: number): Promise<void> {
    await expect(this.countText()).toHaveText(`${shown} of ${total} accounts`);
    await expect(this.rows).toHaveCount(shown);
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The club badge in an account's name cell ("Club member", "Club invited", "Club candidate"; none for alumni); its text follows an icon. */
  clubBadge(name: string): Locator {
    return this.row(name).getByText(/^\s*Club (candidate|invited|member|alumni)$/);
  }

  /** Account names in display order (each row's first link: a money cell may hold a link too). */
  /** The names in the list, top to bottom, once it has loaded (every caller expects at least one). */
  async names(): Promise<string[]> {
    await this.rows.first().waitFor();
    const out: string[] = [];
    const n = await this.rows.count();
    for (let i = 0; i < n; i++) out.push((await this.rows.nth(i).getByRole('link').first().textContent()) ?? '');
    return out;
  }

  /** An account's ARR or potential ARR cell: the amount in its own currency, below it "≈ €…" or the no-rate link. */
  moneyCell(name: string, column: MoneyColumn): Locator {
    return this.row(name).getByRole('gridcell').nth(MONEY_CELL[column]);
  }

  /** The link in a money cell saying the account's currency has no exchange rate (it opens Settings). */
  noRateLink(name: string, column: MoneyColumn, currency: string): Locator {
    return this.moneyCell(name, column).getByRole('link', {
      name: `No exchange rate for ${currency}: add one in Settings, under Workspace`,
      exact: true,
    });
  }

  /** The Owner cell of an account's row (the cell after the name; "—" when there is no owner). */
  ownerCell(name: string): Locator {
    return this.row(name).getByRole('gridcell').nth(1);
  }

  /** Every row as "<name> · <owner>", in display order. */
  async namesAndOwners(): Promise<string[]> {
    const out: string[] = [];
    const n = await this.rows.count();
    for (let i = 0; i < n; i++) {
      const row = this.rows.nth(i);
      out.push(
        `${(await row.getByRole('link').first().textContent())?.trim()} · ${(await row.getByRole('gridcell').nth(1).textContent())?.trim()}`,
      );
    }
    return out;
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('textbox', { name: 'Account name' })).toHaveValue(name);
  }

  columnHeader(label: ColumnLabel): Locator {
    return this.grid.getByRole('columnheader', { name: label, exact: true });
  }

  async sortBy(label: ColumnLabel): Promise<void> {
    await this.columnHeader(label).getByRole('button').click();
  }

  async filter(text: string): Promise<void> {
    await this.filterText.fill(text);
  }
}
