import { QUOTE_STATUSES, sharesTotalBp } from './acceleration';
import { clubProgramOf, MEMBER_STATUSES, SEAT_STATUSES, type MemberStatus } from './club';
import { isIsoDate } from './dates';
import { BP_ONE } from './money';
import { firstCycle, stronglyConnected } from './integrityGraph';

export { repairFor, type RepairAction, type RepairPlan, type RepairStep, type RepairTable } from './integrityRepair';

/**
 * Rules a merge can break (issue 12): each device kept them on its own, but the per-field merge
 * of two offline edits can produce a state neither device would have allowed. Rows are taken as
 * stored (`unknown`): a row from a newer version or a hand-edited file must never make this throw.
 */
export interface IntegrityInput {
  readonly accounts?: readonly unknown[];
  readonly people: readonly unknown[];
  readonly lines: readonly unknown[];
  readonly members: readonly unknown[];
  /** The club program row (`settings` 'club'), when one is stored. */
  readonly clubProgram?: unknown;
  readonly roadmapItems?: readonly unknown[];
  readonly quotes: readonly unknown[];
}

export interface PersonRef {
  readonly id: string;
  readonly name: string;
}
/** A reports-to line; `stamp` is when it became reports-to; `dottedTwin`: a dotted line from → to exists already. */
export interface LineRef {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly stamp: string;
  readonly updatedAt: string;
  readonly dottedTwin: boolean;
}
/** A roster row; `stamp` is when its status was set, `created` when the row was made. */
export interface MemberRef {
  readonly id: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly status: string;
  readonly since: string | null;
  readonly stamp: string;
  readonly created: string;
}
/** An accepted quote; `stamp` is when it was accepted. */
export interface QuoteRef {
  readonly id: string;
  readonly name: string;
  readonly stamp: string;
  readonly fromQuarter: string | null;
  readonly targetQuarter: string | null;
}
export interface ItemRef {
  readonly id: string;
  readonly title: string;
  readonly plannedQuarter: string | null;
  readonly acceleratedFrom: string | null;
}

interface Base {
  /** Names the issue, not its current rows: a repair re-finds it by this key inside its transaction. */
  readonly key: string;
  readonly accountIds: readonly string[];
  readonly itemIds: readonly string[];
  readonly rowIds: readonly string[];
}
export type IntegrityFinding =
  /** `lines` are every reports-to line along the cycle people[0] → people[1] → … → people[0]. */
  | (Base & {
      readonly kind: 'reportingLoop';
      readonly accountName: string;
      readonly people: readonly PersonRef[];
      readonly lines: readonly LineRef[];
    })
  /** `lines` oldest first; `managers` in the same order. */
  | (Base & {
      readonly kind: 'twoManagers';
      readonly accountName: string;
      readonly person: PersonRef;
      readonly managers: readonly PersonRef[];
      readonly lines: readonly LineRef[];
    })
  /** `members`: every seat holder, in the order they joined; `accountIds`: those beyond the cap. */
  | (Base & {
      readonly kind: 'seatsOverCap';
      readonly programName: string;
      readonly used: number;
      readonly cap: number;
      readonly members: readonly MemberRef[];
    })
  /** `members`: most advanced status first (the one a repair keeps). */
  | (Base & { readonly kind: 'duplicateMember'; readonly accountName: string; readonly members: readonly MemberRef[] })
  /** `quotes`: accepted first first; `item` null when the item itself is gone. */
  | (Base & {
      readonly kind: 'twoAcceptedQuotes';
      readonly itemId: string;
      readonly item: ItemRef | null;
      readonly quotes: readonly QuoteRef[];
    })
  | (Base & {
      readonly kind: 'sharesNot100';
      readonly itemId: string;
      readonly itemTitle: string;
      readonly quote: { readonly id: string; readonly name: string };
      readonly totalBp: number;
    });
export type IntegrityKind = IntegrityFinding['kind'];
export const INTEGRITY_KINDS: readonly IntegrityKind[] = [
  'reportingLoop',
  'twoManagers',
  'duplicateMember',
  'seatsOverCap',
  'twoAcceptedQuotes',
  'sharesNot100',
];

type Loose = Readonly<Record<string, unknown>>;
const rec = (v: unknown): Loose | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const idOf = (r: Loose): string => r.id as string;

/** Live rows only: plain objects with a string id and no tombstone, exactly what repositories read. */
function live(list: readonly unknown[] | undefined): Loose[] {
  if (!Array.isArray(list)) return [];
  const out: Loose[] = [];
  for (const v of list as unknown[]) {
    const r = rec(v);
    if (r && typeof r.id === 'string' && r.id !== '' && !r.deleted) out.push(r);
  }
  return out;
}

