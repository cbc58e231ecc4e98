import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Plans tab of an account: plan list on the left, the chosen plan's editor on the right. */
export class PlansTab {
  readonly shell: AppShell;
  readonly newPlanButton: Locator;
  readonly planList: Locator;
  readonly title: Locator;
  readonly addObjective: Locator;
  /** "Print plan…" in the open plan's header (browser mode: opens the report view in a new tab). */
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.newPlanButton = page.getByRole('tabpanel').getByRole('button', { name: 'New plan' });
    this.planList = page.getByRole('navigation', { name: 'Plans of this account' });
    this.title = page.getByRole('textbox', { name: 'Plan title' });
    this.addObjective = page.getByRole('textbox', { name: 'Add objective' });
    this.printButton = page.getByRole('article').getByRole('button', { name: 'Print plan…', exact: true });
  }

  /** The plan editor (an <article> named after the plan). */
  plan(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  /** "Print plan…": resolves with the new tab that shows the plan's report view. */
  async printPlan(): Promise<Page> {
    const popup = this.page.waitForEvent('popup');
    await this.printButton.click();
    return popup;
  }

  /** The entry of a plan in the plan list (its button also shows period and progress). */
  planEntry(title: string | RegExp): Locator {
    return this.planList.getByRole('button').filter({ hasText: title });
  }

  /** An objective's section, named after the objective. */
  objective(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** "New plan" from the empty state (or the list); waits for the editor to show the untitled plan. */
  async createPlan(title: string): Promise<void> {
    await this.newPlanButton.first().click();
    await expect(this.title).toHaveValue('New account plan');
    await this.shell.waitSaved();
    await this.title.fill(title);
    await this.title.press('Enter');
    await this.shell.waitSaved();
    await expect(this.planEntry(title)).toBeVisible();
  }

  async addObjectiveNamed(title: string): Promise<void> {
    await this.addObjective.fill(title);
    await this.addObjective.press('Enter');
    await expect(this.objective(title)).toBeVisible();
    await this.shell.waitSaved();
  }

  async addAction(objective: string, title: string): Promise<void> {
    const input = this.objective(objective).getByRole('textbox', { name: 'Add action' });
    await input.fill(title);
    await input.press('Enter');
    await expect(this.doneCheckbox(title)).toBeVisible();
    await this.shell.waitSaved();
  }

  doneCheckbox(action: string): Locator {
    return this.page.getByRole('checkbox', { name: `Done: ${action}`, exact: true });
  }

  status(action: string): Locator {
    return this.page.getByRole('combobox', { name: `Status of “${action}”`, exact: true });
  }

  dueDate(action: string): Locator {
    return this.page.getByLabel(`Due date of “${action}”`, { exact: true });
  }

  /** The row (<tr>) of an action, found through its done checkbox. */
  actionRow(action: string): Locator {
    return this.page.getByRole('row').filter({ has: this.doneCheckbox(action) });
  }

  /** The "Overdue by N days" note inside an action's row. */
  overdueBadge(action: string): Locator {
    return this.actionRow(action)
      .getByRole('note')
      .filter({ hasText: /^Overdue by \d+ days?$/ });
  }

  /**
   * Toggles the done checkbox. It is controlled by the database, so it shows its new
   * state only after the write: click, then wait for the state (not locator.check()).
   */
  async setDone(action: string, done: boolean): Promise<void> {
    const box = this.doneCheckbox(action);
    await expect(box).toBeChecked({ checked: !done });
    await box.click();
    await expect(box).toBeChecked({ checked: done });
    await this.shell.waitSaved();
    await expect(this.status(action)).toHaveValue(done ? 'done' : 'open');
  }

  async markDone(action: string): Promise<void> {
    await this.setDone(action, true);
  }

  async setDueDate(action: string, isoDate: string): Promise<void> {
    const f = this.dueDate(action);
    await f.fill(isoDate);
    await f.press('Enter');
    await this.shell.waitSaved();
  }
}
