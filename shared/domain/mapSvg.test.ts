import { describe, expect, it } from 'vitest';
import { addDays, asIsoDate, type IsoDate } from './dates';
import {
  CARD_TEXT,
  CARD_TEXT_WIDTH,
  FRESHNESS_COLOUR,
  INTER_SUBSETS,
  LINE_STYLE,
  fontFaceCss,
  mapToSvg,
  STANCE_COLOUR,
  type MapSvgInput,
} from './mapSvg';
import { CARD_WIDTH } from './orgLayout';
import { fitText, textWidth } from './textFit';
import { xmlProblems } from './mapSvg.fixtures';
import { defaultPersonFields, type LineKind, type PersonFields } from './stakeholders';

const TODAY = asIsoDate('2025-06-15');

const person = (id: string, o: Partial<PersonFields> = {}) => ({ id, ...defaultPersonFields('acc', o) });
const line = (id: string, from: string, to: string, kind: LineKind) => ({ id, accountId: 'acc', from, to, kind });

/** A label function that shows which key (and count) it was asked for. */
const calls: Array<[string, number | undefined]> = [];
const label: MapSvgInput['label'] = (key, n) => {
  calls.push([key, n]);
  return n === undefined ? `[${key}]` : `${key}:${n}`;
};

/** The markup of one person's card group. */
function card(svg: string, id: string): string {
  const m = new RegExp(`<g data-person="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svg);
  if (!m?.[1]) throw new Error(`no card for ${id}`);
  return m[1];
}
const count = (s: string, sub: string) => s.split(sub).length - 1;

const people = [
  person('ana', {
    name: '<Ana & "Bo">',
    title: 'CFO',
    department: 'Finance',
    stance: 'champion',
    influence: 5,
    buyingRole: 'economicBuyer',
    x: 0,
    y: 0,
  }),
  person('cfo', { placeholder: true, stance: 'supporter', buyingRole: 'approver', x: 320, y: 0 }),
  person('ph2', { placeholder: true, name: 'Head of IT?', x: 640, y: 0 }),
  person('ben', { name: 'Ben', stance: 'opponent', influence: 1, x: 0, y: 160 }),
  person('cleo', { name: 'Cleo', stance: 'neutral', influence: 3, x: 320, y: 160 }),
];
const last = new Map<string, IsoDate>([
  ['ana', addDays(TODAY, -5)],
  ['cleo', addDays(TODAY, 3)], // dated tomorrow-ish: 0 days
  ['cfo', addDays(TODAY, -1)],
]);
const lines = [
  line('l1', 'ben', 'ana', 'reportsTo'),
  line('l2', 'ana', 'ben', 'influences'),
  line('l3', 'ben', 'cleo', 'conflict'),
  line('l4', 'cleo', 'ana', 'dotted'),
  line('l5', 'ana', 'ghost', 'alliance'), // dangling: skipped
  line('l6', 'gone', 'ben', 'reportsTo'), // dangling: skipped
];
const input: MapSvgInput = { people, lines, last, today: TODAY, label };
const svg = mapToSvg(input);

describe('mapToSvg', () => {
  it('is a well-formed standalone svg with a viewBox around all cards', () => {
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    // x from 0 to 640 + 200, y from 0 to 160 + 84, padded by 32 on each side
    expect(svg).toContain('viewBox="-32 -32 904 308"');
    expect(svg).toContain('<title>Stakeholder map</title>');
  });

  it('draws one group per person', () => {
    for (const p of people) expect(count(svg, `<g data-person="${p.id}"`)).toBe(1);
    expect(count(svg, '<g ')).toBe(people.length);
  });

  it('escapes names and titles and never writes them raw', () => {
    expect(card(svg, 'ana')).toContain('&lt;Ana &amp; &quot;Bo&quot;&gt;');
    expect(svg).not.toContain('<Ana');
    expect(svg).not.toContain('"Bo"');
    expect(card(svg, 'ana')).toContain('>CFO · Finance</text>');
    const titled = mapToSvg({ ...input, title: 'Acme & Co <EMEA>' });
    expect(titled).toContain('<title>Acme &amp; Co &lt;EMEA&gt;</title>');
    expect(xmlProblems(titled)).toEqual([]);
    // the title band adds 28 above: y from -60, height 308 + 28
    expect(titled).toContain('viewBox="-32 -60 904 336"');
    const odd = mapToSvg({ ...input, people: [person('a&"b', { name: 'x' })], lines: [] });
    expect(odd).toContain('data-person="a&amp;&quot;b"');
    expect(xmlProblems(odd)).toEqual([]);
  });

  it('clips long names by their width in Inter before escaping, never inside an entity', () => {
    // 40 narrow i's (about 126 px in bold 13 px) leave room for a few of the ampersands only
    const name = `${'i'.repeat(40)}${'&'.repeat(12)}`;
    const shown = fitText(name, CARD_TEXT_WIDTH, 13, 700);
    expect(shown).toMatch(/^i{40}&+…$/);
    expect(shown.length).toBeLessThan(name.length);
    const long = mapToSvg({ ...input, people: [person('p', { name })], lines: [] });
    expect(long).toContain(`>${shown.replace(/&/g, '&amp;')}</text>`);
    expect(xmlProblems(long)).toEqual([]);
  });

  it('fits every line of a card inside the card, measured in Inter at its size and weight', () => {
    const wide = person('w', {
      name: 'Wilhelmina Wolfeschlegelsteinhausen-Bergerdorff',
      title: 'Senior Vice President, Worldwide Manufacturing Operations',
      department: 'Operations & Logistics',
      buyingRole: 'technicalEvaluator',
    });
    const long: MapSvgInput['label'] = (key, n) => (n === undefined ? `A much longer word for ${key} than any language uses` : `${n} days`);
    const out = mapToSvg({ ...input, people: [wide, person('n', { name: 'W'.repeat(40) })], lines: [], label: long });
    const unescape = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    for (const id of ['w', 'n']) {
      const texts = [...card(out, id).matchAll(/<text x="(\d+)"[^>]* font-size="(\d+)"(?: font-weight="(\d+)")?([^>]*)>([^<]*)<\/text>/g)];
      // 'n' has no title: its title line is empty
      expect(texts.filter((m) => m[5]).length).toBeGreaterThanOrEqual(id === 'w' ? 5 : 4);
      for (const [, x, size, weight, rest, body] of texts) {
        if (!body) continue;
        const w = textWidth(unescape(body), Number(size), Number(weight ?? 400) as 400 | 600 | 700);
        // right-anchored text ends at x; the others start at x
        const right = rest!.includes('text-anchor="end"') ? Number(x) : Number(x) + w;
        expect(right, `“${body}” ends inside the card`).toBeLessThanOrEqual(CARD_WIDTH - 10);
      }
    }
    expect(card(out, 'n')).toMatch(/>W+…<\/text>/);
    // the role shares its line with the freshness: together they fit, 8 px apart
    const role = /<text x="16" y="75"[^>]*>([^<]*)<\/text>/.exec(card(out, 'w'))?.[1] ?? '';
    const fresh = /text-anchor="end"[^>]*>([^<]*)<\/text>/.exec(card(out, 'w'))?.[1] ?? '';
    expect(16 + textWidth(role, CARD_TEXT.role.size, 400) + 8 + textWidth(fresh, CARD_TEXT.fresh.size, 600)).toBeLessThanOrEqual(
      CARD_WIDTH - 10,
    );
  });

  it('embeds the Inter faces it is given as @font-face rules, and leaves out anything that is not a base64 woff2', () => {
    const face = { weight: 700 as const, unicodeRange: INTER_SUBSETS.latin, src: 'data:font/woff2;base64,d09GMgABAAAAA+==' };
    const withFont = mapToSvg({
      ...input,
      fonts: [face, { ...face, weight: 400, src: 'https://example.com/inter.woff2' }, { ...face, unicodeRange: 'U+0000-00FF}</style><x>' }],
    });
    expect(xmlProblems(withFont)).toEqual([]);
    const styles = [...withFont.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toEqual([fontFaceCss([face])]);
    expect(styles[0]).toBe(
      `@font-face{font-family:Inter;font-style:normal;font-weight:700;src:url(${face.src}) format('woff2');unicode-range:${INTER_SUBSETS.latin}}`,
    );
    expect(withFont).toContain(`font-family="Inter, 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif"`);
    // without faces (the printed plan: the page has Inter) there is no style at all
    expect(svg).not.toContain('<style');
  });

  it('does not cut a character in half when clipping', () => {
    // 24 letters and two emoji (two UTF-16 units each) = 28 units: the cut at 25 falls inside the first emoji
    const emoji = mapToSvg({ ...input, people: [person('p', { name: `${'A'.repeat(24)}😀😀` })], lines: [] });
    // the string iterator yields a lone surrogate as a single UTF-16 unit; saved as UTF-8 it would become U+FFFD
    const lone = [...emoji].filter((ch) => ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff);
    expect(lone).toEqual([]);
    expect(new TextDecoder().decode(new TextEncoder().encode(emoji))).toBe(emoji);
  });

  it('colours cards by stance and widens the ring with influence', () => {
    expect(card(svg, 'ana')).toContain(`stroke="${STANCE_COLOUR.champion}" stroke-width="4.5"`); // 1 + 5 × 0.7
    expect(card(svg, 'ben')).toContain(`stroke="${STANCE_COLOUR.opponent}" stroke-width="1.7"`); // 1 + 1 × 0.7
    expect(card(svg, 'cleo')).toContain(`stroke="${STANCE_COLOUR.neutral}" stroke-width="3.1"`);
    expect(card(svg, 'ana')).toContain('>[stance.champion]</text>');
    expect(card(svg, 'cfo')).toContain('>[role.approver]</text>');
    // this long test label shares the line with "freshness.days:5": it gets what the freshness leaves
    const room = CARD_TEXT_WIDTH - textWidth('freshness.days:5', 10, 600) - 8;
    expect(card(svg, 'ana')).toContain(`>${fitText('[role.economicBuyer]', room, 10, 400)}</text>`);
    expect(fitText('[role.economicBuyer]', room, 10, 400)).toMatch(/^\[role\.econ.*…$/);
  });

  it('dashes placeholder cards and names them with the placeholder word when nameless', () => {
    for (const id of ['cfo', 'ph2']) expect(card(svg, id)).toContain('stroke-dasharray="6 4"');
    for (const id of ['ana', 'ben', 'cleo']) expect(card(svg, id)).not.toContain('stroke-dasharray');
    expect(card(svg, 'cfo')).toContain('>[placeholder]</text>');
    expect(card(svg, 'ph2')).toContain('>Head of IT?</text>');
    expect(card(svg, 'ph2')).not.toContain('[placeholder]');
    // a placeholder's frame is grey, not its stance colour, and it has no freshness
    const frames = [...card(svg, 'cfo').matchAll(/<rect [^>]*>/g)].map((m) => m[0]);
    expect(frames).toHaveLength(2);
    for (const f of frames) expect(f).not.toContain(STANCE_COLOUR.supporter);
    expect(frames[0]).toContain('stroke="#9CA3AF" stroke-width="1.5" stroke-dasharray="6 4"');
    expect(card(svg, 'cfo')).not.toContain('freshness');
  });

  it('writes freshness through the label function with the day count', () => {
    expect(card(svg, 'ana')).toContain(`fill="${FRESHNESS_COLOUR.green}">freshness.days:5</text>`);
    expect(card(svg, 'cleo')).toContain('>freshness.days:0</text>'); // future contact: 0 days
    expect(card(svg, 'ben')).toContain(`fill="${FRESHNESS_COLOUR.never}">[freshness.never]</text>`);
    expect(calls).toContainEqual(['freshness.days', 5]);
    // custom thresholds: 5 days is already red when green ends at 2 and amber at 4
    const strict = mapToSvg({ ...input, thresholds: { greenDays: 2, amberDays: 4 } });
    expect(card(strict, 'ana')).toContain(`fill="${FRESHNESS_COLOUR.red}">freshness.days:5</text>`);
  });

  it('draws one line per line whose both ends exist, styled by kind', () => {
    const kinds = [...svg.matchAll(/<line data-kind="(\w+)"/g)].map((m) => m[1]);
    expect(kinds).toEqual(['reportsTo', 'influences', 'conflict', 'dotted']);
    const tags = [...svg.matchAll(/<line [^>]*>/g)].map((m) => m[0]);
    expect(tags.filter((t) => t.includes('marker-end'))).toEqual([expect.stringContaining('data-kind="influences"')]);
    expect(tags[1]).toContain('marker-end="url(#arrow-influences)"');
    expect(svg).toContain('<marker id="arrow-influences"');
    expect(tags[3]).toContain(`stroke-dasharray="${LINE_STYLE.dotted.dash}"`);
    expect(tags[2]).toContain(`stroke="${LINE_STYLE.conflict.stroke}"`);
    // ben (centre 100,202) to ana (centre 100,42): from ben's top edge to ana's bottom edge
    expect(tags[0]).toContain('x1="100.0" y1="160.0" x2="100.0" y2="84.0"');
  });

  it('still gives a valid svg for an empty map', () => {
    const empty = mapToSvg({ people: [], lines: [line('l', 'a', 'b', 'reportsTo')], last: new Map(), today: TODAY, label });
    expect(xmlProblems(empty)).toEqual([]);
    // one card's size, padded: -32 … 200 + 32 wide, -32 … 84 + 32 high
    expect(empty).toContain('viewBox="-32 -32 264 148"');
    expect(empty).not.toContain('<g ');
    expect(empty).not.toContain('<line');
  });
});

describe('xmlProblems (the checker itself)', () => {
  it('catches raw markup, bad entities and unbalanced tags', () => {
    expect(xmlProblems('<svg><text>a < b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><text>a & b</text></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg><g></svg>')).not.toEqual([]);
    expect(xmlProblems('<svg a="x"y"/>')).not.toEqual([]);
    expect(xmlProblems('<svg/><svg/>')).toEqual(['2 roots']);
    expect(xmlProblems('<svg a="1"><g/><text>x &amp; y</text></svg>')).toEqual([]);
  });
});
