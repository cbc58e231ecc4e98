import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, ThemeSource } from '@shared/bridge';
import { useUi } from '../../../stores/ui';
import { useSettings } from '../../../stores/settings';
import { FreshnessSettings } from './FreshnessSettings';
import { LanguageField } from './LanguageField';
import { WorkspaceSettingsSection } from './WorkspaceSettingsSection';
import { RoadmapSettingsSection } from '../../roadmap';
import { getBridge } from '../../../platform';
import { useWorkspace } from '../../../db/context';
import { locale } from '../../../lib/format';

/** Device-level preferences and what this installation is. */
export function SettingsPage() {
  const { t } = useTranslation();
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  const paper = useSettings((s) => s.paper);
  const setPaper = useSettings((s) => s.setPaper);
  const ws = useWorkspace();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void getBridge().appInfo().then(setInfo);
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return (
    <div className="page page--narrow">
      <div className="page-head">
        <h1 className="page-title">{t('settings.title')}</h1>
      </div>
      <section className="card" aria-labelledby="appearance-h">
        <h2 id="appearance-h" className="card__title">
          {t('settings.appearance')}
        </h2>
        <LanguageField />
        <fieldset className="segmented">
          <legend className="field__label">{t('settings.theme')}</legend>
          {(['system', 'light', 'dark'] as ThemeSource[]).map((th) => (
            <label key={th} className={`segmented__option ${theme === th ? 'segmented__option--on' : ''}`}>
              <input type="radio" name="theme" value={th} checked={theme === th} onChange={() => setTheme(th)} />
              {t(`settings.themes.${th}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="segmented">
          <legend className="field__label">{t('settings.paper')}</legend>
          {(['A4', 'Letter'] as const).map((p) => (
            <label key={p} className={`segmented__option ${paper === p ? 'segmented__option--on' : ''}`}>
              <input type="radio" name="paper" value={p} checked={paper === p} onChange={() => setPaper(p)} />
              {t(`settings.papers.${p}`)}
            </label>
          ))}
        </fieldset>
      </section>
      <WorkspaceSettingsSection />
      <RoadmapSettingsSection />
      <FreshnessSettings />
      <section className="card" aria-labelledby="about-h">
        <h2 id="about-h" className="card__title">
          {t('settings.about')}
        </h2>
        <dl className="kv">
          <dt>{t('settings.version')}</dt>
          <dd>{info?.version ?? '…'}</dd>
          <dt>{t('settings.shell')}</dt>
          <dd>{info ? t(`settings.shells.${info.shell}`) : '…'}</dd>
          <dt>{t('settings.device')}</dt>
          <dd className="mono">{ws.clock.device}</dd>
          <dt>{t('settings.locale')}</dt>
          <dd>{locale()}</dd>
          <dt>{t('settings.storage')}</dt>
          <dd>{persisted === null ? '…' : persisted ? t('settings.storagePersistent') : t('settings.storageBestEffort')}</dd>
        </dl>
        <p className="field__hint">{t('settings.offlineNote')}</p>
      </section>
    </div>
  );
}
