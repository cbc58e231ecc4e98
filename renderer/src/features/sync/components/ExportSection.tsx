import { useState } from 'react';
import { readRows } from '@shared/domain/tables';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Download } from 'lucide-react';
import type { ExportScope } from '../../../db/sync/exportFile';
import { exportOffThread } from '../../../db/sync/exportOffThread';
import { getBridge } from '../../../platform';
import { Button } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { AccountPicker } from '../../../ui/AccountPicker';
import { formatNumber } from '../../../lib/format';
import { safeFileName } from '../../../lib/fileName';
import { useSyncContext } from '../hooks/useSyncContext';
import { formatBytes, syncErrorMessage } from '../syncMessages';

type Choice = 'changes' | 'everything' | 'account';
const MIN_PASSPHRASE = 8;

/** Export: changes for one device, everything, or one account for a colleague; optionally encrypted. */
export function ExportSection() {
  const { t } = useTranslation();
  const ctx = useSyncContext();
  const peers = useLiveQuery(() => ctx.ws.db.peers.orderBy('device').toArray(), [ctx.ws], []);
  const accounts = useLiveQuery(
    async () =>
      readRows('accounts', await ctx.ws.db.accounts.toArray())
        .filter((a) => !a.deleted)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [ctx.ws],
    [],
  );
  const [choice, setChoice] = useState<Choice>('everything');
  const [peer, setPeer] = useState('');
  const [accountId, setAccountId] = useState('');
  const [encrypt, setEncrypt] = useState(false);
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const peerId = peer || peers[0]?.device || '';
  const account = accountId || accounts[0]?.id || '';
  const passError = encrypt && pass.length < MIN_PASSPHRASE ? t('sync.export.passTooShort', { count: MIN_PASSPHRASE }) : null;
  const pass2Error = encrypt && pass2 !== pass ? t('sync.export.passMismatch') : null;
  const scopeMissing = (choice === 'changes' && !peerId) || (choice === 'account' && !account);

  const run = async () => {
    setTouched(true);
    if (passError || pass2Error || scopeMissing) return;
    const scope: ExportScope =
      choice === 'changes'
        ? { kind: 'changes', peers: [peerId] }
        : choice === 'account'
          ? { kind: 'account', accountId: account }
          : { kind: 'everything' };
    setBusy(true);
    setResult(null);
    try {
      const file = await exportOffThread(ctx.ws, {
        scope,
        appVersion: ctx.appVersion,
        deviceName: ctx.deviceName,
        passphrase: encrypt ? pass : null,
      });
      const date = new Date().toISOString().slice(0, 10);
      const what =
        choice === 'changes'
          ? t('sync.export.nameChanges', { device: peers.find((p) => p.device === peerId)?.name ?? peerId })
          : choice === 'account'
            ? t('sync.export.nameAccount', { account: file.accountName ?? '' })
            : t('sync.export.nameEverything');
      const saved = await getBridge().saveFile({
        suggestedName: safeFileName(`Waypoint ${what} ${date}`, 'wpsync'),
        data: file.bytes,
        filters: [{ name: t('sync.fileType'), extensions: ['wpsync'] }],
      });
      if (saved.saved) {
        setResult({
          tone: 'ok',
          text: t('sync.export.done', { name: saved.name, rows: formatNumber(file.rows), size: formatBytes(file.bytes.length) }),
        });
        setTouched(false);
      }
    } catch (err) {
      setResult({ tone: 'error', text: syncErrorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card sync-card" aria-labelledby="sync-export-h">
      <h2 className="card__title" id="sync-export-h">
        {t('sync.export.title')}
      </h2>
      <p className="muted">{t('sync.export.body')}</p>
      <fieldset className="sync-choices">
        <legend className="field__label">{t('sync.export.what')}</legend>
        {(['changes', 'everything', 'account'] as const).map((c) => (
          <label key={c} className={`sync-choice ${choice === c ? 'sync-choice--on' : ''}`}>
            <input type="radio" name="export-scope" value={c} checked={choice === c} onChange={() => setChoice(c)} />
            <span>
              <strong>{t(`sync.export.choice.${c}`)}</strong>
              <span className="muted small">{t(`sync.export.choiceHint.${c}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {choice === 'changes' ? (
        peers.length === 0 ? (
          <p className="notice">{t('sync.export.noPeers')}</p>
        ) : (
          <FormField id="export-peer" label={t('sync.export.peer')} error={null}>
            {(p) => (
              <select {...p} className="input" value={peerId} onChange={(e) => setPeer(e.target.value)}>
                {peers.map((x) => (
                  <option key={x.device} value={x.device}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )
      ) : null}
      {choice === 'account' ? (
        accounts.length === 0 ? (
          <p className="notice">{t('sync.export.noAccounts')}</p>
        ) : (
          <FormField id="export-account" label={t('sync.export.account')} error={null} hint={t('sync.export.accountHint')}>
            {(p) => <AccountPicker {...p} accounts={accounts} value={account} onChange={setAccountId} />}
          </FormField>
        )
      ) : null}
      <label className="check-row">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
        {t('sync.export.encrypt')}
      </label>
      {encrypt ? (
        <div className="form-grid form-grid--2">
          <FormField
            id="export-pass"
            label={t('sync.export.passphrase')}
            error={touched ? passError : null}
            hint={t('sync.export.passHint')}
          >
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                autoComplete="new-password"
                value={pass}
                onChange={(e) => setPass(e.target.value)}
              />
            )}
          </FormField>
          <FormField id="export-pass2" label={t('sync.export.passphraseAgain')} error={touched ? pass2Error : null}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                autoComplete="new-password"
                value={pass2}
                onChange={(e) => setPass2(e.target.value)}
              />
            )}
          </FormField>
        </div>
      ) : null}
      <div className="sync-actions">
        <Button variant="primary" icon={<Download size={15} aria-hidden />} onClick={() => void run()} disabled={busy || scopeMissing}>
          {busy ? t('sync.export.working') : t('sync.export.button')}
        </Button>
        {busy ? <span className="spinner" role="status" aria-label={t('sync.export.working')} /> : null}
      </div>
      {result ? (
        <p
          className={result.tone === 'ok' ? 'sync-result sync-result--ok' : 'sync-result sync-result--error'}
          role={result.tone === 'ok' ? 'status' : 'alert'}
        >
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
