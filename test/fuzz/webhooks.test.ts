// Fuzzed webhooks through the real app with valid signatures: Telegram, LINE and Messenger bodies of every shape give no 5xx.

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DIALECTS, startFakeApi, startServer, type FakeApi, type TestServer } from '../helpers';
import { SECRET as TELEGRAM_SECRET, telegramEnv, telegramReply } from '../channels/telegram/fake';
import { LINE_SECRET, LINE_TOKEN } from '../channels/line/fake';
import { APP_SECRET, messengerEnv, PAGE_ID } from '../channels/messenger/fake';
import { expectHandled, hostile, junkBody, maybe, RUNS, tally } from './arbitraries';

const id = fc.integer({ min: 1, max: 2 ** 40 });
const text = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('/start', '/delete', 'I want to die', 'hello', 'STOP', 'ยกเลิก'));

const telegramUser = fc.record({ id: maybe(id), is_bot: maybe(fc.boolean()), first_name: maybe(fc.string()), language_code: maybe(fc.constantFrom('en', 'th', 'es', 'xx')) }, { requiredKeys: [] });
const telegramUpdate = fc.record(
  {
    update_id: maybe(id),
    message: maybe(
      fc.record(
        {
          message_id: maybe(id),
          from: maybe(telegramUser),
          chat: maybe(fc.record({ id: maybe(id), type: maybe(fc.constantFrom('private', 'group', 'channel')) }, { requiredKeys: [] })),
          date: maybe(fc.integer({ min: 0, max: 2_000_000_000 })),
          text: maybe(text),
          photo: maybe(fc.array(fc.record({ file_id: fc.string(), width: fc.nat(), height: fc.nat() }), { maxLength: 2 })),
          entities: maybe(fc.array(fc.record({ offset: fc.integer(), length: fc.integer(), type: fc.string() }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    callback_query: maybe(
      fc.record({ id: maybe(fc.string()), from: maybe(telegramUser), data: maybe(fc.oneof(fc.string(), fc.constantFrom('role:self', 'minor:yes', 'x'.repeat(80)))), message: maybe(fc.record({ message_id: maybe(id), chat: maybe(fc.record({ id: maybe(id), type: maybe(fc.constant('private')) })) })) }, { requiredKeys: [] }),
    ),
    edited_message: maybe(hostile),
  },
  { requiredKeys: [] },
);

const lineEvent = fc.record(
  {
    type: maybe(fc.constantFrom('message', 'postback', 'follow', 'unfollow', 'join', 'unsend', 'weird')),
    mode: maybe(fc.constantFrom('active', 'standby')),
    timestamp: maybe(fc.integer({ min: 0, max: 2 ** 42 })),
    webhookEventId: maybe(fc.string({ minLength: 1, maxLength: 30 })),
    deliveryContext: maybe(fc.record({ isRedelivery: maybe(fc.boolean()) }, { requiredKeys: [] })),
    replyToken: maybe(fc.string({ maxLength: 40 })),
    source: maybe(fc.record({ type: maybe(fc.constantFrom('user', 'group', 'room')), userId: maybe(fc.string({ maxLength: 40 })) }, { requiredKeys: [] })),
    message: maybe(fc.record({ id: maybe(fc.string()), type: maybe(fc.constantFrom('text', 'image', 'sticker', 'video')), text: maybe(text), quoteToken: maybe(fc.string()) }, { requiredKeys: [] })),
    postback: maybe(fc.record({ data: maybe(fc.oneof(fc.string(), fc.constantFrom('role:self', 'choice=role:self'))) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const lineCallback = fc.record({ destination: maybe(fc.string()), events: maybe(fc.array(lineEvent, { maxLength: 4 })) }, { requiredKeys: [] });

const messaging = fc.record(
  {
    sender: maybe(fc.record({ id: maybe(fc.oneof(fc.string({ maxLength: 20 }), fc.constant('1234567890123456'))) }, { requiredKeys: [] })),
    recipient: maybe(fc.record({ id: maybe(fc.constant(PAGE_ID)) }, { requiredKeys: [] })),
    timestamp: maybe(fc.integer({ min: 0, max: 2 ** 42 })),
    message: maybe(
      fc.record(
        {
          mid: maybe(fc.string({ minLength: 1, maxLength: 30 })),
          text: maybe(text),
          is_echo: maybe(fc.boolean()),
          quick_reply: maybe(fc.record({ payload: maybe(fc.string()) }, { requiredKeys: [] })),
          attachments: maybe(fc.array(fc.record({ type: maybe(fc.constantFrom('image', 'video', 'file', 'fallback')), payload: maybe(hostile) }, { requiredKeys: [] }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
    ),
    postback: maybe(fc.record({ mid: maybe(fc.string()), title: maybe(fc.string()), payload: maybe(fc.string()) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);
const messengerBody = fc.record(
  { object: fc.oneof({ weight: 6, arbitrary: fc.constant('page') }, { weight: 1, arbitrary: maybe(fc.constant('instagram')) }), entry: maybe(fc.array(fc.record({ id: maybe(fc.constant(PAGE_ID)), time: maybe(fc.integer()), messaging: maybe(fc.array(messaging, { maxLength: 3 })) }, { requiredKeys: [] }), { maxLength: 2 })) },
  { requiredKeys: [] },
);

const asBody = (shape: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: shape.map((value) => JSON.stringify(value) ?? 'null') }, { weight: 1, arbitrary: junkBody });

describe.each(DIALECTS)('fuzzed webhooks on %s', (dialect) => {
  const runs = dialect === 'sqlite' ? 500 : 200;
  let api: FakeApi;
  let server: TestServer;
  beforeAll(async () => {
    // One recording fake answers for all three platforms; the workers are off, so it is hardly called.
    api = await startFakeApi(telegramReply);
    server = await startServer(
      { ...telegramEnv(api), LINE_CHANNEL_SECRET: LINE_SECRET, LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN, LINE_API_BASE_URL: api.url, LINE_DATA_API_BASE_URL: api.url, ...messengerEnv(api) },
      { dialect, workers: false },
    );
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await api?.close();
  });

  const post = (channel: string, body: string, headers: Record<string, string>) =>
    server.reclaim.app.request(`/webhooks/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('Telegram: no signed update gives a 5xx', async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(asBody(telegramUpdate), async (body) => {
        await expectHandled(await post('telegram', body, { 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET }), `telegram ${body.slice(0, 300)}`, seen);
      }),
      RUNS(runs, 1301),
    );
    console.log(`telegram on ${dialect}: answers by status`, seen.counts);
  }, 240_000);

  it('LINE: no signed callback gives a 5xx', async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(asBody(lineCallback), async (body) => {
        const signature = createHmac('sha256', LINE_SECRET).update(body).digest('base64');
        await expectHandled(await post('line', body, { 'x-line-signature': signature }), `line ${body.slice(0, 300)}`, seen);
      }),
      RUNS(runs, 1302),
    );
    console.log(`line on ${dialect}: answers by status`, seen.counts);
  }, 240_000);

  it('Messenger: no signed body gives a 5xx', async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(asBody(messengerBody), async (body) => {
        const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
        await expectHandled(await post('messenger', body, { 'x-hub-signature-256': signature }), `messenger ${body.slice(0, 300)}`, seen);
      }),
      RUNS(runs, 1303),
    );
    console.log(`messenger on ${dialect}: answers by status`, seen.counts);
  }, 240_000);
});
