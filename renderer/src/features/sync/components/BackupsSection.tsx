import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Archive, RotateCcw } from 'lucide-react';
import { createBackup, listBackups, restoreBackup, type BackupSummary } from '../../../db/sync/backups';
import { SYNCED_TABLES } from '../../../db/schema';
import { useUndo } from '../../../stores/undo';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/Dialog';
import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime, formatNumber, formatRelative } from '../../../lib/format';
import { useSyncContext } from '../hooks/useSyncContext';
import { formatBytes, syncErrorMessage } from '../syncMessages';

/** Rotating local backups: daily, before every import and restore, and on demand. */
export function BackupsSection() {
  const { t } = useTranslation();
  const ctx = useSyncContext();
  const [tick, setTick] = useState(0);
  const backups = useLiveQuery(() => listBackups(ctx.store), [ctx.store, tick]);
  const current = useLiveQuery(
    async () => ({ rows: await countRows(ctx), accounts: await ctx.ws.db.accounts.filter((a) => !a.deleted).count() }),
    [ctx.ws, tick],
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [confirm, setConfirm] = useState<BackupSummary | null>(null);

  const backUp = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const b = await createBackup(ctx, 'manual');
      setMessage({ tone: 'ok', text: t('sync.backups.made', { rows: formatNumber(b.rows), size: formatBytes(b.bytes) }) });
    } catch (err) {
      setMessage({ tone: 'error', text: syncErrorMessage(err) });
    } finally {
      setBusy(false);
      setTick((x) => x + 1);
    }
  };

  const restore = async (b: BackupSummary) => {
    setBusy(true);
    setMessage(null);
    try {
      await restoreBackup(ctx, b.id);
      // Undo steps point at rows as they were before the restore: they no longer apply.
      useUndo.getState().clear();
      setMessage({ tone: 'ok', text: t('sync.backups.restored', { when: formatDateTime(Date.parse(b.createdAt)) }) });
    } catch (err) {
      setMessage({ tone: 'error', text: syncErrorMessage(err) });
    } finally {
      setBusy(false);
      setConfirm(null);
      setTick((x) => x + 1);
    }
  };

  const columns: readonly Column<BackupSummary>[] = [
    {
      key: 'when',
      header: t('sync.backups.when'),
      cell: (b) => (
        <>
          <span title={formatDateTime(Date.parse(b.createdAt))}>{formatDateTime(Date.parse(b.createdAt))}</span>
          <span className="muted small sync-when">{formatRelative(Date.parse(b.createdAt))}</span>
        </>
      ),
    },
    { key: 'kind', header: t('sync.backups.kind'), cell: (b) => t(`sync.backups.kinds.${b.kind}`) },
    { key: 'accounts', header: t('sync.backups.accounts'), numeric: true, cell: (b) => formatNumber(b.accounts) },
    { key: 'rows', header: t('sync.backups.records'), numeric: true, cell: (b) => formatNumber(b.rows) },
    { key: 'size', header: t('sync.backups.size'), numeric: true, cell: (b) => formatBytes(b.bytes) },
    {
      key: 'actions',
      header: <span className="sr-only">{t('sync.backups.actions')}</span>,
      className: 'sync-row-actions',
      cell: (b) => (
        <Button
          size="sm"
          icon={<RotateCcw size={14} aria-hidden />}
          onClick={() => setConfirm(b)}
          disabled={busy}
          aria-label={t('sync.backups.restoreLabel', { when: formatDateTime(Date.parse(b.createdAt)) })}
        >
          {t('sync.backups.restore')}
        </Button>
      ),
    },
  ];

  return (
    <section className="card sync-card" aria-labelledby="sync-backups-h">
      <div className="card__head">
        <h2 className="card__title" id="sync-backups-h">
          {t('sync.backups.title')}
        </h2>
        <Button icon={<Archive size={15} aria-hidden />} onClick={() => void backUp()} disabled={busy}>
          {t('sync.backups.now')}
        </Button>
      </div>
      <p className="muted">{t('sync.backups.body')}</p>
      {message ? (
        <p className={`sync-result sync-result--${message.tone}`} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      {backups === undefined ? null : backups.length === 0 ? (
        <p className="notice">{t('sync.backups.none')}</p>
      ) : (
        <DataTable label={t('sync.backups.title')} className="sync-table" columns={columns} rows={backups} rowKey={(b) => b.id} />
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={t('sync.backups.confirmTitle', { when: confirm ? formatDateTime(Date.parse(confirm.createdAt)) : '' })}
        body={
          confirm && current
            ? t('sync.backups.confirmBody', {
                rows: formatNumber(current.rows),
                accounts: formatNumber(current.accounts),
                backupRows: formatNumber(confirm.rows),
                backupAccounts: formatNumber(confirm.accounts),
              })
            : ''
        }
        confirmLabel={t('sync.backups.confirmRestore')}
        tone="danger"
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (confirm) void restore(confirm);
        }}
      >
        <p className="muted small">{t('sync.backups.confirmSafety')}</p>
      </ConfirmDialog>
    </section>
  );
}

async function countRows(ctx: ReturnType<typeof useSyncContext>): Promise<number> {
  let n = 0;
  for (const name of SYNCED_TABLES) n += await ctx.ws.db.table(name).count();
  return n + (await ctx.ws.db.foreign.count());
}
