import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from 'radix-ui';
import { SIZE_CLASSES, MAX_TEXT, type SizeClass } from '@shared/domain/account';
import { isCurrencyCode } from '@shared/domain/money';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import { createAccount } from '../../../db/accounts';
import { useRoute } from '../../../stores/route';
import { useUi } from '../../../stores/ui';
import { useCommand } from '../../../stores/commands';
import { Button } from '../../../ui/Button';

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

  const submit = async (e: React.FormEvent) => {
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
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="overlay" />
        <Dialog.Content className="dialog" aria-describedby="new-account-desc">
          <Dialog.Title className="dialog__title">{t('newAccount.title')}</Dialog.Title>
          <Dialog.Description id="new-account-desc" className="dialog__desc">
            {t('newAccount.description')}
          </Dialog.Description>
          <form onSubmit={(e) => void submit(e)} noValidate className="dialog__form">
            <div className={`field ${touched && nameError ? 'field--invalid' : ''}`}>
              <label className="field__label" htmlFor="new-name">
                {t('account.field.name')}
              </label>
              <input
                id="new-name"
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoFocus
                aria-invalid={touched && nameError ? true : undefined}
                aria-describedby={touched && nameError ? 'new-name-err' : undefined}
              />
              {touched && nameError ? (
                <p className="field__error" id="new-name-err" role="alert">
                  {nameError}
                </p>
              ) : null}
            </div>
            <div className="form-grid form-grid--3">
              <div className={`field ${currencyError ? 'field--invalid' : ''}`}>
                <label className="field__label" htmlFor="new-currency">
                  {t('account.field.currency')}
                </label>
                <input
                  id="new-currency"
                  className="input"
                  value={currency}
                  maxLength={3}
                  onChange={(e) => setCurrency(e.target.value.toUpperCase())}
                  aria-invalid={currencyError ? true : undefined}
                  aria-describedby={currencyError ? 'new-cur-err' : undefined}
                />
                {currencyError ? (
                  <p className="field__error" id="new-cur-err" role="alert">
                    {currencyError}
                  </p>
                ) : null}
              </div>
              <div className="field">
                <label className="field__label" htmlFor="new-size">
                  {t('account.field.sizeClass')}
                </label>
                <select
                  id="new-size"
                  className="input select"
                  value={sizeClass}
                  onChange={(e) => setSizeClass(e.target.value as SizeClass)}
                >
                  {SIZE_CLASSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`size.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor="new-owner">
                  {t('account.field.owner')}
                </label>
                <input id="new-owner" className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />
              </div>
            </div>
            <div className="dialog__actions">
              <Dialog.Close asChild>
                <Button>{t('common.cancel')}</Button>
              </Dialog.Close>
              <Button type="submit" variant="primary">
                {t('newAccount.create')}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
