// LINE end to end: signed webhooks into a whole Reclaim, answers out through the fake Messaging API, on SQLite and PostgreSQL.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, eventually, startServer, type DialectName, type TestServer } from '../../helpers';
import {
  callback,
  lineEvents,
  lineUserId,
  messageText,
  postWebhook,
  quickReplyData,
  sends,
  sentMessages,
  sign,
  startFakeLine,
  uriActions,
  type FakeLine,
  type SentMessage,
} from './fake';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WALK: [choiceId: string, next: string | null][] = [
  ['role:self', 'minor:yes'],
  ['minor:yes', 'age:13_15'],
  ['age:13_15', 'content:yes'],
  ['content:yes', 'threat:no'],
  ['threat:no', 'copy:yes'],
  ['copy:yes', null],
];

let fake: FakeLine;
let server: TestServer;

async function start(dialect: DialectName = 'sqlite') {
  fake = await startFakeLine();
  server = await startServer(fake.env, { dialect });
}
afterEach(async () => {
  await server?.close();
  await fake?.close();
});

/** Waits for a message to `user` that matches. */
function messageTo(user: string, predicate: (m: SentMessage) => boolean, what: string): Promise<SentMessage> {
  return eventually(() => sentMessages(fake.api).find((m) => isFor(m, user) && predicate(m)), 10_000, what);
}
/** A reply request carries no user id, but its token is one we gave out for that user. */
const tokensOf = new Map<string, string>();
function isFor(m: SentMessage, user: string): boolean {
  const body = m.request.json as { to?: string; replyToken?: string };
  return m.via === 'push' ? body.to === user : tokensOf.get(body.replyToken ?? '') === user;
}
async function post(...events: { replyToken?: string; source?: unknown; [key: string]: unknown }[]) {
  for (const event of events) {
    const user = (event.source as { userId?: string } | undefined)?.userId;
    if (event.replyToken && user) tokensOf.set(event.replyToken, user);
  }
  const response = await postWebhook(server.url, callback(...events));
  expect(response.status).toBe(200);
}
async function conversationOf(user: string) {
  return server.reclaim.store.db.selectFrom('conversations').selectAll().where('channel', '=', 'line').where('user_id', '=', user).executeTakeFirst();
}

describe.each(DIALECTS)('LINE end to end on %s', (dialect) => {
  beforeEach(() => start(dialect));

  it('walks from the first message to the hashing link by postbacks, replying once per event and pushing the rest', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'en');
    const first = lineEvents.text(user, 'hi');
    await post(first);
    const role = await messageTo(user, (m) => quickReplyData(m.message).includes('role:self'), 'the role question');
    expect(quickReplyData(role.message)).toEqual(['role:self', 'role:helper']);

    const tokens = [first.replyToken];
    let last: SentMessage = role;
    for (const [choiceId, next] of WALK) {
      const tap = lineEvents.postback(user, choiceId);
      tokens.push(tap.replyToken);
      await post(tap);
      last = next
        ? await messageTo(user, (m) => quickReplyData(m.message).includes(next), `the step offering ${next}`)
        : await messageTo(user, (m) => uriActions(m.message).length > 0, 'the hashing link');
      // Every button of every step is a postback whose data is the choice id, its label within LINE's 20.
      const items = (last.message.quickReply as { items: { action: { type: string; data: string; label: string } }[] }).items;
      expect(items.every((i) => i.action.type === 'postback' && i.action.label.length <= 20 && i.action.data.length > 0)).toBe(true);
    }

    const [link] = uriActions(last.message);
    expect(link!.uri.startsWith('http://127.0.0.1:1/hash#t=')).toBe(true);
    expect(quickReplyData(last.message)).toContain('handoff:new_link');
    expect(messageText(last.message)).toMatch(/fingerprint/i);

    await server.reclaim.outbox.drain();
    const requests = sends(fake.api);
    // The first event's first answer went out on its reply token...
    expect(requests[0]!.path).toBe('/v2/bot/message/reply');
    expect((requests[0]!.json as { replyToken: string }).replyToken).toBe(first.replyToken);
    // ...and every event's reply token was used exactly once, for its first answer; everything else was pushed.
    const replies = requests.filter((r) => r.path.endsWith('/reply')).map((r) => (r.json as { replyToken: string }).replyToken);
    expect(replies).toEqual(tokens);
    const pushes = requests.filter((r) => r.path.endsWith('/push'));
    expect(pushes.length).toBeGreaterThan(0);
    for (const push of pushes) {
      expect((push.json as { to: string }).to).toBe(user);
      expect(push.headers['x-line-retry-key']).toMatch(UUID);
    }
    expect(new Set(pushes.map((p) => p.headers['x-line-retry-key'])).size).toBe(pushes.length);

    // The profile was asked for once; the dots showed while we worked; the content API was never touched.
    expect(fake.api.requests.filter((r) => r.path === `/v2/bot/profile/${user}`)).toHaveLength(1);
    expect(fake.api.requests.some((r) => r.path === '/v2/bot/chat/loading/start' && (r.json as { chatId: string }).chatId === user)).toBe(true);
    expect(fake.data.requests).toEqual([]);
    expect((await conversationOf(user))?.locale).toBe('en');
  });
});

