/**
 * Hybrid logical clock stamps: wall-clock milliseconds, a counter and the device id,
 * encoded as fixed-width text so plain string comparison is their total order
 * (time, then counter, then device). Source idea: PRODUCT §6 — merging by
 * "later stamp wins" needs one order that every device agrees on.
 */
export type Stamp = string & { readonly __brand: 'Stamp' };

const MS_WIDTH = 9; // base-36 milliseconds: good until the year 5138
const COUNTER_WIDTH = 4; // base-36: 1,679,615 events within one millisecond
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
const DEVICE_RE = /^[0-9a-f]{16}$/;
const STAMP_RE = /^[0-9a-z]{9}-[0-9a-z]{4}-[0-9a-f]{16}$/;

/** The smallest possible stamp: every real stamp sorts after it. */
export const ZERO_STAMP = `${'0'.repeat(MS_WIDTH)}-${'0'.repeat(COUNTER_WIDTH)}-${'0'.repeat(16)}` as Stamp;

export interface StampParts {
  readonly ms: number;
  readonly counter: number;
  readonly device: string;
}

export function isDeviceId(id: string): boolean {
  return DEVICE_RE.test(id);
}

export function isStamp(s: string): s is Stamp {
  return STAMP_RE.test(s);
}

/** Encodes (ms, counter, device) so that string order = (ms, counter, device) order. */
export function encodeStamp(parts: StampParts): Stamp {
  if (!Number.isSafeInteger(parts.ms) || parts.ms < 0 || parts.ms >= 36 ** MS_WIDTH)
    throw new RangeError(`clock time out of range: ${parts.ms}`);
  if (!Number.isInteger(parts.counter) || parts.counter < 0 || parts.counter > MAX_COUNTER) throw new RangeError('clock counter overflow');
  if (!isDeviceId(parts.device)) throw new RangeError(`not a device id: ${parts.device}`);
  return `${parts.ms.toString(36).padStart(MS_WIDTH, '0')}-${parts.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${parts.device}` as Stamp;
}

export function decodeStamp(stamp: Stamp): StampParts {
  if (!isStamp(stamp)) throw new RangeError(`not a stamp: ${stamp}`);
  const [ms, counter, device] = stamp.split('-') as [string, string, string];
  return { ms: parseInt(ms, 36), counter: parseInt(counter, 36), device };
}

/** Total order of stamps: negative when a is earlier. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxStamp(a: Stamp, b: Stamp): Stamp {
  return a >= b ? a : b;
}

/** Wall-clock time of a stamp, e.g. for "updated 3 days ago". */
export function stampTime(stamp: Stamp): number {
  return decodeStamp(stamp).ms;
}

export interface Clock {
  readonly device: string;
  /** A new stamp, strictly later than every stamp this clock has issued or seen. */
  now(): Stamp;
  /** Folds in a stamp seen elsewhere (another device's row, or our own from storage). */
  observe(stamp: Stamp): void;
  /** The latest stamp issued or observed. */
  last(): Stamp;
}

/**
 * HLC (Kulkarni et al.): time = max(wall, last.time); the counter breaks ties.
 * Stays monotonic when the wall clock goes backwards.
 */
export function createClock(device: string, wall: () => number = Date.now): Clock {
  if (!isDeviceId(device)) throw new RangeError(`not a device id: ${device}`);
  let lastMs = 0;
  let counter = 0;
  let lastStamp = ZERO_STAMP;
  return {
    device,
    now() {
      const w = Math.floor(wall());
      if (w > lastMs) {
        lastMs = w;
        counter = 0;
      } else {
        counter += 1;
        if (counter > MAX_COUNTER) {
          lastMs += 1;
          counter = 0;
        }
      }
      lastStamp = encodeStamp({ ms: lastMs, counter, device });
      return lastStamp;
    },
    observe(stamp) {
      const p = decodeStamp(stamp);
      if (p.ms > lastMs || (p.ms === lastMs && p.counter > counter)) {
        lastMs = p.ms;
        counter = p.counter;
      }
      lastStamp = maxStamp(lastStamp, stamp);
    },
    last: () => lastStamp,
  };
}

/** A random 16-hex-digit device id from a source of random bytes. */
export function newDeviceId(randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
}
