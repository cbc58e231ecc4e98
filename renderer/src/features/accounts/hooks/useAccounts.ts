import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { toListItem, type AccountListItem } from '@shared/domain/accountList';
import { stampTime } from '@shared/sync/hlc';
import { useWorkspace } from '../../../db/context';

/** Every live account as list items; undefined while loading. Filtering happens in memory (fast). */
export function useAccountList(): AccountListItem[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = readRows('accounts', await db.accounts.toArray());
    const out: AccountListItem[] = [];
    for (const r of rows) if (!r.deleted) out.push(toListItem(r, stampTime(r.updatedAt)));
    return out;
  }, [db]);
}
