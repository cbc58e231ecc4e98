import { useTranslation } from 'react-i18next';
import type { IsoDate } from '@shared/domain/dates';
import { quartersBetween } from '@shared/domain/quarter';
import { evaluateInRoadmap } from '@shared/domain/roadmapView';
import { formatDate, formatEm, formatMoney, formatPercent } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { lineLabel, useRoadmapData } from '../../features/roadmap';
import { DocCover, useDocTitle } from '../DocCover';
import { PageStyle } from '../PageStyle';

/**
 * The acceleration quote in two audiences (issue 13). `id` is the quote: the internal version,
 * every line of the price with our cost and margin, every funder. "<quote>~<account>" is the
 * customer version for one funder: the item, the shift, the price, that funder's share and the
 * terms — never our cost, our margin or another funder.
 */
export function QuoteReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useRoadmapData();
  const paper = useSettings((s) => s.paper);
  const today: IsoDate = useToday();
  const [quoteId, funderId] = id.split('~') as [string, string | undefined];
  const quote = data?.quotes.find((q) => q.id === quoteId);
  const funder = funderId ? data?.accounts.get(funderId) : undefined;
  useDocTitle(
    quote && data
      ? t('report.quote.documentTitle', { item: data.items.find((i) => i.id === quote.itemId)?.title ?? '', quote: quote.name })
      : null,
  );
  if (!data) return <p className="report-loading">{t('report.loading')}</p>;
  if (!quote || (funderId && (!funder || !quote.funders.some((f) => f.accountId === funderId)))) {
    return (
      <p className="report-missing" data-report-ready="true">
        {t('report.quote.missing')}
      </p>
    );
  }
  const ev = evaluateInRoadmap(data, quote);
  const item = data.items.find((i) => i.id === quote.itemId);
  const name = (accountId: string) => data.accounts.get(accountId)?.name ?? t('quote.deletedAccount');
  const funders = quote.funders.map((f) => name(f.accountId));
  const money = (m: Parameters<typeof formatMoney>[0]) => formatMoney(m, quote.currency, { exact: true });
  const earlier = quartersBetween(quote.targetQuarter, quote.fromQuarter);
  const footer = t('report.footer', { account: funder ? funder.name : funders.join(', '), date: formatDate(today) });
  const own = funderId ? ev.split?.parts.find((p) => p.accountId === funderId) : undefined;
  const carrier = ev.split?.parts.find((p) => p.absorbsRemainder);
  return (
    <article className="report" data-report-ready="true" aria-label={t('report.quote.label', { item: item?.title ?? '' })}>
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <DocCover
        eyebrow={funderId ? t('report.quote.eyebrow') : t('report.quote.eyebrowInternal')}
        title={item?.title ?? t('quote.missingItem')}
        subtitle={quote.name}
        facts={[
          [t('report.quote.for'), funder ? funder.name : funders.join(', ')],
          [t('report.quote.shift'), t('report.quote.shiftText', { from: quote.fromQuarter, to: quote.targetQuarter, count: earlier })],
          [t('report.quote.effort'), t('report.quote.effortText', { effort: formatEm(quote.effortEm) })],
          [t('report.quote.status'), t(`quote.status.${quote.status}`)],
          [t('report.plan.printed'), formatDate(today)],
        ]}
      />
      {funderId ? null : (
        <section className="report-section report-keep">
          <h2 className="report-h2">{t('report.quote.price')}</h2>
          <table className="report-table report-calc">
            <tbody>
              {ev.price.lines.map((line) => {
                const { label, formula } = lineLabel(line, quote.currency, t);
                const total = line.key === 'subtotal' || line.key === 'cost' || line.key === 'price';
                return (
                  <tr key={line.key} className={total ? 'report-total' : undefined}>
                    <td>
                      {label}
                      {formula ? <span className="report-sub">{formula}</span> : null}
                    </td>
                    <td className="num nowrap">{money(line.amount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <section className="report-section report-keep">
        <h2 className="report-h2">{funderId ? t('report.quote.yourPrice') : t('report.quote.perFunder')}</h2>
        {!ev.split ? (
          <p>{t('quote.noSplit')}</p>
        ) : own ? (
          <p className="report-own-share">
            {t('report.quote.ownShare', {
              account: funder?.name ?? '',
              amount: money(own.amount),
              share: formatPercent(own.share, 1),
              price: money(ev.price.price),
            })}
          </p>
        ) : (
          <>
            <table className="report-table">
              <thead>
                <tr>
                  <th>{t('quote.col.funder')}</th>
                  <th className="num">{t('quote.col.share')}</th>
                  <th className="num">{t('quote.col.pays')}</th>
                </tr>
              </thead>
              <tbody>
                {ev.split.parts.map((p) => (
                  <tr key={p.accountId}>
                    <td>{name(p.accountId)}</td>
                    <td className="num">{formatPercent(p.share, 1)}</td>
                    <td className="num nowrap">{money(p.amount)}</td>
                  </tr>
                ))}
                <tr className="report-total">
                  <td colSpan={2}>{t('quote.line.price')}</td>
                  <td className="num nowrap">{money(ev.price.price)}</td>
                </tr>
              </tbody>
            </table>
            {carrier ? (
              <p className="report-muted">{t('quote.remainder', { amount: money(ev.split.remainder), name: name(carrier.accountId) })}</p>
            ) : null}
          </>
        )}
      </section>
      <section className="report-section report-keep">
        <h2 className="report-h2">{t('report.quote.terms')}</h2>
        <p className="report-summary">{quote.terms.trim() || t('report.quote.noTerms')}</p>
      </section>
    </article>
  );
}
