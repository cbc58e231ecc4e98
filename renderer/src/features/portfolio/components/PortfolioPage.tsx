import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Tabs } from 'radix-ui';
import { FileUp, PieChart, Printer } from 'lucide-react';
import {
  distinctValues,
  filterPortfolio,
  isFiltered,
  NO_PORTFOLIO_FILTER,
  portfolioQuery,
  totalsOf,
  type PortfolioFilter,
} from '@shared/domain/portfolio';
import { useRoute, PORTFOLIO_VIEWS, type PortfolioView } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { Link } from '../../../ui/Link';
import { formatMoney, formatNumber, formatPercent } from '../../../lib/format';
import { pdfName, printDocument } from '../../../platform/print';
import { usePortfolioData } from '../hooks/usePortfolioData';
import { PortfolioFilters } from './PortfolioFilters';
import { WhaleView } from './WhaleView';
import { BucketBoard } from './BucketBoard';
import { MatrixView } from './MatrixView';
import { SegmentsView } from './SegmentsView';
import { RelationshipsView } from './RelationshipsView';
import { UnconvertedNotice } from './UnconvertedNotice';

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'danger' }) {
  return (
    <div className="figure">
      <dt className="figure__label">{label}</dt>
      <dd className={`figure__value ${tone ? `text-${tone}` : ''}`}>{value}</dd>
    </div>
  );
}

/** Across accounts: who makes us money and who costs it (PRODUCT §1). The screen a VP opens first. */
export function PortfolioPage({ view, filter }: { view: PortfolioView; filter: PortfolioFilter }) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  const data = usePortfolioData();
  const segmentsById = useMemo(() => new Map((data?.segments ?? []).map((s) => [s.id, s])), [data?.segments]);
  const rows = useMemo(() => (data ? filterPortfolio(data.portfolio.rows, filter, segmentsById) : []), [data, filter, segmentsById]);
  const owners = useMemo(() => (data ? distinctValues(data.portfolio.rows, 'owner') : []), [data]);
  const regions = useMemo(() => (data ? distinctValues(data.portfolio.rows, 'region') : []), [data]);
  const totals = useMemo(() => totalsOf(rows), [rows]);

  if (!data) return <div className="page page--loading" aria-busy="true" />;
  const currency = data.settings.currency;
  const setFilter = (f: PortfolioFilter) => navigate({ name: 'portfolio', view, filter: f });
  if (data.accounts.length === 0) {
    return (
      <div className="page page--center">
        <EmptyState
          icon={<PieChart size={28} aria-hidden />}
          level={1}
          title={t('portfolio.empty.title')}
          body={t('portfolio.empty.body')}
          action={
            <Button variant="primary" icon={<FileUp size={15} aria-hidden />} onClick={() => navigate({ name: 'import' })}>
              {t('portfolio.empty.import')}
            </Button>
          }
        />
      </div>
    );
  }
  const all = data.portfolio.rows.length;
  const margin = totals.arr > 0 ? totals.profit / totals.arr : null;
  const print = () => {
    const q = portfolioQuery(filter);
    void printDocument('portfolio', q === '' ? 'all' : q, pdfName(t('portfolio.report.fileName')));
  };
  return (
    <div className="page portfolio-page">
      <header className="page-head">
        <div>
          <h1 className="page-title">{t('portfolio.title')}</h1>
          <p className="page-sub">
            {t('portfolio.sub', { currency })}{' '}
            <Link to={{ name: 'settings' }} className="link">
              {t('portfolio.ratesLink')}
            </Link>
          </p>
        </div>
        <div className="page-head__actions">
          <Button icon={<Printer size={15} aria-hidden />} onClick={print}>
            {t('portfolio.print')}
          </Button>
        </div>
      </header>
      <PortfolioFilters filter={filter} onChange={setFilter} owners={owners} regions={regions} segments={data.segments} />
      <dl className="figures portfolio-figures" aria-label={t('portfolio.figuresLabel')}>
        <Figure
          label={t('portfolio.fig.accounts')}
          value={
            isFiltered(filter) ? t('portfolio.fig.accountsOf', { n: formatNumber(rows.length), all: formatNumber(all) }) : formatNumber(all)
          }
        />
        <Figure label={t('portfolio.fig.arr')} value={formatMoney(totals.arr, currency, { whole: true })} />
        <Figure label={t('portfolio.fig.cost')} value={formatMoney(totals.cost, currency, { whole: true })} />
        <Figure
          label={t('portfolio.fig.profit')}
          value={formatMoney(totals.profit, currency, { whole: true })}
          tone={totals.profit < 0 ? 'danger' : undefined}
        />
        <Figure
          label={t('portfolio.fig.margin')}
          value={margin === null ? '—' : formatPercent(margin, 1)}
          tone={margin !== null && margin < 0 ? 'danger' : undefined}
        />
      </dl>
      <UnconvertedNotice unconverted={data.portfolio.unconverted} outOfRange={data.portfolio.outOfRange} currency={currency} />
      <Tabs.Root value={view} onValueChange={(v) => navigate({ name: 'portfolio', view: v as PortfolioView, filter })} className="tabs">
        <Tabs.List className="tabs__list" aria-label={t('portfolio.viewsLabel')}>
          {PORTFOLIO_VIEWS.map((v) => (
            <Tabs.Trigger key={v} value={v} className="tabs__trigger">
              {t(`portfolio.view.${v}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="whale" className="tabs__content">
          {view === 'whale' ? (
            <WhaleView rows={rows} currency={currency} filtered={isFiltered(filter)} onClear={() => setFilter(NO_PORTFOLIO_FILTER)} />
          ) : null}
        </Tabs.Content>
        <Tabs.Content value="buckets" className="tabs__content">
          {view === 'buckets' ? <BucketBoard rows={rows} currency={currency} accounts={data.accounts} /> : null}
        </Tabs.Content>
        <Tabs.Content value="matrix" className="tabs__content">
          {view === 'matrix' ? <MatrixView rows={rows} currency={currency} /> : null}
        </Tabs.Content>
        <Tabs.Content value="segments" className="tabs__content">
          {view === 'segments' ? <SegmentsView data={data} filter={filter} /> : null}
        </Tabs.Content>
        <Tabs.Content value="relationships" className="tabs__content">
          {view === 'relationships' ? <RelationshipsView rows={rows} accounts={data.accounts} /> : null}
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
