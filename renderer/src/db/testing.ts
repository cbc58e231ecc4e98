import { afterEach, expect } from 'vitest';
import { largestStamp, type Row } from '@shared/sync/row';
import { WaypointDB } from './database';
import { openWorkspace, type Intent, type Workspace } from './workspace';

/** For unit tests: a fresh, uniquely named workspace per call, deleted after each test. */
export function freshWorkspaces(): (wall?: () => number) => Promise<Workspace> {
  const dbs: WaypointDB[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });
  return (wall) => {
    const db = new WaypointDB(`t-${crypto.randomUUID()}`);
    dbs.push(db);
    return openWorkspace(db, wall);
  };
}

/** Every row an intent changed stamps each changed field with the intent's one stamp, and updatedAt is its largest stamp. */
export async function expectStamped(ws: Workspace, intent: Intent): Promise<void> {
  expect(intent.changes.length).toBeGreaterThan(0);
  const stamps = new Set<string>();
  for (const c of intent.changes) {
    const row = await ws.db.table<Row<Record<string, unknown>>, string>(c.table).get(c.id);
    if (!row) throw new Error(`${c.table} ${c.id} missing`);
    for (const key of Object.keys(c.after)) {
      const stamp = row.stamps[key];
      expect(stamp).toBeDefined();
      stamps.add(stamp ?? '');
    }
    expect(row.updatedAt).toBe(largestStamp(row.stamps));
  }
  expect(stamps.size).toBe(1);
}
