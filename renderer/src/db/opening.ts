import type { WaypointDB } from './database';

/**
 * What the database tells the window while it opens and while it is open. db/ knows nothing of
 * screens: main.tsx turns these into messages.
 */
export interface ConnectionEvents {
  /**
   * Another window holds an older connection and has not let go. The open is not refused: it
   * waits, and goes on by itself as soon as that window closes or reloads.
   */
  readonly onBlocked?: () => void;
  /**
   * A newer Waypoint (another window) is upgrading the database, or deleting it (`newVersion`
   * null). This connection has been closed for good; only a reload opens it again.
   */
  readonly onVersionChange?: (change: { readonly newVersion: number | null }) => void;
}

/** Subscribes before `open()`: `blocked` fires while the open request waits. */
export function watchConnection(db: WaypointDB, events: ConnectionEvents): void {
  db.on('versionchange', (e: IDBVersionChangeEvent) => {
    // Dexie's own handler closes too, but leaves auto-open on: the next live query would open
    // the upgraded database with this window's older schema and code. Close for good instead,
    // and return false so that handler (which would switch auto-open back on) does not run.
    db.close({ disableAutoOpen: true });
    events.onVersionChange?.({ newVersion: e.newVersion ?? null });
    return false;
  });
  db.on('blocked', () => events.onBlocked?.());
}

/** Why the database could not be opened, as far as the window can act on it. */
export type OpenFailure = 'unavailable' | 'noSpace' | 'other';

const UNAVAILABLE = new Set(['MissingAPIError', 'InvalidStateError', 'SecurityError']);

/**
 * IndexedDB missing (or refused: private modes, storage switched off) says InvalidState,
 * Security or MissingAPI; a full disk says QuotaExceeded. Dexie wraps some in OpenFailedError.
 */
export function openFailure(err: unknown): OpenFailure {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { inner?: unknown }).inner, depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name !== 'string') continue;
    if (UNAVAILABLE.has(name)) return 'unavailable';
    if (name === 'QuotaExceededError') return 'noSpace';
  }
  return 'other';
}
