import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { filterPortfolio, NO_PORTFOLIO_FILTER, parsePortfolioQuery, totalsOf, type PortfolioFilter } from '@shared/domain/portfolio';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { useToday } from '../../lib/today';
import { useSettings } from '../../stores/settings';
import { usePortfolioData, usePortfolioHealth } from '../../features/portfolio';
import { DocCover, useDocTitle } from '../DocCover';
import { PageStyle } from '../PageStyle';
import { MatrixSection, minus, Money, UnconvertedSection, WhaleSection } from './PortfolioReportCharts';
import { BucketsSection, RiskSection, RotationSection, SegmentsSection } from './PortfolioReportLists';

/** The filter in words, each part as [label, value]: what the cover and the title say was left out. */
function filterParts(t: TFunction, f: PortfolioFilter, segments: ReadonlyMap<string, { name: string }>): Array<readonly [string, string]> {
  const parts: Array<readonly [string, string]> = [];
  if (f.owner !== null) parts.push([t('portfolio.filter.owner'), f.owner]);
  if (f.sizeClass !== null) parts.push([t('portfolio.filter.size'), t(`size.${f.sizeClass}`)]);
  if (f.bucket !== null)
    parts.push([
      t('portfolio.filter.bucket'),
      f.bucket === 'none'
        ? t('portfolio.filter.noBucket')
        : t('report.portfolio.bucketName', { bucket: f.bucket, name: t(`bucket.${f.bucket}Short`) }),
    ]);
  if (f.segment !== null) parts.push([t('portfolio.filter.segment'), segments.get(f.segment)?.name ?? t('portfolio.filter.goneSegment')]);
  if (f.region !== null) parts.push([t('portfolio.filter.region'), f.region]);
  return parts;
}

/**
 * The portfolio review (internal: it shows cost to serve and margin). `id` is 'all' or the
 * portfolio filter as a URL query, as the screen keeps it; every figure from the functions the
 * Portfolio page uses.
 */
export function PortfolioReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = usePortfolioData();
  const health = usePortfolioHealth(data?.accounts);
  const paper = useSettings((s) => s.paper);
  const today = useToday();
  const filter = useMemo(() => (id === 'all' ? NO_PORTFOLIO_FILTER : parsePortfolioQuery(id)), [id]);
  const segmentsById = useMemo(() => new Map((data?.segments ?? []).map((s) => [s.id, s])), [data?.segments]);
  const rows = useMemo(() => (data ? filterPortfolio(data.portfolio.rows, filter, segmentsById) : []), [data, filter, segmentsById]);
  const parts = filterParts(t, filter, segmentsById);
  const title =
    parts.length > 0 ? t('report.portfolio.titleFiltered', { filter: parts.map(([, v]) => v).join(', ') }) : t('report.portfolio.title');
  useDocTitle(data ? t('report.portfolio.documentTitle', { title, date: formatDate(today) }) : null);
  if (!data) return <p className="report-loading">{t('report.loading')}</p>;

  const currency = data.settings.currency;
  const all = data.portfolio.rows.length;
  const totals = totalsOf(rows);
  const margin = totals.arr > 0 ? totals.profit / totals.arr : null;
  const losing = rows.filter((r) => r.hasCost && r.profit < 0).length;
  const footer = t('report.footer', { account: t('report.portfolio.footerName'), date: formatDate(today) });
  const accountsText =
    parts.length > 0 ? t('portfolio.fig.accountsOf', { n: formatNumber(rows.length), all: formatNumber(all) }) : formatNumber(all);
  return (
    <article className="report report--portfolio" data-report-ready={health ? 'true' : undefined} aria-label={t('report.portfolio.label')}>
      <PageStyle paper={paper} footer={footer} pageLabel={{ page: t('report.page'), of: t('report.of') }} />
      <DocCover
        eyebrow={t('report.portfolio.eyebrow')}
        title={title}
        facts={[
          [t('portfolio.fig.accounts'), accountsText],
          [t('report.portfolio.currency'), currency],
          [t('report.plan.printed'), formatDate(today)],
          [
            t('report.portfolio.filters'),
            parts.length > 0
              ? parts.map(([l, v]) => t('report.portfolio.filterPart', { label: l, value: v })).join('; ')
              : t('report.portfolio.noFilter'),
          ],
          [t('report.plan.confidentiality'), t('report.portfolio.internal')],
        ]}
      />
      <section className="report-section report-keep">
        <h2 className="report-h2">{t('report.portfolio.summary')}</h2>
        <dl className="report-figures">
          <div>
            <dt>{t('portfolio.fig.accounts')}</dt>
            <dd>{accountsText}</dd>
          </div>
          <div>
            <dt>{t('portfolio.fig.arr')}</dt>
            <dd>
              <Money value={totals.arr} currency={currency} />
            </dd>
          </div>
          <div>
            <dt>{t('portfolio.fig.cost')}</dt>
            <dd>
              <Money value={totals.cost} currency={currency} />
            </dd>
          </div>
          <div>
            <dt>{t('portfolio.fig.profit')}</dt>
            <dd>
              <Money value={totals.profit} currency={currency} />
            </dd>
          </div>
          <div>
            <dt>{t('portfolio.fig.margin')}</dt>
            <dd className={margin !== null && margin < 0 ? 'report-negative' : undefined}>
              {margin === null ? '—' : minus(formatPercent(margin, 1))}
            </dd>
          </div>
          <div>
            <dt>{t('report.portfolio.losing')}</dt>
            <dd className={losing > 0 ? 'report-negative' : undefined}>{formatNumber(losing)}</dd>
          </div>
        </dl>
        {totals.withoutCost > 0 ? (
          <p className="report-note">{t('portfolio.whale.noCost', { count: totals.withoutCost, n: formatNumber(totals.withoutCost) })}</p>
        ) : null}
        <UnconvertedSection unconverted={data.portfolio.unconverted} currency={currency} />
        {data.portfolio.outOfRange.length > 0 ? (
          <p className="report-note">
            {t('portfolio.outOfRange', {
              count: data.portfolio.outOfRange.length,
              names: data.portfolio.outOfRange
                .slice(0, 5)
                .map((a) => a.name)
                .join(', '),
            })}
          </p>
        ) : null}
      </section>
      {rows.length === 0 ? (
        <p className="report-muted">{all === 0 ? t('report.portfolio.noAccounts') : t('portfolio.noMatch.title')}</p>
      ) : (
        <>
          <WhaleSection rows={rows} currency={currency} />
          <MatrixSection rows={rows} currency={currency} />
          <BucketsSection rows={rows} currency={currency} health={health} />
          <SegmentsSection data={data} filter={filter} />
          <RotationSection rows={rows} accounts={data.accounts} today={today} />
          <RiskSection rows={rows} currency={currency} health={health} />
        </>
      )}
    </article>
  );
}
