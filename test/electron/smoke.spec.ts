import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { APP_ORIGIN } from '../../shared/bridge';
import { AccountPage } from '../e2e/pages/AccountPage';
import { AccountsListPage } from '../e2e/pages/AccountsListPage';
import { AppShell } from '../e2e/pages/AppShell';
import { NewAccountDialog } from '../e2e/pages/NewAccountDialog';
import { PlansTab } from '../e2e/pages/PlansTab';
import { SyncPage } from '../e2e/pages/SyncPage';
import { normalised, pdfText } from '../e2e/pdf';
import { electronBinary, NO_ELECTRON } from './binary';

/*
 * The built desktop app (dist/ + dist-electron/main.cjs, built by global-setup.ts) in real
 * Electron: what only the shell does — app://, no Node in the page, IndexedDB under userData
 * across a restart, pdf:print with the save dialog, the sync folder between two devices.
 */

const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const binary = electronBinary();
/** A sync file of a device in the folder: waypoint-<device>.wpsync (renderer/src/db/sync/folder.ts). */
const DEVICE_FILE = /^waypoint-[0-9a-f]{16}\.wpsync$/;

test.skip(binary === null, NO_ELECTRON);

interface Running {
  readonly app: ElectronApplication;
  readonly page: Page;
}

/** Launches the app as `npm start` does, with its own user-data folder (a device of its own). */
async function launch(userData: string): Promise<Running> {
  if (binary === null) throw new Error(NO_ELECTRON);
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Set by some editors' terminals; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = await electron.launch({
    // The package's own binary is launched by Playwright itself, with its loader.
    ...(binary.fromPackage ? {} : { executablePath: binary.path }),
    // Chromium's --user-data-dir is also Electron's app.getPath('userData').
    args: [ROOT, `--user-data-dir=${userData}`],
    cwd: ROOT,
    env,
  });
  const page = await app.firstWindow();
  await new AppShell(page).waitReady();
  return { app, page };
}

/** The next save dialog answers with `file`, as if the user had chosen it. */
function stubSaveDialog(app: ElectronApplication, file: string): Promise<void> {
  return app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = async () => ({ canceled: false, filePath });
  }, file);
}

/** The next open dialog answers with `folder`. */
function stubOpenDialog(app: ElectronApplication, folder: string): Promise<void> {
  return app.evaluate(({ dialog }, chosen) => {
    dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [chosen] });
  }, folder);
}

const deviceFiles = (folder: string): string[] => readdirSync(folder).filter((name) => DEVICE_FILE.test(name));

/**
 * Opens the Sync page and chooses `folder` in the (stubbed) dialog; choosing syncs at once. The
 * sync the app runs shortly after it starts may follow, so callers check files and data, not
 * the words of the last result.
 */
async function chooseSyncFolder(running: Running, folder: string): Promise<SyncPage> {
  const sync = new SyncPage(running.page);
  await sync.open();
  await stubOpenDialog(running.app, folder);
  await sync.folderSection.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(sync.folderSection.getByText(folder, { exact: true })).toBeVisible();
  await expect(sync.folderSection.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 });
  await expect(sync.folderSection.getByRole('alert')).toHaveCount(0);
  return sync;
}

const ACCOUNT = 'Smoke Test Ltd';
const RENAMED = 'Smoke Test Ltd (renamed on the second device)';
const PLAN = 'Smoke plan';

