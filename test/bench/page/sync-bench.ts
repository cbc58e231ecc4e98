// Runs inside Chromium: export and import of 100,000 changes through the app's own sync code,
// and the raw IndexedDB write of the same rows for comparison.
import { defaultAccountFields, type AccountFields } from '@shared/domain/account';
import type { LineFields, PersonFields } from '@shared/domain/stakeholders';
import type { AnyRow } from '@shared/sync/merge';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace, runIntent } from '../../../renderer/src/db/workspace';
import { BackupDB } from '../../../renderer/src/db/sync/backups';
import { exportSyncFile } from '../../../renderer/src/db/sync/exportFile';
import { importBytes } from '../../../renderer/src/db/sync/service';
import { decodeChecked, latestAllowed } from '../../../renderer/src/db/sync/decodeChecked';
import { syntheticAccounts, syntheticMap } from '../synthetic';

const ACCOUNTS = 10_000;
const MAPS = 200;
const PEOPLE_PER_MAP = 300;
const LINES_PER_MAP = 150;

export async function drop(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** 10,000 accounts, 60,000 people on 200 maps and 30,000 lines: 100,000 rows, one intent. */
export async function seed(name: string): Promise<number> {
  const ws = await openWorkspace(new WaypointDB(name));
  try {
    await runIntent(ws, 'benchSeedSync', async (w) => {
      const accounts = await w.insertMany<AccountFields>(
        'accounts',
        syntheticAccounts(ACCOUNTS, 7).map((f) => defaultAccountFields(f)),
      );
      for (let m = 0; m < MAPS; m++) {
        const accountId = accounts[m]!.id;
        const map = syntheticMap(PEOPLE_PER_MAP, m + 1);
        const people = await w.insertMany<PersonFields>(
          'people',
          map.people.map((p, i) => ({ ...p.fields, accountId, x: (i % 20) * 240, y: Math.floor(i / 20) * 120 })),
        );
        await w.insertMany<LineFields>(
          'lines',
          map.lines.slice(0, LINES_PER_MAP).map((l) => ({ accountId, from: people[l.from]!.id, to: people[l.to]!.id, kind: l.kind })),
        );
      }
    });
    return ACCOUNTS + MAPS * (PEOPLE_PER_MAP + LINES_PER_MAP);
  } finally {
    ws.db.close();
  }
}

/** The same rows written with plain IndexedDB: the same stores and indexes, one strict transaction. */
function rawPut(name: string, tables: Readonly<Record<string, readonly AnyRow[]>>): Promise<number> {
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
      tx.oncomplete = () => {
        const ms = performance.now() - t0;
        db.close();
        resolve(ms);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

export interface SyncRound {
  rows: number;
  exportMs: number;
  fileBytes: number;
  importMs: number;
  /** Merging the same file again: every row compared, nothing written. */
  reimportMs: number;
  /** Its stages: the backup of the 100,000-row workspace, then the merge (reads, parse, checks, compare). */
  reimportBackupMs: number;
  reimportMergeMs: number;
  /** The longest main-thread task (PerformanceObserver "longtask") during the first import. */
  longestTaskMs: number;
  rawMs: number;
  /** The first import by stage: opening the file (in a worker), the backup before it, the merge (which parses and checks each batch of rows). */
  decodeMs: number;
  /** Parts of decodeMs: the worker's start and the header, gunzip and scan, the body's frame. */
  startMs: number;
  unpackMs: number;
  frameMs: number;
  backupMs: number;
  mergeMs: number;
}

/** One round: seed, export everything, import into an empty workspace, import again, raw write. */
export async function syncRound(round: number): Promise<SyncRound> {
  const src = `bench-sync-src-${round}`;
  const dst = `bench-sync-dst-${round}`;
  const raw = `bench-sync-raw-${round}`;
  for (const n of [src, dst, raw, `${dst}-backups`]) await drop(n);
  const rows = await seed(src);
  const source = await openWorkspace(new WaypointDB(src));
  const t0 = performance.now();
  const file = await exportSyncFile(source, { scope: { kind: 'everything' }, appVersion: 'bench', deviceName: 'Bench source' });
  const exportMs = performance.now() - t0;
  source.db.close();

  const target = await openWorkspace(new WaypointDB(dst));
  const store = new BackupDB(`${dst}-backups`);
  const ctx = { ws: target, store, appVersion: 'bench', deviceName: 'Bench target' };
  // The longest main-thread task while importing: decoding runs in a worker, the merge here.
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const t1 = performance.now();
  const marks: Partial<Record<string, number>> = {};
  const result = await importBytes(ctx, file.bytes, null, new Date(), (stage) => {
    marks[stage] = performance.now();
  });
  const importMs = performance.now() - t1;
  const backupAt = marks.backingUp ?? t1;
  const mergeAt = marks.merging ?? backupAt;
  const at = (stage: string, fallback: number): number => marks[stage] ?? fallback;
  const readAt = at('reading', backupAt);
  const unpackAt = at('unpacking', readAt);
  const stages = {
    decodeMs: backupAt - t1,
    startMs: unpackAt - t1,
    unpackMs: readAt - unpackAt,
    frameMs: backupAt - readAt,
    backupMs: mergeAt - backupAt,
    mergeMs: t1 + importMs - mergeAt,
  };
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  const longestTaskMs = tasks.length === 0 ? 0 : Math.max(...tasks);
  if (result.added !== rows) throw new Error(`imported ${result.added} of ${rows} rows`);
  const t2 = performance.now();
  const again: Partial<Record<string, number>> = {};
  await importBytes(ctx, file.bytes, null, new Date(), (stage) => {
    again[stage] = performance.now();
  });
  const reimportMs = performance.now() - t2;
  // Into a workspace of 100,000 rows, the backup before the merge is the whole workspace.
  const reimportBackupMs = (again.merging ?? t2) - (again.backingUp ?? t2);
  const reimportMergeMs = t2 + reimportMs - (again.merging ?? t2);
  target.db.close();
  store.close();

  const decoded = await decodeChecked(file.bytes, null, latestAllowed(new Date()));
  const rawMs = await rawPut(raw, decoded.tables);
  for (const n of [src, dst, raw, `${dst}-backups`]) await drop(n);
  return {
    rows,
    exportMs,
    fileBytes: file.bytes.length,
    importMs,
    reimportMs,
    reimportBackupMs,
    reimportMergeMs,
    rawMs,
    longestTaskMs,
    ...stages,
  };
}
