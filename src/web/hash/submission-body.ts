// Builds the JSON the page posts: hashes only, and small enough for the server's 64 KB limit even with long videos.

// The limits come from the server's own module, which imports nothing (the server's checks would bundle zod).
import { MAX_FILES, MAX_PAGE_BODY_BYTES, VPDQ_QUALITY_THRESHOLD } from '../../core/limits';

/** One vPDQ frame as the page makes it: sampled once a second, so it has a timestamp but no frame index. */
export interface PageVpdqFrame {
  pdq: string;
  quality: number;
  timestamp: number;
}

/** The hashes of one file, exactly the shape `POST /api/submissions` accepts. */
export type PageFileHashes =
  | { type: 'image'; md5: string; sha256: string; pdq?: string; quality?: number }
  | { type: 'video'; md5: string; sha256: string; vpdq?: PageVpdqFrame[] };

/** What `files` may take of the server's body limit. */
export const MAX_BODY_BYTES = MAX_PAGE_BODY_BYTES;
export { MAX_FILES };

/**
 * The request body for `files`. Images always fit (50 images are about 11 KB); a video's vPDQ
 * frames are what can overflow, so when the body is too big they are trimmed, least useful
 * first: repeated hashes, then low-quality frames, then every other frame of the longest list,
 * and at the very last the vPDQ list of the longest video. MD5 and SHA-256 are never dropped.
 * Only the fields of the contract are copied, so nothing else can slip into the request.
 */
export function buildSubmissionBody(token: string, files: readonly PageFileHashes[], maxBytes = MAX_BODY_BYTES): string {
  const copies = files.map(copyContractFields);
  const encode = () => JSON.stringify({ token, files: copies });
  let body = encode();
  const videos = copies.filter((f): f is Extract<PageFileHashes, { type: 'video' }> => f.type === 'video' && f.vpdq !== undefined);
  const steps: ((vpdq: PageVpdqFrame[]) => PageVpdqFrame[])[] = [withoutRepeats, withoutLowQuality];
  for (const step of steps) {
    if (byteLength(body) <= maxBytes) return body;
    for (const video of videos) video.vpdq = step(video.vpdq ?? []);
    body = encode();
  }
  while (byteLength(body) > maxBytes) {
    const longest = videos.reduce<(typeof videos)[number] | undefined>((a, b) => ((b.vpdq?.length ?? 0) > (a?.vpdq?.length ?? 0) ? b : a), undefined);
    if (longest?.vpdq === undefined || longest.vpdq.length === 0) break;
    if (longest.vpdq.length === 1) delete longest.vpdq;
    else longest.vpdq = longest.vpdq.filter((_, i) => i % 2 === 0);
    body = encode();
  }
  return body;
}

function copyContractFields(file: PageFileHashes): PageFileHashes {
  if (file.type === 'image') {
    const { md5, sha256, pdq, quality } = file;
    return pdq !== undefined && quality !== undefined ? { type: 'image', md5, sha256, pdq, quality } : { type: 'image', md5, sha256 };
  }
  const { md5, sha256, vpdq } = file;
  if (vpdq === undefined || vpdq.length === 0) return { type: 'video', md5, sha256 };
  return { type: 'video', md5, sha256, vpdq: vpdq.map(({ pdq, quality, timestamp }) => ({ pdq, quality, timestamp })) };
}

function withoutRepeats(frames: PageVpdqFrame[]): PageVpdqFrame[] {
  const seen = new Set<string>();
  return frames.filter((f) => {
    if (seen.has(f.pdq)) return false;
    seen.add(f.pdq);
    return true;
  });
}

function withoutLowQuality(frames: PageVpdqFrame[]): PageVpdqFrame[] {
  const good = frames.filter((f) => f.quality >= VPDQ_QUALITY_THRESHOLD);
  // A video whose frames are all weak keeps them: weak frames beat no frames.
  return good.length > 0 ? good : frames;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}
