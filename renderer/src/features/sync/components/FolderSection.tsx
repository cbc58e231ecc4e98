import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { FolderSync, RefreshCw } from 'lucide-react';
import { lastFolderSync, type FolderSyncResult } from '../../../db/sync/folder';
import { getBridge } from '../../../platform';
import { Button } from '../../../ui/Button';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useWorkspace } from '../../../db/context';
import { runFolderSync } from '../runFolderSync';
import { useSyncStatus } from '../hooks/useSyncStatus';

function resultText(t: (k: string, o?: Record<string, unknown>) => string, r: FolderSyncResult): string {
  const merged = r.imported.reduce((n, i) => n + i.result.added + i.result.updated + i.result.deleted, 0);
  const conflicts = r.imported.reduce((n, i) => n + i.result.conflicts, 0);
  const parts = [
    r.imported.length > 0 ? t('sync.folder.merged', { count: r.imported.length, changes: merged }) : t('sync.folder.nothingNew'),
    r.wrote ? t('sync.folder.wrote') : t('sync.folder.upToDate'),
  ];
  if (conflicts > 0) parts.push(t('sync.folder.conflicts', { count: conflicts }));
  if (r.skipped.length > 0) parts.push(t('sync.folder.skipped', { count: r.skipped.length }));
  return parts.join(' · ');
}

/** The sync folder: desktop app only; in the browser, files do the same job. */
export function FolderSection() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const bridge = getBridge().syncFolder;
  const [folder, setFolder] = useState<string | null | undefined>(undefined);
  const { running, last, error } = useSyncStatus();
  const stored = useLiveQuery(() => lastFolderSync({ ws }), [ws, running], null);
  const shown = last ?? stored;

  useEffect(() => {
    if (bridge) void bridge.current().then(setFolder);
  }, [bridge]);

  if (bridge === null) {
    return (
      <section className="card sync-card" aria-labelledby="sync-folder-h">
        <h2 className="card__title" id="sync-folder-h">
          {t('sync.folder.title')}
        </h2>
        <p className="muted">{t('sync.folder.browserOnly')}</p>
      </section>
    );
  }
  const choose = async () => {
    const r = await bridge.choose();
    if (r.chosen) {
      setFolder(r.folder);
      await runFolderSync(ws);
    }
  };
  return (
    <section className="card sync-card" aria-labelledby="sync-folder-h">
      <h2 className="card__title" id="sync-folder-h">
        {t('sync.folder.title')}
      </h2>
      <p className="muted">{t('sync.folder.body')}</p>
      {folder ? (
        <dl className="kv">
          <dt>{t('sync.folder.folder')}</dt>
          <dd className="mono sync-path">{folder}</dd>
          <dt>{t('sync.folder.last')}</dt>
          <dd>
            {shown ? (
              <span title={formatDateTime(Date.parse(shown.at))}>{formatRelative(Date.parse(shown.at))}</span>
            ) : (
              t('sync.folder.never')
            )}
          </dd>
          {shown ? (
            <>
              <dt>{t('sync.folder.result')}</dt>
              <dd>{resultText(t, shown)}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="notice">{t('sync.folder.none')}</p>
      )}
      <div className="sync-actions">
        {folder ? (
          <Button
            variant="primary"
            icon={<RefreshCw size={15} aria-hidden className={running ? 'spin' : undefined} />}
            onClick={() => void runFolderSync(ws)}
            disabled={running}
          >
            {running ? t('sync.folder.syncing') : t('sync.folder.syncNow')}
          </Button>
        ) : null}
        <Button icon={<FolderSync size={15} aria-hidden />} onClick={() => void choose()} disabled={running}>
          {folder ? t('sync.folder.change') : t('sync.folder.choose')}
        </Button>
        {folder ? (
          <Button
            variant="ghost"
            onClick={() => {
              void bridge.forget().then(() => setFolder(null));
            }}
            disabled={running}
          >
            {t('sync.folder.forget')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p className="sync-result sync-result--error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="muted small">{t('sync.folder.howItWorks')}</p>
    </section>
  );
}
