import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { compareStamps, type Stamp } from '@shared/sync/hlc';
import { largestStamp, type Row } from '@shared/sync/row';
import { createAccount, deleteAccount, updateAccount } from '../../db/accounts';
import { addMember, updateProgram } from '../../db/club';
import { addContact, createPerson, deletePeople, updatePerson } from '../../db/people';
import { SYNCED_TABLES } from '../../db/schema';
import { freshWorkspaces } from '../../db/testing';
import type { Intent, Workspace } from '../../db/workspace';
import { initI18n } from '../../i18n';
import { useUi } from '../../stores/ui';
import { useUndo } from '../../stores/undo';
import { commit, undoRedo } from '.';

const freshWorkspace = freshWorkspaces();

beforeAll(() => initI18n('en'));

function resetStores(): void {
  useUi.setState({ pendingWrites: 0, lastSavedAt: null, writeError: null, toasts: [] });
  useUndo.getState().clear();
}
beforeEach(resetStores);
afterEach(() => {
  resetStores();
  vi.useRealTimers();
});

/** What the top bar shows (TopBar.tsx SaveState): the error wins, then "Saving…", then "Saved". */
type SaveState = 'failed' | 'saving' | 'saved' | 'idle';
function saveState(): SaveState {
  const s = useUi.getState();
  if (s.writeError) return 'failed';
  if (s.pendingWrites > 0) return 'saving';
  return s.lastSavedAt === null ? 'idle' : 'saved';
}

/** Records every save state the UI store passes through until `stop()`. */
function recordSaveStates(): { states: SaveState[]; stop: () => void } {
  const states: SaveState[] = [];
  const stop = useUi.subscribe(() => {
    const next = saveState();
    // Toasts also update the store; only record changes of the save state itself.
    if (states.at(-1) !== next) states.push(next);
  });
  return { states, stop };
}

async function accountRow(ws: Workspace, id: string) {
  const row = await ws.db.accounts.get(id);
  if (!row) throw new Error(`account ${id} missing`);
  return row;
}

/** Every row of every synced table, to prove a refused write left the database as it was. */
async function snapshot(ws: Workspace): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).toArray();
  return out;
}

/** A workspace with one account, seeded straight through the repository (not through commit). */
async function withAccount(name = 'Acme') {
  const ws = await freshWorkspace();
  const { account } = await createAccount(ws, { name, owner: 'Kim' });
  return { ws, account };
}

