import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type MapViewLabel = 'Canvas' | 'List' | 'Power / interest' | 'Coverage' | 'Top-5 review';
export type LineKindLabel = 'Reports to' | 'Dotted-line reports to' | 'Influences' | 'Conflict' | 'Alliance';
export type StanceLabel = 'Champion' | 'Supporter' | 'Neutral' | 'Skeptic' | 'Opponent';
export type QuadrantLabel = 'Manage closely' | 'Keep satisfied' | 'Keep informed' | 'Monitor';
export type QualityLabel = 'Red' | 'Amber' | 'Green';
/** React Flow's handle ids on a card: top, right, bottom, left. */
export type Side = 't' | 'r' | 'b' | 'l';
/** Where a line is dropped: on the middle of the other card, or on the other card's nearest handle. */
export type DropTarget = 'centre' | 'handle';

interface Point {
  readonly x: number;
  readonly y: number;
}
interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const centreOf = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * A point on a handle that the pointer can press. The handles sit on the card's edge,
 * half outside it, and the card clips what is outside (see the report): aim at the
 * inner half, where the handle is drawn and hit-tested.
 */
function pressPoint(side: Side, b: Box): Point {
  const c = centreOf(b);
  switch (side) {
    case 't':
      return { x: c.x, y: b.y + b.height * 0.75 };
    case 'b':
      return { x: c.x, y: b.y + b.height * 0.25 };
    case 'l':
      return { x: b.x + b.width * 0.75, y: c.y };
    case 'r':
      return { x: b.x + b.width * 0.25, y: c.y };
  }
}

/**
 * The Map tab of an account: the view switcher, the map-quality badge, the canvas
 * (React Flow) with its toolbar, the side panel of one person and the line-kind dialog.
 *
 * React Flow renders each card as role=group named by the card's aria-label
 * ("<name>, <title>, <stance>, <role>") with aria-roledescription="node", and each line
 * as role=group named "<from> reports to <to>" etc. with aria-roledescription="edge".
 * Its handles have no role or name: they are found by the data-handleid React Flow sets.
 */
