// LINE rendering: text limits counted as LINE counts them, quick-reply postbacks, the link bubble, batches of five.

import { describe, expect, it } from 'vitest';
import { renderLineMessages, LINE_LIMITS } from '../../../src/channels/line/render';
import { splitText, truncate } from '../../../src/channels/line/text';
import { messageText, quickReplyData, uriActions } from './fake';

/** No lone surrogate: nothing half of an emoji. */
const isWellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('truncate', () => {
  it('leaves a label that fits alone', () => {
    expect(truncate('Yes, under 18', 20)).toBe('Yes, under 18');
  });

  it('cuts a long label to the limit, ending in an ellipsis', () => {
    const label = truncate('For someone else I am helping today', 20);
    expect(label.length).toBeLessThanOrEqual(20);
    expect(label).toBe('For someone else I…');
  });

  it('never splits an emoji that LINE counts as two characters', () => {
    const label = truncate('😀'.repeat(15), 20);
    expect(label.length).toBeLessThanOrEqual(20);
    expect(label).toBe(`${'😀'.repeat(9)}…`);
    expect(isWellFormed(label)).toBe(true);
  });

  it('keeps a Thai vowel or tone mark with its consonant', () => {
    // "Helping a friend who is being threatened right now": a plain cut at 19 would strand the vowel ู.
    const thai = 'ช่วยเพื่อนที่กำลังถูกข่มขู่อยู่ตอนนี้';
    expect(/\p{M}/u.test(thai.charAt(19))).toBe(true);
    const label = truncate(thai, 20);
    expect(label).toBe('ช่วยเพื่อนที่กำลัง…');
  });
});

describe('splitText', () => {
  it('keeps a text within the limit whole', () => {
    expect(splitText('Hello', 5000)).toEqual(['Hello']);
  });

  it('breaks a long text at a paragraph, each piece within the limit', () => {
    const first = 'a'.repeat(3000);
    const second = 'b'.repeat(3000);
    expect(splitText(`${first}\n\n${second}`, 5000)).toEqual([first, second]);
  });

  it('cuts a text without spaces between whole characters and loses nothing', () => {
    const text = '😀'.repeat(6000);
    const pieces = splitText(text, 5000);
    expect(pieces.every((p) => p.length <= 5000 && isWellFormed(p))).toBe(true);
    expect(pieces.join('')).toBe(text);
  });
});

describe('renderLineMessages', () => {
  it('renders text with choices as quick-reply postbacks whose data is the choice id', () => {
    const [batch, ...rest] = renderLineMessages({
      text: 'Is this about you, or are you helping someone else?',
      choices: [
        { id: 'role:self', label: "It's about me" },
        { id: 'role:helper', label: 'For someone else, a friend of mine' },
      ],
    });
    expect(rest).toEqual([]);
    expect(batch).toHaveLength(1);
    const message = batch![0] as unknown as Record<string, unknown>;
    expect(message).toMatchObject({ type: 'text', text: 'Is this about you, or are you helping someone else?' });
    expect(quickReplyData(message)).toEqual(['role:self', 'role:helper']);
    const items = (message.quickReply as { items: { type: string; action: { type: string; label: string; displayText: string } }[] }).items;
    expect(items.every((i) => i.type === 'action' && i.action.type === 'postback' && i.action.label.length <= 20)).toBe(true);
    expect(items[1]!.action.displayText).toBe('For someone else, a friend of mine');
  });

  it('offers at most 13 quick replies', () => {
    const choices = Array.from({ length: 20 }, (_, i) => ({ id: `c:${i}`, label: `Choice ${i}` }));
    const [[message]] = renderLineMessages({ text: 'Pick one', choices }) as unknown as [[Record<string, unknown>]];
    expect(quickReplyData(message)).toEqual(choices.slice(0, 13).map((c) => c.id));
  });

  it('renders the handoff link as a flex bubble with a URI button, the text beside it, and the choices', () => {
    const url = 'https://reclaim.example/hash#t=abc&l=en';
    const [[message]] = renderLineMessages({
      text: 'Tap the link to open the fingerprint page. It works once and for 60 minutes.',
      choices: [{ id: 'handoff:new_link', label: 'New link' }, { id: 'human', label: 'Talk to a person' }],
      link: { kind: 'handoff', label: 'Make fingerprints', url },
    }) as unknown as [[Record<string, unknown>]];
    expect(message.type).toBe('flex');
    expect(uriActions(message)).toEqual([{ type: 'uri', label: 'Make fingerprints', uri: url }]);
    expect(messageText(message)).toContain('It works once and for 60 minutes.');
    expect(quickReplyData(message)).toEqual(['handoff:new_link', 'human']);
    // The single-use token must not show in notifications.
    expect(String(message.altText)).not.toContain('#t=');
    expect(String(message.altText).length).toBeLessThanOrEqual(LINE_LIMITS.altText);
  });

  it('splits a very long text into requests of at most five messages, choices on the very last one', () => {
    const text = Array.from({ length: 7 }, (_, i) => String(i).repeat(4000)).join('\n\n');
    const batches = renderLineMessages({ text, choices: [{ id: 'human', label: 'Talk to a person' }] });
    expect(batches.map((b) => b.length)).toEqual([5, 2]);
    const all = batches.flat() as unknown as Record<string, unknown>[];
    expect(all.every((m) => m.type === 'text' && String(m.text).length <= 5000)).toBe(true);
    expect(all.map((m) => quickReplyData(m).length)).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });

  it('sends nothing for an empty message', () => {
    expect(renderLineMessages({ text: '', choices: [] })).toEqual([]);
  });
});
