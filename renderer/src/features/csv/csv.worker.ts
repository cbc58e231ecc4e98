/// <reference lib="webworker" />
import { WaypointDB } from '../../db/database';
import { readExisting } from '../../db/csvImport';
import { CsvSession } from './engine';
import { exportCsvFiles } from './exportCsv';
import { ITEMS_PER_PART, PLAN_LISTS, splitPlan, type CsvReply, type CsvRequest } from './protocol';

/**
 * The CSV import's reading and planning off the main thread: parsing tens of thousands of rows,
 * converting them and planning against the workspace (read here from the same IndexedDB) never
 * freezes the window, and a Cancel between chunks stops a read.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new CsvSession();
const reply = (m: CsvReply) => scope.postMessage(m);
let cancelled = new Set<number>();

scope.onmessage = async (e: MessageEvent<CsvRequest>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    cancelled.add(m.job);
    return;
  }
  try {
    if (m.type === 'read') {
      const summary = await session.read(m.fileId, m.name, m.bytes, m.choices, {
        onProgress: (fraction) => reply({ type: 'progress', job: m.job, fraction }),
        shouldStop: () => cancelled.has(m.job),
      });
      reply(summary ? { type: 'file', job: m.job, summary } : { type: 'cancelled', job: m.job });
    } else if (m.type === 'header') {
      reply({ type: 'file', job: m.job, summary: session.header(m.fileId, m.headerIndex) });
    } else if (m.type === 'export') {
      const db = new WaypointDB(m.dbName);
      try {
        const files = await exportCsvFiles({ db }, m.tables, m.opts);
        scope.postMessage(
          { type: 'export', job: m.job, files } satisfies CsvReply,
          files.map((f) => f.bytes.buffer),
        );
      } finally {
        db.close();
      }
    } else if (m.type === 'rows') {
      reply({ type: 'rows', job: m.job, ...session.rowsAt(m.fileId, m.lines) });
    } else if (m.type === 'forget') {
      session.forget(m.fileId);
      reply({ type: 'done', job: m.job });
    } else {
      const db = new WaypointDB(m.dbName);
      try {
        const existing = await readExisting(db);
        const result = session.plan(m.mappings, existing, { accounts: new Map(m.decisions.accounts), people: new Map(m.decisions.people) });
        const { rest, lists } = splitPlan(result.plan, result.positions);
        for (const list of PLAN_LISTS) {
          const items = lists[list];
          for (let at = 0; at < items.length; at += ITEMS_PER_PART)
            reply({ type: 'plan-part', job: m.job, list, items: items.slice(at, at + ITEMS_PER_PART) });
        }
        reply({ type: 'plan', job: m.job, rest, ranges: result.ranges });
      } finally {
        db.close();
      }
    }
  } catch (err) {
    reply({ type: 'failed', job: m.job, message: err instanceof Error ? err.message : String(err) });
  } finally {
    if (cancelled.size > 100) cancelled = new Set();
  }
};
