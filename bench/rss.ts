// Memory over many stored conversations: new people through the engine in-process, resident memory sampled as the store grows.
//
// Run by bench/run.ts in a process of its own (`node --expose-gc --import tsx bench/rss.ts`), so
// nothing else in the run shares its heap. Prints one BENCH_RESULT line.

import { pathToFileURL } from 'node:url';
import type { InboundEvent } from '../src/core/events';
import { openBenchReclaim } from './engine';

export interface RssSample {
  conversations: number;
  seconds: number;
  rssMb: number;
  heapUsedMb: number;
}

export interface RssFigures {
  target: number;
  samples: RssSample[];
  /** False when the time bound ended the run before `target` conversations. */
  finished: boolean;
}

function sample(conversations: number, started: number): RssSample {
  // After a full collection, what remains is what the process really holds.
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { conversations, seconds: (performance.now() - started) / 1000, rssMb: rss / 2 ** 20, heapUsedMb: heapUsed / 2 ** 20 };
}

/**
 * Stores `target` conversations (one first message from each of `target` new people, 16 at a
 * time) on SQLite and samples memory every tenth of the way; stops early at `maxSeconds`.
 */
export async function measureRss(target = 100_000, maxSeconds = 300, concurrency = 16): Promise<RssFigures> {
  const { reclaim, cleanup } = await openBenchReclaim('sqlite');
  try {
    const step = Math.max(1, Math.floor(target / 10));
    const started = performance.now();
    const samples: RssSample[] = [sample(0, started)];
    let next = 0;
    let stop = false;
    while (next < target && !stop) {
      const end = Math.min(target, next + step);
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = next++; i < end; i = next++) {
            const event: InboundEvent = { type: 'inbound', channel: 'console', userId: `rss-${i}`, dedupeKey: `rss:${i}`, kind: 'text', text: 'hi', localeHint: 'en', at: 1_700_000_000_000 + i };
            await reclaim.engine.handle(event);
            // As the server's drain does between batches: let the event loop turn. On SQLite every await
            // above settles as a microtask, so without this the whole run is one task: no timer fires
            // (each send's 15 s timeout stays queued) and V8 keeps every WeakRef target made in the task.
            await new Promise((resolve) => setImmediate(resolve));
          }
        }),
      );
      next = end;
      samples.push(sample(end, started));
      stop = (performance.now() - started) / 1000 > maxSeconds;
    }
    return { target, samples, finished: next >= target };
  } finally {
    await cleanup();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await measureRss(Number(process.env.BENCH_RSS_CONVERSATIONS ?? 100_000), Number(process.env.BENCH_RSS_SECONDS ?? 300));
  console.log(`BENCH_RESULT ${JSON.stringify(figures)}`);
}
