// Case numbers: short, readable over the phone, with no characters that can be mistaken for others.

/** Crockford-like alphabet without 0/O, 1/I/L, U (no accidental words), 5/S, 2/Z, 8/B kept apart. */
export const CASE_ALPHABET = '3467ACDEFGHJKMNPQRTVWXY';

const CASE_PATTERN = new RegExp(`^[${CASE_ALPHABET}]{4}-[${CASE_ALPHABET}]{4}$`);

/** Makes a case number `XXXX-XXXX` from 8 random bytes (rejection-free: 256 % 23 bias is negligible and irrelevant here). */
export function createCaseNumber(random: (n: number) => Uint8Array = defaultRandom): string {
  const bytes = random(8);
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) out += '-';
    out += CASE_ALPHABET[(bytes[i] ?? 0) % CASE_ALPHABET.length];
  }
  return out;
}

/** True for a well-formed case number (upper case, unambiguous alphabet). */
export function isCaseNumber(value: string): boolean {
  return CASE_PATTERN.test(value);
}

function defaultRandom(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}
