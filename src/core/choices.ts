// Free-text answers: a typed label, number or command word counts as tapping that choice.

import { foldDigits } from './digits';

/** Lower-cases, folds width and native digits ("٣", "३", "๓" as "3"), trims punctuation and a leading slash (Telegram commands). */
export function normaliseAnswer(text: string): string {
  return foldDigits(text.normalize('NFKC'))
    .toLowerCase()
    // Latin accents only ("si" picks "Sí"); Thai vowels and tone marks are combining characters too and must stay.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/@\w+$/, '') // "/help@ReclaimBot" in Telegram groups
    .replace(/^[\s/!.,"'“”‘’()[\]]+|[\s!?.,"'“”‘’()[\]]+$/g, '')
    .replace(/\s+/g, ' ')
    // Thai politeness particles end many answers ("ช่วยด้วยค่ะ") without changing them.
    .replace(/(?:\s*(?:นะคะ|นะครับ|ค่ะ|คะ|ครับ|คับ|จ้า|จ้ะ|นะ))+$/u, '');
}

/** A choice that may be offered, with every label and word that selects it (all locales), already normalised. */
export interface ChoiceWords {
  id: string;
  words: string[];
}

/**
 * Returns the id of the offered choice the text selects, or null.
 * `numbered` are the choices shown as buttons, in order: "1" selects the first. `offered` words
 * must already be normalised with `normaliseAnswer` (the translator caches them so).
 */
export function matchChoice(text: string, offered: ChoiceWords[], numbered: string[]): string | null {
  const answer = normaliseAnswer(text);
  if (answer === '') return null;
  if (/^\d{1,2}$/.test(answer)) return numbered[Number(answer) - 1] ?? null;
  for (const choice of offered) {
    if (answer === choice.id) return choice.id;
    if (choice.words.includes(answer)) return choice.id;
  }
  return null;
}
