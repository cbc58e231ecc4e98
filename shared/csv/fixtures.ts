/**
 * CRM export files as the real tools write them, generated from a seed (tests, the csv-import
 * benchmark, e2e). Each generator returns the file's BYTES and the model it was made from, so a
 * test can check what an import must find. Names carry æ, ø, å, ü, é; account names carry
 * commas, quotes and ampersands; Salesforce ids are 18 characters with a correct checksum.
 */
import { currencyDigits } from '../domain/money';
import { encodeText } from './decode';
import { salesforceChecksum } from './ids';
import type { CsvEncoding } from './types';

// ---------- Model ----------

export interface FixtureAccount {
  /** 18-character Salesforce id (Data Loader form). */
  readonly id: string;
  readonly name: string;
  readonly industry: string;
  /** Whole major units; null when the CRM has none. */
  readonly annualRevenue: number | null;
  readonly currency: string;
  readonly ownerId: string;
  readonly ownerName: string;
  readonly website: string;
  readonly domain: string;
  readonly country: string;
}

export interface FixtureContact {
  readonly id: string;
  /** Index into the model's accounts. */
  readonly account: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly title: string;
  readonly department: string;
  readonly email: string;
  readonly phone: string;
  /** Index into the model's contacts of the manager (same account, earlier), or null for the top. */
  readonly manager: number | null;
}

export interface FixtureModel {
  readonly accounts: readonly FixtureAccount[];
  readonly contacts: readonly FixtureContact[];
}

export interface FixtureOptions {
  readonly accounts: number;
  readonly contactsPerAccount: number;
  readonly seed: number;
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function base62(n: number, width: number): string {
  let s = '';
  let v = n;
  for (let i = 0; i < width; i++) {
    s = BASE62[v % 62]! + s;
    v = Math.floor(v / 62);
  }
  return s;
}

/** An 18-character Salesforce id: key prefix ("001" account, "003" contact, "005" user), seed, counter, checksum. */
export function fixtureSalesforceId(prefix: string, n: number, seed: number): string {
  // An odd multiplier prime to 31 spreads the counter over all 62^8 values, one to one (mixed case, like real ids).
  const counter = (n * 3_141_592_653 + 12_345) % 62 ** 8;
  const id15 = `${prefix}0${base62(Math.abs(seed) % 62 ** 3, 3)}${base62(counter, 8)}`;
  return id15 + salesforceChecksum(id15);
}

const FIRST = [
  'Søren',
  'José',
  'Zoë',
  'Björn',
  'Åsa',
  'Øystein',
  'François',
  'Anaïs',
  'Jürgen',
  'Maëlle',
  'Inés',
  'Mette',
  'Lars',
  'Chloé',
];
const FIRST_MORE = ['Renée', 'Siobhán', 'Noémie', 'Ole', 'Ida', 'Mikkel', 'Sofie', 'Peter', 'Anna', 'Þóra', 'Ægir', 'Dagný'];
const FIRST_NAMES = [...FIRST, ...FIRST_MORE];
const LAST_NAMES = ['Ærø', 'Müller', 'Nørgaard', 'Østergaard', 'Jensen', 'Åberg', 'García', "O'Brien", 'Dubois', 'Schäfer', 'Lindqvist'];
const LAST_MORE = ['Hansen', 'Ólafsdóttir', 'Ruiz-Peña', 'Smith', 'Kähkönen', 'Brontë', 'Nuñez', 'Castaño', 'Vázquez'];
const ALL_LAST = [...LAST_NAMES, ...LAST_MORE];
const STEMS = [
  'Nordlys',
  'Ærø Shipping',
  'Müller & Söhne',
  'Fjord',
  'Acme, Northern',
  'Blåbær',
  'Café Olé',
  'Zürich Re',
  'Øresund Data',
  '"Blue" Harbour',
  'Lumen',
  'Vega',
  'Kastrup',
  'Hygge',
  'Alpenglühen',
  'Solvej',
  'Brønd',
  'Marée',
  'Saltø',
  'Kolibri',
];
const MIDDLES = ['Systems', 'Logistics', 'Energy', 'Foods', 'Capital', 'Health', 'Robotics', 'Media', 'Analytics', 'Retail'];
const MIDDLES_MORE = ['Marine', 'Software', 'Pharma', 'Telecom', 'Textiles', 'Mining', 'Insurance', 'Aviation', 'Water', 'Glass'];
const ALL_MIDDLES = [...MIDDLES, ...MIDDLES_MORE];
const LEGAL = ['A/S', 'GmbH', 'Inc.', 'Ltd', 'AB', 'SAS', 'B.V.', 'Oy', 'ApS', 'plc'];
const COMBOS = STEMS.length * ALL_MIDDLES.length * LEGAL.length;
const INDUSTRIES = [
  'Manufacturing',
  'Banking',
  'Healthcare',
  'Retail',
  'Energy',
  'Shipping',
  'Technology',
  'Insurance',
  'Telecommunications',
];
const COUNTRIES = ['Denmark', 'Germany', 'Sweden', 'Norway', 'France', 'Spain', 'United Kingdom', 'United States', 'Japan', 'Iceland'];
const CURRENCIES = ['EUR', 'EUR', 'DKK', 'USD', 'GBP', 'SEK', 'JPY'];
const OWNERS = ['Søren Ærø', 'Mette Nørgaard', 'Jürgen Schäfer', 'Inés García', 'Peter Smith'];
const TITLES = ['CFO', 'CIO', 'VP Operations', 'Head of Procurement', 'Director of IT', 'Finance Manager', 'Engineer', 'Buyer', 'Analyst'];
const DEPARTMENTS = ['Finance', 'IT', 'Operations', 'Procurement', 'Engineering', 'Sales', 'Legal'];

/** ASCII for addresses and domains: "Søren Ærø" → "soren", "aero". */
export function asciiFold(s: string): string {
  return s
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Øø]/g, 'o')
    .replace(/[Þþ]/g, 'th')
    .replace(/[Ðð]/g, 'd')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

