import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type ExecLabel = 'Support' | 'Engineering' | 'Finance' | 'Marketing' | 'Sales';
export type StanceLabel = 'For' | 'Against' | 'Neutral' | 'Not yet heard';

/**
 * A trade-off memo (#/memos/<id>): the decision's framing, options side by side with their
 * figures, the executives' views, the fair exit, and the recommendation and decision.
 */
export class MemoPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly title: Locator;
  readonly heading: Locator;
  readonly status: Locator;
  readonly options: Locator;
  readonly views: Locator;
  readonly unheard: Locator;
  readonly fairExit: Locator;
  readonly exitSentence: Locator;
  readonly payback: Locator;
  readonly decision: Locator;
  readonly printButton: Locator;
  readonly supersedeButton: Locator;
  readonly changes: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.title = this.main.getByRole('textbox', { name: 'Title', exact: true });
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.status = this.main.getByLabel('Status', { exact: true });
    this.options = this.main.getByRole('region', { name: /options? side by side$|^\d+ option$/ });
    this.views = this.main.getByRole('region', { name: 'What each executive thinks' });
    this.unheard = this.views.getByRole('status');
    this.fairExit = this.main.getByRole('region', { name: 'Fair exit', exact: true });
    this.exitSentence = this.fairExit.getByTestId('exit-sentence');
    this.payback = this.fairExit.getByTestId('exit-payback');
    this.decision = this.main.getByRole('region', { name: 'Recommendation and decision' });
    this.printButton = this.main.getByRole('button', { name: 'Print memo', exact: true });
    this.supersedeButton = this.main.getByRole('button', { name: 'Supersede with a new memo' });
    this.changes = this.decision.getByRole('list', { name: 'Changed since the decision' });
  }

  async expectLoaded(title: string): Promise<void> {
    await expect(this.heading).toHaveText(title);
  }

  /** An option's card by its name. */
  option(name: string): Locator {
    return this.options.getByRole('article', { name, exact: true });
  }

  /** What slips under an option, one list item per item ("Title 2027-Q1 → 2027-Q2"). */
  slips(name: string): Locator {
    return this.option(name).getByRole('list', { name: 'What slips' }).getByRole('listitem');
  }

  /** An option's figure under its term ("Revenue at stake", "Cost"). */
  optionFigure(name: string, term: string): Locator {
    return this.option(name)
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  async recordView(role: ExecLabel, stance: StanceLabel, reason: string, who = ''): Promise<void> {
    await this.views.getByLabel(`${role}: stance`, { exact: true }).selectOption({ label: stance });
    if (who) {
      await this.views.getByLabel(`${role}: who`, { exact: true }).fill(who);
      await this.views.getByLabel(`${role}: who`, { exact: true }).press('Enter');
    }
    const field = this.views.getByLabel(`${role}: reason`, { exact: true });
    await field.fill(reason);
    await field.press('Enter');
    await expect(field).toHaveValue(reason);
  }

  async recommend(option: string, why: string): Promise<void> {
    await this.decision.getByLabel('Recommended option', { exact: true }).selectOption({ label: option });
    const text = this.decision.getByLabel('Recommendation', { exact: true });
    await text.fill(why);
    await text.blur();
  }

  async decide(option: string, because: string, consequences: string, by: string): Promise<void> {
    await this.decision.getByLabel('Option chosen', { exact: true }).selectOption({ label: option });
    await this.decision.getByLabel('Decided by', { exact: true }).fill(by);
    await this.decision.getByLabel('Chosen because', { exact: true }).fill(because);
    await this.decision.getByLabel('Consequences', { exact: true }).fill(consequences);
    await this.decision.getByRole('button', { name: 'Decide', exact: true }).click();
  }

  /** A fair-exit field by its label; fills it and commits with Enter. */
  async setExit(label: string, value: string): Promise<void> {
    const field = this.fairExit.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Enter');
  }

  /** "Print memo": the memo opens in a new tab (the browser build; Electron saves a PDF). */
  async print(): Promise<Page> {
    const tab = this.page.context().waitForEvent('page');
    await this.printButton.click();
    return tab;
  }
}
