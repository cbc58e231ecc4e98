import { describe, expect, it, vi } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { asMinor } from '@shared/domain/money';
import { compareStamps, ZERO_STAMP } from '@shared/sync/hlc';
import type { Row } from '@shared/sync/row';
import { createAccount, createAccounts, deleteAccount, InvalidAccountError, updateAccount } from './accounts';
import { addContact, createLine, createPerson } from './people';
import { addAction, addObjective, addRisk, createPlan, deleteAction } from './plans';
import { SYNCED_TABLES, type SyncedTable } from './schema';
import { replayIntent, type Workspace } from './workspace';
import { freshWorkspaces } from './testing';

const freshWorkspace = freshWorkspaces();

async function getRow(ws: Workspace, table: SyncedTable, id: string): Promise<Row<Record<string, unknown>>> {
  const row = await ws.db.table<Row<Record<string, unknown>>, string>(table).get(id);
  if (!row) throw new Error(`${table} ${id} missing`);
  return row;
}

async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

/** An account with one plan holding two objectives, three actions and a risk. */
async function accountWithPlan(ws: Workspace, name: string) {
  const { account } = await createAccount(ws, { name });
  const { plan } = await createPlan(ws, account.id, { title: `${name} plan` });
  const { objective: o1 } = await addObjective(ws, plan.id, 'Grow');
  const { objective: o2 } = await addObjective(ws, plan.id, 'Keep');
  const { action: a1 } = await addAction(ws, plan.id, o1.id, { title: 'Call CFO' });
  const { action: a2 } = await addAction(ws, plan.id, o1.id, { title: 'Workshop' });
  const { action: a3 } = await addAction(ws, plan.id, o2.id, { title: 'QBR' });
  const { risk } = await addRisk(ws, plan.id, 'Champion leaves');
  return { account, plan, objectives: [o1, o2], actions: [a1, a2, a3], risk };
}

describe('createAccount', () => {
  it('validates, fills defaults and stamps every field', async () => {
    const ws = await freshWorkspace();
    const { account, intent } = await createAccount(ws, { name: '  Acme  ', arr: asMinor(1000) });
    expect(account).toMatchObject({ name: 'Acme', arr: 1000, currency: 'EUR', deleted: false, spiralLap: 1 });
    expect(await ws.db.accounts.get(account.id)).toEqual(account);
    expect(Object.values(account.stamps).every((s) => s === account.updatedAt)).toBe(true);
    expect(intent.label).toBe('createAccount');
    expect(intent.changes).toHaveLength(1);
  });

  it.each([
    ['an empty name', { name: '' }],
    ['an unknown currency', { name: 'A', currency: 'XXY' }],
    ['a negative ARR', { name: 'A', arr: asMinor(-5) }],
    ['an ICP rating of 6', { name: 'A', icp: { industryFit: 6 } }],
  ])('rejects %s and writes nothing', async (_label, fields) => {
    const ws = await freshWorkspace();
    await expect(createAccount(ws, fields)).rejects.toThrow(InvalidAccountError);
    expect(await ws.db.accounts.count()).toBe(0);
  });
});

