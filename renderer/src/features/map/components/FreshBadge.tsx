import { useTranslation } from 'react-i18next';
import type { FreshnessLevel } from '@shared/domain/stakeholders';

/** Freshness of the last contact: colour and the number of days, in words for screen readers. */
export function FreshBadge({ fresh }: { fresh: { level: FreshnessLevel; days: number | null } }) {
  const { t } = useTranslation();
  return (
    <span className={`fresh fresh--${fresh.level}`} title={t(`map.freshLevel.${fresh.level}`)}>
      {fresh.level === 'never' ? t('map.fresh.never') : t('map.fresh.days', { count: fresh.days ?? 0 })}
    </span>
  );
}
