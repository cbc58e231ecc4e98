import { useTranslation } from 'react-i18next';
import type { Bucket, SizeClass } from '@shared/domain/account';
import { Badge } from '../../../ui/Button';

const SIZE_GLYPH: Record<SizeClass, string> = { elephant: '●●●', deer: '●●', rabbit: '●' };

export function SizeBadge({ size }: { size: SizeClass }) {
  const { t } = useTranslation();
  return (
    <span className={`size size--${size}`} title={t(`size.${size}Hint`)}>
      <span className="size__dots" aria-hidden>
        {SIZE_GLYPH[size]}
      </span>
      {t(`size.${size}`)}
    </span>
  );
}

const BUCKET_TONE = { 1: 'success', 2: 'info', 3: 'accent', 4: 'danger' } as const;

export function BucketBadge({ bucket }: { bucket: Bucket | null }) {
  const { t } = useTranslation();
  if (bucket === null) return <span className="muted">{t('bucket.none')}</span>;
  return (
    <Badge tone={BUCKET_TONE[bucket]} title={t(`bucket.${bucket}Hint`)}>
      {bucket} · {t(`bucket.${bucket}Short`)}
    </Badge>
  );
}
