import { type Locator, type Page } from '@playwright/test';

export interface NewRetreatInput {
  readonly title: string;
  readonly place?: string;
  /** YYYY-MM-DD */
  readonly start: string;
  readonly end: string;
}

/** "New retreat" on the club page: title, place and the first and last day. */
export class NewRetreatDialog {
  readonly dialog: Locator;
  readonly title: Locator;
  readonly place: Locator;
  readonly start: Locator;
  readonly end: Locator;
  readonly create: Locator;
  readonly cancel: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New retreat' });
    this.title = this.dialog.getByLabel('Title', { exact: true });
    this.place = this.dialog.getByLabel('Place', { exact: true });
    this.start = this.dialog.getByLabel('First day', { exact: true });
    this.end = this.dialog.getByLabel('Last day', { exact: true });
    this.create = this.dialog.getByRole('button', { name: 'Create retreat' });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  async fill(input: NewRetreatInput): Promise<void> {
    await this.title.fill(input.title);
    if (input.place !== undefined) await this.place.fill(input.place);
    await this.start.fill(input.start);
    await this.end.fill(input.end);
  }
}
