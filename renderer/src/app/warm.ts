import type { WaypointDB } from '../db/database';
import { parseHash } from '../stores/route';
import { warmAccountPage } from '../features/accounts';

/** Starts the reads of the screen the app opens on (from its address), where that screen has them to start. */
export function warmFirstScreen(db: WaypointDB, hash: string): void {
  const route = parseHash(hash);
  if (route.name === 'account') warmAccountPage(db, route.id);
}