/** The stamp of one field (when it was last set), else the row's updatedAt. */
function stampOf(r: Loose, field: string): string {
  const stamps = rec(r.stamps);
  const s = stamps && Object.hasOwn(stamps, field) ? stamps[field] : undefined;
  return typeof s === 'string' ? s : text(r.updatedAt);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const uniqueSorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort(byText);
const indexById = (rows: Loose[]): Map<string, Loose> => new Map(rows.map((r) => [idOf(r), r]));
const nameIn = (m: Map<string, Loose>, id: string): string => text(m.get(id)?.name);

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const same = out.get(k);
    if (same) same.push(t);
    else out.set(k, [t]);
  }
  return out;
}

/** Finds every merge-broken rule in the data, in a fixed order (kind, then key): linear apart from sorting. */
export function findIntegrityIssues(input: IntegrityInput): IntegrityFinding[] {
  const accounts = indexById(live(input.accounts));
  const out = [...reportingFindings(input, accounts), ...clubFindings(input, accounts), ...quoteFindings(input)];
  const rank = (k: IntegrityKind) => INTEGRITY_KINDS.indexOf(k);
  return out.sort((a, b) => rank(a.kind) - rank(b.kind) || byText(a.key, b.key));
}

function reportingFindings(input: IntegrityInput, accounts: Map<string, Loose>): IntegrityFinding[] {
  const people = indexById(live(input.people));
  const dotted = new Set<string>();
  const solid: Loose[] = [];
  for (const l of live(input.lines)) {
    const from = str(l.from);
    const to = str(l.to);
    // A line to oneself or to someone deleted meanwhile puts no one in a loop or under a second manager.
    if (from === null || to === null || from === to || !people.has(from) || !people.has(to)) continue;
    if (l.kind === 'dotted') dotted.add(`${from}\u0000${to}`);
    else if (l.kind === 'reportsTo') solid.push(l);
  }
  const ref = (l: Loose): LineRef => {
    const from = l.from as string;
    const to = l.to as string;
    return { id: idOf(l), from, to, stamp: stampOf(l, 'kind'), updatedAt: text(l.updatedAt), dottedTwin: dotted.has(`${from}\u0000${to}`) };
  };
  const lines = solid.map(ref).sort((a, b) => byText(a.stamp, b.stamp) || byText(a.id, b.id));
  const person = (id: string): PersonRef => ({ id, name: nameIn(people, id) });
  const accountOf = (id: string): string => text(people.get(id)?.accountId);
  const out: IntegrityFinding[] = [];

  const byFrom = groupBy(lines, (l) => l.from);
  for (const [from, own] of byFrom) {
    const managers = [...new Set(own.map((l) => l.to))];
    if (managers.length < 2) continue;
    const accountId = accountOf(from);
    out.push({
      kind: 'twoManagers',
      key: `twoManagers:${from}`,
      accountIds: accountId ? [accountId] : [],
      itemIds: [],
      rowIds: own.map((l) => l.id),
      accountName: nameIn(accounts, accountId),
      person: person(from),
      managers: managers.map(person),
      lines: own,
    });
  }

  const edges = new Map<string, string[]>();
  for (const [from, own] of byFrom) edges.set(from, uniqueSorted(own.map((l) => l.to)));
  const nameOrder = (a: string, b: string) => byText(nameIn(people, a), nameIn(people, b)) || byText(a, b);
  for (const component of stronglyConnected(uniqueSorted(byFrom.keys()), (id) => edges.get(id) ?? [])) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const start = [...component].sort(nameOrder)[0]!;
    const cycle = firstCycle(start, (id) => (edges.get(id) ?? []).filter((to) => members.has(to)));
    if (!cycle) continue;
    const steps = new Set(cycle.map((id, i) => `${id}\u0000${cycle[(i + 1) % cycle.length]}`));
    const along = lines.filter((l) => steps.has(`${l.from}\u0000${l.to}`));
    const accountIds = uniqueSorted(cycle.map(accountOf).filter(Boolean));
    out.push({
      kind: 'reportingLoop',
      key: `reportingLoop:${uniqueSorted(cycle).join(',')}`,
      accountIds,
      itemIds: [],
      rowIds: along.map((l) => l.id),
      accountName: nameIn(accounts, accountIds[0] ?? ''),
      people: cycle.map(person),
      lines: along,
    });
  }
  return out;
}

/** How far a roster entry has come: the entry a duplicate repair keeps. Unknown statuses rank last. */
const STATUS_RANK: Readonly<Record<MemberStatus, number>> = { member: 3, invited: 2, candidate: 1, alumni: 0 };
const statusRank = (s: string): number => ((MEMBER_STATUSES as readonly string[]).includes(s) ? STATUS_RANK[s as MemberStatus] : -1);
const takesSeat = (s: string): boolean => (SEAT_STATUSES as readonly string[]).includes(s);

