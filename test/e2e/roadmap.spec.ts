import { test, expect } from './pages/fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';
import type { AccountPage } from './pages/AccountPage';
import type { NewAccountDialog } from './pages/NewAccountDialog';
import type { NewItemDialog, NewItemInput } from './pages/NewItemDialog';
import type { ItemPage } from './pages/ItemPage';
import type { RoadmapPage } from './pages/RoadmapPage';

/**
 * Roadmap and acceleration quotes. Amounts are worked out by hand from the rules in
 * shared/domain (roadmap.ts: demand = ARR × importance weight, nice 25 % / important 50 % /
 * critical 100 %; acceleration.ts: priceQuote, splitTotal) and the defaults of a new quote
 * (newQuoteFields: €12,000 a month per engineer, engineers = ⌈effort ÷ 3⌉, PM/QA 10 %,
 * contingency 10 %, margin 20 % of the price, split equally). Quarters are fixed (2027) so
 * the sums do not depend on today's date; a new quarter's capacity is 12 EM.
 */

/** Ctrl+N an account in EUR, then its "Actual ARR" on the overview. */
async function createAccountWithArr(
  newAccount: NewAccountDialog,
  account: AccountPage,
  name: string,
  arr: string,
  shown: string,
): Promise<void> {
  await newAccount.createAccount({ name, currency: 'EUR' });
  await account.setField('Actual ARR', arr);
  await expect(account.figure('ARR')).toHaveText(shown);
}

/** "New item" on the Roadmap screen; the new item's page opens. */
async function createItem(roadmap: RoadmapPage, newItem: NewItemDialog, item: ItemPage, input: NewItemInput): Promise<void> {
  await roadmap.open();
  await roadmap.newItemButton.click();
  await expect(newItem.dialog).toBeVisible();
  await expect(newItem.title).toBeFocused();
  await newItem.fill(input);
  await newItem.create.click();
  await expect(newItem.dialog).toBeHidden();
  await item.expectOpen(input.title);
  await item.shell.waitSaved();
}

