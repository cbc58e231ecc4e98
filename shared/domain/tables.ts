import type { ZodType } from 'zod';
import {
  ACCOUNT_FIELD_CHECKS,
  BUCKETS,
  COMMUNICATOR_ROLES,
  defaultAccountFields,
  MAX_SOURCE_KEY,
  MONEY_FIELDS,
  SIZE_CLASSES,
  SPIRAL_STAGES,
} from './account';
import { quoteSchema, QUOTE_STATUSES, SPLIT_MODES, STAFFING_MODES } from './acceleration';
import {
  CLUB_PROGRAM_ID,
  clubProgramSchema,
  defaultOptions,
  MEMBER_STATUSES,
  offerFits,
  memberSchema,
  OFFER_STATUSES,
  offerSchema,
} from './club';
import { ACTION_STATUSES, planFieldsSchema, RISK_LEVELS } from './plan';
import { BUDGET_KINDS, linesFit, retreatSchema, SESSION_KINDS, sessionSchema } from './retreat';
import {
  IMPORTANCES,
  isEngineerMonths,
  ITEM_STATUSES,
  MAX_CAPACITY_EM,
  requestSchema,
  roadmapItemSchema,
  ROADMAP_SETTINGS_ID,
  roadmapSettingsSchema,
} from './roadmap';
import { segmentSchema } from './segment';
import { exitFits } from './fairExit';
import {
  EXEC_ROLES,
  isHours,
  memoExitSchema,
  memoOptionSchema,
  memoSchema,
  memoViewSchema,
  MEMO_STATUSES,
  STANCES as EXEC_STANCES,
} from './memo';
import { WORKSPACE_SETTINGS_ID, workspaceSettingsSchema } from './workspace';
import { BUYING_ROLES, CONTACT_CHANNELS, LINE_KINDS, ORG_LEVELS, POLITICAL_STATUSES, RELATIONSHIP_LEVELS, STANCES } from './stakeholders';
import { isStamp, ZERO_STAMP } from '../sync/hlc';
import { REVIEW_RESOLUTIONS } from '../sync/review';
import {
  added,
  bool,
  choice,
  dateOrNull,
  finite,
  id,
  idOrNull,
  int,
  isArrayOf,
  isDate,
  isPlainObject,
  isPlausibleChoice,
  isQuarterValue,
  isShape,
  isText,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  minor,
  money,
  text,
  type FieldRule,
} from './rules';

/**
 * ONE rule set per synced table (ARCHITECTURE rule 12), used at every door: the repository's
 * Writer checks each write with it, an incoming sync file is refused when a row of a known
 * table breaks it (the same rules will serve the CSV import), and `readRow` makes any stored
 * row safe to show. Unknown tables and unknown fields pass through untouched; an unknown value
 * of a known choice (a newer version's line kind) is kept and passed on.
 */
export type TableRules = Readonly<Record<string, FieldRule>>;

const fromZod = (schema: ZodType, fallback: unknown): FieldRule => ({ check: (v) => schema.safeParse(v).success, fallback });

const accountDefaults = defaultAccountFields() as unknown as Record<string, unknown>;
const accountChoices: Readonly<Record<string, readonly (string | number)[]>> = {
  sizeClass: SIZE_CLASSES,
  spiralStage: SPIRAL_STAGES,
  communicatorRole: COMMUNICATOR_ROLES,
};
const ACCOUNT_FIELDS_ADDED_IN_8: ReadonlySet<string> = new Set(['website', 'annualRevenue', 'sourceKey']);
const accounts: TableRules = Object.fromEntries(
  Object.entries(ACCOUNT_FIELD_CHECKS).map(([field, check]) => {
    const values = accountChoices[field];
    const rule: FieldRule = {
      check,
      fallback: accountDefaults[field],
      ...(values ? { choices: values } : {}),
      ...((MONEY_FIELDS as readonly string[]).includes(field) ? { money: true as const } : {}),
    };
    // A bucket a newer version adds (5?) is a plausible choice; null stays "not chosen".
    if (field === 'bucket') return [field, { ...rule, choices: BUCKETS, fallback: null }];
    // Version 8 (CSV import): the website, the customer's own revenue and the CRM record it came from.
    return [field, ACCOUNT_FIELDS_ADDED_IN_8.has(field) ? added(8, rule) : rule];
  }),
);

