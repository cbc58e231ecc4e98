import type { Paper } from '../stores/settings';

/** A CSS string literal: quotes and backslashes escaped, control characters (line and form feeds) as spaces. */
export function cssString(s: string): string {
  let text = '';
  let inBreak = false;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const control = c < 32 || c === 127;
    // A run of control characters (CR LF, form feeds…) becomes one space.
    if (control && !inBreak) text += ' ';
    else if (!control) text += ch;
    inBreak = control;
  }
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The page box of every printed document: paper size, margins that suit A4 and Letter
 * alike, "Confidential — <account>" with the print date at the foot, "page X of Y" at the
 * right. @page margin boxes are what Chromium's print engine (Electron's printToPDF,
 * page.pdf(), the browser's print dialog) draws on every page.
 */
export function PageStyle({ paper, footer, pageLabel }: { paper: Paper; footer: string; pageLabel: { page: string; of: string } }) {
  const css = `@page {
  size: ${paper === 'Letter' ? 'letter' : 'A4'} portrait;
  margin: 16mm 16mm 18mm 16mm;
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt 'Waypoint Print', 'Noto Sans SC', sans-serif; color: #5b6170; vertical-align: top; padding-top: 4mm; }
  @bottom-right { content: ${cssString(pageLabel.page)} " " counter(page) " " ${cssString(pageLabel.of)} " " counter(pages); font: 7.5pt 'Waypoint Print', 'Noto Sans SC', sans-serif; color: #5b6170; vertical-align: top; padding-top: 4mm; }
}`;
  return <style>{css}</style>;
}
