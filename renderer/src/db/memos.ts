import {
  decideProblems,
  exitId,
  isEditable,
  memoExitSchema,
  memoOptionSchema,
  memoSchema,
  memoViewSchema,
  viewId,
  type DecideProblem,
  type ExecRole,
  type FrozenFigures,
  type MemoExitFields,
  type MemoFields,
  type MemoOptionFields,
  type MemoViewFields,
} from '@shared/domain/memo';
import { exitFits, exitProblem } from '@shared/domain/fairExit';
import type { IsoDate } from '@shared/domain/dates';
import { readRow } from '@shared/domain/tables';
import type { AccountRow, MemoExitRow, MemoOptionRow, MemoRow, MemoViewRow } from './database';
import { RefusedError } from './refused';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';

export type MemoRefusal =
  | 'memo'
  | 'option'
  | 'effort'
  | 'quarter'
  | 'readOnly'
  | 'missing'
  | 'view'
  | 'exit'
  | 'refundOverContract'
  | 'exitCurrency'
  | 'missingAccount'
  | 'lastOptions'
  | DecideProblem;

export class MemoRefusedError extends RefusedError {
  constructor(readonly reason: MemoRefusal) {
    super(`memo.refused.${reason}`);
    this.name = 'MemoRefusedError';
  }
}

type Fields<R> = Omit<R, 'id' | 'stamps' | 'updatedAt' | 'deleted'>;
function fieldsOf<R extends { id: string; stamps: unknown; updatedAt: unknown; deleted: unknown }>(row: R): Fields<R> {
  const { id: _i, stamps: _s, updatedAt: _u, deleted: _d, ...rest } = row;
  return rest;
}

function validMemo(fields: MemoFields): MemoFields {
  const r = memoSchema.safeParse(fields);
  if (!r.success) throw new MemoRefusedError('memo');
  return r.data as MemoFields;
}

function validOption(fields: MemoOptionFields): MemoOptionFields {
  const r = memoOptionSchema.safeParse(fields);
  if (r.success) return r.data as MemoOptionFields;
  const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
  throw new MemoRefusedError(bad.has('effortEm') ? 'effort' : bad.has('quarter') ? 'quarter' : 'option');
}

/** The memo, live and still open to change; anything else refuses (a decided memo is a record). */
async function openMemo(w: Writer, memoId: string): Promise<MemoRow> {
  const row = await w.table<MemoRow>('memos').get(memoId);
  if (!row || row.deleted) throw new MemoRefusedError('missing');
  const memo = readRow('memos', row);
  if (!isEditable(memo.status)) throw new MemoRefusedError('readOnly');
  return memo;
}

async function liveAccount(w: Writer, accountId: string): Promise<AccountRow> {
  const row = await w.table<AccountRow>('accounts').get(accountId);
  if (!row || row.deleted) throw new MemoRefusedError('missingAccount');
  return readRow('accounts', row);
}

async function checkExit(w: Writer, exit: MemoExitFields): Promise<MemoExitFields> {
  const r = memoExitSchema.safeParse(exit);
  if (!r.success || !exitFits(r.data)) throw new MemoRefusedError('exit');
  const account = await liveAccount(w, exit.accountId);
  const problem = exitProblem(exit, account);
  if (problem === 'refundOverContract') throw new MemoRefusedError('refundOverContract');
  if (problem === 'currency') throw new MemoRefusedError('exitCurrency');
  return r.data as MemoExitFields;
}

export interface NewMemo {
  readonly memo: MemoFields;
  /** Two or more options for an either/or; their `memoId` is set here. */
  readonly options: ReadonlyArray<Omit<MemoOptionFields, 'memoId'>>;
  readonly exit?: Omit<MemoExitFields, 'memoId'>;
}

