// Runs inside Chromium: a Salesforce Data Loader export of 10,000 accounts and 60,000 contacts
// through the app's own CSV import (the worker client, the plan, applyImport), the raw IndexedDB
// write of the same rows, the longest main-thread block while importing, and the CSV export.
// Besides the phases, `detail` times the parts of each phase in place (outside the watched
// window), to say where the time goes.
import { salesforceDataLoaderExport } from '@shared/csv/fixtures';
import { decodeCsvBytes } from '@shared/csv/decode';
import { readSheetChunked } from '@shared/csv/sheet';
import { autoMap, describeMatch, detectFileKind } from '@shared/csv/fields';
import { convertRows } from '@shared/csv/convert';
import { planImport } from '@shared/csv/plan';
import { exportCsv } from '@shared/csv/export';
import type { AccountRecord, CsvMapping, CsvSheet, ExistingWorkspace, PersonRecord, RowProblem } from '@shared/csv/types';
import { defaultAccountFields, type AccountFields } from '@shared/domain/account';
import { defaultPersonFields, type LineFields, type PersonFields } from '@shared/domain/stakeholders';
import { writeProblems } from '@shared/domain/tables';
import { createRows } from '@shared/sync/row';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace } from '../../../renderer/src/db/workspace';
import { applyImport, readExisting } from '../../../renderer/src/db/csvImport';
import { createCsvClient, type CsvClient } from '../../../renderer/src/features/csv/client';
import { CsvSession, type FileSummary } from '../../../renderer/src/features/csv/engine';
import { exportCsvFiles, readExportSource } from '../../../renderer/src/features/csv/exportCsv';

const ACCOUNTS = 10_000;
const CONTACTS_PER_ACCOUNT = 6;
/** applyImport's rows per bulk write (db/csvImport.ts CHUNK). */
const WRITE_CHUNK = 2_000;
const NONE = { accounts: new Map(), people: new Map() };
const EMPTY: ExistingWorkspace = { accounts: [], people: [], lines: [] };

