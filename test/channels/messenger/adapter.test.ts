// MessengerAdapter and send() against a recording fake Graph API on loopback: the botbuilder contract, headers, failures.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ActivityTypes, TurnContext } from 'botbuilder';
import { NetworkError, PlatformError } from '../../../src/core/errors';
import { silentLogger } from '../../../src/core/logger';
import { configureMessengerProfile, createMessengerChannel, GET_STARTED_PAYLOAD, GRAPH_API_VERSION, type MessengerChannel } from '../../../src/channels/messenger/index';
import { conversationReference } from '../../../src/channels/messenger/adapter';
import type { FakeApi } from '../../helpers';
import { APP_SECRET, GRAPH_ERRORS, graphReply, PAGE_TOKEN, SEND_PATH, sends, startFakeGraph, VERIFY_TOKEN } from './fake';

const PSID = '7000000000000042';
const NOW = 1_800_000_000_000;
let fake: FakeApi;
let channel: MessengerChannel;

beforeAll(async () => {
  fake = await startFakeGraph();
  channel = createMessengerChannel({ appSecret: APP_SECRET, pageAccessToken: PAGE_TOKEN, verifyToken: VERIFY_TOKEN, graphApiUrl: fake.url, logger: silentLogger, now: () => NOW });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.reply = graphReply;
});

const recipient = { conversationId: 'c1', userId: PSID, lastInboundAt: NOW - 60_000 };
const options = () => ({ signal: AbortSignal.timeout(5_000), idempotencyKey: 'k' });

