import { z } from 'zod';
import { retreatSchema, sessionSchema, type AttendeeFields, type RetreatFields, type SessionFields } from '@shared/domain/retreat';
import type { Importance, RoadmapItemFields } from '@shared/domain/roadmap';
import type { Quarter } from '@shared/domain/quarter';
import type { AttendeeRow, RequestRow, RetreatRow, RoadmapItemRow, SessionRow } from './database';
import { RefusedError } from './refused';
import { defaultItemFields, insertRequest } from './roadmap';
import { roadmapItemSchema } from '@shared/domain/roadmap';
import { runIntent, type Intent, type Workspace } from './workspace';

export class RetreatRefusedError extends RefusedError {
  constructor(readonly reason: 'missingRetreat' | 'missingAccount' | 'invalid' | 'endBeforeStart' | 'duplicateAttendee') {
    super(`retreat.refused.${reason}`);
    this.name = 'RetreatRefusedError';
  }
}

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

function checkRetreat(f: RetreatFields): RetreatFields {
  const r = retreatSchema.safeParse(f);
  if (!r.success) throw new RetreatRefusedError(r.error.issues.some((i) => i.message === 'endBeforeStart') ? 'endBeforeStart' : 'invalid');
  return r.data as RetreatFields;
}

export async function createRetreat(ws: Workspace, fields: RetreatFields): Promise<{ retreat: RetreatRow; intent: Intent }> {
  const valid = checkRetreat(fields);
  const { result, intent } = await runIntent(ws, 'createRetreat', (w) => w.insert<RetreatFields>('retreats', valid));
  return { retreat: result, intent };
}

export async function updateRetreat(ws: Workspace, id: string, input: Partial<RetreatFields>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editRetreat', async (w) => {
    const row = await w.table<RetreatRow>('retreats').get(id);
    if (!row || row.deleted) return null;
    const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...current } = row;
    const next = checkRetreat({ ...current, ...input });
    const patch = Object.fromEntries(Object.keys(input).map((k) => [k, next[k as keyof RetreatFields]])) as Partial<RetreatFields>;
    return w.update<RetreatFields>('retreats', id, patch);
  });
  return result ? intent : null;
}

/** Tombstones a retreat with its sessions and attendees; the requests captured there stay (they are roadmap demand). */
export async function deleteRetreat(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteRetreat', async (w) => {
    for (const table of ['sessions', 'attendees'] as const) {
      for (const r of live(await w.table<{ id: string; deleted: boolean }>(table).where('retreatId').equals(id).toArray()))
        await w.remove(table, r.id);
    }
    await w.remove('retreats', id);
  });
  return intent;
}

async function liveRetreat(w: Parameters<Parameters<typeof runIntent>[2]>[0], id: string): Promise<RetreatRow> {
  const r = await w.table<RetreatRow>('retreats').get(id);
  if (!r || r.deleted) throw new RetreatRefusedError('missingRetreat');
  return r;
}

export async function addSession(ws: Workspace, fields: SessionFields): Promise<{ session: SessionRow; intent: Intent }> {
  const parsed = sessionSchema.safeParse(fields);
  if (!parsed.success)
    throw new RetreatRefusedError(parsed.error.issues.some((i) => i.message === 'endBeforeStart') ? 'endBeforeStart' : 'invalid');
  const { result, intent } = await runIntent(ws, 'addSession', async (w) => {
    await liveRetreat(w, fields.retreatId);
    return w.insert<SessionFields>('sessions', parsed.data as SessionFields);
  });
  return { session: result, intent };
}

export async function updateSession(ws: Workspace, id: string, input: Partial<Omit<SessionFields, 'retreatId'>>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editSession', async (w) => {
    const row = await w.table<SessionRow>('sessions').get(id);
    if (!row || row.deleted) return null;
    const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...current } = row;
    const parsed = sessionSchema.safeParse({ ...current, ...input });
    if (!parsed.success)
      throw new RetreatRefusedError(parsed.error.issues.some((i) => i.message === 'endBeforeStart') ? 'endBeforeStart' : 'invalid');
    const next = parsed.data as SessionFields;
    const patch = Object.fromEntries(Object.keys(input).map((k) => [k, next[k as keyof SessionFields]])) as Partial<SessionFields>;
    return w.update<SessionFields>('sessions', id, patch);
  });
  return result ? intent : null;
}

export async function deleteSession(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteSession', (w) => w.remove('sessions', id))).intent;
}

const attendeeSchema = z.object({
  retreatId: z.string().min(1),
  accountId: z.string().min(1),
  personId: z.string().nullable(),
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200),
});

/** An attendee from an account: a person from its map (by id) or a name typed in; the same person once. */
export async function addAttendee(ws: Workspace, fields: AttendeeFields): Promise<{ attendee: AttendeeRow; intent: Intent }> {
  const parsed = attendeeSchema.safeParse(fields);
  if (!parsed.success) throw new RetreatRefusedError('invalid');
  const valid = parsed.data as AttendeeFields;
  const { result, intent } = await runIntent(ws, 'addAttendee', async (w) => {
    await liveRetreat(w, valid.retreatId);
    const account = await w.table<{ deleted: boolean }>('accounts').get(valid.accountId);
    if (!account || account.deleted) throw new RetreatRefusedError('missingAccount');
    const existing = live(await w.table<AttendeeRow>('attendees').where('retreatId').equals(valid.retreatId).toArray());
    if (
      existing.some((a) =>
        valid.personId
          ? a.personId === valid.personId
          : a.accountId === valid.accountId && a.name.toLowerCase() === valid.name.toLowerCase(),
      )
    ) {
      throw new RetreatRefusedError('duplicateAttendee');
    }
    return w.insert<AttendeeFields>('attendees', valid);
  });
  return { attendee: result, intent };
}

export async function removeAttendee(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'removeAttendee', (w) => w.remove('attendees', id))).intent;
}

export interface Capture {
  readonly retreatId: string;
  readonly accountId: string;
  readonly importance: Importance;
  readonly note: string;
  /** An existing roadmap item, or a new one to create with the request. */
  readonly item: { readonly id: string } | { readonly title: string; readonly plannedQuarter: Quarter; readonly effortEm: number };
}

/**
 * A request captured at a retreat becomes a roadmap request with the retreat as its source —
 * and, when it asks for something new, the roadmap item too: one transaction, nothing half-made.
 */
export async function captureRequest(
  ws: Workspace,
  c: Capture,
): Promise<{ request: RequestRow; item: RoadmapItemRow | null; intent: Intent }> {
  let newItem: RoadmapItemFields | null = null;
  if ('title' in c.item) {
    const parsed = roadmapItemSchema.safeParse(
      defaultItemFields({ title: c.item.title, plannedQuarter: c.item.plannedQuarter, effortEm: c.item.effortEm, status: 'idea' }),
    );
    if (!parsed.success) throw new RetreatRefusedError('invalid');
    newItem = parsed.data as RoadmapItemFields;
  }
  const { result, intent } = await runIntent(ws, 'captureRequest', async (w) => {
    await liveRetreat(w, c.retreatId);
    const item = newItem ? await w.insert<RoadmapItemFields>('roadmapItems', newItem) : null;
    const itemId = item ? item.id : (c.item as { id: string }).id;
    const request = await insertRequest(w, {
      itemId,
      accountId: c.accountId,
      importance: c.importance,
      note: c.note,
      retreatId: c.retreatId,
    });
    return { request, item };
  });
  return { ...result, intent };
}
