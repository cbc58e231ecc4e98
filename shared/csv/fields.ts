/**
 * Matching the columns of a CRM export or a spreadsheet to Waypoint fields (PRODUCT §6, CSV).
 *
 * A header matches a field by an alias (Salesforce API names, Salesforce report labels, HubSpot
 * export labels, the plain words a spreadsheet user writes), compared without case, spaces,
 * underscores or punctuation; failing that by a close name (token overlap with abbreviations and
 * one-letter typos), never two columns on one field. Which field an alias means can depend on the
 * kind of file: `Name` is the account's name in a file of companies and the contact's full name
 * in a file of contacts.
 */
import {
  ACCOUNT_TARGETS,
  PERSON_TARGETS,
  type CsvMapping,
  type CsvSource,
  type DateOrder,
  type DecimalMark,
  type Reason,
  type TargetId,
  type TargetKind,
} from './types';
import { salesforceKey } from './ids';
import { inferDateOrder, inferDecimalMark } from './values';

// ---------- What each field is ----------

/**
 * The kind of file a mapping reads: a row per account, a row per contact, or a row per contact
 * with its account's columns beside it (a Salesforce "Contacts & Accounts" report; convert.ts
 * makes an account and a person of such a row, the person in the row's account).
 */
export type FileKind = 'accounts' | 'contacts' | 'both';

/** A record needs one of a group's fields mapped (by a column or a constant) to be made. */
export type Requirement = 'accountName' | 'personName' | 'personAccount';

export interface TargetSpec {
  readonly kind: TargetKind;
  readonly record: 'account' | 'person';
  /** The group this field can satisfy, or null when the field is optional. */
  readonly requirement: Requirement | null;
}

export const TARGETS: Readonly<Record<TargetId, TargetSpec>> = {
  'account.sourceId': { kind: 'id', record: 'account', requirement: null },
  'account.name': { kind: 'text', record: 'account', requirement: 'accountName' },
  'account.website': { kind: 'text', record: 'account', requirement: null },
  'account.industry': { kind: 'text', record: 'account', requirement: null },
  'account.region': { kind: 'text', record: 'account', requirement: null },
  'account.currency': { kind: 'currency', record: 'account', requirement: null },
  'account.owner': { kind: 'text', record: 'account', requirement: null },
  'account.arr': { kind: 'money', record: 'account', requirement: null },
  'account.potentialArr': { kind: 'money', record: 'account', requirement: null },
  'account.annualRevenue': { kind: 'money', record: 'account', requirement: null },
  'account.contractStart': { kind: 'date', record: 'account', requirement: null },
  'account.renewalDate': { kind: 'date', record: 'account', requirement: null },
  'account.tags': { kind: 'list', record: 'account', requirement: null },
  'account.notes': { kind: 'text', record: 'account', requirement: null },
  'person.sourceId': { kind: 'id', record: 'person', requirement: null },
  'person.accountSourceId': { kind: 'id', record: 'person', requirement: 'personAccount' },
  'person.accountName': { kind: 'text', record: 'person', requirement: 'personAccount' },
  'person.firstName': { kind: 'name', record: 'person', requirement: 'personName' },
  'person.lastName': { kind: 'name', record: 'person', requirement: 'personName' },
  'person.fullName': { kind: 'name', record: 'person', requirement: 'personName' },
  'person.title': { kind: 'text', record: 'person', requirement: null },
  'person.department': { kind: 'text', record: 'person', requirement: null },
  'person.email': { kind: 'email', record: 'person', requirement: null },
  'person.phone': { kind: 'text', record: 'person', requirement: null },
  'person.reportsToSourceId': { kind: 'id', record: 'person', requirement: null },
  'person.reportsToName': { kind: 'name', record: 'person', requirement: null },
  'person.ourOwner': { kind: 'text', record: 'person', requirement: null },
  'person.notes': { kind: 'text', record: 'person', requirement: null },
};

const ALL_TARGETS: readonly TargetId[] = [...ACCOUNT_TARGETS, ...PERSON_TARGETS];

export function isTargetId(v: unknown): v is TargetId {
  return typeof v === 'string' && (ALL_TARGETS as readonly string[]).includes(v);
}

/**
 * The groups a mapping leaves unfilled: an account needs its name; a person needs a name (full,
 * or first/last) and an account (its id or name, or the row's own account in a file of both).
 * Each group applies once a field of its record is mapped; with nothing mapped, the account's.
 */
