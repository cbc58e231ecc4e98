import type { TestInfo } from '@playwright/test';
import type { IsoDate } from '../../shared/domain/dates';
import { toMajor, type Minor } from '../../shared/domain/money';
import type { ActionStatus } from '../../shared/domain/plan';
import { expect } from './pages/fixtures';
import type { PaperSize } from './pages/ReportPage';
import { mm, normalised, occurrences, PAPER_POINTS, pdfFonts, pdfInfo, pdfPages, pdfPageSizes, pdfWords, renderPages } from './pdf';

/*
 * Shared by the print specs: what the paper should say, computed from shared/domain and Intl
 * (never read from the app's screens), and the checks every printed PDF must pass.
 */

/** Today's calendar date in the browser's time zone (the app prints "today" there). */
export function todayIn(timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}` as IsoDate;
}

/** Formatting as a reader of this locale expects it (money with every minor unit, one-decimal percentages, short dates). */
export function formatsFor(locale: string) {
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  return {
    money: (minor: Minor, currency: string) =>
      plain(new Intl.NumberFormat(locale, { style: 'currency', currency }).format(toMajor(minor, currency))),
    percent: (ratio: number) =>
      plain(new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio)),
    /** Basis points as a percentage with only the decimals it has (up to two): 1200 → "12%", 281 → "2.81%". */
    bp: (bp: number) =>
      plain(new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(bp / 10_000)),
    /** A plain number with at most `digits` decimals: 960, 4.5. */
    number: (n: number, digits = 0) => plain(new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n)),
    date: (d: IsoDate) => {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      return plain(
        new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
          new Date(Date.UTC(y, m - 1, day)),
        ),
      );
    },
  };
}

export const STATUS_LABEL: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  inProgress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

/** The paper the app picks for a locale with no saved choice: Letter where the region uses it. */
export const defaultPaperFor = (locale: string): PaperSize => (/-(US|CA|MX|PH|CL|CO|VE|PR)$/i.test(locale) ? 'Letter' : 'A4');
export const PAPER_LABEL = { A4: 'A4', Letter: 'US Letter' } as const;

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---- checks on a printed PDF ----

/** Page size of every page within a point of the paper's. */
export function expectPaper(file: string, paper: PaperSize): number {
  const info = pdfInfo(file);
  const sizes = pdfPageSizes(file, info.pages);
  expect(sizes).toHaveLength(info.pages);
  for (const [i, s] of sizes.entries()) {
    expect(Math.abs(s.width - PAPER_POINTS[paper].width), `page ${i + 1} width ${s.width} on ${paper}`).toBeLessThanOrEqual(1);
    expect(Math.abs(s.height - PAPER_POINTS[paper].height), `page ${i + 1} height ${s.height} on ${paper}`).toBeLessThanOrEqual(1);
  }
  return info.pages;
}

/** Only Inter (the shipped typeface), every font embedded. */
export function expectOnlyEmbeddedInter(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length, 'pdffonts lists the fonts used').toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.baseName, `${f.name} is Inter`).toMatch(/^Inter-(Regular|Medium|SemiBold|Bold)$/);
    expect(f.embedded, `${f.name} is embedded`).toBe(true);
  }
}

/** Only the faces shipped with the app — Inter and, for Chinese, Noto Sans SC — every one embedded (never a system fallback). */
export function expectOnlyShippedFonts(file: string): string[] {
  const fonts = pdfFonts(file);
  expect(fonts.length, 'pdffonts lists the fonts used').toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.baseName, `${f.name} is a shipped face`).toMatch(
      /^(Inter-(Regular|Medium|SemiBold|Bold)|NotoSansSC(Thin)?-(Regular|Medium|SemiBold|Bold))$/,
    );
    expect(f.embedded, `${f.name} is embedded`).toBe(true);
  }
  return fonts.map((f) => f.baseName);
}

/** Every page ends with the confidentiality footer and its own "Page X of N", and nothing else says "Page … of". */
export function expectFooters(file: string, footer: string, pages: number): void {
  const texts = pdfPages(file);
  expect(texts, 'one text page per PDF page').toHaveLength(pages);
  for (const [i, text] of texts.entries()) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const last = lines.at(-1) ?? '';
    expect(last, `page ${i + 1}'s last line`).toMatch(new RegExp(`^\\s*${escapeRe(footer)}\\s{2,}Page ${i + 1} of ${pages}\\s*$`));
    expect(occurrences(text, footer), `page ${i + 1} has the footer once`).toBe(1);
    expect(text.match(/Page \d+ of \d+/g), `page ${i + 1} has one page number`).toEqual([`Page ${i + 1} of ${pages}`]);
  }
}

