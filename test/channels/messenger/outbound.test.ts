// RenderedMessage → botbuilder Activity → Send API messages, and the messaging window.

import { describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../../src/core/messages';
import { PlatformError } from '../../../src/core/errors';
import { clip, LIMITS, splitText, toActivities, toMessengerMessages } from '../../../src/channels/messenger/outbound';
import { HUMAN_AGENT_WINDOW_MS, messagingTypeFor, STANDARD_WINDOW_MS } from '../../../src/channels/messenger/window';

const RESPONSE = { messaging_type: 'RESPONSE' } as const;

function render(message: RenderedMessage) {
  return toActivities(message, RESPONSE).flatMap((a) => toMessengerMessages(a));
}

describe('toActivities', () => {
  it('uses botbuilder suggested actions for choices and a hero card for the link', () => {
    const [activity] = toActivities(
      { text: 'Tap the link', choices: [{ id: 'human', label: 'Talk to a person' }], link: { kind: 'handoff', label: 'Open', url: 'https://x.test/hash#t=1' } },
      RESPONSE,
    );
    expect(activity).toMatchObject({
      type: 'message',
      text: 'Tap the link',
      suggestedActions: { actions: [{ type: 'postBack', title: 'Talk to a person', value: 'human' }] },
      attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { buttons: [{ type: 'openUrl', value: 'https://x.test/hash#t=1' }] } }],
      channelData: { messaging_type: 'RESPONSE' },
    });
  });
});

describe('toMessengerMessages', () => {
  it('sends plain text as one message', () => {
    expect(render({ text: 'Hello', choices: [] })).toEqual([{ text: 'Hello' }]);
  });

  it('turns choices into text quick replies whose payload is the choice id', () => {
    const [message] = render({ text: 'Is this about you?', choices: [{ id: 'role:self', label: "It's about me" }, { id: 'role:helper', label: 'For someone else' }] });
    expect(message).toEqual({
      text: 'Is this about you?',
      quick_replies: [
        { content_type: 'text', title: "It's about me", payload: 'role:self' },
        { content_type: 'text', title: 'For someone else', payload: 'role:helper' },
      ],
    });
  });

  it('keeps at most 13 quick replies with titles of at most 20 characters', () => {
    const choices = Array.from({ length: 15 }, (_, i) => ({ id: `c:${i}`, label: `A rather long label number ${i}` }));
    const [message] = render({ text: 'Pick', choices });
    expect(message?.quick_replies).toHaveLength(LIMITS.quickReplies);
    for (const reply of message?.quick_replies ?? []) expect(Array.from(reply.title).length).toBeLessThanOrEqual(20);
    expect(message?.quick_replies?.[0]).toEqual({ content_type: 'text', title: 'A rather long label…', payload: 'c:0' });
  });

  it('sends the handoff link as a button template with a web_url button, and the choices as quick replies on it', () => {
    const url = 'https://reclaim.test/hash#t=abc&l=en';
    const messages = render({ text: 'Tap the link to make fingerprints.', choices: [{ id: 'handoff:new_link', label: 'New link' }], link: { kind: 'handoff', label: 'Make fingerprints', url } });
    expect(messages).toEqual([
      {
        attachment: { type: 'template', payload: { template_type: 'button', text: 'Tap the link to make fingerprints.', buttons: [{ type: 'web_url', url, title: 'Make fingerprints' }] } },
        quick_replies: [{ content_type: 'text', title: 'New link', payload: 'handoff:new_link' }],
      },
    ]);
  });

  it('sends text too long for a template first, then the template with a short text', () => {
    const text = 'word '.repeat(200).trim();
    const messages = render({ text, choices: [{ id: 'human', label: 'Person' }], link: { kind: 'handoff', label: 'Make fingerprints', url: 'https://r.test/hash#t=x' } });
    expect(messages).toHaveLength(2);
    expect(messages[0]).toEqual({ text });
    expect(messages[1]?.attachment?.payload.text).toBe('Make fingerprints');
    expect(messages[1]?.quick_replies?.[0]?.payload).toBe('human');
    expect(messages[0]?.quick_replies).toBeUndefined();
  });

  it('splits text over 2000 characters at word breaks, with quick replies on the last part', () => {
    const text = Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ');
    const messages = render({ text, choices: [{ id: 'status', label: 'Status' }] });
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.text!.length).toBeLessThanOrEqual(LIMITS.text);
    expect(messages.map((m) => m.text).join(' ')).toBe(text);
    expect(messages.at(-1)?.quick_replies).toHaveLength(1);
    expect(messages.slice(0, -1).every((m) => m.quick_replies === undefined)).toBe(true);
  });

  it('sends a link without a url (not yet issued) as plain text rather than a broken button', () => {
    expect(render({ text: 'Hi', choices: [], link: { kind: 'handoff', label: 'Open' } })).toEqual([{ text: 'Hi' }]);
  });
});

describe('clip and splitText', () => {
  it('clips by characters, not UTF-16 units', () => {
    expect(clip('ภาษาไทยยาวมากเกินยี่สิบตัวอักษรแน่นอน', 20)).toHaveLength(20);
    expect(clip('😀'.repeat(25), 20)).toBe('😀'.repeat(19) + '…');
    expect(clip('short', 20)).toBe('short');
  });

  it('never splits a surrogate pair', () => {
    const parts = splitText('😀'.repeat(1500), 2000);
    expect(parts.join('')).toBe('😀'.repeat(1500));
    // A lone surrogate at either end of a part would mean an emoji was cut in half.
    for (const part of parts) expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(part)).toBe(false);
  });
});

describe('messagingTypeFor', () => {
  const now = 1_800_000_000_000;

  it('answers inside 24 hours as RESPONSE, for the bot and for staff', () => {
    expect(messagingTypeFor(now - STANDARD_WINDOW_MS + 1000, false, now)).toEqual(RESPONSE);
    expect(messagingTypeFor(now - 60_000, true, now)).toEqual(RESPONSE);
  });

  it('tags a staff message between 24 hours and 7 days HUMAN_AGENT', () => {
    expect(messagingTypeFor(now - STANDARD_WINDOW_MS - 1000, true, now)).toEqual({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it('holds a bot message after 24 hours and a staff message after 7 days', () => {
    for (const [last, staff] of [[now - STANDARD_WINDOW_MS - 1, false], [now - HUMAN_AGENT_WINDOW_MS - 1, true]] as const) {
      let caught: unknown;
      try {
        messagingTypeFor(last, staff, now);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PlatformError);
      expect((caught as PlatformError).details.hold).toBe(true);
      expect((caught as PlatformError).retryable).toBe(false);
    }
  });
});
