import {
  requestSchema,
  roadmapItemSchema,
  roadmapSettingsSchema,
  ROADMAP_SETTINGS_ID,
  type CapacityFields,
  type RequestFields,
  type RoadmapItemFields,
  type RoadmapSettings,
} from '@shared/domain/roadmap';
import { isEngineerMonths, MAX_CAPACITY_EM } from '@shared/domain/roadmap';
import { isQuarter, type Quarter } from '@shared/domain/quarter';
import type { AccountRow, CapacityRow, QuoteRow, RequestRow, RoadmapItemRow, SettingsRow } from './database';
import { RefusedError } from './refused';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

/** Thrown before anything is written when a request points at something that is gone. */
export class RoadmapRefusedError extends RefusedError {
  constructor(readonly reason: 'missingItem' | 'missingAccount' | 'capacity') {
    super(`roadmap.refused.${reason}`);
    this.name = 'RoadmapRefusedError';
  }
}

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

export function defaultItemFields(f: Partial<RoadmapItemFields> & Pick<RoadmapItemFields, 'title' | 'plannedQuarter'>): RoadmapItemFields {
  return { theme: '', effortEm: 1, onStrategy: true, status: 'planned', notes: '', acceleratedFrom: null, ...f, title: f.title.trim() };
}

export async function createItem(
  ws: Workspace,
  fields: Partial<RoadmapItemFields> & Pick<RoadmapItemFields, 'title' | 'plannedQuarter'>,
): Promise<{ item: RoadmapItemRow; intent: Intent }> {
  const full = roadmapItemSchema.parse(defaultItemFields(fields)) as RoadmapItemFields;
  const { result, intent } = await runIntent(ws, 'createItem', (w) => w.insert<RoadmapItemFields>('roadmapItems', full));
  return { item: result, intent };
}

/** Edits a live item; each field is validated at this boundary. A move is a change of `plannedQuarter`. */
export async function updateItem(ws: Workspace, id: string, input: Partial<RoadmapItemFields>): Promise<Intent | null> {
  // The parsed patch is what is written: trimmed text, exactly the keys given.
  const patch = roadmapItemSchema.partial().parse(input) as Partial<RoadmapItemFields>;
  const label = patch.plannedQuarter !== undefined && Object.keys(patch).length === 1 ? 'moveItem' : 'editItem';
  const { result, intent } = await runIntent(ws, label, async (w) => {
    const row = await w.table<RoadmapItemRow>('roadmapItems').get(id);
    if (!row || row.deleted) return null;
    return w.update<RoadmapItemFields>('roadmapItems', id, patch);
  });
  return result ? intent : null;
}

/** Tombstones an item with its requests and quotes (one intent: Undo brings all back). */
export async function deleteItem(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteItem', async (w) => {
    for (const r of live(await w.table<RequestRow>('requests').where('itemId').equals(id).toArray())) await w.remove('requests', r.id);
    for (const q of live(await w.table<QuoteRow>('quotes').where('itemId').equals(id).toArray())) await w.remove('quotes', q.id);
    await w.remove('roadmapItems', id);
  });
  return intent;
}

/** Checks inside the transaction that both ends of a request exist, then writes it. */
export async function insertRequest(w: Writer, fields: RequestFields): Promise<RequestRow> {
  const valid = requestSchema.parse({ ...fields, note: fields.note.trim() }) as RequestFields;
  const item = await w.table<RoadmapItemRow>('roadmapItems').get(valid.itemId);
  if (!item || item.deleted) throw new RoadmapRefusedError('missingItem');
  const account = await w.table<AccountRow>('accounts').get(valid.accountId);
  if (!account || account.deleted) throw new RoadmapRefusedError('missingAccount');
  return w.insert<RequestFields>('requests', valid);
}

export async function addRequest(
  ws: Workspace,
  fields: Omit<RequestFields, 'retreatId'> & { retreatId?: string | null },
): Promise<{ request: RequestRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addRequest', (w) => insertRequest(w, { ...fields, retreatId: fields.retreatId ?? null }));
  return { request: result, intent };
}

export async function updateRequest(
  ws: Workspace,
  id: string,
  input: Partial<Pick<RequestFields, 'importance' | 'note'>>,
): Promise<Intent | null> {
  const patch = requestSchema
    .pick({ importance: true, note: true })
    .partial()
    .parse({ ...input, ...(input.note !== undefined ? { note: input.note.trim() } : {}) });
  const { result, intent } = await runIntent(ws, 'editRequest', async (w) => {
    const row = await w.table<RequestRow>('requests').get(id);
    if (!row || row.deleted) return null;
    return w.update<RequestFields>('requests', id, patch);
  });
  return result ? intent : null;
}

export async function deleteRequest(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteRequest', (w) => w.remove('requests', id))).intent;
}

/** Tombstones an account's requests inside the caller's intent (account deletion). */
export async function removeAccountRequests(w: Writer, accountId: string): Promise<void> {
  for (const r of live(await w.table<RequestRow>('requests').where('accountId').equals(accountId).toArray()))
    await w.remove('requests', r.id);
}

/**
 * Inserts or revives a row with a natural id (a quarter, 'roadmap'): two devices setting the
 * same quarter's capacity write the same row, so a merge keeps one value, not two rows.
 */
export async function upsert<T extends object>(w: Writer, table: 'capacity' | 'settings', id: string, fields: T): Promise<void> {
  const row = await w.table(table).get(id);
  if (row) await w.update<T>(table, id, { ...fields, deleted: false });
  else await w.insert<T>(table, fields, id);
}

export async function setCapacity(ws: Workspace, quarter: Quarter, engineerMonths: number): Promise<Intent> {
  if (!isQuarter(quarter) || !isEngineerMonths(engineerMonths, MAX_CAPACITY_EM)) throw new RoadmapRefusedError('capacity');
  return (await runIntent(ws, 'setCapacity', (w) => upsert<CapacityFields>(w, 'capacity', quarter, { quarter, engineerMonths }))).intent;
}

/** Saves some roadmap settings; each patched field is validated (the row only ever holds validated patches). */
export async function updateRoadmapSettings(ws: Workspace, patch: Partial<RoadmapSettings>): Promise<Intent> {
  roadmapSettingsSchema.partial().parse(patch);
  return (await runIntent(ws, 'editRoadmapSettings', (w) => upsert<Partial<RoadmapSettings>>(w, 'settings', ROADMAP_SETTINGS_ID, patch)))
    .intent;
}

export type { CapacityRow, SettingsRow };
