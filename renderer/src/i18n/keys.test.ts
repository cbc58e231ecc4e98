import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

/*
 * The key check (issue 17): every key of en.json exists in every language, no language has a key
 * English lacks, interpolation variables match, each language has exactly the plural forms its
 * rules need (Intl.PluralRules: Russian one/few/many/other, Chinese other), and no key is unused.
 */
type Tree = { readonly [key: string]: string | Tree };
const dir = join(import.meta.dirname, '.');
const read = (lang: string): Tree => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Tree;
const flat = (t: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
};
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (k: string) => k.replace(PLURAL, '');
const form = (k: string) => PLURAL.exec(k)?.[1] ?? null;
const VARS = /\{\{\s*([^},\s]+)[^}]*\}\}/g;
const varsOf = (s: string) => new Set([...s.matchAll(VARS)].map((m) => m[1]));

const en = flat(read('en'));
/** English keys by base: the plural forms English has (null: not a plural). */
const bases = new Map<string, Set<string | null>>();
for (const k of en.keys()) (bases.get(base(k)) ?? bases.set(base(k), new Set()).get(base(k))!).add(form(k));
const files = new Set(
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5)),
);

describe('translations', () => {
  it('has a file for every language Waypoint offers, and no stray file', () => {
    expect([...files].sort()).toEqual([...LANGUAGES].sort());
  });

  for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const tr = files.has(lang) ? flat(read(lang)) : new Map<string, string>();
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

      it('has every key, with the plural forms its rules need, and nothing else', () => {
        const problems: string[] = [];
        for (const [b, forms] of bases) {
          if (forms.has(null)) {
            if (!tr.has(b)) problems.push(`missing ${b}`);
            continue;
          }
          const need = new Set([...categories, ...(forms.has('zero') ? ['zero'] : [])]);
          for (const c of need) if (!tr.has(`${b}_${c}`)) problems.push(`missing ${b}_${c}`);
          for (const k of tr.keys())
            if (base(k) === b && form(k) !== null && !need.has(form(k)!)) problems.push(`not a ${lang} plural form: ${k}`);
        }
        for (const k of tr.keys()) if (!bases.has(base(k))) problems.push(`not in English: ${k}`);
        expect(problems).toEqual([]);
      });

      it('uses exactly the interpolation variables English uses, and leaves no string empty', () => {
        const problems: string[] = [];
        const enVars = new Map<string, Set<string | undefined>>();
        for (const [k, v] of en) enVars.set(base(k), new Set([...(enVars.get(base(k)) ?? []), ...varsOf(v)]));
        for (const [k, v] of tr) {
          const want = enVars.get(base(k)) ?? new Set();
          const have = varsOf(v);
          for (const x of have) if (!want.has(x)) problems.push(`${k}: unknown {{${x}}}`);
          // English plural forms differ in what they name ("Deleted {{names}}" / "Deleted {{count}} people"): a
          // plural form may use any of their variables; any other string must keep every one of its own.
          if (form(k) === null) for (const x of want) if (!have.has(x)) problems.push(`${k}: drops {{${x}}}`);
          if (v.trim() === '' && (en.get(k) ?? 'x').trim() !== '') problems.push(`${k}: empty`);
        }
        expect(problems).toEqual([]);
      });
    });
  }

  it('has no unused key: each is named in the code, or under a prefix the code builds keys from', () => {
    const root = join(dir, '../../..');
    const sources = ['renderer/src', 'shared', 'electron']
      .flatMap((d) => (readdirSync(join(root, d), { recursive: true }) as string[]).map((f) => join(root, d, f)))
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const literals = new Set([...sources.matchAll(/['"`]([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+)['"`]/g)].map((m) => m[1]!));
    const heads = [...sources.matchAll(/`([A-Za-z0-9_.]+)\$\{/g)].map((m) => m[1]!);
    const used = (b: string) => literals.has(b) || heads.some((h) => b.startsWith(h)) || [...literals].some((l) => b.startsWith(`${l}.`));
    expect([...bases.keys()].filter((b) => !used(b))).toEqual([]);
  });
});
