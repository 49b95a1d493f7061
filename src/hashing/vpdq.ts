// vPDQ video fingerprints: per-frame PDQ features, the reference text format, and brute-force matching.

import { isPdqHex, normaliseHex } from './formats';
import { VPDQ_QUALITY_THRESHOLD } from '../core/limits';
import { pdqHash, popcount32, type PixelImage } from './pdq';

/** One hashed frame. `frame` counts decoded frames from 0; `timestamp` is `frame / fps` in seconds. */
export interface VpdqFeature {
  frame: number;
  timestamp: number;
  pdq: string;
  quality: number;
}

/** Frame distance threshold (python-threatexchange counts <= as a match; the C++ rule needs <). */
export const VPDQ_DISTANCE_THRESHOLD = 31;

/** Frames below this quality are left out of matching. */
export { VPDQ_QUALITY_THRESHOLD };

/** python-threatexchange calls two videos a match when this share of the query's frames match. */
export const VPDQ_QUERY_MATCH_THRESHOLD_PERCENT = 80;

/** python-threatexchange's default for the other direction: no requirement. */
export const VPDQ_TARGET_MATCH_THRESHOLD_PERCENT = 0;

/**
 * How often a frame is hashed: every `interval`-th decoded frame, counting from frame 0.
 * `secondsPerHash` 1 (the python binding's default) gives about one frame per second;
 * 0 hashes every frame, as the reference sample files do.
 * @throws {RangeError} for a frame rate or interval that is not a finite non-negative number.
 */
export function vpdqFrameInterval(fps: number, secondsPerHash = 1): number {
  if (!Number.isFinite(fps) || fps <= 0) throw new RangeError(`frame rate must be positive, got ${fps}`);
  if (!Number.isFinite(secondsPerHash) || secondsPerHash < 0) {
    throw new RangeError(`seconds per hash must be 0 or more, got ${secondsPerHash}`);
  }
  return Math.max(1, Math.trunc(secondsPerHash * fps));
}

/**
 * Hashes one decoded frame the way vPDQ does: ordinary PDQ at full resolution through the
 * single-hash path (so an exactly 64x64 frame skips the blur).
 * @throws {RangeError} for a frame with a side under 5 pixels, which the reference treats as an error.
 */
export function hashVpdqFrame(image: PixelImage, frame: number, fps: number): VpdqFeature {
  if (image.width < 5 || image.height < 5) {
    throw new RangeError(`frame ${frame} is ${image.width}x${image.height}; vPDQ needs at least 5x5`);
  }
  const { hash, quality } = pdqHash(image, { flavor: 'fullres', shortcut64: true });
  return { frame, timestamp: roundTimestamp(frame / fps), pdq: hash, quality };
}

// Features carry the timestamp as the reference prints it (3 decimals), so text round-trips.
function roundTimestamp(seconds: number): number {
  return Number(formatMillis(seconds));
}

/**
 * `%.3f` as C prints it: exact binary ties go to the even digit, where `toFixed` would round up
 * (e.g. frame 1 at 16 fps is 0.0625 s, which the reference writes as 0.062).
 */
function formatMillis(seconds: number): string {
  const scaled = seconds * 1000;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && scaled / 1000 === seconds && floor % 2 === 0) return (floor / 1000).toFixed(3);
  return seconds.toFixed(3);
}

/**
 * The reference's text format (`vpdq-hash-video`, `vpdq/sample-hashes/*.txt`): one line per
 * frame, `frame,quality,hash,timestamp` with the timestamp to 3 decimals, newline-terminated.
 */
export function formatVpdqText(features: readonly VpdqFeature[]): string {
  return features.map((f) => `${f.frame},${f.quality},${f.pdq},${formatMillis(f.timestamp)}\n`).join('');
}

/**
 * Parses the reference text format. Blank lines are skipped; hashes come back in lower case.
 * @throws {SyntaxError} naming the first malformed line.
 */
export function parseVpdqText(text: string): VpdqFeature[] {
  const features: VpdqFeature[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const parts = line.split(',');
    const [frame, quality, pdq, timestamp] = parts;
    if (
      parts.length !== 4 ||
      !/^\d+$/.test(frame!) ||
      !/^\d+$/.test(quality!) ||
      Number(quality) > 100 ||
      !isPdqHex(pdq) ||
      !/^\d+(\.\d+)?$/.test(timestamp!)
    ) {
      throw new SyntaxError(`vPDQ line ${i + 1} is not "frame,quality,hash,timestamp": ${line.slice(0, 100)}`);
    }
    features.push({ frame: Number(frame), quality: Number(quality), pdq: normaliseHex(pdq), timestamp: Number(timestamp) });
  }
  return features;
}

