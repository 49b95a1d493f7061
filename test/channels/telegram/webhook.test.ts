// The webhook in process: secret first, limits, parsing, acknowledgement only after ingest, follow-ups after that.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramChannel } from '../../../src/channels/telegram/index';
import type { ChannelAdapter } from '../../../src/core/channel';
import type { InboundEvent } from '../../../src/core/events';
import { silentLogger } from '../../../src/core/logger';
import { eventually, type FakeApi } from '../../helpers';
import { callbackUpdate, calls, messageUpdate, methodOf, PHOTO, SECRET, startFakeTelegram, telegramReply, textUpdate, TOKEN } from './fake';

const ana = { id: 5550001, language_code: 'th' };
const URL_ = 'http://127.0.0.1/webhooks/telegram';

let fake: FakeApi;
let adapter: ChannelAdapter;
let ingested: InboundEvent[][];
const ingest = async (events: InboundEvent[]) => {
  ingested.push(events);
};

beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.reply = telegramReply;
  ingested = [];
  adapter = createTelegramChannel({ token: TOKEN, secret: SECRET, apiRoot: fake.url, logger: silentLogger, now: () => 42 });
});

function request(body: unknown, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': SECRET }, method = 'POST'): Request {
  return new Request(URL_, { method, headers: { 'content-type': 'application/json', ...headers }, ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
}

describe('Telegram webhook', () => {
  it('refuses a missing or wrong secret with 401 before reading the body', async () => {
    for (const headers of [{} as Record<string, string>, { 'x-telegram-bot-api-secret-token': 'wrong' }, { 'x-telegram-bot-api-secret-token': `${SECRET}x` }]) {
      const req = request(textUpdate(ana, 'hi'), headers);
      const res = await adapter.webhook!(req, ingest);
      expect(res.status).toBe(401);
      expect(req.bodyUsed).toBe(false);
    }
    expect(ingested).toEqual([]);
  });

  it('answers 405 to anything but POST', async () => {
    expect((await adapter.webhook!(request(null, { 'x-telegram-bot-api-secret-token': SECRET }, 'GET'), ingest)).status).toBe(405);
  });

  it('answers 400 to malformed JSON and to JSON that is not an update', async () => {
    expect((await adapter.webhook!(request('{"update_id": 1,'), ingest)).status).toBe(400);
    expect((await adapter.webhook!(request({ message: {} }), ingest)).status).toBe(400);
    expect(ingested).toEqual([]);
  });

  it('answers 413 to a body over 1 MB, declared or streamed', async () => {
    const big = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(1024 * 1024) } });
    expect((await adapter.webhook!(request(big), ingest)).status).toBe(413);
    const streamed = new Request(URL_, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': SECRET },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.headers.get('content-length')).toBeNull();
    expect((await adapter.webhook!(streamed, ingest)).status).toBe(413);
    expect(ingested).toEqual([]);
  });

  it('acknowledges only after ingest resolved', async () => {
    let committed = false;
    let commit!: () => void;
    const commitGate = new Promise<void>((resolve) => (commit = resolve));
    let answered = false;
    let entered = false;
    const pending = adapter.webhook!(request(textUpdate(ana, 'hello')), async (events) => {
      entered = true;
      await commitGate;
      ingested.push(events);
      committed = true;
    }).then((res) => ((answered = true), res));
    // The update reached ingest, which is held: no answer may come until it resolves.
    await eventually(() => entered, 5_000, 'ingest to be entered');
    expect(answered).toBe(false);
    commit();
    const res = await pending;
    expect(committed).toBe(true);
    expect(res.status).toBe(200);
    expect(ingested[0]).toEqual([expect.objectContaining({ kind: 'text', text: 'hello', localeHint: 'th', at: 42 })]);
  });

  it('lets an ingest failure through (the app answers 503) and makes no follow-up call', async () => {
    const failing = async () => {
      throw new Error('store down');
    };
    await expect(adapter.webhook!(request(callbackUpdate(ana, 'role:self')), failing)).rejects.toThrow('store down');
    await expect(adapter.webhook!(request(messageUpdate(ana, PHOTO)), failing)).rejects.toThrow('store down');
    await adapter.close!();
    expect(fake.requests).toEqual([]);
  });

  it('answers every callback query once the choice is committed', async () => {
    const update = callbackUpdate(ana, 'minor:yes');
    let answeredBeforeCommit = false;
    const res = await adapter.webhook!(request(update), async (events) => {
      // An early call would already be in flight: close() waits for every follow-up started so far.
      await adapter.close!();
      answeredBeforeCommit = calls(fake, 'answerCallbackQuery').length > 0;
      ingested.push(events);
    });
    expect(res.status).toBe(200);
    const answer = await fake.waitFor((r) => methodOf(r) === 'answerCallbackQuery');
    expect(answer.json).toEqual({ callback_query_id: (update.callback_query as { id: string }).id });
    expect(answeredBeforeCommit).toBe(false);
    expect(ingested[0]![0]).toMatchObject({ kind: 'choice', choiceId: 'minor:yes' });
  });

  it('deletes a photo from the chat and never asks for the file', async () => {
    const res = await adapter.webhook!(request(messageUpdate(ana, PHOTO, 77)), ingest);
    expect(res.status).toBe(200);
    const deletion = await fake.waitFor((r) => methodOf(r) === 'deleteMessage');
    expect(deletion.json).toEqual({ chat_id: 5550001, message_id: 77 });
    await adapter.close!();
    expect(fake.requests.map(methodOf)).toEqual(['deleteMessage']);
    expect(ingested[0]![0]).toMatchObject({ kind: 'media' });
  });

  it('acknowledges a group message without an event or a call', async () => {
    const update = textUpdate(ana, 'hello all');
    (update.message as Record<string, unknown>).chat = { id: -1001234, title: 'Class', type: 'supergroup' };
    const res = await adapter.webhook!(request(update), ingest);
    expect(res.status).toBe(200);
    await adapter.close!();
    expect(ingested).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('logs a failed follow-up instead of failing the webhook', async () => {
    fake.reply = () => ({ status: 400, json: { ok: false, error_code: 400, description: 'Bad Request: query is too old and response timeout expired or query ID is invalid' } });
    const lines: string[] = [];
    const logger = { ...silentLogger, warn: (fields: Record<string, unknown>, message: string) => void lines.push(JSON.stringify({ ...fields, message })) };
    const withLog = createTelegramChannel({ token: TOKEN, secret: SECRET, apiRoot: fake.url, logger });
    const res = await withLog.webhook!(request(callbackUpdate(ana, 'role:self')), ingest);
    expect(res.status).toBe(200);
    await withLog.close!();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('answerCallbackQuery');
    expect(lines[0]).not.toContain(TOKEN);
  });
});
