// End to end over HTTP: a whole Reclaim with the Telegram channel against the fake Bot API, on both databases.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, eventually, startServer, type FakeApi, type RecordedRequest, type TestServer } from '../../helpers';
import { callbackUpdate, calls, messageUpdate, methodOf, PHOTO, postUpdate, REFUSALS, refuseFirst, startFakeTelegram, telegramEnv, telegramReply, textUpdate, type Person } from './fake';

type Button = { text: string; callback_data?: string; url?: string };

function buttons(request: RecordedRequest): Button[] {
  const payload = request.json as { reply_markup?: { inline_keyboard: Button[][] } };
  return payload.reply_markup?.inline_keyboard.flat() ?? [];
}

function sentTo(fake: FakeApi, person: Person): Record<string, any>[] {
  return calls(fake, 'sendMessage').filter((p) => p.chat_id === person.id);
}

/** Waits for a message to `person` that offers `choiceId` as a button. */
function offered(fake: FakeApi, person: Person, choiceId: string): Promise<RecordedRequest> {
  return fake.waitFor((r) => methodOf(r) === 'sendMessage' && (r.json as { chat_id: number }).chat_id === person.id && buttons(r).some((b) => b.callback_data === choiceId));
}

async function conversationOf(server: TestServer, person: Person) {
  return server.reclaim.store.db.selectFrom('conversations').selectAll().where('channel', '=', 'telegram').where('user_id', '=', String(person.id)).executeTakeFirst();
}

function outboxOf(server: TestServer, person: Person) {
  return server.reclaim.store.db.selectFrom('outbox').select(['id', 'status', 'attempts']).where('channel', '=', 'telegram').where('user_id', '=', String(person.id)).orderBy('id').execute();
}

/** The number of messages queued for `person` once every one of them is sent, else undefined. */
async function allSent(server: TestServer, person: Person): Promise<number | undefined> {
  const rows = await outboxOf(server, person);
  return rows.length > 0 && rows.every((row) => row.status === 'sent') ? rows.length : undefined;
}

const PATH = ['role:self', 'minor:yes', 'age:13_15', 'content:yes', 'threat:no', 'copy:yes'];

describe.each(DIALECTS)('Telegram end to end on %s', (dialect) => {
  let fake: FakeApi;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    server = await startServer(telegramEnv(fake), { dialect });
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });

  it('walks from the first message to the hashing link by buttons', async () => {
    const ana: Person = { id: 7100001, language_code: 'en' };
    const first = await postUpdate(server.url, textUpdate(ana, 'hello'));
    expect(first.status).toBe(200);

    const role = await offered(fake, ana, 'role:self');
    expect(buttons(role).map((b) => b.callback_data)).toEqual(['role:self', 'role:helper']);
    expect(role.json).not.toHaveProperty('parse_mode');

    const callbackIds: string[] = [];
    let last = role;
    for (const [index, choice] of PATH.entries()) {
      const update = callbackUpdate(ana, choice, 2000 + index);
      callbackIds.push((update.callback_query as { id: string }).id);
      expect((await postUpdate(server.url, update)).status).toBe(200);
      const next = PATH[index + 1];
      if (next) last = await offered(fake, ana, next);
    }

    const handoff = await fake.waitFor((r) => methodOf(r) === 'sendMessage' && buttons(r).some((b) => b.url !== undefined));
    const link = buttons(handoff).find((b) => b.url)!;
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:1\/hash#t=[A-Za-z0-9_-]{43}/);
    expect(buttons(handoff).map((b) => b.callback_data).filter(Boolean)).toEqual(['handoff:new_link', 'human']);
    expect(buttons(last).map((b) => b.callback_data)).toContain('copy:yes');

    await eventually(() => calls(fake, 'answerCallbackQuery').length >= PATH.length, 10_000, 'every callback answered');
    expect(calls(fake, 'answerCallbackQuery').map((p) => p.callback_query_id).sort()).toEqual([...callbackIds].sort());
    expect(fake.requests.filter((r) => methodOf(r) === 'getMe' || methodOf(r) === 'getFile')).toEqual([]);
  });
});

