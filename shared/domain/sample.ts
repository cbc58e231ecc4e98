import { z } from 'zod';
import {
  accountFieldsSchema,
  COMMUNICATOR_ROLES,
  defaultAccountFields,
  ICP_CRITERIA,
  SIZE_CLASSES,
  SPIRAL_STAGES,
  type AccountFields,
} from './account';
import { addDays, type IsoDate } from './dates';
import { segmentSchema, type SegmentFields } from './segment';
import { toMinor } from './money';
import { ACTION_STATUSES, RISK_LEVELS, type ActionStatus, type RiskLevel } from './plan';
import {
  BUYING_ROLES,
  CONTACT_CHANNELS,
  LINE_KINDS,
  ORG_LEVELS,
  POLITICAL_STATUSES,
  RELATIONSHIP_LEVELS,
  STANCES,
  defaultPersonFields,
  type ContactChannel,
  type LineKind,
  type PersonFields,
} from './stakeholders';

/**
 * The sample workspace ships as data (assets/sample-workspace.json) with dates as day
 * offsets, so that "overdue" and "renews in 35 days" stay true whatever day it is opened.
 */
const day = z.number().int().min(-3650).max(3650);
const hours = z.number().min(0).max(100_000);

export const sampleWorkspaceSchema = z.object({
  format: z.literal('waypoint-sample'),
  version: z.literal(1),
  accounts: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      industry: z.string(),
      region: z.string(),
      currency: z.string(),
      owner: z.string(),
      sizeClass: z.enum(SIZE_CLASSES),
      arr: z.number().min(0),
      potentialArr: z.number().min(0),
      bucket: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
      bucketEvidence: z.string(),
      spiralStage: z.enum(SPIRAL_STAGES),
      spiralLap: z.number().int().min(1),
      communicator: z.string(),
      communicatorRole: z.enum(COMMUNICATOR_ROLES),
      communicatorSinceDays: day,
      renewalInDays: day,
      contractStartDays: day,
      hours: z.object({ support: hours, engineering: hours, pm: hours, presales: hours, custom: hours }),
      icp: z.partialRecord(z.enum(ICP_CRITERIA), z.number().int().min(0).max(5)),
      tags: z.array(z.string()),
      notes: z.string(),
    }),
  ),
  segments: z
    .array(
      z.object({
        name: z.string(),
        industry: z.string(),
        region: z.string(),
        sizeClass: z.enum(SIZE_CLASSES).nullable(),
        minFit: z.number().int().min(0).max(100).nullable(),
        targetCustomers: z.number().int().min(0),
        targetSource: z.string(),
        avgSpend: z.number().min(0),
        currency: z.string(),
        winRatePercent: z.number().min(0).max(100),
      }),
    )
    .default([]),
  plans: z.array(
    z.object({
      account: z.string(),
      title: z.string(),
      periodStartDays: day,
      periodEndDays: day,
      summary: z.string(),
      objectives: z.array(
        z.object({
          title: z.string(),
          actions: z.array(z.object({ title: z.string(), owner: z.string(), dueInDays: day, status: z.enum(ACTION_STATUSES) })),
        }),
      ),
      risks: z.array(z.object({ title: z.string(), likelihood: z.enum(RISK_LEVELS), impact: z.enum(RISK_LEVELS), mitigation: z.string() })),
    }),
  ),
  people: z
    .array(
      z.object({
        account: z.string(),
        key: z.string(),
        name: z.string(),
        title: z.string(),
        department: z.string(),
        orgLevel: z.enum(ORG_LEVELS),
        buyingRole: z.enum(BUYING_ROLES),
        stance: z.enum(STANCES),
        influence: z.number().int().min(1).max(5),
        interest: z.number().int().min(1).max(5),
        political: z.enum(POLITICAL_STATUSES),
        ourOwner: z.string(),
        relationshipLevel: z.enum(RELATIONSHIP_LEVELS),
        manager: z.string().nullable(),
        nextStep: z.string(),
        placeholder: z.boolean(),
      }),
    )
    .default([]),
  lines: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(LINE_KINDS) })).default([]),
  contacts: z
    .array(
      z.object({
        person: z.string(),
        daysAgo: z.number().int().min(0).max(3650),
        channel: z.enum(CONTACT_CHANNELS),
        attendee: z.string(),
        notes: z.string(),
      }),
    )
    .default([]),
});

export type SampleWorkspace = z.infer<typeof sampleWorkspaceSchema>;

export interface SamplePlan {
  readonly accountKey: string;
  readonly title: string;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly summary: string;
  readonly objectives: ReadonlyArray<{
    title: string;
    actions: ReadonlyArray<{ title: string; owner: string; dueDate: IsoDate; status: ActionStatus }>;
  }>;
  readonly risks: ReadonlyArray<{ title: string; likelihood: RiskLevel; impact: RiskLevel; mitigation: string }>;
}

export interface SamplePerson {
  readonly accountKey: string;
  readonly key: string;
  /** Fields without accountId and position (set when loaded and laid out). */
  readonly fields: Omit<PersonFields, 'accountId' | 'x' | 'y'>;
  readonly managerKey: string | null;
}

