import { describe, expect, it } from 'vitest';
import { coverage, DEFAULT_RECENT_DAYS, type CoverageGap } from './coverage';
import { addDays, asIsoDate, type IsoDate } from './dates';
import { ORG_LEVELS, type OrgLevel, type Stance } from './stakeholders';

const TODAY = asIsoDate('2025-06-15');

interface Row {
  id: string;
  department: string;
  orgLevel: OrgLevel;
  stance: Stance;
  placeholder?: boolean;
  /** Days since the last contact; absent: never contacted. */
  ago?: number;
}

const build = (rows: readonly Row[]) => {
  const people = rows.map((r) => ({
    id: r.id,
    department: r.department,
    orgLevel: r.orgLevel,
    stance: r.stance,
    placeholder: r.placeholder ?? false,
  }));
  const last = new Map<string, IsoDate>();
  for (const r of rows) if (r.ago !== undefined) last.set(r.id, addDays(TODAY, -r.ago));
  return { people, last };
};

/** The hand-built account of these tests. */
const ROWS: readonly Row[] = [
  { id: 'fin-dir', department: 'Finance', orgLevel: 'director', stance: 'neutral', ago: 40 },
  // a placeholder CFO: marks Finance as relevant, but is nobody yet, so neither its stance nor its contact count
  { id: 'fin-cfo', department: 'Finance', orgLevel: 'cLevel', stance: 'champion', placeholder: true, ago: 1 },
  { id: 'it-cio', department: 'IT', orgLevel: 'cLevel', stance: 'champion', ago: 10 },
  { id: 'it-dir', department: 'IT', orgLevel: 'director', stance: 'skeptic' },
  { id: 'it-ic', department: ' IT ', orgLevel: 'ic', stance: 'supporter', ago: 30 }, // trimmed into IT; 30 days is still recent
  { id: 'ops-vp', department: 'Operations', orgLevel: 'vp', stance: 'opponent', ago: 31 }, // 31 days: not recent
  { id: 'ops-mgr', department: 'Operations', orgLevel: 'manager', stance: 'neutral', placeholder: true },
  { id: 'sales-vp', department: 'Sales', orgLevel: 'vp', stance: 'neutral', placeholder: true },
  { id: 'loose', department: '', orgLevel: 'ic', stance: 'neutral', ago: 5 }, // no department: counts for levels only
];

