import { describe, expect, it } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { SyncFileError, type SyncHeader } from '@shared/sync/codec';
import { loadSampleWorkspace } from '../sample';
import { importOffThread, type ImportStage } from './importOffThread';
import { lentClock } from './lentClock';
import { dumpSynced, everything, freshDevices, testClock } from './testing';

const device = freshDevices();

async function pair() {
  const wall = testClock();
  const a = await device('Laptop', wall);
  const b = await device('Hotel', wall);
  await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
  return { a, b, bytes: await everything(a) };
}

describe('importOffThread (in place where there is no Worker)', () => {
  it('asks before it writes: the header it is given is the checked file’s, and the stages come in order', async () => {
    const { a, b, bytes } = await pair();
    const stages: ImportStage[] = [];
    let seen: SyncHeader | null = null;
    const result = await importOffThread(b.ws, bytes, {
      passphrase: null,
      onStage: (s) => stages.push(s),
      beforeMerge: async (header) => {
        seen = header;
        // Nothing is written before the answer.
        expect(await b.ws.db.accounts.count()).toBe(0);
        return true;
      },
    });
    expect(seen!.source.device).toBe(a.device);
    expect(result!.added).toBe(seen!.contents.rows);
    expect(stages.at(-1)).toBe('merging');
    expect(stages.indexOf('checking')).toBeLessThan(stages.indexOf('merging'));
    expect(await dumpSynced(b.ws)).toEqual(await dumpSynced(a.ws));
  });

  it('"no" leaves the workspace as it was and returns null', async () => {
    const { b, bytes } = await pair();
    const before = await dumpSynced(b.ws);
    expect(await importOffThread(b.ws, bytes, { passphrase: null, beforeMerge: async () => false })).toBeNull();
    expect(await dumpSynced(b.ws)).toEqual(before);
    expect(await b.ws.db.peers.count()).toBe(0);
  });

  it('a throw before the merge refuses the file and writes nothing', async () => {
    const { b, bytes } = await pair();
    const before = await dumpSynced(b.ws);
    await expect(
      importOffThread(b.ws, bytes, {
        passphrase: null,
        beforeMerge: async () => {
          throw new SyncFileError('damaged');
        },
      }),
    ).rejects.toMatchObject({ code: 'damaged' });
    expect(await dumpSynced(b.ws)).toEqual(before);
  });

  it('a damaged file is refused before it is asked about', async () => {
    const { b, bytes } = await pair();
    const broken = bytes.slice();
    broken[broken.length - 10] = broken[broken.length - 10]! ^ 0xff;
    let asked = false;
    await expect(
      importOffThread(b.ws, broken, {
        passphrase: null,
        beforeMerge: async () => {
          asked = true;
          return true;
        },
      }),
    ).rejects.toBeInstanceOf(SyncFileError);
    expect(asked).toBe(false);
    expect(await b.ws.db.accounts.count()).toBe(0);
  });
});

describe('lentClock (the import worker’s clock)', () => {
  it('gives the one stamp it was lent, once, and remembers the latest stamp it saw', async () => {
    const { b } = await pair();
    const stamp = b.ws.clock.now();
    const clock = lentClock(b.device, stamp);
    expect(clock.device).toBe(b.device);
    expect(clock.last()).toBe(stamp);
    expect(clock.now()).toBe(stamp);
    expect(() => clock.now()).toThrow();
    const later = b.ws.clock.now();
    clock.observe(later);
    clock.observe(stamp);
    expect(clock.seen()).toBe(later);
  });
});
