import { daysBetween, type IsoDate } from './dates';

/** PRODUCT §2: the people of a buying committee and how they relate. */
export const ORG_LEVELS = ['cLevel', 'vp', 'director', 'manager', 'ic'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const BUYING_ROLES = [
  'economicBuyer',
  'decisionMaker',
  'technicalEvaluator',
  'user',
  'influencer',
  'approver',
  'gatekeeper',
  'coach',
] as const;
export type BuyingRole = (typeof BUYING_ROLES)[number];
export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] as const;
export type Stance = (typeof STANCES)[number];
export const POLITICAL_STATUSES = ['outside', 'political', 'innerCircle'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const RELATIONSHIP_LEVELS = ['vendor', 'credibleSource', 'problemSolver', 'trustedAdvisor'] as const;
export type RelationshipLevel = (typeof RELATIONSHIP_LEVELS)[number];
/** reportsTo: `from` reports to `to` (solid); dotted: a second, dotted-line manager; influences: arrow from → to. */
export const LINE_KINDS = ['reportsTo', 'dotted', 'influences', 'conflict', 'alliance'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
export const CONTACT_CHANNELS = ['meeting', 'call', 'email', 'event', 'visit'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);
/** A newer version may send a kind, stance, role or level this one does not know: every lookup asks first. */
export const isLineKind = oneOf(LINE_KINDS);
export const isStance = oneOf(STANCES);
export const isBuyingRole = oneOf(BUYING_ROLES);
export const isOrgLevel = oneOf(ORG_LEVELS);

/** A stored value as text: strings as they are, numbers and booleans written out, anything else empty (never throws, even on `{ toString: 1 }`). */
export function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';
}

/** A stored value as a number: finite and within ±limit, else the fallback (a position or score from a file can be anything). */
export function finiteOr(v: unknown, fallback = 0, limit = 1e6): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(limit, Math.max(-limit, v)) : fallback;
}

export interface PersonFields {
  accountId: string;
  name: string;
  title: string;
  department: string;
  orgLevel: OrgLevel;
  buyingRole: BuyingRole;
  stance: Stance;
  influence: number;
  interest: number;
  political: PoliticalStatus;
  ourOwner: string;
  relationshipLevel: RelationshipLevel;
  nextStep: string;
  notes: string;
  /** A role we know exists but have not found yet ("CFO — unknown"). */
  placeholder: boolean;
  x: number;
  y: number;
  email: string;
  phone: string;
  /** Where the person came from in a CRM import: `<source>:<normalised id>`, '' when typed here. */
  sourceKey: string;
}

export interface LineFields {
  accountId: string;
  from: string;
  to: string;
  kind: LineKind;
}

export interface ContactFields {
  accountId: string;
  personId: string;
  date: IsoDate;
  channel: ContactChannel;
  attendee: string;
  notes: string;
}

export function defaultPersonFields(accountId: string, overrides: Partial<PersonFields> = {}): PersonFields {
  return {
    accountId,
    name: '',
    title: '',
    department: '',
    orgLevel: 'manager',
    buyingRole: 'user',
    stance: 'neutral',
    influence: 3,
    interest: 3,
    political: 'outside',
    ourOwner: '',
    relationshipLevel: 'vendor',
    nextStep: '',
    notes: '',
    placeholder: false,
    x: 0,
    y: 0,
    email: '',
    phone: '',
    sourceKey: '',
    ...overrides,
  };
}

type WithId<T> = T & { readonly id: string };
type PersonLike = WithId<Pick<PersonFields, 'name' | 'influence' | 'buyingRole' | 'stance' | 'placeholder'>>;

export type LineProblem = 'self' | 'duplicate' | 'secondManager' | 'cycle';

/**
 * Whether a new line may be drawn: never to oneself, never twice, at most one reports-to
 * manager (a second manager is a dotted line), and no reports-to cycle.
 */
