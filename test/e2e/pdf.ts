import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/*
 * Reading a printed PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm):
 * what is on paper, in what size, in which fonts, and page images for a human to look at.
 */

const run = (tool: string, args: readonly string[]): string => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Spaces as a reader sees them: no-break and narrow no-break spaces (Intl puts them in money and dates) become plain ones. */
export const plainSpaces = (s: string): string => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

/** Every run of whitespace (line breaks included) as one space. */
export const normalised = (s: string): string => plainSpaces(s).replace(/\s+/g, ' ').trim();

/**
 * `pdftotext -layout` (columns kept where they stand on the page) or `-raw` (content-stream
 * order: a table cell's wrapped lines stay together). Pages are separated by form feeds.
 */
export function pdfText(file: string, mode: 'layout' | 'raw' = 'layout'): string {
  return plainSpaces(run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', file, '-']));
}

/** The text of each page (`pdftotext` ends every page with a form feed). */
export function pdfPages(file: string, mode: 'layout' | 'raw' = 'layout'): string[] {
  const pages = pdfText(file, mode).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfInfo {
  readonly pages: number;
  /** Points (1/72 inch), of the first page. */
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

export function pdfInfo(file: string): PdfInfo {
  const text = run('pdfinfo', [file]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
  const size = /^([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  if (!size) throw new Error(`pdfinfo printed no page size:\n${text}`);
  return { pages: Number(field('Pages')), width: Number(size[1]), height: Number(size[2]), title: field('Title') };
}

/** The page size of every page (pdfinfo -f 1 -l N prints one line per page). */
export function pdfPageSizes(file: string, pages: number): Array<{ width: number; height: number }> {
  const text = run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
  return [...text.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export interface PdfFont {
  /** As embedded, with the subset prefix: "AAAAAA+Inter-Regular". */
  readonly name: string;
  /** Without the subset prefix: "Inter-Regular". */
  readonly baseName: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

/** `pdffonts`: one row per font, read from the right (type and encoding names have spaces, the last five columns never do). */
export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n');
  const dash = lines.findIndex((l) => /^-{10,}/.test(l));
  return lines
    .slice(dash + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const [emb, sub] = cols.slice(-5, -3);
      const name = cols[0]!;
      return {
        name,
        baseName: name.replace(/^[A-Z]{6}\+/, ''),
        type: cols.slice(1, -6).join(' '),
        embedded: emb === 'yes',
        subset: sub === 'yes',
      };
    });
}

/** Renders every page to PNG (`pdftoppm -r <dpi> -png`) into `dir` as `<prefix>-<n>.png`; returns the files in page order. */
export function renderPages(file: string, dir: string, prefix: string, dpi = 60): string[] {
  run('pdftoppm', ['-r', String(dpi), '-png', file, path.join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
}

/** How many times `needle` occurs in `haystack` (non-overlapping). */
export function occurrences(haystack: string, needle: string): number {
  if (needle === '') throw new Error('occurrences: empty needle');
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

/** Points in a PDF: A4 is 210 × 297 mm, Letter 8.5 × 11 in. */
export const PAPER_POINTS = { A4: { width: 595, height: 842 }, Letter: { width: 612, height: 792 } } as const;

export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfWordPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word with its box in points from the page's top left (`pdftotext -bbox`), page by page. */
export function pdfWords(file: string): PdfWordPage[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    height: Number(p[2]),
    words: [...p[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: plainSpaces(unescapeHtml(w[5]!)),
    })),
  }));
}

/** Millimetres in points. */
export const mm = (n: number): number => (n * 72) / 25.4;
