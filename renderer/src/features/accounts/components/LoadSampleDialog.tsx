import { useTranslation } from 'react-i18next';
import { Sparkles } from 'lucide-react';
import type { SamplePreview } from '../../../db/sample';
import { formatNumber } from '../../../lib/format';
import { ConfirmDialog } from '../../../ui/Dialog';

/**
 * Asked before the sample goes in beside the user's own data: says what is added and how each
 * rule is kept (names, club program and seats, roadmap settings), so nothing comes as a surprise.
 */
export function LoadSampleDialog({
  preview,
  onCancel,
  onConfirm,
}: {
  preview: SamplePreview | null;
  onCancel: () => void;
  /** Closes the question too (it is open while `preview` is set). */
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const p = preview;
  return (
    <ConfirmDialog
      open={p !== null}
      title={t('accounts.sample.confirmTitle')}
      body={
        p
          ? t('accounts.sample.confirmBody', {
              count: p.yourAccounts,
              yours: formatNumber(p.yourAccounts),
              sample: formatNumber(p.sampleAccounts),
            })
          : ''
      }
      confirmLabel={t('accounts.sample.confirm')}
      confirmIcon={<Sparkles size={15} aria-hidden />}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {p ? (
        <ul className="sample-confirm__list">
          {p.renamed > 0 ? <li>{t('accounts.sample.renamedNote', { count: p.renamed })}</li> : null}
          <li>
            {t(p.writeProgram ? 'accounts.sample.programFromSample' : 'accounts.sample.programKept', {
              name: p.programName,
              cap: formatNumber(p.seatCap),
            })}
          </li>
          {p.sampleMembers > 0 ? (
            <li>
              {p.asCandidates > 0
                ? t('accounts.sample.seatsCandidates', {
                    count: p.asCandidates,
                    cap: formatNumber(p.seatCap),
                    free: formatNumber(p.seatsFree),
                  })
                : t('accounts.sample.seatsFit', { free: formatNumber(p.seatsFree) })}
            </li>
          ) : null}
          <li>{t(p.writeSettings ? 'accounts.sample.settingsFromSample' : 'accounts.sample.settingsKept')}</li>
        </ul>
      ) : null}
      <p className="muted small">{t('accounts.sample.undoNote')}</p>
    </ConfirmDialog>
  );
}
