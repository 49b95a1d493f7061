// Phrase books for risk detection: how messages and phrases are folded per script, and how a book is compiled.

import { needsOf, type Needs } from '../pattern-needs';

/** What a risky message suggests. Both get crisis contacts; danger leads with the emergency number. */
export type RiskKind = 'self_harm' | 'immediate_danger';

/**
 * How a book's phrases are matched:
 * - latin: accents, case, leetspeak and stretched letters folded; phrases start and end on word edges.
 * - viet: Vietnamese keeps its marks, and a phrase's marked letter also matches the letter typed
 *   without tone or without any mark ("chết", "chêt", "chet"), never a different tone ("từ" is not "tự").
 * - thai, nospace (Chinese, Korean, Khmer): no spaces at all, phrases matched anywhere.
 * - arabic (Arabic, Urdu, Sorani): no vowel signs or tatweel, letter variants unified, matched anywhere.
 * - indic (Devanagari, Bengali, Tamil, Malayalam, Sinhala): no nukta or joiners, nasal marks and
 *   Malayalam chillu letters unified, matched anywhere.
 * Outside latin and viet, a phrase that could sit inside a longer word adds its own edge.
 */
export type Script = 'latin' | 'viet' | 'thai' | 'nospace' | 'arabic' | 'indic';

/** A phrase as written in a book; `unless` is checked against the whole message, `whole` anchors it to the whole message. */
export type PhraseSpec = string | { re: string; unless?: string; whole?: true };

export interface Rule {
  /** Unique across every book: a slot in detection's table of patterns worth testing. */
  readonly id: number;
  readonly pattern: RegExp;
  readonly unless: RegExp | null;
  /** The characters a message must have for `pattern` to match it (see ../pattern-needs). */
  readonly needs: Needs;
}

export interface PhraseBook {
  readonly script: Script;
  /** Skip the book unless the message has one of these characters (null: always read it). */
  readonly gate: RegExp | null;
  readonly rules: Readonly<Record<RiskKind, readonly Rule[]>>;
}

/** Which characters make a script's book worth reading. */
export const GATES = {
  thai: /[\u0E00-\u0E7F]/u,
  han: /\p{Script=Han}/u,
  hangul: /\p{Script=Hangul}/u,
  khmer: /[\u1780-\u17FF\u19E0-\u19FF]/u,
  arabic: /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u,
  devanagari: /[\u0900-\u097F]/u,
  bengali: /[\u0980-\u09FF]/u,
  tamil: /[\u0B80-\u0BFF]/u,
  malayalam: /[\u0D00-\u0D7F]/u,
  sinhala: /[\u0D80-\u0DFF]/u,
} as const;

