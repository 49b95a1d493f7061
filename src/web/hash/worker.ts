// The hashing worker: MD5/SHA-256 streamed from the file, pixels decoded and PDQ-hashed here, off the page's thread.

import { createMD5 } from 'hash-wasm';
import { createDigester, digestStream, hashVpdqFrame, pdqHash } from '../../hashing/index';
import { decodeImagePixels, readBitmap, readVideoFrame } from './decode-image';
import { readChunks } from './read-chunks';
import { unrotate } from './unrotate';
import type { FileTimings, FrameSource, WorkerReply, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** At most this often a progress message, so a 2 GB video does not flood the page with 30 000 of them. */
const PROGRESS_INTERVAL_MS = 100;

scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  handle(request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ kind: 'failed', id: request.id, reason: describe(error) } satisfies WorkerReply),
  );
});

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'file':
      return hashFile(request.id, request.file, request.media);
    case 'frame':
      return hashFrame(request.id, request.source);
    case 'warm':
      return warm(request.id);
    case 'bench-md5':
      return benchMd5(request.id, request.blob);
  }
}

async function hashFile(id: number, file: File, media: 'image' | 'video'): Promise<WorkerReply> {
  const start = performance.now();
  const timings: FileTimings = { total: 0, digest: 0, decode: 0, pdq: 0 };
  let lastProgress = 0;
  // Decoding runs in the browser's decoder threads while this thread streams the digests.
  const digests = digestStream(readChunks(file), {
    onProgress(bytes) {
      const now = performance.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      // Images: the digest is the first half of the work; videos: all of it (frames are the page's part).
      const share = media === 'image' ? 0.5 : 1;
      scope.postMessage({ kind: 'progress', id, fraction: (share * bytes) / Math.max(1, file.size) } satisfies WorkerReply);
    },
  }).then((result) => {
    timings.digest = performance.now() - start;
    return result;
  });
  let pdq: { hash: string; quality: number } | null = null;
  if (media === 'image') {
    const pixels = await decodeImagePixels(file).catch(() => null);
    timings.decode = performance.now() - start;
    if (pixels !== null) {
      const before = performance.now();
      pdq = pdqHash(pixels);
      timings.pdq = performance.now() - before;
    }
  }
  const { md5, sha256 } = await digests;
  timings.total = performance.now() - start;
  return { kind: 'file', id, md5, sha256, pdq, timings };
}

async function hashFrame(id: number, source: FrameSource): Promise<WorkerReply> {
  // The page samples by time and sends no frame index; vPDQ's rules (full resolution, 64x64 shortcut) still apply.
  const { pdq, quality } = hashVpdqFrame(await framePixels(source), 0, 1);
  return { kind: 'frame', id, pdq, quality };
}

async function framePixels(source: FrameSource) {
  if (source.kind === 'video-frame') {
    try {
      return await readVideoFrame(source.frame);
    } finally {
      source.frame.close();
    }
  }
  try {
    return unrotate(await readBitmap(source.bitmap), source.rotation);
  } finally {
    source.bitmap.close();
  }
}

async function warm(id: number): Promise<WorkerReply> {
  (await createDigester()).digest();
  pdqHash({ data: new Uint8Array(256 * 256 * 4), width: 256, height: 256, channels: 4 });
  return { kind: 'warm', id };
}

async function benchMd5(id: number, blob: Blob): Promise<WorkerReply> {
  const md5 = await createMD5();
  md5.init();
  const start = performance.now();
  for await (const chunk of readChunks(blob)) md5.update(chunk);
  md5.digest('hex');
  return { kind: 'bench', id, bytes: blob.size, milliseconds: performance.now() - start };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
