import type { Position } from '@shared/domain/orgLayout';
import type { CsvMapping, ImportDecision, ImportPlan } from '@shared/csv/types';
import type { CsvExportOptions, CsvExportTable } from '@shared/csv/export';
import type { FileSummary, LineRanges, ReadChoices } from './engine';
import type { CsvExportBytes } from './exportCsv';

/** The messages between the CSV client and its worker (no imports with side effects: both load it). */
export type CsvRequest =
  | { type: 'read'; job: number; fileId: string; name: string; bytes: Uint8Array; choices: ReadChoices }
  | { type: 'header'; job: number; fileId: string; headerIndex: number }
  | { type: 'forget'; job: number; fileId: string }
  | { type: 'rows'; job: number; fileId: string; lines: number[] }
  | { type: 'export'; job: number; dbName: string; tables: CsvExportTable[]; opts: CsvExportOptions }
  | {
      type: 'plan';
      job: number;
      dbName: string;
      mappings: ReadonlyArray<{ fileId: string; mapping: CsvMapping }>;
      decisions: { accounts: Array<[number, ImportDecision]>; people: Array<[number, ImportDecision]> };
    }
  | { type: 'cancel'; job: number };

/** The plan's long lists, sent in parts (one 36 MB message would be one long task to receive on the main thread). */
export const PLAN_LISTS = [
  'accounts.create',
  'accounts.update',
  'accounts.unchanged',
  'people.create',
  'people.update',
  'people.unchanged',
  'lines.create',
  'lines.unchanged',
  'refused',
  'positions',
] as const;
export type PlanList = (typeof PLAN_LISTS)[number];
export const ITEMS_PER_PART = 2_000;

/** The plan's lists taken out (sent in parts), and put back. */
export function splitPlan(
  plan: ImportPlan,
  positions: ReadonlyMap<string, Position>,
): { rest: ImportPlan; lists: Record<PlanList, readonly unknown[]> } {
  const lists: Record<PlanList, readonly unknown[]> = {
    'accounts.create': plan.accounts.create,
    'accounts.update': plan.accounts.update,
    'accounts.unchanged': plan.accounts.unchanged,
    'people.create': plan.people.create,
    'people.update': plan.people.update,
    'people.unchanged': plan.people.unchanged,
    'lines.create': plan.lines.create,
    'lines.unchanged': plan.lines.unchanged,
    refused: plan.refused,
    positions: [...positions],
  };
  const rest: ImportPlan = {
    ...plan,
    accounts: { ...plan.accounts, create: [], update: [], unchanged: [] },
    people: { ...plan.people, create: [], update: [], unchanged: [] },
    lines: { create: [], unchanged: [] },
    refused: [],
  };
  return { rest, lists };
}

export function joinPlan(
  rest: ImportPlan,
  lists: Partial<Record<PlanList, unknown[]>>,
): { plan: ImportPlan; positions: Map<string, Position> } {
  const get = <T>(k: PlanList): T[] => (lists[k] ?? []) as T[];
  return {
    plan: {
      ...rest,
      accounts: { ...rest.accounts, create: get('accounts.create'), update: get('accounts.update'), unchanged: get('accounts.unchanged') },
      people: { ...rest.people, create: get('people.create'), update: get('people.update'), unchanged: get('people.unchanged') },
      lines: { create: get('lines.create'), unchanged: get('lines.unchanged') },
      refused: get('refused'),
    },
    positions: new Map(get<[string, Position]>('positions')),
  };
}

export type CsvReply =
  | { type: 'progress'; job: number; fraction: number }
  | { type: 'file'; job: number; summary: FileSummary }
  | { type: 'plan-part'; job: number; list: PlanList; items: unknown[] }
  | { type: 'plan'; job: number; rest: ImportPlan; ranges: LineRanges }
  | { type: 'rows'; job: number; headers: readonly string[]; rows: ReadonlyArray<{ line: number; cells: readonly string[] }> }
  | { type: 'export'; job: number; files: CsvExportBytes[] }
  | { type: 'cancelled'; job: number }
  | { type: 'done'; job: number }
  | { type: 'failed'; job: number; message: string };
