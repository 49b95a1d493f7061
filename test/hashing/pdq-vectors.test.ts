// PDQ against the reference vectors: every expected.tsv row from sharp-decoded pixels, and the hashes published in the ThreatExchange repo.

import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/hashing/node';
import { hammingDistance, pdqDihedralHashes, pdqHash, type PdqFlavor, type PixelImage } from '../../src/hashing/pdq';
import { expectedRows, readTsv, vectorPath } from './helpers';

const rows = expectedRows();
const files = [...new Set(rows.map((r) => r.file))];
const decoded = new Map<string, Promise<PixelImage>>();

// decodeImage is sharp with ICC profiles ignored, no EXIF rotation, grey kept grey and 16-bit
// scaled by round(v/257): the pixels the reference hashed. Under those conditions SOURCE.md and
// PDQ.md §11 promise an exact match for every row, so every row is asserted at distance 0 with
// the same quality, with no tolerance: including c.png (iCCP chunk: a colour-managed decode is 2
// bits off), the degenerate synthetic images (only float32 emulation matches) and I16.png.
function decode(file: string): Promise<PixelImage> {
  let image = decoded.get(file);
  if (image === undefined) {
    image = decodeImage(vectorPath('images', file));
    decoded.set(file, image);
  }
  return image;
}

describe('PDQ reference vectors (expected.tsv)', () => {
  it('covers 37 images x 8 variants x 2 flavours', () => {
    expect(files).toHaveLength(37);
    expect(rows).toHaveLength(592);
  });

  describe.each(['fullres', 'cli512'] as const)('%s flavour', (flavor: PdqFlavor) => {
    it.each(files)('reproduces all 8 variants and the quality of %s exactly', async (file) => {
      const expected = rows
        .filter((r) => r.file === file && r.flavor === flavor)
        .map((r) => ({ variant: r.variant, hash: r.hash, quality: r.quality }));
      const result = pdqDihedralHashes(await decode(file), { flavor });
      const actual = expected.map((r) => ({
        variant: r.variant,
        hash: result.hashes[r.variant as keyof typeof result.hashes],
        quality: result.quality,
      }));
      expect(actual).toEqual(expected);
    });

    it.each(files)('gives the orig row from the single-hash entry point for %s', async (file) => {
      const orig = rows.find((r) => r.file === file && r.flavor === flavor && r.variant === 'orig')!;
      expect(pdqHash(await decode(file), { flavor })).toEqual({ hash: orig.hash, quality: orig.quality });
    });
  });
});

describe('published PDQ hashes (published.tsv)', () => {
  const published = readTsv('published.tsv').filter((r) => r.dist_to_expected_fullres !== '');

  async function ours(file: string, flavor: PdqFlavor, variant: string): Promise<string> {
    const { hashes } = pdqDihedralHashes(await decode(file), { flavor });
    return hashes[variant as keyof typeof hashes];
  }

  // Java, python-threatexchange unit tests and PdqSignal examples: full-resolution hashing.
  // (Includes the pixel-domain transpose of LA.png, the one rotation that commutes exactly.)
  const exactFullres = published.filter(
    (r) => r.dist_to_expected_fullres === '0' && !r.pipeline!.startsWith('C++ CLI compiled') && !r.pipeline!.startsWith('pure-Python'),
  );
  it.each(exactFullres.map((r) => [r.file!, r.variant!, r.source_in_repo!.slice(0, 60), r.hash_hex!]))(
    'matches %s %s from %s exactly',
    async (file, variant, _source, hash) => {
      expect(await ours(file, 'fullres', variant)).toBe(hash);
    },
  );

  // The WASM build runs the CLI, so its CSV is the cli512 flavour.
  const wasm = published.filter((r) => r.pipeline!.startsWith('C++ CLI compiled'));
  it.each(wasm.map((r) => [r.file!, r.hash_hex!]))('matches the WASM test CSV for %s exactly (cli512)', async (file, hash) => {
    expect(await ours(file, 'cli512', 'orig')).toBe(hash);
  });

  // The pure-Python port resamples with PIL and works in float64; its own test allows 16 bits.
  const python = published.filter((r) => r.pipeline!.startsWith('pure-Python'));
  it.each(python.map((r) => [r.file!, r.hash_hex!]))('is within the pure-Python port tolerance (16) for %s', async (file, hash) => {
    expect(hammingDistance(await ours(file, 'fullres', 'orig'), hash)).toBeLessThanOrEqual(16);
  });

  // 2017-2019 CLI runs used older ImageMagick/libjpeg; SOURCE.md measures them 0-12 bits away.
  const oldCli = published.filter((r) => r.pipeline!.startsWith('C++ pdq-photo-hasher as run by its authors'));
  it.each(oldCli.map((r) => [r.file!, r.hash_hex!]))('is within 12 bits of the 2017-2019 CLI output for %s', async (file, hash) => {
    expect(hammingDistance(await ours(file, 'fullres', 'orig'), hash)).toBeLessThanOrEqual(12);
  });

  it('differs from the PIL-clipped I16.png hash, because 16-bit samples are scaled, not clipped at 255', async () => {
    const pil = published.find((r) => r.file === 'python-threatexchange/I16.png')!;
    expect(hammingDistance(await ours(pil.file!, 'fullres', 'orig'), pil.hash_hex!)).toBe(Number(pil.dist_to_expected_fullres));
  });
});
