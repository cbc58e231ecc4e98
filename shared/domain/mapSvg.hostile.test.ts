import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { asIsoDate, type IsoDate } from './dates';
import { LINE_STYLE, mapToSvg, STANCE_COLOUR, UNKNOWN_LINE_STYLE, type MapSvgInput } from './mapSvg';
import { elementNames, numericAttrProblems, xmlInvalidChars, xmlProblems } from './mapSvg.fixtures';
import { BUYING_ROLES, defaultPersonFields, LINE_KINDS, ORG_LEVELS, STANCES, type LineFields, type PersonFields } from './stakeholders';

/** Rows as a file from anywhere could hold them: any field may be anything. */
type Loose = Record<string, unknown>;
const TODAY = asIsoDate('2025-06-15');
const label: MapSvgInput['label'] = (key, n) => (n === undefined ? `[${key}]` : `${key}:${n}`);
const svgOf = (people: Loose[], lines: Loose[] = [], extra: Partial<MapSvgInput> = {}) =>
  mapToSvg({
    people: people as unknown as MapSvgInput['people'],
    lines: lines as unknown as MapSvgInput['lines'],
    last: new Map(),
    today: TODAY,
    label,
    ...extra,
  });
const person = (id: string, o: Loose = {}): Loose => ({ id, ...defaultPersonFields('acc'), name: id, ...o });
const line = (from: string, to: string, kind: unknown): Loose => ({ id: `${from}-${to}`, accountId: 'acc', from, to, kind });
const ELEMENTS = new Set(['svg', 'title', 'defs', 'marker', 'path', 'rect', 'text', 'line', 'g']);

const window = new Window();
/** A real XML parser's verdict (happy-dom): parse errors, and whether the root is the SVG element. */
function parsed(svg: string): { errors: number; root: string | undefined } {
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  return { errors: doc.getElementsByTagName('parsererror').length, root: doc.documentElement?.tagName };
}

/** Everything that must hold for any input: one well-formed SVG of our own elements, finite numbers, XML characters only. */
function expectSafe(svg: string) {
  expect(svg.toLowerCase()).not.toContain('<script');
  expect(xmlProblems(svg)).toEqual([]);
  expect(elementNames(svg).filter((n) => !ELEMENTS.has(n))).toEqual([]);
  expect(numericAttrProblems(svg)).toEqual([]);
  expect(xmlInvalidChars(svg)).toEqual([]);
  expect(parsed(svg)).toEqual({ errors: 0, root: 'svg' });
}

