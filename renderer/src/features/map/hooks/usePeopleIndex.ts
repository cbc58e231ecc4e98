import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { useWorkspace } from '../../../db/context';

export interface PersonHit {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly title: string;
  readonly haystack: string;
}

/** Everyone on every map, for global search (names, titles, departments). */
export function usePeopleIndex(): PersonHit[] | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const rows = readRows('people', await db.people.toArray());
    return rows
      .filter((p) => !p.deleted && !p.placeholder)
      .map((p) => ({
        id: p.id,
        accountId: p.accountId,
        name: p.name,
        title: p.title,
        haystack: `${p.name} ${p.title} ${p.department}`.toLowerCase(),
      }));
  }, [db]);
}
