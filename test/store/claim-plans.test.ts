// PostgreSQL claims are planned at each execution: a plan cached while a queue was nearly empty must not walk thousands of rows later.

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import { createInbox } from '../../src/engine/inbox';
import { createOutboxWorker } from '../../src/engine/outbox';
import { createTranslator, type Translator } from '../../src/engine/i18n';
import type { ChannelAdapter } from '../../src/core/channel';
import type { InboundEvent } from '../../src/core/events';
import { silentLogger } from '../../src/core/logger';
import { dropPgSchema, openStore, type Store } from '../../src/store/database';
import { PG_URL } from '../helpers';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator();
});

describe('claims on PostgreSQL', () => {
  let store: Store | undefined;
  let schema = '';
  afterEach(async () => {
    await store?.close();
    await dropPgSchema(PG_URL, schema);
  });

  it('are never prepared on a connection, while the statements of every event are', async () => {
    schema = `t_${randomBytes(6).toString('hex')}`;
    // One connection: every statement below runs on it, and its prepared statements can be listed.
    store = await openStore({ databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 1 });
    const engine = createEngine({ store, translator });
    const inbox = createInbox({ store, engine, logger: silentLogger });
    const channel: ChannelAdapter = {
      name: 'console',
      capabilities: { maxChoices: 13, maxLabelLength: 40, deletesMedia: false, replyTokens: false, ratePerSecond: 1000 },
      async send() {},
    };
    const worker = createOutboxWorker({ store, channels: new Map([['console', channel]]), publicBaseUrl: 'http://x', logger: silentLogger });
    // More than five runs of each: PostgreSQL moves a prepared statement to a cached generic plan after five.
    for (let i = 0; i < 8; i++) {
      const event: InboundEvent = { type: 'inbound', channel: 'console', userId: `u${i}`, dedupeKey: `claims:${i}`, kind: 'text', text: 'hi', localeHint: 'en', at: 1_000 };
      await inbox.receive([event], { wait: true });
      await worker.drain();
    }
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(store.db);
    const prepared = rows.map((r) => r.statement);
    // The event's own statements are prepared (the check would pass on an empty list otherwise).
    expect(prepared.some((text) => text.startsWith('insert into "inbox"'))).toBe(true);
    expect(prepared.some((text) => text.startsWith('update "outbox" set "status" = \'sent\''))).toBe(true);
    // The two claims are not: each is planned for the queue as it is at that moment.
    expect(prepared.filter((text) => text.includes('"lease_until" = $1') && text.includes('limit $'))).toEqual([]);
    await inbox.stop();
  });
});
