import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, safeFileName } from './fileName';

const bytes = (s: string) => new TextEncoder().encode(s).length;
/** Encoding and decoding gives the same text back only if no character was split (a lone surrogate becomes U+FFFD). */
const whole = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s)) === s;

describe('safeFileName', () => {
  it('replaces separators and reserved characters, drops control characters, keeps the rest', () => {
    expect(safeFileName('Nordhavn A/S: "FY27" <plan>|x\\y*?\n', 'pdf')).toBe('Nordhavn A-S- -FY27- -plan--x-y--.pdf');
    expect(safeFileName('Søren — 東京', 'wpsync')).toBe('Søren — 東京.wpsync');
    expect(safeFileName('a\u0000b\u001Fc\u007Fd\u009Fe\tf', 'svg')).toBe('abcdef.svg');
  });

  it('cuts long titles and falls back when nothing is left', () => {
    expect(safeFileName('x'.repeat(300), 'pdf')).toBe(`${'x'.repeat(150)}.pdf`);
    expect(safeFileName('   ', 'svg', 'map')).toBe('map.svg');
    for (const empty of ['', '...', ' . . ', '\u202E\u200F', '\u0001\u0002', '\uD800'])
      expect(safeFileName(empty, 'pdf')).toBe('Waypoint.pdf');
  });

  it('bounds a Japanese or Chinese name to 255 UTF-8 bytes, extension included, by whole characters', () => {
    const ja = `${'東京海上日動火災保険株式会社'.repeat(8)} — stakeholder map`; // 112 kanji, 3 bytes each
    const zh = `${'中国工商银行股份有限公司'.repeat(9)} 客户计划`;
    for (const [title, ext] of [
      [ja, 'svg'],
      [zh, 'wpsync'],
    ] as const) {
      expect(bytes(title)).toBeGreaterThan(MAX_NAME_BYTES);
      const name = safeFileName(title, ext);
      expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(bytes(name)).toBeGreaterThan(MAX_NAME_BYTES - 3); // as long as whole 3-byte characters allow
      expect(name.endsWith(`.${ext}`)).toBe(true);
      expect(title.startsWith(name.slice(0, -ext.length - 1))).toBe(true);
      expect(whole(name)).toBe(true);
    }
    // 251 bytes for the stem of a .svg: 83 kanji (249 bytes), not 83⅔
    expect(safeFileName(ja, 'svg')).toBe(`${ja.slice(0, 83)}.svg`);
  });

  it('never splits an emoji or an accented letter at the cut point', () => {
    // no character limit here: the byte limit decides
    const long = (title: string) => safeFileName(title, 'pdf', 'Waypoint', 1_000);
    // 249 + 4 bytes of 😀 would be 253 > 251 (255 − ".pdf"): the emoji goes whole
    expect(long(`${'a'.repeat(249)}😀b`)).toBe(`${'a'.repeat(249)}.pdf`);
    expect(long(`${'a'.repeat(247)}😀b`)).toBe(`${'a'.repeat(247)}😀.pdf`);
    // a family (four emoji joined by ZWJ, 25 bytes) is one character: all of it or none
    const family = '👨‍👩‍👧‍👦';
    expect(long(`${'a'.repeat(240)}${family}`)).toBe(`${'a'.repeat(240)}.pdf`);
    expect(long(`${'a'.repeat(10)}${family}`)).toBe(`${'a'.repeat(10)}${family}.pdf`);
    // e + combining acute (3 bytes) at the cut: not a bare "e"
    expect(long(`${'a'.repeat(249)}e\u0301`)).toBe(`${'a'.repeat(249)}.pdf`);
    // the 150-character limit counts characters as people see them
    expect(safeFileName('😀'.repeat(200), 'png')).toBe(`${'😀'.repeat(62)}.png`); // 62 × 4 = 248 ≤ 251
    expect(safeFileName('é'.repeat(200), 'png')).toBe(`${'é'.repeat(125)}.png`); // 125 × 2 = 250
  });

  it('puts a "_" before Windows device names, whatever the case and extension', () => {
    expect(safeFileName('CON', 'pdf')).toBe('_CON.pdf');
    expect(safeFileName('nul', 'svg')).toBe('_nul.svg');
    expect(safeFileName('NUL.tar', 'gz')).toBe('_NUL.tar.gz');
    expect(safeFileName('con.pdf', 'pdf')).toBe('_con.pdf.pdf');
    expect(safeFileName('Aux ', 'png')).toBe('_Aux.png');
    expect(safeFileName('prn .txt', 'svg')).toBe('_prn .txt.svg');
    for (const d of ['COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'CONIN$', 'conout$']) expect(safeFileName(d, 'pdf')).toBe(`_${d}.pdf`);
    for (const ok of ['CONSOLE', 'COM0', 'COM10', 'LPT', 'nullable', 'Acme CON', 'my.con'])
      expect(safeFileName(ok, 'pdf')).toBe(`${ok}.pdf`);
  });

  it('drops bidi controls so a name cannot pretend to be another', () => {
    expect(safeFileName('invoice\u202Efdp.exe', 'pdf')).toBe('invoicefdp.exe.pdf');
    expect(safeFileName('\u2066a\u2067b\u2068c\u2069\u200Ed\u200Fe\u061Cf\u202A\u202B\u202C\u202D', 'svg')).toBe('abcdef.svg');
  });

  it('strips trailing dots and spaces, which Windows would drop', () => {
    expect(safeFileName('Report. . .', 'pdf')).toBe('Report.pdf');
    expect(safeFileName('  .hidden plan  ', 'pdf')).toBe('hidden plan.pdf');
    // a cut that ends in a space or dot is tidied too
    expect(safeFileName(`${'a'.repeat(149)} b`, 'pdf')).toBe(`${'a'.repeat(149)}.pdf`);
  });

  it('gives a valid bounded name for any title (property)', () => {
    const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const title = fc.oneof(
      fc.string({ unit: anyUnit, maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.constantFrom('CON', 'nul.tar', 'COM3 ', '...'),
    );
    fc.assert(
      fc.property(title, fc.constantFrom('pdf', 'svg', 'png', 'wpsync'), (t, ext) => {
        const name = safeFileName(t, ext);
        const stem = name.slice(0, -ext.length - 1);
        expect(name.endsWith(`.${ext}`)).toBe(true);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(whole(name)).toBe(true);
        expect(stem.length).toBeGreaterThan(0);
        expect(stem).not.toMatch(/[\\/:*?"<>|\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
        expect([...stem].filter((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || /[\u007F-\u009F]/.test(ch))).toEqual([]);
        expect(stem).not.toMatch(/[\s.]$/);
        expect(stem.split('.')[0]?.trimEnd()).not.toMatch(/^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/i);
      }),
      { numRuns: 300 },
    );
  });
});
