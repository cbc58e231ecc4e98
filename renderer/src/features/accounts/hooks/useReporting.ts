import { useLiveQuery } from 'dexie-react-hooks';
import type { Reporting } from '@shared/domain/accountList';
import { resolveSettings, ROADMAP_SETTINGS_ID } from '@shared/domain/roadmap';
import { readRow } from '@shared/domain/tables';
import type { WaypointDB } from '../../../db/database';
import { useWorkspace } from '../../../db/context';

/**
 * The reporting currency and rates, read as the roadmap reads its settings row (useRoadmapData)
 * but without the roadmap's other tables: the list only needs this one row.
 */
export async function readReporting(db: WaypointDB): Promise<Reporting> {
  const row = await db.settings.get(ROADMAP_SETTINGS_ID);
  const s = resolveSettings(row && !row.deleted ? readRow('settings', row) : undefined);
  return { currency: s.currency, rates: s.rates };
}

/** The reporting currency and rates, live; undefined while loading. */
export function useReporting(): Reporting | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => readReporting(db), [db]);
}
