// Folds a typed answer and the phrases it is compared with into one spelling: case, accents, stretched letters, emoji, Thai digits.

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
// Stretching ("yesss", "noooo", "siii", "ช่ายยย") collapses to one letter. Phrases are folded the
// same way, so a real double ("too", "ตามมา") is compared as the same single letter on both sides.
const REPEATS = /([\p{L}\p{M}])\1+/gu;
// The Thai repetition mark only adds emphasis ("ใช่ๆ").
const THAI_REPEAT_MARK = /\u0E46/gu;
// Thai laughter ("555") is not an age.
const THAI_LAUGH = /(?<!\d)5{3,}(?!\d)/gu;
const THAI = '\\u0E00-\\u0E7F';

/** Whether text holds Thai letters (and so is matched without word boundaries). */
export function hasThai(text: string): boolean {
  return /[\u0E00-\u0E7F]/u.test(text);
}

/**
 * Folds text for comparison: NFKC, lower case, no invisible characters, apostrophes or Latin
 * accents (Thai vowels and tone marks stay: they change meaning), Thai digits as ASCII,
 * answering emoji as words, "18+" as "18 plus", punctuation as one space, no spaces between
 * Thai letters (Thai does not separate words, so teens space them at random), every run of a
 * repeated letter as one letter.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(EMOJI, (e) => ` ${EMOJI_WORDS[e] ?? ''} `)
    .replace(/[\u0E50-\u0E59]/gu, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(APOSTROPHES, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .normalize('NFC')
    .replace(THAI_LAUGH, ' ')
    .replace(/(\d)\s*\+/gu, '$1 plus ')
    .replace(/\$/gu, ' usd ')
    .replace(THAI_REPEAT_MARK, '')
    .replace(/\u0E40\u0E40/gu, '\u0E41') // "เเ" typed for "แ"
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .replace(new RegExp(`(?<=[${THAI}]) +(?=[${THAI}])`, 'gu'), '')
    .replace(REPEATS, '$1')
    .trim();
}

/** Folds the literal parts of a regular expression source written for folded text (letters only). */
export function foldPattern(source: string): string {
  return source.normalize('NFKC').toLowerCase().replace(THAI_REPEAT_MARK, '').replace(REPEATS, '$1');
}
