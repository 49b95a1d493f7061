// Typed answers in the Latin-script languages fr, de, nl, it, pt, is, id, vi, tl and tr: what must pick which choice, and what must be asked again.

import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { explain } from '../../src/understand';
import { fold } from '../../src/understand/fold';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe('folding Latin letters that have no accent to strip', () => {
  // Teens type these without the special letter; the lexicons list the plain spelling once.
  it.each([
    ['Được rồi', 'duoc roi'],
    ['ĐÚNG', 'dung'],
    ['hayır', 'hayir'],
    ['İSTANBUL', 'istanbul'],
    ['Þetta', 'theta'],
    ['ég veit það ekki', 'eg veit thad eki'],
    ['næstum', 'naestum'],
    ['Straße', 'strase'],
    ['cœur', 'coeur'],
  ])('folds %j as %j', (typed, plain) => {
    expect(fold(typed)).toBe(fold(plain));
  });
});
