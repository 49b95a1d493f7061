// Benchmark of the hashing library in Node: PDQ core speed, whole-file hashing of a 12 MP JPEG, MD5 throughput.

import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMD5 } from 'hash-wasm';
import sharp from 'sharp';
import { createDigester } from '../src/hashing/digest';
import { decodeImage, hashFile } from '../src/hashing/node';
import { pdqHash, type PdqFlavor } from '../src/hashing/pdq';

/** Where the bench gets its photo: a reference vector kept in the repo, or any photo you name. */
const SOURCE_PHOTO =
  process.env.RECLAIM_BENCH_PHOTO ?? join(import.meta.dirname, '..', 'test', 'vectors', 'pdq', 'images', 'reg-test-input', 'dih', 'bridge-1-original.jpg');

/** Numbers from one run of {@link main}. */
export interface HashBenchResult {
  pdqMegapixelsPerSecond: number;
  pdqCli512MegapixelsPerSecond: number;
  wholeFileMilliseconds: number;
  md5MegabytesPerSecond: number;
  nodeMd5MegabytesPerSecond: number;
  digesterMegabytesPerSecond: number;
}

/**
 * Runs the benchmark and prints plain lines such as `pdq core: 31.2 MP/s`.
 * Medians of several runs after a warm-up, so one GC pause does not decide the number.
 */
export async function main(log: (line: string) => void = console.log): Promise<HashBenchResult> {
  const jpeg = await photoLikeJpeg(4000, 3000);
  const image = await decodeImage(jpeg);
  const megapixels = (image.width * image.height) / 1e6;

  const pdqSeconds = (flavor: PdqFlavor) => medianSeconds(7, () => void pdqHash(image, { flavor }));
  const fullres = megapixels / pdqSeconds('fullres');
  const cli512 = megapixels / pdqSeconds('cli512');
  log(`pdq core: ${fullres.toFixed(1)} MP/s (${image.width}x${image.height}, fullres)`);
  log(`pdq core cli512: ${cli512.toFixed(1)} MP/s`);

  const dir = await mkdtemp(join(tmpdir(), 'reclaim-bench-'));
  let wholeFile: number;
  try {
    const path = join(dir, 'photo-12mp.jpg');
    await writeFile(path, jpeg);
    await hashFile(path);
    wholeFile = (await medianSecondsAsync(5, () => hashFile(path))) * 1000;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  log(`whole file: ${wholeFile.toFixed(0)} ms (12 MP JPEG, ${(jpeg.length / 1e6).toFixed(1)} MB: decode + PDQ + MD5 + SHA-256)`);

  const bytes = pseudoRandomBytes(64 << 20);
  const md5 = await createMD5();
  const md5Seconds = medianSeconds(5, () => {
    md5.init();
    md5.update(bytes);
    md5.digest();
  });
  const md5Rate = bytes.length / 1e6 / md5Seconds;
  log(`md5: ${md5Rate.toFixed(0)} MB/s (hash-wasm, the browser path)`);
  const nodeMd5Rate = bytes.length / 1e6 / medianSeconds(5, () => void createHash('md5').update(bytes).digest());
  log(`md5 node:crypto: ${nodeMd5Rate.toFixed(0)} MB/s (the hashFile path)`);
  const digesterSeconds = await medianSecondsAsync(3, async () => {
    const digester = await createDigester();
    for (let i = 0; i < bytes.length; i += 1 << 20) digester.update(bytes.subarray(i, i + (1 << 20)));
    digester.digest();
  });
  const digesterRate = bytes.length / 1e6 / digesterSeconds;
  log(`md5+sha256 digester: ${digesterRate.toFixed(0)} MB/s (hash-wasm, the browser path)`);

  return {
    pdqMegapixelsPerSecond: fullres,
    pdqCli512MegapixelsPerSecond: cli512,
    wholeFileMilliseconds: wholeFile,
    md5MegabytesPerSecond: md5Rate,
    nodeMd5MegabytesPerSecond: nodeMd5Rate,
    digesterMegabytesPerSecond: digesterRate,
  };
}

// Upscaling a real photo keeps JPEG decode cost and image statistics realistic.
export async function photoLikeJpeg(width: number, height: number): Promise<Buffer> {
  return sharp(SOURCE_PHOTO).resize(width, height, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer();
}

/** Deterministic bytes for digest benchmarks (an LCG: fast, and the same on every run). */
export function pseudoRandomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = 12345;
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 16;
  }
  return out;
}

function medianSeconds(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

async function medianSecondsAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push((performance.now() - start) / 1000);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
