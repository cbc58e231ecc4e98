import { bucketNeedsEvidence } from '@shared/domain/portfolio';
import type { Bucket } from '@shared/domain/account';
import { MAX_NOTES } from '@shared/domain/account';
import { segmentFits, segmentSchema, type SegmentFields } from '@shared/domain/segment';
import { readRow } from '@shared/domain/tables';
import { ROADMAP_SETTINGS_ID } from '@shared/domain/roadmap';
import {
  rebaseRates,
  resolveWorkspace,
  WORKSPACE_SETTINGS_ID,
  workspaceSettingsSchema,
  type WorkspaceSettings,
} from '@shared/domain/workspace';
import type { AccountRow, SegmentRow, SettingsRow, WaypointDB } from './database';
import { RefusedError } from './refused';
import { upsert } from './roadmap';
import { runIntent, type Intent, type Workspace } from './workspace';

export class PortfolioRefusedError extends RefusedError {
  constructor(readonly reason: 'evidence' | 'segment' | 'tamTooLarge' | 'settings' | 'missingAccount') {
    super(`portfolio.refused.${reason}`);
    this.name = 'PortfolioRefusedError';
  }
}

/**
 * Saves some workspace settings (reporting currency, rates, ICP weights), validated. Rates and
 * weights are merged key by key with what is stored, inside the transaction, so two quick edits
 * of two rates both land; a new reporting currency rebases the rates into it (rebaseRates).
 */
export async function updateWorkspaceSettings(ws: Workspace, patch: Partial<WorkspaceSettings>): Promise<Intent> {
  if (!workspaceSettingsSchema.partial().safeParse(patch).success) throw new PortfolioRefusedError('settings');
  const { intent } = await runIntent(ws, 'editWorkspaceSettings', async (w) => {
    const [own, roadmap] = await Promise.all([
      w.table<SettingsRow>('settings').get(WORKSPACE_SETTINGS_ID),
      w.table<SettingsRow>('settings').get(ROADMAP_SETTINGS_ID),
    ]);
    const now = resolveWorkspace(liveSettings(own) as Partial<WorkspaceSettings> | undefined, liveSettings(roadmap));
    // The row always holds all three fields (what is in force, patched): undoing an edit then
    // restores a value, never a field that was not there.
    const next: WorkspaceSettings = {
      currency: now.currency,
      rates: patch.rates ? { ...now.rates, ...patch.rates } : now.rates,
      icpWeights: patch.icpWeights ? { ...now.icpWeights, ...patch.icpWeights } : now.icpWeights,
    };
    if (patch.currency !== undefined && patch.currency !== now.currency) {
      next.currency = patch.currency;
      next.rates = rebaseRates(next.rates, now.currency, patch.currency);
    }
    await upsert<WorkspaceSettings>(w, 'settings', WORKSPACE_SETTINGS_ID, next);
  });
  return intent;
}

/**
 * Moves an account to a bucket with the evidence for it, in one intent (undo puts both back).
 * Buckets 3 and 4 look alike from outside, so a move into one needs the evidence (PRODUCT §1).
 */
export async function moveToBucket(ws: Workspace, accountId: string, bucket: Bucket | null, evidence: string): Promise<Intent> {
  const bucketEvidence = evidence.trim();
  if (bucketEvidence.length > MAX_NOTES || (bucketNeedsEvidence(bucket) && bucketEvidence === ''))
    throw new PortfolioRefusedError('evidence');
  const { intent } = await runIntent(ws, 'moveBucket', async (w) => {
    const row = await w.table<AccountRow>('accounts').get(accountId);
    if (!row || row.deleted) throw new PortfolioRefusedError('missingAccount');
    await w.update('accounts', accountId, { bucket, bucketEvidence });
  });
  return intent;
}

function validSegment(fields: SegmentFields): SegmentFields {
  const r = segmentSchema.safeParse(fields);
  if (!r.success) throw new PortfolioRefusedError('segment');
  if (!segmentFits(r.data as SegmentFields)) throw new PortfolioRefusedError('tamTooLarge');
  return r.data as SegmentFields;
}

export async function createSegment(ws: Workspace, fields: SegmentFields): Promise<{ segment: SegmentRow; intent: Intent }> {
  const valid = validSegment(fields);
  const { result, intent } = await runIntent(ws, 'createSegment', (w) => w.insert<SegmentFields>('segments', valid));
  return { segment: result, intent };
}

/** Edits a segment; the whole segment is validated after the patch. */
export async function updateSegment(ws: Workspace, id: string, patch: Partial<SegmentFields>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editSegment', async (w) => {
    const row = await w.table<SegmentRow>('segments').get(id);
    if (!row || row.deleted) return null;
    const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...current } = readRow('segments', row);
    const next = validSegment({ ...current, ...patch });
    const valid = Object.fromEntries(Object.keys(patch).map((k) => [k, next[k as keyof SegmentFields]])) as Partial<SegmentFields>;
    return w.update<SegmentFields>('segments', id, valid);
  });
  return result ? intent : null;
}

export async function deleteSegment(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteSegment', (w) => w.remove('segments', id))).intent;
}

const liveSettings = (row: SettingsRow | undefined) => (row && !row.deleted ? readRow('settings', row) : undefined);

/**
 * The workspace settings in force: the workspace row, then what the roadmap row held before the
 * currency and rates moved (an older device's sync file still writes them there), then defaults.
 */
export async function readWorkspaceSettings(db: WaypointDB): Promise<WorkspaceSettings> {
  const [own, roadmap] = await Promise.all([db.settings.get(WORKSPACE_SETTINGS_ID), db.settings.get(ROADMAP_SETTINGS_ID)]);
  return resolveWorkspace(liveSettings(own) as Partial<WorkspaceSettings> | undefined, liveSettings(roadmap));
}