describe('coverage', () => {
  const { people, last } = build(ROWS);
  const c = coverage(people, last, TODAY);

  it('fills one cell per org level, placeholders not counted as known', () => {
    expect(c.levels).toEqual({
      cLevel: { known: 1, supporter: true, recentContact: true }, // the CIO, 10 days ago
      vp: { known: 1, supporter: false, recentContact: false }, // the Operations VP opposes, 31 days ago
      director: { known: 2, supporter: false, recentContact: false }, // neutral 40 days ago, skeptic never
      manager: { known: 0, supporter: false, recentContact: false }, // only a placeholder
      ic: { known: 2, supporter: true, recentContact: true },
    });
    expect(c.levelsCovered).toBe(4);
  });

  it('lists departments sorted, trimmed, without the empty one', () => {
    expect(c.departments.map((d) => d.department)).toEqual(['Finance', 'IT', 'Operations', 'Sales']);
    const byName = new Map(c.departments.map((d) => [d.department, d]));
    expect(byName.get('Finance')).toEqual({
      department: 'Finance',
      cell: { known: 1, supporter: false, recentContact: false },
      levels: { cLevel: 0, vp: 0, director: 1, manager: 0, ic: 0 },
    });
    expect(byName.get('IT')).toEqual({
      department: 'IT',
      cell: { known: 3, supporter: true, recentContact: true },
      levels: { cLevel: 1, vp: 0, director: 1, manager: 0, ic: 1 },
    });
    expect(byName.get('Sales')?.cell).toEqual({ known: 0, supporter: false, recentContact: false });
  });

  it('names the gaps: levels first, then department by department', () => {
    const expected: CoverageGap[] = [
      { kind: 'levelNoSupporter', level: 'vp' },
      { kind: 'levelNoRecentContact', level: 'vp' },
      { kind: 'levelNoSupporter', level: 'director' },
      { kind: 'levelNoRecentContact', level: 'director' },
      { kind: 'levelUnknown', level: 'manager' },
      // "no one known at C-level in Finance" although a placeholder CFO is drawn
      { kind: 'levelUnknownInDepartment', level: 'cLevel', department: 'Finance' },
      { kind: 'levelUnknownInDepartment', level: 'vp', department: 'Finance' },
      { kind: 'departmentNoSupporter', department: 'Finance' },
      { kind: 'departmentNoRecentContact', department: 'Finance' },
      { kind: 'levelUnknownInDepartment', level: 'vp', department: 'IT' },
      { kind: 'levelUnknownInDepartment', level: 'cLevel', department: 'Operations' },
      { kind: 'departmentNoSupporter', department: 'Operations' },
      { kind: 'departmentNoRecentContact', department: 'Operations' },
      // Sales has only a placeholder: decision levels unknown, but no supporter/contact gaps for nobody
      { kind: 'levelUnknownInDepartment', level: 'cLevel', department: 'Sales' },
      { kind: 'levelUnknownInDepartment', level: 'vp', department: 'Sales' },
    ];
    expect(c.gaps).toEqual(expected);
  });

  it('names level gaps below VP only for the whole account, never per department', () => {
    const perDepartmentLevels = c.gaps.flatMap((g) => (g.kind === 'levelUnknownInDepartment' ? [g.level] : []));
    expect(new Set(perDepartmentLevels)).toEqual(new Set(['cLevel', 'vp']));
  });

  it('honours a longer recent window', () => {
    // 45 days: the Finance director (40) and the Operations VP (31) become recent
    const wide = coverage(people, last, TODAY, 45);
    expect(wide.levels.vp.recentContact).toBe(true);
    expect(wide.levels.director.recentContact).toBe(true);
    expect(wide.gaps).not.toContainEqual({ kind: 'departmentNoRecentContact', department: 'Finance' });
    expect(wide.gaps).not.toContainEqual({ kind: 'levelNoRecentContact', level: 'vp' });
    expect(DEFAULT_RECENT_DAYS).toBe(30);
  });

  it('treats a contact dated in the future as recent', () => {
    const { people: p, last: l } = build([{ id: 'a', department: 'IT', orgLevel: 'cLevel', stance: 'champion', ago: -3 }]);
    expect(coverage(p, l, TODAY).levels.cLevel).toEqual({ known: 1, supporter: true, recentContact: true });
  });

  it('reports every level unknown on an empty map', () => {
    const empty = coverage([], new Map(), TODAY);
    expect(empty.levelsCovered).toBe(0);
    expect(empty.departments).toEqual([]);
    expect(empty.gaps).toEqual(ORG_LEVELS.map((level) => ({ kind: 'levelUnknown', level })));
  });

  it('is full when every level and department is known, supportive and recent', () => {
    const rows: Row[] = ORG_LEVELS.map((orgLevel, i) => ({ id: `p${i}`, department: 'IT', orgLevel, stance: 'supporter', ago: i }));
    const { people: p, last: l } = build(rows);
    const full = coverage(p, l, TODAY);
    expect(full.levelsCovered).toBe(5);
    expect(full.gaps).toEqual([]);
  });
});

describe('coverage of rows that break the rules', () => {
  it('never throws on a non-text department, an unknown level or stance, or a bad contact date', () => {
    const rows = [
      { id: 'n', department: 42, orgLevel: 'cLevel', stance: 'champion', placeholder: false },
      { id: 'o', department: { toString: 1 }, orgLevel: 'vp', stance: 'fan', placeholder: false },
      { id: 'u', department: undefined, orgLevel: 'intern', stance: 'supporter', placeholder: 'yes' },
      { id: 'x', department: null, orgLevel: null, stance: null, placeholder: null },
      null,
    ] as unknown as Parameters<typeof coverage>[0];
    const last = new Map<string, unknown>([
      ['n', 'not a date'],
      ['o', 7],
    ]) as Map<string, IsoDate>;
    const c = coverage(rows, last, TODAY);
    // a number is written out; anything else is no department
    expect(c.departments.map((d) => d.department)).toEqual(['42']);
    expect(c.levels.cLevel).toEqual({ known: 1, supporter: true, recentContact: false });
    // an unknown stance does not support us; an unknown level is counted under no level
    expect(c.levels.vp).toEqual({ known: 1, supporter: false, recentContact: false });
    expect(ORG_LEVELS.reduce((n, l) => n + c.levels[l].known, 0)).toBe(2);
    expect(c.levelsCovered).toBe(2);
  });
});
