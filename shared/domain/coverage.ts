import { daysBetween, type IsoDate } from './dates';
import { isSupportive, ORG_LEVELS, textOf, type OrgLevel, type PersonFields } from './stakeholders';

export interface CoverageCell {
  readonly known: number;
  readonly supporter: boolean;
  readonly recentContact: boolean;
}

export type CoverageGap =
  | { readonly kind: 'levelUnknown'; readonly level: OrgLevel }
  | { readonly kind: 'levelNoSupporter'; readonly level: OrgLevel }
  | { readonly kind: 'levelNoRecentContact'; readonly level: OrgLevel }
  | { readonly kind: 'departmentNoSupporter'; readonly department: string }
  | { readonly kind: 'departmentNoRecentContact'; readonly department: string }
  | { readonly kind: 'levelUnknownInDepartment'; readonly level: OrgLevel; readonly department: string };

export interface Coverage {
  readonly levels: Readonly<Record<OrgLevel, CoverageCell>>;
  readonly departments: ReadonlyArray<{
    readonly department: string;
    readonly cell: CoverageCell;
    readonly levels: Readonly<Record<OrgLevel, number>>;
  }>;
  /** Levels with at least one known person ("penetrate all levels"). */
  readonly levelsCovered: number;
  readonly gaps: readonly CoverageGap[];
}

export const DEFAULT_RECENT_DAYS = 30;
/** Decision levels whose absence in a department is named as a gap. */
const DECISION_LEVELS: readonly OrgLevel[] = ['cLevel', 'vp'];

type P = Pick<PersonFields, 'orgLevel' | 'department' | 'stance' | 'placeholder'> & { readonly id: string };

/**
 * Coverage (PRODUCT §2, "penetrate all levels"): per org level and department, whether at
 * least one person is known, one supports us and one was contacted recently; gaps named.
 * Placeholders mark a department as relevant but are not known people. Any stored row is
 * taken: a department that is neither text nor a number counts as none, an unknown level as none.
 */
export function coverage(
  rows: readonly P[],
  last: ReadonlyMap<string, IsoDate>,
  today: IsoDate,
  recentDays: number = DEFAULT_RECENT_DAYS,
): Coverage {
  const people = rows.filter((p) => typeof p === 'object' && p !== null);
  const recent = (p: P) => {
    const d = last.get(p.id);
    return typeof d === 'string' && daysBetween(d, today) <= recentDays;
  };
  const isKnown = (p: P) => p.placeholder !== true;
  const departmentOf = (p: P) => textOf(p.department).trim();
  const cell = (group: readonly P[]): CoverageCell => {
    const known = group.filter(isKnown);
    return { known: known.length, supporter: known.some((p) => isSupportive(p.stance)), recentContact: known.some(recent) };
  };
  const levels = Object.fromEntries(ORG_LEVELS.map((l) => [l, cell(people.filter((p) => p.orgLevel === l))])) as Record<
    OrgLevel,
    CoverageCell
  >;
  const names = [...new Set(people.map(departmentOf).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const departments = names.map((department) => {
    const group = people.filter((p) => departmentOf(p) === department);
    const perLevel = Object.fromEntries(ORG_LEVELS.map((l) => [l, group.filter((p) => isKnown(p) && p.orgLevel === l).length])) as Record<
      OrgLevel,
      number
    >;
    return { department, cell: cell(group), levels: perLevel };
  });
  const gaps: CoverageGap[] = [];
  for (const level of ORG_LEVELS) {
    const c = levels[level];
    if (c.known === 0) gaps.push({ kind: 'levelUnknown', level });
    else {
      if (!c.supporter) gaps.push({ kind: 'levelNoSupporter', level });
      if (!c.recentContact) gaps.push({ kind: 'levelNoRecentContact', level });
    }
  }
  for (const d of departments) {
    for (const level of DECISION_LEVELS)
      if (d.levels[level] === 0) gaps.push({ kind: 'levelUnknownInDepartment', level, department: d.department });
    if (d.cell.known > 0 && !d.cell.supporter) gaps.push({ kind: 'departmentNoSupporter', department: d.department });
    if (d.cell.known > 0 && !d.cell.recentContact) gaps.push({ kind: 'departmentNoRecentContact', department: d.department });
  }
  return { levels, departments, levelsCovered: ORG_LEVELS.filter((l) => levels[l].known > 0).length, gaps };
}
