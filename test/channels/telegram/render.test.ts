// Unit tests of rendering: plain text split safely, choices as callback buttons, the handoff link as a URL button.

import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, renderMessage, splitText } from '../../../src/channels/telegram/render';

describe('renderMessage', () => {
  it('sends plain text with no keyboard when there is nothing to choose', () => {
    expect(renderMessage({ text: 'Hello', choices: [] })).toEqual([{ text: 'Hello' }]);
  });

  it('puts each choice on its own row with the choice id as callback_data', () => {
    const [send] = renderMessage({ text: 'Is this about you?', choices: [{ id: 'role:self', label: 'About me' }, { id: 'role:helper', label: 'Helping someone' }] });
    expect(send!.replyMarkup).toEqual({
      inline_keyboard: [[{ text: 'About me', callback_data: 'role:self' }], [{ text: 'Helping someone', callback_data: 'role:helper' }]],
    });
  });

  it('makes the handoff link a URL button above the choices', () => {
    const [send] = renderMessage({
      text: 'Here is your link',
      choices: [{ id: 'human', label: 'Talk to a person' }],
      link: { kind: 'handoff', label: 'Make fingerprints', url: 'https://reclaim.example/hash#t=abc' },
    });
    expect(send!.replyMarkup!.inline_keyboard).toEqual([
      [{ text: 'Make fingerprints', url: 'https://reclaim.example/hash#t=abc' }],
      [{ text: 'Talk to a person', callback_data: 'human' }],
    ]);
  });

  it('leaves out a handoff link that has no URL yet rather than send a dead button', () => {
    const [send] = renderMessage({ text: 'x', choices: [], link: { kind: 'handoff', label: 'Open' } });
    expect(send!.replyMarkup).toBeUndefined();
  });

  it('refuses a choice id Telegram would reject as callback_data', () => {
    expect(() => renderMessage({ text: 'x', choices: [{ id: 'c'.repeat(65), label: 'x' }] })).toThrow(RangeError);
  });

  it('splits long text and keeps the buttons on the last part only', () => {
    const text = `${'a'.repeat(3000)}\n\n${'b'.repeat(3000)}`;
    const sends = renderMessage({ text, choices: [{ id: 'human', label: 'Person' }] });
    expect(sends.map((s) => s.text)).toEqual(['a'.repeat(3000), 'b'.repeat(3000)]);
    expect(sends[0]!.replyMarkup).toBeUndefined();
    expect(sends[1]!.replyMarkup?.inline_keyboard).toHaveLength(1);
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('short')).toEqual(['short']);
    expect(splitText('x'.repeat(MAX_TEXT_LENGTH))).toEqual(['x'.repeat(MAX_TEXT_LENGTH)]);
  });

  it('breaks at a line break, then a space, near the limit', () => {
    expect(splitText('aaaaaaaa\nbbbb cc', 10)).toEqual(['aaaaaaaa', 'bbbb cc']);
    expect(splitText('aaaa bbbb cccc dddd', 10)).toEqual(['aaaa bbbb', 'cccc dddd']);
  });

  it('cuts hard when there is no break, never inside a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😀'.repeat(3);
    const parts = splitText(text, 10);
    expect(parts.join('')).toBe(text);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(10);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
  });

  it('never exceeds the limit and loses no words', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}${i % 17 === 0 ? '\n' : ''}`);
    const text = words.join(' ');
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
    expect(parts.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
  });
});
