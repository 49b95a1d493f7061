// Folds a typed answer and the phrases it is compared with into one spelling: case, accents, stretched letters, emoji, native digits, per-script spellings.

import { foldDigits } from '../core/digits';

// Zero-width and formatting characters (ZWJ/ZWNJ too): invisible, but they split or join words.
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
// Stretching ("yesss", "noooo", "siii", "لاااا") collapses to one letter in Latin and Arabic-script
// text. Phrases are folded the same way, so a real double ("too", "ممكن") is compared as the same
// single letter on both sides. In other scripts doubles are real spelling where words join
// ("โอเคค่ะ", "ตามมา", "谢谢", "네네"), so only runs of three or more collapse there ("ช่ายยย",
// "हाँँँ"); a phrase still matches inside "ช่ายย".
const LATIN_REPEATS = /(\p{Script=Latin})\1+/gu;
const ARABIC_REPEATS = /([\u0621-\u064A\u0671-\u06D3\u06D5])\1+/gu;
const OTHER_REPEATS = /(?![\p{Script=Latin}\p{Script=Arabic}])([\p{L}\p{M}])\1{2,}/gu;
// Thai and Khmer repetition marks end a word and only add emphasis ("ใช่ๆ", "ចាសៗ").
const REPEAT_MARKS = /[\u0E46\u17D7]/gu;
// Thai laughter ("555"), Chinese crying ("555" = 呜呜呜) is not an age.
const LAUGH_DIGITS = /(?<!\d)5{3,}(?!\d)/gu;
// Korean laughing and crying typed as bare letters ("ㅋㅋㅋ", "ㅎㅎ", "ㅠ"): only feeling. A single
// "ㅎ" stays: "ㅎㅇ" is a greeting.
const HANGUL_FEELING = /[\u314B\u3160\u315C]+|\u314E{2,}/gu;
// Latin letters that are not an accent on a plain letter, so stripping accents leaves them: each is
// folded to the plain spelling teens type without it ("duoc", "hayir", "thad", "strasse").
const LATIN_LETTERS: Readonly<Record<string, string>> = { 'đ': 'd', 'ð': 'd', 'þ': 'th', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ß': 'ss', 'ı': 'i' };
const LATIN_LETTER = /[đðþæœøßı]/gu;
// Arabic script (Arabic, Urdu, Kurdish): vowel marks and the stretching bar carry no meaning for
// matching, and keyboards differ in which alef, yeh, kaf and heh they type; Kurdish letters an
// Arabic keyboard lacks (ڕ ڵ ێ ۆ ڤ) are typed as the nearest Arabic one.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ک': 'ك', 'ة': 'ه', 'ۃ': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ە': 'ه',
  'ڕ': 'ر', 'ڵ': 'ل', 'ێ': 'ي', 'ۆ': 'و', 'ڤ': 'ف',
};
const ARABIC_LETTER = /[أإآٱىیېکةۃہھەڕڵێۆڤ]/gu;
// Devanagari: chandrabindu typed as anusvara ("हाँ"/"हां"), nukta often left out ("ज़्यादा"/"ज्यादा").
// Malayalam: an atomic chillu ("ൻ") is the older virama form ("ന്" + ZWJ, the ZWJ already dropped).
const CHILLU: Readonly<Record<string, string>> = { 'ൺ': 'ണ്', 'ൻ': 'ന്', 'ർ': 'ര്', 'ൽ': 'ല്', 'ൾ': 'ള്', 'ൿ': 'ക്' };
// Khmer: the vowel "ើ" is often typed as its two halves ("េ" + "ី").
const INDIC = (s: string) =>
  s
    .replace(/\u0901/gu, '\u0902')
    .replace(/\u093C/gu, '')
    .replace(/[\u0D7A-\u0D7F]/gu, (c) => CHILLU[c] ?? c)
    .replace(/\u17C1\u17B8/gu, '\u17BE');

/** Scripts written without spaces between words: their phrases are found anywhere, not on word edges. */
const UNSPACED = /[\u0E00-\u0E7F\u0E80-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Whether text holds letters of a script written without spaces (Thai, Khmer, Chinese…), matched without word edges. */
export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** Whether text holds Thai letters. */
export function hasThai(text: string): boolean {
  return /[\u0E00-\u0E7F]/u.test(text);
}

/** Spelling folds shared by messages and patterns: per-script letters, native digits, stretched letters. */
function foldLetters(text: string): string {
  return INDIC(
    foldDigits(text)
      .replace(LATIN_LETTER, (c) => LATIN_LETTERS[c] ?? c)
      .replace(ARABIC_MARKS, '')
      .replace(ARABIC_LETTER, (c) => ARABIC_LETTERS[c] ?? c),
  );
}

/**
 * Folds text for comparison: NFKC (full-width as half-width), lower case, no invisible
 * characters, apostrophes or Latin accents (Thai, Indic and Khmer vowel signs stay: they change
 * meaning), đ ð þ æ œ ø ß ı as plain letters, native digits as ASCII, the Arabic-script and Devanagari spellings above, answering
 * emoji as words, "18+" as "18 plus", punctuation and repetition marks as one space, stretched
 * letters as one. Spaces in unspaced scripts stay: they are where a teen ended a phrase.
 */
export function fold(text: string): string {
  const folded = text
    .replace(HANGUL_FEELING, ' ')
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(EMOJI, (e) => ` ${EMOJI_WORDS[e] ?? ''} `)
    .replace(APOSTROPHES, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .normalize('NFC');
  return foldLetters(folded)
    .replace(LAUGH_DIGITS, ' ')
    .replace(/(\d)\s*\+/gu, '$1 plus ')
    .replace(/\$/gu, ' usd ')
    .replace(REPEAT_MARKS, ' ')
    .replace(/\u0E40\u0E40/gu, '\u0E41') // "เเ" typed for "แ"
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .replace(LATIN_REPEATS, '$1')
    .replace(ARABIC_REPEATS, '$1')
    .replace(OTHER_REPEATS, '$1')
    .trim();
}

/** Every run of a repeated letter of an unspaced script as one ("ค่าา" as "ค่า", "对对对" as "对"): only for comparing a whole short answer. */
export function collapseUnspaced(text: string): string {
  return text.replace(/([\u0E00-\u0E7F\u1780-\u17FF\p{Script=Han}])\1+/gu, '$1');
}

/** @deprecated The Thai name of collapseUnspaced. */
export const collapseThai = collapseUnspaced;

/** Folds the literal parts of a regular expression source written for folded text (letters only: write `[^ ]` for "not a space"). */
export function foldPattern(source: string): string {
  return foldLetters(source.normalize('NFKC').toLowerCase())
    .replace(LATIN_REPEATS, '$1')
    .replace(ARABIC_REPEATS, '$1')
    .replace(OTHER_REPEATS, '$1');
}
