import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { toListItem, type AccountListItem } from '@shared/domain/accountList';
import { stampTime } from '@shared/sync/hlc';
import { useWorkspace } from '../../../db/context';
import { readChunked } from '../../../db/chunked';
import { readReporting } from './useReporting';

/**
 * Every live account as list items; undefined while loading. Filtering happens in memory (fast).
 * The settings row is read in the same query, so a changed rate rebuilds the items (and their
 * amounts in the reporting currency) once, and sorting never converts.
 */
export function useAccountList(): AccountListItem[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const reporting = await readReporting(db);
    // In chunks, each checked and turned into list items as it arrives: no one long task for 10,000 rows.
    return readChunked(db.accounts, (chunk) => {
      const out: AccountListItem[] = [];
      for (const r of readRows('accounts', chunk)) if (!r.deleted) out.push(toListItem(r, stampTime(r.updatedAt), reporting));
      return out;
    });
  }, [db]);
}
