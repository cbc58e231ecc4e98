import {
  checkLine,
  defaultPersonFields,
  type ContactFields,
  type LineFields,
  type LineKind,
  type LineProblem,
  type PersonFields,
} from '@shared/domain/stakeholders';
import type { ContactRow, LineRow, PersonRow } from './database';
import { RefusedError } from './refused';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

/** Thrown, before anything is written, when a line breaks a map rule (self, duplicate, second manager, cycle). */
export class LineRefusedError extends RefusedError {
  constructor(readonly problem: LineProblem | 'missingPerson') {
    super(`map.refused.${problem}`);
    this.name = 'LineRefusedError';
  }
}

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

/** Scores are whole numbers 1–5; anything that is not a number becomes the middle, 3. */
function clampScore(n: number): number {
  return Number.isFinite(n) ? Math.min(5, Math.max(1, Math.round(n))) : 3;
}

/** Cuts by whole characters, so an emoji at the limit is never split in half. */
const cut = (s: string, max: number) => Array.from(s).slice(0, max).join('');
const coord = (n: number) => (Number.isFinite(n) ? Math.round(Math.max(-1e6, Math.min(1e6, n))) : 0);

function normalise(p: Partial<PersonFields>): Partial<PersonFields> {
  const out = { ...p };
  if (out.influence !== undefined) out.influence = clampScore(out.influence);
  if (out.interest !== undefined) out.interest = clampScore(out.interest);
  if (out.name !== undefined) out.name = cut(out.name.trim(), 200);
  if (out.x !== undefined) out.x = coord(out.x);
  if (out.y !== undefined) out.y = coord(out.y);
  return out;
}

export async function createPerson(
  ws: Workspace,
  accountId: string,
  fields: Partial<PersonFields>,
): Promise<{ person: PersonRow; intent: Intent }> {
  const full = defaultPersonFields(accountId, { ...normalise(fields), accountId });
  const { result, intent } = await runIntent(ws, 'addPerson', (w) => w.insert<PersonFields>('people', full));
  return { person: result, intent };
}

/** Edits a live person; a deleted one is left alone (null), as is a missing one. */
async function updateLive(w: Writer, id: string, patch: Partial<PersonFields>) {
  const row = await w.table<PersonRow>('people').get(id);
  if (!row || row.deleted) return null;
  const { accountId: _ignored, ...rest } = normalise(patch);
  return w.update<PersonFields>('people', id, rest);
}

export async function updatePerson(ws: Workspace, id: string, patch: Partial<Omit<PersonFields, 'accountId'>>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editPerson', (w) => updateLive(w, id, patch));
  return result ? intent : null;
}

/** Moves (or re-scores) several people as one undoable step: a drag of a selection, a layout. */
export async function updatePeople(
  ws: Workspace,
  label: 'movePeople' | 'layoutPeople' | 'editPeople',
  patches: ReadonlyMap<string, Partial<PersonFields>>,
): Promise<Intent> {
  const { intent } = await runIntent(ws, label, async (w) => {
    for (const [id, patch] of patches) await updateLive(w, id, patch);
  });
  return intent;
}

async function removePerson(w: Writer, id: string): Promise<void> {
  const lines = live(
    await w
      .table<LineRow>('lines')
      .where('accountId')
      .equals((await w.table<PersonRow>('people').get(id))?.accountId ?? '')
      .toArray(),
  );
  for (const l of lines) if (l.from === id || l.to === id) await w.remove('lines', l.id);
  for (const c of live(await w.table<ContactRow>('contacts').where('personId').equals(id).toArray())) await w.remove('contacts', c.id);
  await w.remove('people', id);
}

/** Deletes people with their lines and contact log, in one intent (undo brings all back). */
export async function deletePeople(ws: Workspace, ids: readonly string[]): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deletePeople', async (w) => {
    for (const id of ids) await removePerson(w, id);
  });
  return intent;
}

