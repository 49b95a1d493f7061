// Messenger webhook JSON → botbuilder Activities → InboundEvents, on fixtures shaped like Meta's.

import { describe, expect, it } from 'vitest';
import { GET_STARTED_PAYLOAD } from '../../../src/channels/messenger/index';
import { MalformedWebhookError, parseWebhook } from '../../../src/channels/messenger/inbound';
import { toInboundEvent } from '../../../src/channels/messenger/activity-to-event';
import { attachmentMessage, delivery, echo, envelope, PAGE_ID, postback, quickReply, read, textMessage } from './fake';

/** Our clock when the body arrived; fixtures with a fixed time are stamped a minute before it. */
const NOW = Date.now();
const T = NOW - 60_000;
const options = { serviceUrl: 'https://graph.facebook.com', now: () => NOW };
const PSID = '7000000000000001';

function eventsOf(body: unknown) {
  return parseWebhook(body as never, options).activities.map((a) => toInboundEvent(a, options.now()));
}

describe('parseWebhook', () => {
  it('turns a text message into a message Activity addressed from the PSID to the Page', () => {
    const item = textMessage(PSID, 'hello there', { mid: 'm_abc', timestamp: T + 123 });
    const { activities, ignored } = parseWebhook(envelope(item) as never, options);
    expect(ignored).toBe(0);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({
      type: 'message',
      id: 'm_abc',
      channelId: 'facebook',
      text: 'hello there',
      from: { id: PSID, role: 'user' },
      recipient: { id: PAGE_ID, role: 'bot' },
      conversation: { id: PSID, isGroup: false },
    });
    expect((activities[0]!.timestamp as Date).getTime()).toBe(T + 123);
  });

  it('ignores echoes, delivery and read receipts', () => {
    const { activities, ignored } = parseWebhook(envelope(echo(PSID, 'our own words'), delivery(PSID), read(PSID)) as never, options);
    expect(activities).toEqual([]);
    expect(ignored).toBe(3);
  });

  it('reads every messaging item of every entry, in order', () => {
    const body = {
      object: 'page',
      entry: [
        { id: PAGE_ID, time: 1, messaging: [textMessage('1', 'a'), textMessage('2', 'b')] },
        { id: PAGE_ID, time: 2, messaging: [quickReply('3', 'role:self')] },
      ],
    };
    expect(eventsOf(body).map((e) => e?.userId)).toEqual(['1', '2', '3']);
  });

  it('skips entries without messaging (handover standby) and rejects bodies that are not Page webhooks', () => {
    expect(parseWebhook({ object: 'page', entry: [{ id: PAGE_ID, time: 1, standby: [{}] }] } as never, options).activities).toEqual([]);
    expect(() => parseWebhook({ object: 'page' } as never, options)).toThrow(MalformedWebhookError);
    expect(() => parseWebhook({ object: 'page', entry: [{ messaging: {} }] } as never, options)).toThrow(MalformedWebhookError);
    expect(() => parseWebhook({ object: 'page', entry: ['x'] } as never, options)).toThrow(MalformedWebhookError);
  });

  it('reads second-resolution timestamps as seconds, uses the clock when there is none, and notes when each reached us', () => {
    const inSeconds = textMessage(PSID, 'x', { timestamp: Math.floor(T / 1000) });
    const none = { ...textMessage(PSID, 'y'), timestamp: undefined };
    const { activities, invalid } = parseWebhook(envelope(inSeconds, none) as never, options);
    expect(invalid).toEqual([]);
    expect((activities[0]!.timestamp as Date).getTime()).toBe(Math.floor(T / 1000) * 1000);
    const events = activities.map((a) => toInboundEvent(a, options.now()));
    expect(events.map((e) => e?.at)).toEqual([Math.floor(T / 1000) * 1000, NOW]);
    expect(events.map((e) => e?.receivedAt)).toEqual([NOW, NOW]);
  });

  it('skips, on its own, an event with a malformed or unbelievable timestamp or field, naming only the field', () => {
    const good = textMessage(PSID, 'secret words', { timestamp: T });
    const { activities, invalid } = parseWebhook(
      envelope(
        { ...good, timestamp: T + 0.5 },
        { ...good, timestamp: 1e20 },
        { ...good, timestamp: -1 },
        { ...good, timestamp: NOW - 4 * 86_400_000 },
        { ...good, sender: { id: 42 } },
        { ...good, message: { mid: 'm_z', text: { nested: 'secret words' } } },
        good,
      ) as never,
      options,
    );
    expect(activities).toHaveLength(1);
    expect(invalid).toHaveLength(6);
    expect(invalid.join(' ')).not.toContain('secret');
  });
});