async function insertMemo(w: Writer, input: NewMemo, copiedExits: readonly Omit<MemoExitFields, 'memoId'>[] = []): Promise<MemoRow> {
  const memo = await w.insert<MemoFields>('memos', validMemo(input.memo));
  const options = input.options.map((o, i) => validOption({ ...o, memoId: memo.id, sort: i }));
  await w.insertMany<MemoOptionFields>('memoOptions', options);
  if (input.exit) {
    const exit = await checkExit(w, { ...input.exit, memoId: memo.id });
    await w.insert<MemoExitFields>('memoExits', exit, exitId(memo.id, exit.accountId));
  }
  // A superseding memo carries the exits as they were decided: the customer may have left since
  // (its ARR now 0, or the account gone), which must not stop the decision being revisited.
  for (const e of copiedExits) {
    const r = memoExitSchema.safeParse({ ...e, memoId: memo.id });
    if (!r.success) throw new MemoRefusedError('exit');
    await w.insert<MemoExitFields>('memoExits', r.data as MemoExitFields, exitId(memo.id, e.accountId));
  }
  return memo;
}

/** A new memo with its options (and fair exit), in one intent. */
export async function createMemo(ws: Workspace, input: NewMemo): Promise<{ memo: MemoRow; intent: Intent }> {
  if (input.options.length < 2) throw new MemoRefusedError('lastOptions');
  validMemo(input.memo);
  input.options.forEach((o, i) => validOption({ ...o, memoId: 'new', sort: i }));
  const { result, intent } = await runIntent(ws, 'createMemo', (w) => insertMemo(w, input));
  return { memo: result, intent };
}

/** What the memo's own fields may be changed to while open (status changes go through setStatus/decide/supersede). */
export type MemoPatch = Partial<
  Omit<MemoFields, 'status' | 'chosenOptionId' | 'decidedFigures' | 'decidedOn' | 'supersedes' | 'supersededBy' | 'itemId' | 'accountId'>
>;

export async function updateMemo(ws: Workspace, id: string, patch: MemoPatch): Promise<Intent> {
  const { intent } = await runIntent(ws, 'editMemo', async (w) => {
    const memo = await openMemo(w, id);
    if (patch.recommendedOptionId != null && !(await liveOptions(w, id)).some((o) => o.id === patch.recommendedOptionId))
      throw new MemoRefusedError('noChoice');
    const next = validMemo({ ...fieldsOf(memo), ...patch });
    const valid = Object.fromEntries(Object.keys(patch).map((k) => [k, next[k as keyof MemoFields]])) as Partial<MemoFields>;
    await w.update<MemoFields>('memos', id, valid);
  });
  return intent;
}

/** Draft ↔ in review. Deciding and superseding have their own doors. */
export async function setMemoStatus(ws: Workspace, id: string, status: 'draft' | 'inReview'): Promise<Intent> {
  const { intent } = await runIntent(ws, 'memoStatus', async (w) => {
    await openMemo(w, id);
    await w.update<MemoFields>('memos', id, { status });
  });
  return intent;
}

export interface Decision {
  readonly chosenOptionId: string | null;
  readonly chosenBecause: string;
  readonly consequences: string;
  readonly decidedBy: string;
}

async function liveOptions(w: Writer, memoId: string): Promise<MemoOptionRow[]> {
  const rows = await w.table<MemoOptionRow>('memoOptions').where('memoId').equals(memoId).toArray();
  return rows.filter((r) => !r.deleted).map((r) => readRow('memoOptions', r));
}

/**
 * Decides a memo: the chosen option, why, its consequences, who and when, and the figures it was
 * decided on (frozen: the screen compares the live figures with them from then on).
 */
