import { stampTime, ZERO_STAMP, type Stamp } from './hlc';
import type { Knowledge } from './merge';

/**
 * Who a device's folder file serves. A sync folder is read by every device, so each file carries
 * what its readers lack. Serving every reader makes one stale device (a laptop back from a month
 * in a drawer, a new device, one that cannot read the others' files) turn every file in the folder
 * into the whole workspace, for as long as it stays behind. So:
 *
 * - a peer that lacks only recent writes (within CATCH_UP_WINDOW_MS) is served by every device,
 *   which keeps the folder converging in one round however many devices share it;
 * - a peer that is behind (it lacks a write of some device and its knowledge of that device is
 *   older than the window, or it never sent a file we could read) is served by ONE device only:
 *   the lowest device id among this device and the peers it considers up to date. Devices that
 *   agree on who is behind agree on who serves; the globally lowest up-to-date device always
 *   serves, so a behind peer is never left without a file that completes its knowledge.
 *
 * Files from devices that do not serve a peer stay partial for it: its import merges their rows
 * but claims no knowledge from them (fileCompletesKnowledge), so nothing is skipped by mistake.
 */
export const CATCH_UP_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface FolderPeer {
  readonly device: string;
  /** What the peer's latest merged file said it knows; null when no file of it was ever merged here. */
  readonly knowledge: Knowledge | null;
  /** The user asked to send this peer everything next time: served here whoever else serves it. */
  readonly sendAll?: boolean;
  /** When the peer's latest file in the folder was made (epoch ms), if its header could be read. */
  readonly fileCreatedMs: number | null;
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Whether a peer lacks writes that reach back past the catch-up window (or everything: it never
 * told us). For other devices' writes its knowledge says how far back it lacks them. For ours it
 * cannot: our clock also moves when we merge others' writes, while what a peer can vouch it knows
 * of us stops at our last real write, so on a device that only reads the two never meet. A peer
 * lacking any of ours counts as behind only when its own latest file is older than the window.
 */
export function isBehind(peer: FolderPeer, ours: Knowledge, self: string, nowMs: number, windowMs: number = CATCH_UP_WINDOW_MS): boolean {
  const k = peer.knowledge;
  if (k === null) return true;
  const cutoff = nowMs - windowMs;
  for (const [device, have] of Object.entries(ours)) {
    const seen: Stamp = hasOwn(k, device) ? k[device]! : ZERO_STAMP;
    if (seen >= have) continue;
    if (device === self) {
      if (peer.fileCreatedMs !== null && peer.fileCreatedMs < cutoff) return true;
    } else if (seen === ZERO_STAMP || stampTime(seen) < cutoff) return true;
  }
  return false;
}

export interface ServePlan {
  /** The peers this device's file is made for (what any of them lacks). */
  readonly served: readonly string[];
  /** Behind peers (see isBehind), served here only when this device serves them. */
  readonly behind: readonly string[];
  /** Whether this device is the one that serves the behind peers. */
  readonly servesBehind: boolean;
}

export function planServing(self: string, peers: readonly FolderPeer[], ours: Knowledge, nowMs: number): ServePlan {
  const behind: string[] = [];
  const current: string[] = [];
  for (const p of peers) (isBehind(p, ours, self, nowMs) ? behind : current).push(p.device);
  const servesBehind = behind.length > 0 && current.every((d) => d > self);
  const asked = peers.filter((p) => p.sendAll === true && !current.includes(p.device)).map((p) => p.device);
  const served = servesBehind ? [...current, ...behind] : [...current, ...asked];
  return { served: served.sort(), behind: behind.sort(), servesBehind };
}