const plans: TableRules = {
  accountId: id(),
  title: fromZod(planFieldsSchema.shape.title, ''),
  periodStart: dateOrNull(),
  periodEnd: dateOrNull(),
  summary: fromZod(planFieldsSchema.shape.summary, ''),
};
const SORT_LIMIT = 1e15;
const objectives: TableRules = { planId: id(), title: text(MAX_SHORT_TEXT), sort: finite(SORT_LIMIT) };
const actions: TableRules = {
  planId: id(),
  objectiveId: id(),
  title: text(MAX_SHORT_TEXT),
  owner: text(MAX_SHORT_TEXT),
  dueDate: dateOrNull(),
  status: choice(ACTION_STATUSES, 'open'),
  sort: finite(SORT_LIMIT),
};
const risks: TableRules = {
  planId: id(),
  title: text(MAX_SHORT_TEXT),
  likelihood: choice(RISK_LEVELS, 'medium'),
  impact: choice(RISK_LEVELS, 'medium'),
  mitigation: text(MAX_LONG_TEXT),
  sort: finite(SORT_LIMIT),
};

/** Card positions: the repository clamps to ±1e6; anything else is drawn at the origin. */
const COORD_LIMIT = 1e6;
const people: TableRules = {
  accountId: id(),
  name: text(MAX_SHORT_TEXT),
  title: text(MAX_SHORT_TEXT),
  department: text(MAX_SHORT_TEXT),
  orgLevel: choice(ORG_LEVELS, 'manager'),
  buyingRole: choice(BUYING_ROLES, 'user'),
  stance: choice(STANCES, 'neutral'),
  influence: int(1, 5, 3),
  interest: int(1, 5, 3),
  political: choice(POLITICAL_STATUSES, 'outside'),
  ourOwner: text(MAX_SHORT_TEXT),
  relationshipLevel: choice(RELATIONSHIP_LEVELS, 'vendor'),
  nextStep: text(MAX_LONG_TEXT),
  notes: text(MAX_LONG_TEXT),
  placeholder: bool(),
  x: finite(COORD_LIMIT),
  y: finite(COORD_LIMIT),
  // Version 8 (CSV import): contact details and the CRM record a person came from.
  email: added(8, text(MAX_SHORT_TEXT)),
  phone: added(8, text(MAX_SHORT_TEXT)),
  sourceKey: added(8, text(MAX_SOURCE_KEY)),
};
const lines: TableRules = { accountId: id(), from: id(), to: id(), kind: choice(LINE_KINDS, 'influences', true) };
const contacts: TableRules = {
  accountId: id(),
  personId: id(),
  date: { check: isDate, fallback: '1970-01-01' },
  channel: choice(CONTACT_CHANNELS, 'meeting'),
  attendee: text(MAX_SHORT_TEXT),
  notes: text(MAX_LONG_TEXT),
};

