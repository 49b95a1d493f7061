// Folds the decimal digits of the scripts Reclaim speaks to ASCII, so "٣" or "३" picks choice 3 and "١٥" reads as an age.

// The code point of each script's zero; one to nine follow it in order. Full-width digits are
// here too, for the callers that fold digits before (or without) NFKC.
const ZEROS: readonly number[] = [
  0x0660, // Arabic-Indic (Arabic)
  0x06f0, // Extended Arabic-Indic (Urdu, Persian, Kurdish Sorani)
  0x0966, // Devanagari (Hindi, Marathi)
  0x09e6, // Bengali
  0x0be6, // Tamil
  0x0d66, // Malayalam
  0x0de6, // Sinhala lith
  0x0e50, // Thai
  0x17e0, // Khmer
  0xff10, // full-width (Chinese, Korean and Japanese keyboards)
];

const DIGIT_VALUE = new Map<string, string>(
  ZEROS.flatMap((zero) => Array.from({ length: 10 }, (_, n) => [String.fromCodePoint(zero + n), String(n)] as const)),
);
const NATIVE_DIGIT = new RegExp(`[${[...DIGIT_VALUE.keys()].join('')}]`, 'gu');

/** Every native digit as its ASCII digit; all other text unchanged. */
export function foldDigits(text: string): string {
  return text.replace(NATIVE_DIGIT, (d) => DIGIT_VALUE.get(d) ?? d);
}
