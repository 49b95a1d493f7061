// Benchmark of the Telegram webhook: signed updates over loopback HTTP to a whole Reclaim on SQLite, acknowledgement latency.

import { pathToFileURL } from 'node:url';
import { startServer } from '../test/helpers';
import { postUpdate, startFakeTelegram, telegramEnv, textUpdate } from '../test/channels/telegram/fake';

/** Figures from one run of {@link benchWebhook}. */
export interface WebhookBenchResult {
  channel: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Sends `events` text messages, each from a distinct person (so each creates a conversation),
 * `concurrency` at a time, and measures the time to each 200. Replies go to a fake Bot API.
 */
export async function benchWebhook(options: { events?: number; concurrency?: number } = {}): Promise<WebhookBenchResult> {
  const events = options.events ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const fake = await startFakeTelegram();
  const server = await startServer(telegramEnv(fake));
  try {
    const updates = Array.from({ length: events }, (_, i) => JSON.stringify(textUpdate({ id: 900_000_000 + i, language_code: 'en' }, 'hello')));
    // A few requests first, so connection set-up and JIT warm-up are not measured.
    for (let i = 0; i < 8; i++) await postUpdate(server.url, textUpdate({ id: 800_000_000 + i, language_code: 'en' }, 'hello'));
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < events; i = next++) {
          const t = performance.now();
          const response = await postUpdate(server.url, updates[i]!);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      channel: 'telegram',
      events,
      seconds: round(seconds, 3),
      eventsPerSecond: round(events / seconds, 1),
      p50Ms: round(percentile(latencies, 0.5), 2),
      p99Ms: round(percentile(latencies, 0.99), 2),
    };
  } finally {
    await server.close();
    await fake.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchWebhook()));
}
