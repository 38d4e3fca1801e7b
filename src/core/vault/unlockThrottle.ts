/**
 * Unlock rate limiting (checklist item 35), as pure functions over a small state the
 * background persists in storage.local so a service-worker restart does not reset it.
 * Failures 1-4 cost nothing; from the BACKOFF_AFTER-th (5th) consecutive failure on, each one
 * locks unlocking for 1 s, 2 s, 4 s … capped at 5 minutes. A success resets everything.
 *
 * Limits: this slows online guessing through the UI only. It cannot stop an offline attack on a
 * copied vault (only the KDF does), and anything able to write storage.local can reset it.
 */

export interface ThrottleState {
  failures: number;
  /** Epoch ms before which no unlock attempt is allowed (0 = none). */
  lockedUntil: number;
}

export interface ThrottleCheck {
  allowed: boolean;
  /** Milliseconds to wait before the next attempt (0 when allowed). */
  waitMs: number;
}

export const BACKOFF_AFTER = 5;
export const BASE_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;
export const INITIAL_THROTTLE_STATE: Readonly<ThrottleState> = Object.freeze({ failures: 0, lockedUntil: 0 });

/** Stored state is untrusted input: coerce anything malformed to sane values. */
function normalise(state: unknown): ThrottleState {
  const s = (typeof state === 'object' && state !== null ? state : {}) as Partial<Record<keyof ThrottleState, unknown>>;
  const failures =
    typeof s.failures === 'number' && Number.isFinite(s.failures) && s.failures > 0 ? Math.floor(s.failures) : 0;
  const lockedUntil =
    typeof s.lockedUntil === 'number' && Number.isFinite(s.lockedUntil) && s.lockedUntil > 0 ? s.lockedUntil : 0;
  return { failures, lockedUntil };
}

/** Delay imposed after the n-th consecutive failure: 0 for n < 5, then 1 s · 2^(n-5), capped. */
export function delayAfterFailures(failures: number): number {
  if (failures < BACKOFF_AFTER) return 0;
  const exp = Math.min(failures - BACKOFF_AFTER, 30);
  return Math.min(BASE_DELAY_MS * 2 ** exp, MAX_DELAY_MS);
}

export function checkThrottle(state: ThrottleState, now: number): ThrottleCheck {
  const { lockedUntil } = normalise(state);
  // Capped so a clock set backwards (or a corrupted deadline) cannot lock the user out for long.
  const waitMs = Math.min(Math.max(0, Math.ceil(lockedUntil - now)), MAX_DELAY_MS);
  return { allowed: waitMs === 0, waitMs };
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
  const failures = Math.min(normalise(state).failures + 1, Number.MAX_SAFE_INTEGER);
  const delay = delayAfterFailures(failures);
  return { failures, lockedUntil: delay > 0 ? now + delay : 0 };
}

export function recordSuccess(): ThrottleState {
  return { ...INITIAL_THROTTLE_STATE };
}
