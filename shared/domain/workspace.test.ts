import { describe, expect, it } from 'vitest';
import { MAX_ICP_WEIGHT, resolveWorkspace, workspaceSettingsSchema, type WorkspaceSettings } from './workspace';
import { DEFAULT_ICP_WEIGHTS, ICP_CRITERIA } from './account';
import { MAX_RATE_MICROS } from './roadmap';

describe('resolveWorkspace', () => {
  it('defaults to EUR, no rates and the default weights', () => {
    expect(resolveWorkspace(undefined)).toEqual({ currency: 'EUR', rates: {}, icpWeights: DEFAULT_ICP_WEIGHTS });
    expect(resolveWorkspace({}, {})).toEqual({ currency: 'EUR', rates: {}, icpWeights: DEFAULT_ICP_WEIGHTS });
  });

  it('reads currency and rates from the roadmap row when the workspace has no row', () => {
    expect(resolveWorkspace(undefined, { currency: 'SEK', rates: { EUR: 11_500_000 } })).toEqual({
      currency: 'SEK',
      rates: { EUR: 11_500_000 },
      icpWeights: DEFAULT_ICP_WEIGHTS,
    });
  });

  it('falls back field by field: workspace row, then roadmap row, then defaults', () => {
    const roadmap = { currency: 'SEK', rates: { EUR: 11_500_000 } };
    expect(resolveWorkspace({ currency: 'USD' }, roadmap)).toEqual({
      currency: 'USD',
      rates: { EUR: 11_500_000 },
      icpWeights: DEFAULT_ICP_WEIGHTS,
    });
    expect(resolveWorkspace({ rates: { GBP: 1_170_000 } }, roadmap)).toMatchObject({ currency: 'SEK', rates: { GBP: 1_170_000 } });
    expect(resolveWorkspace({ rates: { GBP: 1_170_000 } }, { currency: 'SEK' }).currency).toBe('SEK');
    expect(resolveWorkspace(undefined, { rates: { USD: 900_000 } })).toMatchObject({ currency: 'EUR', rates: { USD: 900_000 } });
  });

  it("the workspace's own empty rates win over the roadmap's (cleared, not missing)", () => {
    expect(resolveWorkspace({ currency: 'EUR', rates: {} }, { currency: 'EUR', rates: { USD: 900_000 } }).rates).toEqual({});
  });

  it('merges partial weights with the defaults', () => {
    const ws = resolveWorkspace({ icpWeights: { industryFit: 7 } as WorkspaceSettings['icpWeights'] });
    expect(ws.icpWeights).toEqual({ ...DEFAULT_ICP_WEIGHTS, industryFit: 7 });
    expect(Object.keys(ws.icpWeights).sort()).toEqual([...ICP_CRITERIA].sort());
    // 0 is a weight, not a missing one
    expect(resolveWorkspace({ icpWeights: { ...DEFAULT_ICP_WEIGHTS, companySize: 0 } }).icpWeights.companySize).toBe(0);
  });

  it('returns copies: changing the result changes neither row nor the defaults', () => {
    const row = { rates: { USD: 900_000 } };
    const roadmap = { rates: { SEK: 87_000 } };
    const a = resolveWorkspace(row);
    a.rates.GBP = 1;
    a.icpWeights.industryFit = 9;
    const b = resolveWorkspace(undefined, roadmap);
    b.rates.GBP = 1;
    expect(row.rates).toEqual({ USD: 900_000 });
    expect(roadmap.rates).toEqual({ SEK: 87_000 });
    expect(DEFAULT_ICP_WEIGHTS.industryFit).toBe(3);
    expect(resolveWorkspace(undefined).icpWeights.industryFit).toBe(3);
  });
});

describe('workspaceSettingsSchema', () => {
  const valid: WorkspaceSettings = { currency: 'EUR', rates: { SEK: 87_000, JPY: 6_200 }, icpWeights: { ...DEFAULT_ICP_WEIGHTS } };
  const ok = (v: unknown) => workspaceSettingsSchema.safeParse(v).success;

  it('accepts the defaults and a full workspace', () => {
    expect(ok(resolveWorkspace(undefined))).toBe(true);
    expect(ok(valid)).toBe(true);
    expect(ok({ ...valid, icpWeights: { ...valid.icpWeights, industryFit: 0, companySize: MAX_ICP_WEIGHT } })).toBe(true);
    expect(ok({ ...valid, rates: { USD: MAX_RATE_MICROS } })).toBe(true);
  });

  it('refuses weights of 11, −1 and 1.5, and a missing criterion', () => {
    for (const w of [11, -1, 1.5, Number.NaN])
      expect(ok({ ...valid, icpWeights: { ...valid.icpWeights, techMaturity: w } }), String(w)).toBe(false);
    const { strategicUseCase: _, ...missing } = valid.icpWeights;
    expect(ok({ ...valid, icpWeights: missing })).toBe(false);
  });

  it('refuses a bad currency, as the reporting one or as a rate key', () => {
    for (const c of ['eur', 'EURO', '', 'XYZ', 'E1R']) expect(ok({ ...valid, currency: c }), c).toBe(false);
    expect(ok({ ...valid, rates: { usd: 900_000 } })).toBe(false);
    expect(ok({ ...valid, rates: { XYZ: 900_000 } })).toBe(false);
  });

  it('refuses rates that are not whole micro-units from 1 to the maximum', () => {
    for (const r of [0, -1, 0.5, MAX_RATE_MICROS + 1]) expect(ok({ ...valid, rates: { USD: r } }), String(r)).toBe(false);
  });
});
