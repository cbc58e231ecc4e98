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
