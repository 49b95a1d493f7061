// Hash-format validators: exact lengths, hex only, either case accepted, lower case canonical.

import { describe, expect, it } from 'vitest';
import { isMd5Hex, isPdqHex, isSha256Hex, normaliseHex } from '../../src/hashing/formats';

const md5 = '900150983cd24fb0d6963f7d28e17f72';
const sha256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const pdq = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

describe('isMd5Hex', () => {
  it('accepts 32 hex digits in either case', () => {
    expect(isMd5Hex(md5)).toBe(true);
    expect(isMd5Hex(md5.toUpperCase())).toBe(true);
  });

  it('rejects other lengths, non-hex, padding and non-strings', () => {
    for (const bad of [md5.slice(1), `${md5}0`, `${md5.slice(1)}g`, ` ${md5}`, `${md5}\n`, sha256, '', 42, null, undefined]) {
      expect(isMd5Hex(bad)).toBe(false);
    }
  });
});

describe('isSha256Hex', () => {
  it('accepts 64 hex digits in either case', () => {
    expect(isSha256Hex(sha256)).toBe(true);
    expect(isSha256Hex(sha256.toUpperCase())).toBe(true);
  });

  it('rejects other lengths, non-hex and non-strings', () => {
    for (const bad of [md5, sha256.slice(2), `${sha256}a`, `0x${sha256.slice(2)}`, sha256.replace('a', 'z'), {}, []]) {
      expect(isSha256Hex(bad)).toBe(false);
    }
  });
});

describe('isPdqHex', () => {
  it('accepts 64 hex digits, including the all-zero hash of tiny images', () => {
    expect(isPdqHex(pdq)).toBe(true);
    expect(isPdqHex(pdq.toUpperCase())).toBe(true);
    expect(isPdqHex('0'.repeat(64))).toBe(true);
  });

  it('rejects 63 or 65 digits, separators and non-strings', () => {
    for (const bad of [pdq.slice(1), `${pdq}0`, `${pdq.slice(0, 32)} ${pdq.slice(33)}`, `${pdq.slice(0, 32)}-${pdq.slice(33)}`, 1]) {
      expect(isPdqHex(bad)).toBe(false);
    }
  });
});

describe('normaliseHex', () => {
  it('lower-cases so equal hashes compare equal', () => {
    expect(normaliseHex(pdq.toUpperCase())).toBe(pdq);
    expect(normaliseHex('ABCdef0123')).toBe('abcdef0123');
  });
});
