// A fixed-window counter per key, kept in memory: login failures per account and per address, demo messages per address.

/** What a limiter says about a key. */
export interface RateDecision {
  allowed: boolean;
  /** Milliseconds until the window resets (for Retry-After). */
  retryAfterMs: number;
}

export interface RateLimiter {
  /** Whether the key may act now, without counting. */
  check(key: string): RateDecision;
  /** Counts one event for the key and says whether it was within the limit. */
  hit(key: string): RateDecision;
  reset(key: string): void;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Keys kept at most; the oldest windows are dropped first, so memory stays bounded under a flood. */
  maxKeys?: number;
}

/**
 * Creates a limiter. In memory, so each instance counts on its own: behind N instances an
 * attacker gets at most N times the limit, which scrypt's cost and the per-address limit still bound.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { count: number; resetAt: number }>();

  function current(key: string) {
    const at = now();
    const window = windows.get(key);
    if (window && window.resetAt > at) return window;
    if (window) windows.delete(key);
    return undefined;
  }

  return {
    check(key) {
      const window = current(key);
      if (!window || window.count < options.limit) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: window.resetAt - now() };
    },
    hit(key) {
      const at = now();
      let window = current(key);
      if (!window) {
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        window = { count: 0, resetAt: at + options.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { allowed: window.count <= options.limit, retryAfterMs: window.resetAt - at };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
