import { useLiveQuery } from 'dexie-react-hooks';
import { useWorkspace } from '../../../db/context';

/** How many merge losers wait for review (the sidebar shows it). */
export function useConflictCount(): number {
  const ws = useWorkspace();
  return useLiveQuery(() => ws.db.conflicts.count(), [ws], 0);
}
