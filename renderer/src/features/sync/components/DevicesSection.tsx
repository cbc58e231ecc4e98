import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { forgetPeerKnowledge, writeDeviceName } from '../../../db/sync/state';
import { Button } from '../../../ui/Button';
import { useUi } from '../../../stores/ui';
import { InlineInput } from '../../../ui/fields';
import { FormField } from '../../../ui/FormField';
import { DataTable } from '../../../ui/DataTable';
import { textParser } from '../../../lib/parsers';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useSyncContext } from '../hooks/useSyncContext';

/** This device's name (what the others show) and the devices it has exchanged files with. */
export function DevicesSection() {
  const { t } = useTranslation();
  const ctx = useSyncContext();
  const saveName = async (name: string) => {
    const ui = useUi.getState();
    ui.writeStarted();
    try {
      await writeDeviceName(ctx.ws.db, name);
      useUi.getState().writeFinished();
    } catch (err) {
      useUi.getState().writeFinished(String(err));
    }
  };
  const forget = async (device: string, name: string) => {
    await forgetPeerKnowledge(ctx.ws.db, device);
    useUi.getState().showToast({ message: t('sync.devices.forgotten', { name }), tone: 'neutral' });
  };
  const peers = useLiveQuery(
    // A copy: live-query results are frozen (db/database.ts).
    async () => [...(await ctx.ws.db.peers.toArray())].sort((a, b) => b.lastImportAt.localeCompare(a.lastImportAt)),
    [ctx.ws],
    [],
  );
  return (
    <section className="card sync-card" aria-labelledby="sync-devices-h">
      <h2 className="card__title" id="sync-devices-h">
        {t('sync.devices.title')}
      </h2>
      <div className="form-grid form-grid--2">
        <InlineInput
          label={t('sync.devices.name')}
          saved={ctx.deviceName}
          parse={textParser({ required: true, max: 80 })}
          onCommit={(name: string) => void saveName(name)}
          hint={t('sync.devices.nameHint')}
        />
        <FormField id="sync-device-id" label={t('sync.devices.id')}>
          {(p) => <input {...p} className="input mono sync-device-id" readOnly value={ctx.ws.clock.device} />}
        </FormField>
      </div>
      {peers.length === 0 ? (
        <p className="muted">{t('sync.devices.none')}</p>
      ) : (
        <DataTable
          label={t('sync.devices.others')}
          className="sync-table"
          rows={peers}
          rowKey={(p) => p.device}
          columns={[
            {
              key: 'device',
              header: t('sync.devices.device'),
              cell: (p) => (
                <>
                  <strong>{p.name}</strong> <span className="mono muted small">{p.device.slice(0, 8)}</span>
                </>
              ),
            },
            { key: 'lastFile', header: t('sync.devices.lastFile'), cell: (p) => formatDateTime(Date.parse(p.lastFileCreatedAt)) },
            {
              key: 'lastImport',
              header: t('sync.devices.lastImport'),
              cell: (p) => <span title={formatDateTime(Date.parse(p.lastImportAt))}>{formatRelative(Date.parse(p.lastImportAt))}</span>,
            },
            {
              key: 'nextFile',
              header: t('sync.devices.nextFile'),
              cell: (p) =>
                Object.keys(p.knowledge).length === 0 ? (
                  <span className="muted">{t('sync.devices.sendsEverything')}</span>
                ) : (
                  <Button size="sm" variant="ghost" onClick={() => void forget(p.device, p.name)} title={t('sync.devices.forgetHint')}>
                    {t('sync.devices.forget')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
