import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from 'radix-ui';
import { LINE_KINDS, type LineKind } from '@shared/domain/stakeholders';
import { Button } from '../../../ui/Button';

/** After dragging from one card to another: which kind of line is it? */
export function LineKindDialog(props: { from: string; to: string; open: boolean; initial?: LineKind; onClose: () => void; onChoose: (kind: LineKind) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LineKind>(props.initial ?? 'reportsTo');
  return (
    <Dialog.Root open={props.open} onOpenChange={(o) => !o && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog dialog--sm" aria-describedby="line-kind-desc">
          <Dialog.Title className="dialog__title">{props.initial ? t('map.lineDialog.changeTitle') : t('map.lineDialog.title')}</Dialog.Title>
          <Dialog.Description id="line-kind-desc" className="dialog__desc">
            {t('map.lineDialog.between', { from: props.from, to: props.to })}
          </Dialog.Description>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              props.onChoose(kind);
            }}
          >
            <fieldset className="kind-list">
              <legend className="sr-only">{t('map.lineDialog.kind')}</legend>
              {LINE_KINDS.map((k) => (
                <label key={k} className={`kind-option ${kind === k ? 'kind-option--on' : ''}`}>
                  <input type="radio" name="line-kind" value={k} checked={kind === k} onChange={() => setKind(k)} autoFocus={k === (props.initial ?? 'reportsTo')} />
                  <svg width="44" height="12" aria-hidden className={`kind-sample kind-sample--${k}`}>
                    <line x1="2" y1="6" x2="40" y2="6" />
                    {k === 'influences' ? <path d="M36,2 L42,6 L36,10 z" /> : null}
                  </svg>
                  <span>
                    <strong>{t(`map.kind.${k}`)}</strong>
                    <span className="kind-option__hint">{t(`map.kindHint.${k}`, { from: props.from, to: props.to })}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="dialog__actions">
              <Button onClick={props.onClose}>{t('common.cancel')}</Button>
              <Button type="submit" variant="primary">
                {props.initial ? t('map.lineDialog.change') : t('map.lineDialog.draw')}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
