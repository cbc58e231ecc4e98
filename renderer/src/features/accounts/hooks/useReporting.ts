import { useLiveQuery } from 'dexie-react-hooks';
import type { Reporting } from '@shared/domain/accountList';
import type { WaypointDB } from '../../../db/database';
import { readWorkspaceSettings } from '../../../db/portfolio';
import { useWorkspace } from '../../../db/context';

/** The workspace's reporting currency and rates: the list needs only this, not the roadmap's tables. */
export async function readReporting(db: WaypointDB): Promise<Reporting> {
  const s = await readWorkspaceSettings(db);
  return { currency: s.currency, rates: s.rates };
}

/** The reporting currency and rates, live; undefined while loading. */
export function useReporting(): Reporting | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => readReporting(db), [db]);
}
