/**
 * CSV import and export (PRODUCT §6): the shapes that pass between the steps.
 *
 *   bytes ──decode.ts──▶ text ──sheet.ts──▶ CsvSheet (rows, header row, data rows with line numbers)
 *         ──fields.ts (autoMap)──▶ CsvMapping (the user may change it)
 *         ──convert.ts──▶ ImportRecords (typed values, per-row problems)
 *         ──plan.ts (against the workspace)──▶ ImportPlan (the dry run: create / update / unchanged /
 *           skipped / refused / ambiguous) ──renderer/src/db/csvImport.ts──▶ one intent
 *
 * Everything here is pure: no DOM, no Dexie. A CSV row becomes a row only through the same
 * per-table rules as a typed edit (shared/domain/tables.ts).
 */
import type { IsoDate } from '../domain/dates';
import type { Minor } from '../domain/money';
import type { LineKind } from '../domain/stakeholders';

// ---------- Reading the file ----------

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

export interface DecodedText {
  readonly text: string;
  readonly encoding: CsvEncoding;
  /** The file started with a byte-order mark (removed from `text`). */
  readonly bom: boolean;
}

export interface CsvRow {
  /** 1-based physical line of the file where the row starts (a quoted cell may span lines). */
  readonly line: number;
  readonly cells: readonly string[];
}

/** Why a row above or below the data is not data. */
export type SkippedRowReason = 'title' | 'blank' | 'total' | 'footer';

export interface CsvSheet {
  readonly encoding: CsvEncoding;
  readonly bom: boolean;
  readonly delimiter: CsvDelimiter;
  /** Every row of the file, as parsed. */
  readonly rows: readonly CsvRow[];
  /** Index into `rows` of the header row (report exports have title rows above it). */
  readonly headerIndex: number;
  readonly headers: readonly string[];
  /** The rows under the header that hold data. */
  readonly data: readonly CsvRow[];
  /** Rows under the header left out, with why (blank lines, "Total", "Grand Totals (40 records)", a copyright footer). */
  readonly skipped: ReadonlyArray<{ readonly line: number; readonly reason: SkippedRowReason }>;
  /** What the parser found wrong in the file itself (a quote never closed), kind 'line'; absent when nothing. */
  readonly problems?: readonly RowProblem[];
}

// ---------- Mapping columns to Waypoint fields ----------

export const ACCOUNT_TARGETS = [
  'account.sourceId',
  'account.name',
  'account.website',
  'account.industry',
  'account.region',
  'account.currency',
  'account.owner',
  'account.arr',
  'account.potentialArr',
  'account.annualRevenue',
  'account.contractStart',
  'account.renewalDate',
  'account.tags',
  'account.notes',
] as const;

export const PERSON_TARGETS = [
  'person.sourceId',
  'person.accountSourceId',
  'person.accountName',
  'person.firstName',
  'person.lastName',
  'person.fullName',
  'person.title',
  'person.department',
  'person.email',
  'person.phone',
  'person.reportsToSourceId',
  'person.reportsToName',
  'person.ourOwner',
  'person.notes',
] as const;

export type AccountTarget = (typeof ACCOUNT_TARGETS)[number];
export type PersonTarget = (typeof PERSON_TARGETS)[number];
export type TargetId = AccountTarget | PersonTarget;

/** What the value of a target is read as. */
export type TargetKind = 'text' | 'id' | 'money' | 'date' | 'currency' | 'email' | 'list' | 'name';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';
export type DecimalMark = '.' | ',';

/** Where the file came from: decides how ids are normalised (Salesforce 15/18) and the preset's name. */
export type CsvSource = 'salesforce' | 'hubspot' | 'other';

export interface CsvMapping {
  readonly source: CsvSource;
  /** Per column of `headers`: the field it fills, or null (ignored). */
  readonly columns: readonly (TargetId | null)[];
  /** A value for every row ("Region = Nordics"), for a field no column fills. */
  readonly constants: Readonly<Partial<Record<TargetId, string>>>;
  /** How dates in the file are written; null when the file has no ambiguous dates. */
  readonly dateOrder: DateOrder | null;
  readonly decimal: DecimalMark;
  /** Currency for money when the file has no currency column (the user's choice, shown). */
  readonly defaultCurrency: string;
}

// ---------- Typed records ----------