function accountName(i: number, seed: number): string {
  const c = (i * 7919 + Math.abs(seed) * 104_729) % COMBOS;
  const stem = STEMS[c % STEMS.length]!;
  const middle = ALL_MIDDLES[Math.floor(c / STEMS.length) % ALL_MIDDLES.length]!;
  const legal = LEGAL[Math.floor(c / (STEMS.length * ALL_MIDDLES.length))]!;
  const round = Math.floor(i / COMBOS);
  return `${stem} ${middle} ${legal}${round > 0 ? ` ${round + 1}` : ''}`;
}

/** The accounts and contacts every generator writes: deterministic from the options; a real reporting tree per account. */
export function fixtureModel(o: FixtureOptions): FixtureModel {
  const r = rng(o.seed);
  const ownerIds = OWNERS.map((_, k) => fixtureSalesforceId('005', k, o.seed));
  const accounts: FixtureAccount[] = [];
  const contacts: FixtureContact[] = [];
  for (let i = 0; i < o.accounts; i++) {
    const name = accountName(i, o.seed);
    const domain = `${asciiFold(name).slice(0, 24)}${i}.example`;
    const owner = Math.floor(r() * OWNERS.length);
    accounts.push({
      id: fixtureSalesforceId('001', i, o.seed),
      name,
      industry: pick(r, INDUSTRIES),
      annualRevenue: r() < 0.1 ? null : Math.round(r() * 900 + 1) * 100_000,
      currency: pick(r, CURRENCIES),
      ownerId: ownerIds[owner]!,
      ownerName: OWNERS[owner]!,
      website: `www.${domain}`,
      domain,
      country: pick(r, COUNTRIES),
    });
    const top = contacts.length;
    for (let j = 0; j < o.contactsPerAccount; j++) {
      const n = contacts.length;
      // The first two people of the file are the ones every test looks for.
      const firstName = n === 0 ? 'Søren' : n === 1 ? 'José' : pick(r, FIRST_NAMES);
      const lastName = n === 0 ? 'Ærø' : n === 1 ? 'Müller' : pick(r, ALL_LAST);
      contacts.push({
        id: fixtureSalesforceId('003', n, o.seed),
        account: i,
        firstName,
        lastName,
        title: j === 0 ? 'CEO' : pick(r, TITLES),
        department: pick(r, DEPARTMENTS),
        email: `${asciiFold(firstName)}.${asciiFold(lastName)}.${n}@${domain}`,
        phone: `+45 ${String(10 + Math.floor(r() * 89))} ${String(10 + Math.floor(r() * 89))} ${String(10 + Math.floor(r() * 89))} ${String(10 + (n % 89))}`,
        manager: j === 0 ? null : top + Math.floor(r() * j),
      });
    }
  }
  return { accounts, contacts };
}

