/**
 * The languages Waypoint speaks (issue 17) and how a language setting becomes the language the
 * screens use and the locale numbers, money, dates and quarters are formatted in. Pure: no i18next,
 * no DOM — tested in Node.
 */
export const LANGUAGES = ['en', 'da', 'nl', 'ru', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Accented and 40 % longer English: for finding clipped text and hard-coded strings (tests, and the curious). */
export const PSEUDO = 'en-XA';
export type UiLanguage = Language | typeof PSEUDO;
export type LanguageSetting = 'system' | UiLanguage;

/** Each language by its own name, as a language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  en: 'English',
  da: 'Dansk',
  nl: 'Nederlands',
  ru: 'Русский',
  'zh-Hans': '简体中文',
  [PSEUDO]: 'Pseudo (Ŝàmƥļé)',
};

export const isLanguageSetting = (v: unknown): v is LanguageSetting =>
  v === 'system' || v === PSEUDO || (LANGUAGES as readonly unknown[]).includes(v);

/**
 * The first of the system's preferred languages Waypoint has: "da-DK" → da, "nl-BE" → nl,
 * "zh-CN", "zh-SG" and "zh-Hans-*" → zh-Hans (Traditional Chinese is not Simplified: it is passed over); else English.
 */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const parts = tag.toLowerCase().split(/[-_]/);
    const base = parts[0] ?? '';
    if (base === 'zh') {
      if (parts.includes('hant') || parts.some((p) => ['tw', 'hk', 'mo'].includes(p))) continue;
      return 'zh-Hans';
    }
    const hit = LANGUAGES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

export function uiLanguage(setting: LanguageSetting, preferred: readonly string[]): UiLanguage {
  return setting === 'system' ? systemLanguage(preferred) : setting;
}

/**
 * The locale figures are formatted in: the system's own tag when it is the same language (so
 * "en-GB" keeps day-month dates and "da-DK" its region), else the language itself ("ru", "zh-Hans").
 */
export function formatLocale(lang: UiLanguage, systemTag: string): string {
  if (lang === PSEUDO) return systemTag || 'en-US';
  if (systemLanguage([systemTag]) === lang) return systemTag;
  return lang;
}

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'à',
  b: 'ƀ',
  c: 'ç',
  d: 'ď',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'ƥ',
  r: 'ŕ',
  s: 'ŝ',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ď',
  E: 'É',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ö',
  R: 'Ŕ',
  S: 'Ŝ',
  T: 'Ţ',
  U: 'Û',
  W: 'Ŵ',
  Y: 'Ý',
  Z: 'Ž',
};
/** Interpolations ({{name}}), nested keys ($t(…)) and tags (<0>…</0>) pass through untouched. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?\d+>)/;

/** "Save" → "Ŝàvé ~~" : every letter accented, 40 % longer (rounded up), placeholders kept. */
export function pseudoString(s: string): string {
  const parts = s.split(KEEP);
  const letters = parts.reduce((n, p, i) => (i % 2 === 1 ? n : n + p.length), 0);
  const accented = parts.map((p, i) => (i % 2 === 1 ? p : [...p].map((c) => ACCENTS[c] ?? c).join(''))).join('');
  const pad = Math.ceil(letters * 0.4);
  return pad > 0 ? `${accented} ${'~'.repeat(Math.max(1, pad - 1))}` : accented;
}

type Tree = { readonly [key: string]: string | Tree };

/** The pseudo-locale of a whole resource tree. */
export function pseudoTree(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === 'string' ? pseudoString(v) : pseudoTree(v)]));
}
