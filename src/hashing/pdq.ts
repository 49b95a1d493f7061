// PDQ perceptual image hash, bit-exact with Meta's C++ reference (float32 emulated), for browser and Node.

import { isPdqHex } from './formats';
import { PDQ_QUALITY_THRESHOLD } from '../core/limits';

/**
 * Decoded pixels, row-major, `channels` interleaved 8-bit samples per pixel:
 * 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA (a canvas `ImageData` fits as is with `channels: 4`).
 * Alpha is dropped, never composited: the reference hashes the stored colour under it.
 */
export interface PixelImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  channels: number;
}

/**
 * `fullres` hashes the whole decoded grid (python-threatexchange, HMA, Java; what the ecosystem
 * matches against). `cli512` first squashes anything over 512 px to 512x512, as the C++
 * `pdq-photo-hasher` and its WASM build do: faster, 2-10 bits away on big photos.
 */
export type PdqFlavor = 'fullres' | 'cli512';

/** Options for {@link pdqHash} and {@link pdqDihedralHashes}. */
export interface PdqOptions {
  /** Defaults to `fullres`. */
  flavor?: PdqFlavor;
  /**
   * When the (squashed) grid is exactly 64x64, use its luminance directly instead of blurring,
   * as the reference's single-hash entry point does (the CLI and vPDQ use it; the dihedral entry
   * point does not). Only degenerate images tell the difference. Defaults to `true` for `cli512`
   * and `false` for `fullres`, which is how the published vectors were made.
   */
  shortcut64?: boolean;
}

/** One PDQ hash: 64 lower-case hex digits, and the 0..100 quality score of the image. */
export interface PdqResult {
  hash: string;
  quality: number;
}

/** The 8 dihedral variants, in the order the reference CLI prints them with `--pdqdih`. */
export const PDQ_VARIANTS = [
  'orig',
  'rot90',
  'rot180',
  'rot270',
  'flipx',
  'flipy',
  'flipplus1',
  'flipminus1',
] as const;

/** Name of one dihedral variant (see PDQ.md §9 for the geometry of each). */
export type PdqVariant = (typeof PDQ_VARIANTS)[number];

/** All 8 dihedral hashes of one image, sharing one quality score. */
export interface PdqDihedralResult {
  quality: number;
  hashes: Record<PdqVariant, string>;
}

/** Hamming distance at or below which two PDQ hashes are a match (`PDQ_CONFIDENT_MATCH_THRESHOLD`). */
export const PDQ_MATCH_THRESHOLD = 31;

/** Quality below which a hash is too unstable to match on (`PdqSignal.QUALITY_THRESHOLD`). */
export { PDQ_QUALITY_THRESHOLD };

/** The reference's answer for images with a side under 5 pixels (quality 0). */
export const PDQ_ZERO_HASH = '0'.repeat(64);

const CLI_SQUASH_SIZE = 512;
const MIN_SIDE = 5;

// Rec.601 weights rounded to float32 once, products tabulated per 8-bit value: f32(c * v) is
// exact in a double before the single rounding, so the tables equal the reference's float math.
// Red and green are pre-summed (f32) into one 64K table: one lookup and one rounding fewer per
// pixel, and the sum is formed in the reference's order, so the result is unchanged.
const LUMA_B = lumaTable(0.114);
const LUMA_RG = (() => {
  const red = lumaTable(0.299);
  const green = lumaTable(0.587);
  const table = new Float32Array(256 * 256);
  for (let r = 0; r < 256; r++) for (let g = 0; g < 256; g++) table[(r << 8) | g] = red[r]! + green[g]!;
  return table;
})();

function lumaTable(coefficient: number): Float32Array {
  const c = Math.fround(coefficient);
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = c * v;
  return table;
}

// 16x64 DCT-II rows for frequencies 1..16; cosine and product in double, stored as float32.
const DCT = (() => {
  const scale = Math.fround(Math.sqrt(2 / 64));
  const matrix = new Float32Array(16 * 64);
  for (let u = 0; u < 16; u++) {
    for (let x = 0; x < 64; x++) {
      matrix[u * 64 + x] = scale * Math.cos((Math.PI / 2 / 64) * (u + 1) * (2 * x + 1));
    }
  }
  return matrix;
})();

