import { useTranslation } from 'react-i18next';
import type { QuoteEvaluation, QuoteFields } from '@shared/domain/acceleration';
import { formatMoney, formatPercent } from '../../../lib/format';
import type { RoadmapRows } from '../hooks/useRoadmapData';
import { lineLabel } from '../quoteText';

const TOTAL_LINES = new Set(['subtotal', 'cost', 'price']);

/** Every line of the price, with its formula in words and figures, then the price per funder. */
export function CalcSheet({ quote, ev }: { quote: QuoteFields; ev: QuoteEvaluation }) {
  const { t } = useTranslation();
  return (
    <table className="calc" aria-label={t('quote.calcLabel')}>
      <tbody>
        {ev.price.lines.map((line) => {
          const { label, formula } = lineLabel(line, quote.currency, t);
          return (
            <tr key={line.key} className={`calc__line ${TOTAL_LINES.has(line.key) ? 'calc__line--total' : ''} calc__line--${line.key}`}>
              <th scope="row">
                <span className="calc__label">{label}</span>
                {formula ? <span className="calc__formula">{formula}</span> : null}
              </th>
              <td className="num">{formatMoney(line.amount, quote.currency, { exact: true })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function FunderSplit({ data, quote, ev }: { data: RoadmapRows; quote: QuoteFields; ev: QuoteEvaluation }) {
  const { t } = useTranslation();
  if (!ev.split) return <p className="notice notice--danger">{t('quote.noSplit')}</p>;
  const carrier = ev.split.parts.find((p) => p.absorbsRemainder);
  return (
    <>
      <table className="data-table funder-split" aria-label={t('quote.perFunderLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('quote.col.funder')}</th>
            <th scope="col">{t('quote.col.basis')}</th>
            <th scope="col" className="num">
              {t('quote.col.share')}
            </th>
            <th scope="col" className="num">
              {t('quote.col.pays')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ev.split.parts.map((p) => {
            const a = data.accounts.get(p.accountId);
            const f = quote.funders.find((x) => x.accountId === p.accountId);
            const basis =
              quote.split === 'equal'
                ? t('quote.basis.equal')
                : quote.split === 'custom'
                  ? t('quote.basis.custom')
                  : a
                    ? t('quote.basis.arr', { arr: formatMoney(a.arr, a.currency) })
                    : '';
            return (
              <tr key={p.accountId}>
                <th scope="row">{a?.name ?? t('quote.deletedAccount')}</th>
                <td className="muted">{f ? basis : ''}</td>
                <td className="num">{formatPercent(p.share, 1)}</td>
                <td className="num strong">{formatMoney(p.amount, quote.currency, { exact: true })}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('quote.line.price')}
            </th>
            <td className="num strong">{formatMoney(ev.price.price, quote.currency, { exact: true })}</td>
          </tr>
        </tfoot>
      </table>
      {carrier ? (
        <p className="muted small">
          {t('quote.remainder', {
            amount: formatMoney(ev.split.remainder, quote.currency, { exact: true }),
            name: data.accounts.get(carrier.accountId)?.name ?? '',
          })}
        </p>
      ) : null}
    </>
  );
}
