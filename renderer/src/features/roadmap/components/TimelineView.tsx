import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { addQuarters, quarterIndex, quarterOf, quarterRange, type Quarter } from '@shared/domain/quarter';
import { capacityOf, MAX_CAPACITY_EM, quarterLoads, quarterStatus, type ItemDemand } from '@shared/domain/roadmap';
import { asMinor } from '@shared/domain/money';
import { useToday } from '../../../lib/today';
import { formatEm, formatMoney } from '../../../lib/format';
import { engineerMonthsParser } from '../../../lib/parsers';
import { IconButton } from '../../../ui/Button';
import { InlineInput } from '../../../ui/fields';
import { Link } from '../../../ui/Link';
import type { RoadmapItemRow } from '../../../db/database';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { useRoadmapActions } from '../hooks/useRoadmapActions';

const DRAG_TYPE = 'application/x-waypoint-item';
const MAX_COLUMNS = 16;

/**
 * Columns of quarters with load against capacity (over capacity in red). Items are dragged
 * between quarters, or moved with the arrow buttons / Alt+←/→ from the keyboard.
 */
export function TimelineView({ data, demand }: { data: RoadmapRows; demand: ReadonlyMap<string, ItemDemand> }) {
  const { t } = useTranslation();
  const today = useToday();
  const actions = useRoadmapActions();
  const [dropTarget, setDropTarget] = useState<Quarter | null>(null);
  // A moved card is re-created in its new column: keyboard focus follows it there.
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; control: 'card' | 'earlier' | 'later' } | null>(null);
  const quarters = useMemo(() => {
    const now = quarterOf(today);
    const idx = data.items.map((i) => quarterIndex(i.plannedQuarter));
    const first = Math.min(quarterIndex(now), ...idx);
    const last = Math.max(quarterIndex(now) + 5, ...idx);
    const start = addQuarters(now, Math.max(first - quarterIndex(now), -4));
    return quarterRange(start, addQuarters(start, Math.min(last - quarterIndex(start), MAX_COLUMNS - 1)));
  }, [data.items, today]);
  const loads = useMemo(() => quarterLoads(data.items), [data.items]);
  const byQuarter = useMemo(() => {
    const m = new Map<Quarter, RoadmapItemRow[]>();
    for (const i of data.items) m.set(i.plannedQuarter, [...(m.get(i.plannedQuarter) ?? []), i]);
    for (const list of m.values())
      list.sort((a, b) => (demand.get(b.id)?.total ?? 0) - (demand.get(a.id)?.total ?? 0) || a.title.localeCompare(b.title));
    return m;
  }, [data.items, demand]);
  const ghosts = useMemo(() => data.items.filter((i) => i.acceleratedFrom && i.acceleratedFrom !== i.plannedQuarter), [data.items]);
  const outside = data.items.filter((i) => !quarters.includes(i.plannedQuarter)).length;

  const move = (item: RoadmapItemRow, to: Quarter, control?: 'card' | 'earlier' | 'later') => {
    if (to === item.plannedQuarter) return;
    if (control) setFocusAfterMove({ id: item.id, control });
    void actions.moveItem(item.id, to);
  };

  return (
    <div className="timeline-wrap">
      <p className="muted small">{t('roadmap.timeline.help')}</p>
      {outside > 0 ? <p className="notice notice--warning">{t('roadmap.timeline.outside', { count: outside })}</p> : null}
      <div className="timeline" role="list" aria-label={t('roadmap.timeline.label')}>
        {quarters.map((q) => {
          const cap = capacityOf(q, data.capacity, data.settings);
          const { load, over, overEm, fillPct } = quarterStatus(loads.get(q) ?? 0, cap);
          const items = byQuarter.get(q) ?? [];
          return (
            <section
              key={q}
              role="listitem"
              aria-label={t('roadmap.timeline.column', { quarter: q, load: formatEm(load), capacity: formatEm(cap) })}
              className={`tl-col ${over ? 'tl-col--over' : ''} ${dropTarget === q ? 'tl-col--drop' : ''} ${q === quarterOf(today) ? 'tl-col--now' : ''}`}
              onDragOver={(e) => {
                if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDropTarget(q);
              }}
              onDragLeave={() => setDropTarget((d) => (d === q ? null : d))}
              onDrop={(e) => {
                e.preventDefault();
                setDropTarget(null);
                const item = data.items.find((i) => i.id === e.dataTransfer.getData(DRAG_TYPE));
                if (item) move(item, q);
              }}
            >
              <header className="tl-col__head">
                <h3 className="tl-col__title">{q}</h3>
                <div className="tl-load" aria-hidden>
                  <div className="tl-load__bar" style={{ width: `${fillPct}%` }} />
                </div>
                <p className={`tl-col__load ${over ? 'text-danger' : ''}`} data-testid={`load-${q}`}>
                  {t('roadmap.loadOf', { load: formatEm(load), capacity: formatEm(cap) })}
                  {over ? <strong> · {t('roadmap.timeline.over', { em: formatEm(overEm) })}</strong> : null}
                </p>
                <div className="tl-col__cap-row">
                  <span className="tl-col__cap-caption" aria-hidden>
                    {t('roadmap.timeline.capCaption')}
                  </span>
                  <InlineInput
                    className="tl-col__cap"
                    label={t('roadmap.timeline.capacityOf', { quarter: q })}
                    hideLabel
                    saved={String(cap)}
                    parse={engineerMonthsParser({ min: 0, max: MAX_CAPACITY_EM })}
                    onCommit={(em: number) => actions.setCapacity(q, em)}
                    inputMode="decimal"
                    align="end"
                    suffix={t('roadmap.em')}
                  />
                </div>
              </header>
              <ul className="tl-col__items">
                {items.map((i) => (
                  <TimelineCard
                    key={i.id}
                    item={i}
                    demand={demand.get(i.id)}
                    currency={data.settings.currency}
                    onMove={move}
                    focus={focusAfterMove?.id === i.id ? focusAfterMove.control : null}
                  />
                ))}
                {ghosts
                  .filter((g) => g.acceleratedFrom === q)
                  .map((g) => (
                    <li key={`ghost-${g.id}`} className="tl-ghost">
                      {t('roadmap.timeline.ghost', { title: g.title, to: g.plannedQuarter })}
                    </li>
                  ))}
                {items.length === 0 ? <li className="tl-col__empty">{t('roadmap.timeline.empty')}</li> : null}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

function TimelineCard({
  item,
  demand,
  currency,
  onMove,
  focus,
}: {
  item: RoadmapItemRow;
  demand: ItemDemand | undefined;
  currency: string;
  onMove: (i: RoadmapItemRow, q: Quarter, control?: 'card' | 'earlier' | 'later') => void;
  focus: 'card' | 'earlier' | 'later' | null;
}) {
  const { t } = useTranslation();
  const cardRef = useRef<HTMLLIElement>(null);
  const earlierRef = useRef<HTMLButtonElement>(null);
  const laterRef = useRef<HTMLButtonElement>(null);
  const earlier = addQuarters(item.plannedQuarter, -1);
  const later = addQuarters(item.plannedQuarter, 1);
  useEffect(() => {
    if (focus) (focus === 'card' ? cardRef : focus === 'earlier' ? earlierRef : laterRef).current?.focus();
  }, [focus, item.plannedQuarter]);
  return (
    <li
      ref={cardRef}
      tabIndex={0}
      className={`tl-card ${item.onStrategy ? '' : 'tl-card--off'} ${item.acceleratedFrom ? 'tl-card--accelerated' : ''} ${item.status === 'dropped' ? 'tl-card--dropped' : ''}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      aria-label={t('roadmap.timeline.card', { title: item.title, effort: formatEm(item.effortEm) })}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
        e.preventDefault();
        onMove(item, e.key === 'ArrowLeft' ? earlier : later, 'card');
      }}
    >
      <Link to={{ name: 'item', id: item.id }} className="tl-card__title">
        {item.title}
      </Link>
      <div className="tl-card__meta">
        <span>{t('roadmap.emValue', { value: formatEm(item.effortEm) })}</span>
        <span className="tl-card__demand">{formatMoney(demand?.total ?? asMinor(0), currency, { compact: true })}</span>
      </div>
      <div className="tl-card__tags">
        {!item.onStrategy ? <span className="tl-tag tl-tag--off">{t('roadmap.offStrategy')}</span> : null}
        {item.acceleratedFrom ? (
          <span className="tl-tag tl-tag--acc">{t('roadmap.timeline.fromQuarter', { from: item.acceleratedFrom })}</span>
        ) : null}
        {item.status === 'dropped' ? <span className="tl-tag">{t('roadmap.status.dropped')}</span> : null}
      </div>
      <div className="tl-card__move">
        <IconButton
          ref={earlierRef}
          label={t('roadmap.timeline.moveTo', { title: item.title, quarter: earlier })}
          icon={<ChevronLeft size={14} aria-hidden />}
          onClick={() => onMove(item, earlier, 'earlier')}
        />
        <IconButton
          ref={laterRef}
          label={t('roadmap.timeline.moveTo', { title: item.title, quarter: later })}
          icon={<ChevronRight size={14} aria-hidden />}
          onClick={() => onMove(item, later, 'later')}
        />
      </div>
    </li>
  );
}