/** A luminance grid read one row at a time, so no full-size float buffer is ever needed. */
interface LumaSource {
  width: number;
  height: number;
  readRow(y: number, dest: Float32Array): void;
}

/**
 * PDQ hash and quality of an image, bit-exact with the reference for the same decoded pixels.
 * @throws {TypeError} if the dimensions, channel count or buffer length are inconsistent.
 */
export function pdqHash(image: PixelImage, options: PdqOptions = {}): PdqResult {
  const source = lumaSource(image, options.flavor ?? 'fullres');
  if (source.width < MIN_SIDE || source.height < MIN_SIDE) return { hash: PDQ_ZERO_HASH, quality: 0 };
  const grid = useShortcut(source, options) ? readWhole64(source) : downsampleTo64(source);
  return { hash: hashFromDct(dct16(grid)), quality: qualityOf(grid) };
}

/**
 * The 8 dihedral hashes (PDQ.md §9) from one DCT, the way the reference's dihedral entry point
 * makes them. They approximate, not equal, hashes of the rotated or mirrored files: compare a
 * query's 8 variants against a stored hash and take the minimum distance.
 * @throws {TypeError} if the dimensions, channel count or buffer length are inconsistent.
 */
export function pdqDihedralHashes(image: PixelImage, options: PdqOptions = {}): PdqDihedralResult {
  const source = lumaSource(image, options.flavor ?? 'fullres');
  if (source.width < MIN_SIDE || source.height < MIN_SIDE) {
    const hashes = {} as Record<PdqVariant, string>;
    for (const name of PDQ_VARIANTS) hashes[name] = PDQ_ZERO_HASH;
    return { quality: 0, hashes };
  }
  const grid = downsampleTo64(source);
  const dct = dct16(grid);
  const hashes = {} as Record<PdqVariant, string>;
  for (const name of PDQ_VARIANTS) hashes[name] = hashFromDct(dihedral(dct, name));
  let quality = qualityOf(grid);
  // The CLI prints `orig` (and its quality) from the single-hash path, the rest from this one.
  if (useShortcut(source, options)) {
    const direct = readWhole64(source);
    hashes.orig = hashFromDct(dct16(direct));
    quality = qualityOf(direct);
  }
  return { quality, hashes };
}

/**
 * Number of differing bits between two PDQ hashes (0..256). Either letter case is accepted.
 * @throws {TypeError} if either argument is not 64 hex digits.
 */
