import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { create } from 'zustand';
import en from './en.json';
import {
  formatLocale,
  isLanguageSetting,
  LANGUAGES,
  PSEUDO,
  pseudoTree,
  systemLanguage,
  uiLanguage,
  type Language,
  type LanguageSetting,
  type UiLanguage,
} from './languages';

/**
 * Every user-visible string goes through i18next. English is bundled; the other languages are
 * loaded when chosen (one JSON file each, beside en.json), and a change of language is live: no
 * reload. Numbers, dates and money go through Intl in the locale `currentLocale()` gives
 * (lib/format.ts): the system's own tag when it is the chosen language, else the language.
 */
export const defaultNS = 'translation';
export const resources = { en: { translation: en } } as const;

type Tree = { readonly [key: string]: string | Tree };
const FILES = import.meta.glob<{ default: Tree }>(['./*.json', '!./en.json']);
const fileOf = (lang: Language) => FILES[`./${lang}.json`];

/** The languages this build has a translation for (English always). */
export const AVAILABLE: readonly Language[] = LANGUAGES.filter((l) => l === 'en' || fileOf(l) !== undefined);

const KEY = 'waypoint.language';
const systemTags = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];

function storedSetting(): LanguageSetting {
  try {
    const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    return isLanguageSetting(v) && (v === 'system' || v === PSEUDO || AVAILABLE.includes(v)) ? v : 'system';
  } catch {
    return 'system';
  }
}

interface LanguageState {
  /** What the user chose ('system' follows the operating system). */
  readonly setting: LanguageSetting;
  /** The language the screens are in now. */
  readonly language: UiLanguage;
}
export const useLanguage = create<LanguageState>(() => ({ setting: 'system', language: 'en' }));

let applied: UiLanguage | null = null;
let cache: { key: string; tag: string } | null = null;

/** The locale Intl formats in (see formatLocale); before any language is applied, the system's. */
export function currentLocale(): string {
  const system = typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';
  // Following the system: figures follow it too (a German system in English keeps German dates).
  if (applied === null || useLanguage.getState().setting === 'system') return system;
  const key = `${applied}|${system}`;
  if (cache?.key !== key) cache = { key, tag: formatLocale(applied, system) };
  return cache.tag;
}

async function bundleFor(lang: UiLanguage): Promise<Tree> {
  if (lang === PSEUDO) return pseudoTree(en as Tree);
  const load = lang === 'en' ? undefined : fileOf(lang);
  return load ? (await load()).default : (en as Tree);
}

async function apply(lang: UiLanguage): Promise<void> {
  if (!i18next.hasResourceBundle(lang, defaultNS)) i18next.addResourceBundle(lang, defaultNS, await bundleFor(lang), true, true);
  applied = lang;
  await i18next.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang === PSEUDO ? 'en' : lang;
  useLanguage.setState({ language: lang });
}

/**
 * Starts i18next in the stored language setting (else the system's language). A tag given
 * (tests, a report window) is used as the language instead, without touching the setting.
 */
export async function initI18n(language?: string): Promise<void> {
  const setting = storedSetting();
  const lang = language ? (language === PSEUDO ? PSEUDO : systemLanguage([language])) : uiLanguage(setting, systemTags());
  await i18next.use(initReactI18next).init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  useLanguage.setState({ setting });
  await apply(AVAILABLE.includes(lang as Language) || lang === PSEUDO ? lang : 'en');
}

/** Changes the language now (every screen re-renders in it) and remembers the choice on this device. */
export async function setLanguage(setting: LanguageSetting): Promise<void> {
  try {
    localStorage.setItem(KEY, setting);
  } catch {
    // A full or unavailable storage keeps the choice for this session only.
  }
  useLanguage.setState({ setting });
  const lang = uiLanguage(setting, systemTags());
  await apply(AVAILABLE.includes(lang as Language) || lang === PSEUDO ? lang : 'en');
}

export { i18next };
