import { test, expect } from './pages/fixtures';

test.describe('editing an account', () => {
  test('fields autosave and persist across reload; figures and checks follow', async ({ shell, newAccount, account }) => {
    await newAccount.createAccount({ name: 'Oresund Freight ApS', currency: 'EUR', sizeClass: 'Deer', owner: 'Mette Lund' });
    await shell.waitSaved();

    // Autosave without Enter or blur: the header shows the industry once it is written.
    await account.field('Industry').fill('Logistics');
    await expect(account.headerFact('Logistics')).toBeVisible();
    await shell.waitSaved();

    await account.setField('Region', 'Nordics');
    await account.setField('Actual ARR', '1,250,000');
    await account.setField('Potential ARR (whole wallet)', '20m');
    await account.setField('Renewal date', '2031-03-31');
    await account.selectField('Size class', 'Elephant');
    await account.setField('Support hours per year', '120');

    await expect(account.figure('ARR')).toHaveText('€1,250,000');
    await expect(account.figure('Potential ARR')).toHaveText('€20,000,000');
    await expect(account.figure('Penetration')).toHaveText('6.3%');

    await shell.reload();
    await account.expectOpen('Oresund Freight ApS');
    await expect(account.field('Industry')).toHaveValue('Logistics');
    await expect(account.field('Region')).toHaveValue('Nordics');
    await expect(account.field('Owner (our seller)')).toHaveValue('Mette Lund');
    await expect(account.field('Actual ARR')).toHaveValue('1,250,000');
    await expect(account.field('Potential ARR (whole wallet)')).toHaveValue('20,000,000');
    await expect(account.field('Renewal date')).toHaveValue('2031-03-31');
    await expect(account.field('Size class')).toHaveValue('elephant');
    await expect(account.field('Currency')).toHaveValue('EUR');
    await expect(account.costHours('Support')).toHaveValue('120');

    // 1.25m / 20m = 6.25 %, shown with one decimal in en-US.
    await expect(account.figure('Penetration')).toHaveText('6.3%');
    await expect(account.headerFact('Owner: Mette Lund')).toBeVisible();
    await expect(account.check('Small deal at a big company (6.3% penetration)')).toBeVisible();
  });

  test('invalid amounts show a message next to the field and are not saved', async ({ shell, newAccount, account }) => {
    await newAccount.createAccount({ name: 'Validation Test GmbH' });
    await account.setField('Actual ARR', '500,000');
    await expect(account.figure('ARR')).toHaveText('€500,000');
    const arr = account.field('Actual ARR');

    await arr.fill('abc');
    await account.expectFieldError('Actual ARR', 'Enter an amount like 1,250,000 or 2.5m.');
    await arr.press('Tab'); // blur does not commit an invalid draft
    await expect(arr).not.toBeFocused();
    await shell.waitSaved();
    await expect(account.figure('ARR')).toHaveText('€500,000');

    await arr.fill('-5');
    await account.expectFieldError('Actual ARR', 'Amounts cannot be negative.');
    await arr.press('Enter');
    await expect(account.figure('ARR')).toHaveText('€500,000');

    await arr.fill('999999999999999');
    await account.expectFieldError('Actual ARR', 'That is more than one trillion EUR: check the number of zeros.');

    // Escape returns to the saved value and clears the message.
    await arr.press('Escape');
    await expect(arr).toHaveValue('500,000');
    await account.expectNoFieldError('Actual ARR');
    await expect(arr).toHaveAccessibleDescription('');

    // Leave an invalid draft in the field and reload: the saved value is what comes back.
    await arr.fill('abc');
    await account.expectFieldError('Actual ARR', /^Enter an amount like/);
    await shell.reload();
    await account.expectOpen('Validation Test GmbH');
    await expect(account.field('Actual ARR')).toHaveValue('500,000');
    await account.expectNoFieldError('Actual ARR');
    await expect(account.figure('ARR')).toHaveText('€500,000');
  });

  // Regression: parseMoney once read any leading/trailing letters as a currency symbol
  // ("abc" → "empty", "12xyz" → 12). Only the account's own currency may surround a number.
  test('letters around an amount are rejected unless they are the account currency', async ({ newAccount, account }) => {
    await newAccount.createAccount({ name: 'Letters Test SA' });
    await account.setField('Actual ARR', '500,000');
    const arr = account.field('Actual ARR');

    for (const typed of ['12xyz', 'abc123', '12 USD']) {
      await arr.fill(typed);
      await account.expectFieldError('Actual ARR', 'Enter an amount like 1,250,000 or 2.5m.');
      await arr.press('Enter');
      await expect(account.figure('ARR'), `"${typed}" must not be saved`).toHaveText('€500,000');
      await arr.press('Escape');
    }

    await account.setField('Actual ARR', '12 EUR');
    await expect(account.figure('ARR')).toHaveText('€12');
    await account.setField('Actual ARR', '€ 800k');
    await expect(account.figure('ARR')).toHaveText('€800,000');
  });
});
