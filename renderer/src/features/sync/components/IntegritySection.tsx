import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { useIntegrityIssues } from '../hooks/useIntegrityIssues';
import { IntegrityItem } from './IntegrityItem';

/** "To review": rules that merging two devices' edits broke, each with its repair. Nothing to review, nothing shown. */
export function IntegritySection() {
  const { t } = useTranslation();
  const findings = useIntegrityIssues();
  if (!findings || findings.length === 0) return null;
  return (
    <section className="card sync-card integrity" aria-labelledby="sync-integrity-h">
      <div className="card__head">
        <h2 className="card__title" id="sync-integrity-h">
          {t('sync.integrity.title')} <span className="badge badge--warning">{formatNumber(findings.length)}</span>
        </h2>
      </div>
      <p className="muted">{t('sync.integrity.body')}</p>
      <ul className="integrity-list" aria-label={t('sync.integrity.title')}>
        {findings.map((f) => (
          <IntegrityItem key={f.key} finding={f} />
        ))}
      </ul>
    </section>
  );
}
