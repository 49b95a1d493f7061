// Reads the typed-answer tables at each step as the engine would, with the real translator's labels and command words.

import { COMMANDS, STEPS } from '../../flows/intake';
import { matchChoice } from '../../src/core/choices';
import type { Translator } from '../../src/engine/i18n';
import { understand, type AnswerContext, type Understanding } from '../../src/understand';
import type { AnswerTable } from './data/types';

export type StepName = keyof AnswerTable;

/** The open question as the engine presents it to the understanding layer. */
export function answerContext(translator: Translator, step: StepName): AnswerContext {
  const choices = STEPS[step].choices;
  return { choices, words: translator.choiceWords([...choices, ...COMMANDS]) };
}

/** A reading reduced to what the flow does with it: a choice id, `back`, or `reask` (asked again or clarified). */
export function reading(u: Understanding): string {
  if (u.outcome.kind === 'choice') return u.outcome.id;
  if (u.outcome.kind === 'back') return 'back';
  return 'reask';
}

/** The same answer read by the matcher that came before the understanding layer: exact labels and numbers only. */
export function oldReading(translator: Translator, step: StepName, text: string): string {
  const { choices, words } = answerContext(translator, step);
  return matchChoice(text, [...words], [...choices]) ?? 'reask';
}

export function newReading(translator: Translator, step: StepName, text: string): { got: string; u: Understanding } {
  const u = understand(text, answerContext(translator, step));
  return { got: reading(u), u };
}

/** Every answer of a table with what it must be read as (`reask` for those that must not pick a choice). */
export function cases(table: AnswerTable): { step: StepName; text: string; expected: string }[] {
  return (Object.keys(table) as StepName[]).flatMap((step) => [
    ...Object.entries(table[step].understood).flatMap(([expected, texts]) => texts.map((text) => ({ step, text, expected }))),
    ...table[step].notAChoice.map((text) => ({ step, text, expected: 'reask' })),
  ]);
}