describe('commit', () => {
  it('writes the change, goes Saving… → Saved and pushes exactly one undo entry with field-level before/after', async () => {
    const { ws, account } = await withAccount();
    let pendingDuringWork = -1;
    const rec = recordSaveStates();
    const out = await commit(() => {
      pendingDuringWork = useUi.getState().pendingWrites;
      return updateAccount(ws, account.id, { name: 'Acme Corp' });
    });
    rec.stop();

    expect((await accountRow(ws, account.id)).name).toBe('Acme Corp');
    expect(pendingDuringWork).toBe(1);
    expect(rec.states).toEqual(['saving', 'saved']);
    expect(useUi.getState()).toMatchObject({ pendingWrites: 0, writeError: null, toasts: [] });
    expect(useUi.getState().lastSavedAt).not.toBeNull();

    const { past, future } = useUndo.getState();
    expect(past).toHaveLength(1);
    expect(future).toEqual([]);
    expect(past[0]).toEqual({
      label: 'editAccount',
      changes: [{ table: 'accounts', id: account.id, before: { name: 'Acme' }, after: { name: 'Acme Corp' } }],
    });
    // commit() hands back what the repository returned.
    expect(out).toBe(past[0]);
  });

  it('takes the intent out of a `{ …, intent }` result and shows the undo toast when asked', async () => {
    const ws = await freshWorkspace();
    const out = await commit(() => createAccount(ws, { name: 'Nordlys' }), { undoToast: 'Nordlys was added' });
    expect(out?.account.name).toBe('Nordlys');
    expect(await ws.db.accounts.count()).toBe(1);
    expect(useUndo.getState().past).toHaveLength(1);
    expect(useUndo.getState().past[0]?.changes[0]).toMatchObject({ table: 'accounts', before: { deleted: true } });
    expect(useUi.getState().toasts.map(({ message, tone, undo }) => ({ message, tone, undo }))).toEqual([
      { message: 'Nordlys was added', tone: 'neutral', undo: true },
    ]);
  });

  it('coalesces quick commits to the same field of the same row into one undo step', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_750_000_000_000);
    const { ws, account } = await withAccount();
    await commit(() => updateAccount(ws, account.id, { name: 'Acme C' }));
    vi.setSystemTime(1_750_000_000_800);
    await commit(() => updateAccount(ws, account.id, { name: 'Acme Corp' }));
    expect(useUndo.getState().past).toHaveLength(1);
    expect(useUndo.getState().past[0]?.changes[0]).toMatchObject({ before: { name: 'Acme' }, after: { name: 'Acme Corp' } });
    await undoRedo(ws, 'undo');
    expect((await accountRow(ws, account.id)).name).toBe('Acme');
  });

  it('a change that changes nothing pushes nothing, keeps the redo stack and shows no undo toast', async () => {
    const { ws, account } = await withAccount();
    await commit(() => updateAccount(ws, account.id, { owner: 'Lea' }));
    await undoRedo(ws, 'undo');
    expect(useUndo.getState().future).toHaveLength(1);
    const before = await accountRow(ws, account.id);

    const out = await commit(() => updateAccount(ws, account.id, { name: 'Acme' }), { undoToast: 'Saved Acme' });
    expect(out).toBeNull();
    expect(await accountRow(ws, account.id)).toEqual(before);
    expect(useUndo.getState().past).toEqual([]);
    // A new real edit clears redo; a no-op must not.
    expect(useUndo.getState().future).toHaveLength(1);
    expect(useUi.getState().toasts).toEqual([]);
    expect(saveState()).toBe('saved');
  });

  describe('a change a repository refuses', () => {
    it('addContact to a removed person: nothing written, nothing pushed, the translated sentence as a toast', async () => {
      const { ws, account } = await withAccount();
      const { person } = await createPerson(ws, account.id, { name: 'Ada' });
      await deletePeople(ws, [person.id]);
      // One edit to undo and one to redo: the refused write must leave both stacks as they were.
      await commit(() => updateAccount(ws, account.id, { owner: 'Lea' }));
      await commit(() => updateAccount(ws, account.id, { name: 'Acme Corp' }));
      await undoRedo(ws, 'undo');
      expect(useUndo.getState().past).toHaveLength(1);
      expect(useUndo.getState().future).toHaveLength(1);
      const pastBefore = useUndo.getState().past;
      const futureBefore = useUndo.getState().future;
      const dbBefore = await snapshot(ws);

      const rec = recordSaveStates();
      const out = await commit(() =>
        addContact(ws, {
          accountId: account.id,
          personId: person.id,
          date: asIsoDate('2025-03-01'),
          channel: 'call',
          attendee: 'Mia',
          notes: '',
        }),
      );
      rec.stop();

      const sentence = 'That person is no longer on this map (deleted here or on another device). The contact was not logged.';
      expect(out).toBeUndefined();
      expect(await snapshot(ws)).toEqual(dbBefore);
      expect(await ws.db.contacts.count()).toBe(0);
      expect(useUndo.getState().past).toBe(pastBefore);
      expect(useUndo.getState().future).toBe(futureBefore);
      expect(useUi.getState().toasts.map(({ message, tone }) => ({ message, tone }))).toEqual([{ message: sentence, tone: 'error' }]);
      expect(useUi.getState().writeError).toBe(sentence);
      expect(rec.states).toEqual(['saving', 'failed']);
      expect(useUi.getState().pendingWrites).toBe(0);
    });

    it('the seat cap: the sentence carries the refusal’s figures and the program’s name', async () => {
      const ws = await freshWorkspace();
      await updateProgram(ws, { name: 'Inner circle', seatCap: 2 });
      const [a, b, c] = await Promise.all(['A', 'B', 'C'].map(async (name) => (await createAccount(ws, { name })).account));
      if (!a || !b || !c) throw new Error('accounts missing');
      await commit(() => addMember(ws, { accountId: a.id, status: 'member' }));
      await commit(() => addMember(ws, { accountId: b.id, status: 'invited' }));
      expect(useUndo.getState().past).toHaveLength(2);
      const dbBefore = await snapshot(ws);

      const out = await commit(() => addMember(ws, { accountId: c.id, status: 'member' }));
      expect(out).toBeUndefined();
      expect(await snapshot(ws)).toEqual(dbBefore);
      expect(await ws.db.members.count()).toBe(2);
      expect(useUndo.getState().past).toHaveLength(2);
      expect(useUi.getState().toasts.at(-1)).toMatchObject({
        tone: 'error',
        message:
          'Inner circle has 2 seats and 2 are taken (members and open invitations). Raise the seat cap under Program, or move someone to alumni first.',
      });
      expect(saveState()).toBe('failed');
    });

    it('the table rules behind every write (Writer): the invalid-fields sentence names the field and the table', async () => {
      const { ws, account } = await withAccount();
      const { person } = await createPerson(ws, account.id, { name: 'Ada', stance: 'supporter' });
      const dbBefore = await snapshot(ws);

      const out = await commit(() => updatePerson(ws, person.id, { name: 'Ada L', stance: 'sworn enemy' as never }));
      expect(out).toBeUndefined();
      // Nothing half-written: not even the valid name.
      expect(await snapshot(ws)).toEqual(dbBefore);
      expect(useUndo.getState().past).toEqual([]);
      expect(useUi.getState().toasts.at(-1)?.message).toBe(
        'That change was not saved: stance would break the rules for people. Nothing was changed; check the value and try again.',
      );
    });
  });

  it('an account whose fields break the account rules is a refusal in words, not the generic failure', async () => {
    const { ws, account } = await withAccount();
    const dbBefore = await snapshot(ws);
    const out = await commit(() => updateAccount(ws, account.id, { name: '   ' }));
    expect(out).toBeUndefined();
    expect(await snapshot(ws)).toEqual(dbBefore);
    expect(useUi.getState().toasts.at(-1)?.message).toBe(
      'That change was not saved: name would break the rules for accounts. Nothing was changed; check the value and try again.',
    );
  });

  describe('an unexpected failure', () => {
    it('shows the generic message with the reason, says failed and pushes nothing', async () => {
      const { ws } = await withAccount();
      const dbBefore = await snapshot(ws);
      const rec = recordSaveStates();
      const failing = async (): Promise<Intent | null> => {
        throw new Error('disk full');
      };
      const out = await commit(failing);
      rec.stop();
      const generic =
        'Your change could not be saved (disk full). It is still on screen: try again, and if it keeps failing, free some disk space and restart Waypoint.';
      expect(out).toBeUndefined();
      expect(rec.states).toEqual(['saving', 'failed']);
      expect(useUi.getState()).toMatchObject({ pendingWrites: 0, writeError: generic, lastSavedAt: null });
      expect(useUi.getState().toasts.map(({ message, tone }) => ({ message, tone }))).toEqual([{ message: generic, tone: 'error' }]);
      expect(useUndo.getState().past).toEqual([]);
      expect(await snapshot(ws)).toEqual(dbBefore);
    });

    it('a real database failure (closed connection) is reported the same way, and the next good save clears it', async () => {
      const { ws, account } = await withAccount();
      ws.db.close();
      const out = await commit(() => updateAccount(ws, account.id, { name: 'Never' }));
      expect(out).toBeUndefined();
      expect(saveState()).toBe('failed');
      expect(useUi.getState().writeError).toMatch(/^Your change could not be saved \(.+\)\. It is still on screen/);
      expect(useUi.getState().writeError).not.toContain('errors.saveFailed');
      expect(useUndo.getState().past).toEqual([]);

      await ws.db.open();
      expect((await accountRow(ws, account.id)).name).toBe('Acme');
      await commit(() => updateAccount(ws, account.id, { name: 'Acme Corp' }));
      expect(saveState()).toBe('saved');
      expect(useUndo.getState().past).toHaveLength(1);
    });

    it('a thrown non-Error is still turned into a message', async () => {
      await commit(() => Promise.reject('quota'));
      expect(useUi.getState().writeError).toContain('(quota)');
      expect(useUi.getState().pendingWrites).toBe(0);
    });
  });
});

