import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../db/sync/importFile';
import { formatNumber } from '../../../lib/format';
import { tableLabel } from '../describe';

/** What an import did: added, updated, deleted, in conflict; per table. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const n = (count: number) => ({ count, formatted: formatNumber(count) });
  const tables = Object.entries(result.byTable).filter(([, c]) => c.added + c.updated + c.deleted > 0);
  return (
    <div className="sync-result sync-result--ok" role="status">
      <p className="sync-result__head">
        {t('sync.import.result', {
          from: result.from.name,
          added: t('sync.import.added', n(result.added)),
          updated: t('sync.import.updated', n(result.updated)),
          deleted: t('sync.import.deleted', n(result.deleted)),
        })}{' '}
        {result.conflicts > 0 ? <strong>{t('sync.import.conflicts', n(result.conflicts))}</strong> : t('sync.import.noConflicts')}
      </p>
      {tables.length > 0 ? (
        <ul className="sync-result__tables">
          {tables.map(([name, c]) => (
            <li key={name}>
              {tableLabel(name)}:{' '}
              {[
                c.added ? t('sync.import.added', n(c.added)) : '',
                c.updated ? t('sync.import.updated', n(c.updated)) : '',
                c.deleted ? t('sync.import.deleted', n(c.deleted)) : '',
              ]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      ) : null}
      {result.keptUnknownTables.length > 0 ? (
        <p className="small">{t('sync.import.unknownKept', { tables: result.keptUnknownTables.join(', ') })}</p>
      ) : null}
    </div>
  );
}
