import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MEMO_TITLE } from '@shared/domain/memo';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';
import { useMemoActions } from '../hooks/useMemoActions';

/** A blank memo: its title first; the options, roles and views are filled in on its page. */
export function NewMemoDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const actions = useMemoActions();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = (o: boolean) => {
    onOpenChange(o);
    if (!o) {
      setTitle('');
      setError(null);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={t('memo.new.title')}
      description={t('memo.new.body')}
      onSubmit={async (e) => {
        e.preventDefault();
        const v = title.trim();
        if (v === '') return setError(t('validation.required'));
        if (v.length > MAX_MEMO_TITLE) return setError(t('validation.tooLong', { max: MAX_MEMO_TITLE }));
        const out = await actions.createBlank(v);
        if (out) close(false);
      }}
      actions={
        <>
          <Button onClick={() => close(false)}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit">
            {t('memo.new.create')}
          </Button>
        </>
      }
    >
      <FormField id="new-memo-title" label={t('memo.field.title')} error={error} hint={t('memo.new.hint')}>
        {(p) => (
          <input
            {...p}
            className="input"
            value={title}
            autoFocus
            onChange={(e) => {
              setTitle(e.target.value);
              setError(null);
            }}
          />
        )}
      </FormField>
    </Dialog>
  );
}
