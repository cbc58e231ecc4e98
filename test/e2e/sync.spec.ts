import { statSync } from 'node:fs';
import { IN_PLACE_BYTES } from '../../renderer/src/db/sync/importOffThread';
import { expect } from './pages/fixtures';
import {
  KESTREL,
  NORDHAVN,
  PICO,
  SAMPLE_ACCOUNTS,
  accountsWithOwners,
  expectAccountField,
  loadSample,
  mapPeople,
  nameDevice,
  planEntries,
  setAccountField,
  shareSample,
  test,
} from './pages/devices';

test.describe('sync between devices', () => {
  test('two devices exchange files both ways and converge; the owner conflict is reviewed, taken back, and reaches the other device', async ({
    openDevice,
  }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    const OFFICE = 'Office laptop';
    const HOTEL = 'Hotel laptop';

    await test.step('each device gets a readable name; in the browser there is no sync folder', async () => {
      await nameDevice(a, OFFICE);
      await expect(a.sync.folderSection).toContainText(
        'Sync folders need the Waypoint desktop app. In the browser, export a file here and import it on the other device.',
      );
      await expect(a.sync.devicesSection).toContainText('No other device has sent this one a file yet.');
      await nameDevice(b, HOTEL);
    });

    await test.step('A loads the sample and exports everything; B imports it and has the same accounts', async () => {
      await loadSample(a);
      await shareSample(a, b, OFFICE);
      // B now knows A; A does not know B yet.
      await expect(b.sync.otherDevice(OFFICE)).toBeVisible();
      const onA = await accountsWithOwners(a, SAMPLE_ACCOUNTS);
      const onB = await accountsWithOwners(b, SAMPLE_ACCOUNTS);
      expect(onB).toEqual(onA);
      for (const name of [NORDHAVN, KESTREL, PICO, 'Sakura Logistics K.K.']) await expect(b.list.row(name)).toBeVisible();
      await expect(b.list.ownerCell(NORDHAVN)).toHaveText('Mette Lund');
    });

    await test.step('offline, A changes the owner of Nordhavn, adds a person to its map and a plan with an action', async () => {
      await setAccountField(a, NORDHAVN, 'Owner (our seller)', 'Anna Berg');
      await a.map.open();
      await a.map.addPersonNamed('Ida Feldt');
      await a.map.setPanelField('Title', 'Head of Terminal IT');
      await a.map.closePanel();
      await a.account.openPlans();
      await a.plans.createPlan('Rotterdam pilot');
      await a.plans.addObjectiveNamed('Win the pilot');
      await a.plans.addAction('Win the pilot', 'Send the pilot proposal');
    });

    await test.step('offline and later, B changes the same owner to another value and the industry of another account', async () => {
      await setAccountField(b, NORDHAVN, 'Owner (our seller)', 'Bert Olsen');
      await setAccountField(b, KESTREL, 'Industry', 'Offshore wind');
    });

    await test.step('B exports its changes for A; A merges them and has a conflict to review', async () => {
      // A has never had a file from B: it cannot export changes for it yet.
      await a.sync.open();
      await a.sync.exportChoice('Changes for a device').check();
      await expect(a.sync.noPeersNotice).toBeVisible();
      await expect(a.sync.exportDevice).toHaveCount(0);

      await b.sync.open();
      await b.sync.exportChoice('Changes for a device').check();
      await expect(b.sync.exportDevice.getByRole('option')).toHaveText([OFFICE]);
      const fromB = await b.sync.exportFile({ what: 'Changes for a device', device: OFFICE });

      await expect(a.sync.navConflictCount).toHaveCount(0);
      await a.sync.chooseFile(fromB);
      await expect(a.sync.previewValue('From')).toHaveText(HOTEL);
      await expect(a.sync.previewValue('Holds')).toHaveText(/^Changes since the last exchange · [\d,]+ records?$/);
      await a.sync.merge();
      // Nordhavn (owner) and Kestrel (industry).
      await a.sync.expectImportResult({ from: HOTEL, added: 0, updated: 2, deleted: 0, conflicts: 1 });
      await expect(a.sync.importResultTables()).toHaveText(['Account: 2 updated']);
      await expect(a.sync.otherDevice(HOTEL)).toBeVisible();
    });

    await test.step('A shows the conflict with both values, the later edit in place, and the count in the sidebar', async () => {
      await expect(a.sync.conflictRows).toHaveCount(1);
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'Where')).toHaveText(/Account\s*Nordhavn Shipping A\/S\s*Owner/);
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'In place now')).toContainText('Bert Olsen');
      await expect(a.sync.conflictCell(NORDHAVN, 'Owner', 'The other value')).toContainText('Anna Berg');
      await expect(a.sync.navConflictCount).toHaveText('1');
      await expect(a.sync.navConflictCount).toHaveAccessibleName('1 conflict to review');
      await expect(a.sync.navLink).toHaveAccessibleName('Sync 1 conflict to review');
    });

    await test.step('A exports its changes for B; B merges them', async () => {
      await a.sync.exportChoice('Changes for a device').check();
      await expect(a.sync.exportDevice.getByRole('option')).toHaveText([HOTEL]);
      const fromA = await a.sync.exportFile({ what: 'Changes for a device', device: HOTEL });
      // The file is named after the device it is for.
      expect(fromA).toMatch(/Waypoint changes for Hotel laptop \d{4}-\d{2}-\d{2}\.wpsync$/);
      await b.sync.chooseFile(fromA);
      await expect(b.sync.previewValue('From')).toHaveText(OFFICE);
      await b.sync.merge();
      // The person, the plan, its objective and its action — and the review A recorded of its lost
      // owner: B, whose value won, reviews the conflict too (issue 12).
      await b.sync.expectImportResult({ from: OFFICE, added: 5, updated: 0, deleted: 0, conflicts: 1 });
      await expect(b.sync.importResultTables()).toHaveText([
        'Plan: 1 added',
        'Objective: 1 added',
        'Action: 1 added',
        'Person: 1 added',
        'Conflict review: 1 added',
      ]);
      await expect(b.sync.conflictRows).toHaveCount(1);
      await expect(b.sync.conflictCell(NORDHAVN, 'Owner', 'In place now')).toContainText('Bert Olsen');
      await expect(b.sync.conflictCell(NORDHAVN, 'Owner', 'The other value')).toContainText(`Anna Berg`);
      await expect(b.sync.conflictCell(NORDHAVN, 'Owner', 'The other value')).toContainText(`from ${OFFICE}`);
      await expect(b.sync.navConflictCount).toHaveText('1');
    });

    await test.step('both devices show the same accounts and owners, the same map people and the same plans', async () => {
      const onA = await accountsWithOwners(a, SAMPLE_ACCOUNTS);
      const onB = await accountsWithOwners(b, SAMPLE_ACCOUNTS);
      expect(onB).toEqual(onA);
      expect(onA).toContain(`${NORDHAVN} · Bert Olsen`);

      await expectAccountField(a, KESTREL, 'Industry', 'Offshore wind');

      const peopleA = await mapPeople(a, NORDHAVN);
      const peopleB = await mapPeople(b, NORDHAVN);
      expect(peopleB).toEqual(peopleA);
      expect(peopleA).toContainEqual(expect.stringMatching(/^Ida Feldt\s*Head of Terminal IT$/));
      expect(peopleA).toHaveLength(8);

      const plansA = await planEntries(a, NORDHAVN);
      const plansB = await planEntries(b, NORDHAVN);
      expect(plansB).toEqual(plansA);
      expect(plansA).toHaveLength(2);
      await b.plans.planEntry('Rotterdam pilot').click();
      await expect(b.plans.plan('Rotterdam pilot')).toBeVisible();
      await expect(b.plans.objective('Win the pilot')).toBeVisible();
      await expect(b.plans.doneCheckbox('Send the pilot proposal')).not.toBeChecked();
    });

    await test.step('on A, "Use this value" makes the other value current and clears the count', async () => {
      await a.sync.open();
      await a.sync.useOtherValue(NORDHAVN, 'Owner');
      await expect(a.sync.conflictRows).toHaveCount(0);
      await expect(a.sync.noConflicts).toBeVisible();
      await expect(a.sync.navConflictCount).toHaveCount(0);
      await expect(a.sync.navLink).toHaveAccessibleName('Sync');
      await a.list.goto();
      await expect(a.list.ownerCell(NORDHAVN)).toHaveText('Anna Berg');
    });

    await test.step('after another exchange B shows the value, and the conflict is settled on B too', async () => {
      await a.sync.open();
      const again = await a.sync.exportFile({ what: 'Changes for a device', device: HOTEL });
      await b.sync.open();
      await b.sync.importFile(again);
      // The owner, and the review settled on A: B's list is empty too.
      await b.sync.expectImportResult({ from: OFFICE, added: 0, updated: 2, deleted: 0 });
      await expect(b.sync.conflictRows).toHaveCount(0);
      await expect(b.sync.navConflictCount).toHaveCount(0);
      await b.list.goto();
      await expect(b.list.ownerCell(NORDHAVN)).toHaveText('Anna Berg');
      expect(await accountsWithOwners(b, SAMPLE_ACCOUNTS)).toEqual(await accountsWithOwners(a, SAMPLE_ACCOUNTS));
    });
  });

  test('the import summary counts what was added, updated and deleted; the same file again changes nothing', async ({ openDevice }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    const ZEPHYR = 'Zephyr Freight AB';
    const YARROW = 'Yarrow Mining Oy';
    await nameDevice(a, 'Laptop A');
    await nameDevice(b, 'Laptop B');

    let everything = '';
    await test.step('a clean import of everything: all added, "No conflicts."', async () => {
      await loadSample(a);
      await a.newAccount.createAccount({ name: ZEPHYR });
      await a.shell.waitSaved();
      await a.sync.open();
      everything = await a.sync.exportFile({ what: 'Everything' });
      // A file this size is checked and merged in the import worker, on its own connection.
      expect(statSync(everything).size).toBeGreaterThan(IN_PLACE_BYTES);
      const workers: string[] = [];
      b.page.on('worker', (w) => workers.push(w.url()));
      await b.sync.open();
      await b.sync.chooseFile(everything);
      const records = await b.sync.previewRecords();
      await expect(b.sync.previewValue('Records')).toContainText('Account 13');
      await b.sync.merge();
      await b.sync.expectImportResult({ from: 'Laptop A', added: records, updated: 0, deleted: 0 });
      expect(workers.some((u) => /import\.worker/.test(u))).toBe(true);
      // What the worker wrote reaches this window's live views without a reload.
      await expect(b.sync.otherDevice('Laptop A')).toBeVisible();
      await expect(b.sync.importResultTables().filter({ hasText: /^Account: / })).toHaveText('Account: 13 added');
      await b.list.goto();
      await b.list.expectCount(13, 13);
    });

    await test.step('the same file a second time: 0 added, 0 updated, 0 deleted', async () => {
      await b.sync.open();
      await b.sync.importFile(everything);
      await b.sync.expectImportResult({ from: 'Laptop A', added: 0, updated: 0, deleted: 0 });
      await expect(b.sync.importResultTables()).toHaveCount(0);
      await expect(b.sync.conflictRows).toHaveCount(0);
      // Each import was backed up first.
      await expect(b.sync.backupsOfKind('Before an import')).toHaveCount(2);
    });

    await test.step('B answers with its changes (nothing A lacks), so A learns of B', async () => {
      const fromB = await b.sync.exportFile({ what: 'Changes for a device', device: 'Laptop A' });
      await a.sync.chooseFile(fromB);
      await a.sync.merge();
      await a.sync.expectImportResult({ from: 'Laptop B', added: 0, updated: 0, deleted: 0 });
    });

    let changes = '';
    await test.step('A adds one account, renames one and deletes one; B gets 1 added, 1 updated, 1 deleted', async () => {
      await a.newAccount.createAccount({ name: YARROW });
      await a.shell.waitSaved();
      await setAccountField(a, PICO, 'Account name', 'Pico Robotics Europe');
      await a.list.goto();
      await a.list.open(ZEPHYR);
      await a.account.delete();
      await a.shell.waitSaved();
      await a.list.expectCount(13, 13);

      await a.sync.open();
      changes = await a.sync.exportFile({ what: 'Changes for a device', device: 'Laptop B' });
      await b.sync.importFile(changes);
      await b.sync.expectImportResult({ from: 'Laptop A', added: 1, updated: 1, deleted: 1 });
      await expect(b.sync.importResultTables()).toHaveText(['Account: 1 added, 1 updated, 1 deleted']);
      await b.list.goto();
      await b.list.expectCount(13, 13);
      await expect(b.list.row(YARROW)).toBeVisible();
      await expect(b.list.row('Pico Robotics Europe')).toBeVisible();
      await expect(b.list.row(ZEPHYR)).toHaveCount(0);
    });

    await test.step('those changes a second time: 0 added, 0 updated, 0 deleted', async () => {
      await b.sync.open();
      await b.sync.importFile(changes);
      await b.sync.expectImportResult({ from: 'Laptop A', added: 0, updated: 0, deleted: 0 });
      await b.list.goto();
      await b.list.expectCount(13, 13);
    });
  });

  test('"One account" exports that account with its map and plans; a fresh profile gets exactly that account', async ({ openDevice }) => {
    test.setTimeout(120_000);
    const a = await openDevice();
    const b = await openDevice();
    await nameDevice(a, 'Laptop A');
    await loadSample(a);
    const people = await mapPeople(a, NORDHAVN);
    const plansOnA = await planEntries(a, NORDHAVN);
    expect(people).toHaveLength(7);

    await a.sync.open();
    await a.sync.exportChoice('One account').check();
    // The select lists the accounts by name, Nordhavn among them.
    await expect(a.sync.exportAccount.getByRole('option')).toHaveCount(SAMPLE_ACCOUNTS);
    const file = await a.sync.exportFile({ what: 'One account', account: NORDHAVN });
    expect(file).toContain(`account ${NORDHAVN.replace('/', '-')}`);

    await b.sync.open();
    await b.sync.chooseFile(file);
    await expect(b.sync.previewValue('Holds')).toHaveText(new RegExp(`^The account ${NORDHAVN.replace('/', '\\/')} · [\\d,]+ records$`));
    const records = await b.sync.previewRecords();
    await b.sync.merge();
    await b.sync.expectImportResult({ from: 'Laptop A', added: records, updated: 0, deleted: 0 });

    await b.list.goto();
    await b.list.expectCount(1, 1);
    expect(await b.list.names()).toEqual([NORDHAVN]);
    await expect(b.list.ownerCell(NORDHAVN)).toHaveText('Mette Lund');
    expect(await mapPeople(b, NORDHAVN)).toEqual(people);
    await expect(b.map.quality).toBeVisible();
    expect(await planEntries(b, NORDHAVN)).toEqual(plansOnA);
  });
});
