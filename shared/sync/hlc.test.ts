import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compareStamps,
  createClock,
  decodeStamp,
  encodeStamp,
  isDeviceId,
  isStamp,
  maxStamp,
  newDeviceId,
  stampTime,
  ZERO_STAMP,
  type Stamp,
} from './hlc';

const DEV_A = '00000000000000aa';
const DEV_B = '00000000000000bb';

/** A wall clock the test moves by hand. */
function manualWall(start: number): { wall: () => number; set: (ms: number) => void } {
  let t = start;
  return { wall: () => t, set: (ms) => (t = ms) };
}

describe('encodeStamp / decodeStamp', () => {
  it('round-trips (ms, counter, device)', () => {
    const parts = { ms: 1_717_000_000_123, counter: 42, device: '0123456789abcdef' };
    const s = encodeStamp(parts);
    expect(isStamp(s)).toBe(true);
    expect(decodeStamp(s)).toEqual(parts);
    expect(stampTime(s)).toBe(1_717_000_000_123);
  });

  it('round-trips any valid parts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36 ** 9 - 1 }),
        fc.integer({ min: 0, max: 36 ** 4 - 1 }),
        fc.stringMatching(/^[0-9a-f]{16}$/),
        (ms, counter, device) => {
          expect(decodeStamp(encodeStamp({ ms, counter, device }))).toEqual({ ms, counter, device });
        },
      ),
    );
  });

  it('string order equals (ms, counter, device) order (property)', () => {
    const parts = fc.record({
      ms: fc.integer({ min: 0, max: 36 ** 9 - 1 }),
      counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
      device: fc.stringMatching(/^[0-9a-f]{16}$/),
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const tuple =
          a.ms !== b.ms
            ? a.ms - b.ms
            : a.counter !== b.counter
              ? a.counter - b.counter
              : a.device < b.device
                ? -1
                : a.device > b.device
                  ? 1
                  : 0;
        expect(Math.sign(compareStamps(encodeStamp(a), encodeStamp(b)))).toBe(Math.sign(tuple));
      }),
    );
  });

  it('orders a larger ms before a larger counter, and counter before device', () => {
    const early = encodeStamp({ ms: 9, counter: 1295, device: 'ffffffffffffffff' });
    const later = encodeStamp({ ms: 10, counter: 0, device: '0000000000000000' });
    expect(compareStamps(early, later)).toBe(-1);
    expect(compareStamps(later, early)).toBe(1);
    expect(compareStamps(later, later)).toBe(0);
    expect(maxStamp(early, later)).toBe(later);
    expect(compareStamps(ZERO_STAMP, early)).toBe(-1);
  });

  it('throws on invalid input', () => {
    expect(() => encodeStamp({ ms: -1, counter: 0, device: DEV_A })).toThrow(RangeError);
    expect(() => encodeStamp({ ms: 1.5, counter: 0, device: DEV_A })).toThrow(RangeError);
    expect(() => encodeStamp({ ms: 36 ** 9, counter: 0, device: DEV_A })).toThrow(RangeError);
    expect(() => encodeStamp({ ms: 1, counter: 36 ** 4, device: DEV_A })).toThrow(RangeError);
    expect(() => encodeStamp({ ms: 1, counter: -1, device: DEV_A })).toThrow(RangeError);
    expect(() => encodeStamp({ ms: 1, counter: 0, device: 'ABCDEF0123456789' })).toThrow(RangeError);
    expect(() => encodeStamp({ ms: 1, counter: 0, device: 'abc' })).toThrow(RangeError);
    expect(() => decodeStamp('not-a-stamp' as Stamp)).toThrow(RangeError);
    expect(() => createClock('xyz')).toThrow(RangeError);
    expect(() => createClock(DEV_A, () => 1).observe('garbage' as Stamp)).toThrow(RangeError);
    expect(isStamp('00000001a-0000-00000000000000aa')).toBe(true);
    expect(isStamp('00000001A-0000-00000000000000aa')).toBe(false);
  });
});

