import { describe, expect, it } from 'vitest';
import { encodeStamp, ZERO_STAMP, type Stamp } from './hlc';
import { CATCH_UP_WINDOW_MS, isBehind, planServing, type FolderPeer } from './folderPlan';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2, 12);
const A = 'a'.repeat(16);
const B = 'b'.repeat(16);
const C = 'c'.repeat(16);
const D = 'd'.repeat(16);
const at = (device: string, ms: number): Stamp => encodeStamp({ ms, counter: 0, device });
const peer = (device: string, knowledge: FolderPeer['knowledge'], fileCreatedMs: number | null = NOW - DAY): FolderPeer => ({
  device,
  knowledge,
  fileCreatedMs,
});

describe('isBehind', () => {
  const a1 = at(A, NOW - DAY);
  const b2 = at(B, NOW - 2 * DAY);
  const ours = { [A]: a1, [B]: b2 };

  it('a peer that never sent a file we merged is behind', () => {
    expect(isBehind(peer(C, null), ours, C, NOW)).toBe(true);
  });

  it('a peer lacking only recent writes is not; one whose knowledge of a device is older than the window is', () => {
    expect(isBehind(peer(C, { [A]: at(A, NOW - 3 * DAY), [B]: b2 }), ours, D, NOW)).toBe(false);
    expect(isBehind(peer(C, { [A]: at(A, NOW - CATCH_UP_WINDOW_MS - 1), [B]: b2 }), ours, D, NOW)).toBe(true);
    // It has nothing of B at all.
    expect(isBehind(peer(C, { [A]: a1 }), ours, D, NOW)).toBe(true);
    // Old knowledge of a device is fine when that device wrote nothing since.
    expect(isBehind(peer(C, { [A]: a1, [B]: at(B, NOW - 30 * DAY) }), { ...ours, [B]: at(B, NOW - 30 * DAY) }, D, NOW)).toBe(false);
  });

  it('for our own writes, only a peer whose own latest file is older than the window is behind', () => {
    const mine = { ...ours, [D]: at(D, NOW - 1000) };
    const k = { [A]: a1, [B]: b2, [D]: ZERO_STAMP };
    expect(isBehind(peer(C, k, NOW - DAY), mine, D, NOW)).toBe(false);
    expect(isBehind(peer(C, k, NOW - 8 * DAY), mine, D, NOW)).toBe(true);
    expect(isBehind(peer(C, k, null), mine, D, NOW)).toBe(false);
  });
});

describe('planServing', () => {
  const a1 = at(A, NOW - DAY);
  const ours = { [A]: a1 };
  const current = (d: string) => peer(d, { [A]: a1 });
  const stale = (d: string) => peer(d, { [A]: at(A, NOW - 20 * DAY) }, NOW - 20 * DAY);

  it('serves every peer that is up to date but for recent writes', () => {
    expect(planServing(B, [current(A), current(C)], ours, NOW)).toEqual({ served: [A, C], behind: [], servesBehind: false });
  });

  it('the lowest id among us and the up-to-date peers serves the behind ones; the others leave them out', () => {
    const peers = [current(B), stale(C), current(D)];
    expect(planServing(A, peers, ours, NOW)).toEqual({ served: [B, C, D], behind: [C], servesBehind: true });
    expect(planServing(D.replace(/d/g, 'e'), peers, ours, NOW)).toEqual({ served: [B, D], behind: [C], servesBehind: false });
    // A behind peer with a lower id does not take the job: it is not up to date.
    expect(planServing(B, [stale(A), current(C)], ours, NOW).servesBehind).toBe(true);
  });

  it('serves a peer the user asked to send everything to, whoever serves the behind ones', () => {
    const peers = [current(A), { ...peer(C, {}), sendAll: true }];
    expect(planServing(B, peers, ours, NOW)).toEqual({ served: [A, C], behind: [C], servesBehind: false });
  });

  it('with no peer up to date, this device serves them all', () => {
    expect(planServing(D, [stale(A), peer(B, null)], ours, NOW)).toEqual({ served: [A, B], behind: [A, B], servesBehind: true });
  });
});
