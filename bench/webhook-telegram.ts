// Benchmark of the Telegram webhook: signed updates over loopback HTTP to a whole Reclaim on SQLite, acknowledgement latency.

import { pathToFileURL } from 'node:url';
import { startServer } from '../test/helpers';
import { SECRET, startFakeTelegram, telegramEnv, textUpdate } from '../test/channels/telegram/fake';
import { runLoad, WARM_UP, type WebhookBenchResult } from './load';

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
    const updates = Array.from({ length: events + WARM_UP }, (_, i) => JSON.stringify(textUpdate({ id: 900_000_000 + i, language_code: 'en' }, 'hello')));
    return await runLoad(
      'telegram',
      server.url,
      updates.map((body) => ({ path: '/webhooks/telegram', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body })),
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
