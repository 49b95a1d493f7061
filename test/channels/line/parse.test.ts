// Parsing LINE webhook JSON into InboundEvents: kinds, dedupe keys, reply tokens, and what is ignored.

import { describe, expect, it } from 'vitest';
import { parseLineWebhook, REPLY_TOKEN_LIFETIME_MS } from '../../../src/channels/line/parse';

/** A body as LINE documents it (Messaging API reference, "Webhook event objects"). */
const body = {
  destination: 'xxxxxxxxxx',
  events: [
    {
      type: 'message',
      message: { type: 'text', id: '14353798921116', quoteToken: 'q3Plxr4AgKd...', text: 'Hello, world' },
      webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242211,
      source: { type: 'user', userId: 'U80696558e1aa831234567890abcdef0' },
      replyToken: '757913772c4646b784d4b7ce46d12671',
      mode: 'active',
    },
    {
      type: 'postback',
      postback: { data: 'role:self' },
      webhookEventId: '01FZ74ASS536FW97EX38NKCZQK',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242100,
      source: { type: 'user', userId: 'U80696558e1aa831234567890abcdef0' },
      replyToken: 'b60d432864f44d079f6d8efe86cf404b',
      mode: 'active',
    },
    {
      type: 'message',
      message: { type: 'image', id: '354718705033693859', quoteToken: 'q3Plxr4AgKd...', contentProvider: { type: 'line' }, imageSet: { id: 'E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855', index: 1, total: 2 } },
      webhookEventId: '01FZ74B3GX0Y2HGS6SEK8Y42PQ',
      deliveryContext: { isRedelivery: true },
      timestamp: 1625665242300,
      source: { type: 'user', userId: 'U11111111111111111111111111111111' },
      replyToken: 'f70dd5e8d9fe4c93a0a5ba27e5a6b3f9',
      mode: 'active',
    },
    {
      type: 'message',
      message: { type: 'sticker', id: '1501597916', quoteToken: 'q3Plxr4AgKd...', stickerId: '52002738', packageId: '11537', stickerResourceType: 'ANIMATION', keywords: ['cony', 'Party'] },
      webhookEventId: '01FZ74C1111111111111111111',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242400,
      source: { type: 'user', userId: 'U22222222222222222222222222222222' },
      replyToken: '0f3779fba3b349968c5d07db31eab56f',
      mode: 'active',
    },
    {
      type: 'follow',
      follow: { isUnblocked: false },
      webhookEventId: '01FZ74D2222222222222222222',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242500,
      source: { type: 'user', userId: 'U33333333333333333333333333333333' },
      replyToken: '85cbe770fa8b4f45bbe077b1d4be4a36',
      mode: 'active',
    },
    {
      type: 'unfollow',
      webhookEventId: '01FZ74E3333333333333333333',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242600,
      source: { type: 'user', userId: 'U44444444444444444444444444444444' },
      mode: 'active',
    },
    {
      type: 'message',
      message: { type: 'text', id: '14353798921117', text: 'hello group' },
      webhookEventId: '01FZ74F4444444444444444444',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242700,
      source: { type: 'group', groupId: 'Ca56f94637c0000000000000000000000', userId: 'U80696558e1aa831234567890abcdef0' },
      replyToken: 'aaaa',
      mode: 'active',
    },
    {
      type: 'message',
      message: { type: 'text', id: '14353798921118', text: 'while another module holds the chat' },
      webhookEventId: '01FZ74G5555555555555555555',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242800,
      source: { type: 'user', userId: 'U80696558e1aa831234567890abcdef0' },
      mode: 'standby',
    },
    {
      type: 'unsend',
      unsend: { messageId: '325708' },
      webhookEventId: '01FZ74H6666666666666666666',
      deliveryContext: { isRedelivery: false },
      timestamp: 1625665242900,
      source: { type: 'user', userId: 'U80696558e1aa831234567890abcdef0' },
      mode: 'active',
    },
  ],
};

/** When the body reached us, a second after LINE stamped its last event. */
const RECEIVED = 1625665243900;