const item = roadmapItemSchema.shape;
const roadmapItems: TableRules = {
  title: fromZod(item.title, ''),
  theme: fromZod(item.theme, ''),
  plannedQuarter: { check: isQuarterValue, fallback: '2000-Q1' },
  effortEm: fromZod(item.effortEm, 1),
  onStrategy: bool(),
  status: choice(ITEM_STATUSES, 'idea'),
  notes: fromZod(item.notes, ''),
  acceleratedFrom: fromZod(item.acceleratedFrom, null),
};
const requests: TableRules = {
  itemId: id(),
  accountId: id(),
  importance: choice(IMPORTANCES, 'niceToHave'),
  note: fromZod(requestSchema.shape.note, ''),
  retreatId: idOrNull(),
};
const q = quoteSchema.shape;
const quotes: TableRules = {
  itemId: id(),
  name: fromZod(q.name, ''),
  status: choice(QUOTE_STATUSES, 'draft'),
  currency: fromZod(q.currency, 'EUR'),
  fromQuarter: { check: isQuarterValue, fallback: '2000-Q1' },
  effortEm: fromZod(q.effortEm, 1),
  targetQuarter: { check: isQuarterValue, fallback: '2000-Q1' },
  staffing: choice(STAFFING_MODES, 'hire'),
  monthlyCost: money(fromZod(q.monthlyCost, 0)),
  engineers: fromZod(q.engineers, 1),
  hourlyRate: money(fromZod(q.hourlyRate, 0)),
  hoursPerMonth: fromZod(q.hoursPerMonth, 160),
  rampUpBp: fromZod(q.rampUpBp, 0),
  pmQaBp: fromZod(q.pmQaBp, 0),
  contingencyBp: fromZod(q.contingencyBp, 0),
  marginBp: fromZod(q.marginBp, 0),
  split: choice(SPLIT_MODES, 'equal'),
  funders: fromZod(q.funders, []),
  waived: bool(),
  terms: fromZod(q.terms, ''),
};
const capacity: TableRules = {
  quarter: { check: isQuarterValue, fallback: '2000-Q1' },
  engineerMonths: { check: (v) => isEngineerMonths(v, MAX_CAPACITY_EM), fallback: 0 },
};
const m = memberSchema.shape;
const members: TableRules = {
  accountId: id(),
  status: choice(MEMBER_STATUSES, 'candidate'),
  since: dateOrNull(),
  ourSponsor: fromZod(m.ourSponsor, ''),
  theirSponsorId: idOrNull(),
  theirSponsorName: fromZod(m.theirSponsorName, ''),
};
const o = offerSchema.shape;
const offers: TableRules = {
  accountId: id(),
  name: fromZod(o.name, ''),
  status: choice(OFFER_STATUSES, 'draft'),
  currency: fromZod(o.currency, 'EUR'),
  listPrice: money(fromZod(o.listPrice, 0)),
  termYears: fromZod(o.termYears, 1),
  askedDiscountBp: fromZod(o.askedDiscountBp, 0),
  clubCostPerYear: money(fromZod(o.clubCostPerYear, 0)),
  // Options A, B and C at no discount: the offer still reads as a comparison, with nothing conceded.
  options: fromZod(o.options, defaultOptions(0, { a: 'A', b: 'B', c: 'C' })),
  notes: fromZod(o.notes, ''),
};

const r = retreatSchema.shape;
const budgetLine = (kind: (v: unknown) => boolean) => isShape({ kind, label: isText(120), amount: (v) => r.budget.safeParse(v).success });
/** The lines of a retreat: each a budget line, together within an exact total. */
const budgetLines = (kind: (v: unknown) => boolean) => (v: unknown) =>
  isArrayOf(budgetLine(kind), 100)(v) && linesFit(v as Array<{ amount: unknown }>);
const knownKind = (v: unknown) => (BUDGET_KINDS as readonly unknown[]).includes(v);
const retreats: TableRules = {
  title: fromZod(r.title, ''),
  theme: fromZod(r.theme, ''),
  place: fromZod(r.place, ''),
  startDate: { check: isDate, fallback: '1970-01-01' },
  endDate: { check: isDate, fallback: '1970-01-01' },
  currency: fromZod(r.currency, 'EUR'),
  budget: minor(),
  lines: {
    check: budgetLines(knownKind),
    fallback: [],
    // A newer version's budget kind is kept in the file and counted as "other" on screen.
    door: budgetLines(isPlausibleChoice),
    read: (v) =>
      budgetLines(isPlausibleChoice)(v)
        ? (v as Array<Record<string, unknown>>).map((l) => (knownKind(l.kind) ? l : { ...l, kind: 'other' }))
        : [],
  },
  ourAttendees: fromZod(r.ourAttendees, []),
  notes: fromZod(r.notes, ''),
};
const s = sessionSchema.shape;
const sessions: TableRules = {
  retreatId: id(),
  date: { check: isDate, fallback: '1970-01-01' },
  start: fromZod(s.start, '09:00'),
  end: fromZod(s.end, '10:00'),
  title: fromZod(s.title, ''),
  owner: fromZod(s.owner, ''),
  kind: choice(SESSION_KINDS, 'other'),
};
const attendees: TableRules = {
  retreatId: id(),
  accountId: id(),
  personId: idOrNull(),
  name: text(MAX_SHORT_TEXT),
  role: text(MAX_SHORT_TEXT),
};

