import { expect, type Locator, type Page } from '@playwright/test';

export type PaperSize = 'A4' | 'Letter';

/** The printable documents and their routes: #/print/<doc>/<id>. */
export type PrintDocKind = 'plan' | 'quote' | 'offer' | 'retreat' | 'portfolio' | 'memo';

/** What each document says when its record is gone (deleted, not synced, or an unknown id). */
export const MISSING_MESSAGE: Readonly<Record<PrintDocKind, string>> = {
  plan: 'This plan no longer exists (it was deleted or not synced to this device).',
  quote: 'This quote no longer exists, or that account no longer funds it.',
  offer: 'This offer no longer exists.',
  retreat: 'This retreat no longer exists.',
  portfolio: 'There are no accounts in this workspace.',
  memo: 'This memo no longer exists (it was deleted or not synced to this device).',
};

/**
 * A printable document on its own (#/print/<doc>/<id>): no sidebar or top bar, a toolbar with
 * "Back" and "Print or save as PDF…", and the document. The PDF is made from exactly this view
 * (Electron's printToPDF, the browser's print dialog, and page.pdf() here).
 */
export class ReportPage {
  readonly toolbar: Locator;
  readonly backButton: Locator;
  readonly printButton: Locator;
  readonly hint: Locator;
  /** "This plan no longer exists (it was deleted or not synced to this device)." */
  readonly missing: Locator;
  readonly loading: Locator;
  /** The app's navigation; a report view has none. */
  readonly appNav: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Document' });
    this.backButton = this.toolbar.getByRole('button', { name: 'Back', exact: true });
    this.printButton = this.toolbar.getByRole('button', { name: 'Print or save as PDF…', exact: true });
    this.hint = this.toolbar.getByText('This is the printed document. Choose “Save as PDF” in the print dialog to keep a copy.');
    this.missing = page
      .getByRole('main')
      .getByText('This plan no longer exists (it was deleted or not synced to this device).', { exact: true });
    this.loading = page.getByRole('main').getByText('Preparing the document…', { exact: true });
    this.appNav = page.getByRole('navigation', { name: 'Main' });
  }

  /** The printed account plan (an <article> named "Account plan for <account>"). */
  plan(account: string): Locator {
    return this.page.getByRole('article', { name: `Account plan for ${account}`, exact: true });
  }

  /** The printed acceleration quote (an <article> named "Acceleration quote for <item>"). */
  quote(item: string): Locator {
    return this.page.getByRole('article', { name: `Acceleration quote for ${item}`, exact: true });
  }

  /** The printed offer sheet (an <article> named "Offer sheet for <account>"). */
  offerSheet(account: string): Locator {
    return this.page.getByRole('article', { name: `Offer sheet for ${account}`, exact: true });
  }

  /** The printed retreat brief (an <article> named "Retreat brief for <title>"). */
  retreatBrief(title: string): Locator {
    return this.page.getByRole('article', { name: `Retreat brief for ${title}`, exact: true });
  }

  /** The printed portfolio review (an <article> named "Portfolio review"). */
  portfolioReview(): Locator {
    return this.page.getByRole('article', { name: 'Portfolio review', exact: true });
  }

  /** The printed trade-off memo (an <article> named "Trade-off memo: <title>"). */
  memo(title: string): Locator {
    return this.page.getByRole('article', { name: `Trade-off memo: ${title}`, exact: true });
  }

  /** A section of the printed memo by its heading ("The options side by side", "Fair exit", "Figures and where they come from"…). */
  memoSection(title: string, heading: string): Locator {
    return this.memo(title)
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: heading, exact: true }) });
  }

  /** A document's "no longer exists" message. */
  missingDoc(kind: PrintDocKind): Locator {
    return this.page.getByRole('main').getByText(MISSING_MESSAGE[kind], { exact: true });
  }

  /** Opens any document's report view directly by its route, in this tab. */
  async gotoDoc(kind: PrintDocKind, id: string): Promise<void> {
    await this.page.goto(`./#/print/${kind}/${encodeURIComponent(id)}`);
    await expect(this.toolbar).toBeVisible();
  }

  /** The document's id as its route has it (#/print/<doc>/<id>; a funder's quote is "<quote>~<account>"). */
  docId(kind: PrintDocKind): string {
    const m = new RegExp(`#/print/${kind}/([^/?#]+)$`).exec(this.page.url());
    expect(m, `a ${kind} report's URL: ${this.page.url()}`).not.toBeNull();
    return decodeURIComponent(m![1]!);
  }

  /** Waits until a document (any of the article locators above) is drawn with its shipped fonts loaded. */
  async waitDocReady(doc: Locator): Promise<void> {
    await expect(doc).toBeVisible({ timeout: 30_000 });
    await expect(doc).toHaveAttribute('data-report-ready', 'true');
    await expect(this.loading).toHaveCount(0);
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expect.poll(() => this.page.evaluate(() => document.fonts.status)).toBe('loaded');
  }

  /** Opens a plan's report view directly by its route, in this tab. */
  async gotoPlan(planId: string): Promise<void> {
    await this.page.goto(`./#/print/plan/${encodeURIComponent(planId)}`);
    await expect(this.toolbar).toBeVisible();
  }

  /** The plan's id, read from the report's route (#/print/plan/<id>). */
  planId(): string {
    const m = /#\/print\/plan\/([^/?#]+)$/.exec(this.page.url());
    expect(m, `a plan report's URL: ${this.page.url()}`).not.toBeNull();
    return decodeURIComponent(m![1]!);
  }

  /**
   * Waits until the plan is drawn and its shipped fonts are loaded: what the desktop shell
   * waits for before printToPDF.
   */
  async waitReady(account: string): Promise<void> {
    await expect(this.plan(account)).toBeVisible({ timeout: 30_000 });
    await expect(this.loading).toHaveCount(0);
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    await expect.poll(() => this.page.evaluate(() => document.fonts.status)).toBe('loaded');
  }

  /** Prints the view to PDF with Chromium's print engine, honouring the report's own @page size. */
  async savePdf(path: string): Promise<void> {
    await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  }
}
