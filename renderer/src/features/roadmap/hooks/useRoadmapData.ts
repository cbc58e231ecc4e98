import { useLiveQuery } from 'dexie-react-hooks';
import { readRow, readRows } from '@shared/domain/tables';
import { resolveSettings, ROADMAP_SETTINGS_ID } from '@shared/domain/roadmap';
import type { Quarter } from '@shared/domain/quarter';
import type { RoadmapData } from '@shared/domain/roadmapView';
import type { AccountRow, QuoteRow, RequestRow, RoadmapItemRow } from '../../../db/database';
import { useWorkspace } from '../../../db/context';
import { readWorkspaceSettings } from '../../../db/portfolio';

export interface RoadmapRows extends RoadmapData {
  readonly items: readonly RoadmapItemRow[];
  readonly requests: readonly RequestRow[];
  readonly quotes: readonly QuoteRow[];
  readonly accounts: ReadonlyMap<string, AccountRow>;
}

/**
 * The whole roadmap as live rows: items, requests, quotes, capacity, settings and the
 * accounts they refer to. A roadmap holds hundreds of rows, not thousands: reading it whole
 * keeps every derived figure (demand, loads, guardrails) one pure function away.
 */
export function useRoadmapData(): RoadmapRows | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const [items, requests, quotes, capacity, settings, accounts, workspace] = await Promise.all([
      db.roadmapItems.toArray().then((r) => readRows('roadmapItems', r)),
      db.requests.toArray().then((r) => readRows('requests', r)),
      db.quotes.toArray().then((r) => readRows('quotes', r)),
      db.capacity.toArray().then((r) => readRows('capacity', r)),
      db.settings.get(ROADMAP_SETTINGS_ID).then((r) => r && readRow('settings', r)),
      db.accounts.toArray().then((r) => readRows('accounts', r)),
      readWorkspaceSettings(db),
    ]);
    const liveAccounts = new Map(accounts.filter((a) => !a.deleted).map((a) => [a.id, a]));
    return {
      items: items.filter((i) => !i.deleted),
      requests: requests.filter((r) => !r.deleted && liveAccounts.has(r.accountId)),
      quotes: quotes.filter((q) => !q.deleted),
      capacity: new Map(capacity.filter((c) => !c.deleted).map((c) => [c.quarter, c.engineerMonths] as [Quarter, number])),
      // Demand is summed and quotes priced in the workspace's reporting currency, at its rates.
      settings: {
        ...resolveSettings(settings && !settings.deleted ? settings : undefined),
        currency: workspace.currency,
        rates: workspace.rates,
      },
      accounts: liveAccounts,
    };
  }, [db]);
}
