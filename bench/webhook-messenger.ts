// Benchmark of the Messenger webhook: signed events over loopback HTTP to a whole Reclaim on SQLite, acknowledgement latency.

import { pathToFileURL } from 'node:url';
import { startServer } from '../test/helpers';
import { envelope, messengerEnv, sign, startFakeGraph, textMessage } from '../test/channels/messenger/fake';
import { runLoad, WARM_UP, type WebhookBenchResult } from './load';

/**
 * Sends `events` text messages, each from a distinct PSID (so each creates a conversation),
 * `concurrency` at a time, and measures the time to each 200. Bodies are signed beforehand, as
 * Meta would have; replies go to a fake Graph API.
 */
export async function benchWebhook(options: { events?: number; concurrency?: number } = {}): Promise<WebhookBenchResult> {
  const events = options.events ?? 2000;
  const concurrency = options.concurrency ?? 16;
  const fake = await startFakeGraph();
  const server = await startServer(messengerEnv(fake));
  try {
    const bodies = Array.from({ length: events + WARM_UP }, (_, i) => {
      const raw = JSON.stringify(envelope(textMessage(String(9_100_000_000_000 + i), 'hello')));
      return { raw, signature: sign(raw) };
    });
    return await runLoad(
      'messenger',
      server.url,
      bodies.map(({ raw, signature }) => ({ path: '/webhooks/messenger', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw })),
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
