// Retention: undelivered bot messages (held, pending, failed) do not stay in the store forever.

import { afterEach, describe, expect, it } from 'vitest';
import { createRetention } from '../../src/engine/retention';
import { silentLogger } from '../../src/core/logger';
import type { Store } from '../../src/store/database';
import { DIALECTS, freshStore } from '../helpers';

const DAY = 24 * 60 * 60_000;
const NOW = 100 * DAY;

describe.each(DIALECTS)('retention of the outbox on %s', (dialect) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup?.());

  it('purges held, pending and failed messages past the bound, and keeps recent ones and one in flight', async () => {
    ({ store, cleanup } = await freshStore(dialect));
    const row = (user: string, status: string, age: number, lease: number | null = null) => ({
      conversation_id: `c-${user}`, channel: 'console', user_id: user, message: '{"text":"bot words"}', status,
      attempts: 1, next_attempt_at: NOW - age, lease_until: lease, reply_token: null, reply_expires_at: null, last_error: null, created_at: NOW - age, sent_at: null,
    });
    await store.db.insertInto('outbox').values([
      row('old-held', 'held', 8 * DAY),
      row('old-pending', 'pending', 8 * DAY),
      row('old-failed', 'failed', 8 * DAY),
      row('old-in-flight', 'pending', 8 * DAY, NOW + 30_000),
      row('recent-held', 'held', 2 * DAY),
      row('recent-pending', 'pending', 60_000),
    ]).execute();
    const retention = createRetention({ store, logger: silentLogger, transcriptDays: 30, now: () => NOW });
    const report = await retention.purge();
    const left = (await store.db.selectFrom('outbox').select('user_id').orderBy('user_id').execute()).map((r) => r.user_id);
    expect(left).toEqual(['old-in-flight', 'recent-held', 'recent-pending']);
    expect(report.outbox).toBe(3);
  });
});
