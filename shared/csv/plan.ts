/**
 * The dry run of a CSV import (PRODUCT §6): what the records of a file would create, update or
 * leave alone in the workspace, and every row refused with its line and reason — before anything
 * is written. Pure and deterministic: the same records, workspace and decisions give the same plan
 * (new ids are drawn from `newId` in record order: accounts, then people, then lines).
 *
 * Merge rules (and why):
 * - A field the file does not map is never in a patch, and a blank cell never clears a value (an
 *   import adds and corrects, it does not erase; Salesforce's own Data Loader skips nulls the same
 *   way by default).
 * - Notes are written on create, or into notes that are empty in Waypoint — never over notes,
 *   which are typed in Waypoint and cannot be told apart from an earlier import.
 * - Tags are added, never removed: a tag may have been given in Waypoint, so the imported tags are
 *   joined to the ones there (compared as sets, case-insensitive).
 * - An e-mail address is one person wherever it is: a contact whose address (or source id) is
 *   already on a person of another account is refused, not moved — moving would cut that
 *   person's lines on the other map.
 * - Reports-to lines follow the drawing rules (checkLine): no self, no second manager, no cycle,
 *   a line that exists is unchanged — checked against the existing lines plus those planned
 *   earlier in this import, with a manager map and a union-find of each reporting tree's top so
 *   that 60,000 lines stay linear.
 */
import type {
  AccountRecord,
  AmbiguousMatch,
  ExistingAccount,
  ExistingPerson,
  ExistingWorkspace,
  ImportDecision,
  ImportedAccountFields,
  ImportedPersonFields,
  ImportPlan,
  ImportRecords,
  PersonRecord,
  PlanCounts,
  PlannedAccountCreate,
  PlannedAccountUpdate,
  PlannedLine,
  PlannedPersonCreate,
  PlannedPersonUpdate,
  PlannedUnchanged,
  Reason,
  RecordRef,
  RowProblem,
  TargetId,
} from './types';

export interface PlanOptions {
  readonly newId: () => string;
  /** The user's answers per line (for ambiguous matches; 'skip' leaves any row out). */
  readonly decisions?: ReadonlyMap<number, ImportDecision>;
  /** Answers for contacts when accounts and contacts come from two files whose line numbers overlap; else `decisions` serves both. */
  readonly personDecisions?: ReadonlyMap<number, ImportDecision>;
}

/** Every reason key the plan uses (the UI translates them under `csv.reason`). */
export const PLAN_REASONS = {
  duplicateSourceKey: 'csv.reason.duplicateSourceKey',
  duplicateRow: 'csv.reason.duplicateRow',
  accountNameMissing: 'csv.reason.accountNameMissing',
  personNameMissing: 'csv.reason.personNameMissing',
  accountMissing: 'csv.reason.accountMissing',
  accountNotImported: 'csv.reason.accountNotImported',
  accountUndecided: 'csv.reason.accountUndecided',
  accountAmbiguous: 'csv.reason.accountAmbiguous',
  personInOtherAccount: 'csv.reason.personInOtherAccount',
  managerMissing: 'csv.reason.managerMissing',
  managerNotImported: 'csv.reason.managerNotImported',
  managerAmbiguous: 'csv.reason.managerAmbiguous',
  managerOtherAccount: 'csv.reason.managerOtherAccount',
  lineSelf: 'csv.reason.lineSelf',
  lineDotted: 'csv.reason.lineDotted',
  lineSecondManager: 'csv.reason.lineSecondManager',
  lineCycle: 'csv.reason.lineCycle',
} as const;

// ---------- Normalising names, sites and addresses ----------

const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'gmbh', 'mbh', 'ag',
  'kg', 'kgaa', 'ohg', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'as', 'asa', 'ab', 'oy', 'oyj', 'aps', 'kk', 'pty',
  'pte', 'sl', 'sro', 'kft', 'zrt', 'bhd', 'sdn', 'pvt', 'ulc',
]); // prettier-ignore
const CJK_SUFFIXES = ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '株式会社', '有限会社', '合同会社'];
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Lower case without accents, and the few letters NFKD does not take apart folded (ø → o, ß → ss). */
function fold(s: string): string {
  // Most names are ASCII: skip the Unicode work for them (60,000 contacts are folded several times each).
  if (!/[^ -~]/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđłþı]/g, (c) => FOLDED[c] ?? c);
}

