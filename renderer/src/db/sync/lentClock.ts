import type { Clock, Stamp } from '@shared/sync/hlc';

/**
 * The worker's clock: the one stamp the main thread issued for this import, and a record of every
 * stamp seen, handed back so the main clock moves past them. Never a second clock issuing stamps
 * for the same device at the same time.
 */
export function lentClock(device: string, stamp: Stamp): Clock & { seen(): Stamp } {
  let seen = stamp;
  let lent = false;
  return {
    device,
    now() {
      if (lent) throw new Error('the import worker has one stamp to give');
      lent = true;
      return stamp;
    },
    observe(s) {
      if (s > seen) seen = s;
    },
    last: () => seen,
    seen: () => seen,
  };
}
