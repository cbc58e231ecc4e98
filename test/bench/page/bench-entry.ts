// Runs inside Chromium on the app's origin: the same repository code the app uses.
import { defaultAccountFields, invalidAccountFields } from '@shared/domain/account';
import { createRows } from '@shared/sync/row';
import { WaypointDB } from '../../../renderer/src/db/database';
import { openWorkspace } from '../../../renderer/src/db/workspace';
import { createAccounts } from '../../../renderer/src/db/accounts';
import { syntheticAccounts } from '../synthetic';

function rawPut(name: string, rows: readonly object[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('accounts', { keyPath: 'id' });
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('name', 'name');
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const t0 = performance.now();
      const tx = db.transaction('accounts', 'readwrite', { durability: 'strict' });
      const store = tx.objectStore('accounts');
      for (const r of rows) store.put(r);
      tx.oncomplete = () => {
        const ms = performance.now() - t0;
        db.close();
        resolve(ms);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function drop(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** One round: 10,000 accounts through the repository, then the same rows through raw IndexedDB put. */
async function insertRound(i: number, count: number): Promise<{ repoMs: number; rawMs: number; prepareMs: number }> {
  const fields = syntheticAccounts(count, i);
  const repoName = `bench-repo-${i}`;
  const rawName = `bench-raw-${i}`;
  await drop(repoName);
  await drop(rawName);
  const ws = await openWorkspace(new WaypointDB(repoName));
  const t0 = performance.now();
  const { accounts } = await createAccounts(ws, fields);
  const repoMs = performance.now() - t0;
  // The repository's own JavaScript (defaults, field checks, ids, stamps) on the same input, without IndexedDB.
  const tp = performance.now();
  const prepared = fields.map((f) => defaultAccountFields(f)).filter((f) => invalidAccountFields(f).length === 0);
  createRows(prepared, prepared.map(() => crypto.randomUUID()), accounts[0]!.updatedAt);
  const prepareMs = performance.now() - tp;
  ws.db.close();
  // The raw side writes exactly the rows the repository wrote (same ids, stamps, sizes).
  const rawMs = await rawPut(rawName, accounts);
  await drop(repoName);
  await drop(rawName);
  return { repoMs, rawMs, prepareMs };
}

async function seedApp(count: number): Promise<void> {
  const ws = await openWorkspace(new WaypointDB());
  await createAccounts(ws, syntheticAccounts(count, 99));
  ws.db.close();
}

declare global {
  interface Window {
    waypointBench: { insertRound: typeof insertRound; seedApp: typeof seedApp; ready: boolean };
  }
}
window.waypointBench = { insertRound, seedApp, ready: true };