/**
 * A company name for matching: case, accents, punctuation and legal suffixes left out
 * ("ACME, Inc." = "Acme" = "Acme GmbH & Co. KG"; "Ørsted A/S" = "Orsted"; "阿里巴巴有限公司" = "阿里巴巴").
 */
export function companyKey(name: string): string {
  const words = fold(name)
    .replace(/&/g, ' and ')
    .split(/[\s,()（）]+/u)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w !== '');
  let stripped = false;
  while (words.length > 1) {
    const last = words[words.length - 1]!;
    if (!LEGAL_SUFFIXES.has(last) && !(stripped && last === 'and')) break;
    words.pop();
    stripped = true;
  }
  let key = words.join('');
  for (const suffix of CJK_SUFFIXES) {
    if (key.length > suffix.length && key.endsWith(suffix)) key = key.slice(0, -suffix.length);
    else if (key.length > suffix.length && key.startsWith(suffix)) key = key.slice(suffix.length);
  }
  return key;
}

/** The domain of a website for matching: scheme, credentials, port, path and `www.` left out ("https://www.Acme.com/about" → "acme.com"); '' when it is no domain. */
export function websiteDomain(raw: string): string {
  let s = raw.trim().toLowerCase();
  if (!s.includes('/') && s.includes('@')) s = s.slice(s.lastIndexOf('@') + 1);
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '');
  s = (s.split(/[/?#\s]/)[0] ?? '').replace(/^[^@]*@/, '');
  s = s
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\d*\./, '');
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(s) ? s : '';
}

/** A person's name for matching: case, accents and punctuation left out, word order ignored ("Smith, John" = "john smith"). */
export function personKey(name: string): string {
  return fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .sort()
    .join(' ');
}

const emailKey = (email: string | undefined): string => {
  const s = (email ?? '').trim().toLowerCase();
  return s.includes('@') ? s : '';
};

const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';

/** The source a key comes from ("salesforce:001…" → "salesforce"). */
const sourceOf = (key: string): string => key.slice(0, Math.max(0, key.indexOf(':')));

/** Two records may be one unless both carry ids of the same source that differ. */
const keysCompatible = (a: string | null, b: string | null): boolean => a === null || b === null || a === b || sourceOf(a) !== sourceOf(b);

/** A source key as a person would recognise it (its id without the source). */
const shownKey = (key: string): string => key.slice(key.indexOf(':') + 1);

/**
 * The Waypoint id a key may be: Waypoint's CSV export (export.ts) names each record by its own id,
 * which the import reads as `other:<id>`. Read back into the workspace it came from, that key is
 * the record itself (ids are UUIDs, so no other system's id is one by chance); the record needs no
 * source key for it.
 */
const ownId = (key: string | null): string => (key !== null && key.startsWith('other:') ? key.slice('other:'.length) : '');
/** The source key to remember on a matched record: the row's, unless the record has one or the key is its own id. */
const keyToSet = (key: string | null, target: { readonly id: string; readonly sourceKey: string | null }): string | null =>
  key !== null && target.sourceKey === null && ownId(key) !== target.id ? key : null;

// ---------- Patches ----------

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

const ACCOUNT_TEXT = ['name', 'website', 'industry', 'region', 'currency', 'owner'] as const;
const ACCOUNT_MONEY = ['arr', 'potentialArr', 'annualRevenue'] as const;
const ACCOUNT_DATES = ['contractStart', 'renewalDate'] as const;
const PERSON_TEXT = ['name', 'title', 'department', 'phone', 'ourOwner'] as const;

const tagKey = (t: string) => t.trim().toLowerCase();

/** Only what differs: text and dates as strings, money as integers, tags as a set joined to Waypoint's, notes only into empty notes. */
export function accountPatch(
  fields: Readonly<Partial<ImportedAccountFields>>,
  current: ImportedAccountFields,
): Partial<ImportedAccountFields> {
  const patch: Mutable<ImportedAccountFields> = {};
  for (const k of ACCOUNT_TEXT) {
    const v = fields[k];
    if (v !== undefined && !blank(v) && v !== current[k]) patch[k] = v;
  }
  for (const k of ACCOUNT_MONEY) {
    const v = fields[k];
    if (v !== undefined && Number(v) !== Number(current[k])) patch[k] = v;
  }
  for (const k of ACCOUNT_DATES) {
    const v = fields[k];
    if (v !== undefined && v !== null && String(v) !== String(current[k])) patch[k] = v;
  }
  if (fields.tags !== undefined) {
    const have = current.tags ?? [];
    const seen = new Set(have.map(tagKey));
    const added: string[] = [];
    for (const t of fields.tags) {
      if (blank(t) || seen.has(tagKey(t))) continue;
      seen.add(tagKey(t));
      added.push(t.trim());
    }
    if (added.length > 0) patch.tags = [...have, ...added];
  }
  if (!blank(fields.notes) && blank(current.notes)) patch.notes = fields.notes;
  return patch;
}

/** Only what differs; e-mail addresses compared without case; notes only into empty notes. */
export function personPatch(fields: Readonly<Partial<ImportedPersonFields>>, current: ImportedPersonFields): Partial<ImportedPersonFields> {
  const patch: Mutable<ImportedPersonFields> = {};
  for (const k of PERSON_TEXT) {
    const v = fields[k];
    if (v !== undefined && !blank(v) && v !== current[k]) patch[k] = v;
  }
  if (
    fields.email !== undefined &&
    !blank(fields.email) &&
    fields.email.trim().toLowerCase() !== (current.email ?? '').trim().toLowerCase()
  ) {
    patch.email = fields.email;
  }
  if (!blank(fields.notes) && blank(current.notes)) patch.notes = fields.notes;
  return patch;
}

// ---------- Small helpers ----------

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The record a file's row became: its id, or null when the row is not imported (and why). */
interface Outcome {
  readonly line: number;
  readonly id: string | null;
  readonly state: 'imported' | 'refused' | 'skipped' | 'ambiguous';
  readonly sourceKey: string | null;
  readonly name: string;
}

type Resolved = { readonly id: string } | { readonly reason: Reason };

/** What a row matched: a record for sure, several (or an unsure one) for the user to choose, or nothing. */
interface Match<T> {
  readonly list: readonly T[];
  readonly sure: boolean;
}

type Choice<T> =
  { readonly kind: 'match'; readonly target: T } | { readonly kind: 'new' } | { readonly kind: 'ambiguous'; readonly list: readonly T[] };

/** A match and the user's decision: a chosen candidate, 'new', one sure match, else ambiguous (or new when there is none). */
function choose<T extends { readonly id: string }>(match: Match<T>, decision: ImportDecision | undefined): Choice<T> {
  if (decision === 'new') return { kind: 'new' };
  const chosen = decision === undefined ? undefined : match.list.find((c) => c.id === decision);
  if (chosen) return { kind: 'match', target: chosen };
  if (match.list.length === 0) return { kind: 'new' };
  if (match.sure && match.list.length === 1) return { kind: 'match', target: match.list[0]! };
  return { kind: 'ambiguous', list: match.list };
}

/**
 * The top of every reporting tree, kept as lines are added: a union-find whose sets are trees and
 * whose label is the tree's top. A new line `from → to` (from has no manager yet, so it is a top)
 * closes a loop exactly when the top of `to`'s tree is `from`.
 */
class ReportingForest {
  private readonly parent = new Map<string, string>();
  private readonly size = new Map<string, number>();
  private readonly top = new Map<string, string>();

  private find(x: string): string {
    let root = x;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    for (let at = x; at !== root;) {
      const next = this.parent.get(at)!;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  topOf(x: string): string {
    const r = this.find(x);
    return this.top.get(r) ?? r;
  }

  /** Adds `from` (a top) under `to`. */
  link(from: string, to: string): void {
    const a = this.find(from);
    const b = this.find(to);
    if (a === b) return;
    const top = this.top.get(b) ?? b;
    const [small, large] = (this.size.get(a) ?? 1) > (this.size.get(b) ?? 1) ? [b, a] : [a, b];
    this.parent.set(small, large);
    this.size.set(large, (this.size.get(a) ?? 1) + (this.size.get(b) ?? 1));
    this.top.set(large, top);
  }
}

function counts(
  refused: readonly RowProblem[],
  kind: 'account' | 'person',
  r: {
    readonly create: readonly unknown[];
    readonly update: readonly unknown[];
    readonly unchanged: readonly unknown[];
    readonly skipped: readonly number[];
  },
  ambiguous: readonly AmbiguousMatch[],
): PlanCounts {
  return {
    create: r.create.length,
    update: r.update.length,
    unchanged: r.unchanged.length,
    skipped: r.skipped.length,
    refused: new Set(refused.filter((p) => p.kind === kind).map((p) => p.line)).size,
    ambiguous: ambiguous.filter((a) => a.kind === kind).length,
  };
}

const KIND_ORDER = { account: 0, person: 1, line: 2 } as const;

// ---------- The plan ----------

/**
 * The dry run of an import: each account record matched by source id (or, read from Waypoint's
 * own export, its id in this workspace), else by normalised name and website domain; each contact
 * by source id (or own id), else e-mail, else name within its account; each
 * reports-to a line checked like a drawn one. Rows already refused while reading values
 * (`records.problems`) are passed through and not planned.
 */
export function planImport(records: ImportRecords, existing: ExistingWorkspace, opts: PlanOptions): ImportPlan {
  const refused: RowProblem[] = [...records.problems];
  const ambiguous: AmbiguousMatch[] = [];
  const refuse = (line: number, kind: RowProblem['kind'], key: keyof typeof PLAN_REASONS, params?: Reason['params'], target?: TargetId) =>
    refused.push({ line, kind, ...(target ? { target } : {}), reason: { key: PLAN_REASONS[key], ...(params ? { params } : {}) } });
  const bad = new Set(records.problems.map((p) => `${p.kind}:${p.line}`));

  // ----- Accounts -----
  const accById = new Map<string, ExistingAccount>();
  const accBySource = new Map<string, ExistingAccount>();
  const accByName = new Map<string, ExistingAccount[]>();
  const accByDomain = new Map<string, ExistingAccount[]>();
  for (const a of existing.accounts) {
    accById.set(a.id, a);
    if (a.sourceKey !== null && !accBySource.has(a.sourceKey)) accBySource.set(a.sourceKey, a);
    const key = companyKey(a.name);
    if (key !== '') push(accByName, key, a);
    const domain = websiteDomain(a.website ?? '');
    if (domain !== '') push(accByDomain, domain, a);
  }

  const accounts = {
    create: [] as PlannedAccountCreate[],
    update: [] as PlannedAccountUpdate[],
    unchanged: [] as PlannedUnchanged[],
    skipped: [] as number[],
  };
  const fileAccByKey = new Map<string, Outcome>();
  const fileAccByName = new Map<string, Outcome[]>();
  const fileAccNames = new Map<string, Array<{ readonly line: number; readonly domain: string }>>();
  const seenAccountKeys = new Map<string, number>();
  const claimedAccounts = new Map<string, number>();
  const accountName = new Map<string, string>();
  for (const a of existing.accounts) accountName.set(a.id, a.name);

  const nameMatch = (name: string, domain: string, sourceKey: string | null): Match<ExistingAccount> => {
    const usable = (a: ExistingAccount) => !claimedAccounts.has(a.id) && keysCompatible(a.sourceKey, sourceKey);
    const byName = (accByName.get(companyKey(name)) ?? []).filter(usable);
    if (domain === '') return { list: byName, sure: byName.length === 1 };
    const domainOf = (a: ExistingAccount) => websiteDomain(a.website ?? '');
    const fits = byName.filter((a) => domainOf(a) === '' || domainOf(a) === domain);
    const same = fits.filter((a) => domainOf(a) === domain);
    if (same.length === 1) return { list: same, sure: true };
    if (fits.length > 0) return { list: fits, sure: fits.length === 1 };
    // The same site under another name (renamed, or a subsidiary): the user decides.
    return { list: (accByDomain.get(domain) ?? []).filter(usable), sure: false };
  };

  const settleAccount = (r: AccountRecord, id: string | null, state: Outcome['state']) => {
    const outcome: Outcome = { id, state, line: r.line, sourceKey: r.sourceKey, name: r.fields.name ?? '' };
    if (r.sourceKey !== null && !fileAccByKey.has(r.sourceKey)) fileAccByKey.set(r.sourceKey, outcome);
    const key = companyKey(r.fields.name ?? '');
    if (key !== '') push(fileAccByName, key, outcome);
  };

  for (const r of records.accounts) {
    const name = (r.fields.name ?? '').trim();
    if (bad.size > 0 && bad.has(`account:${r.line}`)) {
      settleAccount(r, null, 'refused');
      continue;
    }
    if (r.sourceKey !== null) {
      const first = seenAccountKeys.get(r.sourceKey);
      if (first !== undefined) {
        refuse(r.line, 'account', 'duplicateSourceKey', { first, id: shownKey(r.sourceKey) }, 'account.sourceId');
        continue;
      }
      seenAccountKeys.set(r.sourceKey, r.line);
    }
    const decision = opts.decisions?.get(r.line);
    if (decision === 'skip') {
      accounts.skipped.push(r.line);
      settleAccount(r, null, 'skipped');
      continue;
    }
    const domain = websiteDomain(r.fields.website ?? '');
    let choice: Choice<ExistingAccount>;
    const bySource = r.sourceKey === null ? undefined : (accBySource.get(r.sourceKey) ?? accById.get(ownId(r.sourceKey)));
    if (bySource) {
      const first = claimedAccounts.get(bySource.id);
      if (first !== undefined) {
        refuse(r.line, 'account', 'duplicateRow', { first });
        continue;
      }
      choice = { kind: 'match', target: bySource };
    } else {
      if (name === '') {
        refuse(r.line, 'account', 'accountNameMissing', undefined, 'account.name');
        settleAccount(r, null, 'refused');
        continue;
      }
      if (r.sourceKey === null) {
        const key = companyKey(name);
        const twin = (fileAccNames.get(key) ?? []).find((e) => e.domain === '' || domain === '' || e.domain === domain);
        if (twin) {
          refuse(r.line, 'account', 'duplicateRow', { first: twin.line });
          continue;
        }
      }
      choice = choose(nameMatch(name, domain, r.sourceKey), decision);
    }
    if (name !== '') push(fileAccNames, companyKey(name), { line: r.line, domain });

    if (choice.kind === 'ambiguous') {
      ambiguous.push({ line: r.line, kind: 'account', name, candidates: choice.list.map((a) => ({ id: a.id, name: a.name })) });
      settleAccount(r, null, 'ambiguous');
    } else if (choice.kind === 'new') {
      const id = opts.newId();
      accounts.create.push({ line: r.line, id, sourceKey: r.sourceKey, fields: r.fields });
      accountName.set(id, name);
      settleAccount(r, id, 'imported');
    } else {
      const target = choice.target;
      claimedAccounts.set(target.id, r.line);
      const patch = accountPatch(r.fields, target);
      const setSourceKey = keyToSet(r.sourceKey, target);
      if (Object.keys(patch).length === 0 && setSourceKey === null) accounts.unchanged.push({ line: r.line, id: target.id });
      else accounts.update.push({ line: r.line, id: target.id, name: target.name, patch, setSourceKey });
      settleAccount(r, target.id, 'imported');
    }
  }

  const notImported = (o: Outcome, what: 'account' | 'manager'): Reason => {
    const params = { [what]: o.name || (o.sourceKey ? shownKey(o.sourceKey) : ''), line: o.line };
    if (what === 'manager') return { key: PLAN_REASONS.managerNotImported, params };
    return { key: o.state === 'ambiguous' ? PLAN_REASONS.accountUndecided : PLAN_REASONS.accountNotImported, params };
  };

  const resolveAccount = (ref: RecordRef): Resolved => {
    const sourceKey = ref.sourceKey ?? null;
    if (sourceKey !== null) {
      const inFile = fileAccByKey.get(sourceKey);
      if (inFile) return inFile.id !== null ? { id: inFile.id } : { reason: notImported(inFile, 'account') };
      const there = accBySource.get(sourceKey) ?? accById.get(ownId(sourceKey));
      if (there) return { id: there.id };
    }
    const name = (ref.name ?? '').trim();
    const key = companyKey(name);
    if (key !== '') {
      const inFile = (fileAccByName.get(key) ?? []).filter((o) => keysCompatible(o.sourceKey, sourceKey));
      const ids = new Set(inFile.flatMap((o) => (o.id === null ? [] : [o.id])));
      if (ids.size === 1) return { id: [...ids][0]! };
      if (ids.size > 1) return { reason: { key: PLAN_REASONS.accountAmbiguous, params: { account: name, count: ids.size } } };
      if (inFile[0]) return { reason: notImported(inFile[0], 'account') };
      const there = (accByName.get(key) ?? []).filter((a) => keysCompatible(a.sourceKey, sourceKey));
      if (there.length === 1) return { id: there[0]!.id };
      if (there.length > 1) return { reason: { key: PLAN_REASONS.accountAmbiguous, params: { account: name, count: there.length } } };
    }
    return { reason: { key: PLAN_REASONS.accountMissing, params: { account: name || (sourceKey ? shownKey(sourceKey) : '') } } };
  };

  // ----- People -----
  const personById = new Map<string, ExistingPerson>();
  const personBySource = new Map<string, ExistingPerson>();
  const personByEmail = new Map<string, ExistingPerson[]>();
  const personByName = new Map<string, ExistingPerson[]>();
  const personName = new Map<string, string>();
  const nameSlot = (accountId: string, key: string) => `${accountId}\u0000${key}`;
  for (const p of existing.people) {
    personById.set(p.id, p);
    personName.set(p.id, p.name);
    if (p.sourceKey !== null && !personBySource.has(p.sourceKey)) personBySource.set(p.sourceKey, p);
    const email = emailKey(p.email);
    if (email !== '') push(personByEmail, email, p);
    const key = personKey(p.name);
    if (key !== '') push(personByName, nameSlot(p.accountId, key), p);
  }

  const people = {
    create: [] as PlannedPersonCreate[],
    update: [] as PlannedPersonUpdate[],
    unchanged: [] as PlannedUnchanged[],
    skipped: [] as number[],
  };
  const filePersonByKey = new Map<string, Outcome>();
  const filePersonByName = new Map<string, Outcome[]>();
  const fileEmails = new Map<string, number>();
  const fileNames = new Map<string, number>();
  const seenPersonKeys = new Map<string, number>();
  const claimedPeople = new Map<string, number>();
  /** The people the file places, with their account, in record order: the input of the lines. */
  const placed: Array<{ readonly record: PersonRecord; readonly id: string; readonly accountId: string }> = [];
  const decisions = opts.personDecisions ?? opts.decisions;

  const settlePerson = (r: PersonRecord, slot: string | null, id: string | null, state: Outcome['state']) => {
    const outcome: Outcome = { id, state, line: r.line, sourceKey: r.sourceKey, name: r.fields.name ?? '' };
    if (r.sourceKey !== null && !filePersonByKey.has(r.sourceKey)) filePersonByKey.set(r.sourceKey, outcome);
    if (slot !== null) push(filePersonByName, slot, outcome);
  };

  const otherAccount = (r: PersonRecord, p: ExistingPerson) =>
    refuse(r.line, 'person', 'personInOtherAccount', { name: p.name, account: accountName.get(p.accountId) ?? '' });

  for (const r of records.people) {
    if (bad.size > 0 && bad.has(`person:${r.line}`)) {
      settlePerson(r, null, null, 'refused');
      continue;
    }
    if (r.sourceKey !== null) {
      const first = seenPersonKeys.get(r.sourceKey);
      if (first !== undefined) {
        refuse(r.line, 'person', 'duplicateSourceKey', { first, id: shownKey(r.sourceKey) }, 'person.sourceId');
        continue;
      }
      seenPersonKeys.set(r.sourceKey, r.line);
    }
    const decision = decisions?.get(r.line);
    if (decision === 'skip') {
      people.skipped.push(r.line);
      settlePerson(r, null, null, 'skipped');
      continue;
    }
    const account = resolveAccount(r.account);
    if ('reason' in account) {
      refused.push({
        line: r.line,
        kind: 'person',
        target: r.account.sourceKey ? 'person.accountSourceId' : 'person.accountName',
        reason: account.reason,
      });
      settlePerson(r, null, null, 'refused');
      continue;
    }
    const accountId = account.id;
    const name = (r.fields.name ?? '').trim();
    const email = emailKey(r.fields.email);
    const nameKey = personKey(name);
    /** Where the name of this contact is looked up in its account (null without a name). */
    const slot = nameKey === '' ? null : nameSlot(accountId, nameKey);

    // Without its own id a row is the same contact as an earlier row with its address (or, without one, its name in the account).
    const twinLine =
      r.sourceKey !== null ? undefined : email !== '' ? fileEmails.get(email) : slot !== null ? fileNames.get(slot) : undefined;
    if (twinLine !== undefined) {
      refuse(r.line, 'person', 'duplicateRow', { first: twinLine });
      continue;
    }

    let choice: Choice<ExistingPerson> | null = null;
    const bySource = r.sourceKey === null ? undefined : (personBySource.get(r.sourceKey) ?? personById.get(ownId(r.sourceKey)));
    const usable = (p: ExistingPerson) => !claimedPeople.has(p.id) && keysCompatible(p.sourceKey, r.sourceKey);
    if (bySource) {
      const first = claimedPeople.get(bySource.id);
      if (first !== undefined) {
        refuse(r.line, 'person', 'duplicateRow', { first });
        continue;
      }
      if (bySource.accountId !== accountId) {
        otherAccount(r, bySource);
        settlePerson(r, slot, null, 'refused');
        continue;
      }
      choice = { kind: 'match', target: bySource };
    } else if (email !== '') {
      const withEmail = (personByEmail.get(email) ?? []).filter(usable);
      const here = withEmail.filter((p) => p.accountId === accountId);
      if (here.length > 0) choice = choose({ list: here, sure: here.length === 1 }, decision);
      else if (withEmail[0]) {
        otherAccount(r, withEmail[0]);
        settlePerson(r, slot, null, 'refused');
        continue;
      }
    }
    if (choice === null) {
      if (name === '') {
        refuse(r.line, 'person', 'personNameMissing', undefined, 'person.fullName');
        settlePerson(r, slot, null, 'refused');
        continue;
      }
      const sameName = (slot === null ? [] : (personByName.get(slot) ?? [])).filter(
        (p) => usable(p) && (email === '' || emailKey(p.email) === '' || emailKey(p.email) === email),
      );
      choice = choose({ list: sameName, sure: sameName.length === 1 }, decision);
    }

    if (email !== '' && !fileEmails.has(email)) fileEmails.set(email, r.line);
    if (slot !== null && !fileNames.has(slot)) fileNames.set(slot, r.line);

    if (choice.kind === 'ambiguous') {
      ambiguous.push({
        line: r.line,
        kind: 'person',
        name,
        candidates: choice.list.map((p) => ({ id: p.id, name: p.name, accountName: accountName.get(p.accountId) ?? '' })),
      });
      settlePerson(r, slot, null, 'ambiguous');
    } else if (choice.kind === 'new') {
      const id = opts.newId();
      people.create.push({ line: r.line, id, accountId, sourceKey: r.sourceKey, fields: r.fields });
      personName.set(id, name);
      placed.push({ record: r, id, accountId });
      settlePerson(r, slot, id, 'imported');
    } else {
      const target = choice.target;
      claimedPeople.set(target.id, r.line);
      const patch = personPatch(r.fields, target);
      const setSourceKey = keyToSet(r.sourceKey, target);
      if (Object.keys(patch).length === 0 && setSourceKey === null) people.unchanged.push({ line: r.line, id: target.id });
      else people.update.push({ line: r.line, id: target.id, accountId, name: target.name, patch, setSourceKey });
      placed.push({ record: r, id: target.id, accountId });
      settlePerson(r, slot, target.id, 'imported');
    }
  }

  // ----- Reports-to lines -----
  const managerOf = new Map<string, string>();
  const reportsLine = new Map<string, string>();
  const dotted = new Set<string>();
  const forest = new ReportingForest();
  const pair = (from: string, to: string) => `${from}\u0000${to}`;
  for (const l of existing.lines) {
    if (l.kind === 'dotted') dotted.add(pair(l.from, l.to));
    if (l.kind !== 'reportsTo') continue;
    if (!reportsLine.has(pair(l.from, l.to))) reportsLine.set(pair(l.from, l.to), l.id);
    if (managerOf.has(l.from)) continue;
    managerOf.set(l.from, l.to);
    // A loop already in the data (a merge can make one) is kept out of the forest; no node of it is a top.
    if (forest.topOf(l.to) !== l.from) forest.link(l.from, l.to);
  }
  const accountOfPerson = (id: string): string | undefined => personById.get(id)?.accountId;
  const placedAccount = new Map(placed.map((p) => [p.id, p.accountId]));

  const resolveManager = (ref: RecordRef, accountId: string): Resolved => {
    const shown = (ref.name ?? '').trim() || (ref.sourceKey ? shownKey(ref.sourceKey) : '');
    if (ref.sourceKey) {
      const inFile = filePersonByKey.get(ref.sourceKey);
      if (inFile) return inFile.id !== null ? { id: inFile.id } : { reason: notImported(inFile, 'manager') };
      const there = personBySource.get(ref.sourceKey) ?? personById.get(ownId(ref.sourceKey));
      if (there) return { id: there.id };
    }
    const key = personKey(ref.name ?? '');
    if (key !== '') {
      const inFile = filePersonByName.get(nameSlot(accountId, key)) ?? [];
      const ids = new Set(inFile.flatMap((o) => (o.id === null ? [] : [o.id])));
      for (const p of personByName.get(nameSlot(accountId, key)) ?? []) ids.add(p.id);
      if (ids.size === 1) return { id: [...ids][0]! };
      if (ids.size > 1) return { reason: { key: PLAN_REASONS.managerAmbiguous, params: { manager: shown, count: ids.size } } };
      if (inFile[0]) return { reason: notImported(inFile[0], 'manager') };
    }
    return { reason: { key: PLAN_REASONS.managerMissing, params: { manager: shown } } };
  };

  const lines = { create: [] as PlannedLine[], unchanged: [] as PlannedUnchanged[] };
  for (const { record: r, id: from, accountId } of placed) {
    const ref = r.reportsTo;
    if (ref === null || (blank(ref.sourceKey) && blank(ref.name))) continue;
    const target: TargetId = ref.sourceKey ? 'person.reportsToSourceId' : 'person.reportsToName';
    const person = personName.get(from) ?? '';
    const manager = resolveManager(ref, accountId);
    if ('reason' in manager) {
      refused.push({
        line: r.line,
        kind: 'line',
        target,
        reason: { key: manager.reason.key, params: { ...manager.reason.params, person } },
      });
      continue;
    }
    const to = manager.id;
    const shown = personName.get(to) ?? '';
    const params = { person, manager: shown };
    const managerAccount = placedAccount.get(to) ?? accountOfPerson(to);
    if (managerAccount !== accountId) {
      refuse(r.line, 'line', 'managerOtherAccount', { ...params, account: accountName.get(managerAccount ?? '') ?? '' }, target);
      continue;
    }
    if (from === to) {
      refuse(r.line, 'line', 'lineSelf', params, target);
      continue;
    }
    const same = reportsLine.get(pair(from, to));
    if (same !== undefined) {
      lines.unchanged.push({ line: r.line, id: same });
      continue;
    }
    if (dotted.has(pair(from, to))) {
      refuse(r.line, 'line', 'lineDotted', params, target);
      continue;
    }
    const current = managerOf.get(from);
    if (current !== undefined) {
      refuse(r.line, 'line', 'lineSecondManager', { ...params, current: personName.get(current) ?? '' }, target);
      continue;
    }
    if (forest.topOf(to) === from) {
      refuse(r.line, 'line', 'lineCycle', params, target);
      continue;
    }
    const id = opts.newId();
    lines.create.push({ line: r.line, id, accountId, from, to, kind: 'reportsTo' });
    managerOf.set(from, to);
    reportsLine.set(pair(from, to), id);
    forest.link(from, to);
  }

  refused.sort((a, b) => a.line - b.line || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return {
    accounts,
    people,
    lines,
    ambiguous,
    refused,
    counts: {
      accounts: counts(refused, 'account', accounts, ambiguous),
      people: counts(refused, 'person', people, ambiguous),
      lines: { create: lines.create.length, unchanged: lines.unchanged.length, refused: refused.filter((p) => p.kind === 'line').length },
    },
  };
}
