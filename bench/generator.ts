// Runs the load generator thread (bench/generator-worker.mjs) and turns its raw times into figures.

import { Worker } from 'node:worker_threads';

export interface GeneratorOptions {
  /** Full webhook URL. */
  url: string;
  secret: string;
  mode: 'closed' | 'open';
  durationMs: number;
  /** Closed loop: senders at once. */
  concurrency?: number;
  /** Open loop: updates per second. */
  rate?: number;
  maxEvents?: number;
  /** First person id (and update id); each run takes its own range. */
  idBase: number;
  perPerson: 1 | 7;
}

export interface GeneratorResult {
  sent: number;
  failures: number;
  seconds: number;
  eventsPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  /** When each update left, absolute ms, by index (person idBase + i when perPerson is 1). */
  sentAt: Float64Array;
}

/** Sends the load from another thread: the platform is another machine, its client must not share a thread with anything measured. */
export async function runGenerator(options: GeneratorOptions): Promise<GeneratorResult> {
  const worker = new Worker(new URL('./generator-worker.mjs', import.meta.url), { workerData: { concurrency: 16, ...options } });
  const raw = await new Promise<{ sent: number; failures: number; seconds: number; sentAt: Float64Array; ackMs: Float64Array }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return {
    sent: raw.sent,
    failures: raw.failures,
    seconds: raw.seconds,
    eventsPerSecond: raw.sent / raw.seconds,
    ackP50Ms: percentile(raw.ackMs, 0.5),
    ackP99Ms: percentile(raw.ackMs, 0.99),
    sentAt: raw.sentAt,
  };
}

/** The p-th quantile (0..1) of the values, nearest rank; 0 for none. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
