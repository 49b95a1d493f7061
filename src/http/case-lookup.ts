// A case checked without the chat: case number and PIN open its status and let it be withdrawn; and the platforms taking part, for the pages.

import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/database';
import { isCaseNumber } from '../core/case-number';
import { readCaseNumber, readPin } from '../engine/case-pin';
import { CASE_PAGE, FEEDBACK, setCaseStatus } from '../engine/cases';
import { participatingPlatforms } from '../engine/partners';
import { DUMMY_HASH, verifyPassword } from '../staff/passwords';
import { addressBucket, createSharedRateLimiter, type RateLimiter } from '../staff/rate-limit';
import { clientIp } from '../staff/http-utils';

/**
 * Attempts in 15 minutes: per case number, so nobody can work through one case's PINs from many
 * places; per address, so one place cannot try many cases. A right answer gives its attempts back.
 */
export const LOOKUP_LIMITS = { perCase: 5, perAddress: 20, windowMs: 15 * 60_000 } as const;

/** The one answer for "no such case" and "wrong PIN": a guesser learns nothing from it. */
const NO_MATCH = 'caseNumber, pin: no case matches that number and PIN';

export interface CaseLookupOptions {
  store: Store;
  now?: () => number;
  trustProxy?: boolean;
  perCase?: RateLimiter;
  perAddress?: RateLimiter;
}

/** What the case page shows: the case's state and each platform's latest report, by the names people read. */
export interface CaseView {
  caseNumber: string;
  status: string;
  createdAt: number;
  reports: { platform: string; status: string; at: number }[];
}

/** Mounts `GET /api/platforms`, `POST /api/cases/lookup` and `POST /api/cases/withdraw`. */
export function mountCaseLookup(app: Hono, options: CaseLookupOptions): void {
  const { store } = options;
  const now = options.now ?? Date.now;
  const trustProxy = options.trustProxy ?? process.env.TRUST_PROXY === '1';
  const perCase = options.perCase ?? createSharedRateLimiter({ store, name: 'case:lookup:case', limit: LOOKUP_LIMITS.perCase, windowMs: LOOKUP_LIMITS.windowMs, now });
  const perAddress = options.perAddress ?? createSharedRateLimiter({ store, name: 'case:lookup:address', limit: LOOKUP_LIMITS.perAddress, windowMs: LOOKUP_LIMITS.windowMs, now });

  // Public: which platforms take part is what the programme says about itself.
  app.get('/api/platforms', async (c) => c.json({ platforms: await participatingPlatforms(store.db) }));

  /** The case the body names, when its PIN is right; otherwise the response to send. */
  async function open(c: Context): Promise<{ id: string; caseNumber: string } | Response> {
    c.header('cache-control', 'no-store');
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = await c.req.json();
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return c.json({ error: 'body: expected JSON {"caseNumber", "pin"}', field: 'body' }, 400);
    }
    const extra = Object.keys(body).find((k) => k !== 'caseNumber' && k !== 'pin');
    if (extra) return c.json({ error: `${extra}: not accepted`, field: extra }, 400);
    const caseNumber = readCaseNumber(body.caseNumber, isCaseNumber);
    if (!caseNumber) return c.json({ error: 'caseNumber: expected the case number, like ABCD-EFGH', field: 'caseNumber' }, 400);
    const pin = readPin(body.pin);
    if (!pin) return c.json({ error: 'pin: expected the 8-digit PIN', field: 'pin' }, 400);

    // Counted whether or not the case exists, so the limit itself says nothing about it.
    const address = addressBucket(clientIp(c, trustProxy));
    const byAddress = await perAddress.hit(address);
    const byCase = byAddress.allowed ? await perCase.hit(caseNumber) : byAddress;
    if (!byAddress.allowed || !byCase.allowed) {
      if (byAddress.allowed) await perAddress.release(address);
      const wait = Math.max(byAddress.retryAfterMs, byCase.allowed ? 0 : byCase.retryAfterMs);
      c.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
      return c.json({ error: 'too many tries; try again later' }, 429);
    }
    const found = await store.db.selectFrom('cases').select(['id', 'pin_hash']).where('case_number', '=', caseNumber).executeTakeFirst();
    // The same scrypt work for a case that does not exist or has no PIN: no answer comes back faster.
    const right = await verifyPassword(pin, found?.pin_hash ?? DUMMY_HASH);
    if (!found?.pin_hash || !right) return c.json({ error: NO_MATCH }, 404);
    await perCase.release(caseNumber);
    await perAddress.release(address);
    return { id: found.id, caseNumber };
  }

  const small = bodyLimit({ maxSize: 1024, onError: (c) => c.json({ error: 'body: too large' }, 413) });

  app.post('/api/cases/lookup', small, async (c) => {
    const opened = await open(c);
    if (opened instanceof Response) return opened;
    return c.json(await caseView(store, opened.id));
  });

  app.post('/api/cases/withdraw', small, async (c) => {
    const opened = await open(c);
    if (opened instanceof Response) return opened;
    // The person's chat hears of it through the case news, told once and in order with the rest.
    await store.db.transaction().execute((tx) => setCaseStatus(tx, store.dialect, opened.id, 'withdrawn', now(), CASE_PAGE));
    return c.json(await caseView(store, opened.id));
  });
}

async function caseView(store: Store, caseId: string): Promise<CaseView> {
  const found = await store.db.selectFrom('cases').select(['case_number', 'status', 'created_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await store.db
    .selectFrom('case_events as e')
    .leftJoin('partners as p', 'p.id', 'e.partner_id')
    .select((eb) => ['e.status', 'e.at', eb.fn.coalesce('p.display_name', 'p.name', 'e.note').as('platform')])
    .where('e.case_id', '=', caseId)
    .where('e.status', 'in', [...FEEDBACK])
    .orderBy('e.id')
    .execute();
  const latest = new Map<string, CaseView['reports'][number]>();
  for (const e of events) if (e.platform) latest.set(e.platform, { platform: e.platform, status: e.status, at: Number(e.at) });
  return { caseNumber: found.case_number, status: found.status, createdAt: Number(found.created_at), reports: [...latest.values()] };
}
