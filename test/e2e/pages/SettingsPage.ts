import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type PaperLabel = 'A4' | 'US Letter';

/** Settings (#/settings): device preferences such as the theme and the paper size for printed documents. */
export class SettingsPage {
  readonly shell: AppShell;
  readonly heading: Locator;
  readonly navLink: Locator;
  /** The segmented control "Paper size for printed documents" (a fieldset of radios). */
  readonly paperGroup: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.heading = page.getByRole('main').getByRole('heading', { name: 'Settings', level: 1 });
    this.navLink = this.shell.nav.getByRole('link', { name: 'Settings', exact: true });
    this.paperGroup = page.getByRole('main').getByRole('group', { name: 'Paper size for printed documents' });
  }

  /** The sidebar's "Settings" link. */
  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.heading).toBeVisible();
  }

  paper(label: PaperLabel): Locator {
    return this.paperGroup.getByRole('radio', { name: label, exact: true });
  }

  async setPaper(label: PaperLabel): Promise<void> {
    await this.paper(label).check();
    await expect(this.paper(label)).toBeChecked();
  }
}
