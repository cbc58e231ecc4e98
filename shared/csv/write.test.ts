import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSheet } from './sheet';
import type { CsvDelimiter } from './types';
import { escapeFormula, quoteCell, toCsv, unescapeFormula } from './write';

describe('escapeFormula', () => {
  it('puts an apostrophe before a cell a spreadsheet would run (OWASP CSV injection)', () => {
    expect(escapeFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(escapeFormula('+1+2')).toBe("'+1+2");
    expect(escapeFormula('-2+3')).toBe("'-2+3");
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('\t=1')).toBe("'\t=1");
    expect(escapeFormula('\r=1')).toBe("'\r=1");
    expect(escapeFormula('-')).toBe("'-");
    expect(escapeFormula('- item')).toBe("'- item");
  });

  it('leaves a plain negative number as it is: it is a number, never a formula', () => {
    for (const n of ['-42', '-1.5', '-1,5', '-1,234.56', '-0']) expect(escapeFormula(n)).toBe(n);
    expect(escapeFormula('-1e5')).toBe("'-1e5");
    expect(escapeFormula('-1.')).toBe("'-1.");
  });

  it('leaves ordinary text alone', () => {
    for (const s of ['', 'Nordlys A/S', 'a=b', ' =1', 'Søren Ærø', "'quoted"]) expect(escapeFormula(s)).toBe(s);
  });

  it('escapes apostrophes before a formula too, so unescaping is exact', () => {
    expect(escapeFormula("'=1")).toBe("''=1");
    expect(unescapeFormula("''=1")).toBe("'=1");
    expect(unescapeFormula("'quoted")).toBe("'quoted");
    expect(unescapeFormula("'-42")).toBe("'-42");
  });

  it('unescapeFormula undoes escapeFormula for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'a', ' ') }), (s) => {
        expect(unescapeFormula(escapeFormula(s))).toBe(s);
      }),
    );
  });
});

describe('toCsv', () => {
  it('quotes fields with delimiters, quotes and line breaks; doubles quotes; CRLF after every row', () => {
    expect(
      toCsv([
        ['Name', 'Note'],
        ['Acme, Inc.', 'said "hi"\nthen left'],
        ['a;b', 'tab\there'],
      ]),
    ).toBe('Name,Note\r\n"Acme, Inc.","said ""hi""\nthen left"\r\n"a;b","tab\there"\r\n');
    expect(quoteCell('plain')).toBe('plain');
  });

  it('writes a BOM for Excel and the chosen delimiter', () => {
    expect(toCsv([['a', 'b']], { bom: true, delimiter: ';' })).toBe('\ufeffa;b\r\n');
    expect(toCsv([['a', 'b']], { delimiter: '\t' })).toBe('a\tb\r\n');
  });

  it('escapes formulas unless told not to', () => {
    expect(toCsv([['=1+1', '-42']])).toBe("'=1+1,-42\r\n");
    expect(toCsv([['=1+1']], { escapeFormulas: false })).toBe('=1+1\r\n');
  });
});

const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '\r\n', '=', '+', '-', '@', "'", 'ø', '€', ' ', 'x', '1'),
    maxLength: 10,
  }),
);
const delimiter = fc.constantFrom<CsvDelimiter>(',', ';', '\t');

describe('round trip toCsv → readSheet', () => {
  it('gives back the same cells (formula escapes taken off), with the delimiter given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        delimiter,
        fc.boolean(),
        (rows, d, bom) => {
          const sheet = readSheet(toCsv(rows, { delimiter: d, bom }), { delimiter: d });
          expect(sheet.rows.map((r) => r.cells.map(unescapeFormula))).toEqual(rows);
          expect(sheet.bom).toBe(bom);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back the same cells with the delimiter detected (rectangular tables of 2+ columns)', () => {
    const table = fc
      .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 10 }))
      .chain(([w, h]) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
    fc.assert(
      fc.property(table, delimiter, (rows, d) => {
        const sheet = readSheet(toCsv(rows, { delimiter: d }));
        expect(sheet.delimiter).toBe(d);
        expect(sheet.rows.map((r) => r.cells.map(unescapeFormula))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
