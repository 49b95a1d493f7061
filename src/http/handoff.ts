// POST /api/handoff/check: the hashing page learns at once whether its link still works; the link is never spent.

import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { checkHandoffToken } from '../engine/handoff-check';
import { createSharedRateLimiter, type RateLimiter } from '../staff/rate-limit';
import { clientIp } from '../staff/http-utils';
import type { Store } from '../store/database';

/** Checks per address: a page asks once when it opens, a few more on reloads; never enough to probe. */
export const HANDOFF_CHECK_LIMIT = { limit: 60, windowMs: 10 * 60_000 };
/** `{"token":"<43 characters>"}` is about 60 bytes. */
export const MAX_CHECK_BYTES = 1024;
/** Same rule as the submission schema: base64url, 16–128 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export interface HandoffRoutesOptions {
  store: Store;
  now?: () => number;
  /** Behind a proxy that sets X-Forwarded-For (TRUST_PROXY=1), the limit counts the person's address, not the proxy's. */
  trustProxy?: boolean;
  limiter?: RateLimiter;
}

/**
 * Mounts the check. The token travels in a POST body, never in a URL, so it reaches no access
 * log or Referer; nothing here logs it. Answers: 200 `{ok, expiresAt}`, 401 unknown, 410 used or expired.
 */
export function mountHandoffRoutes(app: Hono, options: HandoffRoutesOptions): void {
  const now = options.now ?? Date.now;
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY === '1';
  // In the database: the limit holds across instances, so probing through several of them gains nothing.
  const limiter = options.limiter ?? createSharedRateLimiter({ store: options.store, name: 'handoff:check', ...HANDOFF_CHECK_LIMIT, now });

  app.post(
    '/api/handoff/check',
    bodyLimit({ maxSize: MAX_CHECK_BYTES, onError: (c) => c.json({ ok: false, error: 'body: too large' }, 413) }),
    async (c) => {
      c.header('cache-control', 'no-store');
      const decision = await limiter.hit(clientIp(c, trustProxy));
      if (!decision.allowed) {
        c.header('retry-after', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
        return c.json({ ok: false, error: 'too many checks; try again later' }, 429);
      }
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
        return c.json({ ok: false, error: 'body: expected JSON' }, 415);
      }
      const token = readToken(await c.req.text());
      if (token === null) return c.json({ ok: false, error: 'body: expected {"token"} from the link' }, 400);

      const link = await checkHandoffToken(options.store.db, token, now());
      if (link.state === 'valid') return c.json({ ok: true, expiresAt: link.expiresAt });
      // `reason` is for the page; `error` says it in words, like every other refusal.
      if (link.state === 'unknown') return c.json({ ok: false, reason: 'unknown', error: 'token: not a link we issued' }, 401);
      return c.json({ ok: false, reason: link.state, error: `token: the link ${link.state === 'used' ? 'was used already' : 'has expired'}` }, 410);
    },
  );
}

/** The token of `{"token": "…"}` and nothing else, or null. */
function readToken(text: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const keys = Object.keys(body);
  const token = (body as { token?: unknown }).token;
  return keys.length === 1 && typeof token === 'string' && TOKEN_PATTERN.test(token) ? token : null;
}
