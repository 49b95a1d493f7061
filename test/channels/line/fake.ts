// A fake LINE platform on loopback: Messaging API routes with canned answers, signed webhook fixtures in LINE's own JSON shape.

import { createHmac, randomBytes } from 'node:crypto';
import { startFakeApi, type FakeApi, type FakeReply, type RecordedRequest } from '../../helpers';

export const LINE_SECRET = 'line-test-channel-secret';
export const LINE_TOKEN = 'line-test-access-token';

/** The Messaging API fake plus a second one standing in for the content (data) API, which must stay untouched. */
export interface FakeLine {
  api: FakeApi;
  data: FakeApi;
  /** Profile `language` per user; a user missing here has a profile without a language. */
  languages: Map<string, string>;
  /** Users whose profile answers 404 (blocked the account, or never added it). */
  gone: Set<string>;
  /** The environment that points a Reclaim at this fake. */
  env: Record<string, string>;
  /** LINE's default answer for a request, for tests that override `api.reply` for one route. */
  route(request: RecordedRequest): FakeReply;
  close(): Promise<void>;
}

export async function startFakeLine(): Promise<FakeLine> {
  const languages = new Map<string, string>();
  const gone = new Set<string>();
  const route = (request: RecordedRequest): FakeReply => {
    const path = request.path.split('?')[0] ?? '';
    if (request.method === 'POST' && (path === '/v2/bot/message/reply' || path === '/v2/bot/message/push')) {
      const messages = (request.json as { messages?: unknown[] } | undefined)?.messages ?? [];
      return { json: { sentMessages: messages.map((_, i) => ({ id: `${Date.now()}${i}`, quoteToken: randomBytes(8).toString('hex') })) } };
    }
    if (request.method === 'POST' && path === '/v2/bot/chat/loading/start') return { status: 202, json: {} };
    const profile = /^\/v2\/bot\/profile\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && profile) {
      const userId = decodeURIComponent(profile[1]!);
      if (gone.has(userId)) return { status: 404, json: { message: 'Not found' } };
      const language = languages.get(userId);
      return { json: { userId, displayName: 'Someone', pictureUrl: 'https://profile.line-scdn.net/x', ...(language ? { language } : {}) } };
    }
    return { status: 404, json: { message: 'Not found' } };
  };
  const api = await startFakeApi(route);
  const data = await startFakeApi(() => ({ status: 500, json: { message: 'content must never be fetched' } }));
  return {
    api,
    data,
    languages,
    gone,
    route,
    env: {
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
      LINE_API_BASE_URL: api.url,
      LINE_DATA_API_BASE_URL: data.url,
    },
    async close() {
      await api.close();
      await data.close();
    },
  };
}

/** A LINE user id: "U" and 32 hex digits. */
export function lineUserId(): string {
  return `U${randomBytes(16).toString('hex')}`;
}

/** A webhook event id: a 26-character ULID-like string, as LINE sends. */
export function webhookEventId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(randomBytes(26), (b) => alphabet[b % 32]).join('');
}

export interface EventOptions {
  id?: string;
  replyToken?: string | null;
  redelivery?: boolean;
  timestamp?: number;
  source?: Record<string, unknown>;
  mode?: 'active' | 'standby';
}

function base(userId: string, options: EventOptions) {
  return {
    webhookEventId: options.id ?? webhookEventId(),
    deliveryContext: { isRedelivery: options.redelivery ?? false },
    timestamp: options.timestamp ?? Date.now(),
    source: options.source ?? { type: 'user', userId },
    mode: options.mode ?? 'active',
    ...(options.replyToken === null ? {} : { replyToken: options.replyToken ?? randomBytes(16).toString('hex') }),
  };
}

const messageId = () => String(BigInt(`0x${randomBytes(6).toString('hex')}`));

