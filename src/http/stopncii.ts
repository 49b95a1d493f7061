// The exchange as StopNCII speaks it: `FetchHashes` and `SubmitFeedback`, so a platform's Hasher-Matcher-Actioner subscribes with its existing StopNCII exchange.

import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Store } from '../store/database';
import { notePartnerActivity, partnerForExchangeKeys, type Partner } from '../engine/partners';
import { FEEDBACK_VALUES, FetchRequestError, readExchangePage, recordExchangeFeedback } from '../engine/exchange';
import { createSharedRateLimiter, type RateLimiter } from '../staff/rate-limit';
import { PARTNER_LIMIT } from './partner';

/** Where the exchange lives; the `base_url` of a partner's HMA credentials is the public origin plus this. */
export const EXCHANGE_PATH = '/api/stopncii/v1';

/** Records a page may hold; HMA asks for 800. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 800;
/** Feedback items in one request, and the body that carries them. */
const MAX_FEEDBACKS = 1000;
const MAX_FEEDBACK_BYTES = 256 * 1024;

export interface ExchangeApiOptions {
  store: Store;
  now?: () => number;
  /** Called after feedback committed, so the digest timer fires soon. */
  onFeedback?: () => void;
  /** Shared with /api/partner/v1 by default: a partner's requests count together, on every instance. */
  limiter?: RateLimiter;
}

/** The credential line HMA's StopNCII exchange takes: `fetch_function_key,subscription_key,base_url`. */
export function hmaCredentials(key: string, subscriptionKey: string, publicBaseUrl: string): string {
  return `${key},${subscriptionKey},${exchangeBaseUrl(publicBaseUrl)}`;
}

/** The exchange's base URL for a public origin (no trailing slash: the client joins it with "/"). */
export function exchangeBaseUrl(publicBaseUrl: string): string {
  return publicBaseUrl.replace(/\/+$/, '') + EXCHANGE_PATH;
}

const feedbackSchema = z.strictObject({
  count: z.number({ error: 'expected the number of hashFeedbacks' }).int().min(0),
  hashFeedbacks: z
    .array(
      z.strictObject({
        hashValue: z.string({ error: 'expected the hash value from FetchHashes' }).regex(/^[0-9A-Fa-f]{32}$|^[0-9A-Fa-f]{64}$/, 'expected a hex MD5 (32) or PDQ (64) value'),
        feedbackValue: z.enum(FEEDBACK_VALUES, { error: `expected one of ${FEEDBACK_VALUES.join(', ')}` }),
        tags: z.array(z.string().max(100), { error: 'expected a list of strings' }).max(20).optional(),
        signalType: z.enum(['ImagePDQ', 'VideoMD5'], { error: 'expected ImagePDQ or VideoMD5' }).optional(),
      }),
      { error: 'expected a list' },
    )
    .max(MAX_FEEDBACKS, `at most ${MAX_FEEDBACKS} a request`),
});

type Variables = { partner: Partner };

/** Both headers HMA's client sends, matched to one partner whose key is not revoked. */
function auth(store: Store): MiddlewareHandler<{ Variables: Variables }> {
  return async (c, next) => {
    const functionKey = c.req.header('x-functions-key') ?? '';
    const subscriptionKey = c.req.header('ocp-apim-subscription-key') ?? '';
    const partner = functionKey && subscriptionKey ? await partnerForExchangeKeys(store.db, functionKey, subscriptionKey) : null;
    if (!partner) {
      const missing = !functionKey ? 'x-functions-key' : !subscriptionKey ? 'Ocp-Apim-Subscription-Key' : null;
      const error = missing ? `${missing}: required (the keys from \`reclaim partner add\`)` : 'x-functions-key, Ocp-Apim-Subscription-Key: not a valid pair of partner keys';
      return c.json({ statusCode: 401, error }, 401);
    }
    c.set('partner', partner);
    await next();
  };
}

/** Mounts `FetchHashes` and `SubmitFeedback` under EXCHANGE_PATH. Nothing personal leaves: case ids are per-partner MACs. */
export function mountExchangeApi(app: Hono, options: ExchangeApiOptions): void {
  const { store } = options;
  const now = options.now ?? Date.now;
  const api = app.basePath(EXCHANGE_PATH) as unknown as Hono<{ Variables: Variables }>;
  api.use('*', auth(store));
  const limiter = options.limiter ?? createSharedRateLimiter({ store, name: 'partner', ...PARTNER_LIMIT, now });
  api.use('*', async (c, next) => {
    const decision = await limiter.hit(c.get('partner').id);
    if (!decision.allowed) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
      return c.json({ statusCode: 429, error: `too many requests: at most ${PARTNER_LIMIT.limit} a minute per partner; try again later` }, 429);
    }
    await next();
  });

  api.get('/FetchHashes', async (c) => {
    const partner = c.get('partner');
    const start = c.req.query('startTimestamp');
    const size = c.req.query('pageSize') ?? String(DEFAULT_PAGE_SIZE);
    if (start === undefined || !/^\d{1,12}$/.test(start)) return c.json({ statusCode: 400, error: 'startTimestamp: expected whole seconds since 1970 (0 or more)', field: 'startTimestamp' }, 400);
    if (!/^\d{1,4}$/.test(size) || Number(size) < 1 || Number(size) > MAX_PAGE_SIZE) return c.json({ statusCode: 400, error: `pageSize: expected a whole number from 1 to ${MAX_PAGE_SIZE}`, field: 'pageSize' }, 400);
    const token = c.req.query('nextPageToken');
    try {
      const page = await readExchangePage(store.db, partner, { startTimestamp: Number(start), pageSize: Number(size), nextPageToken: token || undefined });
      await notePartnerActivity(store.db, partner.id, 'fetch', now());
      return c.json(page);
    } catch (error) {
      if (error instanceof FetchRequestError) return c.json({ statusCode: 400, error: error.message, field: error.field }, 400);
      throw error;
    }
  });

  api.post(
    '/SubmitFeedback',
    bodyLimit({ maxSize: MAX_FEEDBACK_BYTES, onError: (c) => c.json({ statusCode: 413, error: 'body: too large' }, 413) }),
    async (c) => {
      const partner = c.get('partner');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ statusCode: 400, error: 'body: expected JSON', field: 'body' }, 400);
      }
      const parsed = feedbackSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
        const field = issue.code === 'unrecognized_keys' ? [path, issue.keys[0]].filter(Boolean).join('.') : path || 'body';
        return c.json({ statusCode: 400, error: `${field}: ${issue.code === 'unrecognized_keys' ? 'not accepted' : issue.message}`, field }, 400);
      }
      const { count, hashFeedbacks } = parsed.data;
      if (count !== hashFeedbacks.length) return c.json({ statusCode: 400, error: `count: expected ${hashFeedbacks.length}, the number of hashFeedbacks`, field: 'count' }, 400);
      const at = now();
      const outcome = await store.db.transaction().execute((tx) => recordExchangeFeedback(tx, store.dialect, partner, hashFeedbacks, at));
      await notePartnerActivity(store.db, partner.id, 'feedback', at);
      if (outcome.recorded > 0) options.onFeedback?.();
      return c.json({ count, ...outcome });
    },
  );
}
