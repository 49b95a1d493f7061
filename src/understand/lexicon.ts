// The shape of one language's words for understanding typed answers; each language is one data file in ./lexicons.

/** What a phrase means, whatever the step. The step's choices decide what each meaning selects. */
export type Intent =
  | 'yes'
  | 'no'
  | 'unsure'
  | 'self'
  | 'helper'
  | 'human'
  | 'back'
  | 'new_link'
  | 'nude'
  | 'not_nude'
  | 'have_copy'
  | 'no_copy'
  /** "I don't understand", "no entiendo": a question back, never an answer (it holds a "no"). */
  | 'confused';

/**
 * One language's words. Phrases are written as people type them, lower case; they are folded
 * exactly as messages are (accents, apostrophes, stretched letters, Arabic alef and yeh forms,
 * native digits), so "don't" and "dont", "sí" and "si", "أنا" and "انا" are one entry. A phrase may be marked:
 * - `=phrase`: counts only as the whole answer ("y", "k", "มี"), never inside a sentence;
 * - `^phrase`: counts only at the start of the answer ("si" but not "si no pago…");
 * - `phrase*`: the last word may go on ("친구*" is "친구", "친구가", "친구요"; "صديق*" is
 *   "صديقي", "صديقتي"), for languages that add endings to words.
 * Phrases in scripts written with spaces (Latin, Arabic, Devanagari, Bengali, Tamil, Malayalam,
 * Sinhala, Hangul) match whole words (a space also matches no space: "idk"/"i dk"); phrases in
 * scripts written without spaces (Thai, Khmer, Chinese) match anywhere. This is decided per
 * phrase, so one lexicon may carry its own script and romanised words ("haan", "nahi", "la2").
 * Longer phrases win over the shorter ones inside them ("ไม่ใช่" over "ใช่", "not sure" over "sure").
 */
export interface Lexicon {
  locale: string;
  /**
   * The lexicon's main script, for readers: 'latin' and 'spaced' are matched on word edges, 'thai'
   * and 'unspaced' as substrings. Matching itself goes by each phrase's own letters (see above).
   */
  script: 'latin' | 'thai' | 'spaced' | 'unspaced';
  intents: Partial<Record<Intent, readonly string[]>>;
  /** Number words people use for ages ("fourteen", "สิบสี่", "catorce"). */
  numbers: Readonly<Record<string, number>>;
  /** Words before an age that bound it: "under 13" is below 13, "over 18" is 18 or more. */
  below: readonly string[];
  atLeast: readonly string[];
  /** Words after an age meaning "or more" ("18 ขึ้นไป", "18 o más", "18 या ज़्यादा"). */
  orMore: readonly string[];
  /** Words after an age meaning "under it" in languages that put them there ("18 से कम", "18岁以下", "18살 미만"). */
  belowAfter?: readonly string[];
  /** Said on their own around an answer and meaning nothing by themselves ("um", "อืม", "pues"). */
  fillers: readonly string[];
  /** Sentence-final particles (Thai ค่ะ/ครับ/นะ/อะ): dropped from the end of an answer. */
  particles: readonly string[];
  /**
   * A story of sextortion: a threat to share images, a demand for money or for more images.
   * Regular expression sources over folded text (write them folded: no doubled letters). In a
   * spaced script a pattern matches from a word's start to a word's end: write `[^ ]*` where a
   * word may go on ("धमकी[^ ]*"). Keep them linear: no nested unbounded quantifiers.
   */
  disclosure: readonly string[];
  /** Words that, shortly before a disclosure phrase, deny it ("no one", "ไม่มีใคร", "nadie"). */
  negators: readonly string[];
  /** Words that, just after a disclosure phrase, deny it, where negation follows the verb ("धमकी नहीं दी", "협박 안 했어요"). */
  negatorsAfter?: readonly string[];
  /** "But" in this language ("but", "mais", "aber", "แต่"): a negator before it does not deny what follows ("no, but he wants money"). */
  contrast?: readonly string[];
  /** Names of languages, for the language question ("thai", "ไทย", "inglés"). */
  languages: Readonly<Record<string, string>>;
}
