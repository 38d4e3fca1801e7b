/** Unlock back-off (item 35): pure functions over the persisted state. */
import { describe, expect, it } from 'vitest';
import {
  INITIAL_THROTTLE_STATE,
  MAX_DELAY_MS,
  checkThrottle,
  delayAfterFailures,
  recordFailure,
  recordSuccess,
  type ThrottleState,
} from '../../../src/core/vault';

const T0 = 1_700_000_000_000;

describe('unlock throttle', () => {
  it('allows the first attempts freely, then backs off exponentially after 5 failures', () => {
    let s: ThrottleState = { ...INITIAL_THROTTLE_STATE };
    let now = T0;
    const waits: number[] = [];
    for (let i = 1; i <= 12; i++) {
      expect(checkThrottle(s, now).allowed).toBe(true);
      s = recordFailure(s, now);
      expect(s.failures).toBe(i);
      const { allowed, waitMs } = checkThrottle(s, now);
      waits.push(waitMs);
      expect(allowed).toBe(waitMs === 0);
      now += waitMs; // the user waits exactly as long as asked
    }
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000]);
  });

  it('caps the delay at 5 minutes', () => {
    expect(delayAfterFailures(13)).toBe(256_000);
    expect(delayAfterFailures(14)).toBe(MAX_DELAY_MS);
    expect(delayAfterFailures(1000)).toBe(MAX_DELAY_MS);
    expect(delayAfterFailures(Number.MAX_SAFE_INTEGER)).toBe(MAX_DELAY_MS);
    expect(MAX_DELAY_MS).toBe(300_000);
  });

  it('blocks until the deadline, then allows again', () => {
    const s = recordFailure({ failures: 5, lockedUntil: 0 }, T0); // 6th failure → 2 s
    expect(checkThrottle(s, T0)).toEqual({ allowed: false, waitMs: 2000 });
    expect(checkThrottle(s, T0 + 1999)).toEqual({ allowed: false, waitMs: 1 });
    expect(checkThrottle(s, T0 + 2000)).toEqual({ allowed: true, waitMs: 0 });
  });

  it('survives a restart: the state is plain data (JSON round trip keeps the block)', () => {
    let s: ThrottleState = { ...INITIAL_THROTTLE_STATE };
    for (let i = 0; i < 6; i++) s = recordFailure(s, T0);
    const restored = JSON.parse(JSON.stringify(s)) as ThrottleState;
    expect(checkThrottle(restored, T0 + 500).allowed).toBe(false);
  });

  it('a success resets the counter', () => {
    expect(recordSuccess()).toEqual({ failures: 0, lockedUntil: 0 });
    const s = recordFailure(recordSuccess(), T0);
    expect(checkThrottle(s, T0).allowed).toBe(true);
  });

  it('treats malformed stored state sanely and never locks out for longer than the cap', () => {
    expect(checkThrottle({ failures: Number.NaN, lockedUntil: Number.NaN }, T0)).toEqual({ allowed: true, waitMs: 0 });
    expect(checkThrottle(undefined as unknown as ThrottleState, T0).allowed).toBe(true);
    expect(recordFailure({ failures: -3, lockedUntil: -1 }, T0).failures).toBe(1);
    expect(recordFailure({ failures: '7' } as unknown as ThrottleState, T0).failures).toBe(1);
    // Clock moved backwards by a day: the wait is still bounded.
    expect(checkThrottle({ failures: 20, lockedUntil: T0 + 86_400_000 }, T0).waitMs).toBe(MAX_DELAY_MS);
  });
});
