import { describe, expect, it } from 'vitest';
import { DEFAULT_ICP_WEIGHTS } from '@shared/domain/account';
import { asBp, asMinor } from '@shared/domain/money';
import { defaultSegmentFields } from '@shared/domain/segment';
import { createAccount } from './accounts';
import {
  createSegment,
  deleteSegment,
  moveToBucket,
  PortfolioRefusedError,
  readWorkspaceSettings,
  updateSegment,
  updateWorkspaceSettings,
} from './portfolio';
import { updateRoadmapSettings } from './roadmap';
import { replayIntent } from './workspace';
import { freshWorkspaces } from './testing';

const fresh = freshWorkspaces();

describe('workspace settings', () => {
  it('read the roadmap row’s currency and rates until the workspace has its own', async () => {
    const ws = await fresh();
    expect(await readWorkspaceSettings(ws.db)).toEqual({ currency: 'EUR', rates: {}, icpWeights: DEFAULT_ICP_WEIGHTS });
    await updateRoadmapSettings(ws, { currency: 'EUR', rates: { SEK: 87_000 } });
    expect((await readWorkspaceSettings(ws.db)).rates).toEqual({ SEK: 87_000 });
    await updateWorkspaceSettings(ws, { rates: { USD: 920_000 } });
    // The first own write keeps what was in force and adds to it.
    expect((await readWorkspaceSettings(ws.db)).rates).toEqual({ SEK: 87_000, USD: 920_000 });
  });

  it('merge rates and weights key by key, so two quick edits both land', async () => {
    const ws = await fresh();
    await Promise.all([updateWorkspaceSettings(ws, { rates: { SEK: 87_000 } }), updateWorkspaceSettings(ws, { rates: { NOK: 85_000 } })]);
    await Promise.all([
      updateWorkspaceSettings(ws, { icpWeights: { ...DEFAULT_ICP_WEIGHTS, industryFit: 7 } }),
      updateWorkspaceSettings(ws, { icpWeights: { ...DEFAULT_ICP_WEIGHTS, companySize: 0 } }),
    ]);
    const s = await readWorkspaceSettings(ws.db);
    expect(s.rates).toEqual({ SEK: 87_000, NOK: 85_000 });
    expect(s.icpWeights.companySize).toBe(0);
  });

  it('rebase the rates when the reporting currency changes, and undo puts both back', async () => {
    const ws = await fresh();
    await updateWorkspaceSettings(ws, { rates: { USD: 800_000, SEK: 80_000 } });
    const intent = await updateWorkspaceSettings(ws, { currency: 'USD' });
    // 1 SEK = 0.08 EUR = 0.1 USD; 1 EUR = 1.25 USD.
    expect(await readWorkspaceSettings(ws.db)).toMatchObject({ currency: 'USD', rates: { SEK: 100_000, EUR: 1_250_000 } });
    await replayIntent(ws, intent, 'undo');
    expect(await readWorkspaceSettings(ws.db)).toMatchObject({ currency: 'EUR', rates: { USD: 800_000, SEK: 80_000 } });
  });

  it('refuse a weight of 11, a rate of 0 and an unknown currency, writing nothing', async () => {
    const ws = await fresh();
    for (const bad of [{ icpWeights: { ...DEFAULT_ICP_WEIGHTS, industryFit: 11 } }, { rates: { SEK: 0 } }, { currency: 'XYZ1' }])
      await expect(updateWorkspaceSettings(ws, bad)).rejects.toBeInstanceOf(PortfolioRefusedError);
    expect(await ws.db.settings.get('workspace')).toBeUndefined();
  });
});

describe('moveToBucket', () => {
  it('needs the evidence for buckets 3 and 4, and writes bucket and evidence in one intent', async () => {
    const ws = await fresh();
    const { account } = await createAccount(ws, { name: 'Pico Robotics', bucket: 1 });
    await expect(moveToBucket(ws, account.id, 4, '   ')).rejects.toMatchObject({ messageKey: 'portfolio.refused.evidence' });
    expect((await ws.db.accounts.get(account.id))?.bucket).toBe(1);
    await moveToBucket(ws, account.id, 4, '  Runs it as a PLC.  ');
    expect(await ws.db.accounts.get(account.id)).toMatchObject({ bucket: 4, bucketEvidence: 'Runs it as a PLC.' });
    const intent = await moveToBucket(ws, account.id, 2, '');
    expect(await ws.db.accounts.get(account.id)).toMatchObject({ bucket: 2, bucketEvidence: '' });
    // Undo puts both back: the bucket and its evidence.
    await replayIntent(ws, intent, 'undo');
    expect(await ws.db.accounts.get(account.id)).toMatchObject({ bucket: 4, bucketEvidence: 'Runs it as a PLC.' });
  });

  it('refuses an account that is gone', async () => {
    const ws = await fresh();
    await expect(moveToBucket(ws, 'nobody', 1, '')).rejects.toMatchObject({ messageKey: 'portfolio.refused.missingAccount' });
  });
});

describe('segments', () => {
  const seg = defaultSegmentFields('EUR', {
    name: 'European manufacturing',
    industry: 'Manufacturing',
    targetCustomers: 120,
    avgSpend: asMinor(8_000_000),
    winRateBp: asBp(2500),
  });

  it('are created, edited (validated as a whole) and deleted as tombstones', async () => {
    const ws = await fresh();
    const { segment } = await createSegment(ws, seg);
    await updateSegment(ws, segment.id, { minFit: 60 });
    expect(await ws.db.segments.get(segment.id)).toMatchObject({ minFit: 60, name: 'European manufacturing' });
    await expect(updateSegment(ws, segment.id, { name: '  ' })).rejects.toMatchObject({ messageKey: 'portfolio.refused.segment' });
    await expect(
      updateSegment(ws, segment.id, { targetCustomers: 100_000_000, avgSpend: asMinor(Number.MAX_SAFE_INTEGER) }),
    ).rejects.toMatchObject({
      messageKey: 'portfolio.refused.tamTooLarge',
    });
    await deleteSegment(ws, segment.id);
    expect((await ws.db.segments.get(segment.id))?.deleted).toBe(true);
  });

  it('refuse a win rate over 100 % and a negative target count', async () => {
    const ws = await fresh();
    await expect(createSegment(ws, { ...seg, winRateBp: asBp(10_001) })).rejects.toBeInstanceOf(PortfolioRefusedError);
    await expect(createSegment(ws, { ...seg, targetCustomers: -1 })).rejects.toBeInstanceOf(PortfolioRefusedError);
    expect(await ws.db.segments.count()).toBe(0);
  });
});