test.describe('roadmap and acceleration quotes', () => {
  const ALPHA = 'Alpha Freight';
  const BETA = 'Beta Metals';
  // Created in this order, so neither the insertion order nor the alphabet puts Zebra first: only demand does.
  const AUDIT = 'Audit log export';
  const ZEBRA = 'Zebra sync API';

  test('demand ranks items, a quote splits its price by ARR, the timeline moves items, and all of it persists', async ({
    shell,
    newAccount,
    account,
    roadmap,
    newItem,
    item,
    newQuote,
    quote,
  }) => {
    test.setTimeout(120_000);

    await test.step('two EUR accounts with their ARR', async () => {
      await createAccountWithArr(newAccount, account, ALPHA, '600,000', '€600,000');
      await createAccountWithArr(newAccount, account, BETA, '700,000', '€700,000');
    });

    await test.step('two items with requests, listed by ARR-weighted demand', async () => {
      await roadmap.open();
      await expect(roadmap.emptyHeading).toBeVisible();

      await createItem(roadmap, newItem, item, { title: AUDIT, quarter: '2027-Q2', effort: '4' });
      await expect(item.figure('Planned quarter')).toHaveText('2027-Q2');
      await expect(item.figure('Effort')).toHaveText('4 EM');
      await expect(item.requests.getByText('No account has asked for this yet.', { exact: false })).toBeVisible();
      // Beta important: 700,000 × 50 % = 350,000; Alpha nice to have: 600,000 × 25 % = 150,000.
      await item.addRequest(BETA, 'Important', 'Their auditors ask every quarter');
      await item.addRequest(ALPHA, 'Nice to have');
      await expect(item.requestWeighted(BETA)).toHaveText('€350,000');
      await expect(item.requestWeighted(ALPHA)).toHaveText('€150,000');
      // 350,000 + 150,000 = 500,000
      await expect(item.requestsTotal()).toHaveText('€500,000');
      await expect(item.figure('ARR-weighted demand')).toHaveText('€500,000');
      await expect(item.figure('Accounts asking')).toHaveText('2');
      await expect(item.requestRow(BETA).getByRole('textbox', { name: `Note from ${BETA}` })).toHaveValue(
        'Their auditors ask every quarter',
      );

      await createItem(roadmap, newItem, item, { title: ZEBRA, quarter: '2027-Q4', effort: '6' });
      // Before Zebra has a request, it comes second (€0).
      await roadmap.open();
      await expect(roadmap.itemTitles()).toHaveText([AUDIT, ZEBRA]);
      await roadmap.openItem(ZEBRA);
      // Alpha critical: 600,000 × 100 % = 600,000.
      await item.addRequest(ALPHA, 'Critical', 'Blocks their group roll-out');
      await expect(item.requestWeighted(ALPHA)).toHaveText('€600,000');
      await expect(item.figure('ARR-weighted demand')).toHaveText('€600,000');

      await roadmap.open();
      await expect(roadmap.viewTab('Items by demand')).toHaveAttribute('aria-selected', 'true');
      // Zebra €600,000 > Audit €500,000: Zebra first, against alphabet and creation order.
      await expect(roadmap.itemTitles()).toHaveText([ZEBRA, AUDIT]);
      await expect(roadmap.itemDemand(ZEBRA)).toHaveText('€600,000');
      await expect(roadmap.itemDemand(AUDIT)).toHaveText('€500,000');
      await expect(roadmap.itemsTable.getByRole('columnheader', { name: 'Demand (EUR)' })).toHaveAttribute('aria-sort', 'descending');
      // 600,000 + 500,000 = 1,100,000
      await expect(roadmap.summary).toHaveText('2 items · 0 quotes · €1,100,000 ARR-weighted demand');
    });

    await test.step('capacity of a quarter on the timeline', async () => {
      await roadmap.openView('Quarter timeline');
      await expect(roadmap.columnLoad('2027-Q2')).toHaveText('4 of 12 EM');
      await expect(roadmap.capacityInput('2027-Q2')).toHaveValue('12');
      await roadmap.setCapacity('2027-Q2', '20');
      await expect(roadmap.columnLoad('2027-Q2')).toHaveText('4 of 20 EM');
      await expect(roadmap.column('2027-Q2')).toHaveAccessibleName('2027-Q2: 4 of 20 engineer-months');
      await expect(roadmap.columnLoad('2027-Q4')).toHaveText('6 of 12 EM');
    });

    await test.step('a quote pulls Zebra from 2027-Q4 to 2027-Q2, split by ARR', async () => {
      await roadmap.newQuoteButton.click();
      await newQuote.expectOpen();
      await newQuote.chooseItem(ZEBRA, '2027-Q4');
      await newQuote.setTarget('2027-Q2');
      await expect(newQuote.target).not.toHaveAttribute('aria-invalid', 'true');
      // Alpha asked for Zebra, so it is offered and ticked; Beta did not and is added with "Add a funder…".
      await expect(newQuote.funder(ALPHA)).toHaveAccessibleName(`${ALPHA} asks for it`);
      await expect(newQuote.funder(ALPHA)).toBeChecked();
      await newQuote.addFunderNamed(BETA);
      await newQuote.staffing('Hire a planned engineer early').check();
      await newQuote.submit();
      await quote.expectOpen('Hire early');
      await shell.waitSaved();

      await expect(quote.field('Target quarter')).toHaveValue('2027-Q2');
      await expect(quote.field('Engineers needed')).toHaveValue('2'); // ⌈6 ÷ 3⌉
      await expect(quote.field('Loaded monthly cost per engineer')).toHaveValue('12,000');

      // Hire early, 2027-Q4 → 2027-Q2 = 2 quarters = 6 months, 2 engineers:
      //   staffing     12,000.00 × 6 × 2          = 144,000.00
      //   PM/QA        10 % of 144,000.00         =  14,400.00
      //   subtotal                                = 158,400.00
      //   contingency  10 % of 158,400.00         =  15,840.00
      //   cost                                    = 174,240.00
      //   price        174,240.00 ÷ (1 − 20 %)    = 217,800.00   (margin 43,560.00)
      await expect(quote.calcAmount('Engineers hired early')).toHaveText('€144,000.00');
      await expect(quote.calcLine('Engineers hired early')).toContainText('€12,000.00 a month × 6 months pulled forward × 2 engineers');
      await expect(quote.calcAmount('PM/QA overhead')).toHaveText('€14,400.00');
      await expect(quote.calcAmount('Subtotal')).toHaveText('€158,400.00');
      await expect(quote.calcAmount('Risk contingency')).toHaveText('€15,840.00');
      await expect(quote.calcAmount('Vendor cost')).toHaveText('€174,240.00');
      await expect(quote.calcAmount('Margin (20% of price)')).toHaveText('€43,560.00');
      await expect(quote.calcAmount('Price to the funders')).toHaveText('€217,800.00');
      await expect(quote.figure('Total price')).toHaveText('€217,800.00');

      // Split equally (the default): 217,800.00 ÷ 2 = 108,900.00 each, nothing left over.
      await expect(quote.pays(ALPHA)).toHaveText('€108,900.00');
      await expect(quote.pays(BETA)).toHaveText('€108,900.00');
      await expect(quote.remainder).toHaveCount(0);

      // By ARR, 600,000 : 700,000 = 6 : 13 and 7 : 13 of 21,780,000 cents:
      //   Alpha ⌊21,780,000 × 6 ÷ 13⌋ = ⌊10,052,307.69⌋ = 10,052,307
      //   Beta  ⌊21,780,000 × 7 ÷ 13⌋ = ⌊11,727,692.31⌋ = 11,727,692
      //   left over 21,780,000 − 21,779,999 = 1 cent, to Beta (largest ARR) → 11,727,693
      //   Alpha €100,523.07 + Beta €117,276.93 = €217,800.00
      await quote.chooseSplit('Split by ARR');
      await expect(quote.funderRow(ALPHA).getByRole('cell')).toHaveText(['ARR €600,000', '46.2%', '€100,523.07']);
      await expect(quote.funderRow(BETA).getByRole('cell')).toHaveText(['ARR €700,000', '53.8%', '€117,276.93']);
      await expect(quote.splitTotal()).toHaveText('€217,800.00');
      await expect(quote.remainder).toHaveText(
        `Shares are rounded down to the cent; the €0.01 left over is carried by ${BETA}, who has the largest share.`,
      );
      // 2027-Q2 carries 4 (Audit) + 6 = 10 of 20 + 6 hired EM; Beta funds 6 × 7/13 ≈ 3.2 of 20 EM (16 % < 30 %).
      await expect(quote.noGuardrail).toBeVisible();
      await expect(quote.figure('Guardrail warnings')).toHaveText('0');
    });

    await test.step('drag an item to another quarter, then move it with the keyboard', async () => {
      await roadmap.open();
      await roadmap.openView('Quarter timeline');
      await expect(roadmap.columnLoad('2027-Q2')).toHaveText('4 of 20 EM');
      await expect(roadmap.columnLoad('2027-Q3')).toHaveText('0 of 12 EM');

      await roadmap.dragCard(AUDIT, '2027-Q3');
      await expect(roadmap.columnLoad('2027-Q2')).toHaveText('0 of 20 EM');
      await expect(roadmap.columnLoad('2027-Q3')).toHaveText('4 of 12 EM');
      await expect(roadmap.column('2027-Q3')).toHaveAccessibleName('2027-Q3: 4 of 12 engineer-months');

      // The card's arrow button: one quarter later.
      await roadmap.moveButton(AUDIT, '2027-Q4').click();
      await expect(roadmap.column('2027-Q4').getByRole('listitem', { name: `${AUDIT}, 4 engineer-months` })).toBeVisible();
      // Keyboard focus follows the card into its new column: the same button, now pointing a quarter further.
      await expect(roadmap.moveButton(AUDIT, '2028-Q1')).toBeFocused();
      await shell.waitSaved();
      // 6 (Zebra) + 4 = 10
      await expect(roadmap.columnLoad('2027-Q4')).toHaveText('10 of 12 EM');
      await expect(roadmap.columnLoad('2027-Q3')).toHaveText('0 of 12 EM');

      // Alt+← on the focused card: one quarter earlier, and the card keeps the focus.
      await roadmap.card(AUDIT).focus();
      await shell.page.keyboard.press('Alt+ArrowLeft');
      await expect(roadmap.column('2027-Q3').getByRole('listitem', { name: `${AUDIT}, 4 engineer-months` })).toBeVisible();
      await expect(roadmap.card(AUDIT)).toBeFocused();
      await shell.waitSaved();
      await expect(roadmap.columnLoad('2027-Q3')).toHaveText('4 of 12 EM');
      await expect(roadmap.columnLoad('2027-Q4')).toHaveText('6 of 12 EM');
    });

    await test.step('after a reload: items, demand order, capacity, moved quarter and the quote', async () => {
      await shell.reload();
      await expect(roadmap.viewTab('Quarter timeline')).toHaveAttribute('aria-selected', 'true');
      await expect(roadmap.capacityInput('2027-Q2')).toHaveValue('20');
      await expect(roadmap.columnLoad('2027-Q2')).toHaveText('0 of 20 EM');
      await expect(roadmap.columnLoad('2027-Q3')).toHaveText('4 of 12 EM');
      await expect(roadmap.columnLoad('2027-Q4')).toHaveText('6 of 12 EM');
      await expect(roadmap.column('2027-Q3').getByRole('listitem', { name: `${AUDIT}, 4 engineer-months` })).toBeVisible();
      await expect(roadmap.column('2027-Q4').getByRole('listitem', { name: `${ZEBRA}, 6 engineer-months` })).toBeVisible();

      await roadmap.openView('Items by demand');
      await expect(roadmap.itemTitles()).toHaveText([ZEBRA, AUDIT]);
      await expect(roadmap.itemDemand(ZEBRA)).toHaveText('€600,000');
      await expect(roadmap.itemDemand(AUDIT)).toHaveText('€500,000');
      await expect(roadmap.itemQuarter(AUDIT)).toHaveText('2027-Q3');
      await expect(roadmap.itemQuarter(ZEBRA)).toHaveText('2027-Q4');
      // The summary does not pluralise yet ("1 quotes", see the report): accept either form.
      await expect(roadmap.summary).toHaveText(/^2 items · 1 quotes? · €1,100,000 ARR-weighted demand$/);

      await roadmap.openView('Acceleration quotes');
      await expect(roadmap.viewTab('Acceleration quotes')).toHaveAccessibleName('Acceleration quotes 1');
      const row = roadmap.quoteRow(ZEBRA, 'Hire early');
      await expect(row).toContainText('2027-Q4 → 2027-Q2');
      await expect(row).toContainText(`${ALPHA}, ${BETA}`);
      await expect(row).toContainText('€217,800.00');
      await row.getByRole('link', { name: ZEBRA }).click();
      await quote.expectOpen('Hire early');
      await expect(quote.splitRadio('Split by ARR')).toBeChecked();
      await expect(quote.pays(ALPHA)).toHaveText('€100,523.07');
      await expect(quote.pays(BETA)).toHaveText('€117,276.93');
      await expect(quote.remainder).toContainText(`the €0.01 left over is carried by ${BETA}`);
      await expect(quote.calcAmount('Price to the funders')).toHaveText('€217,800.00');

      await shell.reload();
      await quote.expectOpen('Hire early');
      await expect(quote.pays(ALPHA)).toHaveText('€100,523.07');
      await expect(quote.pays(BETA)).toHaveText('€117,276.93');
    });
  });

  test('guardrails: off strategy warns, a target that is not earlier blocks, a share over 100 % is refused', async ({
    shell,
    newAccount,
    account,
    roadmap,
    newItem,
    item,
    newQuote,
    quote,
  }) => {
    test.setTimeout(90_000);
    const GAMMA = 'Gamma Retail';
    const DELTA = 'Delta Health';
    const MAPS = 'Offline maps';
    await createAccountWithArr(newAccount, account, GAMMA, '500,000', '€500,000');
    await createAccountWithArr(newAccount, account, DELTA, '300,000', '€300,000');
    await createItem(roadmap, newItem, item, { title: MAPS, quarter: '2027-Q4', effort: '3' });
    await item.addRequest(GAMMA, 'Critical');
    await item.addRequest(DELTA, 'Important');

    // From the item's page the dialog starts on this item, with its requesters as funders.
    await item.newQuoteButton.click();
    await newQuote.expectOpen();
    await expect(newQuote.item.getByRole('option', { name: `${MAPS} · 2027-Q4`, selected: true })).toHaveCount(1);
    await expect(newQuote.target).toHaveValue('2027-Q2'); // two quarters earlier
    await expect(newQuote.funder(GAMMA)).toBeChecked();
    await expect(newQuote.funder(DELTA)).toBeChecked();

    await test.step('a target quarter that is not earlier is refused in the dialog', async () => {
      for (const target of ['2027-Q4', '2028-Q1']) {
        await newQuote.setTarget(target);
        await newQuote.expectFieldError(newQuote.target, 'Pick a quarter before 2027-Q4, where the item is planned now.');
      }
      await newQuote.create.click();
      await expect(newQuote.dialog).toBeVisible();
      await newQuote.setTarget('2027-Q3');
      await expect(newQuote.target).not.toHaveAttribute('aria-invalid', 'true');
      await newQuote.submit();
      await quote.expectOpen('Hire early');
      await shell.waitSaved();
    });

    // 2027-Q4 → 2027-Q3 = 3 months, ⌈3 ÷ 3⌉ = 1 engineer:
    //   36,000.00 + 10 % 3,600.00 = 39,600.00; + 10 % 3,960.00 = 43,560.00; ÷ 0.8 = 54,450.00;
    //   split equally: 27,225.00 each.
    await expect(quote.calcAmount('Price to the funders')).toHaveText('€54,450.00');
    await expect(quote.pays(GAMMA)).toHaveText('€27,225.00');
    await expect(quote.pays(DELTA)).toHaveText('€27,225.00');
    await expect(quote.noGuardrail).toBeVisible();

    await test.step('on the quote, a target that is not earlier blocks the price per funder', async () => {
      await quote.setField('Target quarter', '2027-Q4');
      const notEarlier = quote.guardrail('Target quarter is not earlier');
      await expect(notEarlier).toContainText('(blocks sending)');
      await expect(notEarlier).toContainText(
        'The target 2027-Q4 is not earlier than 2027-Q4, where the item is planned. Pick an earlier quarter.',
      );
      await expect(quote.noSplit).toBeVisible();
      await expect(quote.perFunderTable).toHaveCount(0);
      await expect(quote.status.getByRole('option', { name: 'Status: sent' })).toBeDisabled();
      await expect(quote.status.getByRole('option', { name: 'Status: accepted' })).toBeDisabled();
      await expect(quote.shift).toContainText('not earlier: pick an earlier quarter');

      await quote.setField('Target quarter', '2027-Q3');
      await expect(quote.noGuardrail).toBeVisible();
      await expect(quote.pays(GAMMA)).toHaveText('€27,225.00');
    });

    await test.step('an item taken off strategy warns on its quote', async () => {
      await quote.main.getByRole('link', { name: MAPS, exact: true }).click();
      await item.expectOpen(MAPS);
      await item.setOnStrategy(false);
      await expect(item.main.getByText('Off strategy', { exact: true })).toBeVisible();
      await item.quotesTable.getByRole('link', { name: 'Hire early' }).click();
      await quote.expectOpen('Hire early');
      const guard = quote.guardrail('Not on strategy');
      await expect(guard).toContainText('(warning)');
      await expect(guard).toContainText(
        `“${MAPS}” is not something we would build anyway. Accelerating it for money sells the roadmap's soul; put it on strategy first or decline.`,
      );
      await expect(quote.figure('Guardrail warnings')).toHaveText('1');
      // A warning does not block: the price per funder stays.
      await expect(quote.pays(GAMMA)).toHaveText('€27,225.00');
    });

    await test.step('a custom share of 120 % is refused next to the field and not saved', async () => {
      await quote.chooseSplit('Custom shares');
      await expect(quote.share(GAMMA)).toHaveValue('50');
      await expect(quote.share(DELTA)).toHaveValue('50');
      await expect(quote.sharesTotal).toHaveText('Shares add up to 100%.');

      await quote.share(GAMMA).fill('120');
      await quote.expectFieldError(quote.share(GAMMA), 'Enter a number from 0 to 100.');
      await quote.share(GAMMA).press('Enter');
      await shell.waitSaved();
      await expect(quote.sharesTotal).toHaveText('Shares add up to 100%.');
      await expect(quote.guardrail('Shares do not add up to 100%')).toHaveCount(0);
      await expect(quote.pays(GAMMA)).toHaveText('€27,225.00');

      await shell.reload();
      await quote.expectOpen('Hire early');
      await expect(quote.splitRadio('Custom shares')).toBeChecked();
      await expect(quote.share(GAMMA)).toHaveValue('50');
      await expect(quote.share(GAMMA)).not.toHaveAttribute('aria-invalid', 'true');
      await expect(quote.sharesTotal).toHaveText('Shares add up to 100%.');
      await expect(quote.pays(GAMMA)).toHaveText('€27,225.00');
      await expect(quote.guardrail('Not on strategy')).toBeVisible();
    });
  });

  test('the new-item dialog refuses a negative effort and a fifth quarter, and creates nothing', async ({ shell, roadmap, newItem }) => {
    await roadmap.open();
    await expect(roadmap.emptyHeading).toBeVisible();
    await roadmap.newItemButton.click();
    await expect(newItem.dialog).toBeVisible();
    await newItem.fill({ title: 'Broken item', quarter: '2027-Q5', effort: '-2' });
    await newItem.create.click();

    await newItem.expectFieldError(newItem.quarter, 'Enter a quarter as YYYY-Qn, e.g. 2027-Q3 (quarters run Q1 to Q4).');
    await newItem.expectFieldError(newItem.effort, 'Enter a number of zero or more.');
    await expect(newItem.title).not.toHaveAttribute('aria-invalid', 'true');
    await expect(newItem.dialog).toBeVisible();

    // Fixing one field is not enough; zero effort is refused too.
    await newItem.quarter.fill('2027-Q3');
    await expect(newItem.quarter).not.toHaveAttribute('aria-invalid', 'true');
    await newItem.effort.fill('0');
    await newItem.expectFieldError(newItem.effort, 'Enter a number from 0.1 to 1000.');
    await newItem.create.click();
    await expect(newItem.dialog).toBeVisible();

    await newItem.cancel.click();
    await expect(newItem.dialog).toBeHidden();
    await expect(roadmap.emptyHeading).toBeVisible();
    await shell.reload();
    await expect(roadmap.emptyHeading).toBeVisible();
    await expect(roadmap.itemsTable).toHaveCount(0);
  });

  test('the sample workspace has a roadmap, three quotes, and each account lists the quotes it funds', async ({
    list,
    roadmap,
    account,
    accountQuotes,
  }) => {
    await list.loadSample();
    await roadmap.open();
    await expect(roadmap.heading).toBeVisible();
    await expect(roadmap.itemRows).toHaveCount(7);
    await expect(roadmap.summary).toHaveText(/^7 items · 3 quotes · €[\d,]+ ARR-weighted demand$/);
    // Sorted by demand, highest first.
    const demands = (
      await roadmap.itemRows
        .getByRole('cell')
        .filter({ hasText: /^€[\d,]+$/ })
        .allTextContents()
    ).map((s) => Number(s.replace(/[€,]/g, '')));
    expect(demands).toHaveLength(7);
    expect(demands).toEqual([...demands].sort((a, b) => b - a));

    await roadmap.openView('Acceleration quotes');
    await expect(roadmap.viewTab('Acceleration quotes')).toHaveAccessibleName('Acceleration quotes 3');
    await expect(roadmap.quoteRows).toHaveCount(3);
    await expect(roadmap.quoteRow('SAP S/4HANA connector', 'Hire early')).toBeVisible();
    await expect(roadmap.quoteRow('SAP S/4HANA connector', 'Contractors')).toBeVisible();
    await expect(roadmap.quoteRow('Audit trail export (7-year retention)', 'Compliance pair')).toBeVisible();

    // Hanse Pharma funds all three sample quotes.
    await list.goto();
    await list.open('Hanse Pharma GmbH');
    await accountQuotes.open();
    await expect(accountQuotes.rows).toHaveCount(3);
    // "Hire early": SAP connector, 6 EM, 6 months earlier, 2 engineers → €217,800.00 (as above),
    // split by ARR with Vereinigte Stahlwerke (€1,850,000 : €410,000):
    //   Hanse ⌊21,780,000 × 410,000 ÷ 2,260,000⌋ = ⌊3,951,238.94⌋ cents = €39,512.38
    await expect(await accountQuotes.cell('SAP S/4HANA connector', 'Hire early', 'Price')).toHaveText('€217,800.00');
    await expect(await accountQuotes.cell('SAP S/4HANA connector', 'Hire early', 'This account pays')).toHaveText('€39,512.38');
    await expect(accountQuotes.requests.getByRole('link', { name: 'SAP S/4HANA connector' })).toBeVisible();

    // An account that funds nothing says so.
    await list.goto();
    await list.open('Pico Robotics');
    await accountQuotes.open();
    await expect(accountQuotes.emptyHeading).toBeVisible();
    await expect(account.name).toHaveValue('Pico Robotics');
  });
});

