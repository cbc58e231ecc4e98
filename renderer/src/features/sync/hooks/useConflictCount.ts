import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../../db/context';
import { openConflictCount } from '../../../db/sync/conflicts';

/** How many merge losers wait for review (the sidebar shows it). */
export function useConflictCount(): number {
  const ws = useWorkspace();
  return useLiveQuery(() => openConflictCount(ws), [ws], 0);
}
