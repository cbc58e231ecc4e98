import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { toListItem, type AccountListItem } from '@shared/domain/accountList';
import { stampTime } from '@shared/sync/hlc';
import { useWorkspace } from '../../../db/context';
import { readReporting } from './useReporting';

/**
 * Every live account as list items; undefined while loading. Filtering happens in memory (fast).
 * The settings row is read in the same query, so a changed rate rebuilds the items (and their
 * amounts in the reporting currency) once, and sorting never converts.
 */
export function useAccountList(): AccountListItem[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const [rows, reporting] = await Promise.all([db.accounts.toArray().then((r) => readRows('accounts', r)), readReporting(db)]);
    const out: AccountListItem[] = [];
    for (const r of rows) if (!r.deleted) out.push(toListItem(r, stampTime(r.updatedAt), reporting));
    return out;
  }, [db]);
}