/**
 * The page's words stay inside the margins (16 mm at the sides and top, 18 mm at the foot),
 * and only the footer line sits in the bottom margin: nothing cut off or running into the footer.
 */
export function expectInsideMargins(file: string, footer: string): void {
  const tolerance = 1.5;
  for (const [i, page] of pdfWords(file).entries()) {
    const footerTop = page.height - mm(18);
    const body = page.words.filter((w) => w.yMin < footerTop);
    const foot = page.words.filter((w) => w.yMin >= footerTop);
    expect(normalised(foot.map((w) => w.text).join(' ')), `page ${i + 1}: only the footer is in the bottom margin`).toMatch(
      new RegExp(`^${escapeRe(footer)} Page \\d+ of \\d+$`),
    );
    for (const w of body) {
      const where = `page ${i + 1}: "${w.text}" at ${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}–${w.xMax.toFixed(1)},${w.yMax.toFixed(1)}`;
      expect(w.yMax, `${where} ends above the footer margin`).toBeLessThanOrEqual(footerTop + tolerance);
      expect(w.yMin, `${where} starts below the top margin`).toBeGreaterThanOrEqual(mm(16) - tolerance);
      expect(w.xMin, `${where} starts inside the left margin`).toBeGreaterThanOrEqual(mm(16) - tolerance);
      expect(w.xMax, `${where} ends inside the right margin`).toBeLessThanOrEqual(page.width - mm(16) + tolerance);
    }
  }
}

/** Renders the pages at 60 dpi beside the PDF and attaches one of them to the report. */
export async function attachPages(
  testInfo: TestInfo,
  file: string,
  prefix: string,
  pick: (pages: readonly string[]) => string,
): Promise<string[]> {
  const images = renderPages(file, testInfo.outputDir, prefix, 60);
  expect(images.length).toBe(pdfInfo(file).pages);
  await testInfo.attach(`${prefix}: one page at 60 dpi`, { path: pick(images), contentType: 'image/png' });
  await testInfo.attach(`${prefix}.pdf`, { path: file, contentType: 'application/pdf' });
  return images;
}

/**
 * Rows of `pdftotext -layout` text in this order (others may come between): each pattern
 * matches a line after the previous one's; returns the line index of each.
 */
export function expectRowsInOrder(layout: string, rows: ReadonlyArray<{ readonly what: string; readonly re: RegExp }>): number[] {
  const lines = layout.split('\n');
  let from = 0;
  return rows.map((r) => {
    const at = lines.findIndex((l, n) => n >= from && r.re.test(l));
    expect(at, `${r.what}: a line matching ${r.re} at or after line ${from + 1}`).toBeGreaterThanOrEqual(0);
    from = at + 1;
    return at;
  });
}

/** The next line with text after line `at` of a layout text, trimmed. */
export function nextTextLine(layout: string, at: number): string {
  return (
    layout
      .split('\n')
      .slice(at + 1)
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}

/**
 * The running text of a document without its page footers, every whitespace run as one space:
 * `pdftotext -raw` (a cell's wrapped lines stay together) with each page's footer line and
 * "Page X of N" taken out, so a paragraph or list running over a page break reads as one.
 */
export function bodyText(file: string, footer: string): string {
  return pdfPages(file, 'raw')
    .map((page) =>
      page
        .split('\n')
        .filter((l) => !/^\s*Page \d+ of \d+\s*$/.test(l) && l.trim() !== footer)
        .join('\n'),
    )
    .map(normalised)
    .join(' ');
}