describe('createAccounts', () => {
  it('writes many accounts in one intent with one stamp', async () => {
    const ws = await freshWorkspace();
    const { accounts, intent } = await createAccounts(ws, [{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
    expect(await ws.db.accounts.count()).toBe(3);
    expect(new Set(accounts.map((a) => a.updatedAt)).size).toBe(1);
    expect(intent.changes).toHaveLength(3);
  });

  it('writes none when one of them is invalid', async () => {
    const ws = await freshWorkspace();
    await expect(createAccounts(ws, [{ name: 'A' }, { name: '' }])).rejects.toThrow(InvalidAccountError);
    expect(await ws.db.accounts.count()).toBe(0);
  });
});

describe('updateAccount', () => {
  it('stamps only the changed fields and returns the intent', async () => {
    const ws = await freshWorkspace();
    const { account } = await createAccount(ws, { name: 'Acme' });
    const intent = await updateAccount(ws, account.id, { name: 'Acme', potentialArr: asMinor(5000), supportHours: 5.5 });
    const stored = await ws.db.accounts.get(account.id);
    expect(stored).toMatchObject({ potentialArr: 5000, supportHours: 5.5 });
    expect(stored?.stamps).toEqual({ ...account.stamps, potentialArr: stored?.updatedAt, supportHours: stored?.updatedAt });
    expect(intent?.changes.map((c) => c.after)).toEqual([{ potentialArr: 5000, supportHours: 5.5 }]);
  });

  it('returns null when nothing changed or the account is missing', async () => {
    const ws = await freshWorkspace();
    const { account } = await createAccount(ws, { name: 'Acme' });
    expect(await updateAccount(ws, account.id, { name: 'Acme' })).toBeNull();
    expect(await updateAccount(ws, 'nope', { name: 'X' })).toBeNull();
    expect(await ws.db.accounts.get(account.id)).toEqual(account);
  });

  it('rejects an invalid patch and leaves the row untouched', async () => {
    const ws = await freshWorkspace();
    const { account } = await createAccount(ws, { name: 'Acme' });
    await expect(updateAccount(ws, account.id, { name: '   ' })).rejects.toThrow(InvalidAccountError);
    await expect(updateAccount(ws, account.id, { currency: 'XXY' })).rejects.toThrow(InvalidAccountError);
    expect(await ws.db.accounts.get(account.id)).toEqual(account);
  });
});

describe('deleteAccount', () => {
  it('tombstones the account and all of its plan rows in one intent, leaving other accounts alone', async () => {
    const ws = await freshWorkspace();
    const doomed = await accountWithPlan(ws, 'Doomed');
    const other = await accountWithPlan(ws, 'Other');
    const before = await rowCounts(ws);

    const intent = await deleteAccount(ws, doomed.account.id);

    expect(await rowCounts(ws)).toEqual(before); // tombstones, not hard deletes
    const doomedIds = [
      doomed.account.id,
      doomed.plan.id,
      ...doomed.objectives.map((o) => o.id),
      ...doomed.actions.map((a) => a.id),
      doomed.risk.id,
    ];
    expect(intent.changes.map((c) => c.id).sort()).toEqual([...doomedIds].sort());
    const stamps = new Set<string>();
    for (const c of intent.changes) {
      const row = await getRow(ws, c.table, c.id);
      expect(row.deleted).toBe(true);
      expect(row.stamps.deleted).toBe(row.updatedAt);
      stamps.add(row.updatedAt);
    }
    expect(stamps.size).toBe(1);
    expect((await ws.db.accounts.get(other.account.id))?.deleted).toBe(false);
    expect((await ws.db.actions.where('planId').equals(other.plan.id).toArray()).every((a) => !a.deleted)).toBe(true);
  });

  it('tombstones every plan of an account that has several', async () => {
    const ws = await freshWorkspace();
    const tree = await accountWithPlan(ws, 'A');
    const { plan: second } = await createPlan(ws, tree.account.id, { title: 'Second' });
    const { objective } = await addObjective(ws, second.id, 'More');
    const { action } = await addAction(ws, second.id, objective.id, { title: 'Later' });
    const intent = await deleteAccount(ws, tree.account.id);
    expect(intent.changes).toHaveLength(8 + 3);
    expect((await ws.db.plans.get(second.id))?.deleted).toBe(true);
    expect((await ws.db.actions.get(action.id))?.deleted).toBe(true);
  });

  it('does not re-stamp rows that were already deleted', async () => {
    const ws = await freshWorkspace();
    const tree = await accountWithPlan(ws, 'A');
    await deleteAction(ws, tree.actions[0]?.id ?? '');
    const stampBefore = (await ws.db.actions.get(tree.actions[0]?.id ?? ''))?.updatedAt;
    const intent = await deleteAccount(ws, tree.account.id);
    expect(intent.changes.map((c) => c.id)).not.toContain(tree.actions[0]?.id);
    expect((await ws.db.actions.get(tree.actions[0]?.id ?? ''))?.updatedAt).toBe(stampBefore);
  });

  it('undo restores the account and all its plan rows with later stamps; redo deletes again', async () => {
    const ws = await freshWorkspace();
    const tree = await accountWithPlan(ws, 'A');
    const intent = await deleteAccount(ws, tree.account.id);
    const deletedAt = (await ws.db.accounts.get(tree.account.id))?.updatedAt ?? ZERO_STAMP;

    await replayIntent(ws, intent, 'undo');
    for (const c of intent.changes) {
      const row = await getRow(ws, c.table, c.id);
      expect(row.deleted).toBe(false);
      expect(compareStamps(deletedAt, row.updatedAt)).toBe(-1);
    }

    await replayIntent(ws, intent, 'redo');
    for (const c of intent.changes) expect((await getRow(ws, c.table, c.id)).deleted).toBe(true);
  });

  it('tombstones the stakeholder map of the account (people, lines, contacts) in the same intent; undo restores it', async () => {
    const ws = await freshWorkspace();
    const mapOf = async (name: string) => {
      const { account } = await createAccount(ws, { name });
      const { person: a } = await createPerson(ws, account.id, { name: 'A' });
      const { person: b } = await createPerson(ws, account.id, { name: 'B' });
      const { line } = await createLine(ws, account.id, a.id, b.id, 'reportsTo');
      const { contact } = await addContact(ws, {
        accountId: account.id,
        personId: a.id,
        date: asIsoDate('2025-03-01'),
        channel: 'call',
        attendee: 'Mia',
        notes: '',
      });
      return { account, ids: [a.id, b.id, line.id, contact.id] };
    };
    const doomed = await mapOf('Doomed');
    const other = await mapOf('Other');
    const before = await rowCounts(ws);

    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await deleteAccount(ws, doomed.account.id);
    expect(tx).toHaveBeenCalledTimes(1);

    expect(await rowCounts(ws)).toEqual(before);
    expect(intent.changes.map((c) => c.id).sort()).toEqual([doomed.account.id, ...doomed.ids].sort());
    const deletedAt = (await getRow(ws, 'accounts', doomed.account.id)).updatedAt;
    for (const c of intent.changes) {
      const row = await getRow(ws, c.table, c.id);
      expect(row.deleted).toBe(true);
      expect(row.updatedAt).toBe(deletedAt);
    }
    const tables: SyncedTable[] = ['people', 'people', 'lines', 'contacts'];
    for (const [i, id] of other.ids.entries()) expect((await getRow(ws, tables[i] ?? 'people', id)).deleted).toBe(false);

    await replayIntent(ws, intent, 'undo');
    for (const c of intent.changes) expect((await getRow(ws, c.table, c.id)).deleted).toBe(false);
  });
});
