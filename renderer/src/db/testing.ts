import { afterEach } from 'vitest';
import { WaypointDB } from './database';
import { openWorkspace, type Workspace } from './workspace';

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