describe('undoRedo', () => {
  /** The stamp of one field of a row, for "written again with a new stamp". */
  function stampOf(row: Row<object>, field: string): Stamp {
    const stamp = (row.stamps as Partial<Record<string, Stamp>>)[field];
    if (!stamp) throw new Error(`no stamp for ${field}`);
    return stamp;
  }

  it('undo then redo restore the values as new stamped writes and move the entry between the stacks', async () => {
    const { ws, account } = await withAccount();
    await commit(() => updateAccount(ws, account.id, { name: 'Acme Corp' }));
    const edited = stampOf(await accountRow(ws, account.id), 'name');
    const edit = useUndo.getState().past[0];

    const rec = recordSaveStates();
    await undoRedo(ws, 'undo');
    rec.stop();
    const undone = await accountRow(ws, account.id);
    expect(undone.name).toBe('Acme');
    expect(compareStamps(edited, stampOf(undone, 'name'))).toBe(-1);
    expect(undone.updatedAt).toBe(largestStamp(undone.stamps));
    // Only the field the intent changed is written again.
    expect(undone.stamps.owner).toBe(account.stamps.owner);
    expect(useUndo.getState().past).toEqual([]);
    expect(useUndo.getState().future).toEqual([edit]);
    expect(rec.states).toEqual(['saving', 'saved']);

    await undoRedo(ws, 'redo');
    const redone = await accountRow(ws, account.id);
    expect(redone.name).toBe('Acme Corp');
    expect(compareStamps(stampOf(undone, 'name'), stampOf(redone, 'name'))).toBe(-1);
    expect(redone.updatedAt).toBe(largestStamp(redone.stamps));
    expect(useUndo.getState().past).toEqual([edit]);
    expect(useUndo.getState().future).toEqual([]);
  });

  it('undoes a delete of an account with its map in one step, and redo deletes it again', async () => {
    const { ws, account } = await withAccount();
    const { person } = await createPerson(ws, account.id, { name: 'Ada' });
    await commit(() => deleteAccount(ws, account.id), { undoToast: 'Acme was deleted' });
    expect((await accountRow(ws, account.id)).deleted).toBe(true);
    expect((await ws.db.people.get(person.id))?.deleted).toBe(true);

    await undoRedo(ws, 'undo');
    expect((await accountRow(ws, account.id)).deleted).toBe(false);
    expect((await ws.db.people.get(person.id))?.deleted).toBe(false);

    await undoRedo(ws, 'redo');
    expect((await accountRow(ws, account.id)).deleted).toBe(true);
    expect((await ws.db.people.get(person.id))?.deleted).toBe(true);
  });

  it('replays fast repeated presses in order (each undo takes the next entry, not the same one twice)', async () => {
    const { ws, account } = await withAccount();
    await commit(() => updateAccount(ws, account.id, { name: 'Acme Corp' }));
    await commit(() => updateAccount(ws, account.id, { owner: 'Lea' }));
    expect(useUndo.getState().past).toHaveLength(2);

    await Promise.all([undoRedo(ws, 'undo'), undoRedo(ws, 'undo')]);
    expect(await accountRow(ws, account.id)).toMatchObject({ name: 'Acme', owner: 'Kim' });
    expect(useUndo.getState().past).toEqual([]);
    expect(useUndo.getState().future).toHaveLength(2);

    await Promise.all([undoRedo(ws, 'redo'), undoRedo(ws, 'redo')]);
    expect(await accountRow(ws, account.id)).toMatchObject({ name: 'Acme Corp', owner: 'Lea' });
    expect(useUndo.getState().future).toEqual([]);
  });

  it('with nothing to undo it writes nothing and leaves the save state alone', async () => {
    const { ws } = await withAccount();
    const dbBefore = await snapshot(ws);
    const rec = recordSaveStates();
    await undoRedo(ws, 'undo');
    await undoRedo(ws, 'redo');
    rec.stop();
    expect(rec.states).toEqual([]);
    expect(await snapshot(ws)).toEqual(dbBefore);
  });

  it('a replay that fails keeps the entry on its stack and says the save failed', async () => {
    const { ws, account } = await withAccount();
    await commit(() => updateAccount(ws, account.id, { name: 'Acme Corp' }));
    const past = useUndo.getState().past;
    ws.db.close();
    await undoRedo(ws, 'undo');
    expect(useUndo.getState().past).toBe(past);
    expect(useUndo.getState().future).toEqual([]);
    expect(saveState()).toBe('failed');
    expect(useUi.getState().pendingWrites).toBe(0);
    // In words, as a toast, not as an error's toString().
    expect(useUi.getState().writeError).toMatch(/^The change could not be undone \(.+\)\. Nothing was changed; try again/);
    expect(useUi.getState().toasts.at(-1)).toMatchObject({ tone: 'error', message: useUi.getState().writeError });

    // The queue is not stuck after a failure: the next press replays.
    await ws.db.open();
    await undoRedo(ws, 'undo');
    expect((await accountRow(ws, account.id)).name).toBe('Acme');
    expect(saveState()).toBe('saved');
  });
});