export class MapTab {
  readonly shell: AppShell;
  readonly tab: Locator;
  readonly emptyHeading: Locator;
  readonly emptyAddPerson: Locator;
  readonly emptyAddPlaceholder: Locator;
  readonly views: Locator;
  readonly viewPanel: Locator;
  readonly quality: Locator;
  readonly toolbar: Locator;
  readonly addPersonButton: Locator;
  readonly addPlaceholderButton: Locator;
  readonly layoutButton: Locator;
  readonly svgButton: Locator;
  readonly pngButton: Locator;
  readonly canvas: Locator;
  readonly minimap: Locator;
  readonly controls: Locator;
  readonly nodes: Locator;
  readonly edges: Locator;
  readonly lineDialog: Locator;
  readonly drawLineButton: Locator;
  readonly powerGrid: Locator;
  readonly topFive: Locator;
  readonly peopleTable: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    const main = page.getByRole('main');
    this.tab = page.getByRole('tablist', { name: 'Account sections' }).getByRole('tab', { name: 'Map' });
    this.emptyHeading = main.getByRole('heading', { name: 'Draw the buying committee' });
    this.emptyAddPerson = main.getByRole('button', { name: 'Add person', exact: true });
    this.emptyAddPlaceholder = main.getByRole('button', { name: 'Add unknown role', exact: true });
    this.views = main.getByRole('tablist', { name: 'Map views' });
    this.viewPanel = main.getByRole('tabpanel').getByRole('tabpanel');
    // The badge is a status named "Map quality: <level>"; the top bar's save state is the other status.
    this.quality = main.getByRole('status', { name: /^Map quality: / });
    this.toolbar = main.getByRole('toolbar', { name: 'Map tools' });
    this.addPersonButton = this.toolbar.getByRole('button', { name: 'Add person', exact: true });
    this.addPlaceholderButton = this.toolbar.getByRole('button', { name: 'Add unknown role', exact: true });
    this.layoutButton = this.toolbar.getByRole('button', { name: 'Org-chart layout' });
    this.svgButton = this.toolbar.getByRole('button', { name: 'SVG', exact: true });
    this.pngButton = this.toolbar.getByRole('button', { name: 'PNG', exact: true });
    this.canvas = main.getByRole('region', { name: /^Stakeholder map of / });
    // React Flow draws the minimap as an img titled by its aria label, the zoom controls as a labelled panel.
    this.minimap = this.canvas.getByRole('img', { name: 'Overview of the whole map' });
    this.controls = this.canvas.getByLabel('Map controls', { exact: true });
    // aria-roledescription is set by React Flow on every node and edge (no role tells them apart: both are groups).
    this.nodes = this.canvas.locator('[aria-roledescription="node"]');
    this.edges = this.canvas.locator('[aria-roledescription="edge"]');
    this.lineDialog = page.getByRole('dialog', { name: 'What kind of line?' });
    this.drawLineButton = this.lineDialog.getByRole('button', { name: 'Draw line' });
    this.powerGrid = main.getByRole('group', { name: 'Power / interest grid: influence up, interest right' });
    this.topFive = main.getByRole('table', { name: 'Top-5 review' });
    this.peopleTable = main.getByRole('table', { name: 'People on the map' });
  }

  /** Opens the Map tab of the account on screen. */
  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
    await this.shell.waitReady();
  }

  viewTab(view: MapViewLabel): Locator {
    return this.views.getByRole('tab', { name: view, exact: true });
  }

  async openView(view: MapViewLabel): Promise<void> {
    await this.viewTab(view).click();
    await expect(this.viewTab(view)).toHaveAttribute('aria-selected', 'true');
    await expect(this.viewPanel).toHaveAccessibleName(view);
  }

  // ---- canvas ------------------------------------------------------------------------

  /** The card of a person, by the name that starts its aria-label. */
  node(name: string): Locator {
    return this.canvas.getByRole('group', { name: new RegExp(`^${escapeRe(name)}, `) });
  }

  /**
   * A line by its accessible name, e.g. "Ben VP reports to Ada CEO". Assert it with
   * toBeAttached: a straight horizontal line is an SVG group with a zero-height box,
   * which Playwright counts as not visible.
   */
  edge(label: string): Locator {
    return this.canvas.getByRole('group', { name: label, exact: true });
  }

  /** A connection handle of a card (React Flow gives handles no role; data-handleid is its own attribute). */
  handle(name: string, side: Side): Locator {
    return this.node(name).locator(`[data-handleid="${side}"]`);
  }

  async box(target: Locator): Promise<Box> {
    const b = await target.boundingBox();
    expect(b, 'element has no bounding box (not rendered?)').not.toBeNull();
    return b!;
  }

  /**
   * Why a card is not seen whole, or null when it is: it must lie inside the canvas and clear
   * of the minimap and the zoom controls drawn over it.
   */
  async hiddenPart(name: string): Promise<string | null> {
    const [card, canvas, minimap, controls] = await Promise.all(
      [this.node(name), this.canvas, this.minimap, this.controls].map((l) => this.box(l)),
    );
    const c = card!;
    const v = canvas!;
    const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    if (c.x < v.x || c.y < v.y || c.x + c.width > v.x + v.width || c.y + c.height > v.y + v.height) return 'outside the canvas';
    if (overlaps(c, minimap!)) return 'under the minimap';
    if (overlaps(c, controls!)) return 'under the zoom controls';
    return null;
  }

  /** The flow-space position React Flow gives a card (its CSS transform), e.g. "translate(96px, 48px)". */
  transform(name: string): Promise<string> {
    return this.node(name).evaluate((el) => (el as HTMLElement).style.transform);
  }

  /**
   * Double-clicks the empty canvas `at` a point relative to the canvas' top-left corner;
   * a "New person" card appears there and its side panel opens.
   */
  async addByDoubleClick(at: Point): Promise<void> {
    const c = await this.box(this.canvas);
    const before = await this.nodes.count();
    await this.page.mouse.dblclick(c.x + at.x, c.y + at.y);
    await expect(this.nodes).toHaveCount(before + 1);
    await expect(this.panel('New person')).toBeVisible();
    await this.shell.waitSaved();
  }

  /**
   * Draws a line with the mouse: hover `from` so its handles show, press on its handle
   * facing `to`, move to `to` (its middle, or its nearest handle) and release. Resolves
   * once the "What kind of line?" dialog is open.
   */
  async dragLine(from: string, to: string, dropOn: DropTarget = 'handle'): Promise<void> {
    const source = this.node(from);
    const target = this.node(to);
    const sBox = await this.box(source);
    const tBox = await this.box(target);
    const tCentre = centreOf(tBox);
    const side = await this.nearestSide(from, tCentre);
    await this.page.mouse.move(centreOf(sBox).x, centreOf(sBox).y);
    const h = this.handle(from, side);
    // Handles are transparent until the card is hovered (CSS opacity).
    await expect(h).toHaveCSS('opacity', '1');
    const start = pressPoint(side, await this.box(h));
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    let end = tCentre;
    if (dropOn === 'handle') {
      const tSide = await this.nearestSide(to, start);
      end = pressPoint(tSide, await this.box(this.handle(to, tSide)));
    }
    await this.page.mouse.move(end.x, end.y, { steps: 12 });
    await this.page.mouse.up();
    await expect(
      this.lineDialog,
      `dropping a line from “${from}” on “${to}” (${dropOn === 'centre' ? 'the middle of the card' : 'its handle'}) should ask “What kind of line?”`,
    ).toBeVisible();
    await expect(this.lineDialog).toHaveAccessibleDescription(`From ${from} to ${to}.`);
  }

  /** Chooses a line kind in the open dialog and draws it. */
  async chooseLineKind(kind: LineKindLabel): Promise<void> {
    await this.lineDialog.getByRole('radio', { name: new RegExp(`^${escapeRe(kind)}\\b`) }).check();
    await this.drawLineButton.click();
    await expect(this.lineDialog).toBeHidden();
  }

  /** Drags a line from `from` to `to`, picks `kind` and waits for the named line to appear. */
  async connect(from: string, to: string, kind: LineKindLabel, edgeLabel: string, dropOn: DropTarget = 'handle'): Promise<void> {
    await this.dragLine(from, to, dropOn);
    await this.chooseLineKind(kind);
    await expect(this.edge(edgeLabel)).toBeAttached();
    await this.shell.waitSaved();
  }

  /** Which of a card's handles is nearest to a point on screen. */
  private async nearestSide(name: string, p: Point): Promise<Side> {
    let best: Side = 't';
    let bestD = Infinity;
    for (const side of ['t', 'r', 'b', 'l'] as const) {
      const d = distance(centreOf(await this.box(this.handle(name, side))), p);
      if (d < bestD) {
        bestD = d;
        best = side;
      }
    }
    return best;
  }

  /** Drags a card by its body with the mouse by (dx, dy) screen pixels and waits for the move to be saved. */
  async dragCard(name: string, dx: number, dy: number): Promise<void> {
    const b = await this.box(this.node(name));
    // Grab the card between its name row and its handles: the body, not a handle.
    const from = { x: b.x + b.width * 0.4, y: b.y + b.height / 2 };
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 6 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 6 });
    await this.page.mouse.up();
    await this.shell.waitSaved();
  }

  // ---- side panel -----------------------------------------------------------------------

  /** The side panel (an aside) of a person. */
  panel(name: string): Locator {
    return this.page.getByRole('complementary', { name: `Details of ${name}`, exact: true });
  }

  /** The open side panel, whoever it is for. */
  get anyPanel(): Locator {
    return this.page.getByRole('complementary', { name: /^Details of / });
  }

  panelField(label: string): Locator {
    return this.anyPanel.getByLabel(label, { exact: true });
  }

  /** Types into a panel field and commits it with Enter, then waits for "Saved". */
  async setPanelField(label: string, value: string): Promise<void> {
    const f = this.panelField(label);
    await f.fill(value);
    await f.press('Enter');
    await expect(f).toHaveValue(value);
    await this.shell.waitSaved();
  }

  async selectPanelField(label: string, option: string): Promise<void> {
    await this.panelField(label).selectOption({ label: option });
    await this.shell.waitSaved();
  }

  /** Renames the person whose panel is open (from `from`) and waits for the panel to follow. */
  async rename(from: string, to: string): Promise<void> {
    await expect(this.panel(from)).toBeVisible();
    await this.setPanelField('Name', to);
    await expect(this.panel(to)).toBeVisible();
  }

  async closePanel(): Promise<void> {
    await this.anyPanel.getByRole('button', { name: 'Close details' }).click();
    await expect(this.anyPanel).toBeHidden();
  }

  /** Opens a person's panel from the List view's "Edit <name>" button. */
  async editFromList(name: string): Promise<void> {
    await this.peopleTable.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
    await expect(this.panel(name)).toBeVisible();
  }

  /** The contact log section of the open panel. */
  get contactLog(): Locator {
    return this.anyPanel.getByRole('region', { name: 'Contact log' });
  }

  /** The contact log's date field (`<input type="date">`). */
  get contactDate(): Locator {
    return this.contactLog.getByLabel('Date', { exact: true });
  }

  get logContactButton(): Locator {
    return this.contactLog.getByRole('button', { name: 'Log contact' });
  }

  /**
   * Types a date into the contact log's date field the way a user does: from its first part
   * (month, day and year in the locale's order, each moving on to the next when full).
   */
  async typeContactDate(parts: readonly string[]): Promise<void> {
    await this.contactDate.focus();
    for (const p of parts) await this.page.keyboard.type(p);
  }

  async logContact(input: { date: string; channel?: string; attendee?: string; notes?: string }): Promise<void> {
    const log = this.contactLog;
    await log.getByLabel('Date', { exact: true }).fill(input.date);
    if (input.channel) await log.getByLabel('Channel', { exact: true }).selectOption({ label: input.channel });
    if (input.attendee) await log.getByLabel('Our attendee', { exact: true }).fill(input.attendee);
    if (input.notes) await log.getByLabel('What was said', { exact: true }).fill(input.notes);
    await log.getByRole('button', { name: 'Log contact' }).click();
    await expect(log.getByText('No contact logged yet.')).toBeHidden();
    await this.shell.waitSaved();
  }

  /** The freshness badge on a person's card: "No contact" or "<n> day(s)". */
  freshBadge(name: string): Locator {
    return this.node(name).getByText(/^(No contact|\d+ days?)$/);
  }

  /**
   * Whether an element is drawn in one of the theme's colours, e.g. "--success": compares
   * its computed text colour with the colour the custom property resolves to.
   */
  async hasThemeColour(target: Locator, customProperty: string): Promise<boolean> {
    return target.evaluate((el, prop) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${prop})`;
      document.body.append(probe);
      const want = getComputedStyle(probe).color;
      probe.remove();
      return want !== '' && getComputedStyle(el).color === want;
    }, customProperty);
  }

  // ---- people without the canvas -----------------------------------------------------

  /**
   * Adds a person with the "Add person" button (the empty state's or the toolbar's):
   * the card goes to the middle of the canvas and its panel opens; renames it.
   */
  async addPersonNamed(name: string): Promise<void> {
    await expect(this.emptyHeading.or(this.toolbar)).toBeVisible();
    const button = (await this.emptyHeading.isVisible()) ? this.emptyAddPerson : this.addPersonButton;
    await button.click();
    await this.rename('New person', name);
  }

  // ---- other views ---------------------------------------------------------------------

  /** A person's dot on the power/interest grid (a button named "<name>: influence …, <quadrant>, …"). */
  gridDot(name: string): Locator {
    return this.powerGrid.getByRole('button', { name: new RegExp(`^${escapeRe(name)}: `) });
  }

  /** Names in the Top-5 review, in table order (each row's header starts with the name). */
  topFiveRowHeaders(): Locator {
    return this.topFive.getByRole('rowheader');
  }

  /** The Coverage view's heading over the gaps, e.g. "4 gaps". */
  get coverageGapsHeading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { name: /^\d+ gaps?$/ });
  }

  /** A gap named in the Coverage view (a list item with exactly this text). */
  coverageGap(text: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${escapeRe(text)}$`) });
  }
}
