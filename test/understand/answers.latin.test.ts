// Typed answers in the Latin-script languages fr, de, nl, it, pt, is, id, vi, tl and tr: what must pick which choice, and what must be asked again.

import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { explain } from '../../src/understand';
import { fold } from '../../src/understand/fold';
import { de } from './data/de';
import { fr } from './data/fr';
import { id } from './data/id';
import { it as italian } from './data/it';
import { is } from './data/is';
import { nl } from './data/nl';
import { pt } from './data/pt';
import { tl } from './data/tl';
import { tr } from './data/tr';
import { vi } from './data/vi';
import { countAnswers, type AnswerTable } from './data/types';
import { newReading, type StepName } from './harness';

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

const TABLES: Record<string, AnswerTable> = { fr, de, nl, it: italian, pt, is, id, vi, tl, tr };

describe.each(Object.keys(TABLES))('typed answers (%s)', (lng) => {
  const table = TABLES[lng]!;
  describe.each(Object.keys(table) as StepName[])('at %s', (step) => {
    const answers = table[step];

    it('has at least 15 answers written as teens write', () => {
      expect(countAnswers(answers)).toBeGreaterThanOrEqual(15);
    });

    const understood = Object.entries(answers.understood).flatMap(([expected, texts]) => texts.map((text) => [text, expected] as const));
    it.each(understood)('reads %j as %s', (text, expected) => {
      const { got, u } = newReading(translator, step, text);
      expect(got, explain(u)).toBe(expected);
    });

    it.each(answers.notAChoice.map((t) => [t]))('does not take %j as a choice', (text) => {
      const { got, u } = newReading(translator, step, text);
      expect(got, explain(u)).toBe('reask');
    });
  });
});
