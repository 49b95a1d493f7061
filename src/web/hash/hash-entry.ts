// Hashes one chosen file: the worker does bytes and pixels; for a video the page also samples frames for vPDQ.

import { imageStatus, type FileEntry, type FileNote, type FileStatus } from './file-entry';
import type { Hasher } from './hasher';
import { sampleVideoFrames } from './video-frames';

/** Callbacks while a file is hashed. */
export interface HashEntryCallbacks {
  /** 0..1 for the whole file. */
  onProgress(fraction: number): void;
  /** A video's first frame as shown, for its thumbnail; drawn at once, as the frame moves on. */
  onFirstFrame?(image: CanvasImageSource, width: number, height: number): void;
}

/**
 * The final status of `entry`. Never rejects: a file whose bytes cannot be read is `failed`; a
 * picture or video that cannot be decoded is still `ready`, with MD5/SHA-256 only and a note.
 */
export async function hashEntry(entry: FileEntry, hasher: Hasher, callbacks: HashEntryCallbacks): Promise<FileStatus> {
  if (entry.media === 'other') return { kind: 'not-media' };
  if (entry.abort.signal.aborted) return { kind: 'failed' };
  try {
    if (entry.media === 'image') {
      const reply = await hasher.hashFile(entry.file, 'image', callbacks.onProgress, entry.abort.signal);
      return imageStatus(reply.md5, reply.sha256, reply.pdq, reply.timings);
    }
    return await hashVideo(entry, hasher, callbacks);
  } catch {
    entry.abort.abort();
    return { kind: 'failed' };
  }
}

async function hashVideo(entry: FileEntry, hasher: Hasher, callbacks: HashEntryCallbacks): Promise<FileStatus> {
  // Both halves run at once (bytes in a worker, frames via the page), so progress is their mean.
  let bytesDone = 0;
  let framesDone = 0;
  const report = () => callbacks.onProgress((bytesDone + framesDone) / 2);
  const digests = hasher.hashFile(
    entry.file,
    'video',
    (fraction) => {
      bytesDone = fraction;
      report();
    },
    entry.abort.signal,
  );
  // A failed digest decides the outcome; stop sampling frames for a file that cannot be sent.
  digests.catch(() => entry.abort.abort());
  const sampled = await sampleVideoFrames(entry.file, {
    hashFrame: (source) => hasher.hashFrame(source),
    onProgress(fraction) {
      framesDone = fraction;
      report();
    },
    ...(callbacks.onFirstFrame ? { onFirstFrame: callbacks.onFirstFrame } : {}),
    signal: entry.abort.signal,
  });
  framesDone = 1;
  report();
  const { md5, sha256, timings } = await digests;
  if (sampled.kind === 'frames') return { kind: 'ready', hashes: { type: 'video', md5, sha256, vpdq: sampled.frames }, note: null, timings };
  const note: FileNote = sampled.kind === 'too-long' ? 'video-long' : 'video-undecodable';
  return { kind: 'ready', hashes: { type: 'video', md5, sha256 }, note, timings };
}