/** Pastes copies of people (and the lines among them) offset on the canvas; returns the new ids. */
export async function pastePeople(
  ws: Workspace,
  accountId: string,
  people: ReadonlyArray<PersonFields & { id: string }>,
  lines: ReadonlyArray<Pick<LineFields, 'from' | 'to' | 'kind'>>,
  offset: number,
): Promise<{ ids: string[]; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'pastePeople', async (w) => {
    const map = new Map<string, string>();
    for (const p of people) {
      const copy = await w.insert<PersonFields>('people', { ...stripMeta(p), accountId, x: p.x + offset, y: p.y + offset });
      map.set(p.id, copy.id);
    }
    const existing = live(await w.table<LineRow>('lines').where('accountId').equals(accountId).toArray());
    const added: Array<Pick<LineFields, 'from' | 'to' | 'kind'> & { id: string }> = [];
    for (const l of lines) {
      const from = map.get(l.from);
      const to = map.get(l.to);
      if (!from || !to) continue;
      const candidate = { from, to, kind: l.kind };
      if (checkLine([...existing, ...added], candidate)) continue;
      const row = await w.insert<LineFields>('lines', { accountId, ...candidate });
      added.push(row);
    }
    return [...map.values()];
  });
  return { ids: result, intent };
}

function stripMeta(p: PersonFields & { id: string }): PersonFields {
  const {
    accountId,
    name,
    title,
    department,
    orgLevel,
    buyingRole,
    stance,
    influence,
    interest,
    political,
    ourOwner,
    relationshipLevel,
    nextStep,
    notes,
    placeholder,
    x,
    y,
    email,
    phone,
    sourceKey,
  } = p;
  return {
    accountId,
    name,
    title,
    department,
    orgLevel,
    buyingRole,
    stance,
    influence,
    interest,
    political,
    ourOwner,
    relationshipLevel,
    nextStep,
    notes,
    placeholder,
    x,
    y,
    email: email ?? '',
    phone: phone ?? '',
    sourceKey: sourceKey ?? '',
  };
}

/** Both ends of a line must be live people of the same account. */
async function livePeopleOf(w: Writer, accountId: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const p = await w.table<PersonRow>('people').get(id);
    if (!p || p.deleted || p.accountId !== accountId) throw new LineRefusedError('missingPerson');
  }
}

/** Draws a line after checking the map rules against the lines already there (in the same transaction). */
export async function createLine(
  ws: Workspace,
  accountId: string,
  from: string,
  to: string,
  kind: LineKind,
): Promise<{ line: LineRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addLine', async (w) => {
    await livePeopleOf(w, accountId, [from, to]);
    const existing = live(await w.table<LineRow>('lines').where('accountId').equals(accountId).toArray());
    const problem = checkLine(existing, { from, to, kind });
    if (problem) throw new LineRefusedError(problem);
    return w.insert<LineFields>('lines', { accountId, from, to, kind });
  });
  return { line: result, intent };
}

/** Changes a line's kind, with the same rules as drawing it anew. */
export async function changeLineKind(ws: Workspace, id: string, kind: LineKind): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editLine', async (w) => {
    const line = await w.table<LineRow>('lines').get(id);
    if (!line || line.deleted) return null;
    const others = live(await w.table<LineRow>('lines').where('accountId').equals(line.accountId).toArray()).filter((l) => l.id !== id);
    const problem = checkLine(others, { from: line.from, to: line.to, kind });
    if (problem) throw new LineRefusedError(problem);
    return w.update<LineFields>('lines', id, { kind });
  });
  return result ? intent : null;
}

export async function deleteLines(ws: Workspace, ids: readonly string[]): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteLines', async (w) => {
    for (const id of ids) await w.remove('lines', id);
  });
  return intent;
}

export async function addContact(ws: Workspace, c: ContactFields): Promise<{ contact: ContactRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'logContact', async (w) => {
    // The contact belongs to the person's account, whatever the caller said.
    const person = await w.table<PersonRow>('people').get(c.personId);
    if (!person || person.deleted) throw new RefusedError('map.refused.contactPersonGone');
    return w.insert<ContactFields>('contacts', {
      ...c,
      accountId: person.accountId,
      notes: cut(c.notes, 5000),
      attendee: cut(c.attendee.trim(), 200),
    });
  });
  return { contact: result, intent };
}

export async function deleteContact(ws: Workspace, id: string): Promise<Intent> {
  return (await runIntent(ws, 'deleteContact', (w) => w.remove('contacts', id))).intent;
}

/** Removes everything on an account's map (used when the account itself is deleted). */
export async function removeAccountMap(w: Writer, accountId: string): Promise<void> {
  for (const table of ['contacts', 'lines', 'people'] as const) {
    const rows = await w.table<{ id: string; deleted: boolean }>(table).where('accountId').equals(accountId).toArray();
    for (const r of live(rows)) await w.remove(table, r.id);
  }
}