// Zero-width and formatting characters: invisible, but they split words ("kill\u200bmyself").
// Joiners (ZWJ/ZWNJ) go too: Indic and Persian-style keyboards put them inside words at will.
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFE00-\uFE0F\uFEFF]/gu;
// Dropped rather than spaced so "don't", "he's", "I'm" become "dont", "hes", "im".
const APOSTROPHES = /['’‘`´ʼ′]/gu;
const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '5': 's', '@': 'a', $: 's' };
// Latin letters that do not decompose: typed either way depending on the keyboard ("ég dey",
// "eg dey"; "ölüyorum" on a phone without ı writes "olmek"). Turkish dotless ı folds to i.
const LATIN_LETTERS: Readonly<Record<string, string>> = { ı: 'i', þ: 'th', ð: 'd', æ: 'ae', ß: 'ss', đ: 'd', ø: 'o', œ: 'oe', ł: 'l' };
// Thai tone marks, maitaikhu and thanthakhat are often dropped or mistyped in chat; the
// repetition mark ๆ only adds emphasis ("ตายๆ"). Ignoring all of them costs no real meaning here.
const THAI_IGNORABLE = /[\u0E46-\u0E4C]/gu;
// Stretching ("dieeee", "killlll") collapses to one letter in Latin text; phrases are folded the
// same way, so "kill" is written and matched as "kil". Thai doubles are real spelling at word
// joins ("ตามมา", "ให้หน่อย") and Thai phrases match as substrings, so only runs of three or more
// collapse there ("ตายยยย"); a single extra letter at the end ("ตายย") still contains the phrase.
// The other unspaced and Indic scripts are folded the same way as Thai.
const LATIN_REPEATS = /(\p{L})\1+/gu;
const LONG_REPEATS = /([\p{L}\p{M}])\1{2,}/gu;
// A phrase must not start or end inside a Latin word ("diet" is not "die").
const LATIN_BEFORE = '(?<![\\p{Script=Latin}\\p{N}])';
const LATIN_AFTER = '(?![\\p{Script=Latin}\\p{N}])';
const WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
// Arabic script: short vowels, shadda, sukun, superscript alef and tatweel are decoration in chat.
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;
// Letter variants typed interchangeably (hamza seats, alef maqsura, Persian/Urdu yeh and kaf,
// teh marbuta and the Urdu/Kurdish heh forms). Sorani's own letters (ە ێ ۆ ڕ ڵ) are often typed
// on Arabic keyboards as ه ي و ر ل, so they fold to those.
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي', 'ؤ': 'و',
  'ة': 'ه', 'ۃ': 'ه', 'ہ': 'ه', 'ە': 'ه', 'ھ': 'ه', 'ک': 'ك', 'ګ': 'گ',
  'ێ': 'ي', 'ۆ': 'و', 'ڕ': 'ر', 'ڵ': 'ل',
};
const ARABIC_LETTER = new RegExp(`[${Object.keys(ARABIC_LETTERS).join('')}]`, 'gu');
// Nukta (borrowed sounds: "ज़िंदगी"/"जिंदगी") is often left out; chandrabindu is typed as anusvara.
const INDIC_NUKTA = /[\u093C\u09BC\u0A3C\u0ABC\u0B3C\u0CBC]/gu;
const INDIC_LETTERS: Readonly<Record<string, string>> = {
  '\u0901': '\u0902', // Devanagari ँ → ं
  '\u0981': '\u0982', // Bengali ঁ → ং
  '\u0D7A': '\u0D23\u0D4D', // Malayalam chillu ൺ → ണ്
  '\u0D7B': '\u0D28\u0D4D', // ൻ → ന്
  '\u0D7C': '\u0D30\u0D4D', // ർ → ര്
  '\u0D7D': '\u0D32\u0D4D', // ൽ → ല്
  '\u0D7E': '\u0D33\u0D4D', // ൾ → ള്
  '\u0D7F': '\u0D15\u0D4D', // ൿ → ക്
};
const INDIC_LETTER = new RegExp(`[${Object.keys(INDIC_LETTERS).join('')}]`, 'gu');
// Vietnamese tone marks (grave, acute, tilde, hook, dot below); the vowel marks (circumflex, breve, horn) stay.
const VIET_TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Punctuation, emoji and spaces as one space, trimmed. */
const spaced = (text: string): string => text.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();

/**
 * Folds text for Latin-script phrases: NFKC, lower case, no apostrophes or diacritics, leetspeak
 * inside words ("k1ll"), spelled-out letters joined ("k m s"), punctuation and emoji as one space,
 * and every run of a repeated letter as one letter (see LATIN_REPEATS).
 */
function foldLatin(text: string): string {
  return spaced(
    text
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      .toLowerCase()
      .replace(APOSTROPHES, '')
      .replace(/[ıþðæßđøœł]/gu, (c) => LATIN_LETTERS[c] ?? c)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/gu, '')
      .normalize('NFC')
      .replace(/[\p{L}\p{N}@$]+/gu, (word) =>
        /\p{Script=Latin}/u.test(word) ? word.replace(/[0135@$]/gu, (c) => LEET[c] ?? c) : word,
      ),
  )
    .replace(/(?<!\S)\p{Script=Latin}(?: \p{Script=Latin}(?!\S)){2,}/gu, (letters) => letters.replace(/ /gu, ''))
    .replace(LATIN_REPEATS, '$1');
}

/** Vietnamese as typed, lower case and spaced, with stretched letters collapsed ("chếtttt"). */
function foldViet(text: string): string {
  return spaced(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(APOSTROPHES, '').normalize('NFC')).replace(
    LATIN_REPEATS,
    '$1',
  );
}

/** The Thai folding shared by messages and phrases: no tone marks or ๆ, "เเ" as "แ", long runs collapsed. */
function foldThaiLetters(text: string): string {
  return text.normalize('NFKC').replace(THAI_IGNORABLE, '').replace(/เเ/gu, 'แ').replace(LONG_REPEATS, '$1');
}

/** Folds a message for Thai phrases: no spaces or punctuation at all, since Thai does not separate words. */
function foldThai(text: string): string {
  return foldThaiLetters(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ''));
}

/** Chinese, Korean and Khmer: full width folded, no spaces or punctuation ("죽고 싶어" is "죽고싶어"). */
function foldUnspaced(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '').replace(LONG_REPEATS, '$1');
}

