// Shared by the benchmark scripts: settings, figure output and the Vite build of app + bench page.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const PORT = Number(process.env.WAYPOINT_BENCH_PORT ?? 4391);
export const ROUNDS = Number(process.env.WAYPOINT_BENCH_ROUNDS ?? 5);

export function emit(bench: string, metric: string, value: number, unit: string): void {
  console.log(JSON.stringify({ bench, metric, value: Math.round(value * 100) / 100, unit }));
}
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest-rank percentile (p in 0..100). */
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** The bench's own pages: seeding and in-page rounds, and the bare-library floors (same installed package versions as the app). */
export const BENCH_PAGES = {
  bench: 'test/bench/page/bench.html',
  portfolio: 'test/bench/page/portfolio-bench.html',
  bareMap: 'test/bench/page/bare-map.html',
  bareList: 'test/bench/page/bare-list.html',
} as const;

function viteConfig(
  outDir: string,
  input: Record<string, string>,
  emptyOutDir: boolean,
  minify: boolean,
  sourcemap: boolean | 'hidden',
): InlineConfig {
  return {
    configFile: `${root}/vite.config.ts`,
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir, sourcemap, minify, rollupOptions: { input } },
  };
}

/**
 * Builds into `outDir` (never dist/) the app exactly as it ships — a build of its own, so its
 * chunks are the production ones, not split with the bench pages — then the bench pages beside it.
 * Returns the app's config, for `preview`. `minify: false` keeps function names for profiles;
 * hidden source maps (the default) let a profile name the app's code without changing it.
 */
export async function buildForBench(
  outDir = `${root}/.bench-out`,
  opts: { minify?: boolean; sourcemap?: boolean | 'hidden' } = {},
): Promise<InlineConfig> {
  const minify = opts.minify ?? true;
  const sourcemap = opts.sourcemap ?? 'hidden';
  const app = viteConfig(outDir, { app: `${root}/renderer/index.html` }, true, minify, sourcemap);
  const pages = Object.fromEntries(Object.entries(BENCH_PAGES).map(([k, v]) => [k, `${root}/${v}`]));
  await build(app);
  await build(viteConfig(outDir, pages, false, minify, sourcemap));
  return app;
}

/**
 * What the app's page makes the browser load before its first script runs, in the built output:
 * the entry script, its modulepreloaded chunks and the stylesheets its HTML links (kB).
 */
export function startupBytes(outDir = `${root}/.bench-out`): { js: number; css: number } {
  const html = readFileSync(`${outDir}/renderer/index.html`, 'utf8');
  const size = (href: string) => statSync(path.resolve(`${outDir}/renderer`, href)).size / 1000;
  let js = 0;
  let css = 0;
  for (const m of html.matchAll(/<(?:script|link)\b([^>]*)>/g)) {
    const tag = m[1]!;
    const src = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if (!src) continue;
    if (/rel="stylesheet"/.test(tag)) css += size(src);
    else if (/type="module"/.test(tag) || /rel="modulepreload"/.test(tag)) js += size(src);
  }
  return { js, css };
}
