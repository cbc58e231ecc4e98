import type { SegmentFields } from './segment';
import { WORKSPACE_SETTINGS_ID, type WorkspaceSettings } from './workspace';
import { describe, expect, it } from 'vitest';
import type { QuoteFields } from './acceleration';
import type { AccountFields } from './account';
import type { ClubProgramFields, MemberFields, OfferFields } from './club';
import type { Minor } from './money';
import type { ActionFields, ObjectiveFields, PlanFields, RiskFields } from './plan';
import type { AttendeeFields, RetreatFields, SessionFields } from './retreat';
import type { CapacityFields, RequestFields, RoadmapItemFields, RoadmapSettings } from './roadmap';
import type { ContactFields, LineFields, PersonFields } from './stakeholders';
import type { MemoExitFields, MemoFields, MemoOptionFields, MemoViewFields } from './memo';
import type { ReviewFields } from '../sync/review';
import { MONEY_FIELD_NAMES, moneyFields, SETTINGS_RULES, TABLE_RULES, type RuleTable, type TableRules } from './tables';

/** The row type of every table with rules (a new table must be added here, or this file does not compile). */
interface FieldsOf {
  accounts: AccountFields;
  plans: PlanFields;
  objectives: ObjectiveFields;
  actions: ActionFields;
  risks: RiskFields;
  people: PersonFields;
  lines: LineFields;
  contacts: ContactFields;
  roadmapItems: RoadmapItemFields;
  requests: RequestFields;
  quotes: QuoteFields;
  capacity: CapacityFields;
  settings: RoadmapSettings & ClubProgramFields & WorkspaceSettings;
  members: MemberFields;
  offers: OfferFields;
  retreats: RetreatFields;
  sessions: SessionFields;
  attendees: AttendeeFields;
  reviews: ReviewFields;
  segments: SegmentFields;
  memos: MemoFields;
  memoOptions: MemoOptionFields;
  memoViews: MemoViewFields;
  memoExits: MemoExitFields;
}

/** The fields of a row type whose values are amounts in minor units (`Minor`, or `Minor | null`). */
type MinorKeys<T> = { [K in keyof T]-?: [NonNullable<T[K]>] extends [Minor] ? K : never }[keyof T];
/** Each Minor field of T listed, and no other field of T. */
type Listed<T> = Readonly<Record<MinorKeys<T>, true>> & Readonly<Partial<Record<Exclude<keyof T, MinorKeys<T>>, never>>>;

/**
 * Every top-level `Minor` field of every table, checked by the compiler both ways: a new `Minor`
 * field in a row type is a missing key here, a key that is no `Minor` field is an excess one.
 */
const MINOR_FIELDS: { readonly [T in RuleTable]: Listed<FieldsOf[T]> } = {
  accounts: {
    arr: true,
    potentialArr: true,
    annualRevenue: true,
    supportRate: true,
    engineeringRate: true,
    pmRate: true,
    presalesRate: true,
    customRate: true,
  },
  plans: {},
  objectives: {},
  actions: {},
  risks: {},
  people: {},
  lines: {},
  contacts: {},
  roadmapItems: {},
  requests: {},
  quotes: { monthlyCost: true, hourlyRate: true },
  capacity: {},
  settings: {},
  members: {},
  offers: { listPrice: true, clubCostPerYear: true },
  retreats: { budget: true },
  sessions: {},
  attendees: {},
  reviews: {},
  segments: { avgSpend: true },
  // decidedFigures holds amounts too, but inside one JSON record (FrozenFigures, with its own currency), not as Minor fields.
  memos: {},
  memoOptions: { otherCost: true },
  memoViews: {},
  memoExits: { refund: true, hourlyRate: true },
};

/**
 * Money fields whose row has no `currency` of its own, each with the currency it is in instead.
 * An option's other cost is in the workspace's reporting currency (settings row 'workspace'), like
 * every other figure of a memo's options (memoFigures.optionFigures adds it to amounts converted
 * into that currency); the option row carries no currency to disagree with it.
 */
const IN_REPORTING_CURRENCY: ReadonlyArray<readonly [string, string]> = [['memoOptions', 'otherCost']];

const tables = Object.keys(TABLE_RULES) as RuleTable[];
const allRules: ReadonlyArray<readonly [string, TableRules]> = [
  ...tables.map((t) => [t, TABLE_RULES[t] as TableRules] as const),
  ...Object.entries(SETTINGS_RULES).map(([id, rules]) => [`settings:${id}`, rules] as const),
];

describe('which fields are money', () => {
  it('marks exactly the Minor fields of every row type', () => {
    for (const table of tables) expect([table, moneyFields(table).sort()]).toEqual([table, Object.keys(MINOR_FIELDS[table]).sort()]);
  });

  it('names a field money in every table or in none, so the name alone says how to show it', () => {
    for (const [where, rules] of allRules)
      for (const [field, rule] of Object.entries(rules))
        expect([where, field, MONEY_FIELD_NAMES.has(field)]).toEqual([where, field, !!rule.money]);
    expect([...MONEY_FIELD_NAMES].sort()).toEqual(
      [
        'annualRevenue',
        'avgSpend',
        'arr',
        'potentialArr',
        'supportRate',
        'engineeringRate',
        'pmRate',
        'presalesRate',
        'customRate',
        'monthlyCost',
        'hourlyRate',
        'listPrice',
        'clubCostPerYear',
        'budget',
        'otherCost',
        'refund',
      ].sort(),
    );
  });

  it('keeps every amount a whole number of minor units beside the currency it is in', () => {
    for (const [where, rules] of allRules)
      for (const [field, rule] of Object.entries(rules)) {
        if (!rule.money) continue;
        const reporting = IN_REPORTING_CURRENCY.some(([t, f]) => t === where && f === field);
        // Beside a currency of its own, or — the listed exceptions only — in the reporting currency, with no currency field to contradict it.
        expect([where, field, rules.currency !== undefined]).toEqual([where, field, !reporting]);
        expect([where, field, rule.check(12_345), rule.check(0.5), rule.check(-1), rule.check('12')]).toEqual([
          where,
          field,
          true,
          false,
          false,
          false,
        ]);
      }
  });

  it('has the reporting currency the exceptions are in, as a currency code', () => {
    const currency = SETTINGS_RULES[WORKSPACE_SETTINGS_ID]?.currency;
    expect(currency?.check('EUR')).toBe(true);
    expect(currency?.check('euro')).toBe(false);
    // Each exception is a money field of a table with rules (a renamed or dropped field cannot linger here).
    for (const [table, field] of IN_REPORTING_CURRENCY) expect(moneyFields(table as RuleTable), table).toContain(field);
  });
});
