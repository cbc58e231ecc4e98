import type { CsvMapping, ImportDecision } from '@shared/csv/types';
import type { WaypointDB } from '../../db/database';
import { readExisting } from '../../db/csvImport';
import { CsvSession, type FileSummary, type PlanResult, type ReadChoices } from './engine';
import { exportCsvFiles, type CsvExportBytes } from './exportCsv';
import type { CsvExportOptions, CsvExportTable } from '@shared/csv/export';
import { joinPlan, type CsvReply, type CsvRequest, type PlanList } from './protocol';

export type Decisions = { readonly accounts: ReadonlyMap<number, ImportDecision>; readonly people: ReadonlyMap<number, ImportDecision> };

type WithoutJob<T> = T extends unknown ? Omit<T, 'job'> : never;

/** A read the user cancelled: not an error, nothing to show. */
export class CsvCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CsvCancelled';
  }
}

export interface CsvClient {
  read(
    fileId: string,
    name: string,
    bytes: Uint8Array,
    choices: ReadChoices,
    onProgress?: (fraction: number) => void,
  ): Promise<FileSummary>;
  header(fileId: string, headerIndex: number): Promise<FileSummary>;
  forget(fileId: string): void;
  /** The header and original cells of some lines of a file. */
  rowsAt(fileId: string, lines: readonly number[]): Promise<ReturnType<CsvSession['rowsAt']>>;
  plan(db: WaypointDB, mappings: ReadonlyArray<{ fileId: string; mapping: CsvMapping }>, decisions: Decisions): Promise<PlanResult>;
  /** The chosen tables as CSV files, read and written in the worker (the window stays responsive). */
  exportFiles(db: WaypointDB, tables: readonly CsvExportTable[], opts: CsvExportOptions): Promise<CsvExportBytes[]>;
  /** Stops the read or plan in progress (it rejects with CsvCancelled). */
  cancel(): void;
  close(): void;
}

/**
 * The import's reading and planning in the CSV worker where the platform has Workers (the app),
 * in place otherwise (unit tests in Node): the same session, the same results.
 */
export function createCsvClient(): CsvClient {
  if (typeof Worker === 'undefined') return inPlace();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'waypoint-csv' });
  } catch {
    return inPlace();
  }
  let nextJob = 1;
  let current: number | null = null;
  const parts = new Map<number, Partial<Record<PlanList, unknown[]>>>();
  const waiting = new Map<number, { resolve: (r: CsvReply) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }>();
  worker.onmessage = (e: MessageEvent<CsvReply>) => {
    const m = e.data;
    const w = waiting.get(m.job);
    if (!w) return;
    if (m.type === 'progress') {
      w.onProgress?.(m.fraction);
      return;
    }
    if (m.type === 'plan-part') {
      const got = parts.get(m.job) ?? {};
      const list = (got[m.list] ??= []);
      for (const item of m.items) list.push(item);
      parts.set(m.job, got);
      return;
    }
    waiting.delete(m.job);
    if (current === m.job) current = null;
    if (m.type !== 'plan') parts.delete(m.job);
    if (m.type === 'failed') w.reject(new Error(m.message));
    else if (m.type === 'cancelled') w.reject(new CsvCancelled());
    else w.resolve(m);
  };
  worker.onerror = (e) => {
    for (const w of waiting.values()) w.reject(new Error(e.message || 'the file could not be read'));
    waiting.clear();
  };
  const send = (request: WithoutJob<CsvRequest>, onProgress?: (f: number) => void, transfer: Transferable[] = []) => {
    const job = nextJob++;
    current = job;
    return new Promise<CsvReply>((resolve, reject) => {
      waiting.set(job, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      worker.postMessage({ ...request, job } as CsvRequest, transfer);
    });
  };
  const fileOf = (r: CsvReply): FileSummary => {
    if (r.type !== 'file') throw new Error(`unexpected reply ${r.type}`);
    return r.summary;
  };
  return {
    async read(fileId, name, bytes, choices, onProgress) {
      const copy = bytes.slice();
      return fileOf(await send({ type: 'read', fileId, name, bytes: copy, choices }, onProgress, [copy.buffer]));
    },
    async header(fileId, headerIndex) {
      return fileOf(await send({ type: 'header', fileId, headerIndex }));
    },
    forget(fileId) {
      void send({ type: 'forget', fileId });
    },
    async exportFiles(db, tables, opts) {
      const r = await send({ type: 'export', dbName: db.name, tables: [...tables], opts });
      if (r.type !== 'export') throw new Error(`unexpected reply ${r.type}`);
      return r.files;
    },
    async rowsAt(fileId, lines) {
      const r = await send({ type: 'rows', fileId, lines: [...lines] });
      if (r.type !== 'rows') throw new Error(`unexpected reply ${r.type}`);
      return { headers: r.headers, rows: r.rows };
    },
    async plan(db, mappings, decisions) {
      const r = await send({
        type: 'plan',
        dbName: db.name,
        mappings,
        decisions: { accounts: [...decisions.accounts], people: [...decisions.people] },
      });
      if (r.type !== 'plan') throw new Error(`unexpected reply ${r.type}`);
      const lists = parts.get(r.job) ?? {};
      parts.delete(r.job);
      return { ...joinPlan(r.rest, lists), ranges: r.ranges };
    },
    cancel() {
      if (current === null) return;
      const job = current;
      worker.postMessage({ type: 'cancel', job } satisfies CsvRequest);
      // A plan cannot stop half-way: stop waiting for it.
      const w = waiting.get(job);
      if (w) {
        waiting.delete(job);
        w.reject(new CsvCancelled());
      }
    },
    close() {
      worker.terminate();
      for (const w of waiting.values()) w.reject(new CsvCancelled());
      waiting.clear();
    },
  };
}

function inPlace(): CsvClient {
  const session = new CsvSession();
  let stop = false;
  return {
    async read(fileId, name, bytes, choices, onProgress) {
      stop = false;
      const summary = await session.read(fileId, name, bytes, choices, { ...(onProgress ? { onProgress } : {}), shouldStop: () => stop });
      if (!summary) throw new CsvCancelled();
      return summary;
    },
    header: async (fileId, headerIndex) => session.header(fileId, headerIndex),
    forget: (fileId) => session.forget(fileId),
    rowsAt: async (fileId, lines) => session.rowsAt(fileId, lines),
    exportFiles: (db, tables, opts) => exportCsvFiles({ db }, tables, opts),
    plan: async (db, mappings, decisions) => session.plan(mappings, await readExisting(db), decisions),
    cancel: () => {
      stop = true;
    },
    close: () => undefined,
  };
}
