// Tracing helpers for the profilers (profile-map.ts, profile-longtasks.ts): record a Chromium trace
// with the V8 sampling profiler around an action, then print per-thread busy time, the main
// thread's work by kind, the JavaScript functions and modules with the most self time (mapped
// to their sources), the time between the page's performance marks, and each long task.
import { preview } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { findChromium } from '../../scripts/chromium.mjs';
import { buildForBench, PORT } from './util';

const TOP = 25;
/** Performance marks the probes set (map.ts: waypoint-map-shell, …): printed, and the time between them broken down. */
const MARK_PREFIX = 'waypoint-';

/** WAYPOINT_TRACE_LONG_MS=8 lists every task over 8 ms instead of over 40 (to follow an open step by step). */
const LONG_TASK_MS = Number(process.env.WAYPOINT_TRACE_LONG_MS ?? 40);

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: {
        nodes?: Array<{
          id: number;
          parent?: number;
          callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number };
        }>;
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);

export async function traced(browser: Browser, page: Page, what: () => Promise<void>): Promise<TraceEvent[]> {
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8',
      'v8.execute',
      'blink',
      'blink.user_timing',
      'cc',
      'viz',
      'gpu',
      ...(process.env.WAYPOINT_PROFILE_NO_SAMPLES ? [] : ['disabled-by-default-v8.cpu_profiler']),
      'disabled-by-default-v8.gc',
    ],
  });
  await what();
  const buf = await browser.stopTracing();
  return (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** Exclusive (self) time per event name on one thread, from complete ('X') events nested by time. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of xs) {
    while (stack.length > 0 && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - Math.min(e.dur!, parent.ts + parent.dur! - e.ts));
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push(e);
  }
  return self;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line, the [column, source index, source line] segments of a source map (VLQ-decoded). */
export function decodeMappings(mappings: string): Array<Array<[number, number, number]>> {
  const lines: Array<Array<[number, number, number]>> = [];
  let src = 0;
  let srcLine = 0;
  for (const line of mappings.split(';')) {
    const segs: Array<[number, number, number]> = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0] ?? 0;
      if (fields.length >= 4) {
        src += fields[1]!;
        srcLine += fields[2]!;
        segs.push([col, src, srcLine]);
      }
    }
    lines.push(segs);
  }
  return lines;
}

