import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

/**
 * Every user-visible string goes through i18next; English is complete, another
 * language is one more JSON file. Numbers, dates and money go through Intl (lib/format.ts).
 */
export const defaultNS = 'translation';
export const resources = { en: { translation: en } } as const;

export async function initI18n(language: string = navigator.language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language.split('-')[0] ?? 'en',
    fallbackLng: 'en',
    supportedLngs: Object.keys(resources),
    nonExplicitSupportedLngs: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export { i18next };
