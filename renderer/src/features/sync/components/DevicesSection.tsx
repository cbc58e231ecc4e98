import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { forgetPeerKnowledge, writeDeviceName } from '../../../db/sync/state';
import { Button } from '../../../ui/Button';
import { useUi } from '../../../stores/ui';
import { InlineInput } from '../../../ui/fields';
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
    async () => (await ctx.ws.db.peers.toArray()).sort((a, b) => b.lastImportAt.localeCompare(a.lastImportAt)),
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
        <div className="field">
          <span className="field__label">{t('sync.devices.id')}</span>
          <span className="mono sync-device-id">{ctx.ws.clock.device}</span>
        </div>
      </div>
      {peers.length === 0 ? (
        <p className="muted">{t('sync.devices.none')}</p>
      ) : (
        <div className="table-card">
          <table className="data-table sync-table" aria-label={t('sync.devices.others')}>
            <thead>
              <tr>
                <th scope="col">{t('sync.devices.device')}</th>
                <th scope="col">{t('sync.devices.lastFile')}</th>
                <th scope="col">{t('sync.devices.lastImport')}</th>
                <th scope="col">{t('sync.devices.nextFile')}</th>
              </tr>
            </thead>
            <tbody>
              {peers.map((p) => (
                <tr key={p.device}>
                  <td>
                    <strong>{p.name}</strong> <span className="mono muted small">{p.device.slice(0, 8)}</span>
                  </td>
                  <td>{formatDateTime(Date.parse(p.lastFileCreatedAt))}</td>
                  <td title={formatDateTime(Date.parse(p.lastImportAt))}>{formatRelative(Date.parse(p.lastImportAt))}</td>
                  <td>
                    {Object.keys(p.knowledge).length === 0 ? (
                      <span className="muted">{t('sync.devices.sendsEverything')}</span>
                    ) : (
                      <Button size="sm" variant="ghost" onClick={() => void forget(p.device, p.name)} title={t('sync.devices.forgetHint')}>
                        {t('sync.devices.forget')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