export function missingRequirements(mapping: Pick<CsvMapping, 'columns' | 'constants'>): Requirement[] {
  const filled = new Set<TargetId>(mapping.columns.filter((t): t is TargetId => t !== null));
  for (const t of ALL_TARGETS) if ((mapping.constants[t] ?? '').trim() !== '') filled.add(t);
  const accounts = [...filled].some((t) => TARGETS[t].record === 'account');
  const persons = [...filled].some((t) => TARGETS[t].record === 'person');
  const groups: Requirement[] = [];
  if (accounts || !persons) groups.push('accountName');
  if (persons) groups.push('personName', 'personAccount');
  const rowAccount = filled.has('account.name') || filled.has('account.sourceId');
  return groups.filter(
    (g) => !ALL_TARGETS.some((t) => TARGETS[t].requirement === g && filled.has(t)) && !(g === 'personAccount' && rowAccount),
  );
}

// ---------- Aliases ----------

/** Where an alias comes from; the UI says it ("Salesforce API name"). */
export type AliasOrigin = 'salesforceApi' | 'salesforceReport' | 'hubspot' | 'common';

interface Alias {
  readonly name: string;
  readonly origin: AliasOrigin;
  /** The field it means in a file of accounts / of contacts (absent: none). */
  readonly accounts?: TargetId;
  readonly contacts?: TargetId;
  /** The field in a file of both (default: the contact's field, else the account's). */
  readonly both?: TargetId;
  /** Whether a header with this alias says which kind of file this is (default: when it means a field in one kind only). */
  readonly signal?: boolean;
}

const aliases = (
  origin: AliasOrigin,
  names: readonly string[],
  accounts: TargetId | undefined,
  contacts: TargetId | undefined,
  signal?: boolean,
): Alias[] => names.map((name) => ({ name, origin, accounts, contacts, signal }));

/** Aliases that name the row's account in a file of both ("Account Name" is then the account's name, not a reference). */
const ofRowAccount = (list: readonly Alias[]): Alias[] => list.map((a) => ({ ...a, both: a.accounts }));

