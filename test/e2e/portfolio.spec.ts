import { asIsoDate } from '../../shared/domain/dates';
import { toPortfolio } from '../../shared/domain/portfolio';
import { exitBottom, whaleCurve } from '../../shared/domain/whale';
import { resolveWorkspace } from '../../shared/domain/workspace';
import { test, expect } from './pages/fixtures';
import { PortfolioPage } from './pages/PortfolioPage';
import { sampleWorld } from './print-sample';
import { ReportPage } from './pages/ReportPage';
import { pdfText } from './pdf';
import { attachPages, defaultPaperFor, expectFooters, expectOnlyEmbeddedInter, expectPaper, formatsFor, todayIn } from './print-checks';

/*
 * The portfolio with the sample workspace. The expected figures come from the shared/domain
 * functions on the sample as it is loaded (print-sample.ts), never from the app itself.
 */
const world = sampleWorld(asIsoDate('2026-12-02'));
const portfolio = toPortfolio(
  [...world.accounts].map(([id, a]) => ({ ...a, id })),
  resolveWorkspace(undefined, world.roadmap.settings),
);
const curve = whaleCurve(portfolio.rows);
const pct = (r: number) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 }).format(r);
const eur = (minor: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    Math.round(minor / 100),
  );

test.describe('the portfolio', () => {
  test('reads the peak of the whale curve, runs the fair-exit what-if, and keeps its filters in the URL', async ({ page, list }) => {
    await list.loadSample();
    const p = new PortfolioPage(page);
    await p.openFromNav();
    const peak = curve.peak!;
    expect(peak.profitShare!, 'the sample makes the classic point: the top accounts make more than all profit').toBeGreaterThan(1.2);
    await expect(p.peakSentence).toHaveText(
      `The top ${peak.count} of ${curve.count} accounts (${pct(peak.accountShare)}) make ${pct(peak.profitShare!)} of profit.`,
    );
    await expect(p.figure('Profit contribution')).toHaveText(eur(curve.total));

    // Each point of the curve is named from the keyboard: focus the chart, step along it with →.
    await p.stepAlongCurve(2);
    const second = curve.points[1]!;
    await expect(p.chartTip).toContainText(second.name);
    await expect(p.chartTip).toContainText(`2 of ${curve.count}`);

    // The what-if starts at every account that destroys profit; the user picks another N.
    await expect(p.exitCount).toHaveValue(String(curve.destroyers.count));
    await p.exitCount.fill('2');
    const two = exitBottom(curve, 2);
    await expect(p.whatIfResult).toHaveText(
      `If the bottom 2 accounts were let go (a fair exit), profit would be ${eur(two.profitAfter)} (+${pct(two.changeShare!)}).`,
    );
    await expect(p.whatIfTable.getByRole('rowheader')).toHaveText(two.accounts.map((a) => world.accountName(a.id)));
    await p.exitCount.fill('99');
    await expect(p.main.getByText(`A whole number from 1 to ${curve.count}.`)).toBeVisible();

    // A filter narrows every view and lives in the URL: a reload shows the same view.
    await p.filter('Region').selectOption('Nordics');
    await expect(page).toHaveURL(/#\/portfolio\/whale\?region=Nordics$/);
    const nordics = portfolio.rows.filter((r) => r.region === 'Nordics');
    await expect(p.figure('Accounts')).toHaveText(`${nordics.length} of ${portfolio.rows.length}`);
    await p.shell.reload();
    await expect(p.filter('Region')).toHaveValue('Nordics');
    await expect(p.figure('Accounts')).toHaveText(`${nordics.length} of ${portfolio.rows.length}`);
  });

  test('moves an account between buckets with the keyboard, and the move asks for the evidence', async ({ page, list, account }) => {
    await list.loadSample();
    const p = new PortfolioPage(page);
    await p.openFromNav();
    await p.openView('Buckets');
    await expect(p.bucketColumn('3 · Adjacent use').getByText('Pico Robotics', { exact: true })).toBeVisible();

    await p.moveButton('Pico Robotics').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(p.moveDialog).toBeVisible();
    await expect(p.moveDialog.getByRole('radio', { name: /4 Awkward fit/ })).toBeChecked();
    const evidence = p.moveDialog.getByRole('textbox', { name: /Evidence for this bucket/ });
    await evidence.fill('');
    await p.moveDialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(p.moveDialog.getByText('Buckets 3 and 4 look alike from outside: say what puts this account in bucket 4.')).toBeVisible();
    await evidence.fill('Runs our scheduler as a PLC controller: every release breaks their line.');
    await p.moveDialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(p.moveDialog).toBeHidden();
    await p.shell.waitSaved();
    await expect(p.bucketColumn('4 · Awkward fit').getByText('Pico Robotics', { exact: true })).toBeVisible();
    await expect(p.bucketColumn('3 · Adjacent use').getByText('Pico Robotics', { exact: true })).toHaveCount(0);

    // The evidence is kept on the account, as when the bucket is set there.
    await p
      .bucketColumn('4 · Awkward fit')
      .getByRole('listitem')
      .filter({ hasText: 'Pico Robotics' })
      .getByRole('link', { name: 'Open account' })
      .click();
    await expect(account.field('Evidence for the bucket (needed for 3 and 4)')).toHaveValue(
      'Runs our scheduler as a PLC controller: every release breaks their line.',
    );
  });

  test('defines a segment and reads its TAM and the revenue to expect at the win rate', async ({ page, list }) => {
    await list.loadSample();
    const p = new PortfolioPage(page);
    await p.openFromNav();
    await p.openView('Segments');
    await p.main.getByRole('button', { name: 'New segment' }).click();
    const d = p.segmentDialog;
    await d.getByLabel('Name', { exact: true }).fill('DACH pharma');
    await d.getByLabel('Industry', { exact: true }).fill('Pharma');
    await d.getByLabel('Region', { exact: true }).fill('DACH');
    await d.getByLabel('Target customers in the market').fill('120');
    await d.getByLabel('Average annual spend').fill('80,000');
    await d.getByLabel('Win rate (%)').fill('25');
    await d.getByLabel('Source of the target count').fill('BPI member list 2026');
    await d.getByRole('button', { name: 'Create segment' }).click();
    await expect(d).toBeHidden();
    await expect(p.segmentFigure('DACH pharma', 'TAM').first()).toHaveText('€9,600,000');
    await expect(p.segmentFigure('DACH pharma', 'Expected at a 25')).toHaveText('€2,400,000');
    await expect(p.segment('DACH pharma').getByRole('link', { name: '1 account' })).toBeVisible();
    // Its accounts open the portfolio filtered by the segment.
    await p.segment('DACH pharma').getByRole('link', { name: '1 account' }).click();
    await expect(p.figure('Accounts')).toHaveText(`1 of ${portfolio.rows.length}`);
  });

  test('an account in a currency without a rate is listed apart, with the way to add the rate', async ({ page, list, newAccount }) => {
    await list.loadSample();
    await newAccount.createAccount({ name: 'Alpen Uhren AG', currency: 'CHF' });
    const p = new PortfolioPage(page);
    await p.openFromNav();
    await expect(p.main.getByRole('heading', { name: '1 account is not counted: its currency has no rate into EUR' })).toBeVisible();
    await expect(p.main.getByRole('link', { name: 'Add a rate for CHF' })).toBeVisible();
    await expect(p.figure('Accounts')).toHaveText(String(portfolio.rows.length));
  });

  test('prints the portfolio review: the figures, the curve and the matrix as vector graphics, buckets, segments', async ({
    page,
    list,
    locale,
    timezoneId,
  }, testInfo) => {
    await list.loadSample();
    const p = new PortfolioPage(page);
    await p.openFromNav();
    const popup = await p.printReport();
    const report = new ReportPage(popup);
    await report.waitDocReady(report.portfolioReview());
    const file = testInfo.outputPath('portfolio.pdf');
    await report.savePdf(file);
    const pages = expectPaper(file, defaultPaperFor(locale!));
    expectOnlyEmbeddedInter(file);
    const text = pdfText(file, 'raw').replace(/\s+/g, ' ');
    const peak = curve.peak!;
    expect(text).toContain(
      `The top ${peak.count} of ${curve.count} accounts (${pct(peak.accountShare)}) make ${pct(peak.profitShare!)} of profit.`,
    );
    expect(text).toContain(`PROFIT CONTRIBUTION ${eur(curve.total)}`);
    expect(text).toContain('Internal — shows cost to serve and margin');
    // The sample's European manufacturing segment: 120 targets × €80,000, 25 % win rate.
    expect(text).toContain('€9,600,000');
    expect(text).toContain('€2,400,000');
    expect(text).toContain('TAM × 25% win rate');
    for (const b of ['1 · Happy', '2 · Value gap', '3 · Adjacent use', '4 · Awkward fit']) expect(text).toContain(b);
    expect(text).toContain('Communicators due for rotation');
    expect(text).toContain('Accounts at risk');
    const printed = formatsFor(locale!).date(todayIn(timezoneId!));
    expectFooters(file, `Confidential — Portfolio review · Printed ${printed}`, pages);
    await attachPages(testInfo, file, 'portfolio', (images) => images[0]!);
  });
});
