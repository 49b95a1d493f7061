// Messages between the page and its hashing worker: files and frames go in as handles, only hashes come back.

/** Page → worker. Files travel as handles (no bytes copied); frames as transferred ImageBitmaps. */
export type WorkerRequest =
  | { kind: 'file'; id: number; file: File; media: 'image' | 'video' }
  | { kind: 'frame'; id: number; source: FrameSource }
  /** Starts the WebAssembly and the PDQ code once, while the person is still reading the page. */
  | { kind: 'warm'; id: number }
  /** Benchmark hook: MD5 alone over a blob, through the same streaming loop the page uses. */
  | { kind: 'bench-md5'; id: number; blob: Blob };

/**
 * One sampled video frame, transferred: a VideoFrame (stored pixels, copied out in the worker) or,
 * where the browser has none, a bitmap the browser may have turned by `rotation` clockwise degrees.
 */
export type FrameSource = { kind: 'video-frame'; frame: VideoFrame } | { kind: 'bitmap'; bitmap: ImageBitmap; rotation: 0 | 90 | 180 | 270 };

/** Timings of one file, in milliseconds, measured inside the worker (for the benchmark). */
export interface FileTimings {
  total: number;
  digest: number;
  decode: number;
  pdq: number;
}

/** Worker → page. */
export type WorkerReply =
  | { kind: 'progress'; id: number; fraction: number }
  | {
      kind: 'file';
      id: number;
      md5: string;
      sha256: string;
      /** Images only: the PDQ hash, or null when the picture could not be decoded. */
      pdq: { hash: string; quality: number } | null;
      timings: FileTimings;
    }
  | { kind: 'frame'; id: number; pdq: string; quality: number }
  | { kind: 'warm'; id: number }
  | { kind: 'bench'; id: number; bytes: number; milliseconds: number }
  /** The bytes themselves could not be read (file moved, permission revoked) or the job failed. */
  | { kind: 'failed'; id: number; reason: string };
