import { describe, expect, it } from 'vitest';
import { createAccount, updateAccount } from '../accounts';
import { freshWorkspaces } from '../testing';
import type { Workspace } from '../workspace';
import { BackupDB, listBackups } from './backups';
import { exportSyncFile } from './exportFile';
import { importBytes } from './service';
import { keepLosingValue, listConflicts } from './conflicts';

const open = freshWorkspaces();
const ctxOf = (ws: Workspace, name: string) => ({
  ws,
  store: new BackupDB(`b-${crypto.randomUUID()}`),
  appVersion: '0.1.0',
  deviceName: name,
});

async function dump(ws: Workspace): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const t of ['accounts', 'plans', 'people']) out[t] = await ws.db.table(t).orderBy('id').toArray();
  return out;
}

describe('sync files between two devices', () => {
  it('exchanges both ways, converges, and keeps the concurrent loser as a conflict', async () => {
    let t = Date.now() - 60_000;
    const wall = () => t;
    const a = ctxOf(await open(wall), 'Laptop');
    const b = ctxOf(await open(wall), 'Hotel');
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    const first = await exportSyncFile(a.ws, { scope: { kind: 'everything' }, appVersion: '0.1.0', deviceName: 'Laptop' });
    const r1 = await importBytes(b, first.bytes, null);
    expect(r1.added).toBe(1);
    t += 1000;
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    t += 1000;
    await updateAccount(b.ws, account.id, { owner: 'Bert' });
    const fa = await exportSyncFile(a.ws, {
      scope: { kind: 'changes', peers: [b.ws.clock.device] },
      appVersion: '0.1.0',
      deviceName: 'Laptop',
    });
    const fb = await exportSyncFile(b.ws, {
      scope: { kind: 'changes', peers: [a.ws.clock.device] },
      appVersion: '0.1.0',
      deviceName: 'Hotel',
    });
    const ra = await importBytes(a, fb.bytes, null);
    const rb = await importBytes(b, fa.bytes, null);
    expect(ra.conflicts).toBe(1);
    expect(rb.conflicts).toBe(1);
    expect(await dump(a.ws)).toEqual(await dump(b.ws));
    expect((await a.ws.db.accounts.get(account.id))?.owner).toBe('Bert');
    const [c] = await listConflicts(a.ws);
    expect(c?.conflict.value).toBe('Anna');
    // idempotent
    const again = await importBytes(a, fb.bytes, null);
    expect(again.added + again.updated + again.deleted + again.conflicts).toBe(0);
    await keepLosingValue(a.ws, c!.conflict.id);
    expect((await a.ws.db.accounts.get(account.id))?.owner).toBe('Anna');
    expect((await listBackups(a.store)).length).toBeGreaterThan(0);
  });
});
