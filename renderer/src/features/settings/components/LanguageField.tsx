import { useTranslation } from 'react-i18next';
import { AVAILABLE, setLanguage, useLanguage } from '../../../i18n';
import { isLanguageSetting, LANGUAGE_NAMES, PSEUDO, systemLanguage, type LanguageSetting } from '../../../i18n/languages';
import { SelectField } from '../../../ui/fields';

/** The app's language on this device: the system's, or one chosen; the screens switch at once. */
export function LanguageField() {
  const { t } = useTranslation();
  const setting = useLanguage((s) => s.setting);
  const system = systemLanguage(typeof navigator === 'undefined' ? [] : [...navigator.languages]);
  const options: Array<{ value: LanguageSetting; label: string }> = [
    { value: 'system', label: t('settings.languageSystem', { language: LANGUAGE_NAMES[system] }) },
    ...AVAILABLE.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })),
    // The pseudo-locale is for testing: offered only while it is the choice (set by a test or by hand).
    ...(setting === PSEUDO ? [{ value: PSEUDO, label: LANGUAGE_NAMES[PSEUDO] } as const] : []),
  ];
  return (
    <SelectField
      label={t('settings.language')}
      value={setting}
      options={options}
      hint={t('settings.languageHint')}
      onChange={(v) => {
        if (isLanguageSetting(v)) void setLanguage(v);
      }}
    />
  );
}
