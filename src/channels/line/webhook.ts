// POST /webhooks/line: verify the signature on the raw body, parse, hand events to the engine, then answer.

import type { messagingApi } from '@line/bot-sdk';
import type { Ingest } from '../../core/channel';
import type { Logger } from '../../core/logger';
import { abortable } from './abortable';
import { classifyLineError } from './errors';
import { parseLineWebhook } from './parse';
import { parseJsonBody } from '../json';
import type { LineProfiles } from './profiles';
import { readBody } from '../read-body';
import { verifyLineSignature } from './signature';

/** What the webhook needs: the secret to verify with, a client for loading dots, profiles for locale hints. */
export interface LineWebhookOptions {
  channelSecret: string;
  client: Pick<messagingApi.MessagingApiClient, 'showLoadingAnimation'>;
  profiles: LineProfiles;
  logger: Logger;
  /** LINE allows 100 loading-animation calls a second per channel; beyond that we simply skip them. */
  loadingPerSecond?: number;
}

/** Seconds the "typing" dots show; LINE wants 5–60 in steps of 5, and they vanish when our message arrives. */
const LOADING_SECONDS = 5;

const json = (body: unknown, status: number) => Response.json(body, { status });

/** Builds the webhook handler. Acknowledges (200) only after `ingest` resolved; if it throws, so does this. */
export function createLineWebhook(options: LineWebhookOptions): (request: Request, ingest: Ingest) => Promise<Response> {
  const { channelSecret, client, profiles, logger } = options;
  const loadingGate = createRateGate(options.loadingPerSecond ?? 100);

  function showLoading(userId: string) {
    if (!loadingGate()) return;
    // Cosmetic: never awaited by the webhook, never allowed to fail it.
    abortable(() => client.showLoadingAnimation({ chatId: userId, loadingSeconds: LOADING_SECONDS }), AbortSignal.timeout(LOADING_SECONDS * 1000)).catch((error: unknown) => {
      logger.warn({ channel: 'line', error: classifyLineError(error, 'showLoadingAnimation').message }, 'loading animation failed');
    });
  }

  return async function webhook(request, ingest) {
    if (request.method !== 'POST') return json({ error: 'method not allowed' }, 405);
    const raw = await readBody(request);
    if (!raw) return json({ error: 'body too large' }, 413);
    if (!verifyLineSignature(raw, channelSecret, request.headers.get('x-line-signature'))) {
      logger.warn({ channel: 'line' }, 'webhook signature did not verify');
      return json({ error: 'invalid signature' }, 401);
    }
    const body = parseJsonBody(raw);
    if (!body.ok && body.reason === 'too_deep') {
      // Signed by LINE yet nested beyond any event it sends: nothing in it can be processed.
      logger.warn({ channel: 'line', reason: body.reason }, 'webhook body skipped');
      return json({}, 200);
    }
    if (!body.ok) return json({ error: 'body is not valid JSON' }, 400);
    const parsed = parseLineWebhook(body.value);
    if (!parsed) return json({ error: 'expected {"events": [...]}' }, 400);
    // Malformed events are acknowledged with the rest: a redelivery would be just as malformed.
    if (parsed.invalid.length > 0) logger.warn({ channel: 'line', skipped: parsed.invalid.length, reasons: parsed.invalid }, 'webhook events skipped');

    const inbound = parsed.items.flatMap((item) => (item.type === 'inbound' ? [item] : []));
    for (const item of parsed.items) if (item.type === 'unfollow') profiles.forget(item.userId);
    const loading = new Set(inbound.filter((item) => item.showLoading).map((item) => item.userId));
    for (const userId of loading) showLoading(userId);

    // The profile's language matters only for someone new to this process; it never holds the webhook long.
    const users = [...new Set(inbound.map((item) => item.userId))];
    const hints = new Map(await Promise.all(users.map(async (userId) => [userId, await profiles.localeHint(userId)] as const)));
    // In LINE's order (by its timestamps). Unfollow is LINE's definite word that the person blocked the account: the engine stops sending.
    const all = parsed.items.map((item) => {
      if (item.type === 'unfollow') return item.event;
      profiles.heardFrom(item.userId);
      const localeHint = hints.get(item.userId);
      return localeHint ? { ...item.event, localeHint } : item.event;
    });
    if (all.length > 0) await ingest(all);
    logger.debug({ channel: 'line', events: all.length, ignored: parsed.ignored, skipped: parsed.invalid.length }, 'webhook handled');
    return json({}, 200);
  };
}

/** A token bucket that says no instead of waiting. */
function createRateGate(perSecond: number): () => boolean {
  let tokens = perSecond;
  let last = Date.now();
  return () => {
    const now = Date.now();
    tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