export function checkLine(
  existing: ReadonlyArray<WithId<Pick<LineFields, 'from' | 'to' | 'kind'>>>,
  candidate: Pick<LineFields, 'from' | 'to' | 'kind'>,
): LineProblem | null {
  if (candidate.from === candidate.to) return 'self';
  const symmetric = candidate.kind === 'conflict' || candidate.kind === 'alliance';
  const same = existing.some(
    (l) =>
      l.kind === candidate.kind &&
      ((l.from === candidate.from && l.to === candidate.to) || (symmetric && l.from === candidate.to && l.to === candidate.from)),
  );
  // A dotted line to one's own solid-line manager (or the reverse) says nothing new.
  const reporting = (k: LineKind) => k === 'reportsTo' || k === 'dotted';
  const overlapping =
    reporting(candidate.kind) && existing.some((l) => reporting(l.kind) && l.from === candidate.from && l.to === candidate.to);
  if (same || overlapping) return 'duplicate';
  if (candidate.kind !== 'reportsTo') return null;
  if (existing.some((l) => l.kind === 'reportsTo' && l.from === candidate.from)) return 'secondManager';
  const managerOf = new Map(existing.filter((l) => l.kind === 'reportsTo').map((l) => [l.from, l.to]));
  const seen = new Set<string>();
  for (let at: string | undefined = candidate.to; at !== undefined && !seen.has(at); at = managerOf.get(at)) {
    if (at === candidate.from) return 'cycle';
    seen.add(at);
  }
  return null;
}

/** The latest contact date per person (the contact log drives "last contact"). */
export function lastContacts(contacts: ReadonlyArray<Pick<ContactFields, 'personId' | 'date'>>): Map<string, IsoDate> {
  const out = new Map<string, IsoDate>();
  for (const c of contacts) {
    const prev = out.get(c.personId);
    if (!prev || c.date > prev) out.set(c.personId, c.date);
  }
  return out;
}

export interface FreshnessThresholds {
  /** Up to this many days since the last contact: green. */
  readonly greenDays: number;
  /** Up to this many: amber; beyond: red. */
  readonly amberDays: number;
}
export const DEFAULT_FRESHNESS: FreshnessThresholds = { greenDays: 14, amberDays: 30 };

/** Thresholds a user may choose: whole days from one to a year, green strictly below amber. */
export const FRESHNESS_LIMITS = { minDays: 1, maxDays: 365 } as const;

export type FreshnessProblem = 'notWholeDays' | 'outOfRange' | 'greenNotBelowAmber';

const wholeDays = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** The first way a pair of thresholds breaks FRESHNESS_LIMITS, or null when they may be used. */
export function freshnessProblem(t: { readonly greenDays: unknown; readonly amberDays: unknown }): FreshnessProblem | null {
  const green = wholeDays(t.greenDays);
  const amber = wholeDays(t.amberDays);
  if (green === null || amber === null) return 'notWholeDays';
  const inRange = (d: number) => d >= FRESHNESS_LIMITS.minDays && d <= FRESHNESS_LIMITS.maxDays;
  if (!inRange(green) || !inRange(amber)) return 'outOfRange';
  return green < amber ? null : 'greenNotBelowAmber';
}

/** Thresholds from an untrusted place (a stored preference): its two numbers when they keep the limits, else the defaults. */
export function readFreshness(raw: unknown): FreshnessThresholds {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_FRESHNESS;
  const green = wholeDays((raw as Record<string, unknown>).greenDays);
  const amber = wholeDays((raw as Record<string, unknown>).amberDays);
  if (green === null || amber === null || freshnessProblem({ greenDays: green, amberDays: amber }) !== null) return DEFAULT_FRESHNESS;
  return { greenDays: green, amberDays: amber };
}

export type FreshnessLevel = 'green' | 'amber' | 'red' | 'never';

