// Rendered messages handed out from the translator's cache are copies: what a caller fills in never reaches the next message.

import { describe, expect, it } from 'vitest';
import { copyRendered, type RenderedMessage } from '../../src/core/messages';
import { createTranslator } from '../../src/engine/i18n';

describe('copyRendered', () => {
  it('copies every field (the fixture must name them all) and shares no object with the original', () => {
    const original: Required<RenderedMessage> = {
      text: 'Is this about you?',
      choices: [
        { id: 'role:self', label: 'Yes, me' },
        { id: 'role:helper', label: 'Someone else' },
      ],
      link: { kind: 'handoff', label: 'Open', url: 'https://example.test/h/abc' },
      fromStaff: true,
    };
    const copy = copyRendered(original);
    expect(copy).toEqual(structuredClone(original));
    expect(copy.choices).not.toBe(original.choices);
    expect(copy.choices[0]).not.toBe(original.choices[0]);
    expect(copy.link).not.toBe(original.link);
  });

  it('leaves absent fields absent', () => {
    expect(copyRendered({ text: 'hi', choices: [] })).toStrictEqual({ text: 'hi', choices: [] });
  });
});

describe('render', () => {
  it('hands out a fresh copy each time, so filling in one link leaves the cached rendering alone', async () => {
    const translator = await createTranslator();
    const intent = { key: 'handoff.link', link: 'handoff' as const, choices: ['handoff:new_link', 'human'] };
    const first = translator.render(intent, 'en');
    first.link!.url = 'https://example.test/h/first';
    first.choices[0]!.label = 'changed';
    const second = translator.render(intent, 'en');
    expect(second.link).toEqual({ kind: 'handoff', label: expect.any(String) });
    expect(second.choices[0]!.label).not.toBe('changed');
  });
});
