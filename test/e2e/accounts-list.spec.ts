import { test, expect } from './pages/fixtures';

test.describe('accounts list', () => {
  test('filter by text, size class and bucket; clear restores all', async ({ list }) => {
    await list.loadSample();
    await expect(list.page.getByText('12 accounts', { exact: true })).toBeVisible();

    await list.filter('an');
    await list.expectCount(9, 12);
    await list.sizeFilter.selectOption({ label: 'Deer' });
    await list.expectCount(4, 12);
    await list.bucketFilter.selectOption('1');
    await list.expectCount(2, 12);
    expect(await list.names()).toEqual(['Atlas Retail Group', 'Brightline Insurance']);

    // Every word must match: name, industry, region, owner or tag.
    await list.filter('an insurance');
    await list.expectCount(1, 12);
    await expect(list.row('Brightline Insurance')).toBeVisible();

    await list.filter('no such account');
    await expect(list.noMatchHeading).toBeVisible();
    await expect(list.grid).toHaveCount(0);

    await list.clearFilters.click();
    await list.expectCount(12, 12);
    await expect(list.filterText).toHaveValue('');
    await expect(list.sizeFilter).toHaveValue('');
    await expect(list.bucketFilter).toHaveValue('');
  });

  test('owner filter and Escape in the filter box', async ({ list }) => {
    await list.loadSample();
    await list.ownerFilter.selectOption({ label: 'Mette Lund' });
    await list.expectCount(3, 12);
    expect(await list.names()).toEqual(['Fjord Analytics', 'Kestrel Energy', 'Nordhavn Shipping A/S']);
    await list.filter('energy');
    await list.expectCount(1, 12);
    await list.filterText.press('Escape');
    await expect(list.filterText).toHaveValue('');
    await list.expectCount(3, 12);
  });

  test('sorting by a column header toggles aria-sort and the order', async ({ list }) => {
    await list.loadSample();
    await expect(list.columnHeader('Account')).toHaveAttribute('aria-sort', 'ascending');
    await expect(list.columnHeader('ARR')).toHaveAttribute('aria-sort', 'none');
    const byName = await list.names();
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));

    await list.sortBy('ARR');
    await expect(list.columnHeader('ARR')).toHaveAttribute('aria-sort', 'descending');
    await expect(list.columnHeader('Account')).toHaveAttribute('aria-sort', 'none');
    // Money compares in the reporting currency (EUR) at the sample's rates, not by face value:
    // ¥68,000,000 ≈ €414,800 sits below €1,850,000, and SEK 380,000 ≈ €33,212 just above $36,000 ≈ €33,156.
    const byArr = [
      'Vereinigte Stahlwerke AG', // €1,850,000
      'Meridian Health Partners', // £980,000 ≈ €1,147,580
      'Orchid Telecom', // SGD 1,500,000 ≈ €1,024,500
      'Atlas Retail Group', // €640,000
      'Brightline Insurance', // $520,000 ≈ €478,920
      'Sakura Logistics K.K.', // ¥68,000,000 ≈ €414,800
      'Hanse Pharma GmbH', // €410,000
      'Kestrel Energy', // NOK 4,200,000 ≈ €357,840
      'Nordhavn Shipping A/S', // DKK 2,400,000 ≈ €321,840
      'Lumen Dental Clinics', // €48,000
      'Fjord Analytics', // SEK 380,000 ≈ €33,212
      'Pico Robotics', // $36,000 ≈ €33,156
    ];
    expect(await list.names()).toEqual(byArr);
    await expect(list.columnHeader('ARR')).toContainText('in EUR');
    await expect(list.columnHeader('ARR')).toHaveAccessibleDescription(
      'Amounts show in each account’s own currency and sort in EUR at your exchange rates.',
    );
    // The amount stays in the contract currency; below it, what the list sorted by.
    const sakura = list.moneyCell('Sakura Logistics K.K.', 'ARR');
    await expect(sakura).toContainText('¥68,000,000');
    await expect(sakura.getByText('≈ €414.8K', { exact: true })).toHaveAttribute('title', '€414,800 at 1 JPY = 0.0061 EUR');
    await expect(list.moneyCell('Vereinigte Stahlwerke AG', 'ARR')).toHaveText('€1,850,000');

    await list.sortBy('ARR');
    await expect(list.columnHeader('ARR')).toHaveAttribute('aria-sort', 'ascending');
    expect(await list.names()).toEqual([...byArr].reverse());
  });

  test('ARR in a currency without a rate: after every converted one both ways, a link to the rate, in place once it has one', async ({
    page,
    list,
    newAccount,
    account,
  }) => {
    await list.loadSample();
    // CHF 5,000,000: by face value below only the yen account, but the workspace has no CHF rate yet.
    await newAccount.createAccount({ name: 'Alpen Uhren AG', currency: 'CHF' });
    await account.setField('Actual ARR', '5000000');
    await list.openFromNav();
    await list.expectCount(13, 13);

    await list.sortBy('ARR');
    const names = await list.names();
    expect(names.at(-1)).toBe('Alpen Uhren AG');
    expect(names[0]).toBe('Vereinigte Stahlwerke AG');
    await list.sortBy('ARR');
    expect((await list.names()).at(-1), 'unconverted amounts follow the converted ones in both directions').toBe('Alpen Uhren AG');

    await expect(list.moneyCell('Alpen Uhren AG', 'ARR')).toContainText('CHF 5,000,000');
    const noRate = list.noRateLink('Alpen Uhren AG', 'ARR', 'CHF');
    await expect(noRate).toHaveText('No exchange rate');
    await noRate.click();
    await expect(page.getByRole('main').getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    // The rate field of the roadmap settings (SettingsPage models only the device preferences).
    const rate = page.getByRole('main').getByLabel('1 CHF in EUR', { exact: true });
    await rate.fill('0.95');
    await rate.press('Enter');
    await list.shell.waitSaved();

    await list.openFromNav();
    await list.sortBy('ARR');
    // CHF 5,000,000 ≈ €4,750,000: now the largest.
    expect((await list.names())[0]).toBe('Alpen Uhren AG');
    await expect(list.noRateLink('Alpen Uhren AG', 'ARR', 'CHF')).toHaveCount(0);
    await expect(list.moneyCell('Alpen Uhren AG', 'ARR').getByText('≈ €4.8M', { exact: true })).toBeVisible();
  });

  test('the whole header cell sorts, also a click far from its label', async ({ page, list }) => {
    await list.loadSample();
    for (const label of ['Owner', 'ARR'] as const) {
      const cell = list.columnHeader(label);
      const box = (await cell.boundingBox())!;
      const text = (await cell.getByText(label, { exact: true }).boundingBox())!;
      // The point of the cell farthest from its label, still inside the cell.
      const x = text.x - box.x > box.x + box.width - (text.x + text.width) ? box.x + 3 : box.x + box.width - 3;
      await page.mouse.click(x, box.y + box.height / 2);
      await expect(cell).not.toHaveAttribute('aria-sort', 'none');
    }
  });

  test('a club member’s row keeps two lines: its badge stays inside the row, under the name', async ({ list }) => {
    await list.loadSample();
    for (const name of ['Hanse Pharma GmbH', 'Nordhavn Shipping A/S', 'Atlas Retail Group']) {
      const row = (await list.row(name).boundingBox())!;
      const link = (await list.row(name).getByRole('link', { name, exact: true }).boundingBox())!;
      expect(link.y + link.height, `${name}: the name inside its row`).toBeLessThanOrEqual(row.y + row.height);
      if (name === 'Atlas Retail Group') continue;
      const badge = (await list.clubBadge(name).boundingBox())!;
      expect(badge.y, `${name}: the badge below the name`).toBeGreaterThanOrEqual(link.y + link.height - 1);
      expect(badge.y + badge.height, `${name}: the badge inside its row`).toBeLessThanOrEqual(row.y + row.height);
    }
  });

  test('keyboard: focus the grid, ArrowDown, Enter opens the account', async ({ list, account }) => {
    await list.loadSample();
    await list.grid.focus();
    await expect(list.grid).toBeFocused();
    await expect(list.rows.nth(0)).toHaveAttribute('aria-selected', 'true');

    await list.page.keyboard.press('ArrowDown');
    await expect(list.rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(list.rows.nth(0)).toHaveAttribute('aria-selected', 'false');
    const second = (await list.names())[1]!;
    // The grid points assistive technology at the active row.
    const rowId = await list.rows.nth(1).getAttribute('id');
    await expect(list.grid).toHaveAttribute('aria-activedescendant', rowId!);

    await list.page.keyboard.press('Enter');
    await account.expectOpen(second);
  });

  test('typing in the filter and pressing Enter opens the only match', async ({ list, account }) => {
    await list.loadSample();
    await list.filterText.click();
    await list.page.keyboard.type('hanse');
    await list.expectCount(1, 12);
    await list.filterText.press('Enter');
    await account.expectOpen('Hanse Pharma GmbH');
  });
});

