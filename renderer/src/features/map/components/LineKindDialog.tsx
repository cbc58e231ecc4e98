import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLineKind, LINE_KINDS, type LineKind } from '@shared/domain/stakeholders';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';

/**
 * After dragging from one card to another: which kind of line is it? Opened on a line of a
 * kind a newer version drew, it says so and offers only known kinds: nothing is chosen (and
 * nothing can be saved) until the user picks one.
 */
export function LineKindDialog(props: {
  from: string;
  to: string;
  open: boolean;
  initial?: LineKind;
  onClose: () => void;
  onChoose: (kind: LineKind) => void;
}) {
  const { t } = useTranslation();
  const changing = props.initial !== undefined;
  const unknown = changing && !isLineKind(props.initial);
  const [kind, setKind] = useState<LineKind | null>(unknown ? null : (props.initial ?? 'reportsTo'));
  const focused = kind ?? LINE_KINDS[0];
  return (
    <Dialog
      open={props.open}
      onOpenChange={(o) => !o && props.onClose()}
      className="dialog--sm"
      title={changing ? t('map.lineDialog.changeTitle') : t('map.lineDialog.title')}
      description={
        <>
          {t('map.lineDialog.between', { from: props.from, to: props.to })}
          {unknown ? ` ${t('map.lineDialog.unknownKind')}` : null}
        </>
      }
      onSubmit={(e) => {
        e.preventDefault();
        if (kind) props.onChoose(kind);
      }}
      actions={
        <>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={kind === null}>
            {changing ? t('map.lineDialog.change') : t('map.lineDialog.draw')}
          </Button>
        </>
      }
    >
      <fieldset className="kind-list">
        <legend className="sr-only">{t('map.lineDialog.kind')}</legend>
        {LINE_KINDS.map((k) => (
          <label key={k} className={`kind-option ${kind === k ? 'kind-option--on' : ''}`}>
            <input type="radio" name="line-kind" value={k} checked={kind === k} onChange={() => setKind(k)} autoFocus={k === focused} />
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
    </Dialog>
  );
}