async function drop(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/**
 * The rows as they were stored, written with plain IndexedDB: the same stores and indexes, one
 * strict transaction. `loopMs` is the synchronous put() loop alone (each put clones its row on
 * the main thread), `ms` the whole write until the transaction completes.
 */
function rawPut(
  name: string,
  tables: Readonly<Record<'accounts' | 'people' | 'lines', readonly object[]>>,
): Promise<{ ms: number; loopMs: number }> {
  const indexes: Record<string, string[]> = {
    accounts: ['updatedAt', 'name'],
    people: ['updatedAt', 'accountId'],
    lines: ['updatedAt', 'accountId'],
  };
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      for (const [table, idx] of Object.entries(indexes)) {
        const store = open.result.createObjectStore(table, { keyPath: 'id' });
        for (const i of idx) store.createIndex(i, i);
      }
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t0 = performance.now();
      const tx = db.transaction(Object.keys(indexes), 'readwrite', { durability: 'strict' });
      for (const [table, rows] of Object.entries(tables)) {
        const store = tx.objectStore(table);
        for (const r of rows) store.put(r);
      }
      const loopMs = performance.now() - t0;
      tx.oncomplete = () => {
        const ms = performance.now() - t0;
        db.close();
        resolve({ ms, loopMs });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

export interface LongTask {
  readonly phase: string;
  /** Since the start of its phase. */
  readonly atMs: number;
  readonly ms: number;
}

export interface Watched {
  readonly longestTaskMs: number;
  readonly longestTaskPhase: string;
  /** The five longest tasks, longest first. */
  readonly top: readonly LongTask[];
  readonly perPhase: Readonly<Record<string, { count: number; ms: number; longest: number }>>;
  /** The longest gap of a setTimeout(0) heartbeat: tasks back to back count together there. */
  readonly heartbeatGapMs: number;
  readonly heartbeatGapPhase: string;
}

/**
 * Watches the main thread: every long task (PerformanceObserver "longtask", 50 ms and over) and a
 * setTimeout heartbeat, each put in the phase it started in.
 */
function watchMainThread() {
  const phases: Array<{ phase: string; start: number }> = [];
  const phaseAt = (t: number): { phase: string; start: number } => {
    let at = { phase: 'before', start: 0 };
    for (const p of phases) if (p.start <= t) at = p;
    return at;
  };
  const tasks: Array<{ start: number; duration: number }> = [];
  const take = (list: PerformanceEntryList) => {
    for (const e of list) tasks.push({ start: e.startTime, duration: e.duration });
  };
  const observer = new PerformanceObserver((list) => take(list.getEntries()));
  observer.observe({ type: 'longtask', buffered: false });
  let running = true;
  let last = performance.now();
  let gap = { ms: 0, end: last };
  const tick = () => {
    const now = performance.now();
    if (now - last > gap.ms) gap = { ms: now - last, end: now };
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    enter(phase: string) {
      phases.push({ phase, start: performance.now() });
    },
    async stop(): Promise<Watched> {
      // Let the last task end and its entry arrive.
      await new Promise((r) => setTimeout(r, 50));
      running = false;
      take(observer.takeRecords());
      observer.disconnect();
      const sorted = [...tasks].sort((a, b) => b.duration - a.duration);
      const perPhase: Record<string, { count: number; ms: number; longest: number }> = {};
      for (const t of tasks) {
        const p = (perPhase[phaseAt(t.start).phase] ??= { count: 0, ms: 0, longest: 0 });
        p.count++;
        p.ms += t.duration;
        p.longest = Math.max(p.longest, t.duration);
      }
      const longest = sorted[0];
      return {
        longestTaskMs: longest?.duration ?? 0,
        longestTaskPhase: longest ? phaseAt(longest.start).phase : 'none',
        top: sorted.slice(0, 5).map((t) => {
          const p = phaseAt(t.start);
          return { phase: p.phase, atMs: Math.round(t.start - p.start), ms: Math.round(t.duration) };
        }),
        perPhase,
        heartbeatGapMs: gap.ms,
        heartbeatGapPhase: phaseAt(gap.end - gap.ms / 2).phase,
      };
    },
  };
}

const ms = async <T>(work: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await work();
  return [out, performance.now() - t0];
};

export interface CsvRound {
  accounts: number;
  people: number;
  lines: number;
  /** Rows written by the import: accounts + people + lines. */
  rows: number;
  /** Making the two files (not counted in any phase). */
  generateMs: number;
  fileBytes: number;
  /** Both files read through the worker client (decode, parse, autoMap), as the import screen does. */
  parseMs: number;
  /** autoMap + describeMatch + detectFileKind on both files (inside parse, timed in place). */
  mapMs: number;
  /** The plan through the worker client: reading the workspace, converting, planning, placing, the reply. */
  dryRunMs: number;
  /** applyImport on the main thread: one intent. */
  writeMs: number;
  rawMs: number;
  /** Parse start to import done. */
  importWatch: Watched;
  /** The export of accounts.csv and people.csv. */
  exportWatch: Watched;
  exportMs: number;
  exportBytes: number;
  exportRows: number;
  /** Where the time goes: the parts of each phase timed in place (ms unless the name says otherwise). */
  detail: Record<string, number>;
}

async function readBoth(
  client: Pick<CsvClient, 'read'>,
  files: ReadonlyArray<{ id: string; name: string; bytes: Uint8Array }>,
): Promise<FileSummary[]> {
  const out: FileSummary[] = [];
  for (const f of files) out.push(await client.read(f.id, f.name, f.bytes, {}));
  return out;
}

/** convertRows + planImport as CsvSession.plan runs them (lines numbered across files), each timed. */
async function planParts(sheets: readonly CsvSheet[], mappings: readonly CsvMapping[]): Promise<{ convertMs: number; planMs: number }> {
  const accounts: AccountRecord[] = [];
  const people: PersonRecord[] = [];
  const problems: RowProblem[] = [];
  let empty = 0;
  let offset = 0;
  const [, convertMs] = await ms(() => {
    sheets.forEach((sheet, i) => {
      const mapping = mappings[i];
      if (!mapping) throw new Error(`no mapping for file ${i}`);
      const records = convertRows(sheet, mapping);
      const shift = <T extends { line: number }>(r: T): T => ({ ...r, line: r.line + offset });
      accounts.push(...records.accounts.map(shift));
      people.push(...records.people.map(shift));
      problems.push(...records.problems.map(shift));
      empty += records.empty;
      offset += (sheet.rows[sheet.rows.length - 1]?.line ?? 0) + 1;
    });
  });
  const [, planMs] = await ms(() => planImport({ accounts, people, problems, empty }, EMPTY, { newId: () => crypto.randomUUID() }));
  return { convertMs, planMs };
}

/** One round on a fresh workspace database. */
export async function csvRound(round: number): Promise<CsvRound> {
  const name = `bench-csv-${round}`;
  const raw = `bench-csv-raw-${round}`;
  for (const n of [name, raw]) await drop(n);

  const [sf, generateMs] = await ms(() =>
    salesforceDataLoaderExport({ accounts: ACCOUNTS, contactsPerAccount: CONTACTS_PER_ACCOUNT, seed: round + 1 }),
  );
  const files = [
    { id: 'accounts', name: 'Account.csv', bytes: sf.accountsCsv },
    { id: 'contacts', name: 'Contact.csv', bytes: sf.contactsCsv },
  ];
  const ws = await openWorkspace(new WaypointDB(name));
  const client = createCsvClient();
  const detail: Record<string, number> = {};
  try {
    // ---- Watched: parse → dry run → import, as the import screen runs them.
    const watch = watchMainThread();
    watch.enter('parse');
    const [summaries, parseMs] = await ms(() => readBoth(client, files));
    const mappings = summaries.map((s) => ({
      fileId: s.fileId,
      mapping: { ...s.mapping, defaultCurrency: s.mapping.defaultCurrency || 'EUR' } satisfies CsvMapping,
    }));
    watch.enter('dry run');
    const [planned, dryRunMs] = await ms(() => client.plan(ws.db, mappings, NONE));
    const plan = planned.plan;
    const c = plan.counts;
    if (c.accounts.create !== ACCOUNTS || c.people.create !== ACCOUNTS * CONTACTS_PER_ACCOUNT || plan.refused.length > 0)
      throw new Error(`unexpected plan: ${JSON.stringify(c)}, ${plan.refused.length} refused`);
    watch.enter('import');
    const [{ applied }, writeMs] = await ms(() => applyImport(ws, plan, planned.positions));
    const importWatch = await watch.stop();
    const rows = applied.accounts.created + applied.people.created + applied.lines.created;

    // ---- Parse and map, in place on the main thread.
    const session = new CsvSession();
    const inPlaceRead = async (fileId: string, fileName: string, bytes: Uint8Array): Promise<FileSummary> => {
      const summary = await session.read(fileId, fileName, bytes, {});
      if (!summary) throw new Error('read stopped');
      return summary;
    };
    [, detail['parse-in-place-ms']] = await ms(() => readBoth({ read: inPlaceRead }, files));
    const sheets: CsvSheet[] = [];
    let mapMs = 0;
    for (const f of files) {
      const sheet = await readSheetChunked(decodeCsvBytes(f.bytes));
      if (!sheet) throw new Error('read stopped');
      sheets.push(sheet);
      const cells = sheet.data.slice(0, 200).map((r) => r.cells);
      const [, t] = await ms(() => {
        const mapping = autoMap(sheet.headers, cells);
        describeMatch(sheet.headers, mapping);
        detectFileKind(sheet.headers, cells);
      });
      mapMs += t;
    }

    // ---- The dry run's parts, in place (against an empty workspace, as the watched one was).
    const [inPlace, planInPlaceMs] = await ms(() => session.plan(mappings, EMPTY, NONE));
    detail['plan-in-place-ms'] = planInPlaceMs;
    const parts = await planParts(
      sheets,
      mappings.map((m) => m.mapping),
    );
    detail['plan-convert-ms'] = parts.convertMs;
    detail['plan-planimport-ms'] = parts.planMs;
    detail['plan-positions-ms'] = Math.max(0, planInPlaceMs - parts.convertMs - parts.planMs);
    const reply = { type: 'plan', job: 0, plan: inPlace.plan, positions: [...inPlace.positions], ranges: inPlace.ranges };
    [, detail['plan-reply-clone-ms']] = await ms(() => structuredClone(reply));
    detail['plan-reply-json-bytes'] = JSON.stringify(reply).length;

    // ---- The import's synchronous blocks, replayed without IndexedDB (as applyImport and Writer.insertMany run them).
    const stamp = ws.clock.now();
    const [accountFields, prepAccounts] = await ms(() =>
      plan.accounts.create.map((a): AccountFields => ({
        ...defaultAccountFields({ ...a.fields, tags: [...(a.fields.tags ?? [])] }),
        sourceKey: a.sourceKey ?? '',
      })),
    );
    const [personFields, prepPeople] = await ms(() =>
      plan.people.create.map((x): PersonFields => {
        const at = planned.positions.get(x.id) ?? { x: 0, y: 0 };
        return { ...defaultPersonFields(x.accountId, x.fields), sourceKey: x.sourceKey ?? '', x: at.x, y: at.y };
      }),
    );
    const [lineFields, prepLines] = await ms(() =>
      plan.lines.create.map((l): LineFields => ({ accountId: l.accountId, from: l.from, to: l.to, kind: l.kind })),
    );
    detail['write-prep-accounts-ms'] = prepAccounts;
    detail['write-prep-people-ms'] = prepPeople;
    detail['write-prep-lines-ms'] = prepLines;
    const rules = (table: 'accounts' | 'people' | 'lines', list: readonly object[]) => {
      for (const f of list) writeProblems(table, '', f as Record<string, unknown>, true);
    };
    [, detail['write-rules-ms']] = await ms(() => {
      rules('accounts', accountFields);
      rules('people', personFields);
      rules('lines', lineFields);
    });
    [, detail['write-stamp-ms']] = await ms(() => {
      createRows(
        accountFields,
        plan.accounts.create.map((a) => a.id),
        stamp,
      );
      createRows(
        personFields,
        plan.people.create.map((x) => x.id),
        stamp,
      );
      createRows(
        lineFields,
        plan.lines.create.map((l) => l.id),
        stamp,
      );
    });
    // One chunk of people: the JavaScript of one bulk write's task before Dexie and IndexedDB.
    [, detail['write-chunk-js-ms']] = await ms(() => {
      const chunk = personFields.slice(0, WRITE_CHUNK);
      rules('people', chunk);
      createRows(
        chunk,
        plan.people.create.slice(0, WRITE_CHUNK).map((x) => x.id),
        stamp,
      );
    });

    // ---- The raw write of exactly the rows the import stored (same ids, stamps, sizes).
    const stored = { accounts: await ws.db.accounts.toArray(), people: await ws.db.people.toArray(), lines: await ws.db.lines.toArray() };
    const rawWrite = await rawPut(raw, stored);
    detail['raw-put-loop-ms'] = rawWrite.loopMs;
    detail['raw-put-loop-per-chunk-ms'] = (rawWrite.loopMs * WRITE_CHUNK) / rows;
    detail['stored-json-bytes'] =
      JSON.stringify(stored.accounts).length + JSON.stringify(stored.people).length + JSON.stringify(stored.lines).length;

    // ---- The same files again: a re-import's dry run reads the whole workspace and finds nothing to do.
    [, detail['read-existing-full-ms']] = await ms(() => readExisting(ws.db));
    [, detail['read-existing-getall-ms']] = await ms(() =>
      Promise.all([ws.db.accounts.toArray(), ws.db.people.toArray(), ws.db.lines.toArray()]),
    );
    const [again, againMs] = await ms(() => client.plan(ws.db, mappings, NONE));
    detail['dry-run-again-ms'] = againMs;
    if (again.plan.counts.accounts.create + again.plan.counts.people.create + again.plan.lines.create.length > 0)
      throw new Error(`the same files again would create rows: ${JSON.stringify(again.plan.counts)}`);

    // ---- CSV export of the same workspace: accounts.csv and people.csv, in the CSV worker as the Sync page does.
    const exportWatcher = watchMainThread();
    exportWatcher.enter('export');
    const [exported, exportMs] = await ms(() => client.exportFiles(ws.db, ['accounts', 'people'], {}));
    const exportWatch = await exportWatcher.stop();
    const exportRows = exported.reduce((n, f) => n + f.rows, 0);
    if (exportRows !== applied.accounts.created + applied.people.created) throw new Error(`exported ${exportRows} rows`);
    const [source, readMs] = await ms(() => readExportSource(ws));
    detail['export-read-ms'] = readMs;
    [, detail['export-build-ms']] = await ms(() => exportCsv(source, ['accounts', 'people']));
    [, detail['export-in-place-ms']] = await ms(() => exportCsvFiles(ws, ['accounts', 'people']));

    return {
      accounts: applied.accounts.created,
      people: applied.people.created,
      lines: applied.lines.created,
      rows,
      generateMs,
      fileBytes: sf.accountsCsv.length + sf.contactsCsv.length,
      parseMs,
      mapMs,
      dryRunMs,
      writeMs,
      rawMs: rawWrite.ms,
      importWatch,
      exportWatch,
      exportMs,
      exportBytes: exported.reduce((n, f) => n + f.bytes.length, 0),
      exportRows,
      detail,
    };
  } finally {
    client.close();
    ws.db.close();
    for (const n of [name, raw]) await drop(n);
  }
}
