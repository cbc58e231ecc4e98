import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type ClubViewLabel = 'Roster' | 'Retreats' | 'Offers' | 'Program';
export type MemberStatusLabel = 'Candidate' | 'Invited' | 'Member' | 'Alumni';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Club & retreats" (#/club/<view>): the program's name, the seat meter and "New retreat" in the
 * header, then four views: the roster (a table with a status select per account and the
 * "Add to roster" form), retreats, every offer, and the program (seat cap, benefits, seat cost).
 */
export class ClubPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly navLink: Locator;
  readonly summary: Locator;
  readonly seatMeter: Locator;
  readonly newRetreatButton: Locator;
  readonly views: Locator;
  // roster
  readonly rosterTable: Locator;
  readonly rosterRows: Locator;
  readonly rosterEmptyHeading: Locator;
  readonly addForm: Locator;
  readonly addAccount: Locator;
  readonly addStatus: Locator;
  readonly addButton: Locator;
  readonly addError: Locator;
  // retreats and offers
  readonly retreatsTable: Locator;
  readonly retreatRows: Locator;
  readonly offersTable: Locator;
  readonly offerRows: Locator;
  // program
  readonly seatCap: Locator;
  readonly newBenefit: Locator;
  readonly addBenefitButton: Locator;
  readonly seatCost: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.navLink = this.shell.nav.getByRole('link', { name: 'Club & retreats', exact: true });
    // "2 of 3 seats taken · 1 member · 0 retreats"
    this.summary = this.main.getByText(/^[\d,]+ of [\d,]+ seats taken · [\d,]+ members? · [\d,]+ retreats?$/);
    this.seatMeter = this.main.getByRole('img', { name: /^[\d,]+ of [\d,]+ seats taken$/ });
    this.newRetreatButton = this.main.getByRole('button', { name: 'New retreat', exact: true }).first();
    this.views = this.main.getByRole('tablist', { name: 'Club views' });

    this.rosterTable = this.main.getByRole('table', { name: 'Club roster' });
    this.rosterRows = this.rosterTable.getByRole('row').filter({ has: page.getByRole('rowheader') });
    this.rosterEmptyHeading = this.main.getByRole('heading', { name: 'No one on the roster yet' });
    this.addForm = this.main.getByRole('form', { name: 'Add to roster' });
    this.addAccount = this.addForm.getByLabel('Account', { exact: true });
    this.addStatus = this.addForm.getByLabel('Status', { exact: true });
    this.addButton = this.addForm.getByRole('button', { name: 'Add to roster' });
    this.addError = this.addForm.getByRole('alert');

    this.retreatsTable = this.main.getByRole('table', { name: 'Retreats' });
    this.retreatRows = this.retreatsTable.getByRole('row').filter({ has: page.getByRole('cell') });
    this.offersTable = this.main.getByRole('table', { name: 'Offers' });
    this.offerRows = this.offersTable.getByRole('row').filter({ has: page.getByRole('cell') });

    this.seatCap = this.main.getByLabel('Seat cap', { exact: true });
    this.newBenefit = this.main.getByLabel('New benefit', { exact: true });
    this.addBenefitButton = this.main.getByRole('button', { name: 'Add benefit' });
    // "A seat costs per year: €12,500.00"
    this.seatCost = this.main.getByText(/^A seat costs per year:/);
  }

  async goto(view: 'roster' | 'retreats' | 'offers' | 'program' = 'roster'): Promise<void> {
    await this.shell.goto(`#/club/${view}`);
  }

  /** The sidebar's "Club & retreats" link: the club opens on its roster. */
  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.navLink).toHaveAttribute('aria-current', 'page');
    await this.shell.waitReady();
    await expect(this.views).toBeVisible();
  }

  /** A view tab; Roster always carries a count badge, Retreats and Offers once they have one ("Roster 4"). */
  viewTab(view: ClubViewLabel): Locator {
    return this.views.getByRole('tab', { name: new RegExp(`^${escapeRe(view)}( [\\d,]+)?$`) });
  }

  async openView(view: ClubViewLabel): Promise<void> {
    await this.viewTab(view).click();
    await expect(this.viewTab(view)).toHaveAttribute('aria-selected', 'true');
  }

  // ---- program -----------------------------------------------------------------------

  /** Types the seat cap on the Program tab, commits it with Enter and waits for "Saved". */
  async setSeatCap(seats: string): Promise<void> {
    await this.seatCap.fill(seats);
    await this.seatCap.press('Enter');
    await this.shell.waitSaved();
  }

  /** The yearly cost per member of the n-th benefit (1-based). */
  benefitCost(n: number): Locator {
    return this.main.getByLabel('Yearly cost per member (EUR)', { exact: true }).nth(n - 1);
  }

  /** "Add benefit" with a name, then its yearly cost (Enter commits); waits for "Saved" each time. */
  async addBenefit(name: string, yearlyCost: string): Promise<void> {
    const before = await this.main.getByLabel('Benefit', { exact: true }).count();
    await this.newBenefit.fill(name);
    await this.addBenefitButton.click();
    await this.shell.waitSaved();
    await expect(this.main.getByLabel('Benefit', { exact: true })).toHaveCount(before + 1);
    await expect(this.main.getByLabel('Benefit', { exact: true }).nth(before)).toHaveValue(name);
    const cost = this.benefitCost(before + 1);
    await cost.fill(yearlyCost);
    await cost.press('Enter');
    await this.shell.waitSaved();
  }

  // ---- roster ------------------------------------------------------------------------

  /** An account's row on the roster; its name is the row header (a link to its Offers tab). */
  rosterRow(account: string): Locator {
    return this.rosterRows.filter({ has: this.page.getByRole('rowheader', { name: account, exact: true }) });
  }

  /** Account names in roster order (members, invited, candidates, alumni; by name within each). */
  rosterNames(): Locator {
    return this.rosterRows.getByRole('rowheader');
  }

  /** The status select of a roster row, "Club status of <account>". */
  statusSelect(account: string): Locator {
    return this.rosterTable.getByRole('combobox', { name: `Club status of ${account}`, exact: true });
  }

  /** The refusal shown under a row's status select (an alert). */
  statusError(account: string): Locator {
    return this.rosterRow(account).getByRole('alert');
  }

  /** The "Since" date of a roster row (a date input, so found by its label). */
  since(account: string): Locator {
    return this.rosterTable.getByLabel(`Member of the club since (for ${account})`, { exact: true });
  }

  /** Fills the "Add to roster" form and submits it; does not wait (the add may be refused). */
  async submitAdd(account: string, status: MemberStatusLabel): Promise<void> {
    await this.addAccount.selectOption({ label: account });
    await this.addStatus.selectOption({ label: status });
    await this.addButton.click();
  }

  /** Adds an account to the roster and waits for its row, with the status chosen, and for the form to reset. */
  async addToRoster(account: string, status: MemberStatusLabel): Promise<void> {
    await this.submitAdd(account, status);
    await expect(this.rosterRow(account)).toBeVisible();
    await expect(this.statusSelect(account)).toHaveValue(status.toLowerCase());
    await this.shell.waitSaved();
    await expect(this.addAccount).toHaveValue('');
    await expect(this.addError).toHaveCount(0);
  }

  /** Picks a roster row's status (saved at once) and waits for "Saved". */
  async changeStatus(account: string, status: MemberStatusLabel): Promise<void> {
    await this.statusSelect(account).selectOption({ label: status });
    await expect(this.statusSelect(account)).toHaveValue(status.toLowerCase());
    await this.shell.waitSaved();
  }

  // ---- retreats and offers -------------------------------------------------------------

  retreatRow(title: string): Locator {
    return this.retreatRows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** An offer's row in the club's Offers view: the account name is the link, the offer name under it. */
  offerRow(account: string): Locator {
    return this.offerRows.filter({ has: this.page.getByRole('link', { name: account, exact: true }) });
  }
}
