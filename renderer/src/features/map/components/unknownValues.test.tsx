// @vitest-environment happy-dom
import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { asIsoDate, type IsoDate } from '@shared/domain/dates';
import { LINE_STYLE, UNKNOWN_LINE_STYLE } from '@shared/domain/mapSvg';
import { defaultPersonFields, type LineKind } from '@shared/domain/stakeholders';
import type { LineRow, PersonRow } from '../../../db/database';
import { i18next, initI18n } from '../../../i18n';
import type { MapActions } from '../hooks/useMapActions';
import type { MapData } from '../hooks/useMapData';
import { svgFor } from './exportMap';
import { cardWords, CardWordsContext } from './cardWords';
import { CoverageView } from './CoverageView';
import { channelKey, kindKey, levelKey, lineLabelKey, roleKey, shownKind, shownStance, stanceKey } from './known';
import { LineKindDialog } from './LineKindDialog';
import { MapQualityBadge } from './MapQualityBadge';
import { PeopleList } from './PeopleList';
import { PersonNode, type PersonNodeType } from './PersonNode';
import { PowerGrid } from './PowerGrid';
import { TopFiveReview } from './TopFiveReview';
import { lineEdge } from './useCanvasNodes';

/** What a newer Waypoint may store: choices this version does not know (the table rules keep unknown line kinds). */
const TODAY = asIsoDate('2025-06-15');
const meta = { stamps: {}, updatedAt: '0', deleted: false };
const person = (id: string, o: Record<string, unknown> = {}) =>
  ({ id, ...meta, ...defaultPersonFields('acc'), name: id, ...o }) as unknown as PersonRow;
const line = (id: string, from: string, to: string, kind: string) =>
  ({ id, ...meta, accountId: 'acc', from, to, kind: kind as LineKind }) as unknown as LineRow;
const people = [
  person('Ana', { stance: 'fan', buyingRole: 'sponsor', orgLevel: 'intern', influence: 5, interest: 5 }),
  person('Ben', { stance: '__proto__', buyingRole: 'constructor', orgLevel: 'toString', influence: 4 }),
  person('Cleo', { stance: 'champion', buyingRole: 'economicBuyer', orgLevel: 'cLevel', influence: 5, department: 'IT' }),
];
const data: MapData = {
  people,
  lines: [line('l1', 'Ana', 'Cleo', 'mentors'), line('l2', 'Ben', 'Cleo', 'reportsTo'), line('l3', 'Cleo', 'Ana', '__proto__')],
  contacts: [],
  last: new Map<string, IsoDate>([['Cleo', TODAY]]),
};
const actions = new Proxy({}, { get: () => vi.fn() }) as MapActions;
const t = (key: string, o?: Record<string, unknown>) => i18next.t(key, o);

beforeAll(async () => {
  await initI18n('en');
});

describe('keys and styles of values a newer version sent', () => {
  it('maps known values to their own key and anything else to the group’s "unknown"', () => {
    expect([
      stanceKey('champion'),
      roleKey('coach'),
      levelKey('vp'),
      channelKey('call'),
      kindKey('dotted'),
      lineLabelKey('alliance'),
    ]).toEqual(['map.stance.champion', 'map.role.coach', 'map.level.vp', 'map.channel.call', 'map.kind.dotted', 'map.lineLabel.alliance']);
    for (const v of ['mentors', '__proto__', 'constructor', '', null, 3]) {
      expect([stanceKey(v), roleKey(v), levelKey(v), channelKey(v), kindKey(v), lineLabelKey(v)]).toEqual([
        'map.stance.unknown',
        'map.role.unknown',
        'map.level.unknown',
        'map.channel.unknown',
        'map.kind.unknown',
        'map.lineLabel.unknown',
      ]);
      expect([shownStance(v), shownKind(v)]).toEqual(['neutral', 'unknown']);
    }
    // every "unknown" key has English words
    for (const key of [
      'map.stance.unknown',
      'map.role.unknown',
      'map.level.unknown',
      'map.channel.unknown',
      'map.kind.unknown',
      'map.lineDialog.unknownKind',
    ])
      expect(t(key)).not.toBe(key);
    expect(t('map.lineLabel.unknown', { from: 'Ana', to: 'Cleo' })).toBe('Ana and Cleo: unknown kind');
  });

  it('draws an edge of an unknown kind grey and plain, labelled "unknown kind"', () => {
    const label = t(lineLabelKey('mentors'), { from: 'Ana', to: 'Cleo' });
    const e = lineEdge(line('l1', 'Ana', 'Cleo', 'mentors'), 'r', 'l', label);
    expect(e).toMatchObject({
      id: 'l1',
      source: 'Ana',
      target: 'Cleo',
      type: 'default',
      ariaLabel: 'Ana and Cleo: unknown kind',
      className: 'edge edge--unknown',
    });
    expect(e.style).toEqual({ stroke: UNKNOWN_LINE_STYLE.stroke, strokeWidth: UNKNOWN_LINE_STYLE.width, strokeDasharray: undefined });
    expect(e.markerEnd).toBeUndefined();
    const known = lineEdge(line('l2', 'Ana', 'Cleo', 'influences'), 'r', 'l', '');
    expect(known.style?.stroke).toBe(LINE_STYLE.influences.stroke);
    expect(known.markerEnd).toBeDefined();
    expect(lineEdge(line('l3', 'Ana', 'Cleo', 'dotted'), 't', 'b', '').type).toBe('smoothstep');
  });

  it('words a card’s unknown stance and role, and never finds a prototype', () => {
    const w = cardWords(i18next.t);
    expect([w.stance('fan'), w.stance('__proto__'), w.role('constructor'), w.stance('champion')]).toEqual([
      'Unknown stance',
      'Unknown stance',
      'Unknown role',
      'Champion',
    ]);
  });
});