export async function decideMemo(ws: Workspace, id: string, decision: Decision, figures: FrozenFigures, today: IsoDate): Promise<Intent> {
  const { intent } = await runIntent(ws, 'decideMemo', async (w) => {
    const row = await w.table<MemoRow>('memos').get(id);
    if (!row || row.deleted) throw new MemoRefusedError('missing');
    const memo = readRow('memos', row);
    const options = await liveOptions(w, id);
    const problems = decideProblems(
      memo,
      options.map((o) => o.id),
      decision,
    );
    if (problems.length > 0) throw new MemoRefusedError(problems[0]!);
    const next = validMemo({
      ...fieldsOf(memo),
      status: 'decided',
      chosenOptionId: decision.chosenOptionId,
      chosenBecause: decision.chosenBecause.trim(),
      consequences: decision.consequences.trim(),
      decidedBy: decision.decidedBy.trim(),
      decidedOn: today,
      decidedFigures: figures,
    });
    await w.update<MemoFields>('memos', id, {
      status: next.status,
      chosenOptionId: next.chosenOptionId,
      chosenBecause: next.chosenBecause,
      consequences: next.consequences,
      decidedBy: next.decidedBy,
      decidedOn: next.decidedOn,
      decidedFigures: next.decidedFigures,
    });
  });
  return intent;
}

/**
 * Supersedes a decided memo by a new draft that starts from it (its question, context, roles and
 * options), linked both ways: the old one's only change once decided.
 */
export async function supersedeMemo(ws: Workspace, id: string, title: string): Promise<{ memo: MemoRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'supersedeMemo', async (w) => {
    const row = await w.table<MemoRow>('memos').get(id);
    if (!row || row.deleted) throw new MemoRefusedError('missing');
    const old = readRow('memos', row);
    if (old.status !== 'decided') throw new MemoRefusedError('readOnly');
    const options = await liveOptions(w, id);
    const exits = (await w.table<MemoExitRow>('memoExits').where('memoId').equals(id).toArray()).filter((e) => !e.deleted);
    const memo = await insertMemo(
      w,
      {
        memo: {
          ...fieldsOf(old),
          title,
          status: 'draft',
          recommendedOptionId: null,
          recommendation: '',
          chosenOptionId: null,
          chosenBecause: '',
          consequences: '',
          decidedBy: '',
          decidedOn: null,
          decidedFigures: null,
          supersedes: id,
          supersededBy: null,
        },
        options: options.sort((a, b) => a.sort - b.sort).map((o) => fieldsOf(o)),
      },
      exits.map((e) => fieldsOf(readRow('memoExits', e))),
    );
    await w.update<MemoFields>('memos', id, { status: 'superseded', supersededBy: memo.id });
    return memo;
  });
  return { memo: result, intent };
}

/** Deletes a memo that is not a record yet, with its options, views and exit (one intent: undo brings all back). */
export async function deleteMemo(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteMemo', async (w) => {
    await openMemo(w, id);
    for (const table of ['memoOptions', 'memoViews', 'memoExits'] as const) {
      const rows = await w.table<{ id: string; deleted: boolean }>(table).where('memoId').equals(id).toArray();
      for (const r of rows) if (!r.deleted) await w.remove(table, r.id);
    }
    await w.remove('memos', id);
  });
  return intent;
}

export async function addOption(
  ws: Workspace,
  memoId: string,
  fields: Omit<MemoOptionFields, 'memoId' | 'sort'>,
): Promise<{ option: MemoOptionRow; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'addMemoOption', async (w) => {
    await openMemo(w, memoId);
    const sort = Math.max(-1, ...(await liveOptions(w, memoId)).map((o) => o.sort)) + 1;
    return w.insert<MemoOptionFields>('memoOptions', validOption({ ...fields, memoId, sort }));
  });
  return { option: result, intent };
}

/** Edits an option of an open memo; the whole option is validated after the patch. */
export async function updateOption(ws: Workspace, id: string, patch: Partial<Omit<MemoOptionFields, 'memoId'>>): Promise<Intent> {
  const { intent } = await runIntent(ws, 'editMemoOption', async (w) => {
    const row = await w.table<MemoOptionRow>('memoOptions').get(id);
    if (!row || row.deleted) throw new MemoRefusedError('missing');
    const option = readRow('memoOptions', row);
    await openMemo(w, option.memoId);
    const next = validOption({ ...fieldsOf(option), ...patch });
    const valid = Object.fromEntries(Object.keys(patch).map((k) => [k, next[k as keyof MemoOptionFields]])) as Partial<MemoOptionFields>;
    await w.update<MemoOptionFields>('memoOptions', id, valid);
  });
  return intent;
}

