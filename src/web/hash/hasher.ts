// The page's side of the hashing workers: a small pool, one job per worker at a time, replies matched by id.

import type { FrameSource, WorkerReply, WorkerRequest } from './protocol';

type FileReply = Extract<WorkerReply, { kind: 'file' }>;
type FrameReply = Extract<WorkerReply, { kind: 'frame' }>;
type BenchReply = Extract<WorkerReply, { kind: 'bench' }>;

/** Hashing off the main thread. Every method resolves with the worker's answer or rejects with a {@link HashingError}. */
export interface Hasher {
  /**
   * MD5/SHA-256 of the bytes, plus PDQ for an image. `onProgress` gets 0..1 of the worker's share.
   * A job still waiting for a worker when `signal` aborts is dropped and rejects.
   */
  hashFile(file: File, media: 'image' | 'video', onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<FileReply>;
  /** PDQ of one video frame as stored. The frame or bitmap is transferred: the caller must not use it afterwards. */
  hashFrame(source: FrameSource): Promise<FrameReply>;
  /** Starts every worker and its WebAssembly now, so the first file does not wait for them. */
  warm(): void;
  /** Benchmark hook: MD5 alone over a blob in a worker. */
  benchMd5(blob: Blob): Promise<BenchReply>;
  /** Stops every worker; pending jobs reject. */
  close(): void;
}

/** A worker could not do a job: the bytes were unreadable, or the worker itself died. */
export class HashingError extends Error {
  override readonly name = 'HashingError';
}

interface Job {
  request: WorkerRequest;
  transfer: Transferable[];
  onProgress: ((fraction: number) => void) | undefined;
  resolve(reply: WorkerReply): void;
  reject(error: Error): void;
}

/**
 * A pool of `size` workers (default: two, or one on a single-core device), created on first
 * use. Two keep the phone responsive and memory bounded: a 12 MP photo needs ~100 MB while it is
 * being hashed.
 */
export function createHasher(size = Math.min(2, Math.max(1, navigator.hardwareConcurrency || 1))): Hasher {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const queue: Job[] = [];
  let created = 0;
  let nextId = 1;

  const spawn = (): Worker => {
    // Written out literally so Vite emits the worker as its own file under /assets.
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const job = busy.get(worker);
      const reply = event.data;
      if (job === undefined || reply.id !== job.request.id) return;
      if (reply.kind === 'progress') {
        job.onProgress?.(reply.fraction);
        return;
      }
      busy.delete(worker);
      idle.push(worker);
      if (reply.kind === 'failed') job.reject(new HashingError(reply.reason));
      else job.resolve(reply);
      pump();
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const job = busy.get(worker);
      busy.delete(worker);
      worker.terminate();
      created--;
      job?.reject(new HashingError(`hashing worker failed: ${event.message || 'could not start'}`));
      pump();
    });
    created++;
    return worker;
  };

  const pump = () => {
    while (queue.length > 0) {
      const worker = idle.pop() ?? (created < size ? spawn() : undefined);
      if (worker === undefined) return;
      const job = queue.shift()!;
      busy.set(worker, job);
      worker.postMessage(job.request, job.transfer);
    }
  };

  const run = <T extends WorkerReply>(request: WorkerRequest, transfer: Transferable[] = [], onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const job: Job = { request, transfer, onProgress, resolve: resolve as (reply: WorkerReply) => void, reject };
      if (signal?.aborted) return reject(new HashingError('cancelled'));
      // A removed file's job is dropped if it has not started; a started one finishes and is ignored.
      signal?.addEventListener('abort', () => {
        const waiting = queue.indexOf(job);
        if (waiting < 0) return;
        queue.splice(waiting, 1);
        reject(new HashingError('cancelled'));
      }, { once: true });
      queue.push(job);
      pump();
    });

  return {
    hashFile: (file, media, onProgress, signal) => run<FileReply>({ kind: 'file', id: nextId++, file, media }, [], onProgress, signal),
    hashFrame: (source) => run<FrameReply>({ kind: 'frame', id: nextId++, source }, [source.kind === 'video-frame' ? source.frame : source.bitmap]),
    warm() {
      for (let i = created; i < size; i++) run({ kind: 'warm', id: nextId++ }).catch(() => undefined);
    },
    benchMd5: (blob) => run<BenchReply>({ kind: 'bench-md5', id: nextId++, blob }),
    close() {
      for (const worker of [...idle, ...busy.keys()]) worker.terminate();
      for (const job of [...busy.values(), ...queue]) job.reject(new HashingError('closed'));
      idle.length = 0;
      busy.clear();
      queue.length = 0;
    },
  };
}
