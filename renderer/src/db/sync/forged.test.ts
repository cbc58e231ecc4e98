import { describe, expect, it } from 'vitest';
import { encodeStamp } from '@shared/sync/hlc';
import { SyncFileError } from '@shared/sync/codec';
import { createAccount, updateAccount } from '../accounts';
import { importBytes } from './service';
import { forgetPeerKnowledge } from './state';
import { changesFor, decode, everything, freshDevices, handFile, testClock } from './testing';

const device = freshDevices();
const YEAR_2999 = Date.UTC(2999, 11, 31);

describe('a file can only claim what it proves (issue 12)', () => {
  it('a header claiming to know our stamps up to the year 2999 does not silence our next files to that device', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const { account } = await createAccount(a.ws, { name: 'Nordwind' });
    await importBytes(b, await everything(a), null);
    await importBytes(a, await everything(b), null);
    // The forged file: checksum valid, no passphrase needed, knowledge of A "up to 2999".
    const forged = await handFile({
      device: b.device,
      name: 'Hotel',
      knowledge: {
        [a.device]: encodeStamp({ ms: YEAR_2999, counter: 0, device: a.device }),
        [b.device]: encodeStamp({ ms: YEAR_2999, counter: 0, device: b.device }),
      },
      tables: {},
    });
    const knewOfB = ((await a.ws.db.meta.get('sync.knowledge'))?.value as Record<string, string>)[b.device] ?? '';
    await importBytes(a, forged, null);
    const peer = await a.ws.db.peers.get(b.device);
    expect((peer?.knowledge[a.device] ?? '') <= a.ws.clock.last()).toBe(true);
    expect((peer?.knowledge[b.device] ?? '') <= knewOfB).toBe(true);

    wall.tick();
    await updateAccount(a.ws, account.id, { owner: 'Anna' });
    const next = await decode(await changesFor(a, [b]));
    expect(next.tables.accounts?.map((r) => r.owner)).toEqual(['Anna']);
    await importBytes(b, await changesFor(a, [b]), null);
    expect((await b.ws.db.accounts.get(account.id))?.owner).toBe('Anna');
  });

  it('does not let a forged claim about a third device enter our own knowledge', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const ghost = '0123456789abcdef';
    await createAccount(b.ws, { name: 'From B' });
    const bytes = await handFile({
      device: b.device,
      knowledge: { [ghost]: encodeStamp({ ms: YEAR_2999, counter: 0, device: ghost }) },
      tables: {},
    });
    await importBytes(a, bytes, null);
    const meta = await a.ws.db.meta.get('sync.knowledge');
    expect(JSON.stringify(meta?.value ?? {})).not.toContain(ghost);
    expect((await a.ws.db.peers.get(b.device))?.knowledge).toEqual({});
  });

  it('refuses a file dated more than a day in the future, and writes nothing', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    const bytes = await handFile({ device: b.device, knowledge: {}, tables: {}, createdAt: new Date(Date.now() + 3 * 86_400_000) });
    const err: unknown = await importBytes(a, bytes, null).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncFileError);
    expect((err as SyncFileError).code).toBe('futureStamp');
    expect(await a.ws.db.peers.count()).toBe(0);
  });

  it('"send everything next time" makes the next changes file for that device hold everything', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await createAccount(a.ws, { name: 'One' });
    await createAccount(a.ws, { name: 'Two' });
    await importBytes(b, await everything(a), null);
    await importBytes(a, await everything(b), null);
    expect((await decode(await changesFor(a, [b]))).tables.accounts ?? []).toHaveLength(0);
    await forgetPeerKnowledge(a.ws.db, b.device);
    expect((await decode(await changesFor(a, [b]))).tables.accounts).toHaveLength(2);
  });
});
