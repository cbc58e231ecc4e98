import type { AnyRow } from '@shared/sync/merge';
import type { ReviewFields } from '@shared/sync/review';
import type { ConflictRow, ReviewRow } from '../database';
import { RefusedError } from '../refused';
import { SYNCED_TABLES, type SyncedTable } from '../schema';
import { runIntent, type Intent, type Workspace } from '../workspace';

const isSynced = (t: string): t is SyncedTable => (SYNCED_TABLES as readonly string[]).includes(t);

/** A conflict with the row as it is now, for the review list. */
export interface ConflictView {
  readonly conflict: ConflictRow;
  readonly row: AnyRow | undefined;
  readonly current: unknown;
  /** The current value is no longer the one that won (edited again since). */
  readonly changedSince: boolean;
}

export async function listConflicts(ws: Workspace): Promise<ConflictView[]> {
  const conflicts = (await ws.db.conflicts.orderBy('createdAt').reverse().toArray()).filter((c) => c.resolved === undefined);
  const views: ConflictView[] = [];
  for (const c of conflicts) {
    const row = isSynced(c.table) ? await ws.db.table<AnyRow, string>(c.table).get(c.rowId) : undefined;
    // Own properties only: a field named "toString" (from a file) must not read the prototype.
    const current = row
      ? c.field === 'deleted'
        ? row.deleted
        : Object.hasOwn(row, c.field)
          ? (row as Record<string, unknown>)[c.field]
          : undefined
      : undefined;
    const stamp = row && Object.hasOwn(row.stamps, c.field) ? row.stamps[c.field] : undefined;
    views.push({ conflict: c, row, current, changedSince: row !== undefined && stamp !== c.winnerStamp });
  }
  return views;
}

/**
 * "Keep this one instead": writes the value that lost as a new edit (a new stamp, so
 * it wins on every device at the next exchange) and takes the conflict off the list.
 */
export async function keepLosingValue(ws: Workspace, conflictId: string): Promise<{ intent: Intent }> {
  const c = await ws.db.conflicts.get(conflictId);
  if (!c || c.resolved !== undefined || !isSynced(c.table)) throw new RefusedError('sync.conflicts.gone');
  const table = c.table;
  const { intent } = await runIntent(ws, 'keep other value', async (w) => {
    const row = await w.table(table).get(c.rowId);
    if (!row) throw new RefusedError('sync.conflicts.gone');
    await w.update(table, c.rowId, { [c.field]: c.value });
  });
  await settle(ws, [conflictId], 'taken');
  return { intent };
}

/**
 * Marks conflicts settled here and in their synced reviews, so every device takes them off its
 * list at the next exchange. Not an undoable edit: Undo of "use this value" undoes the value.
 */
async function settle(ws: Workspace, ids: readonly string[], how: 'kept' | 'taken'): Promise<void> {
  if (ids.length === 0) return;
  await runIntent(ws, 'settle conflicts', async (w) => {
    for (const id of ids) {
      const review = await w.table<ReviewRow>('reviews').get(id);
      if (review && !review.deleted && review.resolution === 'open') await w.update<ReviewFields>('reviews', id, { resolution: how });
    }
  });
  await ws.db.conflicts.bulkUpdate(ids.map((key) => ({ key, changes: { resolved: how } })));
}

/** "Keep the current value": the conflict was seen and needs nothing more. */
export async function dismissConflict(ws: Workspace, conflictId: string): Promise<void> {
  await settle(ws, [conflictId], 'kept');
}

export async function dismissAllConflicts(ws: Workspace): Promise<void> {
  const open = await ws.db.conflicts.filter((c) => c.resolved === undefined).primaryKeys();
  await settle(ws, open, 'kept');
}

/** Conflicts waiting for review. */
export function openConflictCount(ws: Workspace): Promise<number> {
  return ws.db.conflicts.filter((c) => c.resolved === undefined).count();
}