test.describe('sample workspace and command palette', () => {
  test('the sample loads from the empty state, opens with its plan, and the palette finds accounts', async ({
    list,
    account,
    plans,
    palette,
    shell,
  }) => {
    await expect(list.emptyHeading).toBeVisible();
    await expect(list.newAccountButton).toBeVisible();
    await list.loadSampleButton.click();
    await expect(shell.toast('Sample workspace loaded: 12 accounts with plans.')).toBeVisible();
    await list.expectCount(12, 12);
    await expect(list.page.getByText('12 accounts', { exact: true })).toBeVisible();

    await list.open('Nordhavn Shipping A/S');
    await expect(account.field('Industry')).toHaveValue('Logistics');
    await expect(account.figure('ARR')).toHaveText('DKK 2,400,000');
    await expect(account.figure('Penetration')).toHaveText('5.9%');
    await expect(account.check('1 promised action is overdue')).toBeVisible();

    await account.openPlans();
    const plan = 'FY27 expansion: group-wide terminal planning';
    await expect(plans.plan(plan)).toBeVisible();
    await expect(plans.planEntry(plan)).toContainText('1 of 5 actions done');
    await expect(plans.planEntry(plan)).toContainText('1 overdue');
    await expect(plans.overdueBadge("Find the CFO's delegate for IT spend")).toHaveText('Overdue by 5 days');
    await expect(plans.doneCheckbox('Workshop with Aarhus ops to document savings')).toBeChecked();

    await palette.open();
    await palette.search('sakura', 'Sakura Logistics K.K.');
    await palette.runOnlyResult('Sakura Logistics K.K.');
    await account.expectOpen('Sakura Logistics K.K.');
    await expect(account.overviewTab).toHaveAttribute('aria-selected', 'true');

    // Commands are searchable too.
    await palette.open();
    // "go to acc" also matches "Go to acceleration quotes" since the palette has roadmap commands.
    await palette.search('go to accounts', 'Go to accounts');
    await palette.runOnlyResult('Go to accounts');
    await expect(list.heading).toBeVisible();
  });

  // Known app bug (renderer/src/features/palette/components/CommandPalette.tsx): results
  // follow a useDeferredValue of the query while cmdk highlights the first item of the
  // list it sees at that moment (the old one), so a query that narrows the results in
  // one step leaves nothing highlighted and Enter does nothing. See the e2e report.
  test('palette: Enter right after typing a query opens the first match', async ({ list, palette, account }) => {
    await list.loadSample();
    await palette.open();
    await palette.search('nordhavn', 'Nordhavn Shipping A/S');
    await expect(palette.options).toHaveCount(1);
    await expect(
      palette.options.first(),
      'after typing "nordhavn" the only result must be highlighted so that Enter opens it',
    ).toHaveAttribute('aria-selected', 'true', { timeout: 3_000 });
    await palette.input.press('Enter');
    await account.expectOpen('Nordhavn Shipping A/S');
  });
});
