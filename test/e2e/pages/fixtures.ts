import { test as base, expect } from '@playwright/test';
import { AppShell } from './AppShell';
import { AccountsListPage } from './AccountsListPage';
import { AccountPage } from './AccountPage';
import { PlansTab } from './PlansTab';
import { NewAccountDialog } from './NewAccountDialog';
import { CommandPalette } from './CommandPalette';
import { MapTab } from './MapTab';
import { RoadmapPage } from './RoadmapPage';
import { NewItemDialog } from './NewItemDialog';
import { ItemPage } from './ItemPage';
import { NewQuoteDialog } from './NewQuoteDialog';
import { QuotePage } from './QuotePage';
import { AccountQuotesTab } from './AccountQuotesTab';
import { ClubPage } from './ClubPage';
import { AccountOffersTab } from './AccountOffersTab';
import { OfferPage } from './OfferPage';
import { NewRetreatDialog } from './NewRetreatDialog';
import { RetreatPage } from './RetreatPage';
import { SyncPage } from './SyncPage';

interface Pages {
  shell: AppShell;
  list: AccountsListPage;
  account: AccountPage;
  plans: PlansTab;
  newAccount: NewAccountDialog;
  palette: CommandPalette;
  map: MapTab;
  roadmap: RoadmapPage;
  newItem: NewItemDialog;
  item: ItemPage;
  newQuote: NewQuoteDialog;
  quote: QuotePage;
  accountQuotes: AccountQuotesTab;
  club: ClubPage;
  accountOffers: AccountOffersTab;
  offer: OfferPage;
  newRetreat: NewRetreatDialog;
  retreat: RetreatPage;
  sync: SyncPage;
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
  roadmap: async ({ page, shell: _ }, use) => use(new RoadmapPage(page)),
  newItem: async ({ page, shell: _ }, use) => use(new NewItemDialog(page)),
  item: async ({ page, shell: _ }, use) => use(new ItemPage(page)),
  newQuote: async ({ page, shell: _ }, use) => use(new NewQuoteDialog(page)),
  quote: async ({ page, shell: _ }, use) => use(new QuotePage(page)),
  accountQuotes: async ({ page, shell: _ }, use) => use(new AccountQuotesTab(page)),
  club: async ({ page, shell: _ }, use) => use(new ClubPage(page)),
  accountOffers: async ({ page, shell: _ }, use) => use(new AccountOffersTab(page)),
  offer: async ({ page, shell: _ }, use) => use(new OfferPage(page)),
  newRetreat: async ({ page, shell: _ }, use) => use(new NewRetreatDialog(page)),
  retreat: async ({ page, shell: _ }, use) => use(new RetreatPage(page)),
  sync: async ({ page, shell: _ }, use) => use(new SyncPage(page)),
});

export { expect };
