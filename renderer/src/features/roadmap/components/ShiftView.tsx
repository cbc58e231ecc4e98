import { useTranslation } from 'react-i18next';
import { ArrowRight } from 'lucide-react';
import type { QuoteEvaluation, QuoteFields } from '@shared/domain/acceleration';
import { quarterIndex, quarterRange, type Quarter } from '@shared/domain/quarter';
import { capacityOf, quarterLoads, quarterStatus, type SlipResult } from '@shared/domain/roadmap';
import { formatEm } from '../../../lib/format';
import type { RoadmapRows } from '../hooks/useRoadmapData';

/**
 * The quarter shift on a strip of quarters from the target to where the item was planned,
 * with each quarter's load after the move, and what slips if no staff is added.
 */
export function ShiftView({ data, quote, ev, slips }: { data: RoadmapRows; quote: QuoteFields; ev: QuoteEvaluation; slips: SlipResult }) {
  const { t } = useTranslation();
  const earlier = quarterIndex(quote.targetQuarter) < quarterIndex(quote.fromQuarter);
  const first = earlier ? quote.targetQuarter : quote.fromQuarter;
  const last = earlier ? quote.fromQuarter : quote.targetQuarter;
  const quarters = quarterRange(first, last).slice(0, 12);
  const moved = data.items.map((i) =>
    i.id === quote.itemId ? { ...i, plannedQuarter: quote.targetQuarter, effortEm: quote.effortEm } : i,
  );
  const loads = quarterLoads(moved);
  const titles = new Map(data.items.map((i) => [i.id, i.title]));
  const cell = (q: Quarter) => {
    const added = q === quote.targetQuarter ? ev.addedCapacityEm : 0;
    const { load, capacity: cap, over } = quarterStatus(loads.get(q) ?? 0, capacityOf(q, data.capacity, data.settings) + added);
    return (
      <li
        key={q}
        className={`shift__q ${q === quote.targetQuarter ? 'shift__q--target' : ''} ${q === quote.fromQuarter ? 'shift__q--from' : ''}`}
      >
        <span className="shift__name mono">{q}</span>
        <span className={`shift__load ${over ? 'text-danger' : ''}`}>
          {t('roadmap.loadOf', { load: formatEm(load), capacity: formatEm(cap) })}
        </span>
        {q === quote.targetQuarter ? <span className="shift__tag shift__tag--target">{t('quote.shift.target')}</span> : null}
        {q === quote.fromQuarter ? <span className="shift__tag">{t('quote.shift.planned')}</span> : null}
      </li>
    );
  };
  return (
    <div className="shift">
      <p className="shift__headline">
        <span className="mono">{quote.fromQuarter}</span> <ArrowRight size={14} aria-hidden />{' '}
        <span className="mono">{quote.targetQuarter}</span>{' '}
        <span className="muted">{earlier ? t('quote.shift.earlierBy', { count: ev.price.months }) : t('quote.shift.notEarlier')}</span>
      </p>
      <ol className="shift__strip" aria-label={t('quote.shift.stripLabel')}>
        {quarters.map(cell)}
      </ol>
      {ev.addedCapacityEm > 0 ? (
        <p className="muted small">
          {t(`quote.shift.added.${quote.staffing}`, { em: formatEm(ev.addedCapacityEm), quarter: quote.targetQuarter })}
        </p>
      ) : null}
      <h3 className="subhead">{t('quote.slips.title')}</h3>
      {slips.slips.length === 0 && slips.unresolved.length === 0 ? (
        <p className="muted">{t('quote.slips.none', { quarter: quote.targetQuarter })}</p>
      ) : (
        <ul className="slips" aria-label={t('quote.slips.title')}>
          {slips.slips.map((s) => (
            <li key={s.id}>
              <strong>{titles.get(s.id)}</strong>{' '}
              <span className="mono">
                {s.from} → {s.to}
              </span>
            </li>
          ))}
          {slips.unresolved.map((u) => (
            <li key={u.quarter} className="text-danger">
              {t('quote.slips.unresolved', { quarter: u.quarter, over: formatEm(u.overEm) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