/** axe-core on the roadmap screens, in both themes: no serious or critical violations. */
for (const theme of ['light', 'dark'] as const) {
  test.describe(`roadmap accessibility (${theme} theme)`, () => {
    test.use({ colorScheme: theme });

    test.beforeEach(async ({ page, list, shell }) => {
      await list.loadSample();
      // Let the "sample loaded" toast go so it is not part of the scan.
      await shell.toast('Sample workspace loaded').getByRole('button', { name: 'Dismiss' }).click();
      await expect(shell.toast('Sample workspace loaded')).toHaveCount(0);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    });

    test('items by demand', async ({ page, roadmap }) => {
      await roadmap.open();
      await expect(roadmap.itemRows).toHaveCount(7);
      await expectNoSeriousA11yViolations(page, `roadmap items (${theme})`);
    });

    test('quarter timeline', async ({ page, roadmap }) => {
      await roadmap.open();
      await roadmap.openView('Quarter timeline');
      await expect(roadmap.card('SAP S/4HANA connector')).toBeVisible();
      await expectNoSeriousA11yViolations(page, `roadmap timeline (${theme})`);
    });

    test('item page', async ({ page, roadmap, item }) => {
      await roadmap.open();
      await roadmap.openItem('SAP S/4HANA connector');
      await expect(item.requestsTable).toBeVisible();
      await expectNoSeriousA11yViolations(page, `item page (${theme})`);
    });

    test('quote page', async ({ page, roadmap, quote }) => {
      await roadmap.open();
      await roadmap.openView('Acceleration quotes');
      await roadmap.quoteRow('SAP S/4HANA connector', 'Hire early').getByRole('link').click();
      await quote.expectOpen('Hire early');
      await expect(quote.perFunderTable).toBeVisible();
      await expectNoSeriousA11yViolations(page, `quote page (${theme})`);
    });
  });
}
