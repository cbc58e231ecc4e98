import { decodeCsvBytes, decodeUtf16, decodeWindows1252 } from '@shared/csv/decode';
import { readSheetChunked, withHeader } from '@shared/csv/sheet';
import { autoMap, describeMatch, detectFileKind, type FileKind } from '@shared/csv/fields';
import { convertRows } from '@shared/csv/convert';
import { inferDateOrder } from '@shared/csv/values';
import { planImport } from '@shared/csv/plan';
import { placeImported } from '@shared/csv/place';
import type { Position } from '@shared/domain/orgLayout';
import type {
  AccountRecord,
  CsvDelimiter,
  CsvEncoding,
  CsvMapping,
  CsvSheet,
  DecodedText,
  ExistingWorkspace,
  ImportDecision,
  ImportPlan,
  ImportRecords,
  PersonRecord,
  Reason,
  RowProblem,
} from '@shared/csv/types';

/** What the user may override when a file is read. */
export interface ReadChoices {
  readonly encoding?: CsvEncoding;
  readonly delimiter?: CsvDelimiter;
  readonly headerIndex?: number;
}

/** A file as the mapping screen shows it (the rows stay with the session). */
export interface FileSummary {
  readonly fileId: string;
  readonly name: string;
  readonly bytes: number;
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
  readonly delimiter: CsvDelimiter;
  readonly headerIndex: number;
  readonly headers: readonly string[];
  /** The first rows of the file as parsed, for the header-row picker (cells cut to 60 characters). */
  readonly firstRows: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
  /** Per column: up to three sample values from the first non-empty cells. */
  readonly samples: readonly (readonly string[])[];
  readonly dataRows: number;
  readonly skipped: Readonly<Record<'title' | 'blank' | 'total' | 'footer', number>>;
  readonly problems: readonly RowProblem[];
  readonly kind: FileKind;
  /** The matched mapping, with why each column matched. */
  readonly mapping: CsvMapping;
  readonly reasons: readonly (Reason | null)[];
  /** Dates in the file whose day and month could be either way round (the user must say). */
  readonly ambiguousDates: boolean;
}

/** A refused or ambiguous row as the dry run lists it: in which file, on which line. */
export interface Located {
  readonly fileId: string;
  readonly line: number;
}

/** Where each file's lines start in the plan's numbering (lines are numbered across files). */
export type LineRanges = ReadonlyArray<{ readonly fileId: string; readonly offset: number }>;

export interface PlanResult {
  readonly plan: ImportPlan;
  /** Where each new person goes on their account's map. */
  readonly positions: ReadonlyMap<string, Position>;
  readonly ranges: LineRanges;
}

/** Which file and line a plan line number is. */
export function locate(ranges: LineRanges, line: number): Located {
  let at = ranges[0];
  for (const r of ranges) if (r.offset <= line) at = r;
  return at ? { fileId: at.fileId, line: line - at.offset } : { fileId: '', line };
}

const PREVIEW_ROWS = 15;
const PREVIEW_CELL = 60;
const SAMPLES = 3;

function decodeAs(bytes: Uint8Array, encoding: CsvEncoding | undefined): DecodedText {
  const auto = decodeCsvBytes(bytes);
  if (!encoding || encoding === auto.encoding) return auto;
  const bomLength = auto.bom ? (auto.encoding === 'utf-8' ? 3 : 2) : 0;
  const body = bytes.subarray(bomLength);
  if (encoding === 'windows-1252') return { text: decodeWindows1252(body), encoding, bom: auto.bom };
  if (encoding === 'utf-16le' || encoding === 'utf-16be')
    return { text: decodeUtf16(body, encoding === 'utf-16le'), encoding, bom: auto.bom };
  return { text: new TextDecoder('utf-8', { fatal: false }).decode(body), encoding, bom: auto.bom };
}

function samplesOf(sheet: CsvSheet): string[][] {
  const out = sheet.headers.map(() => [] as string[]);
  let open = out.length;
  for (const row of sheet.data) {
    if (open === 0) break;
    row.cells.forEach((cell, i) => {
      const list = out[i];
      const v = cell.trim();
      if (!list || v === '' || list.length >= SAMPLES || list.includes(v)) return;
      list.push(v.length > PREVIEW_CELL ? `${v.slice(0, PREVIEW_CELL)}…` : v);
      if (list.length === SAMPLES) open--;
    });
  }
  return out;
}

function summarise(fileId: string, name: string, size: number, sheet: CsvSheet): FileSummary {
  const samples = samplesOf(sheet);
  const cells = sheet.data.slice(0, 200).map((r) => r.cells);
  const mapping = autoMap(sheet.headers, cells);
  const skipped = { title: 0, blank: 0, total: 0, footer: 0 };
  for (const s of sheet.skipped) skipped[s.reason]++;
  const dateColumns = mapping.columns.flatMap((t, i) =>
    t === 'account.contractStart' || t === 'account.renewalDate' ? [sheet.data.map((r) => r.cells[i] ?? '')] : [],
  );
  return {
    fileId,
    name,
    bytes: size,
    encoding: sheet.encoding,
    bom: sheet.bom,
    delimiter: sheet.delimiter,
    headerIndex: sheet.headerIndex,
    headers: sheet.headers,
    firstRows: sheet.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      line: r.line,
      cells: r.cells.slice(0, 12).map((c) => (c.length > PREVIEW_CELL ? `${c.slice(0, PREVIEW_CELL)}…` : c)),
    })),
    samples,
    dataRows: sheet.data.length,
    skipped,
    problems: sheet.problems ?? [],
    kind: detectFileKind(sheet.headers, cells),
    mapping,
    reasons: describeMatch(sheet.headers, mapping),
    ambiguousDates: dateColumns.some((values) => inferDateOrder(values).ambiguous),
  };
}

