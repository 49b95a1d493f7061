// Benchmark of the LINE webhook: signed events over loopback HTTP to a whole Reclaim on SQLite, acknowledgement latency.

import { pathToFileURL } from 'node:url';
import { startServer } from '../test/helpers';
import { callback, lineEvents, lineUserId, sign, startFakeLine } from '../test/channels/line/fake';
import { runLoad, WARM_UP, type WebhookBenchResult } from './load';

/**
 * Sends `events` webhook requests, each one text message from a distinct person (so each
 * costs a profile lookup on the fake API and creates a conversation), `concurrency` at a time,
 * and measures the time to each 200. Replies and loading animations go to the fake LINE API.
 */
export async function benchWebhook(options: { events?: number; concurrency?: number } = {}): Promise<WebhookBenchResult> {
  const events = options.events ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const fake = await startFakeLine();
  const server = await startServer(fake.env);
  try {
    const bodies = Array.from({ length: events + WARM_UP }, () => {
      const user = lineUserId();
      fake.languages.set(user, 'en');
      return callback(lineEvents.text(user, 'hello'));
    });
    return await runLoad(
      'line',
      server.url,
      bodies.map((body) => ({ path: '/webhooks/line', headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) }, body })),
      concurrency,
    );
  } finally {
    await server.close();
    await fake.close();
  }
}


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await benchWebhook()));
}
