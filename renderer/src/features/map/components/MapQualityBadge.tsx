import { useTranslation } from 'react-i18next';
import { mapQuality } from '@shared/domain/stakeholders';
import type { MapData } from '../hooks/useMapData';

/** Map quality: red / amber / green with the reason in words (PRODUCT §2). */
export function MapQualityBadge({ data }: { data: MapData }) {
  const { t } = useTranslation();
  const q = mapQuality(data.people);
  return (
    <div
      className={`quality quality--${q.level}`}
      role="status"
      aria-label={t('map.quality.label', { level: t(`map.quality.${q.level}`) })}
    >
      <span className="quality__dot" aria-hidden />
      <span className="quality__level">{t(`map.quality.${q.level}`)}</span>
      <span className="quality__why" title={q.names.join(', ')}>
        {t(`map.quality.why.${q.reason}`, {
          names:
            q.names.length > 3
              ? t('map.quality.andMore', { names: q.names.slice(0, 3).join(', '), count: q.names.length - 3 })
              : q.names.join(', '),
        })}
      </span>
    </div>
  );
}
