/**
 * CSV out (PRODUCT §6, CSV): accounts, people, plans with their actions and roadmap requests as
 * tables a spreadsheet opens and Waypoint's own import reads back.
 *
 * Round trip: the headers of accounts.csv and people.csv are aliases autoMap (fields.ts) maps to
 * the same fields without help. Every record carries its own Waypoint id ("Waypoint ID"), every
 * reference the id of what it points at ("Account ID", "Manager ID"). The import reads those as
 * `other:<id>` source keys, so another workspace creates the records once and then matches them
 * by that key, and the workspace the file came from finds each record by its own id (plan.ts).
 * A CRM key the record was imported with is written beside it ("Source key", the key as stored,
 * `salesforce:0015g00000AbCdE`): kept for the user and never read back as an id, since a column
 * of bare Salesforce ids would make the import read the whole file as a Salesforce export.
 *
 * Values as the import reads them without settings: money as plain digits with a dot in the
 * account's currency (its own column), dates as ISO, tags joined with "; ". Formula escaping is
 * always on (write.ts); convert.ts takes the apostrophe back off.
 */
import type { AccountFields } from '../domain/account';
import { currencyDigits } from '../domain/money';
import { toIsoDate, type IsoDate } from '../domain/dates';
import type { ActionFields, ObjectiveFields, PlanFields } from '../domain/plan';
import type { RequestFields, RoadmapItemFields } from '../domain/roadmap';
import type { LineFields, PersonFields } from '../domain/stakeholders';
import { isStamp, stampTime, type Stamp } from '../sync/hlc';
import type { CsvDelimiter } from './types';
import { toCsv } from './write';

export const CSV_EXPORT_TABLES = ['accounts', 'people', 'plans', 'requests'] as const;
export type CsvExportTable = (typeof CSV_EXPORT_TABLES)[number];

type WithId<T> = T & { readonly id: string };

export type ExportAccount = WithId<
  Pick<
    AccountFields,
    | 'name'
    | 'website'
    | 'industry'
    | 'region'
    | 'currency'
    | 'owner'
    | 'arr'
    | 'potentialArr'
    | 'annualRevenue'
    | 'contractStart'
    | 'renewalDate'
    | 'tags'
    | 'notes'
    | 'sourceKey'
  >
>;
export type ExportPerson = WithId<
  Pick<PersonFields, 'accountId' | 'name' | 'title' | 'department' | 'email' | 'phone' | 'ourOwner' | 'notes' | 'placeholder' | 'sourceKey'>
>;
export type ExportLine = WithId<LineFields>;
export type ExportPlan = WithId<PlanFields>;
export type ExportObjective = WithId<Pick<ObjectiveFields, 'planId' | 'title' | 'sort'>>;
export type ExportAction = WithId<ActionFields>;
export type ExportItem = WithId<Pick<RoadmapItemFields, 'title' | 'theme' | 'plannedQuarter' | 'status'>>;
/** A request with its row's stamps: the earliest is when it was recorded ("Requested on"). */
export type ExportRequest = WithId<RequestFields> & { readonly stamps?: Readonly<Record<string, Stamp>> };
export interface ExportRetreat {
  readonly id: string;
  readonly title: string;
}

/** The live rows of a workspace (no tombstones) that the tables are made of. */
export interface ExportSource {
  readonly accounts: readonly ExportAccount[];
  readonly people: readonly ExportPerson[];
  readonly lines: readonly ExportLine[];
  readonly plans: readonly ExportPlan[];
  readonly objectives: readonly ExportObjective[];
  readonly actions: readonly ExportAction[];
  readonly items: readonly ExportItem[];
  readonly requests: readonly ExportRequest[];
  readonly retreats: readonly ExportRetreat[];
}

export type CsvTable = readonly (readonly string[])[];

// ---------- Headers (accounts and people: aliases autoMap maps back; fields.test.ts checks them) ----------

