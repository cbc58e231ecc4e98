import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString, PageStyle } from './PageStyle';

/**
 * Reads one CSS string token the way a CSS parser does (CSS Syntax 3, §3.3 preprocessing and
 * §4.3.5 "consume a string token"): returns the string's value and what follows the closing
 * quote, and throws where a browser would make a bad-string (a raw line break: LF, CR or FF).
 */
function readCssString(css: string): { value: string; rest: string } {
  const input = css.replace(/\r\n|\r|\f/g, '\n');
  if (input[0] !== '"') throw new Error(`not a string token: ${css}`);
  let value = '';
  let i = 1;
  while (i < input.length) {
    const c = input[i]!;
    if (c === '"') return { value, rest: input.slice(i + 1) };
    if (c === '\n') throw new Error(`bad-string: a raw line break at ${i} in ${JSON.stringify(css)}`);
    if (c === '\\') {
      const next = input[i + 1];
      if (next === undefined) return { value, rest: '' };
      if (next === '\n') {
        i += 2; // an escaped line break continues the string
        continue;
      }
      const hex = /^[0-9a-fA-F]{1,6}/.exec(input.slice(i + 1));
      if (hex) {
        value += String.fromCodePoint(parseInt(hex[0], 16));
        i += 1 + hex[0].length;
        if (/[ \t\n]/.test(input[i] ?? '')) i += 1;
        continue;
      }
      const cp = input.codePointAt(i + 1)!;
      value += String.fromCodePoint(cp);
      i += 1 + (cp > 0xffff ? 2 : 1);
      continue;
    }
    value += c;
    i += 1;
  }
  throw new Error(`unterminated string: ${css}`);
}

/** What the footer should read: the text itself, each run of line breaks shown as one space. */
const flattened = (s: string) => s.replace(/[\r\n]+/g, ' ');

describe('cssString', () => {
  it('escapes quotes and backslashes and folds line breaks, e.g. an account named Nordhavn "A/S" \\ Co<newline>Ltd', () => {
    const name = 'Nordhavn "A/S" \\ Co\nLtd';
    const css = cssString(name);
    expect(css).toBe('"Nordhavn \\"A/S\\" \\\\ Co Ltd"');
    expect(readCssString(css)).toEqual({ value: 'Nordhavn "A/S" \\ Co Ltd', rest: '' });
  });

  it.each([
    ['plain text', 'Nordhavn Shipping A/S', 'Nordhavn Shipping A/S'],
    ['the empty string', '', ''],
    ['a lone quote', '"', '"'],
    ['a trailing backslash (would escape the closing quote)', 'Co \\', 'Co \\'],
    ['an escaped-looking quote', '\\"', '\\"'],
    ['a backslash before hex digits (would read as a code point)', '\\41 BC', '\\41 BC'],
    ['CRLF', 'a\r\nb', 'a b'],
    ['a lone CR', 'a\rb', 'a b'],
    ['several line breaks in a row', 'a\n\n\nb', 'a b'],
    ["a single quote (the footer's font list uses them)", "O'Neil & Sons; }", "O'Neil & Sons; }"],
    [
      'a closing brace and semicolon (cannot end the rule)',
      'x"; } @bottom-right { content: "pwned',
      'x"; } @bottom-right { content: "pwned',
    ],
    ['non-Latin text and emoji', 'Søren – 東京 🚢', 'Søren – 東京 🚢'],
  ])('%s', (_what, input, shown) => {
    const { value, rest } = readCssString(cssString(input));
    expect(value).toBe(shown);
    expect(rest).toBe('');
  });

  it('round-trips any text made of quotes, backslashes, CR, LF, hex digits and letters as one string token', () => {
    const char = fc.constantFrom('"', "'", '\\', '\r', '\n', ' ', 'a', 'F', '0', '9', '}', ';', 'ø', '—', '🚢');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')),
        (s) => {
          const { value, rest } = readCssString(cssString(s));
          expect(value).toBe(flattened(s));
          expect(rest).toBe('');
        },
      ),
      { numRuns: 2000 },
    );
  });

  // APP BUG: a form feed (U+000C) is a line break to CSS, but cssString only folds CR and LF.
  // Chromium then makes a bad-string and drops the rest of the @page rule: the footer and the
  // "Page X of Y" box vanish from every printed page. Account names are not stripped of control
  // characters (a pasted name or a synced row can hold one). Remove `.fails` once it is fixed.
  it('folds a form feed too (CSS treats it as a line break)', () => {
    const { value, rest } = readCssString(cssString('Nordhavn\fShipping'));
    expect(value).toBe('Nordhavn Shipping');
    expect(rest).toBe('');
  });
});

describe('PageStyle', () => {
  const render = (paper: 'A4' | 'Letter', footer: string) =>
    renderToStaticMarkup(createElement(PageStyle, { paper, footer, pageLabel: { page: 'Page', of: 'of' } }));

  it('sets the paper size and puts the footer and "Page X of Y" in the bottom margin boxes', () => {
    const a4 = render('A4', 'Confidential — Nordhavn Shipping A/S · Printed Nov 22, 2026');
    expect(a4).toContain('size: A4 portrait;');
    expect(a4).toContain('@bottom-left { content: "Confidential — Nordhavn Shipping A/S · Printed Nov 22, 2026";');
    expect(a4).toContain('@bottom-right { content: "Page" " " counter(page) " " "of" " " counter(pages);');
    expect(render('Letter', 'x')).toContain('size: letter portrait;');
  });

  it('keeps a hostile account name inside the footer string', () => {
    const css = render('A4', 'Confidential — Nordhavn "A/S" \\ Co\nLtd"; } @page { size: A3');
    const at = css.indexOf('content: ') + 'content: '.length;
    const { value, rest } = readCssString(css.slice(at));
    expect(value).toBe('Confidential — Nordhavn "A/S" \\ Co Ltd"; } @page { size: A3');
    expect(rest.startsWith("; font: 7.5pt 'Waypoint Print', 'Noto Sans SC', sans-serif;")).toBe(true);
  });
});