/** Earlier entries win when two columns match one field exactly. */
const ALIASES: readonly Alias[] = [
  // Ids and names.
  ...aliases('salesforceApi', ['Id'], 'account.sourceId', 'person.sourceId'),
  ...ofRowAccount(aliases('salesforceReport', ['Account ID'], 'account.sourceId', 'person.accountSourceId')),
  ...aliases('salesforceReport', ['Contact ID'], undefined, 'person.sourceId'),
  ...aliases('hubspot', ['Record ID'], 'account.sourceId', 'person.sourceId'),
  // Waypoint's own CSV export (export.ts): the record's id, read back as an `other:` source key.
  ...aliases('common', ['Waypoint ID'], 'account.sourceId', 'person.sourceId'),
  ...aliases('common', ['ID', 'Customer ID', 'Company ID', 'Account number'], 'account.sourceId', undefined),
  ...aliases('common', ['Contact ID', 'Person ID'], undefined, 'person.sourceId'),
  ...aliases('salesforceApi', ['AccountId'], undefined, 'person.accountSourceId'),
  ...aliases('hubspot', ['Associated Company IDs', 'Associated Company ID', 'Company IDs'], undefined, 'person.accountSourceId'),
  ...aliases('salesforceApi', ['Name'], 'account.name', 'person.fullName'),
  ...ofRowAccount(aliases('salesforceReport', ['Account Name'], 'account.name', 'person.accountName')),
  ...aliases('salesforceApi', ['Account.Name'], undefined, 'person.accountName'),
  ...aliases('hubspot', ['Associated Company'], undefined, 'person.accountName'),
  ...ofRowAccount(aliases('hubspot', ['Company name'], 'account.name', 'person.accountName')),
  ...ofRowAccount(aliases('common', ['Company name'], 'account.name', 'person.accountName')),
  ...ofRowAccount(
    aliases('common', ['Company', 'Customer', 'Account', 'Organisation', 'Organization', 'Client'], 'account.name', 'person.accountName'),
  ),
  ...aliases('salesforceReport', ['Full Name', 'Contact Name'], undefined, 'person.fullName'),
  ...aliases('common', ['Name'], 'account.name', 'person.fullName'),
  ...aliases('common', ['Full name', 'Contact', 'Person', 'Stakeholder'], undefined, 'person.fullName', false),
  ...aliases('salesforceApi', ['FirstName'], undefined, 'person.firstName'),
  ...aliases('salesforceReport', ['First Name'], undefined, 'person.firstName'),
  ...aliases('hubspot', ['First Name'], undefined, 'person.firstName'),
  ...aliases('common', ['First', 'Given name', 'Forename'], undefined, 'person.firstName'),
  ...aliases('salesforceApi', ['LastName'], undefined, 'person.lastName'),
  ...aliases('salesforceReport', ['Last Name'], undefined, 'person.lastName'),
  ...aliases('hubspot', ['Last Name'], undefined, 'person.lastName'),
  ...aliases('common', ['Last', 'Surname', 'Family name'], undefined, 'person.lastName'),
  // Account fields.
  ...aliases('salesforceApi', ['Website'], 'account.website', undefined),
  ...aliases('salesforceReport', ['Website'], 'account.website', undefined),
  ...aliases('hubspot', ['Website URL', 'Company Domain Name'], 'account.website', undefined),
  ...aliases('common', ['Website', 'Domain', 'Web', 'URL', 'Homepage', 'Web site'], 'account.website', undefined),
  ...aliases('salesforceApi', ['Industry'], 'account.industry', undefined),
  ...aliases('salesforceReport', ['Industry'], 'account.industry', undefined),
  ...aliases('hubspot', ['Industry'], 'account.industry', undefined),
  ...aliases('common', ['Industry', 'Sector', 'Vertical'], 'account.industry', undefined),
  ...aliases('common', ['Region', 'Territory', 'Market'], 'account.region', undefined),
  ...aliases('salesforceApi', ['BillingCountry'], 'account.region', undefined),
  ...aliases('salesforceReport', ['Billing Country'], 'account.region', undefined),
  ...aliases('hubspot', ['Country/Region'], 'account.region', undefined),
  ...aliases('common', ['Country'], 'account.region', undefined),
  ...aliases('salesforceApi', ['BillingState'], 'account.region', undefined),
  ...aliases('salesforceReport', ['Billing State/Province'], 'account.region', undefined),
  ...aliases('hubspot', ['State/Region'], 'account.region', undefined),
  ...aliases('salesforceApi', ['CurrencyIsoCode'], 'account.currency', undefined, false),
  ...aliases('salesforceReport', ['Account Currency'], 'account.currency', undefined),
  ...aliases('common', ['Currency'], 'account.currency', undefined, false),
  ...ofRowAccount(aliases('salesforceApi', ['OwnerId', 'Owner.Name'], 'account.owner', 'person.ourOwner')),
  ...ofRowAccount(aliases('salesforceReport', ['Owner Name'], 'account.owner', 'person.ourOwner')),
  ...aliases('salesforceReport', ['Account Owner'], 'account.owner', undefined, false),
  ...aliases('hubspot', ['Company owner'], 'account.owner', undefined),
  ...ofRowAccount(
    aliases('common', ['Owner', 'Account manager', 'Account executive', 'Key account manager'], 'account.owner', 'person.ourOwner'),
  ),
  ...aliases('common', ['ARR', 'Annual Recurring Revenue', 'Recurring revenue'], 'account.arr', undefined),
  ...aliases('common', ['Potential', 'Potential ARR', 'Whitespace', 'Upsell potential'], 'account.potentialArr', undefined),
  ...aliases('salesforceApi', ['AnnualRevenue'], 'account.annualRevenue', undefined),
  ...aliases('salesforceReport', ['Annual Revenue'], 'account.annualRevenue', undefined),
  ...aliases('hubspot', ['Annual Revenue'], 'account.annualRevenue', undefined),
  ...aliases('common', ['Revenue', 'Turnover', 'Company revenue'], 'account.annualRevenue', undefined),
  ...aliases('common', ['Contract start', 'Contract start date', 'Start date', 'Customer since'], 'account.contractStart', undefined),
  ...aliases('common', ['Renewal date', 'Renewal', 'Next renewal', 'Contract end', 'Contract end date'], 'account.renewalDate', undefined),
  ...aliases('common', ['Tags', 'Labels'], 'account.tags', undefined),
  ...aliases('salesforceApi', ['Type'], 'account.tags', undefined),
  ...aliases('salesforceReport', ['Type'], 'account.tags', undefined),
  ...aliases('common', ['Type'], 'account.tags', undefined),
  // Contact fields.
  ...aliases('salesforceApi', ['Title'], undefined, 'person.title'),
  ...aliases('salesforceReport', ['Title'], undefined, 'person.title'),
  ...aliases('hubspot', ['Job Title'], undefined, 'person.title'),
  ...aliases('common', ['Title', 'Position', 'Role', 'Job'], undefined, 'person.title'),
  ...aliases('salesforceApi', ['Department'], undefined, 'person.department'),
  ...aliases('salesforceReport', ['Department'], undefined, 'person.department'),
  ...aliases('common', ['Department', 'Dept', 'Function'], undefined, 'person.department'),
  ...aliases('salesforceApi', ['Email'], undefined, 'person.email'),
  ...aliases('salesforceReport', ['Email'], undefined, 'person.email'),
  ...aliases('hubspot', ['Email'], undefined, 'person.email'),
  ...aliases('common', ['E-mail', 'Email address', 'Mail'], undefined, 'person.email'),
  ...aliases('salesforceApi', ['Phone'], undefined, 'person.phone', false),
  ...aliases('salesforceReport', ['Phone'], undefined, 'person.phone', false),
  ...aliases('hubspot', ['Phone Number'], undefined, 'person.phone', false),
  ...aliases('salesforceApi', ['MobilePhone'], undefined, 'person.phone'),
  ...aliases('salesforceReport', ['Mobile'], undefined, 'person.phone'),
  ...aliases('hubspot', ['Mobile Phone Number'], undefined, 'person.phone'),
  ...aliases('common', ['Phone', 'Telephone', 'Tel', 'Mobile phone'], undefined, 'person.phone', false),
  ...aliases('salesforceApi', ['ReportsToId'], undefined, 'person.reportsToSourceId'),
  ...aliases('salesforceReport', ['Reports To ID'], undefined, 'person.reportsToSourceId'),
  ...aliases('common', ['Manager ID'], undefined, 'person.reportsToSourceId'),
  ...aliases('salesforceApi', ['ReportsTo.Name'], undefined, 'person.reportsToName'),
  ...aliases('salesforceReport', ['Reports To'], undefined, 'person.reportsToName'),
  ...aliases('common', ['Manager', 'Line manager', 'Boss'], undefined, 'person.reportsToName'),
  ...aliases('salesforceReport', ['Contact Owner'], undefined, 'person.ourOwner'),
  ...aliases('hubspot', ['Contact owner'], undefined, 'person.ourOwner'),
  ...aliases('common', ['Our owner', 'Relationship owner'], undefined, 'person.ourOwner'),
  ...aliases('salesforceApi', ['Description'], 'account.notes', 'person.notes', false),
  ...aliases('salesforceReport', ['Description'], 'account.notes', 'person.notes', false),
  ...aliases('salesforceReport', ['Contact Description'], undefined, 'person.notes'),
  ...aliases('common', ['Notes', 'Note', 'Comments', 'Comment', 'Description'], 'account.notes', 'person.notes', false),
];

