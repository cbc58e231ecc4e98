import type { BrowserContext, Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { AppShell } from './AppShell';
import { AccountsListPage } from './AccountsListPage';
import { AccountPage } from './AccountPage';
import { MapTab } from './MapTab';
import { PlansTab } from './PlansTab';
import { NewAccountDialog } from './NewAccountDialog';
import { SyncPage } from './SyncPage';

/**
 * Sync & backups in browser mode: no sync folder, so files travel by download (export) and
 * the file chooser (import). A "device" is its own browser context, hence its own IndexedDB:
 * two contexts are two laptops that only meet through the files the test carries across.
 */

/** One device: a browser profile of its own with the page models on its one page. */
export interface Device {
  readonly page: Page;
  readonly shell: AppShell;
  readonly list: AccountsListPage;
  readonly account: AccountPage;
  readonly map: MapTab;
  readonly plans: PlansTab;
  readonly newAccount: NewAccountDialog;
  readonly sync: SyncPage;
}

export const test = base.extend<{ openDevice: () => Promise<Device> }>({
  /** Opens the app in a new browser context (empty IndexedDB) with the project's context options; closes them all after the test. */
  openDevice: async ({ browser, baseURL, viewport, locale, timezoneId, colorScheme }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL, viewport, locale, timezoneId, colorScheme, acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      const device: Device = {
        page,
        shell: new AppShell(page),
        list: new AccountsListPage(page),
        account: new AccountPage(page),
        map: new MapTab(page),
        plans: new PlansTab(page),
        newAccount: new NewAccountDialog(page),
        sync: new SyncPage(page),
      };
      await device.shell.goto();
      return device;
    });
    // The config's screenshot-on-failure covers the `page` fixture only: take the devices' pages here.
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, c] of contexts.entries()) {
        for (const p of c.pages())
          await testInfo.attach(`device ${i + 1}`, { body: await p.screenshot({ fullPage: true }), contentType: 'image/png' });
      }
    }
    for (const c of contexts) await c.close();
  },
});

export const NORDHAVN = 'Nordhavn Shipping A/S';
export const KESTREL = 'Kestrel Energy';
export const PICO = 'Pico Robotics';
export const SAMPLE_ACCOUNTS = 12;

export const DAMAGED = 'the file is damaged or incomplete (its checksum does not match). Copy it again or export a new one.';

/** Opens the (empty) accounts screen and loads the sample workspace: 12 accounts. */
export async function loadSample(d: Device): Promise<void> {
  await d.list.goto();
  await d.list.loadSample();
}

export async function nameDevice(d: Device, name: string): Promise<void> {
  await d.sync.open();
  await d.sync.setDeviceName(name);
}

/** The accounts list as "<name> · <owner>" lines, in the list's order. */
export async function accountsWithOwners(d: Device, total: number): Promise<string[]> {
  await d.list.goto();
  await d.list.expectCount(total, total);
  return d.list.namesAndOwners();
}

/** Everyone on an account's map (the List view's row headers: name, then title · department), sorted. */
export async function mapPeople(d: Device, account: string): Promise<string[]> {
  await d.list.goto();
  await d.list.open(account);
  await d.map.open();
  await d.map.openView('List');
  return (await d.map.peopleTable.getByRole('rowheader').allTextContents()).sort();
}

/** The entries of an account's plan list (title, period, progress), sorted; the list's "New plan" button left out. */
export async function planEntries(d: Device, account: string): Promise<string[]> {
  await d.list.goto();
  await d.list.open(account);
  await d.account.openPlans();
  const entries = d.plans.planList.getByRole('button').filter({ hasNotText: /^New plan$/ });
  await expect(entries.first()).toBeVisible();
  return (await entries.allTextContents()).sort();
}

/** Sets an inline field of an account (from the accounts list) and waits for "Saved". */
export async function setAccountField(d: Device, account: string, label: string, value: string): Promise<void> {
  await d.list.goto();
  await d.list.open(account);
  await d.account.setField(label, value);
  await expect(d.account.field(label)).toHaveValue(value);
}

/** A (holding the sample workspace) exports everything, and B merges that file: both hold the same 12 accounts. */
export async function shareSample(a: Device, b: Device, aName: string): Promise<number> {
  await a.sync.open();
  const file = await a.sync.exportFile({ what: 'Everything' });
  await b.sync.open();
  await b.sync.chooseFile(file);
  await expect(b.sync.previewValue('From')).toHaveText(aName);
  await expect(b.sync.previewValue('Holds')).toHaveText(/^Everything · [\d,]+ records$/);
  const records = await b.sync.previewRecords();
  await b.sync.merge();
  await b.sync.expectImportResult({ from: aName, added: records, updated: 0, deleted: 0 });
  return records;
}

/** Opens an account on a device and checks one of its inline fields. */
export async function expectAccountField(d: Device, account: string, label: string, value: string): Promise<void> {
  await d.list.goto();
  await d.list.open(account);
  await expect(d.account.field(label)).toHaveValue(value);
}