const sg = segmentSchema.shape;
const segments: TableRules = {
  name: fromZod(sg.name, ''),
  industry: fromZod(sg.industry, ''),
  region: fromZod(sg.region, ''),
  sizeClass: fromZod(sg.sizeClass, null),
  minFit: fromZod(sg.minFit, null),
  targetCustomers: fromZod(sg.targetCustomers, 0),
  targetSource: fromZod(sg.targetSource, ''),
  avgSpend: money(fromZod(sg.avgSpend, 0)),
  currency: fromZod(sg.currency, 'EUR'),
  winRateBp: fromZod(sg.winRateBp, 0),
};

const me = memoSchema.shape;
const memos: TableRules = {
  title: fromZod(me.title, ''),
  question: fromZod(me.question, ''),
  context: fromZod(me.context, ''),
  drivers: fromZod(me.drivers, ''),
  dueDate: dateOrNull(),
  status: choice(MEMO_STATUSES, 'draft'),
  driver: fromZod(me.driver, ''),
  approver: fromZod(me.approver, ''),
  contributors: fromZod(me.contributors, []),
  informed: fromZod(me.informed, []),
  itemId: idOrNull(),
  accountId: idOrNull(),
  recommendedOptionId: idOrNull(),
  recommendation: fromZod(me.recommendation, ''),
  chosenOptionId: idOrNull(),
  chosenBecause: fromZod(me.chosenBecause, ''),
  consequences: fromZod(me.consequences, ''),
  decidedBy: fromZod(me.decidedBy, ''),
  decidedOn: dateOrNull(),
  decidedFigures: fromZod(me.decidedFigures, null),
  supersedes: idOrNull(),
  supersededBy: idOrNull(),
};
const mo = memoOptionSchema.shape;
const memoOptions: TableRules = {
  memoId: id(),
  name: fromZod(mo.name, ''),
  what: fromZod(mo.what, ''),
  effortEm: fromZod(mo.effortEm, 0),
  quarter: { check: isQuarterValue, fallback: '2000-Q1' },
  itemId: idOrNull(),
  quoteId: idOrNull(),
  otherCost: money(fromZod(mo.otherCost, 0)),
  risks: fromZod(mo.risks, ''),
  good: fromZod(mo.good, []),
  bad: fromZod(mo.bad, []),
  exitAccountId: idOrNull(),
  sort: finite(SORT_LIMIT),
};
const mv = memoViewSchema.shape;
const memoViews: TableRules = {
  memoId: id(),
  role: choice(EXEC_ROLES, 'sales'),
  stance: choice(EXEC_STANCES, 'notHeard'),
  who: fromZod(mv.who, ''),
  reason: fromZod(mv.reason, ''),
};
const mx = memoExitSchema.shape;
const memoExits: TableRules = {
  memoId: id(),
  accountId: id(),
  currency: fromZod(mx.currency, 'EUR'),
  withdrawProposal: bool(),
  proposal: fromZod(mx.proposal, ''),
  refund: money(fromZod(mx.refund, 0)),
  refundTerms: fromZod(mx.refundTerms, ''),
  exportHours: { check: isHours, fallback: 0 },
  migrationHours: { check: isHours, fallback: 0 },
  hourlyRate: money(fromZod(mx.hourlyRate, 0)),
  partner: fromZod(mx.partner, ''),
  noticeDays: fromZod(mx.noticeDays, 0),
  exitDate: dateOrNull(),
};

/** Conflict reviews (shared/sync/review.ts): the lost value is any JSON the table had; validate.ts bounds it. */
const isStampValue = (v: unknown) => typeof v === 'string' && isStamp(v);
const reviews: TableRules = {
  table: text(64, 1),
  rowId: id(),
  field: text(64, 1),
  value: { check: () => true, fallback: null },
  stamp: { check: isStampValue, fallback: ZERO_STAMP },
  winnerStamp: { check: isStampValue, fallback: ZERO_STAMP },
  createdAt: text(40),
  resolution: choice(REVIEW_RESOLUTIONS, 'open'),
};