export function hammingDistance(a: string, b: string): number {
  assertPdqHex(a);
  assertPdqHex(b);
  let distance = 0;
  for (let i = 0; i < 64; i += 8) {
    distance += popcount32((parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0);
  }
  return distance;
}

/**
 * Whether two PDQ hashes match: distance at most `threshold` (default {@link PDQ_MATCH_THRESHOLD}).
 * @throws {TypeError} if either argument is not 64 hex digits.
 */
export function isPdqMatch(a: string, b: string, threshold: number = PDQ_MATCH_THRESHOLD): boolean {
  return hammingDistance(a, b) <= threshold;
}

function assertPdqHex(value: string): void {
  if (!isPdqHex(value)) {
    throw new TypeError('a PDQ hash is 64 hexadecimal digits');
  }
}

/** @internal Set bits in a 32-bit word; shared with vPDQ's packed matcher. */
export function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function useShortcut(source: LumaSource, options: PdqOptions): boolean {
  const enabled = options.shortcut64 ?? options.flavor === 'cli512';
  return enabled && source.width === 64 && source.height === 64;
}

function lumaSource(image: PixelImage, flavor: PdqFlavor): LumaSource {
  const { data, width, height, channels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new TypeError(`image size must be whole pixels, got ${width}x${height}`);
  }
  if (!Number.isInteger(channels) || channels < 1 || channels > 4) {
    throw new TypeError(`channels must be 1 to 4, got ${channels}`);
  }
  if (data.length < width * height * channels) {
    throw new TypeError(`pixel buffer holds ${data.length} bytes, ${width}x${height}x${channels} needs more`);
  }
  const squash = flavor === 'cli512' && (width > CLI_SQUASH_SIZE || height > CLI_SQUASH_SIZE);
  if (!squash) {
    return { width, height, readRow: (y, dest) => readLumaRow(data, channels, y * width * channels, null, width, dest) };
  }
  // CImg's nearest-neighbour resize samples the top-left source pixel of each cell, in double.
  const columns = new Int32Array(CLI_SQUASH_SIZE);
  for (let x = 0; x < CLI_SQUASH_SIZE; x++) columns[x] = Math.floor((x * width) / CLI_SQUASH_SIZE) * channels;
  return {
    width: CLI_SQUASH_SIZE,
    height: CLI_SQUASH_SIZE,
    readRow: (y, dest) => {
      const sourceRow = Math.floor((y * height) / CLI_SQUASH_SIZE);
      readLumaRow(data, channels, sourceRow * width * channels, columns, CLI_SQUASH_SIZE, dest);
    },
  };
}

function readLumaRow(
  data: Uint8Array | Uint8ClampedArray,
  channels: number,
  rowStart: number,
  columns: Int32Array | null,
  count: number,
  dest: Float32Array,
): void {
  // Grey is used as is: running it through the RGB weights can move the last float bit.
  if (channels <= 2) {
    for (let x = 0; x < count; x++) {
      dest[x] = data[rowStart + (columns === null ? x * channels : columns[x]!)]!;
    }
    return;
  }
  if (columns === null) {
    for (let x = 0, i = rowStart; x < count; x++, i += channels) {
      dest[x] = LUMA_RG[(data[i]! << 8) | data[i + 1]!]! + LUMA_B[data[i + 2]!]!;
    }
    return;
  }
  for (let x = 0; x < count; x++) {
    const i = rowStart + columns[x]!;
    dest[x] = LUMA_RG[(data[i]! << 8) | data[i + 1]!]! + LUMA_B[data[i + 2]!]!;
  }
}

function readWhole64(source: LumaSource): Float32Array {
  const grid = new Float32Array(64 * 64);
  for (let y = 0; y < 64; y++) source.readRow(y, grid.subarray(y * 64, y * 64 + 64));
  return grid;
}

/** Cell-centre sample positions (double, truncated), with a -1 sentinel so scans need no bound check. */
function decimationPicks(length: number): Int32Array {
  const picks = new Int32Array(65);
  for (let i = 0; i < 64; i++) picks[i] = Math.trunc(((i + 0.5) * length) / 64);
  picks[64] = -1;
  return picks;
}

/**
 * Rows filtered side by side. A running sum is a serial chain of float32 roundings, so one row
 * at a time leaves the CPU waiting on latency; four independent chains in one loop overlap.
 */
const BATCH = 4;

/**
 * f32(s / n), computed as s * (1 / n) in double and rounded to float32 by the store, is the same
 * number. For a normal float32 s and a whole n <= 2^20, s / n is never a float32 rounding
 * midpoint and never nearer to one than 2^-45 of its size, while the reciprocal and the product
 * together err by under 2^-52; so both land on the same side of every midpoint. Division is the
 * slowest operation in these loops, which is why this matters.
 */
function reciprocal(n: number): number {
  return 1 / n;
}

/**
 * The Jarosz cascade (rows, columns, rows, columns) then decimation to 64x64, streamed: each
 * column pass keeps a ring of `window + BATCH` rows, so memory is O(window x width) rather than
 * two full float copies of the image. Every per-pixel operation happens in the same order as the
 * reference, so the result is identical; the last row and column passes only produce the 64
 * columns and 64 rows the decimation keeps.
 */
function downsampleTo64(source: LumaSource): Float32Array {
  const { width, height } = source;
  const windowAlongRows = Math.floor((width + 127) / 128);
  const windowAlongCols = Math.floor((height + 127) / 128);
  const columnPicks = decimationPicks(width);
  const rowPicks = decimationPicks(height);

  const luma = batchRows(width);
  const firstColumns = new VerticalBoxFilter(height, width, windowAlongCols, (first, count, dests) => {
    for (let j = 0; j < count; j++) source.readRow(first + j, luma[j]!);
    boxFilterRows(luma, dests, width, windowAlongRows, null);
  });
  const blurred = batchRows(width);
  const secondColumns = new VerticalBoxFilter(height, 64, windowAlongCols, (_first, count, dests) => {
    for (let j = 0; j < count; j++) firstColumns.next(blurred[j]!);
    boxFilterRows(blurred, dests, width, windowAlongRows, columnPicks);
  });

  const grid = new Float32Array(64 * 64);
  const row = new Float32Array(64);
  let i = 0;
  // Stops after the last picked row: later rows cannot change earlier running sums.
  for (let y = 0; i < 64; y++) {
    secondColumns.next(row);
    while (rowPicks[i] === y) {
      grid.set(row, i * 64);
      i++;
    }
  }
  return grid;
}

function batchRows(width: number): Float32Array[] {
  return Array.from({ length: BATCH }, () => new Float32Array(width));
}

/**
 * The reference's four-phase running-sum box filter (PDQ.md §5.2) on BATCH rows at once, in
 * float32: `s = f32(s + v)`, in the steady phase add-then-subtract, output f32(s / n). Rows past
 * the end of the image are computed on stale data and never read. With `picks` (ascending,
 * -1 terminated) only the outputs at those positions are written, to `dest[k]` for pick k.
 */
function boxFilterRows(
  src: Float32Array[],
  dest: Float32Array[],
  length: number,
  window: number,
  picks: Int32Array | null,
): void {
  const a0 = src[0]!;
  const a1 = src[1]!;
  const a2 = src[2]!;
  const a3 = src[3]!;
  const d0 = dest[0]!;
  const d1 = dest[1]!;
  const d2 = dest[2]!;
  const d3 = dest[3]!;
  const half = (window + 2) >> 1;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let count = 0;
  let enter = 0;
  let leave = 0;
  let out = 0;
  let k = 0;
  let next = picks === null ? 0 : picks[0]!;

  for (let i = 0; i < half - 1; i++, enter++, count++) {
    s0 = Math.fround(s0 + a0[enter]!);
    s1 = Math.fround(s1 + a1[enter]!);
    s2 = Math.fround(s2 + a2[enter]!);
    s3 = Math.fround(s3 + a3[enter]!);
  }
  for (let i = window - half + 1; i > 0; i--, enter++, out++) {
    s0 = Math.fround(s0 + a0[enter]!);
    s1 = Math.fround(s1 + a1[enter]!);
    s2 = Math.fround(s2 + a2[enter]!);
    s3 = Math.fround(s3 + a3[enter]!);
    const r = reciprocal(++count);
    if (picks === null) {
      d0[out] = s0 * r;
      d1[out] = s1 * r;
      d2[out] = s2 * r;
      d3[out] = s3 * r;
    } else {
      for (; next === out; next = picks[++k]!) {
        d0[k] = s0 * r;
        d1[k] = s1 * r;
        d2[k] = s2 * r;
        d3[k] = s3 * r;
      }
    }
  }
  const steady = reciprocal(count);
  if (picks === null) {
    // The hot loop, written out so nothing stands between the four chains.
    for (let i = length - window; i > 0; i--, enter++, leave++, out++) {
      s0 = Math.fround(Math.fround(s0 + a0[enter]!) - a0[leave]!);
      s1 = Math.fround(Math.fround(s1 + a1[enter]!) - a1[leave]!);
      s2 = Math.fround(Math.fround(s2 + a2[enter]!) - a2[leave]!);
      s3 = Math.fround(Math.fround(s3 + a3[enter]!) - a3[leave]!);
      d0[out] = s0 * steady;
      d1[out] = s1 * steady;
      d2[out] = s2 * steady;
      d3[out] = s3 * steady;
    }
  } else {
    for (let i = length - window; i > 0; i--, enter++, leave++, out++) {
      s0 = Math.fround(Math.fround(s0 + a0[enter]!) - a0[leave]!);
      s1 = Math.fround(Math.fround(s1 + a1[enter]!) - a1[leave]!);
      s2 = Math.fround(Math.fround(s2 + a2[enter]!) - a2[leave]!);
      s3 = Math.fround(Math.fround(s3 + a3[enter]!) - a3[leave]!);
      for (; next === out; next = picks[++k]!) {
        d0[k] = s0 * steady;
        d1[k] = s1 * steady;
        d2[k] = s2 * steady;
        d3[k] = s3 * steady;
      }
    }
  }
  for (let i = half - 1; i > 0; i--, leave++, out++) {
    s0 = Math.fround(s0 - a0[leave]!);
    s1 = Math.fround(s1 - a1[leave]!);
    s2 = Math.fround(s2 - a2[leave]!);
    s3 = Math.fround(s3 - a3[leave]!);
    const r = reciprocal(--count);
    if (picks === null) {
      d0[out] = s0 * r;
      d1[out] = s1 * r;
      d2[out] = s2 * r;
      d3[out] = s3 * r;
    } else {
      for (; next === out; next = picks[++k]!) {
        d0[k] = s0 * r;
        d1[k] = s1 * r;
        d2[k] = s2 * r;
        d3[k] = s3 * r;
      }
    }
  }
}

/**
 * The same four-phase box filter down every column at once. The reference walks one column at a
 * time with a stride, which thrashes the cache; keeping one float32 running sum per column and
 * adding or subtracting whole rows performs, for each column, exactly the same float32
 * operations in the same order. Input rows are asked of `fill` in order, BATCH at a time, and
 * written straight into the ring (sized so a batch never overwrites a row still to be subtracted).
 */
class VerticalBoxFilter {
  private readonly ring: Float32Array[];
  private readonly sums: Float32Array;
  private readonly half: number;
  private readonly growingEnd: number;
  private readonly steadyEnd: number;
  private readonly spare: Float32Array[];
  private out = 0;
  private enter = 0;
  private leave = 0;
  private filled = 0;
  private count = 0;

  constructor(
    private readonly length: number,
    width: number,
    window: number,
    private readonly fill: (first: number, count: number, dests: Float32Array[]) => void,
  ) {
    this.ring = Array.from({ length: window + BATCH }, () => new Float32Array(width));
    this.spare = batchRows(width);
    this.sums = new Float32Array(width);
    this.half = (window + 2) >> 1;
    this.growingEnd = window - this.half + 1;
    this.steadyEnd = this.growingEnd + length - window;
  }

  /** Writes the next output row (rows come out in order 0, 1, 2, ...). */
  next(dest: Float32Array): void {
    const sums = this.sums;
    const width = sums.length;
    if (this.out === 0) {
      for (let i = 0; i < this.half - 1; i++) {
        const entering = this.pull();
        for (let x = 0; x < width; x++) sums[x] = sums[x]! + entering[x]!;
        this.count++;
      }
    }
    if (this.out < this.growingEnd) {
      const entering = this.pull();
      const r = reciprocal(++this.count);
      for (let x = 0; x < width; x++) {
        const s = Math.fround(sums[x]! + entering[x]!);
        sums[x] = s;
        dest[x] = s * r;
      }
    } else if (this.out < this.steadyEnd) {
      const entering = this.pull();
      const leaving = this.slot(this.leave++);
      const r = reciprocal(this.count);
      for (let x = 0; x < width; x++) {
        const s = Math.fround(Math.fround(sums[x]! + entering[x]!) - leaving[x]!);
        sums[x] = s;
        dest[x] = s * r;
      }
    } else {
      const leaving = this.slot(this.leave++);
      const r = reciprocal(--this.count);
      for (let x = 0; x < width; x++) {
        const s = Math.fround(sums[x]! - leaving[x]!);
        sums[x] = s;
        dest[x] = s * r;
      }
    }
    this.out++;
  }

  private slot(row: number): Float32Array {
    return this.ring[row % this.ring.length]!;
  }

  // A batch of rows first..first+3 lands in slots last used by rows at most first-window-1,
  // all already subtracted. Rows past the end get scratch buffers instead.
  private pull(): Float32Array {
    if (this.enter === this.filled) {
      const first = this.filled;
      const count = Math.min(BATCH, this.length - first);
      const dests = Array.from({ length: BATCH }, (_, j) => (j < count ? this.slot(first + j) : this.spare[j]!));
      this.fill(first, count, dests);
      this.filled += count;
    }
    return this.slot(this.enter++);
  }
}

/** Gradient-count quality on the 64x64 grid, in whole percent steps (PDQ.md §6). */
function qualityOf(grid: Float32Array): number {
  let gradients = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.fround(grid[i * 64 + j]! - grid[(i + 1) * 64 + j]!);
      gradients += Math.abs(Math.trunc(Math.fround(Math.fround(d * 100) / 255)));
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.fround(grid[i * 64 + j]! - grid[i * 64 + j + 1]!);
      gradients += Math.abs(Math.trunc(Math.fround(Math.fround(d * 100) / 255)));
    }
  }
  return Math.min(100, Math.floor(gradients / 90));
}

