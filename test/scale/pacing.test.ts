// Outbound pacing across instances: two outbox workers on one database send to a platform at its rate once, not twice.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/core/channel';
import type { ChannelName } from '../../src/core/events';
import { createOutboxWorker } from '../../src/engine/outbox';
import { silentLogger } from '../../src/core/logger';
import type { Store } from '../../src/store/database';
import { freshStore } from '../helpers';

const RATE = 2;

function pacedChannel(sentAt: number[]): ChannelAdapter {
  return {
    name: 'telegram',
    capabilities: { maxChoices: 10, maxLabelLength: 40, deletesMedia: true, replyTokens: false, ratePerSecond: RATE },
    async send() {
      sentAt.push(Date.now());
    },
  } as unknown as ChannelAdapter;
}

describe('outbound pacing shared by two instances on PostgreSQL', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await freshStore('postgres'));
  });
  afterAll(async () => cleanup?.());

  it(`keeps two workers together to one burst of ${RATE} and ${RATE} a second`, async () => {
    const now = Date.now();
    for (let i = 0; i < 8; i++) {
      await store.db
        .insertInto('outbox')
        .values({ conversation_id: `pace-${i}`, channel: 'telegram', user_id: `${9000 + i}`, message: JSON.stringify({ text: 'hi', choices: [] }), status: 'pending', attempts: 0, next_attempt_at: 0, lease_until: null, reply_token: null, reply_expires_at: null, last_error: null, created_at: now, sent_at: null })
        .execute();
    }
    const sentAt: number[] = [];
    // Two instances: each its own worker and adapter, sharing nothing but the database.
    const workers = [0, 1].map(() =>
      createOutboxWorker({ store, channels: new Map<ChannelName, ChannelAdapter>([['telegram', pacedChannel(sentAt)]]), publicBaseUrl: 'http://127.0.0.1:1', logger: silentLogger, batchSize: 4 }),
    );
    // Connections open before the race, so that neither worker starts late while its pool connects
    // (a worker that starts late finds the other one has claimed everything, and nothing is shared).
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.05)`.execute(store.db)));
    await Promise.all(workers.map((w) => w.runOnce()));
    // Everything due goes, whichever worker claimed it.
    await Promise.all(workers.map((w) => w.drain()));
    expect(sentAt.length).toBe(8);
    const first = Math.min(...sentAt);
    const early = sentAt.filter((t) => t - first < 900).length;
    // One bucket: the burst of 2, then one more within the first 0.9 s (one slack for timing); two buckets give 6.
    expect(early).toBeLessThanOrEqual(RATE + 2);
  }, 30_000);
});