/** An amount in the currency's minor units, as an import must read it. */
export function fixtureMinor(account: FixtureAccount): number | null {
  return account.annualRevenue === null ? null : account.annualRevenue * 10 ** currencyDigits(account.currency);
}

export const fullName = (c: FixtureContact): string => `${c.firstName} ${c.lastName}`;

// ---------- Writing ----------

const quoteAll = (cells: readonly string[], delimiter = ','): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(delimiter);

function file(lines: readonly string[], newline: string, encoding: CsvEncoding, bom = false): Uint8Array {
  return encodeText(lines.join(newline) + newline, encoding, bom);
}

/** Java's Double.toString, as Data Loader writes a currency field: 5.6E7 from ten million up, "123456.0" below. */
function javaDouble(n: number): string {
  if (n < 1e7) return `${n}.0`;
  const digits = String(n);
  return `${digits[0]}.${digits.slice(1).replace(/0+$/, '') || '0'}E${digits.length - 1}`;
}

export interface DataLoaderExport {
  readonly accountsCsv: Uint8Array;
  readonly contactsCsv: Uint8Array;
  readonly model: FixtureModel;
}

/** Salesforce Data Loader: API-name headers, every field quoted, UTF-8 without BOM, LF line ends, 18-character ids. */
export function salesforceDataLoaderExport(o: FixtureOptions): DataLoaderExport {
  const model = fixtureModel(o);
  const accountLines = [quoteAll(['Id', 'Name', 'Industry', 'AnnualRevenue', 'OwnerId', 'CurrencyIsoCode', 'Website', 'BillingCountry'])];
  for (const a of model.accounts) {
    const revenue = a.annualRevenue === null ? '' : javaDouble(a.annualRevenue);
    accountLines.push(quoteAll([a.id, a.name, a.industry, revenue, a.ownerId, a.currency, a.website, a.country]));
  }
  const contactLines = [quoteAll(['Id', 'AccountId', 'FirstName', 'LastName', 'Title', 'Department', 'Email', 'Phone', 'ReportsToId'])];
  for (const c of model.contacts) {
    const manager = c.manager === null ? '' : model.contacts[c.manager]!.id;
    contactLines.push(
      quoteAll([c.id, model.accounts[c.account]!.id, c.firstName, c.lastName, c.title, c.department, c.email, c.phone, manager]),
    );
  }
  return { accountsCsv: file(accountLines, '\n', 'utf-8'), contactsCsv: file(contactLines, '\n', 'utf-8'), model };
}

export interface ReportExportOptions extends FixtureOptions {
  /** Numbers as "1.234.567,00" and ";" between fields (a file saved by Excel in a European locale). */
  readonly european?: boolean;
}

export interface ReportExport {
  readonly csv: Uint8Array;
  readonly model: FixtureModel;
  /** Data rows (one per contact). */
  readonly records: number;
}

function grouped(n: number, digits: number, european: boolean): string {
  const [int, frac = ''] = n.toFixed(digits).split('.');
  const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, european ? '.' : ',');
  return frac ? `${g}${european ? ',' : '.'}${frac}` : g;
}

/**
 * A Salesforce "Contacts & Accounts" report exported as CSV: labels as headers, a title, a blank
 * line and "Filtered By:" lines above the header, "Grand Totals (n records)" and the copyright /
 * "Confidential" / "Generated By:" footer below, Windows-1252, CRLF. "Reports To" holds a NAME.
 */
