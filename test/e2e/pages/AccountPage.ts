import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type SizeClassLabel = 'Elephant' | 'Deer' | 'Rabbit';
export type FigureLabel = 'ARR' | 'Potential ARR' | 'Penetration' | 'Profit contribution' | 'Health';

/** One account: name, key figures, Overview/Plans tabs, inline fields that autosave. */
export class AccountPage {
  readonly shell: AppShell;
  readonly name: Locator;
  readonly deleteButton: Locator;
  readonly tabs: Locator;
  readonly overviewTab: Locator;
  readonly plansTab: Locator;
  readonly checks: Locator;
  readonly figures: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.name = page.getByRole('textbox', { name: 'Account name' });
    this.deleteButton = page.getByRole('button', { name: 'Delete account' });
    this.tabs = page.getByRole('tablist', { name: 'Account sections' });
    this.overviewTab = this.tabs.getByRole('tab', { name: 'Overview' });
    // The Plans tab carries a count badge once plans exist ("Plans 1").
    this.plansTab = this.tabs.getByRole('tab', { name: /^Plans/ });
    this.checks = page.getByRole('region', { name: 'Checks' });
    this.figures = page
      .getByRole('main')
      .locator('dl')
      .filter({ has: page.getByRole('term') });
  }

  /** Waits until the page of the account called `name` is shown. */
  async expectOpen(name: string): Promise<void> {
    await expect(this.name).toHaveValue(name);
    await expect(this.shell.breadcrumb.getByText(name, { exact: true })).toBeVisible();
  }

  /** An inline field (input, select or textarea) by its label, e.g. "Actual ARR". */
  field(label: string): Locator {
    return this.page.getByRole('main').getByLabel(label, { exact: true });
  }

  /**
   * Asserts the field shows `message` next to it: an alert that is the field's
   * accessible description, with the field marked invalid.
   */
  async expectFieldError(label: string, message: string | RegExp): Promise<void> {
    const f = this.field(label);
    await expect(f).toHaveAttribute('aria-invalid', 'true');
    await expect(f).toHaveAccessibleDescription(message);
    await expect(this.page.getByRole('main').getByRole('alert').filter({ hasText: message })).toBeVisible();
  }

  async expectNoFieldError(label: string): Promise<void> {
    await expect(this.field(label)).not.toHaveAttribute('aria-invalid', 'true');
  }

  /** Types into an inline field and commits it with Enter, then waits for "Saved". */
  async setField(label: string, value: string): Promise<void> {
    const f = this.field(label);
    await f.fill(value);
    await f.press('Enter');
    await this.shell.waitSaved();
  }

  /** Picks an option of an inline select (saves on change), then waits for "Saved". */
  async selectField(label: string, option: string): Promise<void> {
    await this.field(label).selectOption({ label: option });
    await this.shell.waitSaved();
  }

  /** Hours per year of a cost-to-serve category, e.g. "Support". */
  costHours(category: string): Locator {
    return this.field(`${category} hours per year`);
  }

  /** The value (<dd>) of a key figure in the header's <dl>. */
  figure(label: FigureLabel): Locator {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.figures.getByRole('term').filter({ hasText: exact }).locator('xpath=following-sibling::dd[1]');
  }

  /** A check in the Checks panel whose title contains `title`. */
  check(title: string | RegExp): Locator {
    return this.checks.getByRole('listitem').filter({ hasText: title });
  }

  /** The club badge under the name ("Club member", "Club invited"…) while the account is on the roster; its text follows an icon, hence the leading space. */
  clubBadge(): Locator {
    return this.page.getByRole('main').getByText(/^\s*Club (candidate|invited|member|alumni)$/);
  }

  /** A fact shown under the name (industry, region, "Owner: …"). */
  headerFact(text: string): Locator {
    return this.page.getByRole('main').getByText(text, { exact: true });
  }

  async openPlans(): Promise<void> {
    await this.plansTab.click();
    await expect(this.plansTab).toHaveAttribute('aria-selected', 'true');
  }

  async openOverview(): Promise<void> {
    await this.overviewTab.click();
    await expect(this.overviewTab).toHaveAttribute('aria-selected', 'true');
  }

  /** "Delete account": navigates to the list and shows an undo toast. */
  async delete(): Promise<void> {
    await this.deleteButton.click();
    await expect(this.deleteButton).toBeHidden();
  }
}