/** Freshness of a relationship: days since the last contact against the thresholds (default 14 and 30). */
export function freshness(
  last: IsoDate | undefined,
  today: IsoDate,
  t: FreshnessThresholds = DEFAULT_FRESHNESS,
): { level: FreshnessLevel; days: number | null } {
  if (typeof last !== 'string' || !last) return { level: 'never', days: null };
  const days = Math.max(0, daysBetween(last, today));
  // A contact dated "not a date" (a bad row) is no contact at all, not NaN days.
  if (!Number.isFinite(days)) return { level: 'never', days: null };
  return { level: days <= t.greenDays ? 'green' : days <= t.amberDays ? 'amber' : 'red', days };
}

/** How much a buying role weighs when influence ties (deciders first). */
export const ROLE_WEIGHT: Readonly<Record<BuyingRole, number>> = {
  economicBuyer: 8,
  decisionMaker: 7,
  approver: 6,
  technicalEvaluator: 5,
  influencer: 4,
  coach: 3,
  gatekeeper: 2,
  user: 1,
};

/** An unknown role weighs least: it never sorts above a known one. */
const roleWeight = (r: unknown): number => (isBuyingRole(r) ? ROLE_WEIGHT[r] : 0);

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Top-5 review (PRODUCT §2, the weekly habit for the largest accounts): the five most
 * influential known people, ties broken by role weight, then name. Placeholders are not people yet.
 */
export function topFive<P extends PersonLike>(people: readonly P[]): P[] {
  return people
    .filter((p) => !p.placeholder)
    .sort(
      (a, b) =>
        finiteOr(b.influence) - finiteOr(a.influence) ||
        roleWeight(b.buyingRole) - roleWeight(a.buyingRole) ||
        collator.compare(textOf(a.name), textOf(b.name)),
    )
    .slice(0, 5);
}

export type Quadrant = 'manageClosely' | 'keepSatisfied' | 'keepInformed' | 'monitor';

/** Power/interest grid: 3 and above on the 1–5 scale is high. */
export function quadrant(p: Pick<PersonFields, 'influence' | 'interest'>): Quadrant {
  const power = finiteOr(p.influence) >= 3;
  const interest = finiteOr(p.interest) >= 3;
  return power ? (interest ? 'manageClosely' : 'keepSatisfied') : interest ? 'keepInformed' : 'monitor';
}

export const isSupportive = (s: Stance): boolean => s === 'champion' || s === 'supporter';
export const isDecider = (r: BuyingRole): boolean => r === 'economicBuyer' || r === 'decisionMaker' || r === 'approver';
/** A key player has influence 4 or 5. */
export const isKeyPlayer = (p: Pick<PersonFields, 'influence' | 'placeholder'>): boolean => !p.placeholder && finiteOr(p.influence) >= 4;

export interface MapQuality {
  readonly level: 'red' | 'amber' | 'green';
  readonly reason: 'noSupportiveKeyPlayer' | 'noSupportiveDecider' | 'supportiveDecider';
  /** The people behind the verdict (supportive key players, or supportive deciders for green). */
  readonly names: readonly string[];
}

/**
 * Map quality (PRODUCT §2): red without a supportive key player; amber when supportive key
 * players exist but none decides or approves; green with a supportive key player who does.
 */
export function mapQuality(
  people: ReadonlyArray<Pick<PersonFields, 'name' | 'influence' | 'placeholder' | 'stance' | 'buyingRole'>>,
): MapQuality {
  const supportiveKeys = people.filter((p) => isKeyPlayer(p) && isSupportive(p.stance));
  if (supportiveKeys.length === 0) return { level: 'red', reason: 'noSupportiveKeyPlayer', names: [] };
  const deciders = supportiveKeys.filter((p) => isDecider(p.buyingRole));
  if (deciders.length === 0) return { level: 'amber', reason: 'noSupportiveDecider', names: supportiveKeys.map((p) => textOf(p.name)) };
  return { level: 'green', reason: 'supportiveDecider', names: deciders.map((p) => textOf(p.name)) };
}
