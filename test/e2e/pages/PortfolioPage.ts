import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type PortfolioViewLabel = 'Whale curve' | 'Buckets' | 'Cost to serve' | 'Segments' | 'Relationships';
export type FilterLabel = 'Owner' | 'Size class' | 'Bucket' | 'Segment' | 'Region';

/**
 * The Portfolio (#/portfolio/<view>?<filters>): filters shared by every view, the figures, and
 * five views — the whale curve with the fair-exit what-if, the bucket board, the cost-to-serve
 * matrix, segments with their TAM, and the relationship spiral with rotations due.
 */
export class PortfolioPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly navLink: Locator;
  readonly heading: Locator;
  readonly figures: Locator;
  readonly views: Locator;
  readonly peakSentence: Locator;
  readonly exitCount: Locator;
  readonly whatIfResult: Locator;
  readonly whatIfTable: Locator;
  readonly printButton: Locator;
  readonly moveDialog: Locator;
  readonly segmentDialog: Locator;
  /** The whale curve's figure, and its point tooltip (hover, or arrow keys once the chart has focus). */
  readonly whaleChart: Locator;
  readonly chartTip: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio', exact: true });
    this.heading = this.main.getByRole('heading', { name: 'Portfolio', level: 1 });
    this.figures = this.main.getByRole('definition');
    this.views = this.main.getByRole('tablist', { name: 'Portfolio views' });
    this.peakSentence = this.main.getByTestId('whale-peak');
    this.exitCount = this.main.getByLabel('Accounts to let go', { exact: true });
    this.whatIfResult = this.main.getByRole('status').filter({ hasText: 'If the bottom' });
    this.whatIfTable = this.main.getByRole('table', { name: 'Accounts a fair exit would let go' });
    this.printButton = this.main.getByRole('button', { name: 'Print report', exact: true });
    this.moveDialog = page.getByRole('dialog', { name: /^Move / });
    this.segmentDialog = page.getByRole('dialog', { name: /^(New segment|Edit )/ });
    this.whaleChart = this.main.getByRole('figure', { name: /^Whale curve of / });
    this.chartTip = this.whaleChart.getByRole('status');
  }

  /** "Print report": the report opens in a new tab (the browser build; Electron saves a PDF). */
  async printReport(): Promise<Page> {
    const tab = this.page.context().waitForEvent('page');
    await this.printButton.click();
    return tab;
  }

  /** Focus the curve (Recharts' keyboard layer: an application in the figure) and step along it with → presses. */
  async stepAlongCurve(presses: number): Promise<void> {
    await this.whaleChart.getByRole('application').first().focus();
    for (let i = 0; i < presses; i++) await this.page.keyboard.press('ArrowRight');
  }

  async openFromNav(): Promise<void> {
    await this.navLink.click();
    await expect(this.heading).toBeVisible();
  }

  async openView(view: PortfolioViewLabel): Promise<void> {
    await this.views.getByRole('tab', { name: view, exact: true }).click();
    await expect(this.views.getByRole('tab', { name: view, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  filter(label: FilterLabel): Locator {
    return this.main.getByRole('search', { name: 'Portfolio filters' }).getByLabel(label, { exact: true });
  }

  /** The figure under a label in the header ("ARR", "Profit contribution"). */
  figure(label: string): Locator {
    return this.main
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`, 'i') })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** A bucket column by its title ("1 · Happy", "No bucket yet"). */
  bucketColumn(title: string): Locator {
    return this.main.getByRole('region', { name: title, exact: true });
  }

  /** The card button that moves an account (Enter, Alt+←/→). */
  moveButton(account: string): Locator {
    return this.main.getByRole('button', { name: `Move ${account} to another bucket`, exact: true });
  }

  segment(name: string): Locator {
    return this.main.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  /** A figure of a segment card under its term ("TAM", "Penetration"). */
  segmentFigure(name: string, term: string): Locator {
    return this.segment(name)
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${term}`, 'i') })
      .locator('xpath=following-sibling::dd[1]');
  }
}
