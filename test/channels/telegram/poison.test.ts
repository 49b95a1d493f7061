// Telegram updates that cannot be processed are acknowledged and skipped, and a hanging follow-up call never outlives its catch, on both databases.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../src/channels/telegram/index';
import { silentLogger } from '../../../src/core/logger';
import { DIALECTS, eventually, startFakeApi, startServer, type FakeApi, type TestServer } from '../../helpers';
import { calls, callbackUpdate, messageUpdate, methodOf, postUpdate, SECRET, startFakeTelegram, telegramEnv, telegramReply, textUpdate, TOKEN, type Person } from './fake';

async function inboundLines(server: TestServer, person: Person): Promise<string[] | undefined> {
  const conversation = await server.reclaim.store.db.selectFrom('conversations').select('id').where('channel', '=', 'telegram').where('user_id', '=', String(person.id)).executeTakeFirst();
  if (!conversation) return undefined;
  const rows = await server.reclaim.store.db.selectFrom('transcript').select('text').where('conversation_id', '=', conversation.id).where('direction', '=', 'in').execute();
  return rows.map((row) => row.text);
}

describe.each(DIALECTS)('Telegram poison updates on %s', (dialect) => {
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

  it('stores a U+0000 text cleaned and answers it', async () => {
    const ana: Person = { id: 7300001, language_code: 'en' };
    const response = await postUpdate(server.url, textUpdate(ana, 'hi\u0000 there\u0007'));
    expect(response.status).toBe(200);
    // Acknowledged on receipt: processed a moment later.
    expect(await eventually(() => inboundLines(server, ana))).toEqual(['hi there']);
    await eventually(() => calls(fake, 'sendMessage').some((p) => p.chat_id === ana.id), 10_000, 'an answer');
  });

  it('acknowledges malformed updates (no chat, no from, numeric language_code, non-string mime_type, deep nesting) and keeps serving', async () => {
    const people: Person[] = [1, 2, 3, 4, 5].map((n) => ({ id: 7300100 + n, language_code: 'en' }));
    const noChat = textUpdate(people[0]!, 'hello');
    delete (noChat.message as Record<string, unknown>).chat;
    const noFrom = callbackUpdate(people[1]!, 'role:self');
    delete (noFrom.callback_query as Record<string, unknown>).from;
    const numericLanguage = textUpdate(people[2]!, 'hello');
    ((numericLanguage.message as Record<string, any>).from as Record<string, unknown>).language_code = 42;
    const mime = messageUpdate(people[3]!, { document: { file_id: 'x', file_unique_id: 'y', mime_type: 7 } });
    const deep = `${JSON.stringify(textUpdate(people[4]!, 'hello')).slice(0, -1)},"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

    for (const update of [noChat, noFrom, numericLanguage, mime, deep]) {
      const response = await postUpdate(server.url, update);
      expect(response.status).toBe(200);
    }
    // The process is still serving the next person; once they are answered, nothing of the malformed ones was kept.
    const ben: Person = { id: 7300200, language_code: 'en' };
    expect((await postUpdate(server.url, textUpdate(ben, 'hello'))).status).toBe(200);
    expect(await eventually(() => inboundLines(server, ben))).toEqual(['hello']);
    for (const person of people) expect(await inboundLines(server, person)).toBeUndefined();
  });
});

describe('Telegram follow-up calls', () => {
  let hanging: FakeApi;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    // Answers every call but answerCallbackQuery and deleteMessage, which never get an answer.
    hanging = await startFakeApi((request) => (['answerCallbackQuery', 'deleteMessage'].includes(methodOf(request) ?? '') ? new Promise(() => undefined) : telegramReply(request)));
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await hanging.close();
  });
  afterEach(() => {
    unhandled.length = 0;
    hanging.requests.length = 0;
  });

  it('gives up on a hanging answerCallbackQuery and deleteMessage with a log line, never an unhandled rejection', async () => {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (fields: Record<string, unknown>) => void warnings.push(String(fields.call)) };
    const adapter = createTelegramChannel({ token: TOKEN, secret: SECRET, apiRoot: hanging.url, logger, followUpTimeoutMs: 200 });
    const ana: Person = { id: 7300300 };
    const request = (update: unknown) =>
      new Request('http://127.0.0.1/webhooks/telegram', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
    expect((await adapter.webhook!(request(callbackUpdate(ana, 'role:self')), async () => undefined)).status).toBe(200);
    expect((await adapter.webhook!(request(messageUpdate(ana, { photo: [{ file_id: 'a', file_unique_id: 'b', width: 1, height: 1 }] })), async () => undefined)).status).toBe(200);
    await eventually(() => warnings.length === 2, 5_000, 'both follow-ups to be given up');
    expect(warnings.sort()).toEqual(['answerCallbackQuery', 'deleteMessage']);
    await adapter.close!();
    // Give a stray rejection a turn of the event loop to surface.
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  });

  it('answers 200 to a callback query whose id is not a string, without calling Telegram', async () => {
    const adapter = createTelegramChannel({ token: TOKEN, secret: SECRET, apiRoot: hanging.url, logger: silentLogger, followUpTimeoutMs: 200 });
    const update = callbackUpdate({ id: 7300400 }, 'role:self');
    (update.callback_query as Record<string, unknown>).id = { nested: true };
    const response = await adapter.webhook!(
      new Request('http://127.0.0.1/webhooks/telegram', { method: 'POST', headers: { 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) }),
      async () => undefined,
    );
    expect(response.status).toBe(200);
    await adapter.close!();
    expect(hanging.requests).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
