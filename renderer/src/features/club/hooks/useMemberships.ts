import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import type { MemberStatus } from '@shared/domain/club';
import { useWorkspace } from '../../../db/context';

/** Club status per account (one small table read), for badges in lists and headers. */
export function useMemberships(): ReadonlyMap<string, MemberStatus> {
  const { db } = useWorkspace();
  return (
    useLiveQuery(
      async () =>
        new Map(
          readRows('members', await db.members.toArray())
            .filter((m) => !m.deleted)
            .map((m) => [m.accountId, m.status]),
        ),
      [db],
    ) ?? EMPTY
  );
}
const EMPTY: ReadonlyMap<string, MemberStatus> = new Map();