/** A reason in words: an i18n key under `csv.reason` and its parameters. */
export interface Reason {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface RowProblem {
  readonly line: number;
  readonly kind: 'account' | 'person' | 'line';
  readonly target?: TargetId;
  readonly reason: Reason;
}

/** The account fields an import can fill (everything else exists only in Waypoint and is never touched). */
export interface ImportedAccountFields {
  readonly name: string;
  readonly website: string;
  readonly industry: string;
  readonly region: string;
  readonly currency: string;
  readonly owner: string;
  readonly arr: Minor;
  readonly potentialArr: Minor;
  readonly annualRevenue: Minor;
  readonly contractStart: IsoDate | null;
  readonly renewalDate: IsoDate | null;
  readonly tags: readonly string[];
  readonly notes: string;
}

export interface ImportedPersonFields {
  readonly name: string;
  readonly title: string;
  readonly department: string;
  readonly email: string;
  readonly phone: string;
  readonly ourOwner: string;
  readonly notes: string;
}

/** A reference from a row to another record: by source id, or by name when the file has no ids. */
export interface RecordRef {
  readonly sourceKey?: string;
  readonly name?: string;
}

export interface AccountRecord {
  readonly line: number;
  /** `<source>:<normalised id>` ("salesforce:0015g00000AbCdE"), or null when the file has no id. */
  readonly sourceKey: string | null;
  /** Only the fields the mapping fills (a field without a column is left as it is). */
  readonly fields: Readonly<Partial<ImportedAccountFields>>;
}

export interface PersonRecord {
  readonly line: number;
  readonly sourceKey: string | null;
  readonly account: RecordRef;
  readonly fields: Readonly<Partial<ImportedPersonFields>>;
  readonly reportsTo: RecordRef | null;
}

export interface ImportRecords {
  readonly accounts: readonly AccountRecord[];
  readonly people: readonly PersonRecord[];
  /** Rows refused while reading values (a date that is no date, money that is no amount). */
  readonly problems: readonly RowProblem[];
  /** Rows with nothing mapped in them. */
  readonly empty: number;
}

// ---------- The dry run (plan.ts) ----------

/** An account of the workspace as the plan compares it (live rows only, not tombstones). */
export interface ExistingAccount extends ImportedAccountFields {
  readonly id: string;
  /** The source id it was imported with, or null (typed in Waypoint, or imported from a file without ids). */
  readonly sourceKey: string | null;
}

export interface ExistingPerson extends ImportedPersonFields {
  readonly id: string;
  readonly accountId: string;
  readonly sourceKey: string | null;
  /** Where the card is on the map (new cards go beside the existing ones). */
  readonly x: number;
  readonly y: number;
}

/** A line of a map: reportsTo means `from` reports to `to` (shared/domain/stakeholders.ts). */
export interface ExistingLine {
  readonly id: string;
  readonly accountId: string;
  readonly from: string;
  readonly to: string;
  readonly kind: LineKind;
}

export interface ExistingWorkspace {
  readonly accounts: readonly ExistingAccount[];
  readonly people: readonly ExistingPerson[];
  readonly lines: readonly ExistingLine[];
}

/** The user's answer for the record on a line: an id of one of its candidates, a new record, or leave the row out. */
export type ImportDecision = string | 'new' | 'skip';

export interface PlannedAccountCreate {
  readonly line: number;
  readonly id: string;
  readonly sourceKey: string | null;
  readonly fields: Readonly<Partial<ImportedAccountFields>>;
}

export interface PlannedAccountUpdate {
  readonly line: number;
  readonly id: string;
  /** The name in Waypoint (for the dry-run screen). */
  readonly name: string;
  /** Only the fields whose value differs. */
  readonly patch: Readonly<Partial<ImportedAccountFields>>;
  /** The source id to remember when the account was matched by name, else null. */
  readonly setSourceKey: string | null;
}

export interface PlannedPersonCreate {
  readonly line: number;
  readonly id: string;
  readonly accountId: string;
  readonly sourceKey: string | null;
  readonly fields: Readonly<Partial<ImportedPersonFields>>;
}

export interface PlannedPersonUpdate {
  readonly line: number;
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly patch: Readonly<Partial<ImportedPersonFields>>;
  readonly setSourceKey: string | null;
}

/** A record on a line that matches a Waypoint record exactly. */
export interface PlannedUnchanged {
  readonly line: number;
  readonly id: string;
}

export interface PlannedLine {
  readonly line: number;
  readonly id: string;
  readonly accountId: string;
  readonly from: string;
  readonly to: string;
  readonly kind: 'reportsTo';
}

export interface AmbiguousMatch {
  readonly line: number;
  readonly kind: 'account' | 'person';
  /** The name in the file. */
  readonly name: string;
  readonly candidates: ReadonlyArray<{ readonly id: string; readonly name: string; readonly accountName?: string }>;
}

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly skipped: number;
  readonly refused: number;
  readonly ambiguous: number;
}

export interface PlannedRecords<C, U> {
  readonly create: readonly C[];
  readonly update: readonly U[];
  readonly unchanged: readonly PlannedUnchanged[];
  /** Lines the user chose to leave out. */
  readonly skipped: readonly number[];
}

export interface ImportPlan {
  readonly accounts: PlannedRecords<PlannedAccountCreate, PlannedAccountUpdate>;
  readonly people: PlannedRecords<PlannedPersonCreate, PlannedPersonUpdate>;
  readonly lines: { readonly create: readonly PlannedLine[]; readonly unchanged: readonly PlannedUnchanged[] };
  /** Records that match several Waypoint records: listed for the user to decide (not imported until then). */
  readonly ambiguous: readonly AmbiguousMatch[];
  /** Every refused row with its line and reason, sorted by line (the problems of reading values included). */
  readonly refused: readonly RowProblem[];
  readonly counts: {
    readonly accounts: PlanCounts;
    readonly people: PlanCounts;
    readonly lines: { readonly create: number; readonly unchanged: number; readonly refused: number };
  };
}