const CUSTOM_SUFFIX = /__c$/i;

/** A header or alias reduced for comparison: no case, accents, spaces, underscores or punctuation ("Account Name" = "account_name" = "AccountName"). */
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Words of a header: split at spaces, punctuation and camelCase ("ReportsTo.Name" → reports, to, name). */
function tokens(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

interface IndexedAlias extends Alias {
  readonly index: number;
  readonly key: string;
  readonly words: readonly string[];
}

const INDEXED: readonly IndexedAlias[] = ALIASES.map((a, index) => ({ ...a, index, key: normaliseHeader(a.name), words: tokens(a.name) }));
const BY_KEY = new Map<string, IndexedAlias[]>();
for (const a of INDEXED) BY_KEY.set(a.key, [...(BY_KEY.get(a.key) ?? []), a]);

const targetIn = (a: Alias, kind: FileKind): TargetId | undefined =>
  kind === 'accounts' ? a.accounts : kind === 'contacts' ? a.contacts : (a.both ?? a.contacts ?? a.accounts);

/** The aliases a header is exactly (a Salesforce custom field `Region__c` is its label `Region`). */
function exactAliases(header: string): { readonly list: readonly IndexedAlias[]; readonly custom: boolean } {
  const direct = BY_KEY.get(normaliseHeader(header));
  if (direct) return { list: direct, custom: false };
  if (CUSTOM_SUFFIX.test(header.trim())) {
    const stripped = BY_KEY.get(normaliseHeader(header.trim().replace(CUSTOM_SUFFIX, '')));
    if (stripped) return { list: stripped, custom: true };
  }
  return { list: [], custom: false };
}

// ---------- Close names ----------

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** `short` written with letters left out of `long`, same first letter ("acct" in "account"). */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 3 || short.length >= long.length || short[0] !== long[0]) return false;
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (isAbbreviation(a, b) || isAbbreviation(b, a)) return 0.85;
  if (Math.min(a.length, b.length) >= 4 && editDistance(a, b) === 1) return 0.9;
  return 0;
}

/** Words that make a header about something else than the alias it resembles ("Parent Account ID" is not the account's id). */
const QUALIFIERS = new Set([
  'parent',
  'secondary',
  'alternate',
  'alt',
  'other',
  'previous',
  'former',
  'old',
  'shipping',
  'mailing',
  'created',
  'modified',
  'opt',
]);