/** The Arabic-script letters shared by messages and phrases. */
function foldArabicLetters(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ARABIC_MARKS, '')
    .replace(ARABIC_LETTER, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(LATIN_REPEATS, '$1');
}

function foldArabic(text: string): string {
  return foldArabicLetters(spaced(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()));
}

/** The Indic letters shared by messages and phrases. */
function foldIndicLetters(text: string): string {
  return text
    .normalize('NFD')
    .replace(INDIC_NUKTA, '')
    .normalize('NFC')
    .replace(INDIC_LETTER, (c) => INDIC_LETTERS[c] ?? c)
    .replace(LONG_REPEATS, '$1');
}

function foldIndic(text: string): string {
  return foldIndicLetters(spaced(text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()));
}

/** Folds a message for one script's books. */
export function foldFor(script: Script, text: string): string {
  switch (script) {
    case 'latin':
      return foldLatin(text);
    case 'viet':
      return foldViet(text);
    case 'thai':
      return foldThai(text);
    case 'nospace':
      return foldUnspaced(text);
    case 'arabic':
      return foldArabic(text);
    case 'indic':
      return foldIndic(text);
  }
}

/** A Vietnamese letter in a phrase also matches it typed without tone, or with no mark at all. */
function vietLetter(letter: string): string {
  const bare = letter.normalize('NFD').replace(/[\u0300-\u036f]/gu, '');
  const toneless = letter.normalize('NFD').replace(VIET_TONES, '').normalize('NFC');
  const forms = [...new Set([letter, toneless, bare, ...(letter === 'đ' ? ['d'] : [])])];
  return forms.length > 1 ? `[${forms.join('')}]` : letter;
}

/** Compiles one phrase source for its script (see Script). */
function compile(script: Script, source: string, whole = false): RegExp {
  let body: string;
  let before = '';
  let after = '';
  switch (script) {
    case 'latin':
      // "want to" folds to "wanto" when typed "wantto", so a space between two equal letters may vanish with one of them.
      body = source.replace(LATIN_REPEATS, '$1').replace(/ /gu, ' ?').replace(/(\p{L}) \?\1/gu, '$1(?: ?$1)?');
      [before, after] = [LATIN_BEFORE, LATIN_AFTER];
      break;
    case 'viet':
      // Written with every mark, never inside a [class]; a letter that stretches is written once.
      body = source
        .normalize('NFC')
        .replace(LATIN_REPEATS, '$1')
        .replace(/ /gu, ' ?')
        .replace(/\p{L}/gu, (c) => (/[\u00C0-\u1EF9]/u.test(c) ? vietLetter(c) : c));
      [before, after] = [WORD_BEFORE, WORD_AFTER];
      break;
    case 'thai':
      body = foldThaiLetters(source);
      break;
    case 'nospace':
      body = source.normalize('NFKC').replace(/ /gu, '').replace(LONG_REPEATS, '$1');
      break;
    case 'arabic':
      body = foldArabicLetters(source).replace(/ /gu, ' ?');
      break;
    case 'indic':
      body = foldIndicLetters(source).replace(/ /gu, ' ?');
      break;
  }
  if (whole) return new RegExp(`^(?:${body})$`, 'u');
  return new RegExp(`${before}(?:${body})${after}`, 'u');
}

/** Rules compiled so far, in every book: the next rule's id. */
let rulesCompiled = 0;

/** How many rules all books hold (ids run from 0 to this, exclusive). */
export function ruleCount(): number {
  return rulesCompiled;
}

/** Compiles a phrase book at module load. */
export function book(script: Script, phrases: Record<RiskKind, readonly PhraseSpec[]>, gate: RegExp | null = null): PhraseBook {
  const rules = (specs: readonly PhraseSpec[]): Rule[] =>
    specs.map((spec) => {
      const { re, unless, whole } = typeof spec === 'string' ? { re: spec, unless: undefined, whole: undefined } : spec;
      const pattern = compile(script, re, whole);
      return { id: rulesCompiled++, pattern, unless: unless ? compile(script, unless) : null, needs: needsOf(pattern) };
    });
  return { script, gate, rules: { self_harm: rules(phrases.self_harm), immediate_danger: rules(phrases.immediate_danger) } };
}

/** A negative lookahead: the phrase does not go on with one of these words. */
export const notBefore = (...words: string[]): string => `(?!\\s?(?:${words.join('|')})(?![\\p{L}\\p{N}]))`;
