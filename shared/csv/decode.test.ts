import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCsvBytes, decodeWindows1252, encodeText, encodeUtf16, encodeWindows1252 } from './decode';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => encodeText(s, 'utf-8');

describe('decodeCsvBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8('Name\nSøren Ærø'))).toEqual({ text: 'Name\nSøren Ærø', encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a BOM and strips it', () => {
    const withBom = encodeText('Name,€\n', 'utf-8', true);
    expect([...withBom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsvBytes(withBom)).toEqual({ text: 'Name,€\n', encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with a BOM, surrogate pairs included', () => {
    const text = 'Name\tCity\r\nSøren\tÆrø 🚢\r\n';
    expect(decodeCsvBytes(encodeText(text, 'utf-16le', true))).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(decodeCsvBytes(encodeText(text, 'utf-16be', true))).toEqual({ text, encoding: 'utf-16be', bom: true });
  });

  it('reads UTF-16 without a BOM from its zero bytes', () => {
    const text = 'Account Name,Email\r\nNordlys A/S,soren@nordlys.dk\r\nMüller GmbH,j@mueller.de\r\n';
    expect(decodeCsvBytes(encodeUtf16(text, true))).toEqual({ text, encoding: 'utf-16le', bom: false });
    expect(decodeCsvBytes(encodeUtf16(text, false))).toEqual({ text, encoding: 'utf-16be', bom: false });
  });

  it('reads bytes that are not UTF-8 as Windows-1252 (Excel "Save as CSV")', () => {
    // "Søren Ærø;Müller;€ 5;“quoted”" as Excel writes it on a Western Windows.
    const raw = bytes(
      ...[0x53, 0xf8, 0x72, 0x65, 0x6e, 0x20, 0xc6, 0x72, 0xf8],
      0x3b,
      ...[0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72],
      0x3b,
      ...[0x80, 0x20, 0x35],
      0x3b,
      ...[0x93, 0x71, 0x94],
    );
    expect(decodeCsvBytes(raw)).toEqual({ text: 'Søren Ærø;Müller;€ 5;“q”', encoding: 'windows-1252', bom: false });
  });

  it('keeps plain ASCII as UTF-8 and an empty file as empty text', () => {
    expect(decodeCsvBytes(utf8('a,b\r\n1,2\r\n')).encoding).toBe('utf-8');
    expect(decodeCsvBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('strips only the one BOM: a second U+FEFF is text', () => {
    expect(decodeCsvBytes(encodeText('\ufeffx', 'utf-8', true))).toEqual({ text: '\ufeffx', encoding: 'utf-8', bom: true });
  });

  it('round-trips any text through UTF-8 and UTF-16 (BOM on)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(decodeCsvBytes(encodeText(text, 'utf-8', true)).text).toBe(text);
        expect(decodeCsvBytes(encodeText(text, 'utf-16le', true)).text).toBe(text);
        expect(decodeCsvBytes(encodeText(text, 'utf-16be', true)).text).toBe(text);
      }),
    );
  });
});

describe('Windows-1252', () => {
  it('maps 0x80–0x9F through the table and the rest as Latin-1', () => {
    expect(decodeWindows1252(bytes(0x80, 0x8a, 0x93, 0x94, 0x96, 0x9f, 0xe6, 0xf8, 0xe5))).toBe('€Š“”–Ÿæøå');
    expect(decodeWindows1252(bytes(0x81, 0x8d))).toBe('\u0081\u008d');
  });

  it('decodes 0x80–0x9F as the WHATWG index says (Node’s TextDecoder gets these wrong: it decodes them as Latin-1)', () => {
    const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(high)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  });

  it('encodes what it can and writes "?" for the rest', () => {
    expect([...encodeWindows1252('€Søren')]).toEqual([0x80, 0x53, 0xf8, 0x72, 0x65, 0x6e]);
    expect(decodeWindows1252(encodeWindows1252('Łukasz 🚢'))).toBe('?ukasz ?');
  });

  it('round-trips every character of the code page', () => {
    const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
    expect(decodeWindows1252(encodeWindows1252(all))).toBe(all);
  });
});
