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
 * exactly as messages are (accents, apostrophes, stretched letters), so "don't" and "dont",
 * "sí" and "si" are one entry. A phrase may be marked:
 * - `=phrase`: counts only as the whole answer ("y", "k", "มี"), never inside a sentence;
 * - `^phrase`: counts only at the start of the answer ("si" but not "si no pago…").
 * Latin-script phrases match whole words (a space also matches no space: "idk"/"i dk");
 * Thai phrases match anywhere, since Thai is written without spaces. Longer phrases win over
 * the shorter ones inside them ("ไม่ใช่" over "ใช่", "not sure" over "sure").
 */
export interface Lexicon {
  locale: string;
  script: 'latin' | 'thai';
  intents: Partial<Record<Intent, readonly string[]>>;
  /** Number words people use for ages ("fourteen", "สิบสี่", "catorce"). */
  numbers: Readonly<Record<string, number>>;
  /** Words before an age that bound it: "under 13" is below 13, "over 18" is 18 or more. */
  below: readonly string[];
  atLeast: readonly string[];
  /** Words after an age meaning "or more" ("18 ขึ้นไป", "18 o más"). */
  orMore: readonly string[];
  /** Said on their own around an answer and meaning nothing by themselves ("um", "อืม", "pues"). */
  fillers: readonly string[];
  /** Sentence-final particles (Thai ค่ะ/ครับ/นะ/อะ): dropped from the end of an answer. */
  particles: readonly string[];
  /**
   * A story of sextortion: a threat to share images, a demand for money or for more images.
   * Regular expression sources over folded text (write them folded: no doubled letters).
   */
  disclosure: readonly string[];
  /** Words that, shortly before a disclosure phrase, deny it ("no one", "ไม่มีใคร", "nadie"). */
  negators: readonly string[];
  /** Words that turn a sentence ("mais", "aber"): a denial before one does not reach a disclosure after it ("non mais il veut de l'argent"). */
  contrast?: readonly string[];
  /** Names of languages, for the language question ("thai", "ไทย", "inglés"). */
  languages: Readonly<Record<string, string>>;
}