export const ACCOUNT_HEADERS = [
  'Waypoint ID',
  'Account Name',
  'Website',
  'Industry',
  'Region',
  'Currency',
  'Owner',
  'ARR',
  'Potential ARR',
  'Annual Revenue',
  'Contract start',
  'Renewal date',
  'Tags',
  'Notes',
  'Source key',
] as const;

export const PEOPLE_HEADERS = [
  'Waypoint ID',
  'Full name',
  'Title',
  'Department',
  'Email',
  'Phone',
  'Account ID',
  'Account Name',
  'Manager ID',
  'Manager',
  'Our owner',
  'Notes',
  'Source key',
] as const;

export const PLAN_HEADERS = [
  'Plan ID',
  'Account ID',
  'Account Name',
  'Plan',
  'Period start',
  'Period end',
  'Summary',
  'Objective ID',
  'Objective',
  'Action ID',
  'Action',
  'Action owner',
  'Due date',
  'Status',
] as const;

export const REQUEST_HEADERS = [
  'Request ID',
  'Account ID',
  'Account Name',
  'Item ID',
  'Item',
  'Theme',
  'Planned quarter',
  'Item status',
  'Importance',
  'Requested on',
  'Note',
  'Retreat ID',
  'Retreat',
] as const;

// ---------- Values ----------

/** Minor units → plain digits with a dot and the currency's decimals (EUR 123456 → "1234.56", JPY 5000 → "5000"). */
export function plainAmount(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = currencyDigits(currency);
  } catch {
    // A currency Intl does not know (a row from a newer version): two decimals, as most have.
  }
  const n = Math.round(Number.isFinite(minor) ? minor : 0);
  const sign = n < 0 ? '-' : '';
  const abs = String(Math.abs(n));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const date = (d: IsoDate | null): string => d ?? '';

/** Tags as one cell, "a; b" (splitTags reads ";" and ","). */
export const joinTags = (tags: readonly string[]): string => tags.join('; ');

/** The local date of the earliest stamp of a row (when it was first written), '' without stamps. */
export function firstWritten(stamps: Readonly<Record<string, Stamp>> | undefined): string {
  const list = Object.values(stamps ?? {}).filter((s) => isStamp(s));
  if (list.length === 0) return '';
  let first = list[0]!;
  for (const s of list) if (s < first) first = s;
  const ms = stampTime(first);
  return ms > 0 ? toIsoDate(new Date(ms)) : '';
}

// ---------- Order ----------

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySort = (a: { readonly sort: number; readonly id: string }, b: { readonly sort: number; readonly id: string }) =>
  a.sort - b.sort || byId(a, b);

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const at = out.get(k);
    if (at) at.push(t);
    else out.set(k, [t]);
  }
  return out;
}

function sortedAccounts(accounts: readonly ExportAccount[]): ExportAccount[] {
  return [...accounts].sort((a, b) => byText(a.name, b.name) || byId(a, b));
}

// ---------- Tables ----------

/** accounts.csv: one row per account, by name. */
export function accountsTable(accounts: readonly ExportAccount[]): CsvTable {
  const rows: string[][] = [[...ACCOUNT_HEADERS]];
  for (const a of sortedAccounts(accounts)) {
    rows.push([
      a.id,
      a.name,
      a.website,
      a.industry,
      a.region,
      a.currency,
      a.owner,
      plainAmount(a.arr, a.currency),
      plainAmount(a.potentialArr, a.currency),
      // 0 is "unknown" for the customer's own revenue (account.ts): an empty cell says so.
      a.annualRevenue > 0 ? plainAmount(a.annualRevenue, a.currency) : '',
      date(a.contractStart),
      date(a.renewalDate),
      joinTags(a.tags),
      a.notes,
      a.sourceKey,
    ]);
  }
  return rows;
}

/**
 * The manager of each person from the reports-to lines (`from` reports to `to`), within the
 * person's account; with two (a merge can make them) the line with the smaller id, as the import
 * keeps one.
 */
