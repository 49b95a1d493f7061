// LINE send against the fake API: reply or push, retry keys, and every failure classified for the outbox.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineChannel } from '../../../src/channels/line/index';
import { batchRetryKey } from '../../../src/channels/line/send';
import type { ChannelAdapter, Recipient, SendOptions } from '../../../src/core/channel';
import { NetworkError, PlatformError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import type { RenderedMessage } from '../../../src/core/messages';
import { LINE_SECRET, LINE_TOKEN, lineUserId, sends, startFakeLine, type FakeLine } from './fake';

let fake: FakeLine;
let adapter: ChannelAdapter;
let to: Recipient;

beforeEach(async () => {
  fake = await startFakeLine();
  adapter = createLineChannel({ channelSecret: LINE_SECRET, accessToken: LINE_TOKEN, apiBaseUrl: fake.api.url, dataApiBaseUrl: fake.data.url, logger: silentLogger });
  to = { conversationId: 'c1', userId: lineUserId(), lastInboundAt: Date.now() };
});
afterEach(async () => {
  await adapter.close?.();
  await fake.close();
});

const KEY = '5f0b6bd2-46b1-4a7e-a1a5-30ac9c0d8e11';
const message: RenderedMessage = { text: 'Is this about you?', choices: [{ id: 'role:self', label: "It's about me" }] };
const options = (extra: Partial<SendOptions> = {}): SendOptions => ({ signal: AbortSignal.timeout(5_000), idempotencyKey: KEY, ...extra });
const pushes = () => fake.api.requests.filter((r) => r.path === '/v2/bot/message/push');
const profiles = () => fake.api.requests.filter((r) => r.path.startsWith('/v2/bot/profile/'));
const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (error: unknown) => error);

