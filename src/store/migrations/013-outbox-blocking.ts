// Migration 013: the messages that can hold back a later one of the same conversation, apart from those already sent.

import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from './columns';

/**
 * Before a message is claimed, the outbox checks that no earlier message of its conversation is
 * held or still waiting. That check walked every earlier row of the conversation, sent ones
 * included, for each candidate; a partial index of the rows that can block (waiting or held)
 * leaves it only those. SQLite, 9,000 sent and 50 waiting: a claim 0.40–0.51 ms → 0.12–0.24 ms.
 */
export function outboxBlocking(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      await sql`create index outbox_blocking on outbox (conversation_id, id) where status in ('pending', 'held')`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop index outbox_blocking`.execute(db);
    },
  };
}
