import { useLiveQuery } from 'dexie-react-hooks';
import { readRow } from '@shared/domain/tables';
import type { AccountRow } from '../../../db/database';
import { useWorkspace } from '../../../db/context';

/** One account, null when missing or deleted, undefined while loading. */
export function useAccount(id: string): AccountRow | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const row = await db.accounts.get(id);
    return row && !row.deleted ? readRow('accounts', row) : null;
  }, [db, id]);
}
