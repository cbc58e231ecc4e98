import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@shared/domain/dates';
import { asQuarter, isQuarter } from '@shared/domain/quarter';
import { capacityOf } from '@shared/domain/roadmap';
import { formatBp, formatDate, formatEm } from '../../lib/format';
import type { MemoDoc } from '../../features/memos';
import type { MemoColumn } from './MemoReportModel';

/** Quarters whose capacity is named; a long cascade lists its first ones. */
const QUARTERS_SHOWN = 8;

/**
 * "Figures and where they come from": the rule behind each figure on the memo and the inputs it
 * read (weights, capacity, quotes, currency and the rates it lacked), so a reader can check it.
 */
export function SourcesSection({ doc, columns, today }: { doc: MemoDoc; columns: readonly MemoColumn[]; today: IsoDate }) {
  const { t } = useTranslation();
  const s = doc.roadmap.settings;
  const quarters = [...new Set(columns.flatMap((c) => [c.quarter, ...c.slips.flatMap((x) => [x.from, x.to])]))]
    .filter(isQuarter)
    .sort()
    .slice(0, QUARTERS_SHOWN)
    .map(asQuarter);
  const capacity = quarters.map((q) =>
    t(doc.roadmap.capacity.has(q) ? 'report.memo.source.capacitySet' : 'report.memo.source.capacityDefault', {
      quarter: q,
      em: formatEm(capacityOf(q, doc.roadmap.capacity, s)),
    }),
  );
  const quoteCurrency = new Map(doc.roadmap.quotes.map((q) => [q.id, q.currency]));
  const quoteLines = columns.flatMap((c) => {
    const f = c.live;
    if (f?.quoteMissing) return [t('report.memo.source.quoteMissing', { option: c.name })];
    if (!f?.quote) return [];
    const from = quoteCurrency.get(f.quote.id) ?? doc.currency;
    return [
      t(from === doc.currency ? 'report.memo.source.quote' : 'report.memo.source.quoteConverted', {
        option: c.name,
        quote: f.quote.name,
        status: t(`quote.status.${f.quote.status}`),
        from,
        currency: doc.currency,
      }),
    ];
  });
  const missing = [...new Set(doc.figures.flatMap((f) => f.missingRates))].sort();
  const exitCurrencies = [...new Set(doc.exits.map((e) => e.currency))].filter((c) => c !== doc.currency).sort();
  const frozen = doc.memo.decidedFigures;
  return (
    <section className="report-section report-keep">
      <h2 className="report-h2">{t('report.memo.sources')}</h2>
      <ul className="report-list report-memo-sources">
        <li>
          {t('report.memo.source.demand', {
            nice: formatBp(s.weights.niceToHave),
            important: formatBp(s.weights.important),
            critical: formatBp(s.weights.critical),
            currency: doc.currency,
          })}
        </li>
        <li>
          {t('report.memo.source.slips', { em: formatEm(s.defaultCapacityEm) })}
          {capacity.length > 0 ? ' ' + t('report.memo.source.capacity', { quarters: capacity.join('; ') }) : null}
        </li>
        <li>{t('report.memo.source.revenue')}</li>
        {quoteLines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
        <li>{t('report.memo.source.customers')}</li>
        {doc.exits.length > 0 ? <li>{t('report.memo.source.exit')}</li> : null}
        <li>
          {t('report.memo.source.currency', { currency: frozen?.currency ?? doc.currency })}
          {exitCurrencies.length > 0 ? ' ' + t('report.memo.source.exitCurrency', { currencies: exitCurrencies.join(', ') }) : null}
        </li>
        <li className={missing.length > 0 ? 'report-negative' : undefined}>
          {missing.length > 0
            ? t('report.memo.source.missingRates', { count: missing.length, currencies: missing.join(', ') })
            : t('report.memo.source.allConverted')}
        </li>
        <li>
          {frozen && doc.memo.decidedOn
            ? t('report.memo.source.frozen', { date: formatDate(doc.memo.decidedOn) })
            : t('report.memo.source.live', { date: formatDate(today) })}
        </li>
      </ul>
    </section>
  );
}
