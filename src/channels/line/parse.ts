// Reads a verified LINE webhook body into InboundEvents; everything Reclaim does not handle is dropped here.

import type { InboundEvent, InboundKind } from '../../core/events';

/** A reply token is good for about a minute; we stop trusting it well before that. */
export const REPLY_TOKEN_LIFETIME_MS = 50_000;

/** One thing a LINE event asks of us. */
export type LineWebhookItem =
  | { type: 'inbound'; event: InboundEvent; userId: string; showLoading: boolean }
  /** The person blocked (unfollowed) the account. */
  | { type: 'unfollow'; userId: string; event: InboundEvent };

/** A webhook body, read: what to do, and how much was left alone. */
export interface ParsedLineWebhook {
  items: LineWebhookItem[];
  /** Events acknowledged and ignored: groups, rooms, standby mode, types we do not handle. */
  ignored: number;
}

/** Message types that are pictures of something: kindly refused, never downloaded. */
const MEDIA = new Set(['image', 'video']);

/**
 * Parses the JSON of a LINE webhook (`{ destination, events: [...] }`). Returns null when the
 * body is not that shape at all (answered 400). Events are ordered by `timestamp`, because LINE
 * may deliver them out of order. Only one-to-one chats (`source.type === "user"`) are handled:
 * Reclaim never talks about a person's images in a group. Events in `standby` mode belong to
 * another module channel and carry no reply token, so they are left alone too.
 */
export function parseLineWebhook(body: unknown, receivedAt: number = Date.now()): ParsedLineWebhook | null {
  if (!isObject(body) || !Array.isArray(body.events)) return null;
  const items: LineWebhookItem[] = [];
  let ignored = 0;
  const events = body.events.filter(isObject).sort((a, b) => timestampOf(a, receivedAt) - timestampOf(b, receivedAt));
  ignored += body.events.length - events.length;
  for (const raw of events) {
    const item = parseEvent(raw, receivedAt);
    if (item) items.push(item);
    else ignored += 1;
  }
  return { items, ignored };
}

function parseEvent(raw: Record<string, unknown>, receivedAt: number): LineWebhookItem | null {
  const source = isObject(raw.source) ? raw.source : undefined;
  const userId = source?.type === 'user' && typeof source.userId === 'string' && source.userId ? source.userId : undefined;
  if (!userId) return null;
  if (raw.type === 'unfollow') {
    const at = timestampOf(raw, receivedAt);
    return { type: 'unfollow', userId, event: { type: 'inbound', channel: 'line', userId, dedupeKey: `line:${dedupeId(raw, userId, at)}`, kind: 'left', at } };
  }
  if (raw.mode === 'standby') return null;

  const content = contentOf(raw);
  if (!content) return null;
  const at = timestampOf(raw, receivedAt);
  const redelivered = isObject(raw.deliveryContext) && raw.deliveryContext.isRedelivery === true;
  const event: InboundEvent = {
    type: 'inbound',
    channel: 'line',
    userId,
    dedupeKey: `line:${dedupeId(raw, userId, at)}`,
    kind: content.kind,
    at,
    ...(content.text !== undefined ? { text: content.text } : {}),
    ...(content.choiceId !== undefined ? { choiceId: content.choiceId } : {}),
  };
  // A redelivered event carries the original reply token, which may already be used or stale: push instead.
  if (typeof raw.replyToken === 'string' && raw.replyToken && !redelivered) {
    event.reply = { token: raw.replyToken, expiresAt: at + REPLY_TOKEN_LIFETIME_MS };
  }
  return { type: 'inbound', event, userId, showLoading: raw.type !== 'follow' };
}

function contentOf(raw: Record<string, unknown>): { kind: InboundKind; text?: string; choiceId?: string } | null {
  switch (raw.type) {
    case 'follow':
      return { kind: 'start' };
    case 'postback': {
      const data = isObject(raw.postback) ? raw.postback.data : undefined;
      return typeof data === 'string' && data ? { kind: 'choice', choiceId: data } : null;
    }
    case 'message': {
      const message = isObject(raw.message) ? raw.message : undefined;
      if (!message || typeof message.type !== 'string') return null;
      if (message.type === 'text') return typeof message.text === 'string' ? { kind: 'text', text: message.text } : null;
      // Only the arrival of media is recorded: its content stays on LINE's servers.
      if (MEDIA.has(message.type)) return { kind: 'media' };
      return { kind: 'unsupported' };
    }
    default:
      return null;
  }
}

/** `webhookEventId` (a ULID, identical on redelivery); very old payloads lack it, so fall back to what identifies the event. */
function dedupeId(raw: Record<string, unknown>, userId: string, at: number): string {
  if (typeof raw.webhookEventId === 'string' && raw.webhookEventId) return raw.webhookEventId;
  const message = isObject(raw.message) && typeof raw.message.id === 'string' ? raw.message.id : '';
  return message ? `message:${message}` : `${String(raw.type)}:${userId}:${at}`;
}

function timestampOf(raw: Record<string, unknown>, fallback: number): number {
  return typeof raw.timestamp === 'number' && Number.isFinite(raw.timestamp) ? raw.timestamp : fallback;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
