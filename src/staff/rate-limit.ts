// Fixed-window counters per key, in the database (every instance counts together) or in memory: sign-in attempts, demo messages, link checks, partner calls.

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../store/database';

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

type MaybePromise<T> = T | Promise<T>;

/** Callers await every answer: the shared limiter asks the database, the in-memory one answers at once. */
export interface RateLimiter {
  /** Whether the key may act now, without counting. */
  check(key: string): MaybePromise<RateDecision>;
  /** Counts one event for the key if it is within the limit, and says whether it was. A refused event is not counted. */
  hit(key: string): MaybePromise<RateDecision>;
  /** Gives back one counted event (an attempt that turned out to be allowed, like a right password). */
  release(key: string): MaybePromise<void>;
  reset(key: string): MaybePromise<void>;
}

/** The in-memory limiter answers at once. */
export interface LocalRateLimiter extends RateLimiter {
  check(key: string): RateDecision;
  hit(key: string): RateDecision;
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
 * Creates a limiter in memory, so each instance counts on its own: for one process (tests, the
 * terminal chat). Behind several instances use `createSharedRateLimiter`.
 */
export function createRateLimiter(options: RateLimiterOptions): LocalRateLimiter {
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
      if (window.count >= options.limit) return { allowed: false, retryAfterMs: window.resetAt - at };
      window.count += 1;
      return { allowed: true, retryAfterMs: window.resetAt - at };
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

export interface SharedRateLimiterOptions {
  store: Store;
  /** Names the limit, so that one key under two limits (sign-ins per address, demo starts per address) counts twice. */
  name: string;
  limit: number;
  windowMs: number;
  now?: () => number;
}

/** Expired windows are swept at most this often by each instance. */
const SWEEP_EVERY_MS = 60_000;

/**
 * A limiter whose windows live in the `rate_limits` table, so N instances enforce one limit, not N.
 * Each hit is one atomic upsert that counts and answers at once: concurrent attempts on any
 * instance are serialised by the row, and no two of them can both take the last place. Keys are
 * stored as SHA-256 hashes: the table holds no address or e-mail, and rows go when their window ends.
 */
export function createSharedRateLimiter(options: SharedRateLimiterOptions): RateLimiter {
  const db = options.store.db;
  const now = options.now ?? Date.now;
  const { limit, windowMs } = options;
  let lastSweep = Number.NEGATIVE_INFINITY;
  const keyOf = (key: string) => createHash('sha256').update(`${options.name}\u0000${key}`).digest('hex');

  async function sweep(at: number) {
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    await db.deleteFrom('rate_limits').where('reset_at', '<=', at).execute();
  }

  return {
    async check(key) {
      const at = now();
      const row = await db.selectFrom('rate_limits').select(['count', 'reset_at']).where('key', '=', keyOf(key)).where('reset_at', '>', at).executeTakeFirst();
      if (!row || row.count < limit) return { allowed: true, retryAfterMs: 0 };
      return { allowed: false, retryAfterMs: Number(row.reset_at) - at };
    },
    async hit(key) {
      const at = now();
      await sweep(at);
      // A new or expired window starts at 1; a live one counts up to limit + 1 and stays there,
      // so "count > limit" means this very hit was refused and nothing was added for it.
      const row = await sql<{ count: number; reset_at: number | string }>`
        insert into rate_limits (key, count, reset_at) values (${keyOf(key)}, 1, ${at + windowMs})
        on conflict (key) do update set
          count = case when rate_limits.reset_at <= ${at} then 1
                       when rate_limits.count <= ${limit} then rate_limits.count + 1
                       else rate_limits.count end,
          reset_at = case when rate_limits.reset_at <= ${at} then ${at + windowMs} else rate_limits.reset_at end
        returning count, reset_at`.execute(db);
      const { count, reset_at } = row.rows[0]!;
      const retryAfterMs = Number(reset_at) - at;
      if (Number(count) <= limit) return { allowed: true, retryAfterMs };
      return { allowed: false, retryAfterMs };
    },
    async release(key) {
      const at = now();
      // A refused hit left the count at limit + 1; giving back a counted one brings it to the limit or under.
      await db
        .updateTable('rate_limits')
        .set((eb) => ({ count: sql<number>`case when ${eb.ref('count')} > ${limit} then ${limit - 1} else ${eb.ref('count')} - 1 end` }))
        .where('key', '=', keyOf(key))
        .where('reset_at', '>', at)
        .where('count', '>', 0)
        .execute();
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', keyOf(key)).execute();
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
