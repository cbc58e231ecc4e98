import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SIZE_CLASSES, MAX_TEXT, type SizeClass } from '@shared/domain/account';
import { isCurrencyCode } from '@shared/domain/money';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import { createAccount } from '../../../db/accounts';
import { useRoute } from '../../../stores/route';
import { useUi } from '../../../stores/ui';
import { useCommand } from '../../../stores/commands';
import { Button } from '../../../ui/Button';
import { Dialog } from '../../../ui/Dialog';
import { FormField } from '../../../ui/FormField';

const LAST_CURRENCY = 'waypoint.lastCurrency';

/** Ctrl/Cmd+N: the few facts an account needs to exist; the rest is edited on its page. */
export function NewAccountDialog() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const open = useUi((s) => s.newAccountOpen);
  const setOpen = useUi((s) => s.setNewAccountOpen);
  const navigate = useRoute((s) => s.navigate);
  useCommand('account:new', () => setOpen(true));
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState(() => localStorage.getItem(LAST_CURRENCY) ?? 'EUR');
  const [sizeClass, setSizeClass] = useState<SizeClass>('deer');
  const [owner, setOwner] = useState('');
  const [touched, setTouched] = useState(false);

  const nameError =
    name.trim() === '' ? t('validation.required') : name.trim().length > MAX_TEXT ? t('validation.tooLong', { max: MAX_TEXT }) : null;
  const currencyError = isCurrencyCode(currency.trim().toUpperCase()) ? null : t('validation.currency');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (nameError || currencyError) return;
    const cur = currency.trim().toUpperCase();
    const out = await commit(() => createAccount(ws, { name: name.trim(), currency: cur, sizeClass, owner: owner.trim() }));
    if (!out) return;
    localStorage.setItem(LAST_CURRENCY, cur);
    setOpen(false);
    setName('');
    setOwner('');
    setTouched(false);
    navigate({ name: 'account', id: out.account.id, tab: 'overview' });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t('newAccount.title')}
      description={t('newAccount.description')}
      onSubmit={(e) => void submit(e)}
      actions={
        <>
          <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('newAccount.create')}
          </Button>
        </>
      }
    >
      <FormField id="new-name" label={t('account.field.name')} error={touched ? nameError : null}>
        {(p) => <input {...p} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />}
      </FormField>
      <div className="form-grid form-grid--3">
        <FormField id="new-currency" label={t('account.field.currency')} error={currencyError}>
          {(p) => (
            <input {...p} className="input" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          )}
        </FormField>
        <FormField id="new-size" label={t('account.field.sizeClass')}>
          {(p) => (
            <select {...p} className="input select" value={sizeClass} onChange={(e) => setSizeClass(e.target.value as SizeClass)}>
              {SIZE_CLASSES.map((s) => (
                <option key={s} value={s}>
                  {t(`size.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="new-owner" label={t('account.field.owner')}>
          {(p) => <input {...p} className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </FormField>
      </div>
    </Dialog>
  );
}
