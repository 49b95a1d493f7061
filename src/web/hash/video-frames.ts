// vPDQ in the page: a <video> on an object URL is sought one frame a second, each frame handed to a worker as a bitmap.

import { readVideoRotation, type TrackRotation } from './mp4-rotation';
import type { FrameSource } from './protocol';
import type { PageVpdqFrame } from './submission-body';

/** Longer videos get MD5/SHA-256 only: 600 frames already fill most of a 64 KB submission. */
export const MAX_VIDEO_SECONDS = 10 * 60;

/** What sampling gave: the frames, or why there are none (the video still gets MD5/SHA-256). */
export type VideoFramesResult = { kind: 'frames'; frames: PageVpdqFrame[] } | { kind: 'too-long' } | { kind: 'undecodable' };

/** Options for {@link sampleVideoFrames}. */
export interface SampleVideoOptions {
  /** Hashes one frame as stored; receives it by transfer. */
  hashFrame(source: FrameSource): Promise<{ pdq: string; quality: number }>;
  /** 0..1 as frames are hashed. */
  onProgress?(fraction: number): void;
  /** Called with the first frame (as shown) before it is hashed, e.g. to draw a thumbnail. */
  onFirstFrame?(image: CanvasImageSource, width: number, height: number): void;
  signal?: AbortSignal;
}

const LOAD_TIMEOUT_MS = 15_000;
const SEEK_TIMEOUT_MS = 10_000;
/** Frames being hashed while the next one is sought: enough to keep both threads busy. */
const IN_FLIGHT = 2;

/**
 * Samples `file` at 0 s, 1 s, 2 s… like vPDQ's one-hash-a-second default. The reference counts
 * decoded frames instead (every ⌊fps⌋-th), so the sampled instants can differ by part of a
 * second; vPDQ matches frame sets, not positions, so this costs little. Seeking needs the
 * main thread; everything heavy (pixels, PDQ) happens in the worker.
 * @throws only the signal's reason when aborted; every decoding problem is a result.
 */
export async function sampleVideoFrames(file: Blob, options: SampleVideoOptions): Promise<VideoFramesResult> {
  const { signal } = options;
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.preload = 'auto';
  video.className = 'sampler';
  video.setAttribute('aria-hidden', 'true');
  // Some mobile browsers only decode videos that are in the document.
  document.body.append(video);
  try {
    video.src = url;
    await until(video, 'loadeddata', LOAD_TIMEOUT_MS, signal);
    const duration = video.duration;
    if (!Number.isFinite(duration) || duration <= 0 || video.videoWidth < 5 || video.videoHeight < 5) return { kind: 'undecodable' };
    if (duration > MAX_VIDEO_SECONDS) return { kind: 'too-long' };
    const track = await readVideoRotation(file).catch(() => null);
    const count = Math.ceil(duration);
    const frames: PageVpdqFrame[] = new Array(count);
    const inFlight: Promise<void>[] = [];
    for (let second = 0; second < count; second++) {
      signal?.throwIfAborted();
      video.currentTime = second;
      await until(video, 'seeked', SEEK_TIMEOUT_MS, signal);
      const source = await capture(video, second, track);
      if (second === 0) options.onFirstFrame?.(video, video.videoWidth, video.videoHeight);
      const hashed = options.hashFrame(source).then(({ pdq, quality }) => {
        frames[second] = { pdq, quality, timestamp: second };
        options.onProgress?.((second + 1) / count);
      });
      // Awaited below; this only keeps a failure seen later from being reported as unhandled.
      hashed.catch(() => undefined);
      inFlight.push(hashed);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    return { kind: 'frames', frames };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return { kind: 'undecodable' };
  } finally {
    video.removeAttribute('src');
    video.load();
    video.remove();
    URL.revokeObjectURL(url);
  }
}

/** A stale frame is retried this often, this many ms apart, before it is taken anyway. */
const STALE_RETRIES = 5;
const STALE_WAIT_MS = 40;

/**
 * The frame on show after seeking to `second`. Where the browser has VideoFrame, it is taken as
 * one: its timestamp proves it belongs to this second (under load a seek can report done while the
 * previous second's frame is still current), and the worker copies out its stored, unturned pixels.
 * Elsewhere a bitmap of the element is taken, with the turn the container asks for to be undone.
 */
async function capture(video: HTMLVideoElement, second: number, track: TrackRotation | null): Promise<FrameSource> {
  if (typeof VideoFrame === 'function') {
    for (let attempt = 0; ; attempt++) {
      const frame = new VideoFrame(video);
      // The frame for second s starts at s or less than a frame before it; one from the previous second is stale.
      if (frame.timestamp / 1e6 > second - 0.5 || attempt === STALE_RETRIES) return { kind: 'video-frame', frame };
      frame.close();
      await new Promise((resolve) => setTimeout(resolve, STALE_WAIT_MS));
    }
  }
  const bitmap = await createImageBitmap(video);
  return { kind: 'bitmap', bitmap, rotation: rotationToUndo(track, bitmap) };
}

/**
 * How far to turn a frame back. A quarter turn is undone only when the frame's size shows the
 * browser applied it (Chromium does, in createImageBitmap). A half turn leaves the size alone, so
 * it cannot be told; Chromium 156 hands those frames over unturned (measured), so none is undone.
 */
function rotationToUndo(track: TrackRotation | null, frame: ImageBitmap): 0 | 90 | 180 | 270 {
  if (track === null || (track.degrees !== 90 && track.degrees !== 270)) return 0;
  return frame.width === track.height && frame.height === track.width && track.width !== track.height ? track.degrees : 0;
}

function until(target: HTMLVideoElement, event: 'loadeddata' | 'seeked', timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => () => {
      clearTimeout(timer);
      target.removeEventListener(event, ok);
      target.removeEventListener('error', failed);
      signal?.removeEventListener('abort', aborted);
      outcome();
    };
    const ok = finish(resolve);
    const failed = finish(() => reject(new Error(`video ${event} failed`)));
    const aborted = finish(() => reject(signal?.reason));
    const timer = setTimeout(finish(() => reject(new Error(`video ${event} timed out`))), timeoutMs);
    target.addEventListener(event, ok);
    target.addEventListener('error', failed);
    signal?.addEventListener('abort', aborted);
  });
}
