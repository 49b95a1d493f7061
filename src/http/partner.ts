// The partner API: participating platforms page through the hash list and report matches and removals.

import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Store } from '../store/database';
import type { Logger } from '../core/logger';
import { PDQ_QUALITY_THRESHOLD } from '../core/limits';
import { notePartnerActivity, partnerForKey, partnerHashId, parsePartnerHashId, readFeed, sharedHash, type Partner } from '../engine/partners';
import { FEEDBACK, recordFeedback, type Feedback } from '../engine/cases';
import { EXCHANGE_TYPES, touchExchange } from '../engine/exchange';
import { createSharedRateLimiter, type RateLimiter } from '../staff/rate-limit';

export interface PartnerApiOptions {
  store: Store;
  logger: Logger;
  now?: () => number;
  /** Called after feedback committed, so the digest timer fires soon. */
  onFeedback?: () => void;
  /** Requests per partner; by default PARTNER_LIMIT, held in the database so every instance counts together. */
  limiter?: RateLimiter;
}

/** Requests a partner may make a minute: paging a large feed at 1000 a page is a few dozen. */
export const PARTNER_LIMIT = { limit: 600, windowMs: 60_000 } as const;

/** Signal types in the vocabulary of the hash-sharing programmes (StopNCII / ThreatExchange). */
const SIGNAL_TYPES: Record<string, string> = {
  'image/pdq': 'ImagePDQ',
  'image/md5': 'ImageMD5',
  'image/sha256': 'ImageSHA256',
  'video/md5': 'VideoMD5',
  'video/sha256': 'VideoSHA256',
  'video/vpdq': 'VideoPDQFrame',
};

/** StopNCII's feedback values, accepted alongside ours. */
const FEEDBACK_ALIASES: Record<string, Feedback> = { PendingReview: 'pending_review', Blocked: 'removed', NotBlocked: 'not_removed' };

const feedbackSchema = z.strictObject({
  hashId: z.string({ error: 'expected the hash id from the feed' }).min(1).max(64),
  status: z.enum([...FEEDBACK, ...Object.keys(FEEDBACK_ALIASES)] as [string, ...string[]], { error: `expected one of ${FEEDBACK.join(', ')}` }),
  note: z.string().max(500, 'at most 500 characters').optional(),
});

type Variables = { partner: Partner };

function auth(store: Store): MiddlewareHandler<{ Variables: Variables }> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const partner = match ? await partnerForKey(store.db, match[1]!) : null;
    if (!partner) {
      c.header('WWW-Authenticate', 'Bearer realm="reclaim-partner"');
      return c.json({ error: 'a valid partner API key is required (Authorization: Bearer <key>)' }, 401);
    }
    c.set('partner', partner);
    await next();
  };
}

/** Mounts `/api/partner/v1/*`. Nothing personal leaves here: no case numbers, conversations or channel ids. */
export function mountPartnerApi(app: Hono, options: PartnerApiOptions): void {
  const { store } = options;
  const now = options.now ?? Date.now;
  const api = app.basePath('/api/partner/v1') as unknown as Hono<{ Variables: Variables }>;
  api.use('*', auth(store));
  const limiter = options.limiter ?? createSharedRateLimiter({ store, name: 'partner', ...PARTNER_LIMIT, now });
  api.use('*', async (c, next) => {
    const decision = await limiter.hit(c.get('partner').id);
    if (!decision.allowed) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
      return c.json({ error: `too many requests: at most ${PARTNER_LIMIT.limit} a minute per partner; try again later` }, 429);
    }
    await next();
  });

  api.get('/hashes', async (c) => {
    const partner = c.get('partner');
    const afterRaw = c.req.query('after') ?? c.req.query('nextPageToken') ?? '0';
    const limitRaw = c.req.query('limit') ?? c.req.query('pageSize') ?? '1000';
    if (!/^\d{1,15}$/.test(afterRaw)) return c.json({ error: 'after: expected the cursor from a previous page' }, 400);
    if (!/^\d{1,4}$/.test(limitRaw) || Number(limitRaw) < 1 || Number(limitRaw) > 1000) return c.json({ error: 'limit: expected a whole number from 1 to 1000' }, 400);
    const after = Number(afterRaw);
    const limit = Number(limitRaw);
    const rows = await readFeed(store.db, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const records = page.map((r) => ({
      id: partnerHashId(partner, r.id),
      signalType: SIGNAL_TYPES[`${r.media_type}/${r.signal_type}`] ?? `${r.media_type}/${r.signal_type}`,
      hashValue: r.value,
      hashStatus: r.op === 'add' ? 'Active' : 'Withdrawn',
      ...(r.quality !== null ? { quality: r.quality, lowQuality: r.quality < PDQ_QUALITY_THRESHOLD } : {}),
      lastModtimestamp: Math.floor(r.at / 1000),
    }));
    const nextCursor = String(last ? last.seq : after);
    await notePartnerActivity(store.db, partner.id, 'fetch', now());
    if (c.req.query('format') === 'tsv') {
      // One signal a line, as hash-matching tools import a bank: type, value, status.
      const body = records.map((r) => `${r.signalType}\t${r.hashValue}\t${r.hashStatus}\t${r.id}`).join('\n');
      return c.text(body ? body + '\n' : '', 200, { 'x-next-cursor': nextCursor, 'x-has-more': String(rows.length > limit) });
    }
    return c.json({
      count: records.length,
      hashRecords: records,
      nextCursor,
      nextPageToken: nextCursor,
      hasMoreRecords: rows.length > limit,
    });
  });

  api.post(
    '/feedback',
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.json({ error: 'body: too large' }, 413) }),
    async (c) => {
      const partner = c.get('partner');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'body: expected JSON' }, 400);
      }
      const parsed = feedbackSchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const field = issue.code === 'unrecognized_keys' ? issue.keys[0] ?? 'body' : issue.path.join('.') || 'body';
        return c.json({ error: `${field}: ${issue.code === 'unrecognized_keys' ? 'not accepted' : issue.message}`, field }, 400);
      }
      const hashId = parsePartnerHashId(partner, parsed.data.hashId);
      if (hashId === null) return c.json({ error: 'hashId: not a hash id issued to you', field: 'hashId' }, 404);
      // A demo case's hash is unknown to partners, even by a guessed id.
      const hash = await sharedHash(store.db, hashId);
      if (!hash) return c.json({ error: 'hashId: unknown', field: 'hashId' }, 404);
      const status = FEEDBACK_ALIASES[parsed.data.status] ?? (parsed.data.status as Feedback);
      await store.db.transaction().execute(async (tx) => {
        await recordFeedback(tx, { caseId: hash.case_id, hashId, partnerId: partner.id, source: 'partner', status, note: parsed.data.note ?? null, at: now() });
        // The exchange's record of this hash carries every platform's latest feedback: it changed.
        const exchanged = EXCHANGE_TYPES[`${hash.media_type}/${hash.signal_type}`];
        if (exchanged) await touchExchange(tx, store.dialect, [{ signalType: exchanged, hashValue: hash.value }], now());
      });
      await notePartnerActivity(store.db, partner.id, 'feedback', now());
      options.onFeedback?.();
      return c.json({ ok: true, hashId: parsed.data.hashId, status }, 202);
    },
  );
}
