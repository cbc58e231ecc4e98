import { test, expect } from './pages/fixtures';

test.describe('account plans', () => {
  test('a plan with an objective and two actions persists, with progress and overdue badges', async ({
    shell,
    newAccount,
    account,
    plans,
  }) => {
    await newAccount.createAccount({ name: 'Polar Grid Oy', sizeClass: 'Elephant' });
    await account.openPlans();
    await expect(plans.page.getByRole('heading', { name: 'No plan for this account yet' })).toBeVisible();

    await plans.createPlan('FY27 expansion');
    await expect(account.plansTab).toHaveAccessibleName(/^Plans\s*1$/);
    await plans.addObjectiveNamed('Win the group CIO');
    await plans.addAction('Win the group CIO', 'Map the buying committee');
    await plans.addAction('Win the group CIO', 'Book an executive briefing');

    await plans.markDone('Map the buying committee');
    await expect(plans.planEntry('FY27 expansion')).toContainText('1 of 2 actions done');

    const threeDaysAgo = await shell.localDate(-3);
    await plans.setDueDate('Book an executive briefing', threeDaysAgo);
    await expect(plans.overdueBadge('Book an executive briefing')).toHaveText('Overdue by 3 days');
    await expect(plans.planEntry('FY27 expansion')).toContainText('1 overdue');

    // A done action is never overdue, whatever its date.
    await plans.setDueDate('Map the buying committee', threeDaysAgo);
    await expect(plans.overdueBadge('Map the buying committee')).toHaveCount(0);

    await shell.reload();
    await expect(account.plansTab).toHaveAttribute('aria-selected', 'true');
    await expect(plans.plan('FY27 expansion')).toBeVisible();
    await expect(plans.title).toHaveValue('FY27 expansion');
    await expect(plans.objective('Win the group CIO')).toBeVisible();
    await expect(plans.doneCheckbox('Map the buying committee')).toBeChecked();
    await expect(plans.doneCheckbox('Book an executive briefing')).not.toBeChecked();
    await expect(plans.status('Map the buying committee')).toHaveValue('done');
    await expect(plans.status('Book an executive briefing')).toHaveValue('open');
    await expect(plans.dueDate('Book an executive briefing')).toHaveValue(threeDaysAgo);
    await expect(plans.planEntry('FY27 expansion')).toContainText('1 of 2 actions done');
    await expect(plans.overdueBadge('Book an executive briefing')).toHaveText('Overdue by 3 days');

    // The overview's checks count the overdue promise.
    await account.openOverview();
    await expect(account.check('1 promised action is overdue')).toBeVisible();
  });

  test('unchecking an action and changing its status are saved', async ({ shell, newAccount, account, plans }) => {
    await newAccount.createAccount({ name: 'Status Test AB' });
    await account.openPlans();
    await plans.createPlan('Renewal plan');
    await plans.addObjectiveNamed('Renew on time');
    await plans.addAction('Renew on time', 'Send the renewal quote');

    await plans.markDone('Send the renewal quote');
    await plans.setDone('Send the renewal quote', false);

    await plans.status('Send the renewal quote').selectOption({ label: 'In progress' });
    await shell.waitSaved();
    await expect(plans.planEntry('Renewal plan')).toContainText('0 of 1 actions done');

    await shell.reload();
    await expect(plans.status('Send the renewal quote')).toHaveValue('inProgress');
    await expect(plans.doneCheckbox('Send the renewal quote')).not.toBeChecked();
  });
});
