// The LINE webhook in process: signature before parsing, limits, locale hints from profiles, loading dots, acknowledgement after ingest.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLineChannel } from '../../../src/channels/line/index';
import type { ChannelAdapter } from '../../../src/core/channel';
import type { InboundEvent } from '../../../src/core/events';
import { silentLogger } from '../../../src/core/logger';
import { verifyLineSignature } from '../../../src/channels/line/signature';
import { eventually } from '../../helpers';
import { callback, LINE_SECRET, LINE_TOKEN, lineEvents, lineUserId, sign, startFakeLine, webhookRequest, type FakeLine } from './fake';

let fake: FakeLine;
let adapter: ChannelAdapter;
let ingested: InboundEvent[][];
const ingest = async (events: InboundEvent[]) => {
  ingested.push(events);
};

beforeEach(async () => {
  fake = await startFakeLine();
  adapter = createLineChannel({ channelSecret: LINE_SECRET, accessToken: LINE_TOKEN, apiBaseUrl: fake.api.url, dataApiBaseUrl: fake.data.url, logger: silentLogger });
  ingested = [];
});
afterEach(async () => {
  await adapter.close?.();
  await fake.close();
});

const profileRequests = () => fake.api.requests.filter((r) => r.path.startsWith('/v2/bot/profile/'));

describe('verifyLineSignature', () => {
  const body = Buffer.from(callback(lineEvents.text('U1', 'hi')));

  it('accepts the HMAC-SHA256 of the exact bytes, keyed with the channel secret', () => {
    expect(verifyLineSignature(body, LINE_SECRET, sign(body))).toBe(true);
  });

  it('refuses another secret, a changed body, a truncated or missing signature', () => {
    expect(verifyLineSignature(body, LINE_SECRET, sign(body, 'another-secret'))).toBe(false);
    expect(verifyLineSignature(Buffer.concat([body, Buffer.from(' ')]), LINE_SECRET, sign(body))).toBe(false);
    expect(verifyLineSignature(body, LINE_SECRET, sign(body).slice(0, 20))).toBe(false);
    expect(verifyLineSignature(body, LINE_SECRET, null)).toBe(false);
    expect(verifyLineSignature(body, LINE_SECRET, '')).toBe(false);
  });
});

