// The adapter's send against the fake Bot API: the exact payloads, and each failure classified for the outbox worker.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { createTelegramChannel } from '../../../src/channels/telegram/index';
import { NetworkError, PlatformError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { rejectionOf, type FakeApi } from '../../helpers';
import { calls, REFUSALS, refuseFirst, SECRET, startFakeTelegram, telegramReply, TOKEN } from './fake';

const to = { conversationId: 'c1', userId: '5550001', lastInboundAt: null };
const options = () => ({ signal: AbortSignal.timeout(5_000), idempotencyKey: 'k' });

let fake: FakeApi;
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.reply = telegramReply;
});

function channel(apiRoot = fake.url) {
  return createTelegramChannel({ token: TOKEN, secret: SECRET, apiRoot, logger: silentLogger });
}

describe('Telegram send', () => {
  it('sends plain text (no parse_mode, no link previews) with choices as callback buttons', async () => {
    await channel().send({ text: 'Is this about you?', choices: [{ id: 'role:self', label: 'Me' }, { id: 'role:helper', label: 'Someone else' }] }, to, options());
    const [payload] = calls(fake, 'sendMessage');
    expect(fake.requests[0]!.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(payload).toEqual({
      chat_id: 5550001,
      text: 'Is this about you?',
      link_preview_options: { is_disabled: true },
      reply_markup: { inline_keyboard: [[{ text: 'Me', callback_data: 'role:self' }], [{ text: 'Someone else', callback_data: 'role:helper' }]] },
    });
    expect(payload).not.toHaveProperty('parse_mode');
  });

  it('sends text longer than 4096 characters as several messages, in order', async () => {
    await channel().send({ text: `${'a'.repeat(4000)}\n${'b'.repeat(4000)}`, choices: [{ id: 'human', label: 'Person' }] }, to, options());
    const sent = calls(fake, 'sendMessage');
    expect(sent.map((p) => p.text)).toEqual(['a'.repeat(4000), 'b'.repeat(4000)]);
    expect(sent[0]).not.toHaveProperty('reply_markup');
    expect(sent[1]!.reply_markup.inline_keyboard).toEqual([[{ text: 'Person', callback_data: 'human' }]]);
  });

  it('classifies 429 with its retry_after, and does not retry by itself', async () => {
    fake.reply = refuseFirst('sendMessage', REFUSALS.tooManyRequests);
    const error = await rejectionOf(channel().send({ text: 'x', choices: [] }, to, options()), 'the send');
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ status: 429, retryable: true, details: { retryAfter: 1 } });
    expect(calls(fake, 'sendMessage')).toHaveLength(1);
  });

  it('classifies a 5xx as a retryable platform error', async () => {
    fake.reply = refuseFirst('sendMessage', REFUSALS.internal);
    const error = await rejectionOf(channel().send({ text: 'x', choices: [] }, to, options()), 'the send');
    expect(error).toMatchObject({ name: 'PlatformError', status: 500, retryable: true });
  });

  it('marks "bot was blocked by the user" and "user is deactivated" as blocked', async () => {
    for (const description of ['Forbidden: bot was blocked by the user', 'Forbidden: user is deactivated']) {
      fake.reply = refuseFirst('sendMessage', { status: 403, json: { ok: false, error_code: 403, description } });
      const error = await rejectionOf(channel().send({ text: 'x', choices: [] }, to, options()), 'the send');
      expect(error, description).toMatchObject({ status: 403, retryable: false, details: { blocked: true } });
    }
  });

  it('gives other 4xx as final platform errors that carry no message text', async () => {
    fake.reply = refuseFirst('sendMessage', REFUSALS.badRequest);
    const error = (await rejectionOf(channel().send({ text: 'very private words', choices: [] }, to, options()), 'the send')) as PlatformError;
    expect(error).toMatchObject({ status: 400, retryable: false, details: { code: 400 } });
    expect(error.details.blocked).toBeUndefined();
    expect(error.message).toContain('chat not found');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('very private words');
  });

  it('gives a refused connection as a NetworkError with its cause', async () => {
    const port = await closedPort();
    const error = await rejectionOf(channel(`http://127.0.0.1:${port}`).send({ text: 'x', choices: [] }, to, options()), 'the send');
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeDefined();
    expect((error as Error).message).not.toContain(TOKEN);
  });

  it('honours the abort signal', async () => {
    fake.reply = () => new Promise(() => undefined);
    const controller = new AbortController();
    const sending = rejectionOf(channel().send({ text: 'x', choices: [] }, to, { signal: controller.signal, idempotencyKey: 'k' }), 'the send');
    await fake.waitFor((r) => r.path.endsWith('/sendMessage'));
    controller.abort();
    expect(await sending).toBeInstanceOf(NetworkError);
  });
});

/** A loopback port with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