/** Which source file and line a position in the built bundle comes from (through its source map). */
const maps = new Map<string, { sources: string[]; lines: Array<Array<[number, number, number]>> } | null>();
async function sourceOf(url: string | undefined, line: number, column: number): Promise<string> {
  if (!url?.startsWith('http')) return url || '(native)';
  if (!maps.has(url)) {
    try {
      const map = (await (await fetch(`${url}.map`)).json()) as { sources: string[]; mappings: string };
      maps.set(url, { sources: map.sources, lines: decodeMappings(map.mappings) });
    } catch {
      maps.set(url, null);
    }
  }
  const map = maps.get(url);
  const segs = map?.lines[line];
  if (!map || !segs || segs.length === 0) return url.replace(/^.*\//, '');
  let hit = segs[0]!;
  for (const s of segs) if (s[0] <= column) hit = s;
  return `${map.sources[hit[1]]!.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '')}:${hit[2] + 1}`;
}

interface Frame {
  fn: string;
  where: string;
  parent: number | undefined;
}

export async function report(title: string, events: TraceEvent[], originUrl?: string): Promise<void> {
  console.log(`\n## ${title}`);
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  // Top-level tasks: RunTask events not inside another task of their thread.
  const tops: TraceEvent[] = [];
  const until = new Map<string, number>();
  for (const e of events
    .filter((x) => x.ph === 'X' && (x.name === 'ThreadControllerImpl::RunTask' || x.name === 'RunTask'))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (until.get(key) ?? 0)) continue;
    tops.push(e);
    until.set(key, e.ts + e.dur!);
  }
  // (Loops, not Math.min(...): a long trace has more events than a call takes arguments.)
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const e of events) {
    if (e.ts > 0) t0 = Math.min(t0, e.ts);
    if (e.ph === 'X') t1 = Math.max(t1, e.ts + (e.dur ?? 0));
  }
  const nav = originUrl
    ? events.find(
        (e) =>
          e.name === 'navigationStart' &&
          (e.args as { data?: { documentLoaderURL?: string } } | undefined)?.data?.documentLoaderURL?.includes(originUrl),
      )
    : undefined;
  const origin = nav?.ts ?? t0;
  console.log(`# traced ${ms(t1 - t0).trim()} ms wall; times below from ${nav ? 'the navigation start' : 'the trace start'}`);
  for (const e of events.filter((x) => x.name.startsWith(MARK_PREFIX) && x.ts >= origin))
    console.log(`#   mark ${e.name} at ${ms(e.ts - origin).trim()} ms`);

  // Busy time per thread: the union of its task intervals (tasks can nest).
  const busy = new Map<string, number>();
  const end = new Map<string, number>();
  for (const e of [...tops].sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid}:${e.tid}`;
    const from = Math.max(e.ts, end.get(key) ?? 0);
    const to = e.ts + e.dur!;
    if (to > from) busy.set(key, (busy.get(key) ?? 0) + to - from);
    end.set(key, Math.max(to, end.get(key) ?? 0));
  }
  const byThread = [...busy].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log('# busiest threads (ms in tasks):');
  for (const [key, us] of byThread) console.log(`#   ${ms(us)}  ${threadName.get(key) ?? key}`);
  const main = byThread.find(([key]) => threadName.get(key) === 'CrRendererMain');
  if (!main) return;
  const [pid, tid] = main[0].split(':').map(Number);
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
  console.log('# renderer main thread, self time by trace event (FunctionCall = JavaScript; profiler overhead included):');
  for (const [name, us] of [...selfTimes(onMain)]
    .filter(([, us]) => us > 1000)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 18))
    console.log(`#   ${ms(us)}  ${name}`);

  // The sampling profiler on that thread: each sample with its time and stack.
  const frames = new Map<number, Frame>();
  // 'Profile' is written on the profiled thread, its chunks by V8's profiler thread under the same id.
  const profiles = new Set(events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid).map((e) => e.id));
  const chunks = events.filter((e) => (e.name === 'ProfileChunk' || e.name === 'Profile') && e.pid === pid && profiles.has(e.id));
  for (const c of chunks) {
    for (const n of c.args?.data?.cpuProfile?.nodes ?? []) {
      const fn = n.callFrame.functionName || '(anonymous)';
      frames.set(n.id, {
        fn,
        where: await sourceOf(n.callFrame.url, n.callFrame.lineNumber ?? 0, n.callFrame.columnNumber ?? 0),
        parent: n.parent,
      });
    }
  }
  const samples: Array<{ ts: number; us: number; node: number }> = [];
  const clock = new Map<string, number>();
  for (const c of chunks) {
    const id = c.id ?? '';
    if (c.name === 'Profile') {
      clock.set(id, (c.args?.data as { startTime?: number } | undefined)?.startTime ?? c.ts);
      continue;
    }
    const ids = c.args?.data?.cpuProfile?.samples ?? [];
    const deltas = c.args?.data?.timeDeltas ?? [];
    let t = clock.get(id) ?? c.ts;
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      samples.push({ ts: t, us: Math.max(0, deltas[i + 1] ?? deltas[i] ?? 0), node: ids[i]! });
    }
    clock.set(id, t);
  }
  const special = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
  const label = (f: Frame) => (special.has(f.fn) ? f.fn : `${f.fn}  ${f.where}`);
  const selfBy = (list: typeof samples, key: (f: Frame) => string) => {
    const m = new Map<string, number>();
    for (const s of list) {
      const f = frames.get(s.node);
      if (f) m.set(key(f), (m.get(key(f)) ?? 0) + s.us);
    }
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  const moduleOfFrame = (f: Frame) => (special.has(f.fn) ? f.fn : f.where.replace(/:\d+$/, ''));
  console.log('# sampled time by module (self; (program) = Blink work outside JavaScript):');
  for (const [k, us] of selfBy(samples, moduleOfFrame).slice(0, 14)) console.log(`#   ${ms(us)}  ${k}`);
  console.log('# JavaScript functions by self time:');
  for (const [k, us] of selfBy(samples, label)
    .filter(([k]) => !special.has(k))
    .slice(0, TOP))
    console.log(`#   ${ms(us)}  ${k}`);
  // Inclusive time of the app's own functions (renderer/src, shared): who asks for the work.
  const incl = new Map<string, number>();
  for (const s of samples) {
    const seen = new Set<string>();
    for (let id: number | undefined = s.node; id !== undefined; id = frames.get(id)?.parent) {
      const f = frames.get(id);
      if (!f || !/^(renderer\/src|shared)\//.test(f.where)) continue;
      const k = label(f);
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + s.us);
      seen.add(k);
    }
  }
  console.log("# the app's own functions by inclusive time:");
  for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`#   ${ms(us)}  ${k}`);
  // Between the marks: how much of each window the main thread was idle, and what ran in it.
  const marks = events
    .filter((x) => x.name.startsWith(MARK_PREFIX) && x.ts >= origin)
    .sort((a, b) => a.ts - b.ts)
    .map((x) => ({ name: x.name.replace(MARK_PREFIX, ''), ts: x.ts }));
  if (marks.length > 0) {
    const bounds = [{ name: 'start', ts: origin }, ...marks];
    for (let i = 1; i < bounds.length; i++) {
      const from = bounds[i - 1]!;
      const to = bounds[i]!;
      if (to.ts - from.ts < 1000) continue;
      const inWindow = samples.filter((x) => x.ts >= from.ts && x.ts < to.ts);
      const idle = inWindow.filter((x) => frames.get(x.node)?.fn === '(idle)').reduce((a, x) => a + x.us, 0);
      console.log(
        `# ${from.name} → ${to.name}: ${ms(to.ts - from.ts).trim()} ms, idle ${ms(idle).trim()} ms; modules (self), the app's functions (inclusive):`,
      );
      for (const [k, us] of selfBy(inWindow, moduleOfFrame)
        .filter(([k]) => k !== '(idle)')
        .slice(0, 8))
        console.log(`#   ${ms(us)}  ${k}`);
      const own = new Map<string, number>();
      for (const x of inWindow) {
        const seen = new Set<string>();
        for (let id: number | undefined = x.node; id !== undefined; id = frames.get(id)?.parent) {
          const f = frames.get(id);
          if (!f || !/^(renderer\/src|shared)\//.test(f.where)) continue;
          const k = label(f);
          if (!seen.has(k)) own.set(k, (own.get(k) ?? 0) + x.us);
          seen.add(k);
        }
      }
      for (const [k, us] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`#   ${ms(us)}  » ${k}`);
      // A long window also lists its busiest functions (self time), to see what a long step is made of.
      if (to.ts - from.ts > 40_000)
        for (const [k, us] of selfBy(inWindow, label)
          .filter(([k]) => !special.has(k))
          .slice(0, 12))
          console.log(`#   ${ms(us)}  · ${k}`);
    }
  }
  // Long tasks in order, with what ran in them.
  const longTasks = tops
    .filter((e) => e.pid === pid && e.tid === tid && e.dur! > LONG_TASK_MS * 1000 && e.ts >= origin - 1000)
    .sort((a, b) => a.ts - b.ts);
  console.log(`# long main-thread tasks (>${LONG_TASK_MS} ms): start, duration, top trace events and JavaScript in each:`);
  for (const task of longTasks.slice(0, LONG_TASK_MS < 40 ? 60 : 20)) {
    const inside = (ts: number) => ts >= task.ts && ts < task.ts + task.dur!;
    const ev = [...selfTimes(onMain.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!))]
      .filter(([n]) => n !== 'RunTask' && n !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
    const js = selfBy(
      samples.filter((x) => inside(x.ts)),
      label,
    )
      .filter(([k]) => !special.has(k))
      .slice(0, 3)
      .map(([k, us]) => `${k.replace(/ {2}.*\//, ' ')} ${(us / 1000).toFixed(0)}`);
    console.log(`#   @${ms(task.ts - origin).trim()} ms  ${ms(task.dur!).trim()} ms  [${ev.join(', ')}]  {${js.join('; ')}}`);
  }
}

/**
 * A profiler's session: the app built unminified with source maps into `outDir` (function names
 * survive), served, and Chromium launched; `run` gets both and the server's base URL. Everything
 * is stopped afterwards, and a failure ends the process with its message.
 */
export function profileSession(outDir: string, run: (browser: Browser, base: string) => Promise<void>): void {
  const main = async () => {
    const config = await buildForBench(outDir, { minify: false, sourcemap: true });
    const server = await preview({ ...config, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      await run(browser, `http://127.0.0.1:${PORT}/`);
    } finally {
      await browser.close();
      await server.close();
    }
  };
  main().catch((err: unknown) => {
    console.error(`Profile failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