describe('LINE webhook', () => {
  it('answers 401 to a forged or missing signature, before parsing, calling LINE or ingesting', async () => {
    const body = callback(lineEvents.text(lineUserId(), 'hi'));
    expect((await adapter.webhook!(webhookRequest(body, sign(body, 'not-the-secret')), ingest)).status).toBe(401);
    expect((await adapter.webhook!(webhookRequest(body, null), ingest)).status).toBe(401);
    expect((await adapter.webhook!(webhookRequest('{not json', sign('{not json', 'nope')), ingest)).status).toBe(401);
    expect(ingested).toEqual([]);
    expect(fake.api.requests).toEqual([]);
  });

  it('answers 400 to a signed body that is not JSON or not a webhook', async () => {
    expect((await adapter.webhook!(webhookRequest('{"events": ['), ingest)).status).toBe(400);
    expect((await adapter.webhook!(webhookRequest('{"destination":"x"}'), ingest)).status).toBe(400);
    expect(ingested).toEqual([]);
  });

  it('answers 413 to a body over 1 MB without reading it all', async () => {
    const body = callback(lineEvents.text(lineUserId(), 'x'.repeat(1024 * 1024)));
    expect((await adapter.webhook!(webhookRequest(body), ingest)).status).toBe(413);
    expect(ingested).toEqual([]);
  });

  it('acknowledges LINE’s verification request (no events) without calling anything', async () => {
    const response = await adapter.webhook!(webhookRequest(callback()), ingest);
    expect(response.status).toBe(200);
    expect(ingested).toEqual([]);
    expect(fake.api.requests).toEqual([]);
  });

  it('ingests the events with the profile language as locale hint, then answers 200', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'th');
    const text = lineEvents.text(user, 'สวัสดี');
    const response = await adapter.webhook!(webhookRequest(callback(text)), ingest);
    expect(response.status).toBe(200);
    expect(ingested).toHaveLength(1);
    expect(ingested[0]).toEqual([
      {
        type: 'inbound',
        channel: 'line',
        userId: user,
        dedupeKey: `line:${text.webhookEventId}`,
        kind: 'text',
        text: 'สวัสดี',
        at: text.timestamp,
        receivedAt: expect.any(Number),
        localeHint: 'th',
        reply: { token: text.replyToken, expiresAt: text.timestamp + 50_000 },
      },
    ]);
    // Our clock when it arrived, which its dedupe key ages from.
    expect(ingested[0]![0]!.receivedAt).toBeGreaterThanOrEqual(text.timestamp);
  });

  it('asks LINE for a profile once per person, not once per message', async () => {
    const user = lineUserId();
    fake.languages.set(user, 'es');
    for (let i = 0; i < 3; i++) await adapter.webhook!(webhookRequest(callback(lineEvents.text(user, `m${i}`), lineEvents.postback(user, 'role:self'))), ingest);
    expect(profileRequests().map((r) => r.path)).toEqual([`/v2/bot/profile/${user}`]);
    expect(ingested.flat().every((e) => e.localeHint === 'es')).toBe(true);
  });

  it('goes on without a hint when the profile has no language, is missing (404) or fails', async () => {
    const [noLanguage, missing, failing] = [lineUserId(), lineUserId(), lineUserId()];
    fake.gone.add(missing);
    fake.api.reply = (r) => (r.path.endsWith(failing) ? { status: 500, json: { message: 'oops' } } : fake.route(r));
    const response = await adapter.webhook!(
      webhookRequest(callback(lineEvents.text(noLanguage, 'a'), lineEvents.text(missing, 'b'), lineEvents.text(failing, 'c'))),
      ingest,
    );
    expect(response.status).toBe(200);
    expect(ingested.flat().map((e) => [e.userId, e.localeHint])).toEqual([
      [noLanguage, undefined],
      [missing, undefined],
      [failing, undefined],
    ]);
  });

  it('does not let a slow profile hold the webhook', async () => {
    const user = lineUserId();
    fake.api.reply = (r) => (r.path.startsWith('/v2/bot/profile/') ? new Promise(() => {}) : fake.route(r));
    const response = await adapter.webhook!(webhookRequest(callback(lineEvents.text(user, 'hi'))), ingest);
    expect(response.status).toBe(200);
    expect(ingested.flat()[0]).not.toHaveProperty('localeHint');
  });

  it('shows the loading animation to each person who wrote, without waiting for it', async () => {
    const user = lineUserId();
    fake.api.reply = (r) => (r.path === '/v2/bot/chat/loading/start' ? new Promise(() => {}) : fake.route(r));
    const response = await adapter.webhook!(webhookRequest(callback(lineEvents.text(user, 'a'), lineEvents.text(user, 'b'))), ingest);
    expect(response.status).toBe(200);
    const loading = await fake.api.waitFor((r) => r.path === '/v2/bot/chat/loading/start');
    expect(loading.json).toEqual({ chatId: user, loadingSeconds: 5 });
    expect(loading.headers.authorization).toBe(`Bearer ${LINE_TOKEN}`);
    expect(fake.api.requests.filter((r) => r.path === '/v2/bot/chat/loading/start')).toHaveLength(1);
  });

  it('still acknowledges when the loading animation fails', async () => {
    fake.api.reply = (r) => (r.path === '/v2/bot/chat/loading/start' ? { status: 400, json: { message: 'bad' } } : fake.route(r));
    const response = await adapter.webhook!(webhookRequest(callback(lineEvents.postback(lineUserId(), 'role:self'))), ingest);
    expect(response.status).toBe(200);
    await eventually(() => fake.api.requests.some((r) => r.path === '/v2/bot/chat/loading/start'));
  });

  it('turns an unfollow into a "left" event and ignores a group message', async () => {
    const user = lineUserId();
    const group = lineEvents.text(user, 'hello all', { source: { type: 'group', groupId: `C${'1'.repeat(32)}`, userId: user } });
    const response = await adapter.webhook!(webhookRequest(callback(lineEvents.unfollow(user), group)), ingest);
    expect(response.status).toBe(200);
    expect(ingested.flat().map((e) => [e.kind, e.userId])).toEqual([['left', user]]);
    expect(fake.api.requests).toEqual([]);
  });

  it('fails (so the app answers 503 and LINE redelivers) when the events cannot be committed', async () => {
    const failing = async () => {
      throw new Error('database is down');
    };
    await expect(adapter.webhook!(webhookRequest(callback(lineEvents.text(lineUserId(), 'hi'))), failing)).rejects.toThrow('database is down');
  });

  it('never asks the content API for media', async () => {
    const user = lineUserId();
    const response = await adapter.webhook!(webhookRequest(callback(lineEvents.image(user), lineEvents.video(user))), ingest);
    expect(response.status).toBe(200);
    expect(ingested.flat().map((e) => e.kind)).toEqual(['media', 'media']);
    expect(fake.data.requests).toEqual([]);
    expect(fake.api.requests.filter((r) => r.path.includes('/content'))).toEqual([]);
  });
});
