import { useTranslation } from 'react-i18next';
import { BUCKETS, SIZE_CLASSES, type Bucket, type SizeClass } from '@shared/domain/account';
import { isFiltered, NO_PORTFOLIO_FILTER, type PortfolioFilter } from '@shared/domain/portfolio';
import { Button } from '../../../ui/Button';

/** The filters every portfolio view shares; they live in the URL, so a filtered view can be reloaded and linked. */
export function PortfolioFilters({
  filter,
  onChange,
  owners,
  regions,
  segments,
}: {
  filter: PortfolioFilter;
  onChange: (f: PortfolioFilter) => void;
  owners: readonly string[];
  regions: readonly string[];
  segments: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PortfolioFilter>) => onChange({ ...filter, ...patch });
  // A filter value from a link that no account has any more still shows, so it can be seen and cleared.
  const withCurrent = (list: readonly string[], v: string | null) => (v !== null && !list.includes(v) ? [...list, v] : list);
  const unknownSegment = filter.segment !== null && !segments.some((s) => s.id === filter.segment);
  return (
    <div className="filters portfolio-filters" role="search" aria-label={t('portfolio.filter.label')}>
      <select
        className="input select"
        aria-label={t('portfolio.filter.owner')}
        value={filter.owner ?? ''}
        onChange={(e) => set({ owner: e.target.value || null })}
      >
        <option value="">{t('portfolio.filter.anyOwner')}</option>
        {withCurrent(owners, filter.owner).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <select
        className="input select"
        aria-label={t('portfolio.filter.size')}
        value={filter.sizeClass ?? ''}
        onChange={(e) => set({ sizeClass: (e.target.value || null) as SizeClass | null })}
      >
        <option value="">{t('portfolio.filter.anySize')}</option>
        {SIZE_CLASSES.map((s) => (
          <option key={s} value={s}>
            {t(`size.${s}`)}
          </option>
        ))}
      </select>
      <select
        className="input select"
        aria-label={t('portfolio.filter.bucket')}
        value={filter.bucket ?? ''}
        onChange={(e) => set({ bucket: e.target.value === 'none' ? 'none' : e.target.value ? (Number(e.target.value) as Bucket) : null })}
      >
        <option value="">{t('portfolio.filter.anyBucket')}</option>
        {BUCKETS.map((b) => (
          <option key={b} value={b}>
            {b} · {t(`bucket.${b}Short`)}
          </option>
        ))}
        <option value="none">{t('portfolio.filter.noBucket')}</option>
      </select>
      <select
        className="input select"
        aria-label={t('portfolio.filter.segment')}
        value={filter.segment ?? ''}
        onChange={(e) => set({ segment: e.target.value || null })}
      >
        <option value="">{t('portfolio.filter.anySegment')}</option>
        {segments.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {unknownSegment ? <option value={filter.segment ?? ''}>{t('portfolio.filter.goneSegment')}</option> : null}
      </select>
      <select
        className="input select"
        aria-label={t('portfolio.filter.region')}
        value={filter.region ?? ''}
        onChange={(e) => set({ region: e.target.value || null })}
      >
        <option value="">{t('portfolio.filter.anyRegion')}</option>
        {withCurrent(regions, filter.region).map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {isFiltered(filter) ? (
        <Button variant="ghost" size="sm" onClick={() => onChange(NO_PORTFOLIO_FILTER)}>
          {t('portfolio.filter.clear')}
        </Button>
      ) : null}
    </div>
  );
}
