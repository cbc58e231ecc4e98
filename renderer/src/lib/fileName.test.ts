import { describe, expect, it } from 'vitest';
import { safeFileName } from './fileName';

describe('safeFileName', () => {
  it('replaces separators, reserved characters and control characters, keeps the rest', () => {
    expect(safeFileName('Nordhavn A/S: "FY27" <plan>|x\\y*?\n', 'pdf')).toBe('Nordhavn A-S- -FY27- -plan--x-y---.pdf');
    expect(safeFileName('Søren — 東京', 'wpsync')).toBe('Søren — 東京.wpsync');
  });

  it('cuts long titles and falls back when nothing is left', () => {
    expect(safeFileName('x'.repeat(300), 'pdf')).toBe(`${'x'.repeat(150)}.pdf`);
    expect(safeFileName('   ', 'svg', 'map')).toBe('map.svg');
  });
});
