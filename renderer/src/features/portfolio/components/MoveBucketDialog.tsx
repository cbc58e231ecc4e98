import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUCKETS, MAX_NOTES, type Bucket } from '@shared/domain/account';
import { bucketNeedsEvidence } from '@shared/domain/portfolio';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';

export interface MoveRequest {
  readonly id: string;
  readonly name: string;
  readonly from: Bucket | null;
  readonly to: Bucket | null;
  readonly evidence: string;
}

/**
 * Moving an account between buckets asks for the evidence (PRODUCT §1): required for 3 and 4,
 * which look alike from outside. What was typed stays in the dialog when it is refused.
 */
export function MoveBucketDialog({
  request,
  onClose,
  onMove,
}: {
  request: MoveRequest | null;
  onClose: () => void;
  onMove: (to: Bucket | null, evidence: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [to, setTo] = useState<Bucket | null>(null);
  const [evidence, setEvidence] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const evidenceId = useId();
  useEffect(() => {
    if (!request) return;
    setTo(request.to);
    setEvidence(request.evidence);
    setTried(false);
  }, [request]);
  const missing = bucketNeedsEvidence(to) && evidence.trim() === '';
  const tooLong = evidence.length > MAX_NOTES;
  const error =
    tried && missing ? t('portfolio.move.evidenceRequired', { bucket: to }) : tooLong ? t('validation.tooLong', { max: MAX_NOTES }) : null;
  return (
    <Dialog
      open={request !== null}
      onOpenChange={(o) => (o ? undefined : onClose())}
      title={request ? t('portfolio.move.title', { name: request.name }) : ''}
      description={
        request
          ? request.from === null
            ? t('portfolio.move.fromNone')
            : t('portfolio.move.from', { bucket: request.from, name: t(`bucket.${request.from}Short`) })
          : undefined
      }
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (missing || tooLong || busy) return;
        setBusy(true);
        void onMove(to, evidence).then((ok) => {
          setBusy(false);
          if (ok) onClose();
        });
      }}
      actions={
        <>
          <Button variant="ghost" type="button" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" disabled={busy} aria-busy={busy || undefined}>
            {t('portfolio.move.submit')}
          </Button>
        </>
      }
    >
      <fieldset className="bucket-picker">
        <legend className="field__label">{t('portfolio.move.to')}</legend>
        <div className="bucket-picker__options">
          {[...BUCKETS, null].map((b) => (
            <label key={String(b)} className={`bucket-option ${to === b ? 'bucket-option--on' : ''}`}>
              <input type="radio" name="move-bucket" checked={to === b} onChange={() => setTo(b)} />
              <span className="bucket-option__num">{b ?? '–'}</span>
              <span className="bucket-option__text">
                <strong>{b === null ? t('bucket.none') : t(`bucket.${b}Short`)}</strong>
                <span>{b === null ? t('portfolio.move.noneHint') : t(`bucket.${b}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormField
        id={evidenceId}
        label={bucketNeedsEvidence(to) ? t('portfolio.move.evidenceNeeded') : t('portfolio.move.evidence')}
        error={error}
        hint={t('portfolio.move.evidenceHint')}
      >
        {(p) => <textarea {...p} className="input textarea" rows={4} value={evidence} onChange={(e) => setEvidence(e.target.value)} />}
      </FormField>
    </Dialog>
  );
}
