import type { TFunction } from 'i18next';
import type { FrozenOption } from '@shared/domain/memo';
import type { FigureChange, OptionFigures } from '@shared/domain/memoFigures';
import type { Minor } from '@shared/domain/money';
import { isQuarter } from '@shared/domain/quarter';
import { formatEm, formatMoney, formatNumber } from '../../lib/format';
import { ifThenSentence, type MemoDoc } from '../../features/memos';

type Live = MemoDoc['figures'][number];
type OptionRow = MemoDoc['options'][number];

/** One option as the paper prints it: the frozen figures once decided, the live ones while a draft. */
export interface MemoColumn {
  readonly id: string;
  readonly name: string;
  /** The option's texts (what, risks, good and bad); undefined when its row is gone. */
  readonly option: OptionRow | undefined;
  readonly live: Live | undefined;
  readonly frozen: FrozenOption | undefined;
  /** The figures printed: frozen.* once decided, else the live ones. */
  readonly effortEm: number;
  readonly quarter: string;
  readonly slips: ReadonlyArray<{ readonly title: string; readonly from: string; readonly to: string }>;
  readonly gained: Minor;
  readonly slipping: Minor;
  /** The quote's price; null when there is no quote (or, live, no rate to convert it). */
  readonly quotePrice: Minor | null;
  readonly cost: Minor;
  readonly customers: number;
  /**
   * The live details (revenue total, cost parts, the customers by name) may print beside the
   * figures: a draft, or a decided option none of whose figures has changed since.
   */
  readonly details: boolean;
  readonly recommended: boolean;
  readonly chosen: boolean;
}

/** The options side by side: in the order decided on (the frozen record) once decided, else in the memo's order. */
export function memoColumns(doc: MemoDoc): MemoColumn[] {
  const { memo } = doc;
  const frozen = memo.decidedFigures;
  const live = new Map(doc.figures.map((f) => [f.optionId, f]));
  const rows = new Map(doc.options.map((o) => [o.id, o]));
  const flags = (id: string) => ({ recommended: memo.recommendedOptionId === id, chosen: memo.chosenOptionId === id });
  if (!frozen) {
    return doc.figures.map((f) => ({
      id: f.optionId,
      name: f.name,
      option: rows.get(f.optionId),
      live: f,
      frozen: undefined,
      effortEm: f.effortEm,
      quarter: f.quarter,
      slips: f.slips,
      gained: f.gained,
      slipping: f.slipping,
      quotePrice: f.quote?.price ?? null,
      cost: f.cost.total,
      customers: f.customers.length,
      details: true,
      ...flags(f.optionId),
    }));
  }
  const currencyChanged = doc.changes.some((c) => c.figure === 'currency');
  const changed = new Set(doc.changes.map((c) => c.optionId));
  return frozen.options.map((fz) => {
    const f = live.get(fz.id);
    return {
      id: fz.id,
      name: fz.name,
      option: rows.get(fz.id),
      live: f,
      frozen: fz,
      effortEm: fz.effortEm,
      quarter: fz.quarter,
      slips: fz.slips,
      gained: fz.gained as Minor,
      slipping: fz.slipping as Minor,
      // The record keeps 0 for "no quote"; an option that names a quote prints its price, even 0.
      quotePrice: fz.quotePrice > 0 || rows.get(fz.id)?.quoteId ? (fz.quotePrice as Minor) : null,
      cost: fz.cost as Minor,
      customers: fz.customers,
      details: f !== undefined && !currencyChanged && !changed.has(fz.id),
      ...flags(fz.id),
    };
  });
}

/** "If we choose X, then Y slips" for a column, from the figures it prints (the frozen ones once decided). */
export function columnSentence(t: TFunction, c: MemoColumn): string | null {
  // The record's quarters were checked when it was written; a row that fails now prints no sentence.
  if (!isQuarter(c.quarter)) return null;
  const slips: Array<OptionFigures['slips'][number]> = [];
  for (const [i, s] of c.slips.entries()) {
    if (!isQuarter(s.from) || !isQuarter(s.to)) return null;
    slips.push({ id: String(i), title: s.title, from: s.from, to: s.to });
  }
  return ifThenSentence(t, c.name, { effortEm: c.effortEm, quarter: c.quarter, slips });
}

const MONEY_FIGURES = new Set<FigureChange['figure']>(['gained', 'slipping', 'quotePrice', 'cost']);

/** One change since the decision as a sentence: "Option B — cost: €38,000 at the decision, €41,000 now." */
export function changeSentence(t: TFunction, c: FigureChange, currency: string): string {
  if (c.figure === 'currency') return t('report.memo.change.currency', { then: c.then, now: c.now });
  if (c.figure === 'removed') return t('report.memo.change.removed', { option: c.optionName });
  const value = (v: string | number): string => {
    if (typeof v === 'string') return v === '' ? t('report.memo.nothingSlips') : v;
    if (MONEY_FIGURES.has(c.figure)) return formatMoney(v as Minor, currency, { whole: true });
    if (c.figure === 'effortEm') return t('report.memo.emValue', { em: formatEm(v) });
    return formatNumber(v);
  };
  return t('report.memo.change.line', {
    option: c.optionName,
    figure: t(`report.memo.figure.${c.figure}`),
    then: value(c.then),
    now: value(c.now),
  });
}
