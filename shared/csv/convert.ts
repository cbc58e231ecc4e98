/**
 * Sheet + mapping → typed records, row by row. Each data row gives an account record when a
 * mapped account column is filled in it, a person record when a mapped person column is (a
 * "Contacts & Accounts" report row gives both). Any field that cannot be read refuses the whole
 * row with the reason; nothing is guessed. Empty cells leave their field out: an import never
 * blanks a value Waypoint has because a cell was empty.
 */
import { MAX_NOTES, MAX_TEXT } from '../domain/account';
import type { IsoDate } from '../domain/dates';
import type { Minor } from '../domain/money';
import { MAX_ID, MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../domain/rules';
import { isEmptySalesforceId, sourceKeyOf } from './ids';
import type {
  AccountRecord,
  CsvMapping,
  CsvRow,
  CsvSheet,
  ImportedAccountFields,
  ImportedPersonFields,
  ImportRecords,
  PersonRecord,
  Reason,
  RecordRef,
  RowProblem,
  TargetId,
} from './types';
import { unescapeFormula } from './write';
import { isEmail, isValueError, joinName, normalizeName, parseCsvDate, parseCsvMoney, parseCurrencyCode, splitTags } from './values';

/** The account schema's tag limits (domain/account.ts accountFieldsSchema). */
export const MAX_TAG = 40;
export const MAX_TAGS = 30;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const reason = (key: string, params: Record<string, string | number>): Reason => ({ key: `csv.reason.${key}`, params });

/** Reads one row's cells for the mapping: the first filled column of a target, else its constant. */
class RowReader {
  private readonly columns = new Map<TargetId, number[]>();

  constructor(private readonly mapping: CsvMapping) {
    mapping.columns.forEach((target, i) => {
      if (target) this.columns.set(target, [...(this.columns.get(target) ?? []), i]);
    });
  }

  hasAccountColumns(): boolean {
    return [...this.columns.keys()].some((t) => t.startsWith('account.'));
  }

  /** Whether any mapped column of the given kind has a value in this row (constants alone make no record). */
  filled(row: CsvRow, prefix: 'account.' | 'person.'): boolean {
    for (const [target, cols] of this.columns) {
      if (target.startsWith(prefix) && cols.some((c) => (row.cells[c] ?? '').trim() !== '')) return true;
    }
    return false;
  }

  /**
   * The cell as the user meant it: trimmed, and without the apostrophe a formula-safe export
   * (Waypoint's own, write.ts, and any tool following OWASP) put before = + - @ a tab or a CR.
   */
  get(row: CsvRow, target: TargetId): string {
    for (const c of this.columns.get(target) ?? []) {
      const v = unescapeFormula((row.cells[c] ?? '').trim()).trim();
      if (v !== '') return v;
    }
    return (this.mapping.constants[target] ?? '').trim();
  }
}

/** One row's reading: its problems collect here and refuse the row at the end. */
class RowContext {
  readonly problems: RowProblem[] = [];

  constructor(
    readonly row: CsvRow,
    private readonly reader: RowReader,
    private readonly mapping: CsvMapping,
  ) {}

  private problem(target: TargetId, r: Reason): void {
    this.problems.push({ line: this.row.line, kind: target.startsWith('account.') ? 'account' : 'person', target, reason: r });
  }

  raw(target: TargetId): string {
    return this.reader.get(this.row, target);
  }

  text(target: TargetId, max: number, value: string = this.raw(target)): string | undefined {
    if (value === '') return undefined;
    if (value.length > max) {
      this.problem(target, reason('textTooLong', { max, length: value.length }));
      return undefined;
    }
    return value;
  }

  id(target: TargetId): string | null {
    const raw = this.raw(target);
    if (raw === '') return null;
    if (raw.length > MAX_ID) {
      this.problem(target, reason('idTooLong', { max: MAX_ID }));
      return null;
    }
    const key = sourceKeyOf(this.mapping.source, raw);
    // Salesforce's empty reference is no reference, not a bad id.
    if (key === null && !isEmptySalesforceId(raw)) this.problem(target, reason('idNotSalesforce', { value: raw }));
    return key;
  }

  money(target: TargetId): Minor | undefined {
    const raw = this.raw(target);
    if (raw === '') return undefined;
    const currency = this.currency();
    if (currency === null) return undefined;
    const v = parseCsvMoney(raw, currency, this.mapping.decimal);
    if (isValueError(v)) this.problem(target, v.error);
    return v === null || isValueError(v) ? undefined : v;
  }

  date(target: TargetId): IsoDate | undefined {
    const raw = this.raw(target);
    if (raw === '') return undefined;
    const v = parseCsvDate(raw, this.mapping.dateOrder);
    if (isValueError(v)) this.problem(target, v.error);
    return v === null || isValueError(v) ? undefined : v;
  }

  private rowCurrency: string | null | undefined;

  /**
   * The row's currency: its currency column (or constant), else the mapping's default; null —
   * with one problem for the row — when that is not an ISO 4217 code.
   */
  currency(): string | null {
    if (this.rowCurrency !== undefined) return this.rowCurrency;
    const raw = this.raw('account.currency');
    const code = parseCurrencyCode(raw === '' ? this.mapping.defaultCurrency : raw);
    if (code === null)
      this.problem('account.currency', reason('currencyInvalid', { value: raw === '' ? this.mapping.defaultCurrency : raw }));
    this.rowCurrency = code;
    return code;
  }

  tags(): string[] | undefined {
    const raw = this.raw('account.tags');
    if (raw === '') return undefined;
    const tags = splitTags(raw);
    const long = tags.find((t) => t.length > MAX_TAG);
    if (long !== undefined) this.problem('account.tags', reason('tagTooLong', { tag: long, max: MAX_TAG }));
    else if (tags.length > MAX_TAGS) this.problem('account.tags', reason('tooManyTags', { count: tags.length, max: MAX_TAGS }));
    return tags;
  }

  email(): string | undefined {
    const raw = this.raw('person.email');
    if (raw === '') return undefined;
    if (!isEmail(raw)) {
      this.problem('person.email', reason('emailInvalid', { value: raw }));
      return undefined;
    }
    return this.text('person.email', MAX_SHORT_TEXT, raw);
  }
}

function setIf<T, K extends keyof T>(target: Partial<T>, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function accountOf(ctx: RowContext): AccountRecord {
  const f: Partial<Mutable<ImportedAccountFields>> = {};
  setIf(f, 'name', ctx.text('account.name', MAX_TEXT, normalizeName(ctx.raw('account.name'))));
  setIf(f, 'website', ctx.text('account.website', MAX_TEXT));
  setIf(f, 'industry', ctx.text('account.industry', MAX_TEXT));
  setIf(f, 'region', ctx.text('account.region', MAX_TEXT));
  setIf(f, 'owner', ctx.text('account.owner', MAX_TEXT, normalizeName(ctx.raw('account.owner'))));
  if (ctx.raw('account.currency') !== '') setIf(f, 'currency', ctx.currency() ?? undefined);
  setIf(f, 'arr', ctx.money('account.arr'));
  setIf(f, 'potentialArr', ctx.money('account.potentialArr'));
  setIf(f, 'annualRevenue', ctx.money('account.annualRevenue'));
  setIf(f, 'contractStart', ctx.date('account.contractStart'));
  setIf(f, 'renewalDate', ctx.date('account.renewalDate'));
  setIf(f, 'tags', ctx.tags());
  setIf(f, 'notes', ctx.text('account.notes', MAX_NOTES));
  return { line: ctx.row.line, sourceKey: ctx.id('account.sourceId'), fields: f };
}

function personOf(ctx: RowContext, rowAccount: AccountRecord | null): PersonRecord {
  const f: Partial<Mutable<ImportedPersonFields>> = {};
  const full = normalizeName(ctx.raw('person.fullName'));
  const name = full !== '' ? full : joinName(ctx.raw('person.firstName'), ctx.raw('person.lastName'));
  const nameTarget = full !== '' ? 'person.fullName' : ctx.raw('person.lastName') !== '' ? 'person.lastName' : 'person.firstName';
  setIf(f, 'name', ctx.text(nameTarget, MAX_SHORT_TEXT, name));
  setIf(f, 'title', ctx.text('person.title', MAX_SHORT_TEXT));
  setIf(f, 'department', ctx.text('person.department', MAX_SHORT_TEXT));
  setIf(f, 'email', ctx.email());
  setIf(f, 'phone', ctx.text('person.phone', MAX_SHORT_TEXT));
  setIf(f, 'ourOwner', ctx.text('person.ourOwner', MAX_SHORT_TEXT, normalizeName(ctx.raw('person.ourOwner'))));
  setIf(f, 'notes', ctx.text('person.notes', MAX_LONG_TEXT));

  const account: Mutable<RecordRef> = {};
  const accountKey = ctx.id('person.accountSourceId') ?? rowAccount?.sourceKey ?? null;
  const accountName = ctx.text('person.accountName', MAX_TEXT, normalizeName(ctx.raw('person.accountName'))) ?? rowAccount?.fields.name;
  if (accountKey !== null) account.sourceKey = accountKey;
  if (accountName !== undefined) account.name = accountName;

  const managerKey = ctx.id('person.reportsToSourceId');
  const managerName = ctx.text('person.reportsToName', MAX_SHORT_TEXT, normalizeName(ctx.raw('person.reportsToName')));
  const reportsTo: Mutable<RecordRef> | null = managerKey !== null || managerName !== undefined ? {} : null;
  if (reportsTo && managerKey !== null) reportsTo.sourceKey = managerKey;
  if (reportsTo && managerName !== undefined) reportsTo.name = managerName;

  return { line: ctx.row.line, sourceKey: ctx.id('person.sourceId'), account, fields: f, reportsTo };
}

/**
 * Reads every data row of the sheet through the mapping. A row with a field that cannot be
 * read is left out whole, with one problem per field; exact repeats of an account (the same
 * id and the same values, as in a report with a row per contact) are kept once, at their first line.
 */
export function convertRows(sheet: CsvSheet, mapping: CsvMapping): ImportRecords {
  const reader = new RowReader(mapping);
  const accounts: AccountRecord[] = [];
  const people: PersonRecord[] = [];
  const problems: RowProblem[] = [];
  const seenAccounts = new Set<string>();
  let empty = 0;
  const mapsAccounts = reader.hasAccountColumns();
  for (const row of sheet.data) {
    const hasAccount = mapsAccounts && reader.filled(row, 'account.');
    const hasPerson = reader.filled(row, 'person.');
    if (!hasAccount && !hasPerson) {
      empty++;
      continue;
    }
    const ctx = new RowContext(row, reader, mapping);
    const account = hasAccount ? accountOf(ctx) : null;
    const person = hasPerson ? personOf(ctx, account) : null;
    if (ctx.problems.length > 0) {
      problems.push(...ctx.problems);
      continue;
    }
    if (account) {
      const key =
        account.sourceKey !== null || account.fields.name !== undefined ? `${account.sourceKey}|${JSON.stringify(account.fields)}` : null;
      if (key === null || !seenAccounts.has(key)) accounts.push(account);
      if (key !== null) seenAccounts.add(key);
    }
    if (person) people.push(person);
  }
  return { accounts, people, problems, empty };
}
