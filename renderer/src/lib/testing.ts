import { act } from 'react';

/**
 * For component tests: lets React and the live queries run (10 ms at a time, up to `tries`) until
 * `check` holds, or fails with its last error.
 */
export async function until(check: () => void | Promise<void>, tries = 200): Promise<void> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      await check();
      return;
    } catch (e) {
      last = e;
    }
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
  throw last;
}
