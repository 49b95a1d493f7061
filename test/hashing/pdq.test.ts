// PDQ behaviour beyond the vectors: input conventions, distance and match rules, variant geometry, isomorphism.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/hashing/node';
import {
  PDQ_MATCH_THRESHOLD,
  PDQ_QUALITY_THRESHOLD,
  PDQ_VARIANTS,
  PDQ_ZERO_HASH,
  hammingDistance,
  isPdqMatch,
  pdqDihedralHashes,
  pdqHash,
  type PixelImage,
} from '../../src/hashing/pdq';
import { pseudoRandomBytes, vectorPath } from './helpers';

/** A photo-like RGB image: smooth gradients plus deterministic noise, so quality is high. */
function sampleRgb(width: number, height: number): PixelImage {
  const noise = pseudoRandomBytes(width * height * 3, 7);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width + (noise[i]! & 31);
      data[i + 1] = (y * 200) / height + (noise[i + 1]! & 31);
      data[i + 2] = 128 + 100 * Math.sin(x / 17) * Math.cos(y / 23);
    }
  }
  return { data, width, height, channels: 3 };
}

function withAlpha(image: PixelImage, alpha: (i: number) => number): PixelImage {
  const pixels = image.width * image.height;
  const data = new Uint8ClampedArray(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    data.set(image.data.subarray(i * 3, i * 3 + 3), i * 4);
    data[i * 4 + 3] = alpha(i);
  }
  return { data, width: image.width, height: image.height, channels: 4 };
}

/** `hash` with the lowest `bits` bits inverted. */
function flipBits(hash: string, bits: number): string {
  const digits = hash.split('').reverse();
  for (let b = 0; b < bits; b++) {
    const d = Math.floor(b / 4);
    digits[d] = (parseInt(digits[d]!, 16) ^ (1 << (b % 4))).toString(16);
  }
  return digits.reverse().join('');
}

describe('pdqHash input conventions', () => {
  const rgb = sampleRgb(300, 220);

  it('hashes canvas RGBA (Uint8ClampedArray, 4 channels) like the same RGB pixels', () => {
    expect(pdqHash(withAlpha(rgb, () => 255))).toEqual(pdqHash(rgb));
  });

  it('drops alpha instead of compositing: fully transparent pixels still hash their colour', () => {
    expect(pdqHash(withAlpha(rgb, (i) => (i % 3 === 0 ? 0 : 128)))).toEqual(pdqHash(rgb));
  });

  it('uses grey directly, and grey+alpha like grey', () => {
    const grey = pseudoRandomBytes(120 * 90, 3);
    const greyAlpha = new Uint8Array(grey.length * 2);
    grey.forEach((v, i) => greyAlpha.set([v, 0], i * 2));
    const one = pdqHash({ data: grey, width: 120, height: 90, channels: 1 });
    expect(pdqHash({ data: greyAlpha, width: 120, height: 90, channels: 2 })).toEqual(one);
    expect(one.hash).not.toBe(PDQ_ZERO_HASH);
  });

  it('returns the all-zero hash with quality 0 when a side is under 5 pixels', () => {
    const thin = sampleRgb(4, 300);
    expect(pdqHash(thin)).toEqual({ hash: PDQ_ZERO_HASH, quality: 0 });
    expect(pdqDihedralHashes(thin, { flavor: 'cli512' }).hashes.rot90).toBe(PDQ_ZERO_HASH);
    expect(pdqHash(sampleRgb(5, 300)).hash).not.toBe(PDQ_ZERO_HASH);
  });

  it('rejects inconsistent input instead of reading past the buffer', () => {
    const { data } = sampleRgb(10, 10);
    expect(() => pdqHash({ data, width: 10, height: 10, channels: 5 })).toThrow(TypeError);
    expect(() => pdqHash({ data, width: 10, height: 10, channels: 0 })).toThrow(TypeError);
    expect(() => pdqHash({ data, width: 10, height: 11, channels: 3 })).toThrow(TypeError);
    expect(() => pdqHash({ data, width: 2.5, height: 10, channels: 3 })).toThrow(TypeError);
  });

  it('squashes only in the cli512 flavour, and only above 512 pixels', () => {
    const big = sampleRgb(700, 300);
    expect(pdqHash(big, { flavor: 'cli512' })).not.toEqual(pdqHash(big));
    const small = sampleRgb(512, 300);
    expect(pdqHash(small, { flavor: 'cli512' })).toEqual(pdqHash(small));
  });

  it('gives pdqHash the same orig hash and quality as pdqDihedralHashes', () => {
    const image = sampleRgb(257, 129);
    const { hashes, quality } = pdqDihedralHashes(image);
    expect(pdqHash(image)).toEqual({ hash: hashes.orig, quality });
    expect(Object.keys(hashes)).toEqual([...PDQ_VARIANTS]);
  });

  it('sets exactly 128 bits of a natural image (strict comparison against the lower median)', () => {
    const { hash } = pdqHash(sampleRgb(640, 480));
    expect(hammingDistance(hash, PDQ_ZERO_HASH)).toBe(128);
  });
});