describe('Telegram end to end: refusals and failures (sqlite)', () => {
  let fake: FakeApi;
  let server: TestServer;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    server = await startServer(telegramEnv(fake));
  });
  afterAll(async () => {
    await server?.close();
    await fake?.close();
  });
  afterEach(() => {
    fake.reply = telegramReply;
  });

  it('refuses a wrong or missing secret with 401 and records nothing', async () => {
    const eve: Person = { id: 7200001, language_code: 'en' };
    const update = textUpdate(eve, 'hello');
    expect((await postUpdate(server.url, update, 'not-the-secret')).status).toBe(401);
    expect((await postUpdate(server.url, update, null)).status).toBe(401);
    await server.reclaim.outbox.drain();
    expect(await conversationOf(server, eve)).toBeUndefined();
    const seen = await server.reclaim.store.db.selectFrom('processed_events').select('key').where('key', '=', `telegram:${update.update_id}`).execute();
    expect(seen).toEqual([]);
    expect(sentTo(fake, eve)).toEqual([]);
  });

  it('processes a redelivered update once', async () => {
    const bo: Person = { id: 7200002, language_code: 'en' };
    const update = textUpdate(bo, 'hello');
    expect((await postUpdate(server.url, update)).status).toBe(200);
    await offered(fake, bo, 'role:self');
    const rowsBefore = await eventually(() => allSent(server, bo), 10_000, 'the replies sent');
    const before = sentTo(fake, bo).length;
    expect(before).toBe(rowsBefore);
    expect((await postUpdate(server.url, update)).status).toBe(200);
    await server.reclaim.outbox.drain();
    expect(await outboxOf(server, bo)).toHaveLength(rowsBefore);
    expect(sentTo(fake, bo).length).toBe(before);
    const transcript = await server.reclaim.store.db.selectFrom('transcript').select('id').where('conversation_id', '=', (await conversationOf(server, bo))!.id).where('direction', '=', 'in').execute();
    expect(transcript).toHaveLength(1);
  });

  it('waits out a 429 and then delivers', async () => {
    const cy: Person = { id: 7200003, language_code: 'en' };
    fake.reply = refuseFirst('sendMessage', REFUSALS.tooManyRequests);
    expect((await postUpdate(server.url, textUpdate(cy, 'hello'))).status).toBe(200);
    await offered(fake, cy, 'role:self');
    const texts = sentTo(fake, cy).map((p) => p.text);
    // The refused message was sent again, unchanged.
    expect(texts[0]).toBe(texts[1]);
    await eventually(() => allSent(server, cy), 10_000, 'the replies sent');
    const rows = await outboxOf(server, cy);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('retries after a 500 and then delivers', async () => {
    const di: Person = { id: 7200004, language_code: 'en' };
    fake.reply = refuseFirst('sendMessage', REFUSALS.internal);
    expect((await postUpdate(server.url, textUpdate(di, 'hello'))).status).toBe(200);
    await offered(fake, di, 'role:self');
    await eventually(() => allSent(server, di), 10_000, 'the replies sent');
    const rows = await outboxOf(server, di);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks a person who blocked the bot unreachable and attempts nothing more', async () => {
    const ed: Person = { id: 7200005, language_code: 'en' };
    fake.reply = (r) => (methodOf(r) === 'sendMessage' && (r.json as { chat_id: number }).chat_id === ed.id ? REFUSALS.blocked : telegramReply(r));
    expect((await postUpdate(server.url, textUpdate(ed, 'hello'))).status).toBe(200);
    const conversation = await eventually(async () => {
      const row = await conversationOf(server, ed);
      return row?.unreachable === 1 ? row : undefined;
    }, 10_000, 'conversation marked unreachable');
    await server.reclaim.outbox.drain();
    const attempts = sentTo(fake, ed).length;
    expect(attempts).toBe(1);

    // A later message (a staff reply) is not even attempted.
    await server.reclaim.engine.handle({ type: 'staff', conversationId: conversation.id, action: 'reply', staffId: 'staff-1', text: 'Are you OK?', dedupeKey: 'staff:test:1', at: Date.now() });
    await server.reclaim.outbox.drain();
    const rows = await eventually(async () => {
      const all = await outboxOf(server, ed);
      return all.every((row) => row.status === 'failed') ? all : undefined;
    }, 10_000, 'every message given up');
    expect(rows.length).toBeGreaterThan(attempts);
    expect(sentTo(fake, ed).length).toBe(attempts);
  });

  it('deletes a photo sent into the chat and never fetches it', async () => {
    const fa: Person = { id: 7200006, language_code: 'en' };
    expect((await postUpdate(server.url, messageUpdate(fa, PHOTO, 4242))).status).toBe(200);
    const deletion = await fake.waitFor((r) => methodOf(r) === 'deleteMessage' && (r.json as { chat_id: number }).chat_id === fa.id);
    expect(deletion.json).toEqual({ chat_id: fa.id, message_id: 4242 });
    await eventually(() => sentTo(fake, fa).length > 0, 10_000, 'a reply to the photo');
    await server.reclaim.outbox.drain();
    expect(fake.requests.filter((r) => /getFile|\/file\//i.test(r.path))).toEqual([]);
    const transcript = await server.reclaim.store.db.selectFrom('transcript').select('text').where('conversation_id', '=', (await conversationOf(server, fa))!.id).where('direction', '=', 'in').execute();
    expect(JSON.stringify(transcript)).not.toContain('AgACAgQAAxkBAAIBphoto');
  });

  it('answers 400 to malformed JSON and 413 to an oversized body', async () => {
    expect((await postUpdate(server.url, '{"update_id": 5, "message": ')).status).toBe(400);
    const big = JSON.stringify(textUpdate({ id: 7200007 }, 'x'.repeat(1024 * 1024 + 10)));
    expect((await postUpdate(server.url, big)).status).toBe(413);
    expect(await conversationOf(server, { id: 7200007 })).toBeUndefined();
  });

  it('acknowledges a group chat message without a reply', async () => {
    const group = textUpdate({ id: 7200008 }, 'hello everyone');
    (group.message as Record<string, unknown>).chat = { id: -1007200008, title: 'Class', type: 'supergroup' };
    expect((await postUpdate(server.url, group)).status).toBe(200);
    await server.reclaim.outbox.drain();
    expect(await conversationOf(server, { id: -1007200008 })).toBeUndefined();
    expect(await conversationOf(server, { id: 7200008 })).toBeUndefined();
    expect(calls(fake, 'sendMessage').filter((p) => p.chat_id === -1007200008 || p.chat_id === 7200008)).toEqual([]);
  });
});
