import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { unheard, type ExecRole } from '@shared/domain/memo';
import { changesSince, freezeFigures, optionFigures, type FigureChange, type OptionFigures } from '@shared/domain/memoFigures';
import { demandByItem } from '@shared/domain/roadmapView';
import { readRow, readRows } from '@shared/domain/tables';
import type { FrozenFigures } from '@shared/domain/memo';
import type { MemoExitRow, MemoOptionRow, MemoRow, MemoViewRow } from '../../../db/database';
import { useWorkspace } from '../../../db/context';
import { useRoadmapData, type RoadmapRows } from '../../roadmap';
import { usePortfolioHealth } from '../../portfolio';

export interface MemoRows {
  readonly memo: MemoRow;
  readonly options: readonly MemoOptionRow[];
  readonly views: readonly MemoViewRow[];
  readonly exits: readonly MemoExitRow[];
  /** The memo it replaces and the one replacing it, when they exist (titles for the links). */
  readonly supersedes: MemoRow | null;
  readonly supersededBy: MemoRow | null;
}

export interface MemoDoc extends MemoRows {
  readonly roadmap: RoadmapRows;
  /** The reporting currency every figure is in. */
  readonly currency: string;
  /** Live figures of each option, in option order (name beside them for the frozen record). */
  readonly figures: ReadonlyArray<OptionFigures & { readonly name: string }>;
  /** What the figures would be frozen as, were the memo decided now. */
  readonly freeze: FrozenFigures;
  /** Once decided: what has changed since, against the figures recorded then. */
  readonly changes: readonly FigureChange[];
  readonly unheard: readonly ExecRole[];
  /** Health of the accounts affected; undefined while it is read. */
  readonly healthReady: boolean;
}

/** One memo's rows, live; null when it does not exist (or was deleted), undefined while loading. */
export function useMemoRows(id: string): MemoRows | null | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const row = await db.memos.get(id);
    if (!row || row.deleted) return null;
    const memo = readRow('memos', row);
    const [options, views, exits, before, after] = await Promise.all([
      db.memoOptions.where('memoId').equals(id).toArray(),
      db.memoViews.where('memoId').equals(id).toArray(),
      db.memoExits.where('memoId').equals(id).toArray(),
      memo.supersedes ? db.memos.get(memo.supersedes) : undefined,
      memo.supersededBy ? db.memos.get(memo.supersededBy) : undefined,
    ]);
    const live = <T extends { deleted: boolean }>(r: T[]) => r.filter((x) => !x.deleted);
    return {
      memo,
      options: live(readRows('memoOptions', options)).sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id)),
      views: live(readRows('memoViews', views)),
      exits: live(readRows('memoExits', exits)),
      supersedes: before && !before.deleted ? readRow('memos', before) : null,
      supersededBy: after && !after.deleted ? readRow('memos', after) : null,
    };
  }, [db, id]);
}

/** Every figure of a memo from its rows and the roadmap: the screen and the printed memo both call this. */
export function deriveMemo(rows: MemoRows, roadmap: RoadmapRows, health: ReadonlyMap<string, number> | undefined): MemoDoc {
  const demand = demandByItem(roadmap);
  const ctx = { roadmap, accounts: roadmap.accounts, exits: rows.exits, demand, ...(health ? { health } : {}) };
  const figures = rows.options.map((o) => ({ ...optionFigures(o, ctx), name: o.name }));
  const currency = roadmap.settings.currency;
  const frozen = rows.memo.decidedFigures;
  return {
    ...rows,
    roadmap,
    currency,
    figures,
    freeze: freezeFigures(currency, figures),
    changes: frozen ? changesSince(frozen, figures, currency) : [],
    unheard: unheard(rows.views),
    healthReady: health !== undefined,
  };
}

/** A memo with its live figures; null when it does not exist, undefined while loading. */
export function useMemoDoc(id: string): MemoDoc | null | undefined {
  const rows = useMemoRows(id);
  const roadmap = useRoadmapData();
  const accounts = useMemo(() => (roadmap ? [...roadmap.accounts.values()] : undefined), [roadmap]);
  const health = usePortfolioHealth(accounts);
  return useMemo(() => {
    if (rows === null) return null;
    if (rows === undefined || !roadmap) return undefined;
    return deriveMemo(rows, roadmap, health);
  }, [rows, roadmap, health]);
}
