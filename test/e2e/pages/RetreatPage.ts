import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';
import type { ImportanceLabel } from './ItemPage';

export type RetreatFigureLabel = 'Sessions' | 'Attendees' | 'Member accounts' | 'Spent / budget' | 'Conflicts';
export type SessionKindLabel = 'Planning seminar' | 'Product deep-dive' | 'Summary session with the CEO' | 'Other';

export interface NewSessionInput {
  readonly title: string;
  /** "HH:MM" */
  readonly start: string;
  readonly end: string;
  /** YYYY-MM-DD; the form starts on the retreat's first day. */
  readonly date?: string;
  readonly owner?: string;
  readonly kind?: SessionKindLabel;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A retreat (#/retreats/<id>): title, dates and place, figures, then Conflicts, Agenda (sessions
 * and the "Add session" form), "Requests captured here" (the capture form, C to focus it, and
 * what was captured) and Attendees; Logistics and Budget on the side.
 */
export class RetreatPage {
  readonly shell: AppShell;
  readonly main: Locator;
  readonly title: Locator;
  readonly figures: Locator;
  // conflicts
  readonly conflicts: Locator;
  readonly conflictItems: Locator;
  readonly noConflicts: Locator;
  // agenda
  readonly agenda: Locator;
  readonly agendaTable: Locator;
  readonly sessionRows: Locator;
  readonly sessionTitles: Locator;
  readonly addSessionForm: Locator;
  readonly sessionDay: Locator;
  readonly sessionStart: Locator;
  readonly sessionEnd: Locator;
  readonly sessionTitle: Locator;
  readonly sessionOwner: Locator;
  readonly sessionKind: Locator;
  readonly addSessionButton: Locator;
  // attendees
  readonly attendees: Locator;
  readonly attendeesTable: Locator;
  readonly attendeeRows: Locator;
  readonly addAttendeeForm: Locator;
  readonly attendeeAccount: Locator;
  readonly attendeeName: Locator;
  readonly attendeeRole: Locator;
  readonly addAttendeeButton: Locator;
  // capture
  readonly capture: Locator;
  readonly captureForm: Locator;
  readonly whoAsked: Locator;
  readonly what: Locator;
  readonly importance: Locator;
  readonly captureButton: Locator;
  readonly capturedTable: Locator;
  readonly capturedRows: Locator;
  readonly nothingCaptured: Locator;
  readonly printButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.main = page.getByRole('main');
    this.title = this.main.getByRole('textbox', { name: 'Title', exact: true });
    this.figures = this.main.locator('dl').filter({ has: page.getByRole('term').filter({ hasText: /^Sessions$/ }) });

    this.conflicts = this.main.getByRole('region', { name: 'Conflicts' });
    this.conflictItems = this.conflicts.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    // The sentence follows an icon, so its text starts with a space.
    this.noConflicts = this.conflicts.getByText(/^\s*No conflicts: /);

    this.agenda = this.main.getByRole('region', { name: 'Agenda' });
    this.agendaTable = this.agenda.getByRole('table', { name: 'Agenda' });
    this.sessionRows = this.agendaTable.getByRole('row').filter({ has: page.getByRole('cell') });
    // A session's title is an inline field, "Title of <session>", in agenda order.
    this.sessionTitles = this.agendaTable.getByRole('textbox', { name: /^Title of / });
    this.addSessionForm = this.agenda.getByRole('form', { name: 'Add session' });
    this.sessionDay = this.addSessionForm.getByLabel('Day', { exact: true });
    this.sessionStart = this.addSessionForm.getByLabel('Starts', { exact: true });
    this.sessionEnd = this.addSessionForm.getByLabel('Ends', { exact: true });
    this.sessionTitle = this.addSessionForm.getByLabel('Session', { exact: true });
    this.sessionOwner = this.addSessionForm.getByLabel('Owner', { exact: true });
    this.sessionKind = this.addSessionForm.getByLabel('Kind', { exact: true });
    this.addSessionButton = this.addSessionForm.getByRole('button', { name: 'Add session' });

    this.attendees = this.main.getByRole('region', { name: 'Attendees' });
    this.attendeesTable = this.attendees.getByRole('table', { name: 'Attendees' });
    this.attendeeRows = this.attendeesTable.getByRole('row').filter({ has: page.getByRole('rowheader') });
    this.addAttendeeForm = this.attendees.getByRole('form', { name: 'Add attendee' });
    this.attendeeAccount = this.addAttendeeForm.getByLabel('Account', { exact: true });
    this.attendeeName = this.addAttendeeForm.getByLabel('Name', { exact: true });
    this.attendeeRole = this.addAttendeeForm.getByLabel('Role', { exact: true });
    this.addAttendeeButton = this.addAttendeeForm.getByRole('button', { name: 'Add attendee' });

