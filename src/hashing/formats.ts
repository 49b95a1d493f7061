// Pure validators for the hash strings Reclaim accepts: MD5, SHA-256 and PDQ hex.

const MD5_HEX = /^[0-9a-fA-F]{32}$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** True for exactly 32 hexadecimal digits (either case), the text form of an MD5 digest. */
export function isMd5Hex(value: unknown): value is string {
  return typeof value === 'string' && MD5_HEX.test(value);
}

/** True for exactly 64 hexadecimal digits (either case), the text form of a SHA-256 digest. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/**
 * True for exactly 64 hexadecimal digits (either case), the text form of a 256-bit PDQ hash.
 * The reference parser accepts both cases; nothing else (no prefix, no spaces) is a PDQ hash.
 */
export function isPdqHex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/**
 * The canonical (lower-case) spelling of a hex hash, so equal hashes compare and index equal.
 * It does not validate: check with `isMd5Hex`/`isSha256Hex`/`isPdqHex` first.
 */
export function normaliseHex(value: string): string {
  return value.toLowerCase();
}
