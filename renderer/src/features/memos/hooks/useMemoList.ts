import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import type { MemoRow } from '../../../db/database';
import { useWorkspace } from '../../../db/context';

/** Every live memo, newest change first; undefined while loading. */
export function useMemoList(): readonly MemoRow[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = readRows('memos', await db.memos.toArray()).filter((m) => !m.deleted);
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }, [db]);
}

/** The memos drafted from one roadmap item or one account (the links on their pages). */
export function useMemosFor(source: { readonly itemId: string } | { readonly accountId: string }): readonly MemoRow[] | undefined {
  const { db } = useWorkspace();
  const [index, key] = 'itemId' in source ? (['itemId', source.itemId] as const) : (['accountId', source.accountId] as const);
  return useLiveQuery(async () => {
    const rows = readRows('memos', await db.memos.where(index).equals(key).toArray()).filter((m) => !m.deleted);
    return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }, [db, index, key]);
}