describe('float32 emulation', () => {
  // pdq.ts divides running sums by window counts as s * (1 / n) in double (division is the
  // slowest step in the blur). That is only sound if it always rounds to the same float32 as
  // f32(s / n); this checks the claim on two million float32 sums of the kind the blur makes.
  it('rounds s * (1 / n) to the same float32 as s / n for window counts 1..300', () => {
    const bits = new Uint32Array(pseudoRandomBytes(8_000_000, 11).buffer);
    const f32 = new Float32Array(1);
    let mismatches = 0;
    for (let i = 0; i < bits.length / 2; i++) {
      // Sums of up to 300 luminance values: 0 .. 76500, with arbitrary low bits.
      f32[0] = (bits[2 * i]! / 2 ** 32) * 76_500;
      const s = f32[0]!;
      const n = 1 + (bits[2 * i + 1]! % 300);
      if (Math.fround(s * (1 / n)) !== Math.fround(s / n)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('dihedral variants', () => {
  const files = [
    ['orig', 'bridge-1-original.jpg'],
    ['rot90', 'bridge-2-rotate-90.jpg'],
    ['rot180', 'bridge-3-rotate-180.jpg'],
    ['rot270', 'bridge-4-rotate-270.jpg'],
    ['flipx', 'bridge-5-flipx.jpg'],
    ['flipy', 'bridge-6-flipy.jpg'],
    ['flipplus1', 'bridge-7-flip-plus-1.jpg'],
    ['flipminus1', 'bridge-8-flip-minus-1.jpg'],
  ] as const;

  // PDQ.md §9: for the natural bridge photo a variant lands 0-8 bits (fullres) from the hash
  // of the really rotated file, and about 120 bits from every other variant.
  it.each(files)('names %s after the geometry of %s', async (variant, file) => {
    const original = pdqDihedralHashes(await decodeImage(vectorPath('images/reg-test-input/dih/bridge-1-original.jpg')));
    const { hash } = pdqHash(await decodeImage(vectorPath('images/reg-test-input/dih', file)));
    expect(hammingDistance(original.hashes[variant], hash)).toBeLessThanOrEqual(8);
    for (const other of PDQ_VARIANTS.filter((v) => v !== variant)) {
      expect(hammingDistance(original.hashes[other], hash)).toBeGreaterThan(64);
    }
  });
});

describe('hammingDistance', () => {
  const a = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';

  it('counts differing bits from 0 to 256', () => {
    expect(hammingDistance(a, a)).toBe(0);
    expect(hammingDistance(a, flipBits(a, 1))).toBe(1);
    expect(hammingDistance(a, flipBits(a, 100))).toBe(100);
    expect(hammingDistance(PDQ_ZERO_HASH, 'f'.repeat(64))).toBe(256);
    expect(hammingDistance('8' + '0'.repeat(63), PDQ_ZERO_HASH)).toBe(1);
  });

  it('matches the published distances between bridge hashes', () => {
    // From pdq/java PDQHasherTest: bridge-1 vs bridge-2 (rotated) is 120 apart.
    const bridge2 = '30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af';
    expect(hammingDistance(a, bridge2)).toBe(120);
  });

  it('ignores letter case', () => {
    expect(hammingDistance(a.toUpperCase(), a)).toBe(0);
  });

  it('rejects anything that is not 64 hex digits', () => {
    expect(() => hammingDistance(a.slice(1), a)).toThrow(TypeError);
    expect(() => hammingDistance(a, `${a.slice(1)}g`)).toThrow(TypeError);
    expect(() => hammingDistance(`0x${a.slice(2)}`, a)).toThrow(TypeError);
  });
});

describe('match and quality thresholds', () => {
  const a = '30a10efd71cc3d429013d48d0ffffc52e34e0e17ada952a9d29685211ea9e5af';

  it('uses the reference numbers: match at distance 31 or less, keep quality 50 or more', () => {
    expect(PDQ_MATCH_THRESHOLD).toBe(31);
    expect(PDQ_QUALITY_THRESHOLD).toBe(50);
  });

  it('matches at exactly 31 bits and not at 32', () => {
    expect(isPdqMatch(a, flipBits(a, 31))).toBe(true);
    expect(isPdqMatch(a, flipBits(a, 32))).toBe(false);
    expect(isPdqMatch(a, flipBits(a, 40), 40)).toBe(true);
  });
});

describe('isomorphism', () => {
  // The browser hashing page imports these modules; only node.ts may touch Node.
  const dir = join(import.meta.dirname, '../../src/hashing');
  const shared = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'node.ts');

  it.each(shared)('%s uses no Node-only API', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    expect(source).not.toMatch(/from ['"](node:|fs|path|crypto|child_process|sharp)/);
    expect(source).not.toMatch(/\b(Buffer|process|require)\b/);
    expect(source).not.toMatch(/from ['"]\.\/node['"]/);
  });
});
