import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_CHECK_SETTINGS } from '@shared/domain/checks';
import { healthByAccount } from '@shared/domain/portfolioHealth';
import { accountRoadmapFacts } from '@shared/domain/roadmapView';
import { readRows } from '@shared/domain/tables';
import type { AccountRow } from '../../../db/database';
import { useWorkspace } from '../../../db/context';
import { useToday } from '../../../lib/today';
import { useSettings } from '../../../stores/settings';
import { useRoadmapData } from '../../roadmap';

/**
 * Every account's health, read after the figures (plans, actions, maps and the roadmap are more
 * rows than the accounts): the views draw first and the health fills in; undefined meanwhile.
 */
export function usePortfolioHealth(accounts: readonly AccountRow[] | undefined): ReadonlyMap<string, number> | undefined {
  const { db } = useWorkspace();
  const today = useToday();
  const freshness = useSettings((s) => s.freshness);
  const roadmap = useRoadmapData();
  const rows = useLiveQuery(async () => {
    const [plans, actions, people, contacts] = await Promise.all([
      db.plans.toArray().then((r) => readRows('plans', r)),
      db.actions.toArray().then((r) => readRows('actions', r)),
      db.people.toArray().then((r) => readRows('people', r)),
      db.contacts.toArray().then((r) => readRows('contacts', r)),
    ]);
    return { plans, actions, people, contacts };
  }, [db]);
  return useMemo(() => {
    if (!accounts || !rows || !roadmap) return undefined;
    return healthByAccount({ accounts, ...rows, roadmap: (id) => accountRoadmapFacts(roadmap, id) }, today, {
      ...DEFAULT_CHECK_SETTINGS,
      freshness,
    });
  }, [accounts, rows, roadmap, today, freshness]);
}
