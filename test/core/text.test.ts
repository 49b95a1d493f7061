// Text normalisation before storage: controls and lone surrogates out, line breaks and NFC in, bounded length.

import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, normalizeText } from '../../src/core/text';

describe('normalizeText', () => {
  it('drops U+0000 and the other C0 controls and DEL, keeping tab and newline', () => {
    expect(normalizeText('a\u0000b\u0007c\u001bd\u007fe')).toBe('abcde');
    expect(normalizeText('line one\n\tline two')).toBe('line one\n\tline two');
  });

  it('turns CRLF and CR into newlines', () => {
    expect(normalizeText('a\r\nb\rc')).toBe('a\nb\nc');
  });

  it('drops lone surrogates and keeps pairs (emoji)', () => {
    expect(normalizeText('x\uD800y\uDC00z')).toBe('xyz');
    expect(normalizeText('ok 👍')).toBe('ok 👍');
  });

  it('composes to NFC, so the same word is stored one way', () => {
    expect(normalizeText('Jose\u0301')).toBe('José');
    expect(normalizeText('ที่')).toBe('ที่'.normalize('NFC'));
  });

  it('bounds the length without cutting a surrogate pair', () => {
    expect(normalizeText('a'.repeat(MAX_TEXT_LENGTH + 10))).toHaveLength(MAX_TEXT_LENGTH);
    const cut = normalizeText(`${'a'.repeat(9)}👍`, 10);
    expect(cut).toBe('a'.repeat(9));
  });
});