function clubFindings(input: IntegrityInput, accounts: Map<string, Loose>): IntegrityFinding[] {
  const rows = live(input.members).filter((m) => typeof m.accountId === 'string' && m.accountId !== '');
  const members: MemberRef[] = rows.map((m) => ({
    id: idOf(m),
    accountId: m.accountId as string,
    accountName: nameIn(accounts, m.accountId as string),
    status: text(m.status),
    since: isIsoDate(m.since) ? m.since : null,
    stamp: stampOf(m, 'status'),
    created: stampOf(m, 'accountId'),
  }));
  const out: IntegrityFinding[] = [];

  for (const [accountId, same] of groupBy(members, (m) => m.accountId)) {
    if (same.length < 2) continue;
    const ordered = [...same].sort(
      (a, b) => statusRank(b.status) - statusRank(a.status) || byText(a.created, b.created) || byText(a.id, b.id),
    );
    out.push({
      kind: 'duplicateMember',
      key: `duplicateMember:${accountId}`,
      accountIds: [accountId],
      itemIds: [],
      rowIds: ordered.map((m) => m.id),
      accountName: nameIn(accounts, accountId),
      members: ordered,
    });
  }

  const program = clubProgramOf(live([input.clubProgram])[0]);
  const cap = program.seatCap;
  // Joined last = the latest `since` (an open invitation has none yet: it counts as the latest), then the latest status change.
  const seated = members
    .filter((m) => takesSeat(m.status))
    .sort((a, b) => byText(a.since ?? '\uffff', b.since ?? '\uffff') || byText(a.stamp, b.stamp) || byText(a.id, b.id));
  if (seated.length > cap) {
    out.push({
      kind: 'seatsOverCap',
      key: 'seatsOverCap:club',
      accountIds: uniqueSorted(seated.slice(cap).map((m) => m.accountId)),
      itemIds: [],
      rowIds: seated.map((m) => m.id),
      programName: program.name,
      used: seated.length,
      cap,
      members: seated,
    });
  }
  return out;
}

function funderAccounts(q: Loose): string[] {
  return Array.isArray(q.funders) ? uniqueSorted((q.funders as unknown[]).map((f) => text(rec(f)?.accountId)).filter(Boolean)) : [];
}

function quoteFindings(input: IntegrityInput): IntegrityFinding[] {
  const items = indexById(live(input.roadmapItems));
  const quotes = live(input.quotes).filter((q) => typeof q.itemId === 'string' && q.itemId !== '');
  const out: IntegrityFinding[] = [];

  for (const [itemId, same] of groupBy(
    quotes.filter((q) => q.status === 'accepted'),
    (q) => q.itemId as string,
  )) {
    if (same.length < 2) continue;
    const refs: QuoteRef[] = same
      .map((q) => ({
        id: idOf(q),
        name: text(q.name),
        stamp: stampOf(q, 'status'),
        fromQuarter: str(q.fromQuarter),
        targetQuarter: str(q.targetQuarter),
      }))
      .sort((a, b) => byText(a.stamp, b.stamp) || byText(a.id, b.id));
    const row = items.get(itemId);
    const item = row
      ? { id: itemId, title: text(row.title), plannedQuarter: str(row.plannedQuarter), acceleratedFrom: str(row.acceleratedFrom) }
      : null;
    out.push({
      kind: 'twoAcceptedQuotes',
      key: `twoAcceptedQuotes:${itemId}`,
      accountIds: uniqueSorted(same.flatMap(funderAccounts)),
      itemIds: [itemId],
      rowIds: refs.map((q) => q.id),
      itemId,
      item,
      quotes: refs,
    });
  }

  // A draft may be half-way through its shares; once sent, the repository keeps them at 100 %.
  const sent = new Set<string>(QUOTE_STATUSES.filter((s) => s !== 'draft'));
  for (const q of quotes) {
    if (q.split !== 'custom' || !sent.has(text(q.status)) || !Array.isArray(q.funders)) continue;
    const funders = (q.funders as unknown[]).map((f) => {
      const share = rec(f)?.shareBp;
      return { accountId: '', shareBp: typeof share === 'number' && Number.isFinite(share) ? share : 0 };
    });
    const totalBp = sharesTotalBp(funders);
    if (totalBp === BP_ONE) continue;
    const itemId = q.itemId as string;
    out.push({
      kind: 'sharesNot100',
      key: `sharesNot100:${idOf(q)}`,
      accountIds: funderAccounts(q),
      itemIds: [itemId],
      rowIds: [idOf(q)],
      itemId,
      itemTitle: text(items.get(itemId)?.title),
      quote: { id: idOf(q), name: text(q.name) },
      totalBp,
    });
  }
  return out;
}