const settingsRules = (schema: { shape: Readonly<Record<string, ZodType>> }): TableRules =>
  Object.fromEntries(Object.entries(schema.shape).map(([field, z]) => [field, fromZod(z, undefined)]));
/** Settings rows are partial (a field nobody set falls back to its default) and keyed by what they hold. */
export const SETTINGS_RULES: Readonly<Record<string, TableRules>> = {
  [ROADMAP_SETTINGS_ID]: settingsRules(roadmapSettingsSchema),
  [CLUB_PROGRAM_ID]: settingsRules(clubProgramSchema),
  [WORKSPACE_SETTINGS_ID]: settingsRules(workspaceSettingsSchema),
};

export const TABLE_RULES = {
  accounts,
  plans,
  objectives,
  actions,
  risks,
  people,
  lines,
  contacts,
  roadmapItems,
  requests,
  quotes,
  capacity,
  settings: {},
  members,
  offers,
  retreats,
  sessions,
  attendees,
  reviews,
  segments,
  memos,
  memoOptions,
  memoViews,
  memoExits,
} as const satisfies Readonly<Record<string, TableRules>>;

export type RuleTable = keyof typeof TABLE_RULES;

const moneyIn = (rules: TableRules): string[] => Object.entries(rules).flatMap(([field, rule]) => (rule.money ? [field] : []));

/** The fields of a table that hold an amount of money (rules marked `money`), in rule order. */
export function moneyFields(table: RuleTable): string[] {
  return moneyIn(TABLE_RULES[table]);
}

/**
 * Every field name that holds money in some table or settings row (and, as a test proves, holds
 * nothing else in any other): for showing a field's value when only its name is at hand.
 */
export const MONEY_FIELD_NAMES: ReadonlySet<string> = new Set(
  [...Object.values<TableRules>(TABLE_RULES), ...Object.values(SETTINGS_RULES)].flatMap(moneyIn),
);

/**
 * Rules across fields of one row, each naming the field to blame and what reading the row falls
 * back to: an offer whose price over the term cannot be computed exactly.
 */
interface RowRule {
  readonly field: string;
  readonly holds: (row: Readonly<Record<string, unknown>>) => boolean;
  readonly fallback: Readonly<Record<string, unknown>>;
}
const ROW_RULES: Partial<Record<RuleTable, RowRule>> = {
  offers: {
    field: 'listPrice',
    holds: (row) => offerFits(row as unknown as Parameters<typeof offerFits>[0]),
    fallback: { listPrice: 0, clubCostPerYear: 0 },
  },
  memoExits: {
    field: 'hourlyRate',
    holds: (row) => exitFits(row as unknown as Parameters<typeof exitFits>[0]),
    fallback: { refund: 0, hourlyRate: 0 },
  },
};
export const isRuleTable = (t: string): t is RuleTable => Object.hasOwn(TABLE_RULES, t);

interface RowRules {
  readonly rules: TableRules;
  /** The rules as a list, made once: every row of a 10,000-row read or write walks it. */
  readonly list: ReadonlyArray<readonly [string, FieldRule]>;
  readonly partial: boolean;
}
const ruleSets = new Map<string, RowRules>();
const NO_RULES: TableRules = {};

/** The rules that apply to one row: a settings row's depend on its id; whole rows otherwise. */
function rulesFor(table: RuleTable, rowId: string): RowRules {
  const key = table === 'settings' ? `settings\u0000${Object.hasOwn(SETTINGS_RULES, rowId) ? rowId : ''}` : table;
  let set = ruleSets.get(key);
  if (!set) {
    const rules = table === 'settings' ? (Object.hasOwn(SETTINGS_RULES, rowId) ? SETTINGS_RULES[rowId]! : NO_RULES) : TABLE_RULES[table];
    set = { rules, list: Object.entries(rules), partial: table === 'settings' };
    ruleSets.set(key, set);
  }
  return set;
}

