import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The frame around every screen: top bar (breadcrumb, save state, palette trigger),
 * sidebar, toasts and the app-wide shortcuts.
 */
export class AppShell {
  readonly banner: Locator;
  readonly saveState: Locator;
  readonly breadcrumb: Locator;
  readonly nav: Locator;
  readonly notifications: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.saveState = this.banner.getByRole('status');
    this.breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.notifications = page.getByRole('region', { name: 'Notifications' });
    this.main = page.getByRole('main');
  }

  /** Opens the app (hash route optional) and waits until the database is open and the shell is drawn. */
  async goto(hash = ''): Promise<void> {
    await this.page.goto(hash ? `./${hash}` : './');
    await this.waitReady();
  }

  /** Reloads the page and waits for the shell again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.nav).toBeVisible();
    await expect(this.main.locator('[aria-busy="true"]')).toHaveCount(0);
  }

  /**
   * Waits until no write is pending. Callers commit an edit synchronously (Enter, blur,
   * a select change, a click) before calling this, so "Saving…" has already been shown.
   */
  async waitSaved(): Promise<void> {
    await expect(this.saveState).toHaveText('Saved');
  }

  /** A toast (role=status inside the Notifications region) whose text contains `text`. */
  toast(text: string | RegExp): Locator {
    return this.notifications.getByRole('status').filter({ hasText: text });
  }

  /** An error toast (role=alert inside the Notifications region) whose text contains `text`. */
  errorToast(text: string | RegExp): Locator {
    return this.notifications.getByRole('alert').filter({ hasText: text });
  }

  /** Moves focus out of any text field so app shortcuts (Ctrl+Z) act on data, not on text. */
  async focusOutsideFields(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(() => this.page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+Z');
  }

  async toggleTheme(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+D');
  }

  /** The theme applied to <html data-theme>. */
  theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }

  /** True when the document scrolls sideways (1px tolerance for sub-pixel rounding). */
  hasHorizontalOverflow(): Promise<boolean> {
    return this.page.evaluate(() => {
      const el = document.scrollingElement ?? document.documentElement;
      return el.scrollWidth > el.clientWidth + 1;
    });
  }

  /** Today's date in the browser's time zone as YYYY-MM-DD, shifted by `days`. */
  localDate(days = 0): Promise<string> {
    return this.page.evaluate((d) => {
      const t = new Date();
      t.setDate(t.getDate() + d);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`;
    }, days);
  }
}