/**
 * Which brute-force rule to follow. They differ, so percentages differ slightly:
 * `cpp` is `matchTwoHashBrute` (distance strictly below the threshold, duplicates counted);
 * `pte` is python-threatexchange `match_VPDQ_hash_brute` (distance at most the threshold,
 * identical hashes deduplicated first, keeping the first).
 */
export type VpdqMatchRule = 'cpp' | 'pte';

/** Options for {@link matchVpdq}. */
export interface VpdqMatchOptions {
  /** Defaults to `pte`, the rule the hash-sharing ecosystem runs. */
  rule?: VpdqMatchRule;
  /** Defaults to {@link VPDQ_DISTANCE_THRESHOLD}. */
  distanceThreshold?: number;
  /** Defaults to {@link VPDQ_QUALITY_THRESHOLD}. */
  qualityThreshold?: number;
}

/**
 * Share (0..100) of each side's kept frames that have a close frame on the other side, and how
 * many frames each side kept after the quality filter (and, under `pte`, the dedupe).
 */
export interface VpdqMatchResult {
  queryMatchPercent: number;
  targetMatchPercent: number;
  queryKept: number;
  targetKept: number;
}

/**
 * Compares two videos as unordered bags of frame hashes (frame numbers and times are ignored).
 * A side with no frames left after filtering gives 0 % both ways, as the C++ reference does.
 */
export function matchVpdq(
  query: readonly VpdqFeature[],
  target: readonly VpdqFeature[],
  options: VpdqMatchOptions = {},
): VpdqMatchResult {
  const rule = options.rule ?? 'pte';
  const distance = options.distanceThreshold ?? VPDQ_DISTANCE_THRESHOLD;
  const quality = options.qualityThreshold ?? VPDQ_QUALITY_THRESHOLD;
  // The pte rule dedupes before it filters by quality; the order decides which duplicate survives.
  const keep = (features: readonly VpdqFeature[]) =>
    packHashes((rule === 'pte' ? dedupe(features) : features).filter((f) => f.quality >= quality));
  const q = keep(query);
  const t = keep(target);
  const kept = { queryKept: q.count, targetKept: t.count };
  if (q.count === 0 || t.count === 0) return { queryMatchPercent: 0, targetMatchPercent: 0, ...kept };
  const limit = rule === 'pte' ? distance : distance - 1;
  return {
    queryMatchPercent: (countMatched(q, t, limit) * 100) / q.count,
    targetMatchPercent: (countMatched(t, q, limit) * 100) / t.count,
    ...kept,
  };
}

/**
 * The python-threatexchange verdict: query share at least `queryPercent` (default 80) and
 * target share at least `targetPercent` (default 0).
 */
export function isVpdqMatch(
  result: Pick<VpdqMatchResult, 'queryMatchPercent' | 'targetMatchPercent'>,
  queryPercent: number = VPDQ_QUERY_MATCH_THRESHOLD_PERCENT,
  targetPercent: number = VPDQ_TARGET_MATCH_THRESHOLD_PERCENT,
): boolean {
  return result.queryMatchPercent >= queryPercent && result.targetMatchPercent >= targetPercent;
}

function dedupe(features: readonly VpdqFeature[]): VpdqFeature[] {
  const seen = new Set<string>();
  return features.filter((f) => {
    const key = normaliseHex(f.pdq);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface PackedHashes {
  count: number;
  words: Uint32Array;
}

// Eight 32-bit words per hash, so the all-pairs loop needs no string parsing.
function packHashes(features: readonly VpdqFeature[]): PackedHashes {
  const words = new Uint32Array(features.length * 8);
  features.forEach((f, i) => {
    if (!isPdqHex(f.pdq)) throw new TypeError(`frame ${f.frame} has no valid PDQ hash`);
    for (let w = 0; w < 8; w++) words[i * 8 + w] = parseInt(f.pdq.slice(w * 8, w * 8 + 8), 16);
  });
  return { count: features.length, words };
}

function countMatched(from: PackedHashes, to: PackedHashes, maxDistance: number): number {
  const a = from.words;
  const b = to.words;
  let matched = 0;
  for (let i = 0; i < from.count; i++) {
    for (let j = 0; j < to.count; j++) {
      let d = 0;
      for (let w = 0; w < 8 && d <= maxDistance; w++) d += popcount32(a[i * 8 + w]! ^ b[j * 8 + w]!);
      if (d <= maxDistance) {
        matched++;
        break;
      }
    }
  }
  return matched;
}