/** D * A * D^T with float32 accumulation in ascending index order, as the reference does. */
function dct16(grid: Float32Array): Float32Array {
  const partial = new Float32Array(16 * 64);
  for (let u = 0; u < 16; u++) {
    for (let x = 0; x < 64; x++) {
      let sum = 0;
      for (let y = 0; y < 64; y++) sum = Math.fround(sum + Math.fround(DCT[u * 64 + y]! * grid[y * 64 + x]!));
      partial[u * 64 + x] = sum;
    }
  }
  const out = new Float32Array(16 * 16);
  for (let u = 0; u < 16; u++) {
    for (let v = 0; v < 16; v++) {
      let sum = 0;
      for (let x = 0; x < 64; x++) sum = Math.fround(sum + Math.fround(partial[u * 64 + x]! * DCT[v * 64 + x]!));
      out[u * 16 + v] = sum;
    }
  }
  return out;
}

/** The DCT-domain sign/transpose rules of PDQ.md §9; "odd" is the 0-based index. */
function dihedral(c: Float32Array, variant: PdqVariant): Float32Array {
  if (variant === 'orig') return c;
  const x = new Float32Array(256);
  for (let u = 0; u < 16; u++) {
    for (let v = 0; v < 16; v++) {
      const value = c[u * 16 + v]!;
      const uOdd = (u & 1) === 1;
      const vOdd = (v & 1) === 1;
      const sumEven = ((u + v) & 1) === 0;
      switch (variant) {
        case 'rot90':
          x[v * 16 + u] = vOdd ? value : -value;
          break;
        case 'rot180':
          x[u * 16 + v] = sumEven ? value : -value;
          break;
        case 'rot270':
          x[v * 16 + u] = uOdd ? value : -value;
          break;
        case 'flipx':
          x[u * 16 + v] = uOdd ? value : -value;
          break;
        case 'flipy':
          x[u * 16 + v] = vOdd ? value : -value;
          break;
        case 'flipplus1':
          x[v * 16 + u] = value;
          break;
        case 'flipminus1':
          x[v * 16 + u] = sumEven ? value : -value;
          break;
      }
    }
  }
  return x;
}

/**
 * Bit 16u+v is set when C[u][v] is strictly above the 128th smallest value; words are printed
 * from row 15 down to row 0, 4 hex digits each (PDQ.md §8).
 */
function hashFromDct(c: Float32Array): string {
  const median = Float32Array.from(c).sort()[127]!;
  let hex = '';
  for (let u = 15; u >= 0; u--) {
    let word = 0;
    for (let v = 0; v < 16; v++) if (c[u * 16 + v]! > median) word |= 1 << v;
    hex += word.toString(16).padStart(4, '0');
  }
  return hex;
}
