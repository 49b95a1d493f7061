// Migration 014: the waiting messages by when they are due, then in the order they were queued.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './columns';

/**
 * A claim takes the messages due now in queue order. With waiting rows indexed by status and due
 * time (001) and by id (012), SQLite read every due row and sorted them all to take the first
 * batch: with 12,000 messages waiting (a wave), 4.8 ms a claim, one claim every few milliseconds
 * while delivering. One index of the waiting rows by due time, then id, serves both parts of the
 * claim (src/engine/outbox.ts): messages due at once (due time 0) are read in id order and the
 * walk stops at the batch (0.18 ms at the same depth); retries due by now are a range of it. It
 * replaces the two it combines, so every write to the outbox maintains one index fewer.
 */
export function outboxReady(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`create index outbox_ready on outbox (next_attempt_at, id) where status = 'pending'`.execute(db);
      await sql`drop index outbox_pending`.execute(db);
      await sql`drop index outbox_due`.execute(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_due').on('outbox').column('id').where(sql.ref('status'), '=', sql.lit('pending')).execute();
      await sql`drop index outbox_ready`.execute(db);
    },
  };
}
