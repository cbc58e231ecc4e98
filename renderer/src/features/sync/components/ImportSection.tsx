import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Upload } from 'lucide-react';
import { readSyncHeader, SyncFileError, type SyncHeader } from '@shared/sync/codec';
import { importBytes, type ImportStage } from '../../../db/sync/service';
import type { ImportResult } from '../../../db/sync/importFile';
import { Button } from '../../../ui/Button';
import { FormField } from '../../../ui/FormField';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { useSyncContext } from '../hooks/useSyncContext';
import { syncErrorMessage } from '../syncMessages';
import { tableLabel } from '../describe';
import { ImportSummary } from './ImportSummary';

interface Picked {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly header: SyncHeader;
}

/** Import: pick a file, see what it holds, merge it (after an automatic backup). */
export function ImportSection() {
  const { t } = useTranslation();
  const ctx = useSyncContext();
  const input = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [passError, setPassError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setPassError(null);
    setResult(null);
    setPicked(null);
    try {
      // The size first: a 2 GB file is refused without reading it into memory.
      if (file.size > 100 * 1024 * 1024) throw new SyncFileError('tooLarge', { megabytes: Math.round(file.size / 1_048_576) });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { header } = await readSyncHeader(bytes);
      setPicked({ name: file.name, bytes, header });
    } catch (err) {
      setError(t('sync.import.refused', { name: file.name, reason: syncErrorMessage(err) }));
    }
  };

  const merge = async () => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    setPassError(null);
    try {
      const r = await importBytes(ctx, picked.bytes, picked.header.encryption ? pass : null, new Date(), setStage);
      setResult(r);
      setPicked(null);
      setPass('');
    } catch (err) {
      if (err instanceof SyncFileError && (err.code === 'wrongPassphrase' || err.code === 'needsPassphrase')) {
        setPassError(syncErrorMessage(err));
        passRef.current?.focus();
      } else setError(t('sync.import.refused', { name: picked.name, reason: syncErrorMessage(err) }));
    } finally {
      setBusy(false);
      setStage(null);
    }
  };

  const h = picked?.header;
  return (
    <section className="card sync-card" aria-labelledby="sync-import-h">
      <h2 className="card__title" id="sync-import-h">
        {t('sync.import.title')}
      </h2>
      <p className="muted">{t('sync.import.body')}</p>
      <input
        ref={input}
        type="file"
        accept=".wpsync,application/octet-stream"
        hidden
        onChange={(e) => {
          void choose(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <div className="sync-actions">
        <Button icon={<Upload size={15} aria-hidden />} onClick={() => input.current?.click()} disabled={busy}>
          {t('sync.import.choose')}
        </Button>
      </div>
      {error ? (
        <p className="sync-result sync-result--error" role="alert">
          {error}
        </p>
      ) : null}
      {picked && h ? (
        <div className="sync-preview" aria-label={t('sync.import.previewLabel')} role="group">
          <h3 className="subhead">{picked.name}</h3>
          <dl className="kv">
            <dt>{t('sync.import.from')}</dt>
            <dd>{h.source.name}</dd>
            <dt>{t('sync.import.made')}</dt>
            <dd>{formatDateTime(Date.parse(h.createdAt))}</dd>
            <dt>{t('sync.import.holds')}</dt>
            <dd>
              {h.contents.kind === 'account' && h.contents.account
                ? t('sync.import.kind.account', { account: h.contents.account.name })
                : t(`sync.import.kind.${h.contents.kind}`)}
              {' · '}
              {t('sync.import.records', { count: h.contents.rows, formatted: formatNumber(h.contents.rows) })}
            </dd>
            <dt>{t('sync.import.tables')}</dt>
            <dd>
              {Object.entries(h.contents.tables)
                .filter(([, n]) => n > 0)
                .map(([name, n]) => `${tableLabel(name)} ${formatNumber(n)}`)
                .join(', ') || t('sync.import.nothing')}
            </dd>
            <dt>{t('sync.import.app')}</dt>
            <dd>Waypoint {h.appVersion}</dd>
          </dl>
          {h.encryption ? (
            <FormField id="import-pass" label={t('sync.import.passphrase')} error={passError} hint={t('sync.import.passHint')}>
              {(p) => (
                <input
                  {...p}
                  ref={passRef}
                  className="input"
                  type="password"
                  autoComplete="off"
                  value={pass}
                  onChange={(e) => setPass(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void merge();
                  }}
                />
              )}
            </FormField>
          ) : null}
          <div className="sync-actions">
            <Button variant="primary" onClick={() => void merge()} disabled={busy || (h.encryption !== null && pass === '')}>
              {busy ? t('sync.import.working') : t('sync.import.merge')}
            </Button>
            <Button variant="ghost" onClick={() => setPicked(null)} disabled={busy}>
              {t('common.cancel')}
            </Button>
            {busy ? (
              <span className="sync-stage" role="status">
                <span className="spinner" aria-hidden />
                {t(`sync.import.stage.${stage ?? 'merging'}`)}
              </span>
            ) : null}
          </div>
          <p className="muted small">{t('sync.import.backupNote')}</p>
        </div>
      ) : null}
      {result ? <ImportSummary result={result} /> : null}
    </section>
  );
}