const card = (svg: string, id: string) => new RegExp(`<g data-person="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)?.[0] ?? '';
const MARKUP = '"/><script>alert(1)</script><text x="';

describe('mapToSvg with hostile rows', () => {
  it('writes positions as finite numbers, never as the text a row holds', () => {
    const svg = svgOf([
      person('a', { x: MARKUP, y: 'NaN' }),
      person('b', { x: Infinity, y: -1e300 }),
      person('c', { x: NaN, y: '12' }),
      person('d', { x: 1e300 }),
    ]);
    expectSafe(svg);
    expect(card(svg, 'a')).toContain('transform="translate(0 0)"');
    expect(card(svg, 'b')).toContain('transform="translate(0 -1000000)"'); // clamped to ±1e6
    expect(card(svg, 'c')).toContain('transform="translate(0 0)"'); // a number in a string is still not a number
    expect(card(svg, 'd')).toContain('transform="translate(1000000 0)"');
    expect(svg).not.toContain('alert');
  });

  it('escapes markup in every text and drops characters XML forbids', () => {
    const svg = svgOf(
      [
        person('a', {
          name: `Ann\u0000\u0007\u001B<b>&${'\uD800'}x${'\uDFFF'}\uFFFE\uFFFF\tok`,
          title: MARKUP,
          department: '</text></g><g>',
        }),
      ],
      [],
      { title: 'Acme \u0008<i>' },
    );
    expectSafe(svg);
    expect(card(svg, 'a')).toContain('>Ann&lt;b&gt;&amp;x\tok</text>');
    expect(svg).toContain('<title>Acme &lt;i&gt;</title>');
    // an emoji (a valid surrogate pair) survives
    expect(svgOf([person('e', { name: 'Zoë 😀' })])).toContain('>Zoë 😀</text>');
  });

  it('draws a person with unknown or missing fields neutrally, never throwing', () => {
    const toStringTrap = { toString: 1 };
    const svg = svgOf([
      person('u', { stance: 'fan', buyingRole: '__proto__', orgLevel: 'intern', influence: '5', placeholder: 'yes' }),
      { id: 'bare' },
      person('o', { name: toStringTrap, title: ['CFO'], department: { a: 1 }, stance: null, influence: 1e9 }),
      null as unknown as Loose,
    ]);
    expectSafe(svg);
    const u = card(svg, 'u');
    expect(u).toContain(`stroke="${STANCE_COLOUR.neutral}" stroke-width="1.0"`); // influence '5' is not a number: no ring
    expect(u).toContain('>[stance.unknown]</text>');
    expect(u).toContain('>[role.unknown]</text>');
    expect(u).not.toContain('stroke-dasharray'); // placeholder 'yes' is not true
    expect(card(svg, 'bare')).toContain('>[stance.unknown]</text>');
    expect(card(svg, 'o')).toContain('stroke-width="4.5"'); // influence clamped to 5
    expect(card(svg, 'o')).toContain('font-size="13" font-weight="700" fill="#1B1C20"></text>'); // an object is no name
  });

  it('draws a line of an unknown kind grey and plain, titled "unknown kind"', () => {
    const svg = svgOf(
      [person('a'), person('b', { y: 200 }), person('c', { x: 400 })],
      [line('a', 'b', 'mentors'), line('b', 'c', `${MARKUP}`), line('a', 'c', 'influences'), line('c', 'a', 42)],
    );
    expectSafe(svg);
    const tags = [...svg.matchAll(/<line [^>]*>(?:<title>[^<]*<\/title><\/line>)?/g)].map((m) => m[0]);
    expect(tags).toHaveLength(4);
    for (const i of [0, 1, 3]) {
      expect(tags[i]).toContain(`data-kind="unknown"`);
      expect(tags[i]).toContain(`stroke="${UNKNOWN_LINE_STYLE.stroke}" stroke-width="${UNKNOWN_LINE_STYLE.width}"`);
      expect(tags[i]).not.toContain('marker-end');
      expect(tags[i]).not.toContain('dasharray');
      expect(tags[i]).toContain('<title>[kind.unknown]</title>');
    }
    expect(tags[2]).toContain(`stroke="${LINE_STYLE.influences.stroke}"`);
    expect(svg).not.toContain('mentors');
  });

  it('escapes and cleans the words the label function returns too', () => {
    const svg = svgOf([person('a')], [], { label: () => '<b>\u0001&' });
    expectSafe(svg);
    expect(card(svg, 'a')).toContain('>&lt;b&gt;&amp;</text>');
  });

  it('gives a safe svg for any rows at all (property)', () => {
    const nasty = fc.constantFrom(
      MARKUP,
      '__proto__',
      'constructor',
      'toString',
      'NaN',
      'Infinity',
      '-0',
      '1e999',
      ']]>',
      '<!--',
      '&#0;',
      '\uD83D',
      '\uDE00',
      '\u202Eevil',
      '',
    );
    const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const text = fc.oneof(fc.string({ unit: anyChar, maxLength: 40 }), fc.string({ maxLength: 60 }), nasty);
    const number = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.constantFrom(NaN, Infinity, -Infinity, 1e300, -1e300, Number.MAX_VALUE, Number.MIN_VALUE, -0),
    );
    const value = fc.oneof(
      text,
      number,
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant({ toString: 1 }),
      fc.anything({ maxDepth: 1, withNullPrototype: true }),
    );
    const choice = (list: readonly string[]) => fc.oneof(fc.constantFrom(...list), value);
    const row = fc.record(
      {
        id: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), text),
        name: fc.oneof(text, value),
        title: value,
        department: value,
        stance: choice(STANCES),
        buyingRole: choice(BUYING_ROLES),
        orgLevel: choice(ORG_LEVELS),
        influence: fc.oneof(fc.integer({ min: 1, max: 5 }), value),
        placeholder: fc.oneof(fc.boolean(), value),
        x: fc.oneof(number, value),
        y: fc.oneof(number, value),
      },
      { requiredKeys: ['id'] },
    );
    const input = fc.record({
      people: fc.array(row, { maxLength: 8 }),
      links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: choice(LINE_KINDS) }), { maxLength: 12 }),
      title: fc.option(text, { nil: undefined }),
      lastDate: fc.oneof(fc.constant('2025-06-01'), text),
    });
    fc.assert(
      fc.property(input, ({ people, links, title, lastDate }) => {
        const ids = people.map((p) => p.id);
        const lines =
          ids.length === 0
            ? []
            : links.map((l, i) => ({
                id: `l${i}`,
                accountId: 'acc',
                from: ids[l.from % ids.length],
                to: ids[l.to % ids.length],
                kind: l.kind,
              }));
        const last = new Map<string, IsoDate>(ids.map((id) => [id, lastDate as IsoDate]));
        const svg = mapToSvg({
          people: people as unknown as Array<PersonFields & { id: string }>,
          lines: lines as unknown as Array<LineFields & { id: string }>,
          last,
          today: TODAY,
          label,
          ...(title === undefined ? {} : { title }),
        });
        expectSafe(svg);
      }),
      { numRuns: 150 },
    );
  });
});
