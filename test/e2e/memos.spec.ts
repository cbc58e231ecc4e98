import { priceQuote } from '../../shared/domain/acceleration';
import { toMinor, type Minor } from '../../shared/domain/money';
import { exitFigures } from '../../shared/domain/fairExit';
import { draftFromItem } from '../../shared/domain/memoDraft';
import { optionFigures } from '../../shared/domain/memoFigures';
import { test, expect } from './pages/fixtures';
import { MemoPage } from './pages/MemoPage';
import { QuotePage } from './pages/QuotePage';
import { ReportPage } from './pages/ReportPage';
import { RoadmapPage } from './pages/RoadmapPage';
import { pdfText } from './pdf';
import { attachPages, defaultPaperFor, expectOnlyEmbeddedInter, expectPaper, todayIn } from './print-checks';
import { sampleWorld } from './print-sample';

/*
 * Trade-off memos with the sample workspace (issue 16). Expected figures come from the
 * shared/domain functions over the sample as it is loaded (print-sample.ts), never from the app.
 */
const whole = (minor: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 })
    .format(Math.round(minor / 100))
    .replace(/[\u00a0\u202f]/g, ' ');

test.describe('trade-off memos', () => {
  test('from a roadmap item: prefilled options with what slips, the five views, a recommendation, the decision, printed', async ({
    page,
    list,
    locale,
    timezoneId,
  }, testInfo) => {
    const today = todayIn(timezoneId!);
    const world = sampleWorld(today);
    const draft = draftFromItem(world.roadmap, 'r1', today)!;
    expect(draft.quote?.name, 'the sample connector has a sent quote to pull it forward with').toBe('Hire early');
    const keep = `Keep the plan (${draft.plannedQuarter})`;
    const pull = `Pull it forward to ${draft.pull.quarter} (Hire early)`;
    const accounts = new Map([...world.accounts].map(([id, a]) => [id, { ...a, id }]));
    const fig = optionFigures(
      { ...draft.pull, id: 'pull', memoId: 'm', name: pull, sort: 1 },
      { roadmap: world.roadmap, accounts, exits: [] },
    );
    expect(fig.slips.length, 'pulling the connector in overloads its new quarter').toBeGreaterThan(0);

    await list.loadSample();
    const roadmap = new RoadmapPage(page);
    await roadmap.open();
    await roadmap.openItem('SAP S/4HANA connector');
    await page.getByRole('main').getByRole('button', { name: 'Draft a trade-off memo' }).first().click();

    const memo = new MemoPage(page);
    await expect(memo.title).toHaveValue('Pull SAP S/4HANA connector forward?');
    await expect(memo.option(keep)).toBeVisible();
    await expect(memo.option(pull)).toBeVisible();
    // What slips is computed from the capacity timeline, the same rule as the quote page.
    await expect(memo.slips(pull)).toHaveText(
      fig.slips.map((s) => `${world.roadmap.items.find((i) => i.id === s.id)!.title} ${s.from} → ${s.to}`),
    );
    await expect(memo.option(keep).getByText('Nothing slips.')).toBeVisible();
    await expect(memo.optionFigure(pull, 'Revenue at stake')).toContainText(whole(fig.revenueAtStake, 'EUR'));
    await expect(memo.optionFigure(pull, 'Cost')).toContainText(whole(fig.cost.total, 'EUR'));
    await expect(memo.option(pull).getByText(`then ${fig.slips.length} item`)).toBeVisible();

    // The five executives; the memo says who is not yet heard until all are.
    await expect(memo.unheard).toHaveText('Not yet heard (5 of 5): Support, Engineering, Finance, Marketing, Sales.');
    await memo.recordView('Support', 'Neutral', 'No support load either way.');
    await memo.recordView('Engineering', 'Against', 'Billing API slips a quarter.', 'Jonas Berg');
    await memo.recordView('Finance', 'For', 'The quote pays for the hires.');
    await memo.recordView('Marketing', 'Neutral', 'Either way we announce in the spring.');
    await expect(memo.unheard).toHaveText('Not yet heard: Sales.');
    await memo.recordView('Sales', 'For', 'Two elephants are waiting for the connector.');
    await expect(memo.unheard).toHaveText('All five executives have been heard.');

    await memo.recommend(pull, 'Pull it forward: two funders pay for it, and one item waits a quarter.');
    await expect(memo.option(pull).getByText('Recommended')).toBeVisible();

    // Deciding needs a reason and a decider; then the memo is a record.
    await memo.decision.getByRole('button', { name: 'Decide', exact: true }).click();
    await expect(memo.decision.getByRole('alert')).toContainText('Say why this option was chosen.');
    await memo.decide(pull, 'The funders pay for it and the slip is one quarter.', 'Billing API moves a quarter.', 'Ines Kowalski');
    await expect(memo.decision.getByTestId('decided-line')).toHaveText(/^Decided: Pull it forward to .* — by Ines Kowalski on /);
    await expect(memo.heading).toHaveText('Pull SAP S/4HANA connector forward?');
    await expect(memo.title).toHaveCount(0);
    await expect(memo.decision.getByText('Nothing has changed since the decision.')).toBeVisible();
    await expect(memo.views.getByLabel('Sales: reason')).toHaveCount(0);

    // The decision keeps the figures it was taken on: a repriced quote shows as a change, not a new figure.
    const memoUrl = page.url();
    await memo.option(pull).getByRole('link', { name: 'Hire early', exact: true }).click();
    const quote = new QuotePage(page);
    await quote.expectOpen('Hire early');
    const hire = world.roadmap.quotes.find((q) => q.itemId === 'r1' && q.name === 'Hire early')!;
    const repriced = { ...hire, marginBp: 4000 as typeof hire.marginBp };
    await quote.setField('Target margin', '40');
    await page.goto(memoUrl);
    await expect(memo.optionFigure(pull, 'Revenue at stake')).toContainText(whole(fig.revenueAtStake, 'EUR'));
    await expect(memo.changes).toContainText(
      `${pull}: quote price was ${whole(priceQuote(hire).price, 'EUR')}, now ${whole(priceQuote(repriced).price, 'EUR')}`,
    );

    // Printed: the question and recommendation first, the options side by side, the views.
    const popup = await memo.print();
    const report = new ReportPage(popup);
    await report.waitDocReady(report.memo('Pull SAP S/4HANA connector forward?'));
    const file = testInfo.outputPath('memo.pdf');
    await report.savePdf(file);
    expectPaper(file, defaultPaperFor(locale!));
    expectOnlyEmbeddedInter(file);
    const text = pdfText(file, 'raw').replace(/\s+/g, ' ');
    expect(text).toContain('Pull SAP S/4HANA connector forward?');
    expect(text).toContain(`If we pull SAP S/4HANA connector into ${draft.pull.quarter}, what slips, and is it worth it?`);
    expect(text).toContain('Two elephants are waiting for the connector.');
    expect(text).toContain(whole(fig.revenueAtStake, 'EUR'));
    for (const s of fig.slips) expect(text).toContain(world.roadmap.items.find((i) => i.id === s.id)!.title);
    expect(text).toContain('Ines Kowalski');
    // The paper says what changed since the decision, with both prices.
    expect(text).toContain(`${whole(priceQuote(hire).price, 'EUR')} at the decision, ${whole(priceQuote(repriced).price, 'EUR')} now`);
    await attachPages(testInfo, file, 'memo', (images) => images[0]!);
  });

  test('from a bucket-4 account: a fair exit with its cost, what it saves a year and its payback', async ({ page, list }) => {
    const world = sampleWorld(todayIn('UTC'));
    const orchid = world.accounts.get('a8')!;
    expect(orchid.bucket).toBe(4);
    await list.loadSample();
    await list.open('Orchid Telecom');
    await page.getByRole('main').getByRole('button', { name: 'Draft a fair exit' }).first().click();
    const memo = new MemoPage(page);
    await expect(memo.title).toHaveValue('A fair exit for Orchid Telecom?');
    await expect(memo.option('Let Orchid Telecom go with a fair exit')).toBeVisible();

    await memo.setExit('Refund', '12,000');
    await memo.setExit('Data export help', '24');
    await memo.setExit('Migration help', '60');
    const rate = orchid.engineeringRate > 0 ? orchid.engineeringRate : orchid.supportRate;
    const f = exitFigures(
      { refund: toMinor(12_000, 'SGD'), exportHours: 24, migrationHours: 60, hourlyRate: rate, currency: 'SGD' },
      orchid,
    );
    expect(f.savingPerYear, 'the sample Orchid destroys profit').toBeGreaterThan(0);
    await expect(memo.exitSentence).toHaveText(
      `The exit costs ${whole(f.cost, 'SGD')} once and saves ${whole(f.savingPerYear, 'SGD')} a year: it pays for itself in ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(f.paybackMonths!)} months.`,
    );
    await expect(memo.payback).toHaveText(
      `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(f.paybackMonths!)} months`,
    );

    // A refund larger than the contract is refused with a sentence, and nothing changes.
    await memo.setExit('Refund', String((orchid.arr as Minor) / 100 + 1));
    await expect(page.getByText("The refund is larger than the contract: it can be at most the account's ARR.")).toBeVisible();
    await expect(memo.exitSentence).toContainText(`costs ${whole(f.cost, 'SGD')} once`);
  });
});