describe('map views over rows with unknown values', () => {
  const render = (el: ReactElement) => renderToStaticMarkup(el);

  it('renders the list, grid, coverage, top 5 and quality badge without throwing', () => {
    const list = render(createElement(PeopleList, { data, today: TODAY, actions, onEdit: () => undefined }));
    expect(list).toContain('Unknown stance');
    expect(list).toContain('Unknown role');
    expect(list).toContain('Unknown level');
    expect(render(createElement(PowerGrid, { data, actions }))).toContain('Unknown stance');
    expect(render(createElement(CoverageView, { data, today: TODAY }))).toContain('IT');
    const top = render(createElement(TopFiveReview, { data, today: TODAY, actions }));
    expect(top).toContain('Unknown role');
    expect(render(createElement(MapQualityBadge, { data }))).toContain('Cleo');
  });

  it('renders a card with an unknown stance and role as neutral', () => {
    const props = {
      id: 'Ben',
      data: { person: people[1]!, fresh: { level: 'never', days: null } },
      selected: false,
    } as unknown as NodeProps<PersonNodeType>;
    const html = render(
      createElement(
        ReactFlowProvider,
        null,
        createElement(CardWordsContext.Provider, { value: cardWords(i18next.t) }, createElement(PersonNode, props)),
      ),
    );
    expect(html).toContain('pcard--neutral');
    expect(html).toContain('Unknown stance');
    expect(html).toContain('title="Unknown role">?</span>');
  });

  it('exports the SVG with the unknown line drawn neutrally and named in words', () => {
    const svg = svgFor(data, TODAY, { greenDays: 14, amberDays: 30 }, 'Acme');
    expect(svg.match(/data-kind="unknown"/g)).toHaveLength(2);
    expect(svg).toContain('<title>Unknown kind</title>');
    expect(svg).toContain('>Unknown stance</text>');
  });
});

describe('the line-kind dialog on a line of an unknown kind', () => {
  it('says the kind is unknown, chooses nothing, and changes it to the kind picked', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const onChoose = vi.fn();
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    await act(async () =>
      root.render(
        createElement(LineKindDialog, {
          open: true,
          initial: 'mentors' as LineKind,
          from: 'Ana',
          to: 'Cleo',
          onClose: () => undefined,
          onChoose,
        }),
      ),
    );
    expect(document.body.textContent).toContain('does not know');
    const radios = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios).toHaveLength(5);
    expect(radios.filter((r) => r.checked)).toEqual([]);
    const submit = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Change line')!;
    expect(submit.disabled).toBe(true);
    await act(async () => radios.find((r) => r.value === 'dotted')!.click());
    expect(submit.disabled).toBe(false);
    await act(async () => submit.click());
    expect(onChoose).toHaveBeenCalledWith('dotted');
    await act(async () => root.unmount());
    host.remove();
  });
});