export interface MaterialisedSample {
  readonly accounts: ReadonlyArray<{ key: string; fields: AccountFields }>;
  readonly plans: readonly SamplePlan[];
  readonly people: readonly SamplePerson[];
  readonly lines: ReadonlyArray<{ from: string; to: string; kind: LineKind }>;
  readonly contacts: ReadonlyArray<{ personKey: string; date: IsoDate; channel: ContactChannel; attendee: string; notes: string }>;
  readonly segments: readonly SegmentFields[];
}

/** Turns the shipped sample into account fields and plans dated relative to `today`. */
export function materialiseSample(raw: unknown, today: IsoDate): MaterialisedSample {
  const sample = sampleWorkspaceSchema.parse(raw);
  const accounts = sample.accounts.map((a) => {
    const base = defaultAccountFields({ currency: a.currency });
    const fields = accountFieldsSchema.parse({
      ...base,
      name: a.name,
      industry: a.industry,
      region: a.region,
      owner: a.owner,
      sizeClass: a.sizeClass,
      arr: toMinor(a.arr, a.currency),
      potentialArr: toMinor(a.potentialArr, a.currency),
      bucket: a.bucket,
      bucketEvidence: a.bucketEvidence,
      spiralStage: a.spiralStage,
      spiralLap: a.spiralLap,
      communicator: a.communicator,
      communicatorRole: a.communicatorRole,
      communicatorSince: addDays(today, a.communicatorSinceDays),
      renewalDate: addDays(today, a.renewalInDays),
      contractStart: addDays(today, a.contractStartDays),
      supportHours: a.hours.support,
      engineeringHours: a.hours.engineering,
      pmHours: a.hours.pm,
      presalesHours: a.hours.presales,
      customHours: a.hours.custom,
      // Loaded rates differ by currency: scale the EUR defaults by a rough purchasing factor.
      ...scaledRates(a.currency),
      icp: a.icp,
      tags: a.tags,
      notes: a.notes,
    }) as AccountFields;
    return { key: a.key, fields };
  });
  const plans = sample.plans.map((p) => ({
    accountKey: p.account,
    title: p.title,
    periodStart: addDays(today, p.periodStartDays),
    periodEnd: addDays(today, p.periodEndDays),
    summary: p.summary,
    objectives: p.objectives.map((o) => ({
      title: o.title,
      actions: o.actions.map((x) => ({ title: x.title, owner: x.owner, dueDate: addDays(today, x.dueInDays), status: x.status })),
    })),
    risks: p.risks,
  }));
  const people = sample.people.map((p) => {
    const {
      accountId: _a,
      x: _x,
      y: _y,
      ...fields
    } = defaultPersonFields('', {
      name: p.name,
      title: p.title,
      department: p.department,
      orgLevel: p.orgLevel,
      buyingRole: p.buyingRole,
      stance: p.stance,
      influence: p.influence,
      interest: p.interest,
      political: p.political,
      ourOwner: p.ourOwner,
      relationshipLevel: p.relationshipLevel,
      nextStep: p.nextStep,
      placeholder: p.placeholder,
    });
    return { accountKey: p.account, key: p.key, fields, managerKey: p.manager };
  });
  const contacts = sample.contacts.map((c) => ({
    personKey: c.person,
    date: addDays(today, -c.daysAgo),
    channel: c.channel,
    attendee: c.attendee,
    notes: c.notes,
  }));
  const segments = sample.segments.map(
    (g) =>
      segmentSchema.parse({
        ...g,
        avgSpend: toMinor(g.avgSpend, g.currency),
        winRateBp: Math.round(g.winRatePercent * 100),
        winRatePercent: undefined,
      }) as SegmentFields,
  );
  return { accounts, plans, people, lines: sample.lines, contacts, segments };
}

/** Hourly loaded rates in major units per currency for the sample (support, engineering, pm, presales, custom). */
const RATE_TABLE: Record<string, readonly [number, number, number, number, number]> = {
  EUR: [90, 140, 130, 120, 150],
  USD: [100, 155, 145, 130, 165],
  GBP: [80, 125, 115, 105, 135],
  DKK: [670, 1050, 970, 900, 1120],
  NOK: [1050, 1600, 1500, 1400, 1750],
  SEK: [1000, 1550, 1450, 1350, 1700],
  SGD: [130, 200, 190, 170, 215],
  JPY: [14000, 21000, 20000, 18000, 23000],
};

function scaledRates(currency: string): Pick<AccountFields, 'supportRate' | 'engineeringRate' | 'pmRate' | 'presalesRate' | 'customRate'> {
  const r = RATE_TABLE[currency] ?? RATE_TABLE.EUR!;
  return {
    supportRate: toMinor(r[0], currency),
    engineeringRate: toMinor(r[1], currency),
    pmRate: toMinor(r[2], currency),
    presalesRate: toMinor(r[3], currency),
    customRate: toMinor(r[4], currency),
  };
}
