import { describe, expect, it } from 'vitest';
import { createAccounts } from './accounts';
import { readChunked } from './chunked';
import { freshWorkspaces } from './testing';

const open = freshWorkspaces();

describe('readChunked', () => {
  it('reads every row once, in key order, a chunk at a time', async () => {
    const ws = await open();
    const { accounts } = await createAccounts(
      ws,
      Array.from({ length: 12 }, (_, i) => ({ name: `Account ${i}` })),
    );
    const sizes: number[] = [];
    const ids = await readChunked(ws.db.accounts, (rows) => (sizes.push(rows.length), rows.map((r) => r.id)), 5);
    expect(sizes).toEqual([5, 5, 2]);
    expect(ids).toEqual(accounts.map((a) => a.id).sort());
    // A table whose size is a multiple of the chunk ends on an empty read, and an empty table on the first.
    expect(await readChunked(ws.db.accounts, (rows) => rows.map((r) => r.id), 6)).toHaveLength(12);
    expect(await readChunked(ws.db.people, (rows) => rows, 5)).toEqual([]);
  });
});
