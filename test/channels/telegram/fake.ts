// A fake Telegram Bot API on loopback, plus Update fixtures shaped like the real ones and a webhook poster.

import { startFakeApi, type FakeApi, type FakeReply, type RecordedRequest } from '../../helpers';

export const TOKEN = '123456:TEST-token_abc';
export const SECRET = 'test-secret_0123456789';
export const BOT_ID = 123456;

/** The Bot API method of a recorded request (`/bot<token>/<method>`), or null for anything else. */
export function methodOf(request: RecordedRequest): string | null {
  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
  return match ? match[2]! : null;
}

/** Recorded calls of one method, their JSON payloads. */
export function calls(fake: FakeApi, method: string): Record<string, any>[] {
  return fake.requests.filter((r) => methodOf(r) === method).map((r) => r.json as Record<string, any>);
}

let nextMessageId = 1000;

/** How the real Bot API answers the calls Reclaim makes. Unknown methods and wrong tokens get Telegram's 404. */
export function telegramReply(request: RecordedRequest): FakeReply {
  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
  if (!match || match[1] !== TOKEN) return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } };
  const payload = (request.json ?? {}) as Record<string, any>;
  switch (match[2]) {
    case 'getMe':
      return ok({ id: BOT_ID, is_bot: true, first_name: 'Reclaim', username: 'ReclaimTestBot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false });
    case 'sendMessage':
      return ok({
        message_id: nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: payload.chat_id, type: 'private', first_name: 'Test' },
        from: { id: BOT_ID, is_bot: true, first_name: 'Reclaim' },
        text: payload.text,
        ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
      });
    case 'answerCallbackQuery':
    case 'deleteMessage':
    case 'setWebhook':
      return ok(true);
    default:
      return { status: 404, json: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
  }
}

function ok(result: unknown): FakeReply {
  return { json: { ok: true, result } };
}

/** Telegram's refusals, as the real API words them. */
export const REFUSALS = {
  tooManyRequests: { status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } },
  internal: { status: 500, json: { ok: false, error_code: 500, description: 'Internal Server Error' } },
  blocked: { status: 403, json: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } },
  badRequest: { status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } },
} satisfies Record<string, FakeReply>;

/** Starts the fake Bot API. */
export function startFakeTelegram(): Promise<FakeApi> {
  return startFakeApi(telegramReply);
}

/** Answers the first `times` calls of `method` with `refusal`, then as usual. */
export function refuseFirst(method: string, refusal: FakeReply, times = 1): (request: RecordedRequest) => FakeReply {
  let left = times;
  return (request) => {
    if (methodOf(request) === method && left > 0) {
      left -= 1;
      return refusal;
    }
    return telegramReply(request);
  };
}

/** Env that enables the Telegram channel against the fake. */
export function telegramEnv(fake: FakeApi): Record<string, string> {
  return { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: fake.url };
}

// ---- Update fixtures, shaped like what Telegram sends ----

let nextUpdateId = 700_000_000;
/** A fresh update_id, as Telegram's sequence would give. */
export function updateId(): number {
  return nextUpdateId++;
}

export interface Person {
  id: number;
  language_code?: string;
  first_name?: string;
}

function user(person: Person) {
  return { id: person.id, is_bot: false, first_name: person.first_name ?? 'Ana', ...(person.language_code ? { language_code: person.language_code } : {}) };
}

function privateChat(person: Person) {
  return { id: person.id, first_name: person.first_name ?? 'Ana', type: 'private' };
}

/** A message update in a private chat with the given content fields. */
export function messageUpdate(person: Person, content: Record<string, unknown>, messageId = 1): Record<string, unknown> {
  return { update_id: updateId(), message: { message_id: messageId, from: user(person), chat: privateChat(person), date: 1764000000, ...content } };
}

export function textUpdate(person: Person, text: string, messageId = 1): Record<string, unknown> {
  const entities = text.startsWith('/') ? [{ offset: 0, length: text.split(/\s/)[0]!.length, type: 'bot_command' }] : undefined;
  return messageUpdate(person, { text, ...(entities ? { entities } : {}) }, messageId);
}

export function callbackUpdate(person: Person, data: string, messageId = 1001): Record<string, unknown> {
  return {
    update_id: updateId(),
    callback_query: {
      id: `${person.id}${messageId}77`,
      from: user(person),
      message: { message_id: messageId, from: { id: BOT_ID, is_bot: true, first_name: 'Reclaim', username: 'ReclaimTestBot' }, chat: privateChat(person), date: 1764000001, text: 'Is this about you?' },
      chat_instance: '-8915346723',
      data,
    },
  };
}

export const PHOTO = {
  photo: [
    { file_id: 'AgACAgQAAxkBAAIBphotoSmall', file_unique_id: 'AQADsmall', file_size: 1234, width: 90, height: 67 },
    { file_id: 'AgACAgQAAxkBAAIBphotoLarge', file_unique_id: 'AQADlarge', file_size: 81234, width: 1280, height: 960 },
  ],
};
export const STICKER = { sticker: { file_id: 'CAACAgIAAxkBsticker', file_unique_id: 'AgADsticker', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '😀', set_name: 'Animals' } };
export const VOICE = { voice: { file_id: 'AwACAgQAAxkBvoice', file_unique_id: 'AgADvoice', duration: 3, mime_type: 'audio/ogg', file_size: 5123 } };
export const LOCATION = { location: { latitude: 13.7563, longitude: 100.5018 } };

/** Posts an update to the server's Telegram webhook, as Telegram does. */
export function postUpdate(baseUrl: string, update: unknown, secret: string | null = SECRET): Promise<Response> {
  return fetch(`${baseUrl}/webhooks/telegram`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body: typeof update === 'string' ? update : JSON.stringify(update),
  });
}
