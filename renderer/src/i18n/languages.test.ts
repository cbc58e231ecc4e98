import { describe, expect, it } from 'vitest';
import { formatLocale, isLanguageSetting, pseudoString, pseudoTree, systemLanguage, uiLanguage } from './languages';

describe('the system language', () => {
  it('takes the first preferred language Waypoint has, by its base', () => {
    expect(systemLanguage(['da-DK', 'en-US'])).toBe('da');
    expect(systemLanguage(['fr-FR', 'nl-BE'])).toBe('nl');
    expect(systemLanguage(['ru'])).toBe('ru');
    expect(systemLanguage(['de-DE', 'fr-FR'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
  it('reads Simplified Chinese from zh, zh-CN, zh-SG and zh-Hans-*, and passes over Traditional', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-SG', 'zh-Hans-CN', 'zh_CN']) expect(systemLanguage([tag])).toBe('zh-Hans');
    expect(systemLanguage(['zh-TW', 'ru-RU'])).toBe('ru');
    expect(systemLanguage(['zh-Hant-HK'])).toBe('en');
  });
  it('follows the system unless a language is chosen', () => {
    expect(uiLanguage('system', ['nl-NL'])).toBe('nl');
    expect(uiLanguage('ru', ['nl-NL'])).toBe('ru');
    expect(isLanguageSetting('zh-Hans')).toBe(true);
    expect(isLanguageSetting('fr')).toBe(false);
    expect(isLanguageSetting(null)).toBe(false);
  });
});

describe('the locale figures are formatted in', () => {
  it('keeps the system region when it is the same language, else the language itself', () => {
    expect(formatLocale('en', 'en-GB')).toBe('en-GB');
    expect(formatLocale('da', 'da-DK')).toBe('da-DK');
    expect(formatLocale('da', 'en-US')).toBe('da');
    expect(formatLocale('zh-Hans', 'zh-CN')).toBe('zh-CN');
    expect(formatLocale('ru', 'de-DE')).toBe('ru');
    // Intl agrees: Danish money and Russian numbers in their own conventions.
    expect(new Intl.NumberFormat(formatLocale('da', 'en-US'), { style: 'currency', currency: 'DKK' }).format(1234.5)).toMatch(/1\.234,50/);
    expect(new Intl.NumberFormat(formatLocale('ru', 'en-US')).format(1234567.5).replace(/\s/g, ' ')).toBe('1 234 567,5');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter, is 40 % longer, and keeps interpolations, nested keys and tags', () => {
    const s = pseudoString('Save {{count}} accounts to <0>the file</0>');
    expect(s).toContain('{{count}}');
    expect(s).toContain('<0>');
    expect(s).toContain('</0>');
    expect(s.startsWith('Ŝàvé')).toBe(true);
    // 26 characters outside the placeholders (5 + 13 + 8) → ceil(10.4) = 11 more: a space and 10 tildes
    expect(s.length - 'Save {{count}} accounts to <0>the file</0>'.length).toBe(11);
    expect(pseudoString('')).toBe('');
    expect(pseudoTree({ a: { b: 'Open' } })).toEqual({ a: { b: pseudoString('Open') } });
  });
});