export function salesforceReportExport(o: ReportExportOptions): ReportExport {
  const model = fixtureModel(o);
  const eu = o.european === true;
  const d = eu ? ';' : ',';
  const line = (cells: readonly string[]) => quoteAll(cells, d);
  const lines = [line(['Contacts & Accounts']), line(['']), line(['Filtered By:']), line(['   Account Type equals Customer']), line([''])];
  const header = ['Account Name', 'Account Owner', 'First Name', 'Last Name', 'Title', 'Department', 'Email', 'Phone', 'Reports To'];
  lines.push(line([...header, 'Annual Revenue', 'Account Currency', 'Billing Country']));
  for (const c of model.contacts) {
    const a = model.accounts[c.account]!;
    const manager = c.manager === null ? '' : fullName(model.contacts[c.manager]!);
    const revenue = a.annualRevenue === null ? '' : `${a.currency} ${grouped(a.annualRevenue, currencyDigits(a.currency), eu)}`;
    lines.push(
      line([
        a.name,
        a.ownerName,
        c.firstName,
        c.lastName,
        c.title,
        c.department,
        c.email,
        c.phone,
        manager,
        revenue,
        a.currency,
        a.country,
      ]),
    );
  }
  lines.push(line(['']), line([`Grand Totals (${model.contacts.length} records)`]), line(['']), line(['']));
  lines.push(line(['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.']));
  lines.push(line(['Confidential Information - Do Not Distribute']));
  lines.push(line(['Generated By:  Søren Ærø  01/03/2026 10:00']));
  lines.push(line(['Nordlys A/S']));
  return { csv: file(lines, '\r\n', 'windows-1252'), model, records: model.contacts.length };
}

export interface HubSpotExport {
  readonly companiesCsv: Uint8Array;
  readonly contactsCsv: Uint8Array;
  readonly model: FixtureModel;
  /** HubSpot record ids of the model's accounts and contacts (numeric text). */
  readonly companyIds: readonly string[];
  readonly contactIds: readonly string[];
}