describe('parseLineWebhook', () => {
  const parsed = parseLineWebhook(body, RECEIVED)!;
  const inbound = parsed.items.flatMap((i) => (i.type === 'inbound' ? [i.event] : []));

  it('orders events by timestamp, since LINE may deliver them out of order, and notes when they reached us', () => {
    expect(inbound.map((e) => e.at)).toEqual([1625665242100, 1625665242211, 1625665242300, 1625665242400, 1625665242500]);
    expect(inbound.map((e) => e.receivedAt)).toEqual(Array(5).fill(RECEIVED));
  });

  it('skips, on its own, an event with a malformed or unbelievable timestamp or source, naming only the field', () => {
    const good = body.events[0]!;
    const result = parseLineWebhook(
      { events: [{ ...good, timestamp: 1.5 }, { ...good, timestamp: 1e20 }, { ...good, timestamp: RECEIVED - 4 * 86_400_000 }, { ...good, timestamp: '1625665242211' }, { ...good, source: { type: 'user', userId: 42 } }, null, good] },
      RECEIVED,
    )!;
    expect(result.items).toHaveLength(1);
    expect(result.invalid).toHaveLength(6);
    expect(result.invalid.join(' ')).not.toContain('Hello');
    expect(result.invalid[0]).toMatch(/^timestamp/);
  });

  it('turns a text message into a text event with the webhook event id as dedupe key and a fresh reply token', () => {
    expect(inbound[1]).toEqual({
      type: 'inbound',
      channel: 'line',
      userId: 'U80696558e1aa831234567890abcdef0',
      dedupeKey: 'line:01FZ74A0TDDPYRVKNK77XKC3ZR',
      kind: 'text',
      text: 'Hello, world',
      at: 1625665242211,
      receivedAt: RECEIVED,
      reply: { token: '757913772c4646b784d4b7ce46d12671', expiresAt: 1625665242211 + REPLY_TOKEN_LIFETIME_MS },
    });
  });

  it('turns a postback into a choice whose id is the postback data', () => {
    expect(inbound[0]).toMatchObject({ kind: 'choice', choiceId: 'role:self', dedupeKey: 'line:01FZ74ASS536FW97EX38NKCZQK' });
  });

  it('records an image as media, and drops the reply token of a redelivered event', () => {
    expect(inbound[2]).toMatchObject({ kind: 'media', userId: 'U11111111111111111111111111111111' });
    expect(inbound[2]!.reply).toBeUndefined();
    expect(JSON.stringify(inbound[2])).not.toContain('354718705033693859');
  });

  it('answers a sticker as unsupported and a follow as a start', () => {
    expect(inbound[3]).toMatchObject({ kind: 'unsupported' });
    expect(inbound[4]).toMatchObject({ kind: 'start', reply: { token: '85cbe770fa8b4f45bbe077b1d4be4a36' } });
  });

  it('reports an unfollow, and ignores groups, standby mode and unknown types', () => {
    expect(parsed.items.filter((i) => i.type === 'unfollow')).toMatchObject([
      { type: 'unfollow', userId: 'U44444444444444444444444444444444', event: { kind: 'left', channel: 'line', userId: 'U44444444444444444444444444444444' } },
    ]);
    expect(parsed.ignored).toBe(3);
  });

  it('shows the loading animation for messages and postbacks, not for a follow', () => {
    expect(parsed.items.flatMap((i) => (i.type === 'inbound' ? [i.showLoading] : []))).toEqual([true, true, true, true, false]);
  });

  it('counts audio, location and file messages as unsupported', () => {
    const kinds = ['audio', 'location', 'file'].map(
      (type, n) =>
        parseLineWebhook({
          events: [{ type: 'message', message: { type, id: String(n) }, webhookEventId: `E${n}`, timestamp: RECEIVED, source: { type: 'user', userId: 'U1' }, mode: 'active', deliveryContext: { isRedelivery: false } }],
        }, RECEIVED)!.items[0],
    );
    expect(kinds.map((k) => (k?.type === 'inbound' ? k.event.kind : k?.type))).toEqual(['unsupported', 'unsupported', 'unsupported']);
  });

  it('refuses a body that is not a webhook', () => {
    expect(parseLineWebhook([])).toBeNull();
    expect(parseLineWebhook({ destination: 'x' })).toBeNull();
    expect(parseLineWebhook('events')).toBeNull();
    expect(parseLineWebhook({ destination: 'x', events: [] })).toEqual({ items: [], ignored: 0, invalid: [] });
  });
});
