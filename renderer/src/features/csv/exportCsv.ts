import { readRows, type RuleTable } from '@shared/domain/tables';
import { exportCsv, type CsvExportOptions, type CsvExportTable, type ExportSource } from '@shared/csv/export';
import type { SaveFileResult } from '@shared/bridge';
import type {
  AccountRow,
  ActionRow,
  LineRow,
  ObjectiveRow,
  PersonRow,
  PlanRow,
  RequestRow,
  RetreatRow,
  RoadmapItemRow,
} from '../../db/database';
import type { Workspace } from '../../db/workspace';
import type { SyncedTable } from '../../db/schema';

/** Rows per read: one read of 70,000 people would be one long task on the main thread (the benchmark saw 2.4 s). */
const PAGE = 2_000;

/** The live rows of one table as the screens read them (rules applied, tombstones left out), read in pages by id. */
async function liveRows<T extends { id: string; deleted: boolean }>(
  ws: Pick<Workspace, 'db'>,
  table: RuleTable & SyncedTable,
): Promise<T[]> {
  const t = ws.db.table<T, string>(table);
  const out: T[] = [];
  let last: string | null = null;
  for (;;) {
    const page: T[] = await (last === null ? t.orderBy(':id') : t.where(':id').above(last)).limit(PAGE).toArray();
    for (const r of readRows(table, page)) if (!r.deleted) out.push(r);
    if (page.length < PAGE) return out;
    last = page[page.length - 1]!.id;
  }
}

/** Everything the four CSV tables are made of, read in one read-only transaction (one consistent picture). */
export async function readExportSource(ws: Pick<Workspace, 'db'>): Promise<ExportSource> {
  const db = ws.db;
  return db.transaction(
    'r',
    [db.accounts, db.people, db.lines, db.plans, db.objectives, db.actions, db.roadmapItems, db.requests, db.retreats],
    async () => {
      const [accounts, people, lines, plans, objectives, actions, items, requests, retreats] = await Promise.all([
        liveRows<AccountRow>(ws, 'accounts'),
        liveRows<PersonRow>(ws, 'people'),
        liveRows<LineRow>(ws, 'lines'),
        liveRows<PlanRow>(ws, 'plans'),
        liveRows<ObjectiveRow>(ws, 'objectives'),
        liveRows<ActionRow>(ws, 'actions'),
        liveRows<RoadmapItemRow>(ws, 'roadmapItems'),
        liveRows<RequestRow>(ws, 'requests'),
        liveRows<RetreatRow>(ws, 'retreats'),
      ]);
      return { accounts, people, lines, plans, objectives, actions, items, requests, retreats };
    },
  );
}

export interface CsvExportBytes {
  readonly table: CsvExportTable;
  readonly name: string;
  /** UTF-8 (with a byte-order mark when asked for). */
  readonly bytes: Uint8Array;
  readonly rows: number;
}

/** The chosen tables of the workspace as UTF-8 CSV files: accounts.csv, people.csv, plans.csv, requests.csv. */
export async function exportCsvFiles(
  ws: Pick<Workspace, 'db'>,
  tables: readonly CsvExportTable[],
  opts: CsvExportOptions = {},
): Promise<CsvExportBytes[]> {
  const source = await readExportSource(ws);
  const encoder = new TextEncoder();
  // TextEncoder writes U+FEFF as the three BOM bytes EF BB BF.
  return exportCsv(source, tables, opts).map((f) => ({ table: f.table, name: f.name, bytes: encoder.encode(f.text), rows: f.rows }));
}

export type SaveFile = (request: {
  suggestedName: string;
  data: Uint8Array;
  filters: Array<{ name: string; extensions: string[] }>;
}) => Promise<SaveFileResult>;

export interface SavedCsv {
  readonly table: CsvExportTable;
  /** The name the file was saved under (the user may have changed it in the dialog). */
  readonly name: string;
  readonly rows: number;
}

/**
 * Saves each file through the Bridge's save dialog, one after the other (the user may rename or
 * cancel each); returns the files saved, in order.
 */
export async function saveCsvFiles(files: readonly CsvExportBytes[], save: SaveFile, fileType: string): Promise<SavedCsv[]> {
  const saved: SavedCsv[] = [];
  for (const f of files) {
    const result = await save({ suggestedName: f.name, data: f.bytes, filters: [{ name: fileType, extensions: ['csv'] }] });
    if (result.saved) saved.push({ table: f.table, name: result.name, rows: f.rows });
  }
  return saved;
}
