import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createAccount, updateAccount } from './accounts';
import { freshWorkspaces } from './testing';

const open = freshWorkspaces();

/** The first result a live query delivers. */
function first<T>(query: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const sub = liveQuery(query).subscribe({
      next: (v) => {
        sub.unsubscribe();
        resolve(v);
      },
      error: reject,
    });
  });
}

describe('WaypointDB live queries', () => {
  it('hand out frozen, shared rows (not a clone per reader): a reader that must reorder copies first', async () => {
    const ws = await open();
    const { account } = await createAccount(ws, { name: 'Acme' });
    await createAccount(ws, { name: 'Globex' });
    const rows = await first(() => ws.db.accounts.toArray());
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
    const byName = (a: { name: string }, b: { name: string }) => b.name.localeCompare(a.name);
    expect(() => rows.sort(byName)).toThrow(TypeError);
    expect([...rows].sort(byName).map((a) => a.name)).toEqual(['Globex', 'Acme']);
    // A write is seen by the next read as a new row; the one handed out before is unchanged.
    await updateAccount(ws, account.id, { name: 'Acme Corp' });
    const again = await first(() => ws.db.accounts.toArray());
    expect(again.find((a) => a.id === account.id)!.name).toBe('Acme Corp');
    expect(rows.find((a) => a.id === account.id)!.name).toBe('Acme');
    // Reads outside a live query (repositories, transactions) are the database's own copies.
    const plain = await ws.db.accounts.toArray();
    expect(Object.isFrozen(plain[0])).toBe(false);
  });
});
