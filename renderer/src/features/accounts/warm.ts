import type { WaypointDB } from '../../db/database';
import { warmQuery } from '../../db/sharedQuery';
import { mapDataQuery } from '../map';
import { plansQuery } from '../plans';
import { accountQuery } from './hooks/useAccount';

/**
 * Starts the reads an account's page makes (its row, plans and map) before the page mounts: at
 * a start on that page they run while the workspace opens, and the page's first render has them.
 */
export function warmAccountPage(db: WaypointDB, id: string): void {
  warmQuery(db, accountQuery(db, id));
  warmQuery(db, plansQuery(db, id));
  warmQuery(db, mapDataQuery(db, id));
}
