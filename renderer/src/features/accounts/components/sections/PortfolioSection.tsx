import { useTranslation } from 'react-i18next';
import { BUCKETS, MAX_NOTES, type Bucket } from '@shared/domain/account';
import { InlineTextarea } from '../../../../ui/fields';
import type { SectionProps } from '../OverviewTab';

/**
 * Portfolio bucket with its evidence: buckets 3 and 4 look alike from outside, so the
 * user states why (PRODUCT §1).
 */
export function PortfolioSection({ account, save }: SectionProps) {
  const { t } = useTranslation();
  const needsEvidence = account.bucket === 3 || account.bucket === 4;
  return (
    <section className="card" id="section-bucket" aria-labelledby="bucket-h">
      <h2 id="bucket-h" className="card__title">
        {t('account.section.portfolio')}
      </h2>
      <fieldset className="bucket-picker">
        <legend className="field__label">{t('account.field.bucket')}</legend>
        <div className="bucket-picker__options">
          {BUCKETS.map((b: Bucket) => (
            <label key={b} className={`bucket-option ${account.bucket === b ? 'bucket-option--on' : ''}`}>
              <input
                type="radio"
                name={`bucket-${account.id}`}
                value={b}
                checked={account.bucket === b}
                onChange={() => save({ bucket: b })}
              />
              <span className="bucket-option__num">{b}</span>
              <span className="bucket-option__text">
                <strong>{t(`bucket.${b}Short`)}</strong>
                <span>{t(`bucket.${b}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        {account.bucket !== null ? (
          <button type="button" className="link-btn" onClick={() => save({ bucket: null })}>
            {t('account.clearBucket')}
          </button>
        ) : null}
      </fieldset>
      <InlineTextarea
        label={needsEvidence ? t('account.field.bucketEvidenceRequired') : t('account.field.bucketEvidence')}
        saved={account.bucketEvidence}
        onCommit={(bucketEvidence) => save({ bucketEvidence })}
        maxLength={MAX_NOTES}
        tooLong={t('validation.tooLong', { max: MAX_NOTES })}
        placeholder={t('account.placeholder.evidence')}
        hint={needsEvidence && account.bucketEvidence.trim() === '' ? t('account.hint.evidenceNeeded') : undefined}
      />
    </section>
  );
}
