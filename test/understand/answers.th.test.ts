// Typed answers in Thai, at every question with choices: what must pick which choice, and what must be asked again.

import { beforeAll, describe, expect, it } from 'vitest';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import { explain } from '../../src/understand';
import { th } from './data/th';
import { countAnswers } from './data/types';
import { newReading, type StepName } from './harness';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe.each(Object.keys(th) as StepName[])('typed answers (th) at %s', (step) => {
  const table = th[step];

  it('has at least 40 answers written as teens write', () => {
    expect(countAnswers(table)).toBeGreaterThanOrEqual(40);
  });

  const understood = Object.entries(table.understood).flatMap(([expected, texts]) => texts.map((text) => [text, expected] as const));
  it.each(understood)('reads %j as %s', (text, expected) => {
    const { got, u } = newReading(translator, step, text);
    expect(got, explain(u)).toBe(expected);
  });

  it.each(table.notAChoice.map((t) => [t]))('does not take %j as a choice', (text) => {
    const { got, u } = newReading(translator, step, text);
    expect(got, explain(u)).toBe('reask');
  });
});
