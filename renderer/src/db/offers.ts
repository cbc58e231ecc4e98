import { offerFits, offerSchema, type OfferFields, type OfferStatus } from '@shared/domain/club';
import type { OfferRow } from './database';
import { RefusedError } from './refused';
import { runIntent, type Intent, type Workspace } from './workspace';

export class OfferRefusedError extends RefusedError {
  constructor(readonly reason: 'missingAccount' | 'invalid' | 'lastOptions' | 'tooLarge') {
    super(`offer.refused.${reason}`);
    this.name = 'OfferRefusedError';
  }
}

function validated(fields: OfferFields): OfferFields {
  const r = offerSchema.safeParse(fields);
  if (!r.success) throw new OfferRefusedError(fields.options.length < 2 ? 'lastOptions' : 'invalid');
  if (!offerFits(r.data as OfferFields)) throw new OfferRefusedError('tooLarge');
  return r.data as OfferFields;
}

export async function createOffer(ws: Workspace, fields: OfferFields): Promise<{ offer: OfferRow; intent: Intent }> {
  const valid = validated(fields);
  const { result, intent } = await runIntent(ws, 'createOffer', async (w) => {
    const account = await w.table<{ deleted: boolean }>('accounts').get(valid.accountId);
    if (!account || account.deleted) throw new OfferRefusedError('missingAccount');
    return w.insert<OfferFields>('offers', valid);
  });
  return { offer: result, intent };
}

/** Edits an offer; the whole offer is validated after the patch, and what is written is the validated value. */
export async function updateOffer(ws: Workspace, id: string, input: Partial<Omit<OfferFields, 'accountId'>>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, input.status ? 'offerStatus' : 'editOffer', async (w) => {
    const row = await w.table<OfferRow>('offers').get(id);
    if (!row || row.deleted) return null;
    const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...current } = row;
    const next = validated({ ...current, ...input });
    const patch = Object.fromEntries(Object.keys(input).map((k) => [k, next[k as keyof OfferFields]])) as Partial<OfferFields>;
    return w.update<OfferFields>('offers', id, patch);
  });
  return result ? intent : null;
}

export const setOfferStatus = (ws: Workspace, id: string, status: OfferStatus) => updateOffer(ws, id, { status });

/** A copy as a new draft, to try another set of options. */
export async function duplicateOffer(ws: Workspace, id: string, name: string): Promise<{ offer: OfferRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'duplicateOffer', async (w) => {
    const row = await w.table<OfferRow>('offers').get(id);
    if (!row || row.deleted) throw new OfferRefusedError('invalid');
    const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...fields } = row;
    return w.insert<OfferFields>('offers', validated({ ...fields, name, status: 'draft' }));
  });
  return { offer: result, intent };
}

export async function deleteOffer(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteOffer', (w) => w.remove('offers', id))).intent;
}
