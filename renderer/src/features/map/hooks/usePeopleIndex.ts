import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { useWorkspace } from '../../../db/context';
import { READ_CHUNK, readChunked } from '../../../db/chunked';

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
  // In chunks: a large workspace has 100,000 people, one read of them all would freeze the window.
  // People rows are larger than accounts: half the usual chunk keeps each delivery under ~100 ms.
  return useLiveQuery(
    () =>
      readChunked(
        db.people,
        (chunk) =>
          readRows('people', chunk)
            .filter((p) => !p.deleted && !p.placeholder)
            .map((p) => ({
              id: p.id,
              accountId: p.accountId,
              name: p.name,
              title: p.title,
              haystack: `${p.name} ${p.title} ${p.department}`.toLowerCase(),
            })),
        READ_CHUNK / 2,
      ),
    [db],
  );
}
