import { checkLine, defaultPersonFields, type ContactFields, type LineFields, type LineKind, type LineProblem, type PersonFields } from '@shared/domain/stakeholders';
import type { ContactRow, LineRow, PersonRow } from './database';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

/** Thrown, before anything is written, when a line breaks a map rule (self, duplicate, second manager, cycle). */
export class LineRefusedError extends Error {
  constructor(readonly problem: LineProblem) {
    super(`line refused: ${problem}`);
    this.name = 'LineRefusedError';
  }
}

const live = <T extends { deleted: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

function clampScore(n: number): number {
  return Math.min(5, Math.max(1, Math.round(n)));
}

function normalise(p: Partial<PersonFields>): Partial<PersonFields> {
  const out = { ...p };
  if (out.influence !== undefined) out.influence = clampScore(out.influence);
  if (out.interest !== undefined) out.interest = clampScore(out.interest);
  if (out.name !== undefined) out.name = out.name.trim().slice(0, 200);
  if (out.x !== undefined) out.x = Math.round(out.x);
  if (out.y !== undefined) out.y = Math.round(out.y);
  return out;
}

export async function createPerson(ws: Workspace, accountId: string, fields: Partial<PersonFields>): Promise<{ person: PersonRow; intent: Intent }> {
  const full = defaultPersonFields(accountId, normalise(fields));
  const { result, intent } = await runIntent(ws, 'addPerson', (w) => w.insert<PersonFields>('people', full));
  return { person: result, intent };
}

export async function updatePerson(ws: Workspace, id: string, patch: Partial<Omit<PersonFields, 'accountId'>>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'editPerson', (w) => w.update<PersonFields>('people', id, normalise(patch)));
  return result ? intent : null;
}

/** Moves (or re-scores) several people as one undoable step: a drag of a selection, a layout. */
export async function updatePeople(ws: Workspace, label: 'movePeople' | 'layoutPeople' | 'editPeople', patches: ReadonlyMap<string, Partial<PersonFields>>): Promise<Intent> {
  const { intent } = await runIntent(ws, label, async (w) => {
    for (const [id, patch] of patches) await w.update<PersonFields>('people', id, normalise(patch));
  });
  return intent;
}

async function removePerson(w: Writer, id: string): Promise<void> {
  const lines = live(await w.table<LineRow>('lines').where('accountId').equals((await w.table<PersonRow>('people').get(id))?.accountId ?? '').toArray());
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
  const { accountId, name, title, department, orgLevel, buyingRole, stance, influence, interest, political, ourOwner, relationshipLevel, nextStep, notes, placeholder, x, y } = p;
  return { accountId, name, title, department, orgLevel, buyingRole, stance, influence, interest, political, ourOwner, relationshipLevel, nextStep, notes, placeholder, x, y };
}

/** Draws a line after checking the map rules against the lines already there (in the same transaction). */
export async function createLine(ws: Workspace, accountId: string, from: string, to: string, kind: LineKind): Promise<{ line: LineRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addLine', async (w) => {
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
  const { result, intent } = await runIntent(ws, 'logContact', (w) => w.insert<ContactFields>('contacts', { ...c, notes: c.notes.slice(0, 5000), attendee: c.attendee.trim().slice(0, 200) }));
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
