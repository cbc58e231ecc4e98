import { z } from 'zod';
import { newQuoteFields, SPLIT_MODES, STAFFING_MODES, QUOTE_STATUSES, type QuoteFields } from './acceleration';
import type { IsoDate } from './dates';
import { currencyDigits } from './money';
import { addQuarters, quarterOf, type Quarter } from './quarter';
import {
  IMPORTANCES,
  ITEM_STATUSES,
  roadmapSettingsSchema,
  type Importance,
  type RoadmapItemFields,
  type RoadmapSettings,
} from './roadmap';

/**
 * The sample roadmap (in assets/sample-workspace.json under "roadmap"), with quarters as
 * offsets from the current quarter so the timeline always looks current.
 */
const offset = z.number().int().min(-8).max(12);

export const sampleRoadmapSchema = z.object({
  settings: roadmapSettingsSchema.partial(),
  capacity: z.array(z.object({ quarter: offset, em: z.number().min(0) })),
  items: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      theme: z.string(),
      quarter: offset,
      effortEm: z.number().positive(),
      onStrategy: z.boolean(),
      status: z.enum(ITEM_STATUSES),
      notes: z.string(),
      requests: z.array(z.object({ account: z.string(), importance: z.enum(IMPORTANCES), note: z.string() })),
    }),
  ),
  quotes: z.array(
    z.object({
      item: z.string(),
      name: z.string(),
      target: offset,
      staffing: z.enum(STAFFING_MODES),
      split: z.enum(SPLIT_MODES),
      status: z.enum(QUOTE_STATUSES),
      funders: z.array(z.string()).min(1),
      marginBp: z.number().int().optional(),
    }),
  ),
});

export interface MaterialisedRoadmap {
  readonly settings: Partial<RoadmapSettings>;
  readonly capacity: ReadonlyArray<{ quarter: Quarter; engineerMonths: number }>;
  readonly items: ReadonlyArray<{
    key: string;
    fields: RoadmapItemFields;
    requests: ReadonlyArray<{ accountKey: string; importance: Importance; note: string }>;
  }>;
  /** Quote fields with `itemId` holding the item's key and funders' `accountId` the account keys. */
  readonly quotes: readonly QuoteFields[];
}

export function materialiseSampleRoadmap(raw: unknown, today: IsoDate): MaterialisedRoadmap {
  const r = sampleRoadmapSchema.parse(raw);
  const now = quarterOf(today);
  const currency = r.settings.currency ?? 'EUR';
  const items = r.items.map((i) => ({
    key: i.key,
    fields: {
      title: i.title,
      theme: i.theme,
      plannedQuarter: addQuarters(now, i.quarter),
      effortEm: i.effortEm,
      onStrategy: i.onStrategy,
      status: i.status,
      notes: i.notes,
      acceleratedFrom: null,
    },
    requests: i.requests.map((q) => ({ accountKey: q.account, importance: q.importance, note: q.note })),
  }));
  const byKey = new Map(items.map((i) => [i.key, i.fields]));
  const quotes = r.quotes.map((q) => {
    const item = byKey.get(q.item);
    if (!item) throw new RangeError(`sample quote for unknown item ${q.item}`);
    const fields = newQuoteFields({
      itemId: q.item,
      name: q.name,
      fromQuarter: item.plannedQuarter,
      targetQuarter: addQuarters(now, q.target),
      effortEm: item.effortEm,
      currency,
      hoursPerMonth: r.settings.hoursPerMonth ?? 160,
      staffing: q.staffing,
      funderIds: q.funders,
      minorPerMajor: 10 ** currencyDigits(currency),
    });
    return { ...fields, split: q.split, status: q.status, marginBp: (q.marginBp ?? fields.marginBp) as QuoteFields['marginBp'] };
  });
  return {
    settings: r.settings as Partial<RoadmapSettings>,
    capacity: r.capacity.map((c) => ({ quarter: addQuarters(now, c.quarter), engineerMonths: c.em })),
    items,
    quotes,
  };
}