    this.capture = this.main.getByRole('region', { name: 'Requests captured here' });
    this.captureForm = this.capture.getByRole('form', { name: 'Capture a request' });
    // The label shows the shortcut key after the words: "Who asked C".
    this.whoAsked = this.captureForm.getByRole('combobox', { name: /^Who asked/ });
    this.what = this.captureForm.getByLabel('What they asked for', { exact: true });
    this.importance = this.captureForm.getByLabel('Importance', { exact: true });
    this.captureButton = this.captureForm.getByRole('button', { name: 'Capture', exact: true });
    this.capturedTable = this.capture.getByRole('table', { name: 'Requests captured at this retreat' });
    this.capturedRows = this.capturedTable.getByRole('row').filter({ has: page.getByRole('rowheader') });
    this.nothingCaptured = this.capture.getByText('Nothing captured yet.', { exact: true });
    this.printButton = this.main.getByRole('button', { name: 'Print brief…', exact: true });
  }

  /** "Print brief…": in the browser the brief opens in a new tab, which is returned. */
  async printBrief(): Promise<Page> {
    const tab = this.page.context().waitForEvent('page');
    await this.printButton.click();
    return tab;
  }

  /** Waits until the page of the retreat called `title` is shown. */
  async expectOpen(title: string): Promise<void> {
    await expect(this.title).toHaveValue(title);
    await expect(this.main.getByRole('heading', { name: title, level: 1 })).toBeAttached();
  }

  /** The value (<dd>) of a figure in the header. */
  figure(label: RetreatFigureLabel): Locator {
    return this.figures
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${escapeRe(label)}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** A fact under the title: the dates ("Sep 14, 2027 – Sep 15, 2027") or the place. */
  headerFact(text: string): Locator {
    return this.main.getByText(text, { exact: true });
  }

  /** A conflict by its title, e.g. "Sessions overlap". */
  conflict(title: string): Locator {
    return this.conflictItems.filter({ hasText: title });
  }

  // ---- agenda ------------------------------------------------------------------------

  sessionRow(title: string): Locator {
    return this.sessionRows.filter({ has: this.page.getByRole('textbox', { name: `Title of ${title}`, exact: true }) });
  }

  /** The "When" cell of a session: day, "HH:MM–HH:MM" and "overlaps" when it does. */
  sessionWhen(title: string): Locator {
    return this.sessionRow(title).getByRole('cell').first();
  }

  /** Fills "Add session" and submits it; waits for the row and for "Saved". */
  async addSession(input: NewSessionInput): Promise<void> {
    if (input.date !== undefined) await this.sessionDay.fill(input.date);
    await this.sessionStart.fill(input.start);
    await this.sessionEnd.fill(input.end);
    await this.sessionTitle.fill(input.title);
    await this.sessionOwner.fill(input.owner ?? '');
    if (input.kind !== undefined) await this.sessionKind.selectOption({ label: input.kind });
    await this.addSessionButton.click();
    await expect(this.sessionRow(input.title)).toBeVisible();
    await this.shell.waitSaved();
    // The form keeps the day and moves on: the next session starts where this one ended.
    await expect(this.sessionTitle).toHaveValue('');
    await expect(this.sessionStart).toHaveValue(input.end);
  }

  // ---- attendees ---------------------------------------------------------------------

  /** An attendee's row; the name is the row header. */
  attendeeRow(name: string): Locator {
    return this.attendeeRows.filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The "not a member" badge in an attendee's account cell (a conflict). */
  notMemberBadge(name: string): Locator {
    return this.attendeeRow(name).getByText('not a member', { exact: true });
  }

  /** Adds a customer attendee by typed name (the account has no people on its map). */
  async addAttendee(account: string, name: string, role = ''): Promise<void> {
    await this.attendeeAccount.selectOption({ label: account });
    await this.attendeeName.fill(name);
    await this.attendeeRole.fill(role);
    await this.addAttendeeButton.click();
    await expect(this.attendeeRow(name)).toBeVisible();
    await this.shell.waitSaved();
    await expect(this.attendeeName).toHaveValue('');
  }

  // ---- capture -----------------------------------------------------------------------

  /** "C" anywhere outside a field focuses "Who asked". */
  async focusCaptureWithShortcut(): Promise<void> {
    await this.shell.focusOutsideFields();
    await this.page.keyboard.press('c');
    await expect(this.whoAsked).toBeFocused();
  }

  /** Who asked, what for, how important; "Capture". Resolves once the form is cleared for the next one. */
  async captureRequest(account: string, what: string, importance: ImportanceLabel): Promise<void> {
    await this.whoAsked.selectOption({ label: account });
    await this.what.fill(what);
    await this.importance.selectOption({ label: importance });
    await this.captureButton.click();
    await expect(this.what).toHaveValue('');
    await this.shell.waitSaved();
    // Focus goes back to "Who asked" for the next request.
    await expect(this.whoAsked).toBeFocused();
  }

  /** A captured item's row; the item's title is the row header's link. */
  capturedRow(itemTitle: string): Locator {
    return this.capturedRows.filter({ has: this.page.getByRole('link', { name: itemTitle, exact: true }) });
  }

  /** The cells of a captured item's row: Asked by, Demand added, Item's demand now. */
  capturedCells(itemTitle: string): Locator {
    return this.capturedRow(itemTitle).getByRole('cell');
  }
}