/** A HubSpot export: "Record ID", "Company name", … labels, UTF-8 with BOM, CRLF, quoted only where needed, ISO date-times. */
export function hubspotExport(o: FixtureOptions): HubSpotExport {
  const model = fixtureModel(o);
  const q = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  const companyIds = model.accounts.map((_, i) => String(9_000_000_000 + i * 37 + (Math.abs(o.seed) % 31)));
  const contactIds = model.contacts.map((_, i) => String(1_000_000 + i * 13 + (Math.abs(o.seed) % 7)));
  const companies = [
    q(['Record ID', 'Company name', 'Company Domain Name', 'Industry', 'Annual Revenue', 'Company owner', 'Country/Region', 'Create Date']),
  ];
  model.accounts.forEach((a, i) => {
    const revenue = a.annualRevenue === null ? '' : String(a.annualRevenue);
    const created = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}`;
    companies.push(q([companyIds[i]!, a.name, a.domain, a.industry.toUpperCase(), revenue, a.ownerName, a.country, created]));
  });
  const contacts = [
    q(['Record ID', 'First Name', 'Last Name', 'Email', 'Job Title', 'Phone Number', 'Associated Company', 'Associated Company IDs']),
  ];
  model.contacts.forEach((c, i) => {
    contacts.push(
      q([contactIds[i]!, c.firstName, c.lastName, c.email, c.title, c.phone, model.accounts[c.account]!.name, companyIds[c.account]!]),
    );
  });
  return {
    companiesCsv: file(companies, '\r\n', 'utf-8', true),
    contactsCsv: file(contacts, '\r\n', 'utf-8', true),
    model,
    companyIds,
    contactIds,
  };
}

export interface LoopExport extends DataLoaderExport {
  /** The two contact ids that report to each other. */
  readonly loop: readonly [string, string];
}

/** A Data Loader export of one account whose contacts A and B report to each other (C reports to A, D to nobody). */
export function reportingLoopExport(seed = 1): LoopExport {
  const base = fixtureModel({ accounts: 1, contactsPerAccount: 4, seed });
  const [a, b, c, d] = base.contacts as [FixtureContact, FixtureContact, FixtureContact, FixtureContact];
  const contacts: FixtureContact[] = [
    { ...a, manager: 1 },
    { ...b, manager: 0 },
    { ...c, manager: 0 },
    { ...d, manager: null },
  ];
  const model = { accounts: base.accounts, contacts };
  const acc = model.accounts[0]!;
  const accountsCsv = file(
    [quoteAll(['Id', 'Name', 'Industry', 'CurrencyIsoCode']), quoteAll([acc.id, acc.name, acc.industry, acc.currency])],
    '\n',
    'utf-8',
  );
  const lines = [quoteAll(['Id', 'AccountId', 'FirstName', 'LastName', 'Title', 'Email', 'ReportsToId'])];
  for (const p of contacts) {
    lines.push(quoteAll([p.id, acc.id, p.firstName, p.lastName, p.title, p.email, p.manager === null ? '' : contacts[p.manager]!.id]));
  }
  return { accountsCsv, contactsCsv: file(lines, '\n', 'utf-8'), model, loop: [a.id, b.id] };
}

export type BadKind = 'date' | 'impossibleDate' | 'amount' | 'negative' | 'abbreviated' | 'email' | 'currency';
const BAD_KINDS: readonly BadKind[] = ['date', 'impossibleDate', 'amount', 'negative', 'abbreviated', 'email', 'currency'];

export interface BadRowsExport {
  readonly csv: Uint8Array;
  /** Physical line of every bad row, ascending, with what is wrong in it. */
  readonly bad: ReadonlyArray<{ readonly line: number; readonly kind: BadKind }>;
  readonly goodRows: number;
}

/**
 * One file of accounts with a contact each ("Account Name", "ARR", "Currency", "Contract Start",
 * "Renewal Date" as D/M/Y, "First Name", "Last Name", "Email"): `good` rows that import and
 * `bad` rows spread among them, each with one wrong value (kinds in turn).
 */
export function badRowsExport(o: { readonly good: number; readonly bad: number; readonly seed: number }): BadRowsExport {
  const r = rng(o.seed);
  const total = o.good + o.bad;
  // Which rows are bad: a seeded shuffle of the row numbers, the first `bad` of them.
  const order = Array.from({ length: total }, (_, i) => i);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const badRows = new Map<number, BadKind>();
  order.slice(0, o.bad).forEach((row, k) => badRows.set(row, BAD_KINDS[k % BAD_KINDS.length]!));
  const lines = [quoteAll(['Account Name', 'ARR', 'Currency', 'Contract Start', 'Renewal Date', 'First Name', 'Last Name', 'Email'])];
  const bad: { line: number; kind: BadKind }[] = [];
  const day = () => String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const month = () => String(1 + Math.floor(r() * 12)).padStart(2, '0');
  for (let i = 0; i < total; i++) {
    const first = pick(r, FIRST_NAMES);
    const last = pick(r, ALL_LAST);
    const cells = {
      name: accountName(i, o.seed),
      arr: grouped(Math.round(r() * 5_000_000), 2, false),
      currency: i % 3 === 0 ? 'DKK' : 'EUR',
      start: `${day()}/${month()}/2025`,
      renewal: `${day()}/${month()}/2027`,
      first,
      last,
      email: `${asciiFold(first)}.${asciiFold(last)}.${i}@example.com`,
    };
    const kind = badRows.get(i);
    if (kind === 'date') cells.start = 'next spring';
    if (kind === 'impossibleDate') cells.renewal = '31/02/2027';
    if (kind === 'amount') cells.arr = '12,34,5';
    if (kind === 'negative') cells.arr = '(1,234.00)';
    if (kind === 'abbreviated') cells.arr = '1.2M';
    if (kind === 'email') cells.email = `${asciiFold(first)}.example.com`;
    if (kind === 'currency') cells.currency = 'EURO';
    if (kind) bad.push({ line: i + 2, kind });
    lines.push(quoteAll([cells.name, cells.arr, cells.currency, cells.start, cells.renewal, cells.first, cells.last, cells.email]));
  }
  return { csv: file(lines, '\r\n', 'utf-8'), bad, goodRows: o.good };
}
