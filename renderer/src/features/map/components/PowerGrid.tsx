import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quadrant, type Quadrant } from '@shared/domain/stakeholders';
import type { PersonRow } from '../../../db/database';
import type { MapData } from '../hooks/useMapData';
import type { MapActions } from '../hooks/useMapActions';
import { useFocusRequest, type FocusRequest } from '../hooks/useFocusRequest';
import { StanceIcon } from './StanceIcon';
import { shownStance, stanceKey } from './known';

const QUADRANTS: ReadonlyArray<{ q: Quadrant; col: number; row: number }> = [
  { q: 'keepSatisfied', col: 0, row: 0 },
  { q: 'manageClosely', col: 1, row: 0 },
  { q: 'monitor', col: 0, row: 1 },
  { q: 'keepInformed', col: 1, row: 1 },
];
const clamp = (n: number) => Math.min(5, Math.max(1, n));

/** The vertical distance between two people with the same scores: one dot's height and a little air. */
const TIE_GAP_PX = 26;

/**
 * Power/interest grid: influence up, interest right (3 and above is high). Drag a person,
 * or focus them and use the arrow keys, to change their scores.
 */

export function PowerGrid({
  data,
  actions,
  focus,
  onFocused,
}: {
  data: MapData;
  actions: MapActions;
  /** A person asked for from the palette: their dot is scrolled to and focused. */
  focus?: FocusRequest | null;
  onFocused?: () => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ id: string; x: number; y: number } | null>(null);
  const dots = useRef(new Map<string, HTMLButtonElement>());
  const showPerson = useCallback((id: string) => {
    const dot = dots.current.get(id);
    dot?.scrollIntoView({ block: 'center' });
    dot?.focus({ preventScroll: true });
  }, []);
  useFocusRequest(focus, showPerson, onFocused);
  const people = data.people.filter((p) => !p.placeholder);
  const slot = new Map<string, number>();
  const crowd = new Map<string, number>();
  for (const p of people) {
    const k = `${p.influence}:${p.interest}`;
    slot.set(p.id, crowd.get(k) ?? 0);
    crowd.set(k, (crowd.get(k) ?? 0) + 1);
  }
  const scoreAt = (clientX: number, clientY: number) => {
    const r = box.current!.getBoundingClientRect();
    const interest = clamp(Math.floor(((clientX - r.left) / r.width) * 5) + 1);
    const influence = clamp(5 - Math.floor(((clientY - r.top) / r.height) * 5));
    return { interest, influence };
  };
  /**
   * People with the same scores stack in a column centred on their cell, one name-height apart
   * (closer when many share a cell, so the stack stays inside it): each name stays readable.
   */
  const place = (p: PersonRow) => {
    const n = crowd.get(`${p.influence}:${p.interest}`) ?? 1;
    const i = slot.get(p.id) ?? 0;
    const left = `${((p.interest - 0.5) / 5) * 100}%`;
    const centre = ((5 - p.influence + 0.5) / 5) * 100;
    if (n === 1) return { left, top: `${centre}%` };
    const k = i - (n - 1) / 2;
    return { left, top: `calc(${centre}% + ${k} * min(${TIE_GAP_PX}px, ${19 / (n - 1)}%))` };
  };
  const onKey = (p: PersonRow, e: React.KeyboardEvent) => {
    const d: Record<string, [number, number]> = { ArrowUp: [1, 0], ArrowDown: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
    const m = d[e.key];
    if (!m) return;
    e.preventDefault();
    actions.updatePerson(p.id, { influence: clamp(p.influence + m[0]), interest: clamp(p.interest + m[1]) });
  };
  return (
    <div className="pgrid">
      <div className="pgrid__axis pgrid__axis--y" aria-hidden>
        {t('map.grid.influence')} →
      </div>
      <div
        className="pgrid__box"
        ref={box}
        role="group"
        aria-label={t('map.grid.label')}
        onPointerMove={(e) => drag && setDrag({ ...drag, x: e.clientX, y: e.clientY })}
        onPointerUp={(e) => {
          if (!drag) return;
          const s = scoreAt(e.clientX, e.clientY);
          setDrag(null);
          actions.updatePerson(drag.id, s);
        }}
      >
        {QUADRANTS.map(({ q, col, row }) => (
          <div key={q} className={`pgrid__q pgrid__q--${q}`} style={{ gridColumn: col + 1, gridRow: row + 1 }}>
            <span className="pgrid__qname">{t(`map.grid.${q}`)}</span>
            <span className="pgrid__qcount">{t('map.grid.count', { count: people.filter((p) => quadrant(p) === q).length })}</span>
          </div>
        ))}
        {people.map((p) => {
          const pos =
            drag?.id === p.id && box.current
              ? (() => {
                  const r = box.current.getBoundingClientRect();
                  return { left: `${drag.x - r.left}px`, top: `${drag.y - r.top}px` };
                })()
              : place(p);
          return (
            <button
              key={p.id}
              ref={(el) => {
                if (el) dots.current.set(p.id, el);
                else dots.current.delete(p.id);
              }}
              type="button"
              className={`pdot pdot--${shownStance(p.stance)} ${drag?.id === p.id ? 'pdot--drag' : ''}`}
              style={pos}
              aria-label={t('map.grid.dot', {
                name: p.name,
                influence: p.influence,
                interest: p.interest,
                quadrant: t(`map.grid.${quadrant(p)}`),
                stance: t(stanceKey(p.stance)),
              })}
              onPointerDown={(e) => {
                (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
                setDrag({ id: p.id, x: e.clientX, y: e.clientY });
              }}
              onKeyDown={(e) => onKey(p, e)}
            >
              <StanceIcon stance={p.stance} size={11} />
              <span className="pdot__name">{p.name}</span>
            </button>
          );
        })}
      </div>
      <div className="pgrid__axis pgrid__axis--x" aria-hidden>
        {t('map.grid.interest')} →
      </div>
    </div>
  );
}
