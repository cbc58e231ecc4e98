// Shared by the benchmark scripts: settings, figure output and the Vite build of app + bench page.
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

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

/** The app and the bench page, built into `outDir` (never dist/). `minify: false` keeps function names for profiles. */
export function benchBuild(outDir = `${root}/.bench-out`, minify = true): InlineConfig {
  return {
    configFile: `${root}/vite.config.ts`,
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      minify,
      rollupOptions: { input: { app: `${root}/renderer/index.html`, bench: `${root}/test/bench/page/bench.html` } },
    },
  };
}