/** Similarity of a header to an alias in 0..1: matched words (Dice, abbreviations and one typo per word allowed), or the whole text with one typo. */
function closeness(headerWords: readonly string[], headerKey: string, alias: IndexedAlias): number {
  if (headerWords.some((w) => QUALIFIERS.has(w) && !alias.words.includes(w))) return 0;
  const used = new Set<number>();
  let matched = 0;
  for (const w of headerWords) {
    let best = 0;
    let bestAt = -1;
    alias.words.forEach((aw, i) => {
      if (used.has(i)) return;
      const s = wordSimilarity(w, aw);
      if (s > best) [best, bestAt] = [s, i];
    });
    if (bestAt >= 0) {
      used.add(bestAt);
      matched += best;
    }
  }
  const dice = (2 * matched) / (headerWords.length + alias.words.length);
  // One typo in a header written without separators ("acountname").
  const whole = Math.min(headerKey.length, alias.key.length) >= 6 && editDistance(headerKey, alias.key) <= 1 ? 0.9 : 0;
  return Math.max(dice, whole);
}

/** A close name is a match from this similarity on (an exact alias scores above every close name). */
export const CLOSE_THRESHOLD = 0.75;

const digits = /\d/;
const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

/** Whether the sample values could be this kind; only a close name is checked (an exact alias is trusted). */
function samplesFit(kind: TargetKind, values: readonly string[]): boolean {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return true;
  if (kind === 'email') return filled.some(looksLikeEmail);
  if (filled.every(looksLikeEmail)) return false;
  if (kind === 'money' || kind === 'date') return filled.some((v) => digits.test(v));
  return true;
}

// ---------- Which file, which source ----------

const SALESFORCE_PREFIXES = new Set(['001', '003', '005', '006', '00Q', '00G', '00D', '00E', '00T', '00U', '012', '500', '701']);

/** A Salesforce record id as a sign of the source: a valid 15/18-character id (ids.ts) with a known key prefix and a letter in it (not a long number). */
function isSalesforceRecordId(raw: string): boolean {
  const key = salesforceKey(raw);
  return key !== null && SALESFORCE_PREFIXES.has(key.slice(0, 3)) && /[a-zA-Z]/.test(key);
}

const column = (samples: readonly (readonly string[])[], i: number): string[] => samples.map((row) => row[i] ?? '');

