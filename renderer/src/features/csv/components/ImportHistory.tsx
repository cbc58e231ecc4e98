import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { FileUp } from 'lucide-react';
import { useWorkspace } from '../../../db/context';
import { listImports } from '../../../db/csvImport';
import type { ImportRow } from '../../../db/database';
import { DataTable, type Column } from '../../../ui/DataTable';
import { Link } from '../../../ui/Link';
import { formatDateTime, formatNumber } from '../../../lib/format';

const count = (row: ImportRow, key: string): number => {
  const v = row.counts[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
};

/** The CSV imports made on this device, newest first, with what each wrote (Sync & backups page). */
export function ImportHistory() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const rows = useLiveQuery(() => listImports(ws.db), [ws]);
  const columns: Column<ImportRow>[] = [
    { key: 'at', header: t('csv.history.when'), cell: (r) => formatDateTime(Date.parse(r.at)) },
    {
      key: 'files',
      header: t('csv.history.files'),
      cell: (r) => (Array.isArray(r.fileNames) ? r.fileNames.filter((n) => typeof n === 'string').join(', ') : ''),
    },
    {
      key: 'accounts',
      header: t('csv.history.accounts'),
      numeric: true,
      cell: (r) =>
        t('csv.history.createdUpdated', {
          created: formatNumber(count(r, 'accountsCreated')),
          updated: formatNumber(count(r, 'accountsUpdated')),
        }),
    },
    {
      key: 'people',
      header: t('csv.history.people'),
      numeric: true,
      cell: (r) =>
        t('csv.history.createdUpdated', {
          created: formatNumber(count(r, 'peopleCreated')),
          updated: formatNumber(count(r, 'peopleUpdated')),
        }),
    },
    { key: 'lines', header: t('csv.history.lines'), numeric: true, cell: (r) => formatNumber(count(r, 'linesCreated')) },
    { key: 'refused', header: t('csv.history.refused'), numeric: true, cell: (r) => formatNumber(count(r, 'refused')) },
  ];
  return (
    <section className="card sync-card" aria-labelledby="csv-history-h">
      <h2 className="card__title" id="csv-history-h">
        <span>{t('csv.history.title')}</span>
        <Link to={{ name: 'import' }} className="btn btn--secondary btn--sm">
          <FileUp size={14} aria-hidden />
          <span>{t('csv.import.button')}</span>
        </Link>
      </h2>
      <p className="muted">{t('csv.history.body')}</p>
      {rows && rows.length > 0 ? (
        <DataTable label={t('csv.history.title')} columns={columns} rows={rows} rowKey={(r) => r.id} />
      ) : (
        <p className="muted small">{t('csv.history.empty')}</p>
      )}
    </section>
  );
}
