import { useTranslation } from 'react-i18next';
import { AlertDialog } from 'radix-ui';
import { Sparkles } from 'lucide-react';
import type { SamplePreview } from '../../../db/sample';
import { formatNumber } from '../../../lib/format';
import { Button } from '../../../ui/Button';

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
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const p = preview;
  return (
    <AlertDialog.Root open={p !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog__title">{t('accounts.sample.confirmTitle')}</AlertDialog.Title>
          <AlertDialog.Description className="dialog__desc">
            {p
              ? t('accounts.sample.confirmBody', {
                  count: p.yourAccounts,
                  yours: formatNumber(p.yourAccounts),
                  sample: formatNumber(p.sampleAccounts),
                })
              : ''}
          </AlertDialog.Description>
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
          <div className="dialog__actions">
            <AlertDialog.Cancel asChild>
              <Button variant="ghost">{t('common.cancel')}</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="primary" icon={<Sparkles size={15} aria-hidden />} onClick={onConfirm}>
                {t('accounts.sample.confirm')}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
