import { describe, expect, it, vi } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import {
  defaultMemoFields,
  defaultOptionFields,
  type FrozenFigures,
  type MemoExitFields,
  type MemoFields,
  type MemoOptionFields,
} from '@shared/domain/memo';
import { asMinor } from '@shared/domain/money';
import { asQuarter, type Quarter } from '@shared/domain/quarter';
import { createAccount, deleteAccount, updateAccount } from './accounts';
import {
  addOption,
  createMemo,
  decideMemo,
  deleteMemo,
  MemoRefusedError,
  removeExit,
  removeOption,
  setExit,
  setMemoStatus,
  setView,
  supersedeMemo,
  updateMemo,
  updateOption,
  type Decision,
  type MemoRefusal,
  type NewMemo,
} from './memos';
import { dumpSynced } from './sync/testing';
import { expectStamped, freshWorkspaces } from './testing';
import { replayIntent, type Workspace } from './workspace';

const fresh = freshWorkspaces();
const m = asMinor;
const Q2 = asQuarter('2026-Q2');
const TODAY = asIsoDate('2026-03-01');

/** The reason a promise is refused with; fails the test if it resolves or throws anything else. */
async function refusal(p: Promise<unknown>): Promise<MemoRefusal> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MemoRefusedError);
  const reason = (err as MemoRefusedError).reason;
  expect((err as MemoRefusedError).messageKey).toBe(`memo.refused.${reason}`);
  return reason;
}

/** The bucket-4 account: ARR €80,000.00, cost to serve 2,000 support hours × €100.00 = €200,000.00. */
async function setup(ws: Workspace) {
  const { account } = await createAccount(ws, {
    name: 'Delta Mills',
    arr: m(8_000_000),
    supportHours: 2000,
    supportRate: m(10_000),
    bucket: 4,
    bucketEvidence: 'Runs our scheduler as a PLC.',
  });
  return account;
}

const option = (name: string, f: Partial<MemoOptionFields> = {}): Omit<MemoOptionFields, 'memoId'> => {
  const { memoId: _m, ...rest } = defaultOptionFields('unset', Q2, { name, ...f });
  return rest;
};
const exitTerms = (accountId: string, f: Partial<MemoExitFields> = {}): Omit<MemoExitFields, 'memoId'> => ({
  accountId,
  currency: 'EUR',
  withdrawProposal: true,
  proposal: '2027 renewal',
  refund: m(2_000_000),
  refundTerms: 'pro rata, on the exit date',
  exportHours: 40,
  migrationHours: 80,
  hourlyRate: m(15_000),
  partner: 'Acme Integrators',
  noticeDays: 90,
  exitDate: asIsoDate('2026-06-30'),
  ...f,
});
const input = (accountId: string, f: Partial<MemoFields> = {}): NewMemo => ({
  memo: defaultMemoFields({
    title: 'Let Delta Mills go?',
    question: 'If we let Delta Mills go, what do we save and who notices?',
    driver: 'Pat (PM)',
    approver: 'Dana (CEO)',
    contributors: ['Fay', 'Eli'],
    informed: ['Sales team'],
    accountId,
    ...f,
  }),
  options: [option('Keep Delta Mills'), option('Let Delta Mills go', { exitAccountId: accountId })],
  exit: exitTerms(accountId),
});

const FIGURES: FrozenFigures = {
  currency: 'EUR',
  options: [],
  exit: { currency: 'EUR', cost: 3_800_000, savingPerYear: 12_000_000 },
};
const decision = (chosenOptionId: string | null, f: Partial<Decision> = {}): Decision => ({
  chosenOptionId,
  chosenBecause: '  The exit costs €38,000 once and saves €120,000 a year.  ',
  consequences: ' Refund on the exit date. ',
  decidedBy: ' Dana (CEO) ',
  ...f,
});