describe('LINE end to end', () => {
  beforeEach(() => start());

  it('answers 401 to a forged signature and records nothing', async () => {
    const body = callback(lineEvents.text(lineUserId(), 'hi'));
    expect((await postWebhook(server.url, body, sign(body, 'forged-secret'))).status).toBe(401);
    expect((await postWebhook(server.url, body, null)).status).toBe(401);
    expect(await server.reclaim.store.db.selectFrom('conversations').selectAll().execute()).toEqual([]);
    expect(await server.reclaim.store.db.selectFrom('processed_events').selectAll().execute()).toEqual([]);
    expect(fake.api.requests).toEqual([]);
  });

  it('answers 400 to a malformed body and 413 to an oversized one', async () => {
    expect((await postWebhook(server.url, '{"events": [')).status).toBe(400);
    expect((await postWebhook(server.url, '{"destination":"U0"}')).status).toBe(400);
    const huge = callback(lineEvents.text(lineUserId(), 'x'.repeat(1024 * 1024 + 10)));
    expect((await postWebhook(server.url, huge)).status).toBe(413);
    expect(await server.reclaim.store.db.selectFrom('conversations').selectAll().execute()).toEqual([]);
  });

  it('processes a redelivered event once', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'en');
    const event = lineEvents.text(user, 'hi');
    await post(event);
    await messageTo(user, (m) => quickReplyData(m.message).includes('role:self'), 'the role question');
    await server.reclaim.outbox.drain();
    const sent = sends(fake.api).length;

    await post({ ...event, deliveryContext: { isRedelivery: true } });
    await server.reclaim.outbox.drain();
    const conversation = await conversationOf(user);
    const inbound = await server.reclaim.store.db.selectFrom('transcript').selectAll().where('conversation_id', '=', conversation!.id).where('direction', '=', 'in').execute();
    expect(inbound).toHaveLength(1);
    expect(sends(fake.api)).toHaveLength(sent);
  });

  it('pushes, rather than using its token, the answer to an event LINE marks as redelivered', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'en');
    const event = lineEvents.text(user, 'hi', { redelivery: true });
    await post(event);
    const answer = await messageTo(user, () => true, 'an answer');
    expect(answer.via).toBe('push');
    await server.reclaim.outbox.drain();
    expect(sends(fake.api).filter((r) => r.path.endsWith('/reply'))).toEqual([]);
  });

  for (const [status, headers] of [
    [429, { 'retry-after': '1' }],
    [500, {}],
  ] as const) {
    it(`retries a push refused with ${status} with the same X-Line-Retry-Key until it goes through`, async () => {
      const user = lineUserId();
      fake.languages.set(user, 'en');
      let refused = 0;
      fake.api.reply = (r) => {
        if (r.path.endsWith('/push') && refused === 0) {
          refused += 1;
          return { status, json: { message: status === 429 ? 'Too many requests' : 'Internal server error' }, headers };
        }
        return fake.route(r);
      };
      await post(lineEvents.text(user, 'hi', { redelivery: true }));
      const pushes = () => fake.api.requests.filter((r) => r.path.endsWith('/push'));
      await eventually(() => pushes().length >= 2, 15_000, 'the retried push');
      const [failed, retried] = pushes();
      expect(failed!.headers['x-line-retry-key']).toMatch(UUID);
      expect(retried!.headers['x-line-retry-key']).toBe(failed!.headers['x-line-retry-key']);
      expect(retried!.body).toBe(failed!.body);
      await eventually(async () => {
        const rows = await server.reclaim.store.db.selectFrom('outbox').select(['status', 'attempts']).orderBy('id').execute();
        return rows[0]?.status === 'sent' ? rows[0] : undefined;
      }).then((row) => expect(row.attempts).toBe(2));
    });
  }

  it('marks a person who blocked the account unreachable at their unfollow, and pushes nothing more to them', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'en');
    await post(lineEvents.text(user, 'hi'));
    await messageTo(user, (m) => quickReplyData(m.message).includes('role:self'), 'the role question');
    await server.reclaim.outbox.drain();

    await post(lineEvents.unfollow(user));
    fake.gone.add(user);
    const conversation = await conversationOf(user);
    expect(conversation?.unreachable).toBe(1);
    await server.reclaim.engine.handle({ type: 'staff', action: 'reply', conversationId: conversation!.id, staffId: 'staff-1', text: 'Are you still there?', dedupeKey: `staff:${user}`, at: Date.now() });
    await server.reclaim.outbox.drain();
    expect(sentMessages(fake.api).filter((m) => messageText(m.message) === 'Are you still there?')).toEqual([]);
  });

  it('answers an image kindly and never fetches it', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'en');
    const image = lineEvents.image(user);
    await post(image);
    const expected = server.reclaim.translator.t('en', 'media.never_send');
    const answer = await messageTo(user, (m) => messageText(m.message) === expected, 'the kind refusal');
    expect(answer.via).toBe('reply');
    await server.reclaim.outbox.drain();
    expect(fake.data.requests).toEqual([]);
    expect(fake.api.requests.filter((r) => r.path.includes('/content') || r.path.includes(image.message.id))).toEqual([]);
  });

  it('answers a sticker with "text only" and the same choices again', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'en');
    await post(lineEvents.text(user, 'hi'));
    await messageTo(user, (m) => quickReplyData(m.message).includes('role:self'), 'the role question');
    await post(lineEvents.sticker(user));
    const textOnly = server.reclaim.translator.t('en', 'common.text_only');
    await messageTo(user, (m) => messageText(m.message) === textOnly, 'the text-only note');
    await eventually(() => sentMessages(fake.api).filter((m) => isFor(m, user) && quickReplyData(m.message).includes('role:self')).length >= 2, 10_000, 'the role question again');
  });

  it('speaks Thai to someone whose LINE profile says th', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'th');
    const hello = lineEvents.text(user, 'สวัสดี');
    await post(hello);
    const first = await messageTo(user, (m) => m.via === 'reply', 'the first answer');
    expect((first.request.json as { replyToken: string }).replyToken).toBe(hello.replyToken);
    expect(messageText(first.message)).toMatch(/[\u0E00-\u0E7F]/);
    expect((await conversationOf(user))?.locale).toBe('th');
  });

  it('greets someone who adds the account, asking for a language when the profile has none', async () => {
    const user = lineUserId();
    const follow = lineEvents.follow(user);
    await post(follow);
    const greeting = await messageTo(user, (m) => quickReplyData(m.message).includes('lang:en'), 'the language question');
    expect(quickReplyData(greeting.message)).toEqual(expect.arrayContaining(['lang:en', 'lang:th']));
    expect(fake.api.requests.some((r) => r.path === '/v2/bot/chat/loading/start')).toBe(false);
  });
});
