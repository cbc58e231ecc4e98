import { useTranslation } from 'react-i18next';
import { BackupsSection } from './BackupsSection';
import { ConflictsSection } from './ConflictsSection';
import { DevicesSection } from './DevicesSection';
import { ExportSection } from './ExportSection';
import { FolderSection } from './FolderSection';
import { ImportSection } from './ImportSection';
import { IntegritySection } from './IntegritySection';
import { CsvExportSection, ImportHistory } from '../../csv';

/** Sync files, the sync folder, conflicts to review, devices and backups: no server anywhere. */
export function SyncPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow sync-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{t('sync.title')}</h1>
          <p className="muted">{t('sync.subtitle')}</p>
        </div>
      </div>
      <ConflictsSection />
      <IntegritySection />
      <div className="sync-grid">
        <ExportSection />
        <ImportSection />
      </div>
      <FolderSection />
      <div className="sync-grid">
        <CsvExportSection />
        <ImportHistory />
      </div>
      <BackupsSection />
      <DevicesSection />
    </div>
  );
}