describe('createClock', () => {
  it('uses the wall time and increments the counter within one millisecond', () => {
    const clock = createClock(DEV_A, () => 1000);
    const parts = [clock.now(), clock.now(), clock.now()].map(decodeStamp);
    expect(parts).toEqual([
      { ms: 1000, counter: 0, device: DEV_A },
      { ms: 1000, counter: 1, device: DEV_A },
      { ms: 1000, counter: 2, device: DEV_A },
    ]);
  });

  it('resets the counter when the wall clock moves on', () => {
    const w = manualWall(1000);
    const clock = createClock(DEV_A, w.wall);
    clock.now();
    clock.now();
    w.set(1001);
    expect(decodeStamp(clock.now())).toEqual({ ms: 1001, counter: 0, device: DEV_A });
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const w = manualWall(5000);
    const clock = createClock(DEV_A, w.wall);
    const first = clock.now();
    w.set(1000);
    const second = clock.now();
    const third = clock.now();
    expect(compareStamps(first, second)).toBe(-1);
    expect(compareStamps(second, third)).toBe(-1);
    // The clock keeps the later time and counts on, rather than following the wall back.
    expect(decodeStamp(second)).toEqual({ ms: 5000, counter: 1, device: DEV_A });
    expect(clock.last()).toBe(third);
  });

  it('after observing a later remote stamp, the next now() is later than it', () => {
    const clock = createClock(DEV_A, () => 1000);
    clock.now();
    const remote = encodeStamp({ ms: 9000, counter: 7, device: DEV_B });
    clock.observe(remote);
    expect(clock.last()).toBe(remote);
    const next = clock.now();
    expect(compareStamps(remote, next)).toBe(-1);
    expect(decodeStamp(next)).toEqual({ ms: 9000, counter: 8, device: DEV_A });
  });

  it('after observing a remote stamp equal in (ms, counter) from a larger device, now() is still later', () => {
    const clock = createClock(DEV_A, () => 1000);
    const own = clock.now();
    const remote = encodeStamp({ ms: 1000, counter: 0, device: DEV_B });
    expect(compareStamps(own, remote)).toBe(-1);
    clock.observe(remote);
    expect(compareStamps(remote, clock.now())).toBe(-1);
  });

  it('observing an earlier stamp changes nothing', () => {
    const clock = createClock(DEV_A, () => 5000);
    const own = clock.now();
    clock.observe(encodeStamp({ ms: 10, counter: 3, device: DEV_B }));
    expect(clock.last()).toBe(own);
    expect(decodeStamp(clock.now())).toEqual({ ms: 5000, counter: 1, device: DEV_A });
  });

  it('rolls to the next millisecond when the counter is exhausted', () => {
    const clock = createClock(DEV_A, () => 1000);
    clock.observe(encodeStamp({ ms: 1000, counter: 36 ** 4 - 1, device: DEV_B }));
    expect(decodeStamp(clock.now())).toEqual({ ms: 1001, counter: 0, device: DEV_A });
  });

  it('gives a total order across devices: same wall time, distinct stamps ordered by device', () => {
    const a = createClock(DEV_A, () => 7777);
    const b = createClock(DEV_B, () => 7777);
    const sa = a.now();
    const sb = b.now();
    expect(sa).not.toBe(sb);
    expect(compareStamps(sa, sb)).toBe(-1);
    expect(decodeStamp(sa).ms).toBe(decodeStamp(sb).ms);
    expect(decodeStamp(sa).counter).toBe(decodeStamp(sb).counter);
  });

  it('now() is strictly increasing for any wall times and interleaved observes (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('now' as const), wall: fc.integer({ min: 0, max: 2_000_000 }) }),
      fc.record({
        kind: fc.constant('observe' as const),
        ms: fc.integer({ min: 0, max: 2_000_000 }),
        counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
        device: fc.constantFrom(DEV_A, DEV_B, 'ffffffffffffffff', '0000000000000000'),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const w = manualWall(0);
        const clock = createClock(DEV_A, w.wall);
        let prev: Stamp = ZERO_STAMP;
        let seen: Stamp = ZERO_STAMP;
        for (const s of steps) {
          if (s.kind === 'observe') {
            const remote = encodeStamp({ ms: s.ms, counter: s.counter, device: s.device });
            clock.observe(remote);
            seen = maxStamp(seen, remote);
          } else {
            w.set(s.wall);
            const next = clock.now();
            expect(compareStamps(prev, next)).toBe(-1);
            expect(compareStamps(seen, next)).toBe(-1);
            expect(decodeStamp(next).device).toBe(DEV_A);
            prev = next;
            seen = next;
          }
        }
      }),
    );
  });
});

describe('newDeviceId', () => {
  it('makes 16 lowercase hex digits from 8 random bytes', () => {
    const id = newDeviceId((n) => Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0x0a : 0xf0 + i)));
    expect(id).toBe('0af1f2f3f4f5f6f7');
    expect(isDeviceId(id)).toBe(true);
  });

  it('is a valid device id for any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const id = newDeviceId(() => bytes);
        expect(id).toMatch(/^[0-9a-f]{16}$/);
        expect(() => createClock(id)).not.toThrow();
      }),
    );
  });

  it('asks for exactly 8 bytes', () => {
    const asked: number[] = [];
    newDeviceId((n) => {
      asked.push(n);
      return new Uint8Array(n);
    });
    expect(asked).toEqual([8]);
  });
});
