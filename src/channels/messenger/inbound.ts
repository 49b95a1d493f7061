// Inbound mapping: Messenger webhook events become botbuilder Activities (channel id `facebook`, PSID as user and conversation).

import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import { z } from 'zod';
import { isPlausibleEventTime } from '../../core/events';
import { normalizeText } from '../../core/text';
import type { IncomingMessage, MessagingEvent, WebhookBody, WebhookEntry } from './types';

/** Bot Framework's channel id for Messenger. */
export const CHANNEL_ID = 'facebook';

/**
 * The payload of our Get Started button (set with `configureMessengerProfile`): the person
 * opened the conversation rather than typing into it.
 */
export const GET_STARTED_PAYLOAD = 'reclaim:get_started';

/** The webhook body was JSON but not the shape Meta sends. */
export class MalformedWebhookError extends Error {
  override name = 'MalformedWebhookError';
}

/** What a webhook body held: one Activity per event that a person made, and how many were ignored. */
export interface ParsedWebhook {
  activities: Partial<Activity>[];
  ignored: number;
  /** Events skipped because they are malformed or their time is not believable: only where they failed, never content. */
  invalid: string[];
}

const idSchema = z.string().max(256);
/**
 * The fields of a messaging event that Reclaim reads, as Meta documents them; all optional (receipts
 * and echoes lack most), but of the right type when present. Others pass through unread.
 */
const messagingSchema = z.looseObject({
  sender: z.looseObject({ id: idSchema.optional() }).optional(),
  recipient: z.looseObject({ id: idSchema.optional() }).optional(),
  timestamp: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  message: z
    .looseObject({
      mid: idSchema.optional(),
      text: z.string().optional(),
      is_echo: z.boolean().optional(),
      quick_reply: z.looseObject({ payload: z.string().optional() }).optional(),
      attachments: z.array(z.unknown()).optional(),
    })
    .optional(),
  postback: z.looseObject({ mid: idSchema.optional(), payload: z.string().optional() }).optional(),
});

/**
 * Turns a Page webhook body into Activities. Echoes of our own messages, delivery and read
 * receipts and event types we do not handle are counted as ignored; events of the wrong shape or
 * with an unbelievable timestamp are listed as invalid and skipped. Throws
 * MalformedWebhookError when the body is not a Page webhook at all.
 */
export function parseWebhook(body: WebhookBody, options: { serviceUrl: string; now: () => number }): ParsedWebhook {
  if (!Array.isArray(body.entry)) throw new MalformedWebhookError('entry must be an array');
  const activities: Partial<Activity>[] = [];
  const invalid: string[] = [];
  const receivedAt = options.now();
  let ignored = 0;
  for (const entry of body.entry as unknown[]) {
    if (!isObject(entry)) throw new MalformedWebhookError('entry items must be objects');
    const { messaging } = entry as WebhookEntry;
    // Entries without `messaging` (e.g. `standby` under the handover protocol) are not ours to answer.
    if (messaging === undefined) continue;
    if (!Array.isArray(messaging)) throw new MalformedWebhookError('entry.messaging must be an array');
    for (const event of messaging as unknown[]) {
      if (!isObject(event)) {
        ignored++;
        continue;
      }
      // Each event is checked on its own: one malformed event is skipped, never the whole body.
      const checked = messagingSchema.safeParse(event);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        invalid.push(issue ? `${issue.path.join('.') || 'event'}: ${issue.code}` : 'event: invalid');
        continue;
      }
      if (checked.data.timestamp !== undefined && !isPlausibleEventTime(toMilliseconds(checked.data.timestamp), receivedAt)) {
        invalid.push('timestamp: out of range');
        continue;
      }
      const activity = toActivity(checked.data as MessagingEvent, { ...options, now: () => receivedAt });
      if (activity) activities.push(activity);
      else ignored++;
    }
  }
  return { activities, ignored, invalid };
}

/** One messaging event as an Activity, or null when nobody asked us anything (echo, receipt, unknown). */
export function toActivity(event: MessagingEvent, options: { serviceUrl: string; now: () => number }): Partial<Activity> | null {
  const psid = event.sender?.id;
  const pageId = event.recipient?.id;
  if (typeof psid !== 'string' || !psid || typeof pageId !== 'string') return null;
  const base = {
    channelId: CHANNEL_ID,
    serviceUrl: options.serviceUrl,
    timestamp: new Date(eventTime(event.timestamp, options.now)),
    from: { id: psid, name: '', role: 'user' },
    recipient: { id: pageId, name: '', role: 'bot' },
    conversation: { id: psid, name: '', isGroup: false, conversationType: 'personal' },
  } satisfies Partial<Activity>;

  if (event.message && typeof event.message === 'object') return fromMessage(event.message, base);
  if (event.postback && typeof event.postback === 'object') {
    const payload = event.postback.payload;
    if (typeof payload !== 'string' || !payload) return null;
    // Postbacks have carried a `mid` since 2020; the fallback keeps older or odd deliveries deduplicable.
    const id = event.postback.mid || `postback:${psid}:${event.timestamp ?? ''}:${payload}`;
    if (payload === GET_STARTED_PAYLOAD) {
      return { ...base, id, type: ActivityTypes.ConversationUpdate, membersAdded: [base.from], channelData: { source: 'get_started' } };
    }
    return { ...base, id, type: ActivityTypes.Message, value: { payload }, channelData: { source: 'postback' } };
  }
  // delivery, read, reaction, referral, optin, …: nothing a person asked of us.
  return null;
}

function fromMessage(message: IncomingMessage, base: Partial<Activity>): Partial<Activity> | null {
  // Echoes are our own sends (and a Page admin's from the inbox) coming back.
  if (message.is_echo) return null;
  if (typeof message.mid !== 'string' || !message.mid) return null;
  const activity: Partial<Activity> = { ...base, id: message.mid, type: ActivityTypes.Message, channelData: { source: 'message' } };
  const payload = message.quick_reply?.payload;
  if (typeof payload === 'string' && payload) {
    return { ...activity, value: { payload }, channelData: { source: 'quick_reply' } };
  }
  if (Array.isArray(message.attachments) && message.attachments.length > 0) {
    // Only the kind of each attachment is kept: its URL stays in the request body and goes nowhere.
    const attachments: Attachment[] = message.attachments.map((a) => ({ contentType: isObject(a) ? attachmentKind(a, message) : 'unknown' }));
    return { ...activity, attachments };
  }
  if (typeof message.text === 'string') return { ...activity, text: normalizeText(message.text) };
  return activity;
}

function attachmentKind(attachment: { type?: string; payload?: { sticker_id?: number } | null }, message: IncomingMessage): string {
  // Stickers (the thumbs-up too) arrive as images carrying a sticker_id.
  if (attachment.payload?.sticker_id !== undefined || (message.sticker_id !== undefined && attachment.type === 'image')) return 'sticker';
  return typeof attachment.type === 'string' ? attachment.type : 'unknown';
}

/**
 * Messenger timestamps are epoch milliseconds; a few documented samples show seconds, so a
 * value too small to be milliseconds of this century is read as seconds.
 */
function eventTime(timestamp: unknown, now: () => number): number {
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp <= 0) return now();
  return toMilliseconds(timestamp);
}

function toMilliseconds(timestamp: number): number {
  return timestamp < 1e11 ? timestamp * 1000 : timestamp;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