/** Fixtures in the shape of LINE's webhook reference examples. */
export const lineEvents = {
  text: (userId: string, text: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'text', id: messageId(), quoteToken: randomBytes(12).toString('base64url'), text },
    ...base(userId, options),
  }),
  postback: (userId: string, data: string, options: EventOptions = {}) => ({ type: 'postback', postback: { data }, ...base(userId, options) }),
  image: (userId: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'image', id: messageId(), quoteToken: randomBytes(12).toString('base64url'), contentProvider: { type: 'line' } },
    ...base(userId, options),
  }),
  video: (userId: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'video', id: messageId(), duration: 60000, contentProvider: { type: 'line' } },
    ...base(userId, options),
  }),
  sticker: (userId: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'sticker', id: messageId(), quoteToken: randomBytes(12).toString('base64url'), stickerId: '52002734', packageId: '11537', stickerResourceType: 'ANIMATION', keywords: ['Party'] },
    ...base(userId, options),
  }),
  audio: (userId: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'audio', id: messageId(), duration: 4000, contentProvider: { type: 'line' } },
    ...base(userId, options),
  }),
  location: (userId: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'location', id: messageId(), title: 'somewhere', address: 'somewhere', latitude: 13.75, longitude: 100.5 },
    ...base(userId, options),
  }),
  file: (userId: string, options: EventOptions = {}) => ({
    type: 'message',
    message: { type: 'file', id: messageId(), fileName: 'a.pdf', fileSize: 2048 },
    ...base(userId, options),
  }),
  follow: (userId: string, options: EventOptions = {}) => ({ type: 'follow', follow: { isUnblocked: false }, ...base(userId, options) }),
  unfollow: (userId: string, options: EventOptions = {}) => ({ type: 'unfollow', ...base(userId, { ...options, replyToken: null }) }),
};

/** The whole webhook body LINE posts. */
export function callback(...events: unknown[]): string {
  return JSON.stringify({ destination: `U${'0'.repeat(32)}`, events });
}

/** X-Line-Signature for a body. */
export function sign(body: string | Buffer, secret: string = LINE_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** Posts a webhook body to a server, signed unless a signature (or null for none) is given. */
export function postWebhook(url: string, body: string, signature: string | null = sign(body)): Promise<Response> {
  return fetch(`${url}/webhooks/line`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-line-signature': signature }) },
    body,
  });
}

/** The webhook as a web-standard Request, for calling an adapter in process. */
export function webhookRequest(body: string, signature: string | null = sign(body)): Request {
  return new Request('http://reclaim.test/webhooks/line', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-line-signature': signature }) },
    body,
  });
}

/** Message sends (reply and push) the fake received, in order. */
export function sends(api: FakeApi): RecordedRequest[] {
  return api.requests.filter((r) => r.path === '/v2/bot/message/reply' || r.path === '/v2/bot/message/push');
}

export interface SentMessage {
  via: 'reply' | 'push';
  request: RecordedRequest;
  message: Record<string, unknown>;
}

/** Every LINE message object the fake received, flattened, with the request that carried it (only successful requests' bodies count as sent). */
export function sentMessages(api: FakeApi, to?: string): SentMessage[] {
  return sends(api).flatMap((request) => {
    const body = request.json as { to?: string; messages?: Record<string, unknown>[] };
    if (to && request.path.endsWith('/push') && body.to !== to) return [];
    return (body.messages ?? []).map((message) => ({ via: request.path.endsWith('/reply') ? ('reply' as const) : ('push' as const), request, message }));
  });
}

/** The postback data of a message's quick-reply items. */
export function quickReplyData(message: Record<string, unknown>): string[] {
  const items = (message.quickReply as { items?: { action?: { type?: string; data?: string } }[] } | undefined)?.items ?? [];
  return items.map((item) => item.action?.data ?? '');
}

/** Every URI action anywhere inside a message (flex button, template action). */
export function uriActions(value: unknown): { label?: string; uri: string }[] {
  if (Array.isArray(value)) return value.flatMap(uriActions);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'uri' && typeof record.uri === 'string' ? [record as { label?: string; uri: string }] : [];
  return [...own, ...Object.values(record).flatMap(uriActions)];
}

/** The text a message shows: a text message's text or a flex bubble's texts. */
export function messageText(message: Record<string, unknown>): string {
  if (typeof message.text === 'string' && message.type === 'text') return message.text;
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.type === 'text' && typeof record.text === 'string') texts.push(record.text);
    Object.values(record).forEach(walk);
  };
  walk(message.contents);
  return texts.join('\n');
}