export function managersOf(lines: readonly ExportLine[], people: ReadonlyMap<string, ExportPerson>): Map<string, ExportPerson> {
  const out = new Map<string, ExportPerson>();
  for (const l of [...lines].sort(byId)) {
    if (l.kind !== 'reportsTo' || out.has(l.from)) continue;
    const from = people.get(l.from);
    const to = people.get(l.to);
    if (!from || !to || from.accountId !== l.accountId || to.accountId !== l.accountId || from.id === to.id) continue;
    out.set(from.id, to);
  }
  return out;
}

/**
 * people.csv: one row per person in a live account (by account, then name) with the account's
 * id and name and the manager's id and name. Placeholders ("CFO — unknown") are roles on a map,
 * not people, and are left out; a line to one leaves the manager columns empty.
 */
export function peopleTable(people: readonly ExportPerson[], accounts: readonly ExportAccount[], lines: readonly ExportLine[]): CsvTable {
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const real = people.filter((p) => !p.placeholder && accountById.has(p.accountId));
  const managers = managersOf(lines, new Map(real.map((p) => [p.id, p])));
  const order = new Map(sortedAccounts(accounts).map((a, i) => [a.id, i]));
  const sorted = [...real].sort(
    (a, b) => (order.get(a.accountId) ?? 0) - (order.get(b.accountId) ?? 0) || byText(a.name, b.name) || byId(a, b),
  );
  const rows: string[][] = [[...PEOPLE_HEADERS]];
  for (const p of sorted) {
    const account = accountById.get(p.accountId);
    const manager = managers.get(p.id);
    rows.push([
      p.id,
      p.name,
      p.title,
      p.department,
      p.email,
      p.phone,
      p.accountId,
      account?.name ?? '',
      manager?.id ?? '',
      manager?.name ?? '',
      p.ourOwner,
      p.notes,
      p.sourceKey,
    ]);
  }
  return rows;
}

/**
 * plans.csv: one row per action with its plan's and objective's columns, in plan order
 * (account, title) and the objectives' and actions' own order. A plan without actions is one
 * row, an objective without actions one row, so nothing of a plan is missing from the file; an
 * action outside any objective has empty objective columns.
 */
export function plansTable(
  plans: readonly ExportPlan[],
  objectives: readonly ExportObjective[],
  actions: readonly ExportAction[],
  accounts: readonly ExportAccount[],
): CsvTable {
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const order = new Map(sortedAccounts(accounts).map((a, i) => [a.id, i]));
  const live = plans.filter((p) => accountById.has(p.accountId));
  live.sort((a, b) => (order.get(a.accountId) ?? 0) - (order.get(b.accountId) ?? 0) || byText(a.title, b.title) || byId(a, b));
  const objectivesOf = groupBy(objectives, (o) => o.planId);
  const actionsOf = groupBy(actions, (a) => a.planId);

  const rows: string[][] = [[...PLAN_HEADERS]];
  const actionCells = (a: ExportAction) => [a.id, a.title, a.owner, date(a.dueDate), a.status];
  const noAction = ['', '', '', '', ''];
  for (const plan of live) {
    const account = accountById.get(plan.accountId);
    const head = [plan.id, plan.accountId, account?.name ?? '', plan.title, date(plan.periodStart), date(plan.periodEnd), plan.summary];
    const own = (objectivesOf.get(plan.id) ?? []).sort(bySort);
    const under = groupBy(actionsOf.get(plan.id) ?? [], (a) => a.objectiveId);
    for (const o of own) {
      const list = (under.get(o.id) ?? []).sort(bySort);
      under.delete(o.id);
      if (list.length === 0) rows.push([...head, o.id, o.title, ...noAction]);
      for (const a of list) rows.push([...head, o.id, o.title, ...actionCells(a)]);
    }
    // Actions whose objective is not among the plan's (none, or one deleted): after the objectives.
    const loose = [...under.values()].flat().sort(bySort);
    for (const a of loose) rows.push([...head, '', '', ...actionCells(a)]);
    if (own.length === 0 && loose.length === 0) rows.push([...head, '', '', ...noAction]);
  }
  return rows;
}