test('the built desktop app: app:// without Node, data across a restart, a plan saved as PDF, a sync folder between two devices', async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'waypoint-electron-'));
  const deviceA = path.join(scratch, 'device-a');
  const deviceB = path.join(scratch, 'device-b');
  const folder = path.join(scratch, 'sync-folder');
  const pdf = path.join(scratch, 'Smoke plan.pdf');
  // The folder a user would pick: it exists before it is chosen.
  mkdirSync(folder);
  /** The app that is running now, closed at the end whatever happens. */
  const live: { app: ElectronApplication | null } = { app: null };
  const start = async (userData: string): Promise<Running> => {
    const running = await launch(userData);
    live.app = running.app;
    return running;
  };
  const quit = async (running: Running): Promise<void> => {
    live.app = null;
    await running.app.close();
  };
  try {
    const first = await start(deviceA);

    await test.step('the window shows app:// and its page has no Node', async () => {
      // Each launch is a device of its own only if Electron keeps its data where --user-data-dir says.
      expect(realpathSync(await first.app.evaluate(({ app }) => app.getPath('userData')))).toBe(realpathSync(deviceA));
      expect(first.page.url().startsWith(`${APP_ORIGIN}/`), first.page.url()).toBe(true);
      // A standard scheme: a real origin, so IndexedDB has a stable home.
      expect(await first.page.evaluate(() => location.origin)).toBe(APP_ORIGIN);
      expect(await first.page.evaluate(() => [typeof require, typeof process, 'waypoint' in window])).toEqual([
        'undefined',
        'undefined',
        true,
      ]);
    });

    await test.step('an account and a plan made through the interface', async () => {
      const list = new AccountsListPage(first.page);
      await expect(list.emptyHeading).toBeVisible();
      await list.newAccountButton.click();
      const dialog = new NewAccountDialog(first.page);
      await expect(dialog.dialog).toBeVisible();
      await dialog.fill({ name: ACCOUNT });
      await dialog.create.click();
      await expect(dialog.dialog).toBeHidden();
      const account = new AccountPage(first.page);
      await account.expectOpen(ACCOUNT);
      await account.openPlans();
      await new PlansTab(first.page).createPlan(PLAN);
    });

    await test.step('"Print plan…" saves a PDF where the save dialog says (pdf:print)', async () => {
      await stubSaveDialog(first.app, pdf);
      await new PlansTab(first.page).printButton.click();
      await expect
        .poll(
          () => {
            try {
              return readFileSync(pdf).subarray(0, 5).toString('latin1');
            } catch {
              return 'no file yet';
            }
          },
          { timeout: 60_000 },
        )
        .toBe('%PDF-');
      const text = normalised(pdfText(pdf));
      expect(text).toContain(PLAN);
      expect(text).toContain(`Confidential — ${ACCOUNT}`);
    });

    const again = await test.step('the account and its plan are still there after the app quits and starts again', async () => {
      await quit(first);
      const running = await start(deviceA);
      const list = new AccountsListPage(running.page);
      await expect(list.row(ACCOUNT)).toBeVisible();
      await list.open(ACCOUNT);
      await new AccountPage(running.page).openPlans();
      await expect(new PlansTab(running.page).planEntry(PLAN)).toBeVisible();
      return running;
    });

    const fileOfA = await test.step('the first device writes its file into the sync folder', async () => {
      await chooseSyncFolder(again, folder);
      await expect.poll(() => deviceFiles(folder), { timeout: 30_000 }).toHaveLength(1);
      await quit(again);
      return deviceFiles(folder)[0] ?? 'missing';
    });

    await test.step('a second device reads it, renames the account and writes its own file', async () => {
      const second = await start(deviceB);
      const sync = await chooseSyncFolder(second, folder);
      await expect.poll(() => deviceFiles(folder), { timeout: 30_000 }).toHaveLength(2);
      const fileOfB = path.join(folder, deviceFiles(folder).find((name) => name !== fileOfA) ?? 'missing');

      await sync.shell.nav.getByRole('link', { name: 'Accounts', exact: true }).click();
      const list = new AccountsListPage(second.page);
      await expect(list.row(ACCOUNT)).toBeVisible({ timeout: 30_000 });
      const before = readFileSync(fileOfB);
      await list.open(ACCOUNT);
      await new AccountPage(second.page).setField('Account name', RENAMED);

      await sync.open();
      await sync.folderSection.getByRole('button', { name: 'Sync now' }).click();
      await expect.poll(() => readFileSync(fileOfB).equals(before), { timeout: 30_000 }).toBe(false);
      await quit(second);
    });

    await test.step('the first device takes the rename from the folder when it starts', async () => {
      const last = await start(deviceA);
      await expect(new AccountsListPage(last.page).row(RENAMED)).toBeVisible({ timeout: 30_000 });
      await quit(last);
    });
  } finally {
    // Whatever failed, no Electron is left running.
    await live.app?.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
});