describe('LINE send', () => {
  it('uses a fresh reply token and nothing else', async () => {
    await adapter.send(message, to, options({ replyToken: 'r-token' }));
    expect(sends(fake.api).map((r) => [r.path, r.json])).toEqual([
      ['/v2/bot/message/reply', { replyToken: 'r-token', messages: [expect.objectContaining({ type: 'text', text: 'Is this about you?' })] }],
    ]);
    expect(profiles()).toEqual([]);
  });

  it('pushes with the idempotency key as X-Line-Retry-Key when there is no reply token', async () => {
    await adapter.send(message, to, options());
    const [push] = pushes();
    expect(push?.headers['x-line-retry-key']).toBe(KEY);
    expect(push?.headers.authorization).toBe(`Bearer ${LINE_TOKEN}`);
    expect(push?.json).toMatchObject({ to: to.userId, messages: [{ type: 'text' }] });
  });

  it('falls back to push when LINE refuses the reply token', async () => {
    fake.api.reply = (r) => (r.path.endsWith('/reply') ? { status: 400, json: { message: 'Invalid reply token' } } : fake.route(r));
    await adapter.send(message, to, options({ replyToken: 'stale' }));
    expect(sends(fake.api).map((r) => r.path)).toEqual(['/v2/bot/message/reply', '/v2/bot/message/push']);
    expect(pushes()[0]?.headers['x-line-retry-key']).toBe(KEY);
  });

  it('does not push after a reply refused for another reason', async () => {
    fake.api.reply = (r) => (r.path.endsWith('/reply') ? { status: 400, json: { message: 'The request body has 1 error(s)' } } : fake.route(r));
    const error = await failure(adapter.send(message, to, options({ replyToken: 'fresh' })));
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).retryable).toBe(false);
    expect(pushes()).toEqual([]);
  });

  it('treats 409 on a push as success: LINE already accepted that retry key', async () => {
    fake.api.reply = (r) => (r.path.endsWith('/push') ? { status: 409, json: { message: 'The retry key is already accepted' } } : fake.route(r));
    await expect(adapter.send(message, to, options())).resolves.toBeUndefined();
  });

  it('reports 429 with LINE’s Retry-After, or without one', async () => {
    fake.api.reply = (r) => (r.path.endsWith('/push') ? { status: 429, json: { message: 'Too many requests' }, headers: { 'retry-after': '7' } } : fake.route(r));
    const limited = (await failure(adapter.send(message, to, options()))) as PlatformError;
    expect(limited).toBeInstanceOf(PlatformError);
    expect([limited.status, limited.details.retryAfter, limited.retryable]).toEqual([429, 7, true]);

    fake.api.reply = (r) => (r.path.endsWith('/push') ? { status: 429, json: { message: 'You have reached your monthly limit.' } } : fake.route(r));
    const quota = (await failure(adapter.send(message, to, options()))) as PlatformError;
    expect([quota.status, quota.details.retryAfter, quota.details.code]).toEqual([429, undefined, 'You have reached your monthly limit.']);
  });

  it('reports 5xx as a retryable platform error', async () => {
    fake.api.reply = (r) => (r.path.endsWith('/push') ? { status: 503, json: { message: 'Service unavailable' } } : fake.route(r));
    const error = (await failure(adapter.send(message, to, options()))) as PlatformError;
    expect([error.name, error.status, error.retryable]).toEqual(['PlatformError', 503, true]);
  });

  it('reports an unreachable LINE as a NetworkError with its cause', async () => {
    const closed = await startFakeLine();
    const url = closed.api.url;
    await closed.close();
    const offline = createLineChannel({ channelSecret: LINE_SECRET, accessToken: LINE_TOKEN, apiBaseUrl: url, dataApiBaseUrl: undefined, logger: silentLogger });
    const error = await failure(offline.send(message, to, options({ replyToken: 'r' })));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).cause).toBeInstanceOf(Error);
  });

  it('gives up when the signal aborts, as a NetworkError the outbox retries', async () => {
    fake.api.reply = (r) => (r.path.endsWith('/push') ? new Promise(() => {}) : fake.route(r));
    const controller = new AbortController();
    const sending = failure(adapter.send(message, to, { signal: controller.signal, idempotencyKey: KEY }));
    await fake.api.waitFor((r) => r.path.endsWith('/push'));
    controller.abort();
    expect(await sending).toBeInstanceOf(NetworkError);
  });

  it('does not call LINE at all with an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await failure(adapter.send(message, to, { signal: controller.signal, idempotencyKey: KEY, replyToken: 'r' }))).toBeInstanceOf(NetworkError);
    expect(fake.api.requests).toEqual([]);
  });

  describe('a person who blocked the account', () => {
    it('is found before a push by their profile answering 404, and nothing is pushed', async () => {
      fake.gone.add(to.userId);
      const error = (await failure(adapter.send(message, to, options()))) as PlatformError;
      expect(error).toBeInstanceOf(PlatformError);
      expect(error.details.blocked).toBe(true);
      expect(pushes()).toEqual([]);
    });

    it('is found after a 400 "Failed to send messages" by their profile answering 404', async () => {
      fake.api.reply = (r) => {
        if (r.path.endsWith('/push')) {
          fake.gone.add(to.userId);
          return { status: 400, json: { message: 'Failed to send messages' } };
        }
        return fake.route(r);
      };
      const error = (await failure(adapter.send(message, to, options()))) as PlatformError;
      expect(error.details.blocked).toBe(true);
    });

    it('is not assumed when the profile still answers after a failed push', async () => {
      fake.api.reply = (r) => (r.path.endsWith('/push') ? { status: 400, json: { message: 'Failed to send messages' } } : fake.route(r));
      const error = (await failure(adapter.send(message, to, options()))) as PlatformError;
      expect([error.status, error.details.blocked, error.retryable]).toEqual([400, undefined, false]);
    });

    it('is not assumed when the profile lookup itself fails', async () => {
      fake.api.reply = (r) => (r.path.startsWith('/v2/bot/profile/') ? { status: 500, json: {} } : fake.route(r));
      await adapter.send(message, to, options());
      expect(pushes()).toHaveLength(1);
    });

    it('is not looked up again for every push to someone who is there', async () => {
      await adapter.send(message, to, options());
      await adapter.send(message, to, options({ idempotencyKey: 'a9d2c0f4-1b7e-4c55-a0e1-7d3b1f2e9c44' }));
      expect(profiles()).toHaveLength(1);
      expect(pushes()).toHaveLength(2);
    });
  });

  it('sends a very long message as several pushes, each with its own stable retry key', async () => {
    const long: RenderedMessage = { text: Array.from({ length: 6 }, (_, i) => String(i).repeat(4900)).join('\n\n'), choices: [] };
    await adapter.send(long, to, options());
    expect(pushes().map((r) => [(r.json as { messages: unknown[] }).messages.length, r.headers['x-line-retry-key']])).toEqual([
      [5, KEY],
      [1, batchRetryKey(KEY, 1)],
    ]);
    expect(batchRetryKey(KEY, 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(batchRetryKey(KEY, 1)).not.toBe(KEY);
  });
});
