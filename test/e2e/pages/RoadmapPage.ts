import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type RoadmapViewLabel = 'Items by demand' | 'Quarter timeline' | 'Acceleration quotes';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The Roadmap screen: the empty state, the header (summary, "New item", "New quote") and its
 * three views: items by demand (a sortable table), the quarter timeline (one column per
 * quarter, items dragged between them) and every acceleration quote.
 */
export class RoadmapPage {
  readonly shell: AppShell;
  readonly navLink: Locator;
  readonly emptyHeading: Locator;
  readonly heading: Locator;
  readonly summary: Locator;
  readonly newItemButton: Locator;
  readonly newQuoteButton: Locator;
  readonly views: Locator;
  readonly itemsTable: Locator;
  readonly itemRows: Locator;
  readonly timeline: Locator;
  readonly quotesTable: Locator;
  readonly quoteRows: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    const main = page.getByRole('main');
    this.navLink = this.shell.nav.getByRole('link', { name: 'Roadmap', exact: true });
    this.emptyHeading = main.getByRole('heading', { name: 'Plan what you build, and who asks for it', level: 1 });
    this.heading = main.getByRole('heading', { name: 'Roadmap', level: 1 });
    this.summary = main.getByText(/^[\d,]+ items? · [\d,]+ quotes? · .+ ARR-weighted demand$/);
    // The empty state and the header both have a "New item" button, never at the same time.
    this.newItemButton = main.getByRole('button', { name: 'New item', exact: true });
    this.newQuoteButton = main.getByRole('button', { name: 'New quote', exact: true }).first();
    this.views = main.getByRole('tablist', { name: 'Roadmap views' });
    this.itemsTable = main.getByRole('table', { name: 'Roadmap items' });
    // Data rows only: the header row holds column headers, not cells.
    this.itemRows = this.itemsTable.getByRole('row').filter({ has: page.getByRole('cell') });
    this.timeline = main.getByRole('list', { name: 'Quarters' });
    this.quotesTable = main.getByRole('table', { name: 'Acceleration quotes' });
    this.quoteRows = this.quotesTable.getByRole('row').filter({ has: page.getByRole('cell') });
  }

  async goto(view: 'items' | 'timeline' | 'quotes' = 'items'): Promise<void> {
    await this.shell.goto(`#/roadmap/${view}`);
  }

  /** The sidebar's "Roadmap" link. */
  async open(): Promise<void> {
    await this.navLink.click();
    await expect(this.navLink).toHaveAttribute('aria-current', 'page');
    await this.shell.waitReady();
  }

  /** A view tab; the items and quotes tabs carry a count badge ("Items by demand 2"). */
  viewTab(view: RoadmapViewLabel): Locator {
    return this.views.getByRole('tab', { name: new RegExp(`^${escapeRe(view)}( \\d+)?$`) });
  }

  async openView(view: RoadmapViewLabel): Promise<void> {
    await this.viewTab(view).click();
    await expect(this.viewTab(view)).toHaveAttribute('aria-selected', 'true');
  }

  // ---- items by demand ---------------------------------------------------------------

  /** The link of an item in the items table. */
  itemLink(title: string): Locator {
    return this.itemsTable.getByRole('link', { name: title, exact: true });
  }

  itemRow(title: string): Locator {
    return this.itemRows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** Item titles in table order. */
  itemTitles(): Locator {
    return this.itemRows.getByRole('link');
  }

  /** The last cell of an item's row: its ARR-weighted demand. */
  itemDemand(title: string): Locator {
    return this.itemRow(title).getByRole('cell').last();
  }

  /** The second cell of an item's row: its planned quarter (and "Accelerated"). */
  itemQuarter(title: string): Locator {
    return this.itemRow(title).getByRole('cell').nth(1);
  }

  async openItem(title: string): Promise<void> {
    await this.itemLink(title).click();
    await expect(this.page.getByRole('main').getByRole('heading', { name: title, level: 1 })).toBeAttached();
  }

  /** The fourth cell of an item's row: its status ("Idea", "Planned"…). */
  itemStatus(title: string): Locator {
    return this.itemRow(title).getByRole('cell').nth(3);
  }

  // ---- timeline ----------------------------------------------------------------------

  /** A quarter's column, a listitem named "2027-Q2: 4 of 12 engineer-months". */
  column(quarter: string): Locator {
    return this.timeline.getByRole('listitem', { name: new RegExp(`^${escapeRe(quarter)}: `) });
  }

  /** The load line under a column's heading: "4 of 12 EM" (plus "· over by 2 EM" when over). */
  columnLoad(quarter: string): Locator {
    return this.column(quarter).getByText(/^[\d.,]+ of [\d.,]+ EM/);
  }

  capacityInput(quarter: string): Locator {
    return this.column(quarter).getByRole('textbox', { name: `Capacity of ${quarter}`, exact: true });
  }

  /** Types a quarter's capacity and commits it with Enter, then waits for "Saved". */
  async setCapacity(quarter: string, em: string): Promise<void> {
    const f = this.capacityInput(quarter);
    await f.fill(em);
    await f.press('Enter');
    await this.shell.waitSaved();
  }

  /** An item's card on the timeline, a draggable listitem named "<title>, <effort> engineer-months". */
  card(title: string): Locator {
    return this.timeline.getByRole('listitem', { name: new RegExp(`^${escapeRe(title)}, [\\d.,]+ engineer-months$`) });
  }

  /** The card's arrow buttons, "Move <title> to <quarter>". */
  moveButton(title: string, quarter: string): Locator {
    return this.card(title).getByRole('button', { name: `Move ${title} to ${quarter}`, exact: true });
  }

  /** Drags an item's card onto another quarter's column (HTML5 drag and drop) and waits for the save. */
  async dragCard(title: string, toQuarter: string): Promise<void> {
    await this.card(title).dragTo(this.column(toQuarter));
    await expect(this.column(toQuarter).getByRole('listitem', { name: new RegExp(`^${escapeRe(title)}, `) })).toBeVisible();
    await this.shell.waitSaved();
  }

  // ---- quotes ------------------------------------------------------------------------

  /** A quote's row in a quotes table: the item title is the link and the quote name is under it. */
  quoteRow(itemTitle: string, quoteName: string): Locator {
    return this.quoteRows.filter({ has: this.page.getByRole('link', { name: itemTitle, exact: true }) }).filter({ hasText: quoteName });
  }
}
