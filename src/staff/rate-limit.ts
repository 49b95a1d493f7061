// Fixed-window counters per key, kept in memory: sign-in attempts per account and address, demo messages per address.

/**
 * Failed sign-ins allowed in 15 minutes before 429: per (account, address), so one place cannot keep
 * guessing one password, and per address, so one place cannot spray many accounts.
 */
export const LOGIN_LIMITS = { perAccountAddress: 5, perAddress: 20, windowMs: 15 * 60_000 } as const;

/**
 * The unit an address is limited by: an IPv4 address, or the /64 of an IPv6 one, since anyone given
 * an IPv6 network can use every address in it and would otherwise get a fresh limit per address.
 */
export function addressBucket(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.replace(/%.*$/, '').split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((group) => parseInt(group, 16));
  if (groups.length !== 8 || prefix.some((n) => !Number.isInteger(n) || n < 0 || n > 0xffff)) return ip;
  return `${prefix.map((n) => n.toString(16)).join(':')}::/64`;
}

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
  /** Gives back one counted event (an attempt that turned out to be allowed, like a right password). */
  release(key: string): void;
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
    release(key) {
      const window = current(key);
      if (window && window.count > 0) window.count -= 1;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

export interface SampledLogOptions {
  windowMs: number;
  now?: () => number;
  maxKeys?: number;
  /** Writes one line; `unlogged` says how many refusals of the key's previous window were not written. */
  write: (fields: Record<string, unknown>) => void;
}

/**
 * A log of refusals that writes the first one per key in each window and counts the rest, so a
 * flood of refused requests is one line per address per window instead of one line per request.
 */
export function createSampledLog(options: SampledLogOptions): { refused(key: string, fields: Record<string, unknown>): void } {
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, { until: number; unlogged: number }>();
  return {
    refused(key, fields) {
      const at = now();
      const window = windows.get(key);
      if (window && window.until > at) {
        window.unlogged += 1;
        return;
      }
      options.write({ ...fields, ...(window && window.unlogged > 0 ? { unlogged: window.unlogged } : {}) });
      windows.delete(key);
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
      windows.set(key, { until: at + options.windowMs, unlogged: 0 });
    },
  };
}