describe('send', () => {
  it('POSTs to /<version>/me/messages with the page token as a Bearer header, never in the URL', async () => {
    await channel.send({ text: 'Hello', choices: [{ id: 'role:self', label: "It's about me" }] }, recipient, options());
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(SEND_PATH);
    expect(request!.path).not.toContain(PAGE_TOKEN);
    expect(request!.headers.authorization).toBe(`Bearer ${PAGE_TOKEN}`);
    expect(request!.json).toEqual({
      recipient: { id: PSID },
      messaging_type: 'RESPONSE',
      message: { text: 'Hello', quick_replies: [{ content_type: 'text', title: "It's about me", payload: 'role:self' }] },
    });
  });

  it('tags a staff reply after 24 hours HUMAN_AGENT', async () => {
    await channel.send({ text: 'Hi, this is Sam from the helpline.', choices: [], fromStaff: true }, { ...recipient, lastInboundAt: NOW - 30 * 3600_000 }, options());
    expect(sends(fake)[0]).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it('holds a bot message after 24 hours without calling Graph', async () => {
    const error = await channel.send({ text: 'Reminder', choices: [] }, { ...recipient, lastInboundAt: NOW - 25 * 3600_000 }, options()).catch((e) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.details.hold).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });

  it('sends long text first and the link template second, in order', async () => {
    const text = 'A long explanation. '.repeat(40);
    await channel.send({ text, choices: [{ id: 'human', label: 'Talk to a person' }], link: { kind: 'handoff', label: 'Make fingerprints', url: 'https://r.test/hash#t=abc' } }, recipient, options());
    const [first, second] = sends(fake);
    expect(first!.message).toEqual({ text: text.trim() });
    expect(second!.message.attachment.payload.buttons).toEqual([{ type: 'web_url', url: 'https://r.test/hash#t=abc', title: 'Make fingerprints' }]);
    expect(second!.message.quick_replies[0].payload).toBe('human');
  });

  it('throws classified PlatformErrors and does not retry by itself', async () => {
    for (const [reply, check] of [
      [GRAPH_ERRORS.tooManyRequests, (e: PlatformError) => e.status === 429],
      [GRAPH_ERRORS.internal, (e: PlatformError) => e.status === 500 && e.retryable],
      [GRAPH_ERRORS.unavailable, (e: PlatformError) => e.details.blocked === true],
      [GRAPH_ERRORS.invalidParameter, (e: PlatformError) => !e.retryable],
    ] as const) {
      fake.requests.length = 0;
      fake.reply = () => reply;
      const error = await channel.send({ text: 'x', choices: [] }, recipient, options()).catch((e) => e);
      expect(error).toBeInstanceOf(PlatformError);
      expect(check(error)).toBe(true);
      expect(fake.requests).toHaveLength(1);
    }
  });

  it('throws NetworkError with the cause when Graph cannot be reached', async () => {
    const offline = createMessengerChannel({ appSecret: APP_SECRET, pageAccessToken: PAGE_TOKEN, verifyToken: VERIFY_TOKEN, graphApiUrl: 'http://127.0.0.1:1', logger: silentLogger, now: () => NOW });
    const error = await offline.send({ text: 'x', choices: [] }, recipient, options()).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.cause).toBeDefined();
    expect(String(error.message)).not.toContain(PAGE_TOKEN);
  });

  it('honours the abort signal', async () => {
    const error = await channel.send({ text: 'x', choices: [] }, recipient, { signal: AbortSignal.abort(), idempotencyKey: 'k' }).catch((e) => e);
    expect(error.name).toBe('AbortError');
    expect(fake.requests).toHaveLength(0);
  });
});

describe('MessengerAdapter (botbuilder contract)', () => {
  it('runs middleware on inbound turns and on proactive turns', async () => {
    const seen: string[] = [];
    const bot = createMessengerChannel({ appSecret: APP_SECRET, pageAccessToken: PAGE_TOKEN, verifyToken: VERIFY_TOKEN, graphApiUrl: fake.url, logger: silentLogger }).bot;
    bot.use(async (context, next) => {
      seen.push(context.activity.type);
      await next();
    });
    await bot.processActivity({ type: ActivityTypes.Message, id: 'm_1', text: 'hi', from: { id: PSID, name: '' }, conversation: { id: PSID, name: '', isGroup: false, conversationType: 'personal' } }, async () => undefined);
    await bot.continueConversation(conversationReference(PSID, fake.url), async (context) => {
      expect(context.activity.conversation.id).toBe(PSID);
      const [response] = await context.sendActivities([{ type: ActivityTypes.Message, text: 'proactive' }]);
      expect(response?.id).toMatch(/^m_fake/);
    });
    expect(seen).toEqual(['message', 'event']);
    expect(sends(fake)).toEqual([{ recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'proactive' } }]);
  });

  it('replies inside an inbound turn with context.sendActivity, addressed to the sender', async () => {
    await channel.bot.processActivity(
      { type: ActivityTypes.Message, id: 'm_2', text: 'hi', channelId: 'facebook', from: { id: PSID, name: '' }, recipient: { id: 'page', name: '' }, conversation: { id: PSID, name: '', isGroup: false, conversationType: 'personal' } },
      async (context: TurnContext) => {
        await context.sendActivity({ type: ActivityTypes.Typing });
        await context.sendActivity('echo');
      },
    );
    expect(fake.requests.map((r) => r.json)).toEqual([
      { recipient: { id: PSID }, sender_action: 'typing_on' },
      { recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { text: 'echo' } },
    ]);
  });

  it('refuses to update or delete a sent message', async () => {
    await channel.bot.continueConversation(conversationReference(PSID, fake.url), async (context) => {
      await expect(context.updateActivity({ id: 'm_1', text: 'edited' })).rejects.toThrow(/cannot edit/);
      await expect(context.deleteActivity('m_1')).rejects.toThrow(/cannot delete/);
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('configureMessengerProfile', () => {
  it('sets the Get Started payload through the Messenger Profile API', async () => {
    await configureMessengerProfile({ pageAccessToken: PAGE_TOKEN, graphApiUrl: fake.url });
    expect(fake.requests[0]).toMatchObject({ path: `/${GRAPH_API_VERSION}/me/messenger_profile`, json: { get_started: { payload: GET_STARTED_PAYLOAD } } });
  });
});