describe('toInboundEvent', () => {
  it('makes a text event with a messenger:<mid> dedupe key and no locale hint', () => {
    const [event] = eventsOf(envelope(textMessage(PSID, 'I need help', { mid: 'm_1', timestamp: T })));
    expect(event).toEqual({ type: 'inbound', channel: 'messenger', userId: PSID, dedupeKey: 'messenger:m_1', kind: 'text', text: 'I need help', at: T, receivedAt: NOW });
  });

  it('makes a quick-reply tap a choice carrying the payload, not the label', () => {
    const [event] = eventsOf(envelope(quickReply(PSID, 'minor:yes', 'Yes, under 18', { mid: 'm_2' })));
    expect(event).toMatchObject({ kind: 'choice', choiceId: 'minor:yes', dedupeKey: 'messenger:m_2' });
    expect(event?.text).toBeUndefined();
  });

  it('makes a postback a choice, and the Get Started postback a start', () => {
    const [choice, start] = eventsOf(envelope(postback(PSID, 'human', 'Talk to a person', { mid: 'm_pb' }), postback(PSID, GET_STARTED_PAYLOAD)));
    expect(choice).toMatchObject({ kind: 'choice', choiceId: 'human', dedupeKey: 'messenger:m_pb' });
    expect(start).toMatchObject({ kind: 'start', userId: PSID });
  });

  it('dedupes a postback without mid on sender, timestamp and payload', () => {
    const item = postback(PSID, 'status', 'Status', { mid: null, timestamp: T });
    const [first] = eventsOf(envelope(item));
    const [again] = eventsOf(envelope(item));
    expect(first?.dedupeKey).toBe(`messenger:postback:${PSID}:${T}:status`);
    expect(again?.dedupeKey).toBe(first?.dedupeKey);
  });

  it('makes images and videos media, and keeps no trace of their URL', () => {
    const url = 'https://scontent.xx.fbcdn.net/v/t1.15752-9/secret-photo.jpg?_nc_cat=1&oh=abc';
    const body = envelope(attachmentMessage(PSID, 'image', { url }), attachmentMessage(PSID, 'video', { url }));
    const { activities } = parseWebhook(body as never, options);
    expect(JSON.stringify(activities)).not.toContain('fbcdn');
    expect(activities.map((a) => toInboundEvent(a)?.kind)).toEqual(['media', 'media']);
  });

  it('makes stickers, audio, files and locations unsupported', () => {
    const body = envelope(
      attachmentMessage(PSID, 'image', { url: 'https://scontent.xx.fbcdn.net/sticker.png', sticker_id: 369239263222822 }, { stickerId: 369239263222822 }),
      attachmentMessage(PSID, 'audio', { url: 'https://cdn.fbsbx.com/voice.mp4' }),
      attachmentMessage(PSID, 'file', { url: 'https://cdn.fbsbx.com/doc.pdf' }),
      attachmentMessage(PSID, 'location', { coordinates: { lat: 13.7563, long: 100.5018 } }),
    );
    expect(eventsOf(body).map((e) => e?.kind)).toEqual(['unsupported', 'unsupported', 'unsupported', 'unsupported']);
  });

  it('survives attachment lists holding things that are not objects', () => {
    const odd = { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: options.now(), message: { mid: 'm_odd', attachments: ['x', null, 3] } };
    expect(eventsOf(envelope(odd)).map((e) => e?.kind)).toEqual(['unsupported']);
  });

  it('ignores items without a sender or a mid', () => {
    const noSender = { recipient: { id: PAGE_ID }, timestamp: options.now(), message: { mid: 'm_x', text: 'x' } };
    const noMid = { sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: options.now(), message: { text: 'x' } };
    const { activities, ignored } = parseWebhook(envelope(noSender, noMid) as never, options);
    expect(activities).toEqual([]);
    expect(ignored).toBe(2);
  });
});
