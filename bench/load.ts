// Runs signed webhook requests against a server from a worker thread and summarises throughput and latency.

import { Worker } from 'node:worker_threads';

/** Requests sent first, one by one and unmeasured, so connection set-up and JIT warm-up are not counted. */
export const WARM_UP = 8;

/** One request as the platform would send it. */
export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Figures from one webhook load. */
export interface WebhookBenchResult {
  channel: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Sends the requests `concurrency` at a time from another thread (a platform is another machine:
 * its client must not share the server's event loop) and measures the time to each 200. The
 * first `warmUp` requests go one by one, unmeasured.
 */
export async function runLoad(channel: string, url: string, requests: LoadRequest[], concurrency: number, warmUp = WARM_UP): Promise<WebhookBenchResult> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { url, requests, concurrency, warmUp } });
  const { seconds, latencies, failure } = await new Promise<{ seconds: number; latencies: number[]; failure: string | null }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  if (failure) throw new Error(`${channel} webhook: ${failure}`);
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    channel,
    events: latencies.length,
    seconds: round(seconds, 3),
    eventsPerSecond: round(latencies.length / seconds, 1),
    p50Ms: round(percentile(0.5), 2),
    p99Ms: round(percentile(0.99), 2),
  };
}