export interface FieldProblem {
  readonly field: string;
  readonly reason: 'missing' | 'invalid';
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** A value a newer version could have added to this field's list: plausible, and of the list's own type. */
const plausibleFor = (rule: FieldRule, v: unknown): boolean =>
  rule.choices !== undefined && isPlausibleChoice(v) && typeof v === typeof rule.choices[0];

/**
 * The first field of an incoming row (a sync file, later a CSV) that breaks its table's rule,
 * or null. Unknown fields pass; an unknown value of a known choice passes (forward compatibility).
 */
export function doorProblem(table: RuleTable, row: Readonly<Record<string, unknown>>): FieldProblem | null {
  const { list, partial } = rulesFor(table, typeof row.id === 'string' ? row.id : '');
  for (const [field, rule] of list) {
    if (!hasOwn(row, field)) {
      if (partial || rule.addedIn !== undefined) continue;
      return { field, reason: 'missing' };
    }
    const v = row[field];
    const ok = rule.door ? rule.door(v) : rule.check(v) || plausibleFor(rule, v);
    if (!ok) return { field, reason: 'invalid' };
  }
  const rowRule = ROW_RULES[table];
  if (rowRule && !rowRule.holds(row)) return { field: rowRule.field, reason: 'invalid' };
  return null;
}

/**
 * The fields of a write (a whole new row, or a patch) that break the table's rule: what every
 * repository write is checked against. Unknown values of choices are refused here — this
 * version only ever writes values it knows.
 */
export function writeProblems(table: RuleTable, rowId: string, fields: Readonly<Record<string, unknown>>, whole: boolean): string[] {
  const { rules, list, partial } = rulesFor(table, rowId);
  const bad: string[] = [];
  for (const field of Object.keys(fields)) {
    if (field === 'deleted' || !hasOwn(rules, field)) continue;
    if (!rules[field]!.check(fields[field])) bad.push(field);
  }
  if (whole && !partial) for (const [field, rule] of list) if (!hasOwn(fields, field) && rule.addedIn === undefined) bad.push(field);
  const rowRule = ROW_RULES[table];
  if (whole && bad.length === 0 && rowRule && !rowRule.holds(fields)) bad.push(rowRule.field);
  return bad;
}

/**
 * A stored row as the screens may use it: a field that is missing or breaks its rule (a row
 * stored by an older version, or by a bug) reads as its fallback; an unknown choice reads as
 * the fallback unless the field keeps unknowns. The row itself is returned when nothing needs
 * fixing, so memoised views keep working. Never throws.
 */
export function readRow<T extends object>(table: RuleTable, row: T): T {
  if (!isPlainObject(row)) return row;
  const raw = row as Record<string, unknown>;
  const { list, partial } = rulesFor(table, typeof raw.id === 'string' ? raw.id : '');
  let fixed: Record<string, unknown> | null = null;
  for (const [field, rule] of list) {
    const present = hasOwn(raw, field);
    if (!present && partial) continue;
    const v = raw[field];
    if (present && rule.check(v)) continue;
    let next: unknown;
    if (present && rule.read) next = rule.read(v);
    else if (present && rule.keepUnknown && plausibleFor(rule, v)) continue;
    else next = rule.fallback;
    if (next === undefined && partial) {
      fixed ??= { ...raw };
      Reflect.deleteProperty(fixed, field);
      continue;
    }
    fixed ??= { ...raw };
    fixed[field] = Array.isArray(next) ? [...(next as unknown[])] : next;
  }
  if (typeof raw.deleted !== 'boolean') (fixed ??= { ...raw }).deleted = false;
  const rowRule = ROW_RULES[table];
  if (rowRule && !rowRule.holds(fixed ?? raw)) fixed = { ...(fixed ?? raw), ...rowRule.fallback };
  return (fixed ?? row) as T;
}

/** readRow over a list, keeping the list itself when no row changed. */
export function readRows<T extends object>(table: RuleTable, rows: readonly T[]): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < rows.length; i++) {
    const r = readRow(table, rows[i]!);
    if (r !== rows[i]) (out ??= rows.slice())[i] = r;
  }
  return out ?? (rows as T[]);
}