/** Removes an option, keeping at least two (an either/or); a recommendation of it is cleared in the same intent. */
export async function removeOption(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'removeMemoOption', async (w) => {
    const row = await w.table<MemoOptionRow>('memoOptions').get(id);
    if (!row || row.deleted) throw new MemoRefusedError('missing');
    const memo = await openMemo(w, row.memoId);
    if ((await liveOptions(w, row.memoId)).length <= 2) throw new MemoRefusedError('lastOptions');
    if (memo.recommendedOptionId === id) await w.update<MemoFields>('memos', memo.id, { recommendedOptionId: null });
    await w.remove('memoOptions', id);
  });
  return intent;
}

/** Records an executive's view (one row per memo and role: `<memo>:<role>`). */
export async function setView(
  ws: Workspace,
  memoId: string,
  role: ExecRole,
  patch: Partial<Pick<MemoViewFields, 'stance' | 'who' | 'reason'>>,
): Promise<Intent> {
  const { intent } = await runIntent(ws, 'memoView', async (w) => {
    await openMemo(w, memoId);
    const vid = viewId(memoId, role);
    const row = await w.table<MemoViewRow>('memoViews').get(vid);
    const current: MemoViewFields =
      row && !row.deleted ? fieldsOf(readRow('memoViews', row)) : { memoId, role, stance: 'notHeard', who: '', reason: '' };
    const r = memoViewSchema.safeParse({ ...current, ...patch, memoId, role });
    if (!r.success) throw new MemoRefusedError('view');
    const next = r.data as MemoViewFields;
    if (row) await w.update<MemoViewFields>('memoViews', vid, { ...next, deleted: false });
    else await w.insert<MemoViewFields>('memoViews', next, vid);
  });
  return intent;
}

/**
 * Sets a fair exit's terms (one per memo and account: `<memo>:<account>`), refusing a refund
 * larger than the contract; the option that lets the account go points at it in the same intent.
 */
export async function setExit(
  ws: Workspace,
  memoId: string,
  accountId: string,
  patch: Partial<Omit<MemoExitFields, 'memoId' | 'accountId'>>,
  optionId?: string,
): Promise<Intent> {
  const { intent } = await runIntent(ws, 'memoExit', async (w) => {
    await openMemo(w, memoId);
    const xid = exitId(memoId, accountId);
    const row = await w.table<MemoExitRow>('memoExits').get(xid);
    const account = await liveAccount(w, accountId);
    const base: MemoExitFields =
      row && !row.deleted
        ? fieldsOf(readRow('memoExits', row))
        : {
            memoId,
            accountId,
            currency: account.currency,
            withdrawProposal: false,
            proposal: '',
            refund: 0 as MemoExitFields['refund'],
            refundTerms: '',
            exportHours: 0,
            migrationHours: 0,
            hourlyRate: account.engineeringRate,
            partner: '',
            noticeDays: 90,
            exitDate: null,
          };
    const next = await checkExit(w, { ...base, ...patch, memoId, accountId });
    if (row) await w.update<MemoExitFields>('memoExits', xid, { ...next, deleted: false });
    else await w.insert<MemoExitFields>('memoExits', next, xid);
    if (optionId !== undefined) {
      const option = await w.table<MemoOptionRow>('memoOptions').get(optionId);
      if (!option || option.deleted || option.memoId !== memoId) throw new MemoRefusedError('missing');
      await w.update<MemoOptionFields>('memoOptions', optionId, { exitAccountId: accountId });
    }
  });
  return intent;
}

/** Drops a fair exit from a memo (the option that carried it keeps its other figures). */
export async function removeExit(ws: Workspace, memoId: string, accountId: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'memoExitRemove', async (w) => {
    await openMemo(w, memoId);
    await w.remove('memoExits', exitId(memoId, accountId));
    for (const o of await liveOptions(w, memoId))
      if (o.exitAccountId === accountId) await w.update<MemoOptionFields>('memoOptions', o.id, { exitAccountId: null });
  });
  return intent;
}
