import {
  monthsPulledForward,
  quoteFits,
  quoteSchema,
  sharesTotalBp,
  type QuoteFields,
  type QuoteStatus,
} from '@shared/domain/acceleration';
import { BP_ONE } from '@shared/domain/money';
import type { RoadmapItemFields } from '@shared/domain/roadmap';
import type { QuoteRow, RoadmapItemRow } from './database';
import { RefusedError } from './refused';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

/** Why a quote change was refused before anything was written. */
export type QuoteProblem = 'missingItem' | 'notEarlier' | 'sharesNot100' | 'lastFunder' | 'invalid' | 'tooLarge';

export class QuoteRefusedError extends RefusedError {
  constructor(readonly problem: QuoteProblem) {
    super(`quote.refused.${problem}`);
    this.name = 'QuoteRefusedError';
  }
}

function validated(fields: QuoteFields): QuoteFields {
  const r = quoteSchema.safeParse(fields);
  if (!r.success) throw new QuoteRefusedError(fields.funders.length === 0 ? 'lastFunder' : 'invalid');
  if (!quoteFits(r.data as QuoteFields)) throw new QuoteRefusedError('tooLarge');
  return r.data as QuoteFields;
}

/** A quote may leave draft only when its price per funder means something. */
function checkSendable(q: QuoteFields): void {
  if (monthsPulledForward(q.fromQuarter, q.targetQuarter) <= 0) throw new QuoteRefusedError('notEarlier');
  if (q.split === 'custom' && sharesTotalBp(q.funders) !== BP_ONE) throw new QuoteRefusedError('sharesNot100');
}

async function liveItem(w: Writer, id: string): Promise<RoadmapItemRow> {
  const item = await w.table<RoadmapItemRow>('roadmapItems').get(id);
  if (!item || item.deleted) throw new QuoteRefusedError('missingItem');
  return item;
}

export async function createQuote(ws: Workspace, fields: QuoteFields): Promise<{ quote: QuoteRow; intent: Intent }> {
  const valid = validated(fields);
  const { result, intent } = await runIntent(ws, 'createQuote', async (w) => {
    await liveItem(w, valid.itemId);
    return w.insert<QuoteFields>('quotes', valid);
  });
  return { quote: result, intent };
}

/** A copy as a new draft, to compare a variant side by side. */
export async function duplicateQuote(ws: Workspace, id: string, name: string): Promise<{ quote: QuoteRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'duplicateQuote', async (w) => {
    const row = await w.table<QuoteRow>('quotes').get(id);
    if (!row || row.deleted) throw new QuoteRefusedError('invalid');
    const { id: _id, stamps: _s, updatedAt: _u, deleted: _d, ...fields } = row;
    return w.insert<QuoteFields>('quotes', validated({ ...fields, name, status: 'draft' }));
  });
  return { quote: result, intent };
}

/**
 * Edits a quote. The whole quote is validated after the patch (so a share of 120 % or an
 * empty funder list is refused, nothing written); a quote that is no longer a draft must
 * stay sendable.
 */
export async function updateQuote(
  ws: Workspace,
  id: string,
  input: Partial<Omit<QuoteFields, 'itemId' | 'status'>>,
): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editQuote', async (w) => {
    const row = await w.table<QuoteRow>('quotes').get(id);
    if (!row || row.deleted) return null;
    const next = validated({ ...stripMeta(row), ...input });
    if (next.status !== 'draft') checkSendable(next);
    // What is written is the validated value of each key given (trimmed text).
    const patch = Object.fromEntries(Object.keys(input).map((k) => [k, next[k as keyof QuoteFields]])) as Partial<QuoteFields>;
    // An accepted quote holds its item in the target quarter: a new target moves the item along.
    if (row.status === 'accepted' && patch.targetQuarter && patch.targetQuarter !== row.targetQuarter) {
      const item = await liveItem(w, row.itemId);
      if (item.plannedQuarter === row.targetQuarter)
        await w.update<RoadmapItemFields>('roadmapItems', item.id, { plannedQuarter: patch.targetQuarter });
    }
    return w.update<QuoteFields>('quotes', id, patch);
  });
  return result ? intent : null;
}

function stripMeta(row: QuoteRow): QuoteFields {
  const { id: _id, stamps: _s, updatedAt: _u, deleted: _d, ...fields } = row;
  return fields;
}

/**
 * Moves a quote through draft → sent → accepted/declined. Accepting moves the item to the
 * target quarter (remembering where it was planned); leaving "accepted" moves it back —
 * in the same intent, so Undo and sync see one change.
 */
export async function setQuoteStatus(ws: Workspace, id: string, status: QuoteStatus): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, status === 'accepted' ? 'acceptQuote' : 'quoteStatus', async (w) => {
    const row = await w.table<QuoteRow>('quotes').get(id);
    if (!row || row.deleted || row.status === status) return null;
    if (status !== 'draft' && status !== 'declined') checkSendable(row);
    const item = await liveItem(w, row.itemId);
    if (status === 'accepted') {
      await w.update<RoadmapItemFields>('roadmapItems', item.id, {
        plannedQuarter: row.targetQuarter,
        acceleratedFrom: item.acceleratedFrom ?? row.fromQuarter,
      });
      // Only one acceleration of an item can hold: other accepted quotes for it fall back to sent.
      const others = (await w.table<QuoteRow>('quotes').where('itemId').equals(row.itemId).toArray()).filter(
        (q) => !q.deleted && q.id !== id && q.status === 'accepted',
      );
      for (const o of others) await w.update<QuoteFields>('quotes', o.id, { status: 'sent' });
    } else if (row.status === 'accepted') {
      await releaseItem(w, item, row);
    }
    return w.update<QuoteFields>('quotes', id, { status });
  });
  return result ? intent : null;
}

/**
 * When a quote stops being accepted, its item goes back to where it was planned — unless the
 * user has moved it by hand since, which is kept; either way it is no longer "accelerated".
 */
async function releaseItem(w: Writer, item: RoadmapItemRow, quote: QuoteRow): Promise<void> {
  const back = item.plannedQuarter === quote.targetQuarter ? { plannedQuarter: item.acceleratedFrom ?? quote.fromQuarter } : {};
  await w.update<RoadmapItemFields>('roadmapItems', item.id, { ...back, acceleratedFrom: null });
}

/** Deleting an accepted quote also moves its item back to where it was planned. */
export async function deleteQuote(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteQuote', async (w) => {
    const row = await w.table<QuoteRow>('quotes').get(id);
    if (!row || row.deleted) return;
    if (row.status === 'accepted') {
      const item = await w.table<RoadmapItemRow>('roadmapItems').get(row.itemId);
      if (item && !item.deleted) await releaseItem(w, item, row);
    }
    await w.remove('quotes', id);
  });
  return intent;
}