/** requests.csv: one row per roadmap request of a live account for a live item, by item then account. */
export function requestsTable(
  requests: readonly ExportRequest[],
  items: readonly ExportItem[],
  accounts: readonly ExportAccount[],
  retreats: readonly ExportRetreat[] = [],
): CsvTable {
  const itemById = new Map(items.map((i) => [i.id, i]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const retreatById = new Map(retreats.map((r) => [r.id, r]));
  const live = requests.filter((r) => itemById.has(r.itemId) && accountById.has(r.accountId));
  const title = (r: ExportRequest) => itemById.get(r.itemId)?.title ?? '';
  const name = (r: ExportRequest) => accountById.get(r.accountId)?.name ?? '';
  live.sort((a, b) => byText(title(a), title(b)) || byText(name(a), name(b)) || byId(a, b));
  const rows: string[][] = [[...REQUEST_HEADERS]];
  for (const r of live) {
    const item = itemById.get(r.itemId);
    const retreat = r.retreatId === null ? undefined : retreatById.get(r.retreatId);
    rows.push([
      r.id,
      r.accountId,
      name(r),
      r.itemId,
      item?.title ?? '',
      item?.theme ?? '',
      item?.plannedQuarter ?? '',
      item?.status ?? '',
      r.importance,
      firstWritten(r.stamps),
      r.note,
      r.retreatId ?? '',
      retreat?.title ?? '',
    ]);
  }
  return rows;
}

/** One table of the workspace as header + rows. */
export function exportTable(table: CsvExportTable, source: ExportSource): CsvTable {
  switch (table) {
    case 'accounts':
      return accountsTable(source.accounts);
    case 'people':
      return peopleTable(source.people, source.accounts, source.lines);
    case 'plans':
      return plansTable(source.plans, source.objectives, source.actions, source.accounts);
    case 'requests':
      return requestsTable(source.requests, source.items, source.accounts, source.retreats);
  }
}

/** What each table holds, for the export screen: accounts, people (placeholders left out), plans and their actions, requests. */
export interface ExportCounts {
  readonly accounts: number;
  readonly people: number;
  readonly plans: number;
  readonly actions: number;
  readonly requests: number;
}

/** The records the tables would hold, counted by the same rules as the tables (without building them). */
export function exportCounts(source: ExportSource): ExportCounts {
  const accounts = new Set(source.accounts.map((a) => a.id));
  const plans = new Set(source.plans.filter((p) => accounts.has(p.accountId)).map((p) => p.id));
  const items = new Set(source.items.map((i) => i.id));
  return {
    accounts: accounts.size,
    people: source.people.filter((p) => !p.placeholder && accounts.has(p.accountId)).length,
    plans: plans.size,
    actions: source.actions.filter((a) => plans.has(a.planId)).length,
    requests: source.requests.filter((r) => items.has(r.itemId) && accounts.has(r.accountId)).length,
  };
}

export interface CsvExportOptions {
  /** A UTF-8 byte-order mark so Excel reads the file as UTF-8. */
  readonly bom?: boolean;
  /** Comma (default), or semicolon for Excel in locales whose list separator it is. */
  readonly delimiter?: CsvDelimiter;
}

export interface CsvExportFile {
  readonly table: CsvExportTable;
  /** "accounts.csv", "people.csv", "plans.csv", "requests.csv". */
  readonly name: string;
  readonly text: string;
  /** Data rows (the header not counted). */
  readonly rows: number;
}

/** The chosen tables as CSV text, in the order of CSV_EXPORT_TABLES; formulas always escaped. */
export function exportCsv(source: ExportSource, tables: readonly CsvExportTable[], opts: CsvExportOptions = {}): CsvExportFile[] {
  const chosen = new Set(tables);
  return CSV_EXPORT_TABLES.filter((t) => chosen.has(t)).map((table) => {
    const rows = exportTable(table, source);
    return {
      table,
      name: `${table}.csv`,
      text: toCsv(rows, { bom: opts.bom === true, delimiter: opts.delimiter ?? ',' }),
      rows: rows.length - 1,
    };
  });
}
