import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INTER_ADVANCE, INTER_RANGES } from './interMetrics';
import { fitText, textWidth } from './textFit';

describe('the Inter metrics table', () => {
  it('has one advance per code point of its ranges, for every weight, and bolder is never narrower overall', () => {
    const count = INTER_RANGES.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
    for (const w of [400, 600, 700] as const) expect(INTER_ADVANCE[w]).toHaveLength(count);
    const sum = (w: 400 | 600 | 700) => INTER_ADVANCE[w].reduce((a, b) => a + b, 0);
    expect(sum(400)).toBeLessThan(sum(600));
    expect(sum(600)).toBeLessThan(sum(700));
  });
});

describe('textWidth', () => {
  it('adds the advance widths of Inter at the size', () => {
    // Inter regular: "A" 0.690 em, "i" 0.243 em; at 10 px
    expect(textWidth('A', 10, 400)).toBeCloseTo(6.9, 5);
    expect(textWidth('Ai', 10, 400)).toBeCloseTo(9.33, 5);
    expect(textWidth('', 13, 700)).toBe(0);
    expect(textWidth('W', 13, 700)).toBeGreaterThan(textWidth('W', 13, 400));
  });

  it('knows Inter’s Greek and Cyrillic letters too (the app ships those faces for its screens)', () => {
    // measured in Chromium as a whole word: "Александр" in Inter bold is 5.598 em wide (kerning takes a little off the sum)
    expect(textWidth('Александр', 1000, 700)).toBeGreaterThanOrEqual(5598);
    expect(textWidth('Александр', 1000, 700)).toBeLessThan(5598 + 30);
    expect(textWidth('Ωμέγα', 10, 400)).toBeLessThan(5 * 10);
  });

  it('gives an accented letter its base letter’s width, a combining mark none, and a character Inter lacks 1.25 em', () => {
    // "ǎ" (U+01CE) is outside the table and decomposes to a + caron
    expect(textWidth('ǎ', 10, 400)).toBeCloseTo(textWidth('a', 10, 400), 5);
    expect(textWidth('e\u0301', 10, 400)).toBeCloseTo(textWidth('e', 10, 400), 5);
    expect(textWidth('中', 10, 400)).toBeCloseTo(12.5, 5);
    expect(textWidth('😀', 10, 400)).toBeCloseTo(12.5, 5);
    expect(textWidth('a\u200db', 10, 400)).toBeCloseTo(textWidth('ab', 10, 400), 5);
  });
});

describe('fitText', () => {
  it('keeps text that fits and cuts text that does not, with an ellipsis, within the width', () => {
    expect(fitText('Ada Lovelace', 172, 13, 700)).toBe('Ada Lovelace');
    const long = 'Wilhelmina Wolfeschlegelsteinhausen-Bergerdorff';
    const fit = fitText(long, 172, 13, 700);
    expect(fit.endsWith('…')).toBe(true);
    expect(long.startsWith(fit.slice(0, -1))).toBe(true);
    expect(textWidth(fit, 13, 700)).toBeLessThanOrEqual(172);
    // one more letter would not have fitted
    const more = long.slice(0, fit.length) + '…';
    expect(textWidth(more, 13, 700)).toBeGreaterThan(172);
    // wide capitals are cut sooner than narrow letters
    expect(fitText('W'.repeat(40), 172, 13, 700).length).toBeLessThan(fitText('i'.repeat(80), 172, 13, 700).length);
  });

  it('drops a space before the ellipsis and never cuts inside an emoji or an accented letter', () => {
    // 'aaaa bbbb' at a width where the cut falls just after the space
    const cut = fitText('aaaa bbbbbbbbbbbbbbbb', textWidth('aaaa …', 10, 400) + 0.5, 10, 400);
    expect(cut).toBe('aaaa…');
    const family = '👨‍👩‍👧';
    const emoji = fitText(`${'a'.repeat(20)}${family.repeat(5)}`, textWidth('a'.repeat(20), 10, 400) + 20, 10, 400);
    expect(emoji.replace('…', '').replace(/^a+/, '').length % family.length).toBe(0);
    const accents = fitText('e\u0301'.repeat(30), 50, 10, 400);
    expect(accents.replace('…', '').length % 2).toBe(0);
  });

  it('bounds its work on a megabyte of text', () => {
    const t0 = performance.now();
    const out = fitText('x'.repeat(1_000_000), 172, 13, 700);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(out.endsWith('…')).toBe(true);
  });

  it('never returns text wider than the width (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 20, max: 400 }),
        fc.constantFrom(10, 11, 13, 16),
        (s, max, size) => {
          for (const w of [400, 600, 700] as const) if (textWidth(fitText(s, max, size, w), size, w) > max + 1e-9) return false;
          return true;
        },
      ),
    );
  });
});
