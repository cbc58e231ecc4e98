import { test, expect } from './pages/fixtures';
import { ReportPage } from './pages/ReportPage';
import { pdfText } from './pdf';
import { attachPages, expectOnlyShippedFonts } from './print-checks';
import { scriptsPlanSeed } from './seed';

/*
 * Names in Russian, Chinese, Danish and Dutch on paper (issue 17): the printed plan embeds only
 * the faces shipped with the app (Inter's Latin, Latin Extended and Cyrillic; Noto Sans SC for
 * Chinese), and the text comes back out of the PDF exactly as it was typed.
 */
test('a plan named in Russian, Chinese, Danish and Dutch prints in the shipped faces only, every name given back exactly', async ({
  page,
  sync,
}, testInfo) => {
  const seed = await scriptsPlanSeed();
  await sync.goto();
  await sync.importFile(seed.file);
  await sync.expectImportResult({ from: seed.deviceName, added: seed.records, updated: 0, deleted: 0 });

  const report = new ReportPage(page);
  await report.gotoPlan(seed.planId);
  await report.waitReady(seed.account);
  const file = testInfo.outputPath('scripts-plan.pdf');
  await report.savePdf(file);

  const faces = expectOnlyShippedFonts(file);
  expect(
    faces.some((f) => f.startsWith('NotoSansSC')),
    'the Chinese is set in Noto Sans SC',
  ).toBe(true);
  expect(
    faces.some((f) => f.startsWith('Inter-')),
    'the Latin and Cyrillic in Inter',
  ).toBe(true);
  const text = pdfText(file, 'raw').normalize('NFC').replace(/\s+/g, ' ');
  for (const name of seed.names) expect(text, `"${name}" comes back exactly`).toContain(name.normalize('NFC'));
  await attachPages(testInfo, file, 'scripts-plan', (images) => images[0]!);
});
