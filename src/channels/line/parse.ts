// Reads a verified LINE webhook body into InboundEvents; everything Reclaim does not handle is dropped here.

import { z } from 'zod';
import { isPlausibleEventTime, type InboundEvent, type InboundKind } from '../../core/events';
import { normalizeText } from '../../core/text';

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
  /** Events acknowledged and skipped because they are malformed or their time is not believable; only the reasons, never content. */
  invalid: string[];
}

/** Message types that are pictures of something: kindly refused, never downloaded. */
const MEDIA = new Set(['image', 'video']);

const id = z.string().min(1).max(128);

/**
 * The fields of a LINE webhook event that Reclaim reads, as LINE documents them; other fields
 * pass through unread. An event failing this is skipped on its own, never the whole body.
 */
const lineEventSchema = z.looseObject({
  type: z.string(),
  timestamp: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  mode: z.string().optional(),
  webhookEventId: id.optional(),
  replyToken: z.string().max(256).optional(),
  source: z.looseObject({ type: z.string(), userId: id.optional() }).optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
  message: z.looseObject({ type: z.string(), id: id.optional(), text: z.string().optional() }).optional(),
  postback: z.looseObject({ data: z.string() }).optional(),
});
type LineEvent = z.infer<typeof lineEventSchema>;

/**
 * Parses the JSON of a LINE webhook (`{ destination, events: [...] }`). Returns null when the
 * body is not that shape at all (answered 400). Events are ordered by `timestamp`, because LINE
 * may deliver them out of order. Only one-to-one chats (`source.type === "user"`) are handled:
 * Reclaim never talks about a person's images in a group. Events in `standby` mode belong to
 * another module channel and carry no reply token, so they are left alone too. An event whose
 * timestamp is malformed or not believable next to `receivedAt` (our clock) is skipped.
 */
export function parseLineWebhook(body: unknown, receivedAt: number = Date.now()): ParsedLineWebhook | null {
  if (!isObject(body) || !Array.isArray(body.events)) return null;
  const items: LineWebhookItem[] = [];
  const invalid: string[] = [];
  let ignored = 0;
  const events: LineEvent[] = [];
  for (const raw of body.events as unknown[]) {
    const checked = lineEventSchema.safeParse(raw);
    if (!checked.success) invalid.push(reasonOf(checked.error));
    else if (!isPlausibleEventTime(checked.data.timestamp, receivedAt)) invalid.push('timestamp: out of range');
    else events.push(checked.data);
  }
  events.sort((a, b) => a.timestamp - b.timestamp);
  for (const raw of events) {
    const item = parseEvent(raw, receivedAt);
    if (item) items.push(item);
    else ignored += 1;
  }
  return { items, ignored, invalid };
}

function parseEvent(raw: LineEvent, receivedAt: number): LineWebhookItem | null {
  const userId = raw.source?.type === 'user' ? raw.source.userId : undefined;
  if (!userId) return null;
  // LINE's clock may run a little ahead of ours; an event is never dated after it reached us.
  const at = Math.min(raw.timestamp, receivedAt);
  const base = { type: 'inbound', channel: 'line', userId, dedupeKey: `line:${dedupeId(raw, userId)}`, at, receivedAt } as const;
  if (raw.type === 'unfollow') return { type: 'unfollow', userId, event: { ...base, kind: 'left' } };
  if (raw.mode === 'standby') return null;

  const content = contentOf(raw);
  if (!content) return null;
  const event: InboundEvent = {
    ...base,
    kind: content.kind,
    ...(content.text !== undefined ? { text: content.text } : {}),
    ...(content.choiceId !== undefined ? { choiceId: content.choiceId } : {}),
  };
  // A redelivered event carries the original reply token, which may already be used or stale: push instead.
  if (raw.replyToken && raw.deliveryContext?.isRedelivery !== true) {
    event.reply = { token: raw.replyToken, expiresAt: at + REPLY_TOKEN_LIFETIME_MS };
  }
  return { type: 'inbound', event, userId, showLoading: raw.type !== 'follow' };
}

function contentOf(raw: LineEvent): { kind: InboundKind; text?: string; choiceId?: string } | null {
  switch (raw.type) {
    case 'follow':
      return { kind: 'start' };
    case 'postback': {
      const data = raw.postback?.data;
      return data ? { kind: 'choice', choiceId: data } : null;
    }
    case 'message': {
      const message = raw.message;
      if (!message) return null;
      if (message.type === 'text') return typeof message.text === 'string' ? { kind: 'text', text: normalizeText(message.text) } : null;
      // Only the arrival of media is recorded: its content stays on LINE's servers.
      if (MEDIA.has(message.type)) return { kind: 'media' };
      return { kind: 'unsupported' };
    }
    default:
      return null;
  }
}

/**
 * `webhookEventId` (a ULID, identical on redelivery); very old payloads lack it, so fall back to
 * what identifies the event, using LINE's timestamp (not ours) so a redelivery gives the same key.
 */
function dedupeId(raw: LineEvent, userId: string): string {
  if (raw.webhookEventId) return raw.webhookEventId;
  return raw.message?.id ? `message:${raw.message.id}` : `${raw.type}:${userId}:${raw.timestamp}`;
}

/** Where an event failed the schema (paths and codes only: the values may be what a person wrote). */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'event'}: ${issue.code}` : 'event: invalid';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
