import { z } from 'zod';
import { DEFAULT_ICP_WEIGHTS, ICP_CRITERIA, type IcpCriterion } from './account';
import { isCurrencyCode } from './money';
import { MAX_RATE_MICROS, type RoadmapSettings } from './roadmap';

/**
 * Workspace settings (synced: every device reports in the same currency at the same rates and
 * scores ICP fit with the same weights). The reporting currency and its rates were roadmap
 * settings before; a workspace without this row still reads them from the roadmap row.
 */
export interface WorkspaceSettings {
  /** Every cross-account figure (portfolio, list sorting, roadmap demand, quotes) is in this currency. */
  currency: string;
  /** Other currencies → `currency`: micro-units of `currency` per unit (1 SEK = 0.087 EUR → 87 000). */
  rates: Record<string, number>;
  /** How much each ICP criterion counts in the fit score (0 = not at all). */
  icpWeights: Record<IcpCriterion, number>;
}

export const WORKSPACE_SETTINGS_ID = 'workspace';
export const MAX_ICP_WEIGHT = 10;

export const workspaceSettingsSchema = z.object({
  currency: z.string().refine(isCurrencyCode, 'currency'),
  rates: z.record(z.string().refine(isCurrencyCode), z.number().int().min(1).max(MAX_RATE_MICROS)),
  icpWeights: z.object(
    Object.fromEntries(ICP_CRITERIA.map((c) => [c, z.number().int().min(0).max(MAX_ICP_WEIGHT)])) as Record<IcpCriterion, z.ZodNumber>,
  ),
});

/**
 * The workspace settings from their row, falling back field by field to what the roadmap row
 * held before (currency, rates) and then to the defaults (EUR, no rates, the default weights).
 */
export function resolveWorkspace(
  row: Partial<WorkspaceSettings> | undefined,
  roadmapRow?: Partial<Pick<RoadmapSettings, 'currency' | 'rates'>>,
): WorkspaceSettings {
  return {
    currency: row?.currency ?? roadmapRow?.currency ?? 'EUR',
    rates: { ...(row?.rates ?? roadmapRow?.rates) },
    icpWeights: { ...DEFAULT_ICP_WEIGHTS, ...row?.icpWeights },
  };
}

/**
 * Rates into a new reporting currency, from the rates into the old one: with a rate for the new
 * currency each rate is divided by it (and the old currency gets its inverse); without one no rate
 * can be derived, so none is kept (stale rates into the old currency would be wrong by the factor).
 */
export function rebaseRates(rates: Readonly<Record<string, number>>, from: string, to: string): Record<string, number> {
  if (from === to) return { ...rates };
  const via = rates[to];
  if (!via) return {};
  const out: Record<string, number> = {};
  for (const [c, r] of Object.entries(rates)) {
    if (c === to) continue;
    const v = Math.round((r * 1_000_000) / via);
    if (v >= 1 && v <= MAX_RATE_MICROS) out[c] = v;
  }
  const back = Math.round(1_000_000_000_000 / via);
  if (back >= 1 && back <= MAX_RATE_MICROS) out[from] = back;
  return out;
}
