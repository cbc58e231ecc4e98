import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { commit } from '../../edit';
import { dismissAllConflicts, dismissConflict, keepLosingValue, listConflicts } from '../../../db/sync/conflicts';
import { useWorkspace } from '../../../db/context';
import { decodeStamp, isStamp } from '@shared/sync/hlc';
import { Button } from '../../../ui/Button';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { fieldLabel, rowLabel, tableLabel, valueText } from '../describe';

const when = (stamp: string): string => (isStamp(stamp) ? formatDateTime(decodeStamp(stamp).ms) : '');

/** Values that lost a merge to an edit made without knowing of them: review, and take back if wanted. */
export function ConflictsSection() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const views = useLiveQuery(() => listConflicts(ws), [ws]);
  if (views === undefined) return null;
  return (
    <section className="card sync-card" aria-labelledby="sync-conflicts-h">
      <div className="card__head">
        <h2 className="card__title" id="sync-conflicts-h">
          {t('sync.conflicts.title')} {views.length > 0 ? <span className="badge badge--warning">{formatNumber(views.length)}</span> : null}
        </h2>
        {views.length > 1 ? (
          <Button variant="ghost" size="sm" onClick={() => void dismissAllConflicts(ws)}>
            {t('sync.conflicts.dismissAll')}
          </Button>
        ) : null}
      </div>
      {views.length === 0 ? (
        <p className="muted">{t('sync.conflicts.none')}</p>
      ) : (
        <>
          <p className="muted">{t('sync.conflicts.body')}</p>
          <div className="table-card">
            <table className="data-table sync-table" aria-label={t('sync.conflicts.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('sync.conflicts.where')}</th>
                  <th scope="col">{t('sync.conflicts.current')}</th>
                  <th scope="col">{t('sync.conflicts.other')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('sync.conflicts.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {views.map(({ conflict: c, row, current, changedSince }) => {
                  const name = rowLabel(row, c.rowId);
                  const isDelete = c.field === 'deleted';
                  return (
                    <tr key={c.id}>
                      <td>
                        <span className="sync-where">
                          <span className="muted small">{tableLabel(c.table)}</span> <strong>{name}</strong>
                        </span>
                        <span className="small">{isDelete ? t('sync.conflicts.deletedVsEdited') : fieldLabel(c.field)}</span>
                      </td>
                      <td>
                        {isDelete ? t('sync.conflicts.deletedValue') : valueText(c.field, current, row)}
                        <span className="muted small sync-when">{when(c.winnerStamp)}</span>
                        {changedSince ? <span className="muted small sync-when">{t('sync.conflicts.changedSince')}</span> : null}
                      </td>
                      <td>
                        {isDelete ? t('sync.conflicts.editedValue') : valueText(c.field, c.value, row)}
                        <span className="muted small sync-when">
                          {isStamp(c.stamp) && decodeStamp(c.stamp).device === ws.clock.device
                            ? t('sync.conflicts.madeHere', { when: when(c.stamp) })
                            : c.lostHere
                              ? t('sync.conflicts.wasHere', { when: when(c.stamp) })
                              : t('sync.conflicts.fromPeer', { peer: c.peerName, when: when(c.stamp) })}
                        </span>
                      </td>
                      <td className="sync-row-actions">
                        <Button
                          size="sm"
                          onClick={() => void commit(() => keepLosingValue(ws, c.id))}
                          aria-label={t(isDelete ? 'sync.conflicts.restoreLabel' : 'sync.conflicts.useOtherLabel', {
                            name,
                            field: fieldLabel(c.field),
                          })}
                        >
                          {isDelete ? t('sync.conflicts.restore') : t('sync.conflicts.useOther')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => void dismissConflict(ws, c.id)}
                          aria-label={t('sync.conflicts.keepLabel', { name, field: fieldLabel(c.field) })}
                        >
                          {t('sync.conflicts.keep')}
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
