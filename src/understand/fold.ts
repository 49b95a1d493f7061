// Folds a typed answer and the phrases it is compared with into one spelling: case, accents, stretched letters, emoji, native digits.

import { foldDigits } from '../core/digits';

// Zero-width and formatting characters: invisible, but they split words.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/gu;
// Dropped rather than spaced so "don't", "I'm" become "dont", "im".
const APOSTROPHES = /['’‘`´ʼ′]/gu;
// Emoji that answer on their own; every other emoji is only feeling and is dropped.
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '👍': 'yes', '👌': 'yes', '✅': 'yes', '✔': 'yes', '☑': 'yes', '🙆': 'yes', '💯': 'yes',
  '👎': 'no', '❌': 'no', '✖': 'no', '🙅': 'no', '🚫': 'no',
  '🤷': 'idk',
};
const EMOJI = new RegExp(`(?:${Object.keys(EMOJI_WORDS).join('|')})`, 'gu');
// Stretching ("yesss", "noooo", "siii") collapses to one letter in Latin text. Phrases are folded the
// same way, so a real double ("too", "sorry") is compared as the same single letter on both sides.
// Thai doubles are real spelling where words join ("โอเคค่ะ", "ตามมา"), so only runs of three or
// more collapse there ("ช่ายยย"); a phrase still matches inside "ช่ายย".
const LATIN_REPEATS = /(\p{Script=Latin})\1+/gu;
const THAI_REPEATS = /([\u0E00-\u0E7F])\1{2,}/gu;
// The Thai repetition mark ends a word and only adds emphasis ("ใช่ๆ", "ไม่ๆ ใช่").
const THAI_REPEAT_MARK = /\u0E46/gu;
// Latin letters that are not an accent on a plain letter, so stripping accents leaves them: each is
// folded to the plain spelling teens type without it ("duoc", "hayir", "thad", "strasse").
const LATIN_LETTERS: Readonly<Record<string, string>> = { 'đ': 'd', 'ð': 'd', 'þ': 'th', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ß': 'ss', 'ı': 'i' };
const LATIN_LETTER = /[đðþæœøßı]/gu;
// Thai laughter ("555") is not an age.
const THAI_LAUGH = /(?<!\d)5{3,}(?!\d)/gu;

/** Whether text holds Thai letters (and so is matched without word boundaries). */
export function hasThai(text: string): boolean {
  return /[\u0E00-\u0E7F]/u.test(text);
}

/**
 * Folds text for comparison: NFKC, lower case, no invisible characters, apostrophes or Latin
 * accents (Thai vowels and tone marks stay: they change meaning), đ ð þ æ œ ø ß ı as plain letters, native digits (Thai, Arabic, Devanagari…) as ASCII,
 * answering emoji as words, "18+" as "18 plus", punctuation and ๆ as one space, stretched
 * letters as one (see LATIN_REPEATS). Spaces in Thai stay: they are where a teen ended a phrase.
 */
export function fold(text: string): string {
  return foldDigits(text.normalize('NFKC'))
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(LATIN_LETTER, (c) => LATIN_LETTERS[c] ?? c)
    .replace(EMOJI, (e) => ` ${EMOJI_WORDS[e] ?? ''} `)
    .replace(APOSTROPHES, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .normalize('NFC')
    .replace(THAI_LAUGH, ' ')
    .replace(/(\d)\s*\+/gu, '$1 plus ')
    .replace(/\$/gu, ' usd ')
    .replace(THAI_REPEAT_MARK, ' ')
    .replace(/\u0E40\u0E40/gu, '\u0E41') // "เเ" typed for "แ"
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .replace(LATIN_REPEATS, '$1')
    .replace(THAI_REPEATS, '$1')
    .trim();
}

/** Every run of a repeated Thai letter as one ("ค่าา" as "ค่า"): only for comparing a whole short answer. */
export function collapseThai(text: string): string {
  return text.replace(/([\u0E00-\u0E7F])\1+/gu, '$1');
}

/** Folds the literal parts of a regular expression source written for folded text (letters only). */
export function foldPattern(source: string): string {
  return source.normalize('NFKC').toLowerCase().replace(LATIN_LETTER, (c) => LATIN_LETTERS[c] ?? c).replace(LATIN_REPEATS, '$1').replace(THAI_REPEATS, '$1');
}
