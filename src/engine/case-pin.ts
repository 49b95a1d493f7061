// The case PIN: eight digits shown once at submission; with the case number it opens the case's page. Stored only as scrypt.

import { randomInt } from 'node:crypto';

/** Eight random digits: 10^8 possibilities, against a few guesses a quarter-hour per case and per address. */
export function createPin(): string {
  return Array.from({ length: 8 }, () => String(randomInt(10))).join('');
}

/** The PIN in what a person typed ("1234 5678", "1234-5678"), or null. */
export function readPin(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

/** The case number in what a person typed ("abcd efgh", "ABCDEFGH"), upper-cased with its dash, or null when it cannot be one. */
export function readCaseNumber(input: unknown, isCaseNumber: (value: string) => boolean): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 8) return null;
  const value = `${compact.slice(0, 4)}-${compact.slice(4)}`;
  return isCaseNumber(value) ? value : null;
}
