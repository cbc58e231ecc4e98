import { describe, expect, it } from 'vitest';
import { defaultAccountFields } from '../domain/account';
import { laidOutBody, parsedBody, readChecked, type SyncBody } from './body';
import { SyncFileError } from './errors';
import type { AnyRow } from './merge';
import { webPlatform } from './platform';
import { createRow } from './row';
import { emptyLayout, scanBody } from './scan';
import { stamp, T0 } from './testing';

const enc = (s: string) => new TextEncoder().encode(s);
const p = webPlatform();
const S = stamp(T0 + 1000);
const LATEST = T0 + 365 * 86_400_000;

/** Accounts with names that hold JSON's own structure, escapes and scripts beyond Latin. */
function accounts(n: number): AnyRow[] {
  const names = ['Acme ]},{"x": [ \\"quoted\\" }', '北京 {', 'Ромашка, ООО', 'tab\tand\nnewline', 'back\\slash\\', 'emoji 🚢 ,]'];
  return Array.from({ length: n }, (_, i) => {
    const fields: Record<string, unknown> = {
      ...defaultAccountFields({ name: `${names[i % names.length]} ${i}` }),
      extra: [['x', i], { y: [] }],
    };
    return createRow(`a${i}`, fields, S) as AnyRow;
  });
}

function laidOut(text: string, rows: number): SyncBody | null {
  const bytes = enc(text);
  const layout = emptyLayout();
  expect(scanBody(bytes, rows, 40, layout)).toBeNull();
  return laidOutBody(bytes, layout, p);
}

/** Every row of a body, read in batches of `size`. */
function batches(body: SyncBody, size: number): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  body.tables.forEach((t, i) => {
    const rows: unknown[] = [];
    for (let at = 0; at < t.rows; at += size) rows.push(...body.rows(i, at, Math.min(at + size, t.rows)));
    out[t.name] = rows;
  });
  return out;
}

describe('laidOutBody: rows read a batch at a time through the scan', () => {
  const tables = { accounts: accounts(40), empty: [], notes: accounts(7).map((r) => ({ ...r, id: `n-${r.id}` })) };

  it.each([
    ['compact', JSON.stringify({ tables })],
    ['indented', JSON.stringify({ tables }, null, 2)],
    ['with tabs and line breaks between elements', JSON.stringify({ tables }).replaceAll('},{"id"', '}\r\n\t, {"id"')],
  ])('gives the rows JSON.parse gives, in any batch size (%s)', (_what, text) => {
    const body = laidOut(text, 47)!;
    expect(body).not.toBeNull();
    expect(body.tables).toEqual([
      { name: 'accounts', rows: 40 },
      { name: 'empty', rows: 0 },
      { name: 'notes', rows: 7 },
    ]);
    const whole = (JSON.parse(text) as { tables: Record<string, unknown[]> }).tables;
    for (const size of [1, 3, 40, 1000]) expect(batches(body, size)).toEqual(whole);
    expect(readChecked(body, LATEST)).toEqual(readChecked(parsedBody(JSON.parse(text)), LATEST));
  });

  it('leaves a body not laid out as this version writes it to be parsed whole', () => {
    const rows = JSON.stringify(accounts(2));
    // A name twice: JSON.parse keeps the last array, so must the reader.
    expect(laidOut(`{"tables":{"accounts":${rows},"accounts":${rows}}}`, 4)).toBeNull();
    // An object where a table's array belongs.
    expect(laidOut(`{"tables":{"accounts":{"a":${rows}}}}`, 4)).toBeNull();
  });

  it('refuses a frame that is wrong whichever way it is read', () => {
    const rows = JSON.stringify(accounts(2));
    const code = (text: string): string => {
      try {
        laidOut(text, 2);
        return 'read';
      } catch (e) {
        return e instanceof SyncFileError ? e.code : String(e);
      }
    };
    expect(code(`{"tables":{"constructor":${rows}}}`)).toBe('unsafeKeys');
    expect(code(`{"tables":{"1st":${rows}}}`)).toBe('damaged');
    expect(code(`{"tables":{"accounts":${rows}},"extra":true}`)).toBe('damaged');
    // An array outside "tables" at the depth of a table.
    expect(code(`{"tables":{},"x":{"y":${rows}}}`)).toBe('damaged');
  });

  it('refuses rows the scan and JSON do not agree on', () => {
    // Two rows with no comma between them: one element to the scan, not JSON.
    const [a, b] = accounts(2).map((r) => JSON.stringify(r));
    const body = laidOut(`{"tables":{"accounts":[${a} ${b}]}}`, 2)!;
    expect(body.tables).toEqual([{ name: 'accounts', rows: 1 }]);
    expect(() => body.rows(0, 0, 1)).toThrow(SyncFileError);
  });
});
