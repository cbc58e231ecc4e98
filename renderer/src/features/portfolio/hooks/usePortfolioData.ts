import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import { readChunked } from '../../../db/chunked';
import { toPortfolio, type Portfolio } from '@shared/domain/portfolio';
import type { WorkspaceSettings } from '@shared/domain/workspace';
import type { AccountRow, SegmentRow, WaypointDB } from '../../../db/database';
import { readWorkspaceSettings } from '../../../db/portfolio';
import { useWorkspace } from '../../../db/context';

export interface PortfolioData {
  readonly settings: WorkspaceSettings;
  /** Live accounts, read safely (a damaged row shows its fallbacks, never crashes the page). */
  readonly accounts: readonly AccountRow[];
  readonly segments: readonly SegmentRow[];
  /** Every live account in the reporting currency; views filter it. */
  readonly portfolio: Portfolio;
}

/** Reads what every portfolio view derives from: accounts, segments and the workspace settings. */
export async function readPortfolio(db: WaypointDB): Promise<PortfolioData> {
  const [accounts, segments, settings] = await Promise.all([
    // In the accounts list's chunks: the same queries, so coming from the list they are answered
    // from Dexie's live-query cache instead of reading 10,000 rows again, and no task is long.
    readChunked(db.accounts, (chunk) => readRows('accounts', chunk).filter((a) => !a.deleted)),
    db.segments.toArray().then((r) => readRows('segments', r).filter((s) => !s.deleted)),
    readWorkspaceSettings(db),
  ]);
  segments.sort((a, b) => a.name.localeCompare(b.name));
  return { settings, accounts, segments, portfolio: toPortfolio(accounts, settings) };
}

/** The portfolio, live; undefined while loading. */
export function usePortfolioData(): PortfolioData | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(() => readPortfolio(db), [db]);
}
