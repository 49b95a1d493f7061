// The Messenger channel: webhook (handshake, signature, parse, ingest) and send, over our botbuilder MessengerAdapter.

import type { InboundEvent } from '../../core/events';
import type { Logger } from '../../core/logger';
import type { ChannelAdapter, Ingest } from '../../core/channel';
import { conversationReference, MessengerAdapter, SIGNAL_KEY } from './adapter';
import { createGraphClient } from './graph-client';
import { toInboundEvent } from './activity-to-event';
import { MalformedWebhookError, parseWebhook, type ParsedWebhook } from './inbound';
import { toActivities } from './outbound';
import { parseJsonBody } from '../json';
import { MAX_WEBHOOK_BYTES, readBody } from '../read-body';
import type { WebhookBody } from './types';
import { checkSignature, handshake } from './verify';
import { messagingTypeFor, STANDARD_WINDOW_MS } from './window';

/** Webhook bodies above this are refused with 413 before the signature is even computed. */
export const MAX_BODY_BYTES = MAX_WEBHOOK_BYTES;

export interface MessengerChannelOptions {
  /** Signs every webhook POST (X-Hub-Signature-256). */
  appSecret: string;
  /** Sends as the Page. Never logged. */
  pageAccessToken: string;
  /** Our half of the subscription handshake. */
  verifyToken: string;
  /** Graph's origin; tests point it at a loopback fake. Defaults to https://graph.facebook.com. */
  graphApiUrl?: string | undefined;
  logger: Logger;
  /** The clock for the 24-hour window. */
  now?: () => number;
  fetch?: typeof fetch;
}

/** The Messenger ChannelAdapter, with its botbuilder adapter for proactive turns and middleware. */
export interface MessengerChannel extends ChannelAdapter {
  readonly bot: MessengerAdapter;
}

/** Creates the Messenger channel. Nothing is fetched until a message is sent. */
export function createMessengerChannel(options: MessengerChannelOptions): MessengerChannel {
  const { appSecret, verifyToken, logger } = options;
  const now = options.now ?? Date.now;
  const graph = createGraphClient({ graphApiUrl: options.graphApiUrl, pageAccessToken: options.pageAccessToken, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const bot = new MessengerAdapter(graph);

  async function receive(request: Request, ingest: Ingest): Promise<Response> {
    const raw = await readBody(request, MAX_BODY_BYTES);
    if (raw === null) return plain('Payload Too Large', 413);
    const signature = checkSignature(raw, request.headers.get('x-hub-signature-256'), appSecret);
    if (signature !== 'valid') {
      logger.warn({ channel: 'messenger', signature }, 'webhook signature rejected');
      return plain(signature === 'missing' ? 'Unauthorized' : 'Forbidden', signature === 'missing' ? 401 : 403);
    }
    const json = parseJsonBody(raw);
    if (!json.ok && json.reason === 'too_deep') {
      // Signed by Meta yet nested beyond any event it sends: nothing in it can be processed.
      logger.warn({ channel: 'messenger', reason: json.reason }, 'webhook body skipped');
      return plain('EVENT_RECEIVED', 200);
    }
    if (!json.ok) return plain('Bad Request: body is not JSON', 400);
    const body = json.value;
    const receivedAt = now();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return plain('Bad Request: body is not an object', 400);
    // Meta's own webhook sample answers 404 to anything that is not a Page subscription.
    if ((body as WebhookBody).object !== 'page') return plain('Not Found: not a page subscription', 404);
    let parsed: ParsedWebhook;
    try {
      parsed = parseWebhook(body as WebhookBody, { serviceUrl: graph.baseUrl, now: () => receivedAt });
    } catch (error) {
      if (error instanceof MalformedWebhookError) return plain(`Bad Request: ${error.message}`, 400);
      throw error;
    }
    // Malformed events are acknowledged with the rest: a redelivery would be just as malformed.
    if (parsed.invalid.length > 0) logger.warn({ channel: 'messenger', skipped: parsed.invalid.length, reasons: parsed.invalid }, 'webhook events skipped');
    const events: InboundEvent[] = [];
    for (const activity of parsed.activities) {
      await bot.processActivity(activity, async (context) => {
        const event = toInboundEvent(context.activity, receivedAt);
        if (event) events.push(event);
      });
    }
    // Acknowledged only once the engine has committed every event; a failure here answers 5xx and Meta redelivers.
    if (events.length > 0) await ingest(events);
    logger.debug({ channel: 'messenger', events: events.length, ignored: parsed.ignored }, 'webhook processed');
    return plain('EVENT_RECEIVED', 200);
  }

  return {
    name: 'messenger',
    bot,
    capabilities: {
      maxChoices: 13,
      maxLabelLength: 20,
      deletesMedia: false,
      replyTokens: false,
      messagingWindowMs: STANDARD_WINDOW_MS,
      // Send API: 300 calls/s per Page for text; stay under it.
      ratePerSecond: 250,
    },
    async webhook(request, ingest) {
      if (request.method === 'GET') return handshake(new URL(request.url), verifyToken);
      if (request.method !== 'POST') return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, POST' } });
      return receive(request, ingest);
    },
    async send(message, to, options) {
      // Throws a held PlatformError outside the window: the outbox waits for the person's next message.
      const messaging = messagingTypeFor(to.lastInboundAt, Boolean(message.fromStaff), now());
      const activities = toActivities(message, messaging);
      await bot.continueConversation(conversationReference(to.userId, graph.baseUrl), async (context) => {
        context.turnState.set(SIGNAL_KEY, options.signal);
        await context.sendActivities(activities);
      });
    },
  };
}

function plain(text: string, status: number): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