/** The key prefix most of a column's values share when they are Salesforce ids ("001" accounts, "003" contacts), else null. */
function salesforcePrefix(values: readonly string[]): string | null {
  const ids = values.filter((v) => v.trim() !== '');
  if (ids.length === 0 || !ids.every(isSalesforceRecordId)) return null;
  const counts = new Map<string, number>();
  for (const v of ids) counts.set(v.trim().slice(0, 3), (counts.get(v.trim().slice(0, 3)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Is this a file of contacts, of accounts, or of both? The record's own id column decides when it
 * holds Salesforce ids (001 accounts, 003 contacts); else the headers only a file of contacts has
 * (FirstName, Email, ReportsToId, Associated Company…) are weighed against those only a file of
 * accounts has (Website, Industry, ARR, Billing Country…). Both kinds with a contact's name
 * column is a row per contact with its account beside it.
 */
export function detectFileKind(headers: readonly string[], samples: readonly (readonly string[])[] = []): FileKind {
  let person = 0;
  let account = 0;
  let personName = false;
  let idKind: FileKind | null = null;
  const names = new Set<TargetId>(['person.firstName', 'person.lastName', 'person.fullName']);
  for (const [i, h] of headers.entries()) {
    const { list } = exactAliases(h);
    const first = list[0];
    if (!first) continue;
    if (idKind === null && first.accounts === 'account.sourceId' && first.contacts === 'person.sourceId') {
      const prefix = salesforcePrefix(column(samples, i));
      idKind = prefix === '003' ? 'contacts' : prefix === '001' ? 'accounts' : null;
    }
    if (list.some((a) => a.accounts === undefined && a.contacts !== undefined && names.has(a.contacts))) personName = true;
    const signal = list.find((a) => a.signal !== false);
    if (!signal) continue;
    if (signal.contacts && !signal.accounts) person++;
    if (signal.accounts && !signal.contacts) account++;
  }
  if (idKind === 'accounts') return 'accounts';
  if ((idKind === 'contacts' || person > 0) && account > 0 && personName) return 'both';
  return idKind === 'contacts' || person > account ? 'contacts' : 'accounts';
}

/**
 * Where the file came from: Salesforce when its values hold Salesforce ids or its headers are
 * Salesforce API names or report labels only Salesforce writes; HubSpot for HubSpot's own labels
 * ("Record ID", "Associated Company"); else other — also when an id column holds ids Salesforce
 * would not write, since a Salesforce source reads ids as Salesforce ids only.
 */
export function detectSource(headers: readonly string[], samples: readonly (readonly string[])[] = []): CsvSource {
  if (headers.some((_, i) => salesforcePrefix(column(samples, i)) !== null)) return 'salesforce';
  let salesforce = 0;
  let hubspot = 0;
  for (const h of headers) {
    // A custom field (`ARR__c`) is written by Salesforce alone.
    if (CUSTOM_SUFFIX.test(h.trim())) {
      salesforce++;
      continue;
    }
    const { list } = exactAliases(h);
    const origins = new Set(list.map((a) => a.origin));
    if (origins.size === 0 || origins.has('common')) continue;
    if (!origins.has('hubspot')) salesforce++;
    else if (!origins.has('salesforceApi') && !origins.has('salesforceReport')) hubspot++;
  }
  // Ids that are no Salesforce ids ("C-1001") under Salesforce-like labels: a spreadsheet, whose ids must be kept as they are.
  const idColumn = (h: string) =>
    exactAliases(h).list.some((a) => [a.accounts, a.contacts].some((t) => t !== undefined && TARGETS[t].kind === 'id'));
  const foreignIds = headers.some((h, i) => idColumn(h) && column(samples, i).some((v) => v.trim() !== '' && salesforceKey(v) === null));
  if (hubspot > salesforce) return 'hubspot';
  if (salesforce > 0 && !foreignIds) return 'salesforce';
  return hubspot > 0 ? 'hubspot' : 'other';
}

// ---------- Matching ----------

interface Candidate {
  readonly column: number;
  readonly target: TargetId;
  readonly score: number;
}

/** Every column's candidate fields: exact aliases score 2 (earlier aliases a hair more), close names their similarity. */
function candidates(
  headers: readonly string[],
  samples: readonly (readonly string[])[],
  kind: FileKind,
  columns: ReadonlySet<number>,
): Candidate[] {
  const out: Candidate[] = [];
  for (const [i, header] of headers.entries()) {
    if (!columns.has(i) || normaliseHeader(header) === '') continue;
    // A header that is an alias is that field or, in the other kind of file, no field: never a close name of another.
    const exact = exactAliases(header).list;
    if (exact.length > 0) {
      // OwnerId holds Salesforce user ids (005…), not the owner's name: a name column (Owner.Name) or nothing.
      const userIds = salesforcePrefix(column(samples, i)) === '005';
      for (const a of exact) {
        const target = targetIn(a, kind);
        if (target === undefined || (userIds && OWNER_TARGETS.has(target))) continue;
        out.push({ column: i, target, score: 2 - a.index / 10_000 });
      }
      continue;
    }
    const words = tokens(header.replace(CUSTOM_SUFFIX, ''));
    const key = normaliseHeader(header.replace(CUSTOM_SUFFIX, ''));
    const best = new Map<TargetId, number>();
    for (const a of INDEXED) {
      const target = targetIn(a, kind);
      if (target === undefined) continue;
      const s = closeness(words, key, a);
      if (s >= CLOSE_THRESHOLD && s > (best.get(target) ?? 0)) best.set(target, s);
    }
    const values = column(samples, i);
    for (const [target, score] of best) if (samplesFit(TARGETS[target].kind, values)) out.push({ column: i, target, score });
  }
  return out;
}

const OWNER_TARGETS: ReadonlySet<TargetId> = new Set(['account.owner', 'person.ourOwner']);

/** Greedy by score: the best pair first; a column and a field are each used once (the worse rival is left unmapped). */
function assign(
  found: readonly Candidate[],
  width: number,
  taken: ReadonlySet<TargetId>,
  into?: readonly (TargetId | null)[],
): (TargetId | null)[] {
  const columns: (TargetId | null)[] = Array.from({ length: width }, (_, i) => into?.[i] ?? null);
  const used = new Set<TargetId>(taken);
  const done = new Set<number>();
  const sorted = [...found].sort(
    (a, b) => b.score - a.score || a.column - b.column || ALL_TARGETS.indexOf(a.target) - ALL_TARGETS.indexOf(b.target),
  );
  for (const c of sorted) {
    if (done.has(c.column) || used.has(c.target)) continue;
    columns[c.column] = c.target;
    done.add(c.column);
    used.add(c.target);
  }
  return columns;
}

/** Rows enough to recognise a file by its values (ids, sample kinds); the value settings read every row given. */
const DETECT_ROWS = 200;

/**
 * The first mapping of a file: each column to the field its header names (exact alias first,
 * then a close name that its sample values fit), never two columns on one field, with the file's
 * kind and source detected. `samples` are data rows (cells per column, as in CsvSheet.data):
 * the first 200 recognise the file; all of them give the decimal mark of the money columns and the
 * date order of the date columns (values.ts; null when the dates do not prove their order — the
 * screen asks). The default currency is left '' for the user.
 */
export function autoMap(headers: readonly string[], samples: readonly (readonly string[])[]): CsvMapping {
  const head = samples.slice(0, DETECT_ROWS);
  const kind = detectFileKind(headers, head);
  const columns = assign(candidates(headers, head, kind, new Set(headers.keys())), headers.length, new Set());
  const valuesOf = (k: TargetKind) => columns.flatMap((t, i) => (t !== null && TARGETS[t].kind === k ? column(samples, i) : []));
  return {
    source: detectSource(headers, head),
    columns,
    constants: {},
    dateOrder: inferDateOrder(valuesOf('date')).order,
    decimal: inferDecimalMark(valuesOf('money')),
    defaultCurrency: '',
  };
}

const ORIGIN_ORDER: Readonly<Record<CsvSource, readonly AliasOrigin[]>> = {
  salesforce: ['salesforceApi', 'salesforceReport', 'common', 'hubspot'],
  hubspot: ['hubspot', 'common', 'salesforceReport', 'salesforceApi'],
  other: ['common', 'salesforceReport', 'hubspot', 'salesforceApi'],
};

/** The match codes the UI translates: `csv.match.<origin>`, `csv.match.salesforceCustom`, `csv.match.close` ({{name}}: the alias it is close to). */
export const MATCH_KEYS = {
  salesforceApi: 'csv.match.salesforceApi',
  salesforceReport: 'csv.match.salesforceReport',
  hubspot: 'csv.match.hubspot',
  common: 'csv.match.common',
  salesforceCustom: 'csv.match.salesforceCustom',
  close: 'csv.match.close',
} as const;

/**
 * Why a header fills a field, for the mapping screen: the kind of alias it is (the file's source
 * decides between equal names), or the alias it is close to; null when nothing relates them (the
 * user chose it).
 */
export function matchReason(header: string, target: TargetId, source: CsvSource = 'other'): Reason | null {
  const { list, custom } = exactAliases(header);
  const exact = list.filter((a) => a.accounts === target || a.contacts === target);
  if (exact.length > 0) {
    if (custom) return { key: MATCH_KEYS.salesforceCustom };
    // The alias spelled as the header is ("Annual Revenue" is a label, "AnnualRevenue" an API name), then the file's source.
    const spelled = exact.filter((a) => a.name.toLowerCase() === header.trim().toLowerCase());
    const origins = new Set((spelled.length > 0 ? spelled : exact).map((a) => a.origin));
    const origin = ORIGIN_ORDER[source].find((o) => origins.has(o)) ?? exact[0]!.origin;
    return { key: MATCH_KEYS[origin] };
  }
  const words = tokens(header.replace(CUSTOM_SUFFIX, ''));
  const key = normaliseHeader(header.replace(CUSTOM_SUFFIX, ''));
  let best: { readonly alias: IndexedAlias; readonly score: number } | null = null;
  for (const a of INDEXED) {
    if (a.accounts !== target && a.contacts !== target) continue;
    const score = closeness(words, key, a);
    if (score >= CLOSE_THRESHOLD && (best === null || score > best.score)) best = { alias: a, score };
  }
  return best ? { key: MATCH_KEYS.close, params: { name: best.alias.name } } : null;
}

/** matchReason for every mapped column of a mapping (null where a column is ignored or chosen by hand). */
export function describeMatch(headers: readonly string[], mapping: Pick<CsvMapping, 'columns' | 'source'>): (Reason | null)[] {
  return headers.map((h, i) => {
    const target = mapping.columns[i] ?? null;
    return target === null ? null : matchReason(h, target, mapping.source);
  });
}

// ---------- Presets ----------

/** A saved mapping, by header name (a reordered export still finds its columns); JSON-safe. */
export interface CsvPreset {
  readonly version: 1;
  readonly source: CsvSource;
  /** [header, field or null (ignored on purpose)] in file order; a repeated header appears once per column. */
  readonly columns: ReadonlyArray<readonly [string, TargetId | null]>;
  readonly constants: Readonly<Partial<Record<TargetId, string>>>;
  readonly dateOrder: DateOrder | null;
  readonly decimal: DecimalMark;
  readonly defaultCurrency: string;
}

/** The preset of a mapping: the field of each header, the constants and the value settings. */
export function presetFromMapping(headers: readonly string[], mapping: CsvMapping): CsvPreset {
  const constants: Partial<Record<TargetId, string>> = {};
  for (const t of ALL_TARGETS) {
    const v = mapping.constants[t];
    if (v !== undefined) constants[t] = v;
  }
  return {
    version: 1,
    source: mapping.source,
    columns: headers.map((h, i) => [h, mapping.columns[i] ?? null] as const),
    constants,
    dateOrder: mapping.dateOrder,
    decimal: mapping.decimal,
    defaultCurrency: mapping.defaultCurrency,
  };
}

/**
 * A preset applied to a file: each saved header finds its column by name (exactly, then ignoring
 * case and punctuation), a saved header the file no longer has is dropped, and a column the preset
 * never saw is auto-matched to a field the preset leaves free (no column and no constant).
 */
export function applyPreset(headers: readonly string[], preset: CsvPreset, samples: readonly (readonly string[])[] = []): CsvMapping {
  const columns: (TargetId | null)[] = headers.map(() => null);
  const known = new Set<number>();
  const pending = [...preset.columns];
  for (const sameName of [(a: string, b: string) => a === b, (a: string, b: string) => normaliseHeader(a) === normaliseHeader(b)]) {
    for (let p = 0; p < pending.length; p++) {
      const [header, target] = pending[p]!;
      const at = headers.findIndex((h, i) => !known.has(i) && sameName(h, header));
      if (at < 0) continue;
      known.add(at);
      columns[at] = target;
      pending.splice(p--, 1);
    }
  }
  const taken = new Set<TargetId>(columns.filter((t): t is TargetId => t !== null));
  for (const t of ALL_TARGETS) if (preset.constants[t] !== undefined) taken.add(t);
  const fresh = new Set([...headers.keys()].filter((i) => !known.has(i)));
  const records = new Set(preset.columns.flatMap(([, t]) => (t === null ? [] : [TARGETS[t].record])));
  const kind: FileKind =
    records.size === 0 ? detectFileKind(headers, samples) : records.size === 2 ? 'both' : records.has('person') ? 'contacts' : 'accounts';
  return {
    source: preset.source,
    columns: assign(candidates(headers, samples, kind, fresh), headers.length, taken, columns),
    constants: { ...preset.constants },
    dateOrder: preset.dateOrder,
    decimal: preset.decimal,
    defaultCurrency: preset.defaultCurrency,
  };
}

const MAX_PRESET_COLUMNS = 2000;
const MAX_PRESET_TEXT = 1000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const shortText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_PRESET_TEXT;

/** A preset read from storage, or null when anything in it is not what presetFromMapping writes (trust nothing stored). */
export function readPreset(raw: unknown): CsvPreset | null {
  if (!isRecord(raw) || own(raw, 'version') !== 1) return null;
  const source = own(raw, 'source');
  if (source !== 'salesforce' && source !== 'hubspot' && source !== 'other') return null;
  const rawColumns = own(raw, 'columns');
  if (!Array.isArray(rawColumns) || rawColumns.length > MAX_PRESET_COLUMNS) return null;
  const columns: (readonly [string, TargetId | null])[] = [];
  const used = new Set<TargetId>();
  for (const entry of rawColumns as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [header, target] = entry as unknown[];
    if (!shortText(header) || (target !== null && !isTargetId(target))) return null;
    if (target !== null) {
      if (used.has(target)) return null;
      used.add(target);
    }
    columns.push([header, target]);
  }
  const rawConstants = own(raw, 'constants');
  if (!isRecord(rawConstants)) return null;
  const constants: Partial<Record<TargetId, string>> = {};
  for (const k of Object.keys(rawConstants)) {
    const v = own(rawConstants, k);
    if (!isTargetId(k) || !shortText(v)) return null;
    constants[k] = v;
  }
  const dateOrder = own(raw, 'dateOrder');
  if (dateOrder !== null && dateOrder !== 'ymd' && dateOrder !== 'dmy' && dateOrder !== 'mdy') return null;
  const decimal = own(raw, 'decimal');
  if (decimal !== '.' && decimal !== ',') return null;
  const defaultCurrency = own(raw, 'defaultCurrency');
  if (typeof defaultCurrency !== 'string' || !/^(?:[A-Z]{3})?$/.test(defaultCurrency)) return null;
  return { version: 1, source, columns, constants, dateOrder, decimal, defaultCurrency };
}
