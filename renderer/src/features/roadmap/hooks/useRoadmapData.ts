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
 * Which accounts come with the roadmap: every one (the roadmap screens pick funders and
 * requesters from them), or only those its requests and quotes name — all a figure about the
 * roadmap needs, and a few rows instead of the whole accounts table (an account page of a
 * workspace with 10,000 accounts read them all at every open and every edit).
 */
export type RoadmapAccounts = 'all' | 'referenced';

/**
 * The whole roadmap as live rows: items, requests, quotes, capacity, settings and the
 * accounts they refer to. A roadmap holds hundreds of rows, not thousands: reading it whole
 * keeps every derived figure (demand, loads, guardrails) one pure function away.
 */
export function useRoadmapData(accounts: RoadmapAccounts = 'all'): RoadmapRows | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const [items, requests, quotes, capacity, settings, workspace] = await Promise.all([
      db.roadmapItems.toArray().then((r) => readRows('roadmapItems', r)),
      db.requests.toArray().then((r) => readRows('requests', r)),
      db.quotes.toArray().then((r) => readRows('quotes', r)),
      db.capacity.toArray().then((r) => readRows('capacity', r)),
      db.settings.get(ROADMAP_SETTINGS_ID).then((r) => r && readRow('settings', r)),
      readWorkspaceSettings(db),
    ]);
    const accountRows =
      accounts === 'all'
        ? await db.accounts.toArray()
        : (
            await db.accounts.bulkGet([
              ...new Set([...requests.map((r) => r.accountId), ...quotes.flatMap((q) => q.funders.map((f) => f.accountId))]),
            ])
          ).filter((a) => a !== undefined);
    const liveAccounts = new Map(
      readRows('accounts', accountRows)
        .filter((a) => !a.deleted)
        .map((a) => [a.id, a]),
    );
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
  }, [db, accounts]);
}
