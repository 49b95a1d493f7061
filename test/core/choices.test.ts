// Free-text answers matched to choices: labels in any language, numbers, command words, Telegram slashes.

import { describe, expect, it } from 'vitest';
import { matchChoice, normaliseAnswer } from '../../src/core/choices';

const offered = [
  { id: 'minor:yes', words: ['Yes, under 18', 'ใช่', 'Sí, menor de 18'] },
  { id: 'minor:no', words: ['No, 18 or older'] },
  { id: 'human', words: ['help', 'ช่วยด้วย', 'talk to a person'] },
].map((c) => ({ ...c, words: c.words.map(normaliseAnswer) }));

describe('matchChoice', () => {
  it('matches a label case-insensitively, with accents or without', () => {
    expect(matchChoice('  YES, UNDER 18 ', offered, [])).toBe('minor:yes');
    expect(matchChoice('si, menor de 18', offered, [])).toBe('minor:yes');
  });

  it('matches the number of a shown choice', () => {
    expect(matchChoice('2', offered, ['minor:yes', 'minor:no'])).toBe('minor:no');
    expect(matchChoice('๑', offered, ['minor:yes', 'minor:no'])).toBe('minor:yes');
    expect(matchChoice('3', offered, ['minor:yes', 'minor:no'])).toBeNull();
  });

  it('matches command words, Telegram slash commands and Thai with polite particles', () => {
    expect(matchChoice('/help', offered, [])).toBe('human');
    expect(matchChoice('/help@ReclaimBot', offered, [])).toBe('human');
    expect(matchChoice('ช่วยด้วยค่ะ', offered, [])).toBe('human');
    expect(matchChoice('ใช่ครับ', offered, [])).toBe('minor:yes');
  });

  it('matches a choice id typed as is, and nothing for other text', () => {
    expect(matchChoice('minor:no', offered, [])).toBe('minor:no');
    expect(matchChoice('yes under eighteen maybe', offered, [])).toBeNull();
    expect(matchChoice('', offered, ['minor:yes'])).toBeNull();
  });

  it('keeps Thai vowels and tone marks while folding Latin accents', () => {
    expect(normaliseAnswer('ไม่ใช่')).toBe('ไม่ใช่');
    expect(normaliseAnswer('Español')).toBe('espanol');
  });
});
