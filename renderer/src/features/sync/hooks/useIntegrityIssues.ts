import { useLiveQuery } from 'dexie-react-hooks';
import type { IntegrityFinding } from '@shared/domain/integrity';
import { useWorkspace } from '../../../db/context';
import { listIntegrityIssues } from '../../../db/integrity';

const NONE: readonly IntegrityFinding[] = [];

/**
 * Rules a merge broke, derived live: they appear at start and after every import or edit with no
 * extra wiring. The list is advice, so a check that cannot run shows nothing rather than taking
 * the page that shows it down.
 */
export function useIntegrityIssues(): readonly IntegrityFinding[] | undefined {
  const ws = useWorkspace();
  return useLiveQuery(
    () =>
      listIntegrityIssues(ws).catch((err: unknown) => {
        console.warn('integrity check failed', err);
        return NONE;
      }),
    [ws],
  );
}
