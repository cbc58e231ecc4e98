import { readRow } from '@shared/domain/tables';
import type { AccountRow, WaypointDB } from '../../../db/database';
import { useWorkspace } from '../../../db/context';
import { useSharedQuery, type SharedQuery } from '../../../db/sharedQuery';

/** One account, null when missing or deleted. */
export const accountQuery = (db: WaypointDB, id: string): SharedQuery<AccountRow | null> => ({
  key: `account:${id}`,
  run: async () => {
    const row = await db.accounts.get(id);
    return row && !row.deleted ? readRow('accounts', row) : null;
  },
});

/** One account, null when missing or deleted, undefined while loading. */
export function useAccount(id: string): AccountRow | null | undefined {
  const { db } = useWorkspace();
  return useSharedQuery(db, accountQuery(db, id));
}