const optionsOf = async (ws: Workspace, memoId: string) =>
  (await ws.db.memoOptions.where('memoId').equals(memoId).toArray()).sort((a, b) => a.sort - b.sort);
const live = <R extends { deleted: boolean }>(rows: readonly R[]) => rows.filter((r) => !r.deleted);

/** A memo with its two options and exit written, and the figures needed to decide it. */
async function created(ws: Workspace, f: Partial<MemoFields> = {}) {
  const account = await setup(ws);
  const { memo, intent } = await createMemo(ws, input(account.id, f));
  const [keep, letGo] = await optionsOf(ws, memo.id);
  if (!keep || !letGo) throw new Error('options missing');
  return { account, memo, intent, keep, letGo };
}

async function decided(ws: Workspace) {
  const c = await created(ws);
  await setView(ws, c.memo.id, 'finance', { stance: 'for', who: 'Fay', reason: 'Pays back in 3.8 months.' });
  await decideMemo(ws, c.memo.id, decision(c.letGo.id), FIGURES, TODAY);
  return c;
}

describe('createMemo', () => {
  it('writes the memo, its options and its fair exit in one intent', async () => {
    const ws = await fresh();
    const account = await setup(ws);
    const tx = vi.spyOn(ws.db, 'transaction');
    const { memo, intent } = await createMemo(ws, input(account.id, { title: '  Let Delta Mills go?  ' }));
    expect(tx).toHaveBeenCalledTimes(1);
    expect(intent.label).toBe('createMemo');
    expect(intent.changes.map((c) => c.table)).toEqual(['memos', 'memoOptions', 'memoOptions', 'memoExits']);
    await expectStamped(ws, intent);

    expect(await ws.db.memos.get(memo.id)).toMatchObject({ title: 'Let Delta Mills go?', status: 'draft', accountId: account.id });
    const options = await optionsOf(ws, memo.id);
    expect(options.map((o) => [o.name, o.sort, o.memoId, o.exitAccountId])).toEqual([
      ['Keep Delta Mills', 0, memo.id, null],
      ['Let Delta Mills go', 1, memo.id, account.id],
    ]);
    const exit = await ws.db.memoExits.get(`${memo.id}:${account.id}`);
    expect(exit).toMatchObject({ ...exitTerms(account.id), memoId: memo.id, deleted: false });
  });

  it('is undone as a whole: the memo, its options and its exit are all gone, and redo brings them back', async () => {
    const ws = await fresh();
    const { memo, intent, account } = await created(ws);
    await replayIntent(ws, intent, 'undo');
    expect((await ws.db.memos.get(memo.id))?.deleted).toBe(true);
    expect((await optionsOf(ws, memo.id)).map((o) => o.deleted)).toEqual([true, true]);
    expect((await ws.db.memoExits.get(`${memo.id}:${account.id}`))?.deleted).toBe(true);
    expect(live(await ws.db.memos.toArray())).toEqual([]);
    expect(live(await ws.db.memoOptions.toArray())).toEqual([]);
    expect(live(await ws.db.memoExits.toArray())).toEqual([]);

    await replayIntent(ws, intent, 'redo');
    expect((await ws.db.memos.get(memo.id))?.deleted).toBe(false);
    expect(live(await optionsOf(ws, memo.id))).toHaveLength(2);
    expect((await ws.db.memoExits.get(`${memo.id}:${account.id}`))?.deleted).toBe(false);
  });

  const withOptions = (a: string, second: Omit<MemoOptionFields, 'memoId'>): NewMemo => ({
    ...input(a),
    options: [option('Keep'), second],
  });
  const { effortEm: _e, ...noEffort } = option('Go');
  const REFUSED: ReadonlyArray<readonly [string, (accountId: string) => NewMemo, MemoRefusal]> = [
    ['one option (no either/or)', (a) => ({ ...input(a), options: [option('Keep Delta Mills')] }), 'lastOptions'],
    ['an option whose effort is NaN', (a) => withOptions(a, option('Go', { effortEm: Number.NaN })), 'effort'],
    ['an option without effort', (a) => withOptions(a, noEffort as Omit<MemoOptionFields, 'memoId'>), 'effort'],
    ['an option effort with two decimals', (a) => withOptions(a, option('Go', { effortEm: 1.25 })), 'effort'],
    ['an option in no quarter', (a) => withOptions(a, option('Go', { quarter: '2026-Q9' as Quarter })), 'quarter'],
    ['an option without a name', (a) => withOptions(a, option('  ')), 'option'],
    ['a memo without a title', (a) => input(a, { title: '   ' }), 'memo'],
    // €80,000.01 against a contract of €80,000.00 a year: refused after the memo and options were written, so rolled back
    [
      'a refund larger than the account’s ARR',
      (a) => ({ ...input(a), exit: exitTerms(a, { refund: m(8_000_001) }) }),
      'refundOverContract',
    ],
    ['an exit in another currency than the account’s', (a) => ({ ...input(a), exit: exitTerms(a, { currency: 'SEK' }) }), 'exitCurrency'],
    ['an exit for an account that does not exist', (a) => ({ ...input(a), exit: exitTerms('nobody') }), 'missingAccount'],
    ['exit hours to the thousandth', (a) => ({ ...input(a), exit: exitTerms(a, { exportHours: 0.001 }) }), 'exit'],
  ];
  it.each(REFUSED)('refuses %s and writes nothing', async (_name, build, reason) => {
    const ws = await fresh();
    const account = await setup(ws);
    const before = await dumpSynced(ws);
    expect(await refusal(createMemo(ws, build(account.id)))).toBe(reason);
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('allows a refund of exactly a year’s ARR', async () => {
    const ws = await fresh();
    const account = await setup(ws);
    const { memo } = await createMemo(ws, { ...input(account.id), exit: exitTerms(account.id, { refund: m(8_000_000) }) });
    expect((await ws.db.memoExits.get(`${memo.id}:${account.id}`))?.refund).toBe(8_000_000);
  });
});

describe('an open memo', () => {
  it('takes edits to its fields, validated as a whole, and moves between draft and review', async () => {
    const ws = await fresh();
    const { memo, letGo } = await created(ws);
    await updateMemo(ws, memo.id, { title: '  Delta Mills: keep or let go?  ', recommendedOptionId: letGo.id, recommendation: 'Let go.' });
    expect(await ws.db.memos.get(memo.id)).toMatchObject({ title: 'Delta Mills: keep or let go?', recommendedOptionId: letGo.id });
    const before = await dumpSynced(ws);
    expect(await refusal(updateMemo(ws, memo.id, { title: ' ' }))).toBe('memo');
    expect(await dumpSynced(ws)).toEqual(before);
    await setMemoStatus(ws, memo.id, 'inReview');
    expect((await ws.db.memos.get(memo.id))?.status).toBe('inReview');
    // In review is still open to change.
    await updateMemo(ws, memo.id, { context: 'Bucket 4 since 2025.' });
    await setMemoStatus(ws, memo.id, 'draft');
    expect(await ws.db.memos.get(memo.id)).toMatchObject({ status: 'draft', context: 'Bucket 4 since 2025.' });
    expect(await refusal(updateMemo(ws, 'nope', { title: 'x' }))).toBe('missing');
  });

  it('adds options after the last one and refuses one without effort, writing nothing', async () => {
    const ws = await fresh();
    const { memo } = await created(ws);
    const { option: third } = await addOption(ws, memo.id, option('Raise the price', { effortEm: 0.5 }));
    expect(third).toMatchObject({ memoId: memo.id, sort: 2, effortEm: 0.5 });
    const before = await dumpSynced(ws);
    expect(await refusal(addOption(ws, memo.id, option('No effort', { effortEm: Number.NaN })))).toBe('effort');
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('edits an option, refusing an effort it cannot plan with', async () => {
    const ws = await fresh();
    const { keep } = await created(ws);
    await updateOption(ws, keep.id, { effortEm: 2.5, good: ['Good, because the renewal is ours.'] });
    expect(await ws.db.memoOptions.get(keep.id)).toMatchObject({ effortEm: 2.5, good: ['Good, because the renewal is ours.'] });
    const before = await dumpSynced(ws);
    expect(await refusal(updateOption(ws, keep.id, { effortEm: Number.NaN }))).toBe('effort');
    expect(await refusal(updateOption(ws, keep.id, { effortEm: -1 }))).toBe('effort');
    expect(await refusal(updateOption(ws, 'nope', { effortEm: 1 }))).toBe('missing');
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('keeps at least two options, and clears a recommendation of the one removed in the same intent', async () => {
    const ws = await fresh();
    const { memo, keep } = await created(ws);
    const { option: third } = await addOption(ws, memo.id, option('Raise the price'));
    await updateMemo(ws, memo.id, { recommendedOptionId: third.id });
    const intent = await removeOption(ws, third.id);
    expect((await ws.db.memoOptions.get(third.id))?.deleted).toBe(true);
    expect((await ws.db.memos.get(memo.id))?.recommendedOptionId).toBeNull();
    expect(live(await optionsOf(ws, memo.id))).toHaveLength(2);

    const before = await dumpSynced(ws);
    expect(await refusal(removeOption(ws, keep.id))).toBe('lastOptions');
    expect(await dumpSynced(ws)).toEqual(before);

    // Undo brings the option and the recommendation back together.
    await replayIntent(ws, intent, 'undo');
    expect((await ws.db.memoOptions.get(third.id))?.deleted).toBe(false);
    expect((await ws.db.memos.get(memo.id))?.recommendedOptionId).toBe(third.id);
  });

  it('keeps a recommendation of another option when one is removed', async () => {
    const ws = await fresh();
    const { memo, letGo } = await created(ws);
    const { option: third } = await addOption(ws, memo.id, option('Raise the price'));
    await updateMemo(ws, memo.id, { recommendedOptionId: letGo.id });
    await removeOption(ws, third.id);
    expect((await ws.db.memos.get(memo.id))?.recommendedOptionId).toBe(letGo.id);
  });

  it('records one view per role in the row <memo>:<role>, merging each change into it', async () => {
    const ws = await fresh();
    const { memo } = await created(ws);
    await setView(ws, memo.id, 'finance', { stance: 'for', who: 'Fay', reason: 'Pays back in 3.8 months.' });
    await setView(ws, memo.id, 'finance', { stance: 'neutral' });
    await setView(ws, memo.id, 'sales', { stance: 'against', who: 'Sam', reason: 'They are a reference.' });
    const views = await ws.db.memoViews.where('memoId').equals(memo.id).toArray();
    expect(views.map((v) => v.id).sort()).toEqual([`${memo.id}:finance`, `${memo.id}:sales`]);
    // The second change kept who and why.
    expect(await ws.db.memoViews.get(`${memo.id}:finance`)).toMatchObject({
      memoId: memo.id,
      role: 'finance',
      stance: 'neutral',
      who: 'Fay',
      reason: 'Pays back in 3.8 months.',
    });
    const before = await dumpSynced(ws);
    expect(await refusal(setView(ws, memo.id, 'finance', { stance: 'maybe' as 'for' }))).toBe('view');
    expect(await refusal(setView(ws, memo.id, 'finance', { reason: 'x'.repeat(1001) }))).toBe('view');
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('changes a fair exit’s terms, refusing a refund over the contract and leaving the exit as it was', async () => {
    const ws = await fresh();
    const { memo, account } = await created(ws);
    const xid = `${memo.id}:${account.id}`;
    await setExit(ws, memo.id, account.id, { refund: m(1_000_000), partner: 'Beta Partners' });
    expect(await ws.db.memoExits.get(xid)).toMatchObject({ refund: 1_000_000, partner: 'Beta Partners', exportHours: 40 });
    const before = await dumpSynced(ws);
    expect(await refusal(setExit(ws, memo.id, account.id, { refund: m(8_000_001) }))).toBe('refundOverContract');
    expect(await refusal(setExit(ws, memo.id, account.id, { migrationHours: Number.NaN }))).toBe('exit');
    expect(await refusal(setExit(ws, memo.id, 'nobody', {}))).toBe('missingAccount');
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('adds a fair exit with the account’s currency and engineering rate, pointing the option at it in the same intent', async () => {
    const ws = await fresh();
    const account = await setup(ws);
    const { memo } = await createMemo(ws, { ...input(account.id), options: [option('Keep'), option('Let go')], exit: undefined });
    const [, letGo] = await optionsOf(ws, memo.id);
    if (!letGo) throw new Error('option missing');
    const intent = await setExit(ws, memo.id, account.id, { exportHours: 8 }, letGo.id);
    // defaultAccountFields: engineering at €140.00 an hour
    expect(await ws.db.memoExits.get(`${memo.id}:${account.id}`)).toMatchObject({
      currency: 'EUR',
      hourlyRate: 14_000,
      exportHours: 8,
      noticeDays: 90,
    });
    expect((await ws.db.memoOptions.get(letGo.id))?.exitAccountId).toBe(account.id);
    expect(intent.changes.map((c) => c.table)).toEqual(['memoExits', 'memoOptions']);

    // An option of another memo is refused, and the exit written before it is rolled back.
    const other = await createMemo(ws, { ...input(account.id), exit: undefined });
    const [otherOption] = await optionsOf(ws, other.memo.id);
    const before = await dumpSynced(ws);
    expect(await refusal(setExit(ws, other.memo.id, account.id, {}, letGo.id))).toBe('missing');
    expect(await dumpSynced(ws)).toEqual(before);
    expect(otherOption?.exitAccountId).toBeNull();
  });

  it('drops a fair exit and clears the option that carried it', async () => {
    const ws = await fresh();
    const { memo, account, letGo } = await created(ws);
    await removeExit(ws, memo.id, account.id);
    expect((await ws.db.memoExits.get(`${memo.id}:${account.id}`))?.deleted).toBe(true);
    expect((await ws.db.memoOptions.get(letGo.id))?.exitAccountId).toBeNull();
  });

  it('is deleted with its options, views and exit in one intent that undo brings back', async () => {
    const ws = await fresh();
    const { memo, account } = await created(ws);
    await setView(ws, memo.id, 'support', { stance: 'for' });
    const intent = await deleteMemo(ws, memo.id);
    expect((await ws.db.memos.get(memo.id))?.deleted).toBe(true);
    expect(live(await ws.db.memoOptions.toArray())).toEqual([]);
    expect(live(await ws.db.memoViews.toArray())).toEqual([]);
    expect(live(await ws.db.memoExits.toArray())).toEqual([]);
    await replayIntent(ws, intent, 'undo');
    expect((await ws.db.memos.get(memo.id))?.deleted).toBe(false);
    expect(live(await ws.db.memoOptions.toArray())).toHaveLength(2);
    expect((await ws.db.memoViews.get(`${memo.id}:support`))?.deleted).toBe(false);
    expect((await ws.db.memoExits.get(`${memo.id}:${account.id}`))?.deleted).toBe(false);
  });
});

describe('decideMemo', () => {
  it('needs a chosen option of this memo, “chosen because” and who decided; each refusal writes nothing', async () => {
    const ws = await fresh();
    const { memo, letGo } = await created(ws);
    const other = await createMemo(ws, { ...input(memo.accountId ?? ''), exit: undefined });
    const [foreign] = await optionsOf(ws, other.memo.id);
    const before = await dumpSynced(ws);
    expect(await refusal(decideMemo(ws, memo.id, decision(null), FIGURES, TODAY))).toBe('noChoice');
    expect(await refusal(decideMemo(ws, memo.id, decision(foreign?.id ?? 'x'), FIGURES, TODAY))).toBe('noChoice');
    expect(await refusal(decideMemo(ws, memo.id, decision(letGo.id, { chosenBecause: '  ' }), FIGURES, TODAY))).toBe('noReason');
    expect(await refusal(decideMemo(ws, memo.id, decision(letGo.id, { decidedBy: '' }), FIGURES, TODAY))).toBe('noDecider');
    expect(await refusal(decideMemo(ws, memo.id, decision(letGo.id), { ...FIGURES, currency: 'eur' }, TODAY))).toBe('memo');
    expect(await refusal(decideMemo(ws, 'nope', decision(letGo.id), FIGURES, TODAY))).toBe('missing');
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('records the choice, why, its consequences, who and when, and the figures it was decided on', async () => {
    const ws = await fresh();
    const { memo, letGo } = await created(ws);
    const intent = await decideMemo(ws, memo.id, decision(letGo.id), FIGURES, TODAY);
    expect(await ws.db.memos.get(memo.id)).toMatchObject({
      status: 'decided',
      chosenOptionId: letGo.id,
      chosenBecause: 'The exit costs €38,000 once and saves €120,000 a year.',
      consequences: 'Refund on the exit date.',
      decidedBy: 'Dana (CEO)',
      decidedOn: '2026-03-01',
      decidedFigures: FIGURES,
    });
    await expectStamped(ws, intent);
    // Undo reopens it.
    await replayIntent(ws, intent, 'undo');
    expect(await ws.db.memos.get(memo.id)).toMatchObject({ status: 'draft', chosenOptionId: null, decidedFigures: null });
  });

  it('makes the memo read-only: every edit is refused and nothing is written', async () => {
    const ws = await fresh();
    const { memo, keep, letGo, account } = await decided(ws);
    const before = await dumpSynced(ws);
    expect(await refusal(updateMemo(ws, memo.id, { title: 'Rewritten' }))).toBe('readOnly');
    expect(await refusal(setMemoStatus(ws, memo.id, 'draft'))).toBe('readOnly');
    expect(await refusal(addOption(ws, memo.id, option('Third way')))).toBe('readOnly');
    expect(await refusal(updateOption(ws, keep.id, { effortEm: 1 }))).toBe('readOnly');
    expect(await refusal(removeOption(ws, keep.id))).toBe('readOnly');
    expect(await refusal(setView(ws, memo.id, 'sales', { stance: 'against' }))).toBe('readOnly');
    expect(await refusal(setExit(ws, memo.id, account.id, { refund: m(0) }))).toBe('readOnly');
    expect(await refusal(removeExit(ws, memo.id, account.id))).toBe('readOnly');
    expect(await refusal(deleteMemo(ws, memo.id))).toBe('readOnly');
    expect(await refusal(decideMemo(ws, memo.id, decision(letGo.id), FIGURES, TODAY))).toBe('notEditable');
    expect(await dumpSynced(ws)).toEqual(before);
  });
});

describe('supersedeMemo', () => {
  it('refuses a memo that is not decided', async () => {
    const ws = await fresh();
    const { memo } = await created(ws);
    expect(await refusal(supersedeMemo(ws, memo.id, 'Again'))).toBe('readOnly');
    expect(await refusal(supersedeMemo(ws, 'nope', 'Again'))).toBe('missing');
  });

  it('starts a draft from the decided memo, linked both ways, and the old one becomes superseded', async () => {
    const ws = await fresh();
    const { memo: old, account } = await decided(ws);
    const { memo, intent } = await supersedeMemo(ws, old.id, '  Delta Mills, a year on  ');
    expect(await ws.db.memos.get(memo.id)).toMatchObject({
      title: 'Delta Mills, a year on',
      question: 'If we let Delta Mills go, what do we save and who notices?',
      driver: 'Pat (PM)',
      approver: 'Dana (CEO)',
      contributors: ['Fay', 'Eli'],
      accountId: account.id,
      status: 'draft',
      recommendedOptionId: null,
      chosenOptionId: null,
      chosenBecause: '',
      decidedBy: '',
      decidedOn: null,
      decidedFigures: null,
      supersedes: old.id,
      supersededBy: null,
    });
    expect(await ws.db.memos.get(old.id)).toMatchObject({ status: 'superseded', supersededBy: memo.id, decidedFigures: FIGURES });

    // Its own copies of the options (new rows, same order) and of the fair exit; the views start unheard.
    const oldOptions = await optionsOf(ws, old.id);
    const copies = await optionsOf(ws, memo.id);
    expect(copies.map((o) => [o.name, o.sort, o.exitAccountId])).toEqual([
      ['Keep Delta Mills', 0, null],
      ['Let Delta Mills go', 1, account.id],
    ]);
    expect(copies.some((c) => oldOptions.some((o) => o.id === c.id))).toBe(false);
    expect(await ws.db.memoExits.get(`${memo.id}:${account.id}`)).toMatchObject({ memoId: memo.id, refund: 2_000_000, deleted: false });
    expect(await ws.db.memoViews.where('memoId').equals(memo.id).count()).toBe(0);

    // The copy is open to change; the old memo cannot be superseded twice.
    await setView(ws, memo.id, 'finance', { stance: 'for' });
    expect(await refusal(supersedeMemo(ws, old.id, 'Once more'))).toBe('readOnly');

    // Undo: the old memo is decided again, and the copy is gone.
    await replayIntent(ws, intent, 'undo');
    expect(await ws.db.memos.get(old.id)).toMatchObject({ status: 'decided', supersededBy: null });
    expect((await ws.db.memos.get(memo.id))?.deleted).toBe(true);
    expect(live(await optionsOf(ws, memo.id))).toEqual([]);
  });

  // Was a bug (fixed): supersedeMemo re-validated the copied fair exit against the account as it is now, so once the
  // customer has actually been let go (its ARR set to 0, or the account deleted) the decided memo can never be
  // superseded: 'refundOverContract' / 'missingAccount'.
  it.each([
    ['its ARR set to 0', (ws: Workspace, id: string) => updateAccount(ws, id, { arr: m(0) })],
    ['the account deleted', (ws: Workspace, id: string) => deleteAccount(ws, id)],
  ])('supersedes a fair-exit memo after the customer has been let go (%s)', async (_name, letGo) => {
    const ws = await fresh();
    const { memo: old, account } = await decided(ws);
    await letGo(ws, account.id);
    const { memo: next } = await supersedeMemo(ws, old.id, 'Delta Mills, after the exit');
    expect(next.supersedes).toBe(old.id);
  });

  // Was a bug (fixed): only the first fair exit is copied (exits[0]); a memo letting two accounts go loses the second.
  it('copies every fair exit of the memo it supersedes', async () => {
    const ws = await fresh();
    const { memo: old, account, letGo } = await created(ws);
    const { account: second } = await createAccount(ws, { name: 'Echo Works', arr: m(5_000_000) });
    const { option: letBothGo } = await addOption(ws, old.id, option('Let Delta Mills and Echo Works go'));
    await setExit(ws, old.id, second.id, { refund: m(0) }, letBothGo.id);
    await decideMemo(ws, old.id, decision(letGo.id), FIGURES, TODAY);
    const { memo } = await supersedeMemo(ws, old.id, 'Again');
    const exits = live(await ws.db.memoExits.where('memoId').equals(memo.id).toArray());
    expect(exits.map((e) => e.accountId).sort()).toEqual([account.id, second.id].sort());
  });
});
