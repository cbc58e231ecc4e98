import { test as base, expect } from '@playwright/test';
import { AppShell } from './AppShell';
import { AccountsListPage } from './AccountsListPage';
import { AccountPage } from './AccountPage';
import { PlansTab } from './PlansTab';
import { NewAccountDialog } from './NewAccountDialog';
import { CommandPalette } from './CommandPalette';
import { MapTab } from './MapTab';

interface Pages {
  shell: AppShell;
  list: AccountsListPage;
  account: AccountPage;
  plans: PlansTab;
  newAccount: NewAccountDialog;
  palette: CommandPalette;
  map: MapTab;
}

/**
 * Page models as fixtures. Each test gets a fresh browser context, so IndexedDB and
 * localStorage start empty; `shell` opens the app and waits for it to be ready.
 */
export const test = base.extend<Pages>({
  shell: async ({ page }, use) => {
    const shell = new AppShell(page);
    await shell.goto();
    await use(shell);
  },
  // Every page model depends on `shell`, so asking for any of them opens the app first.
  list: async ({ page, shell: _ }, use) => use(new AccountsListPage(page)),
  account: async ({ page, shell: _ }, use) => use(new AccountPage(page)),
  plans: async ({ page, shell: _ }, use) => use(new PlansTab(page)),
  newAccount: async ({ page, shell: _ }, use) => use(new NewAccountDialog(page)),
  palette: async ({ page, shell: _ }, use) => use(new CommandPalette(page)),
  map: async ({ page, shell: _ }, use) => use(new MapTab(page)),
});

export { expect };