interface HeldFile {
  readonly name: string;
  readonly size: number;
  readonly bytes: Uint8Array;
  sheet: CsvSheet;
}

/**
 * One import, from reading its files to the plan: what runs in the CSV worker (or in place where
 * there is no Worker). The files stay here between steps, so changing the header row or the
 * mapping never sends the rows back and forth.
 */
export class CsvSession {
  private readonly files = new Map<string, HeldFile>();

  async read(
    fileId: string,
    name: string,
    bytes: Uint8Array,
    choices: ReadChoices,
    progress: { onProgress?(fraction: number): void; shouldStop?(): boolean } = {},
  ): Promise<FileSummary | null> {
    const decoded = decodeAs(bytes, choices.encoding);
    const sheet = await readSheetChunked(decoded, {
      ...(choices.delimiter ? { delimiter: choices.delimiter } : {}),
      ...(choices.headerIndex !== undefined ? { headerIndex: choices.headerIndex } : {}),
      ...progress,
    });
    if (!sheet) return null;
    this.files.set(fileId, { name, size: bytes.length, bytes, sheet });
    return summarise(fileId, name, bytes.length, sheet);
  }

  /** The same file with another header row (no new parse). */
  header(fileId: string, headerIndex: number): FileSummary {
    const held = this.file(fileId);
    held.sheet = withHeader(held.sheet, headerIndex);
    return summarise(fileId, held.name, held.size, held.sheet);
  }

  /** The header and the original cells of some lines of a file (the refused rows, for errors.csv). */
  rowsAt(
    fileId: string,
    lines: readonly number[],
  ): { headers: readonly string[]; rows: ReadonlyArray<{ line: number; cells: readonly string[] }> } {
    const held = this.file(fileId);
    const wanted = new Set(lines);
    return { headers: held.sheet.headers, rows: held.sheet.rows.filter((r) => wanted.has(r.line)) };
  }

  forget(fileId: string): void {
    this.files.delete(fileId);
  }

  /** Converts every file with its mapping and plans the import against the workspace. */
  plan(
    mappings: ReadonlyArray<{ readonly fileId: string; readonly mapping: CsvMapping }>,
    existing: ExistingWorkspace,
    decisions: { readonly accounts: ReadonlyMap<number, ImportDecision>; readonly people: ReadonlyMap<number, ImportDecision> },
    newId: () => string = () => crypto.randomUUID(),
  ): PlanResult {
    // Lines are numbered across files: file k's line n is offset(k) + n, so one plan can hold both.
    const ranges: Array<{ fileId: string; offset: number }> = [];
    const accounts: AccountRecord[] = [];
    const people: PersonRecord[] = [];
    const problems: RowProblem[] = [];
    let empty = 0;
    let offset = 0;
    for (const { fileId, mapping } of mappings) {
      const held = this.file(fileId);
      ranges.push({ fileId, offset });
      const records: ImportRecords = convertRows(held.sheet, mapping);
      const shift = <T extends { line: number }>(r: T): T => ({ ...r, line: r.line + offset });
      accounts.push(...records.accounts.map(shift));
      people.push(...records.people.map(shift));
      problems.push(...records.problems.map(shift), ...(held.sheet.problems ?? []).map(shift));
      empty += records.empty;
      const last = held.sheet.rows[held.sheet.rows.length - 1];
      offset += (last?.line ?? 0) + 1;
    }
    const plan = planImport({ accounts, people, problems, empty }, existing, {
      newId,
      decisions: decisions.accounts,
      personDecisions: decisions.people,
    });
    return { plan, positions: positionsFor(plan, existing), ranges };
  }

  private file(fileId: string): HeldFile {
    const held = this.files.get(fileId);
    if (!held) throw new Error(`no file ${fileId} in this import`);
    return held;
  }
}

/** New people per account, placed beside the cards already on that account's map. */
function positionsFor(plan: ImportPlan, existing: ExistingWorkspace): Map<string, Position> {
  const newByAccount = new Map<string, string[]>();
  for (const p of plan.people.create) newByAccount.set(p.accountId, [...(newByAccount.get(p.accountId) ?? []), p.id]);
  if (newByAccount.size === 0) return new Map();
  const cards = new Map<string, Position[]>();
  for (const p of existing.people) {
    if (!newByAccount.has(p.accountId)) continue;
    const list = cards.get(p.accountId) ?? [];
    list.push({ x: p.x, y: p.y });
    cards.set(p.accountId, list);
  }
  const managerOf = new Map<string, string>();
  for (const l of existing.lines) if (l.kind === 'reportsTo') managerOf.set(l.from, l.to);
  for (const l of plan.lines.create) managerOf.set(l.from, l.to);
  const out = new Map<string, Position>();
  for (const [accountId, ids] of newByAccount)
    for (const [id, p] of placeImported(cards.get(accountId) ?? [], ids, managerOf)) out.set(id, p);
  return out;
}
