import { describe, expect, it } from 'vitest';
import { addDays, asIsoDate, type IsoDate } from './dates';
import { FRESHNESS_COLOUR, LINE_STYLE, mapToSvg, STANCE_COLOUR, type MapSvgInput } from './mapSvg';
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

  it('clips long names before escaping, never inside an entity', () => {
    // 24 + 3 = 27 characters > 26: keep 25, then an ellipsis
    const long = mapToSvg({ ...input, people: [person('p', { name: `${'A'.repeat(24)}&&&` })], lines: [] });
    expect(long).toContain(`>${'A'.repeat(24)}&amp;…</text>`);
    expect(xmlProblems(long)).toEqual([]);
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
    expect(card(svg, 'ana')).toContain('>[role.economicBuyer]</text>');
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
